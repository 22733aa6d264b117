"""The explorer page through Streamlit's AppTest: inputs, presets, weight editing, URL state."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from lstm.explorer.lesson import LESSON
from lstm.explorer.link_values import exact
from lstm.explorer.state import MAX_PAGE_DAYS
from lstm.ui.explorer_inputs import MOST_DAY_FIELDS, WEIGHTS_EDITOR
from lstm.unit.weights import NAMES, PRESETS
from tests.support.apptest import open_folds
from tests.support.paths import REPO

APP = str(REPO / "streamlit_app.py")
NUMBERS = 4  # index of the numbers trace in the unrolled figure


def open_app(**query) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


def unrolled(app: AppTest) -> dict:
    charts = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    return next(chart for chart in charts if "frames" in chart)


def prediction_text(app: AppTest) -> str:
    return next(block.value for block in app.markdown if block.value.startswith("#### Prediction"))


def query(app: AppTest) -> dict:
    return {key: app.query_params[key] for key in app.query_params}


def share_link(app: AppTest) -> str:
    """The link the share panel's copy field holds."""
    field = next(element for element in app.get("bidi_component") if element.proto.component_name.endswith("copy_link"))
    return json.loads(field.proto.json)["link"]


def component_data(app: AppTest, name: str) -> dict:
    """What the page sent one of its own components (player, figure_text): its settings."""
    element = next(element for element in app.get("bidi_component") if element.proto.component_name.endswith(name))
    return json.loads(json.loads(element.proto.json)[name])


def day_inputs(app: AppTest) -> list:
    return [field for field in app.number_input if field.key and field.key.startswith("day_")]


def test_default_view_is_company_a_with_trained_weights():
    app = open_app()
    assert [field.value for field in day_inputs(app)] == [0.0, 0.5, 0.25, 1.0]
    assert app.radio(key="weights_preset").value == "trained"
    assert "0.0022" in prediction_text(app) and "Company A" in prediction_text(app)
    figure = unrolled(app)
    assert "84%" in figure["data"][NUMBERS]["text"]
    assert len(figure["frames"]) == 21
    assert query(app) == {"days": "0,0.5,0.25,1", "weights": "trained"}
    assert not app.warning


def test_link_sets_days_weights_and_position():
    app = open_app(days="1,0.5,0.25,1", weights="seed", day="2", stage="output")
    assert [field.value for field in day_inputs(app)] == [1.0, 0.5, 0.25, 1.0]
    assert app.radio(key="weights_preset").value == "seed"
    assert "-0.0383" in prediction_text(app)
    figure = unrolled(app)
    assert component_data(app, "player")["start"] == 9
    assert "Day 2: output %" in figure["data"][8]["text"][0]


def test_changing_a_day_changes_the_numbers_and_the_link():
    app = open_app()
    app.number_input(key="day_0").set_value(1.0).run()
    assert "0.9693" in prediction_text(app) and "Company B" in prediction_text(app)
    assert query(app)["days"] == "1,0.5,0.25,1"


def test_add_and_remove_days_within_bounds():
    app = open_app(days="0.5")
    remove = next(button for button in app.button if button.label == "Remove")
    assert remove.disabled
    for _ in range(MOST_DAY_FIELDS):
        next(button for button in app.button if button.label == "Add").click().run()
    # Past twelve days the days are one text of values, not a field each.
    assert day_inputs(app) == [] and app.text_area(key="days_text").value == ", ".join(["0.5"] * 13)
    app = open_app(days=",".join(["0.5"] * (MAX_PAGE_DAYS - 1)))
    next(button for button in app.button if button.label == "Add").click().run()
    assert query(app)["days"] == ",".join(["0.5"] * MAX_PAGE_DAYS)
    assert next(button for button in app.button if button.label == "Add").disabled
    next(button for button in app.button if button.label == "Remove").click().run()
    assert query(app)["days"] == ",".join(["0.5"] * (MAX_PAGE_DAYS - 1))


def test_sixty_days_pasted_as_text_and_a_bad_text_refused():
    app = open_app()
    pasted = ", ".join(exact(round(index / 59, 3)) for index in range(MAX_PAGE_DAYS))
    app.text_area(key="days_text").set_value(pasted).run()
    assert not app.exception
    assert query(app)["days"] == pasted.replace(", ", ",")
    assert "cell" not in query(app) and len(app.warning) == 0
    app.text_area(key="days_text").set_value("0.5, 1, many").run()
    assert query(app)["days"] == pasted.replace(", ", ",")  # unchanged
    assert any("The days are unchanged: day 3:" in warning.value for warning in app.warning)
    assert app.text_area(key="days_text").value == pasted


def test_a_day_field_changes_the_text_of_all_days():
    app = open_app()
    app.number_input(key="day_1").set_value(0.75).run()
    assert app.text_area(key="days_text").value == "0, 0.75, 0.25, 1"


def test_day_presets():
    app = open_app()
    presets = app.selectbox(key="day_preset")
    assert presets.options == ["Company A", "Company B", "Early spike, then calm", "Steady rise"], "shown by label"
    presets.set_value("spike").run()  # chosen by key
    assert [field.value for field in day_inputs(app)] == [1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    app.selectbox(key="day_preset").set_value("B").run()
    assert query(app)["days"] == "1,0.5,0.25,1"


def test_reset_days_returns_to_company_a():
    app = open_app(days="1,2,3,4,5")
    next(button for button in app.button if button.label == "Reset").click().run()
    assert [field.value for field in day_inputs(app)] == [0.0, 0.5, 0.25, 1.0]
    assert query(app)["days"] == "0,0.5,0.25,1"


def test_the_weights_editor_draws_its_fields_once_opened():
    app = open_app()
    assert not [field for field in app.number_input if field.key.startswith("number_")]
    open_folds(app, WEIGHTS_EDITOR)
    assert [field.key for field in app.number_input if field.key.startswith("number_")] == [
        f"number_{name}" for name in NAMES
    ]
    assert app.number_input(key="number_wlr1").value == pytest.approx(PRESETS["trained"]["wlr1"])


def test_weight_presets_and_editing():
    app = open_folds(open_app(), WEIGHTS_EDITOR)
    app.radio(key="weights_preset").set_value("seed").run()
    assert app.number_input(key="number_wo1").value == pytest.approx(PRESETS["seed"]["wo1"])
    assert query(app)["weights"] == "seed"

    app.number_input(key="number_wo1").set_value(1.5).run()
    assert app.radio(key="weights_preset").value == "custom"
    values = [float(value) for value in query(app)["weights"].split(",")]
    assert values[NAMES.index("wo1")] == 1.5
    assert values[NAMES.index("wlr1")] == pytest.approx(PRESETS["seed"]["wlr1"])
    assert app.slider(key="slider_wo1").value == 1.5

    app.slider(key="slider_wlr1").set_value(-2.0).run()
    assert app.number_input(key="number_wlr1").value == -2.0

    next(button for button in app.button if button.label == "Reset weights").click().run()
    assert app.radio(key="weights_preset").value == "trained"
    assert query(app)["weights"] == "trained"


def test_weights_beyond_the_slider_keep_the_exact_value():
    app = open_folds(open_app(), WEIGHTS_EDITOR)
    app.number_input(key="number_bp1").set_value(250.0).run()
    assert app.number_input(key="number_bp1").value == 250.0
    assert app.slider(key="slider_bp1").value == 8.0
    assert not app.exception


def test_one_set_of_controls_the_player_under_the_cells():
    app = open_app(day="1", stage="output")
    assert not [button for button in app.button if button.label in ("Step forward", "Step back")]
    figure = unrolled(app)
    assert "sliders" not in figure["layout"] and "updatemenus" not in figure["layout"]
    player = component_data(app, "player")
    assert len(player["frames"]) == 21 and player["start"] == 4
    assert player["report"] and player["caption_apart"]  # the link follows the player; the caption sits above


def test_the_unit_has_a_text_alternative_for_every_stage():
    app = open_app(day="1", stage="output")
    text = component_data(app, "figure_text")
    assert text["chart"] == "unrolled" and text["name"] == "The unrolled LSTM unit over 4 days"
    assert text["start"] == 4 and len(text["descriptions"]) == len(text["captions"]) == 21
    assert "Day 1: output %" in text["descriptions"][4] and "the trained weights" in text["descriptions"][4]
    assert "not computed yet" in text["descriptions"][4]
    assert "The prediction: 0.0022." in text["descriptions"][-1]
    assert text["captions"][4][0].startswith("Day 1: output %")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"days": "abc"}, "days: day 1"),
        ({"days": "nan,1"}, "not a finite number"),
        ({"days": ",".join(["1"] * 10_000)}, "too long"),
        ({"weights": "1,2,3"}, "expected 12 weights"),
        ({"weights": "banana"}, "neither seed nor trained"),
        ({"day": "99"}, "day: 99 is outside"),
        ({"stage": "<b>x</b>"}, "stage"),
    ],
)
def test_bad_link_values_warn_and_fall_back(params, message):
    app = open_app(**params)
    assert len(app.warning) == 1
    shown = app.warning[0].value
    assert message.replace("<", "\\<").split(":")[0] in shown
    assert "Traceback" not in shown
    assert unrolled(app)["frames"], "the view still draws"


def test_visitor_text_is_escaped_not_rendered():
    app = open_app(days="**bold**[link](javascript:alert(1))")
    shown = app.warning[0].value
    assert "\\*\\*bold\\*\\*\\[link\\]\\(javascript\\:" in shown
    with_tags = open_app(stage="<script>x</script>")
    assert "\\<script\\>" in with_tags.warning[0].value


def test_a_bad_link_keeps_the_good_fields():
    app = open_app(days="1,0.5,0.25,1", weights="nonsense")
    assert [field.value for field in day_inputs(app)] == [1.0, 0.5, 0.25, 1.0]
    assert app.radio(key="weights_preset").value == "trained"


def charts(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def test_table_and_share_link():
    app = open_app(days="0,1")
    assert not [chart for chart in charts(app) if chart["data"][0]["type"] == "table"]  # folded, not drawn yet
    open_folds(app, "every_day")
    table = next(chart["data"][0] for chart in charts(app) if chart["data"][0]["type"] == "table")
    assert table["header"]["values"][:3] == ["<b>day</b>", "<b>input</b>", "<b>long-<br>remember %</b>"]
    assert table["cells"]["values"][1] == ["0.0000", "1.0000"]
    assert share_link(app).endswith("?days=0,1&weights=trained")


def test_presenter_mode_enlarges_the_cells_and_folds_the_rest_away():
    app = open_app(mode="present")
    assert app.toggle(key="present").value is True
    normal = open_app()
    assert unrolled(app)["layout"]["height"] > unrolled(normal)["layout"]["height"]
    assert "Days, weights and more" in [expander.label for expander in app.expander]
    assert query(app)["day"] == "0"  # presenter mode opens at the start: the class predicts first
    assert any(expander.label.startswith("Prediction: not computed yet") for expander in app.expander)
    app.toggle(key="present").set_value(False).run()
    assert "mode" not in query(app)
    assert unrolled(app)["layout"]["height"] == unrolled(normal)["layout"]["height"]


def test_the_lesson_steps_set_the_page_and_the_link():
    app = open_app()
    next(button for button in app.button if button.label == "Start the lesson").click().run()
    assert query(app)["lesson"] == "1" and query(app)["day"] == "0"
    for number in range(2, len(LESSON) + 1):
        next(button for button in app.button if button.label == "Next lesson step").click().run()
        assert query(app)["lesson"] == str(number)
        if number == 8:  # the latch: a spike, then calm days
            assert query(app)["days"] == "1,0,0,0,0,0"
    assert query(app)["days"] == "1,0.5,0.25,1"  # the closing recap, on the tutorial's days
    assert next(button for button in app.button if button.label == "Next lesson step").disabled
    next(button for button in app.button if button.label == "Leave the lesson").click().run()
    assert query(app)["lesson"] == str(len(LESSON))  # leaving asks once
    next(button for button in app.button if button.label == "Leave the lesson now").click().run()
    assert "lesson" not in query(app) and query(app)["days"] == "1,0.5,0.25,1"


def test_a_lesson_link_hides_what_the_teacher_chose():
    app = open_app(hide="weights,table,share", lesson="6")
    assert not [field for field in app.number_input if field.key and field.key.startswith("number_")]
    assert not [chart for chart in charts(app) if chart["data"][0]["type"] == "table"]
    assert not [element for element in app.get("bidi_component") if element.proto.component_name.endswith("copy_link")]
    assert day_inputs(app), "the days stay"
    assert prediction_text(app).startswith("#### Prediction: -0.0383")
    assert query(app)["hide"] == "weights,table,share"


def test_a_cell_link_opens_the_detail_and_the_link_keeps_it():
    app = open_app(days="1,0.5,0.25,1", cell="2")
    figure = unrolled(app)
    assert "xaxis2" in figure["layout"] and any(trace.get("name") == "detail weights" for trace in figure["data"])
    assert query(app)["cell"] == "2"
    assert not app.warning


@pytest.mark.parametrize("value", ["0", "5", "two", "2.0", ""])
def test_an_unusable_cell_is_named_with_the_allowed_range(value):
    app = open_app(cell=value)
    assert any("the days are 1 to 4" in warning.value for warning in app.warning)
    assert "xaxis2" not in unrolled(app)["layout"]
    assert "cell" not in query(app)


def test_the_open_control_opens_and_closes_a_cell_and_fewer_days_close_it():
    app = open_app()
    control = app.button_group(key="open_day")
    control.set_value(3).run()
    assert query(app)["cell"] == "3" and "xaxis2" in unrolled(app)["layout"]
    app.button_group(key="open_day").set_value(None).run()
    assert "cell" not in query(app) and "xaxis2" not in unrolled(app)["layout"]
    app.button_group(key="open_day").set_value(4).run()
    next(button for button in app.button if button.label == "Remove").click().run()
    assert "cell" not in query(app)  # day 4 is gone, and its cell with it


def test_past_the_day_fields_a_day_is_picked_from_a_list_that_opens_its_cell():
    app = open_app(days=",".join(["0.5"] * 24))
    assert not app.button_group  # no row of 24 day buttons
    picker = app.selectbox(key="open_day")
    assert picker.value is None and len(picker.options) == 24 and not app.warning
    picker.set_value(20).run()
    charts = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    assert query(app)["cell"] == "20" and any("xaxis2" in chart["layout"] for chart in charts)
    assert app.selectbox(key="open_day").value == 20 and not app.exception


def test_lesson_step_4_opens_company_b_day_2():
    app = open_app(lesson="4")
    assert query(app)["cell"] == "2" and query(app)["days"] == "1,0.5,0.25,1"
    # The stage's arithmetic, every factor named, in the caption above the cells.
    (text,) = [e.proto.json for e in app.get("bidi_component") if e.proto.component_name.endswith("figure_text")]
    assert "wlr1 2.7043 × short 0.2757" in json.dumps(json.loads(json.loads(text)["figure_text"]), ensure_ascii=False)


def test_no_spoilers_before_the_animation_reaches_the_end():
    app = open_app(days="1,0.5,0.25,1", day="2", stage="output")
    folded = [expander.label for expander in app.expander]
    assert any(label.startswith("Prediction: not computed yet") for label in folded)
    assert "Every day's numbers, the prediction included: show them" in folded
    at_the_end = open_app(days="1,0.5,0.25,1", day="4", stage="short-memory")
    assert "0.9693" in prediction_text(at_the_end)
    assert not [label for label in (e.label for e in at_the_end.expander) if "prediction included" in label]
