"""The own-series page: a paste over the size limit refused as a file is, and weekly prices counted in weeks."""

import json

from streamlit.testing.v1 import AppTest

from lstm.training.series import MAX_BYTES

GOOD = "close\n1\n3\n2\n5\n4\n6\n"


def test_a_paste_over_the_limit_is_refused_and_the_last_good_paste_goes_back_in_the_field():
    app = AppTest.from_string("from lstm.ui import series\nseries.render()\n", default_timeout=60)
    app.run()
    app.text_area(key="series_paste").input(GOOD).run()
    oversized = "close\n" + "1.25\n" * (MAX_BYTES // 5 + 1)
    app.text_area(key="series_paste").input(oversized).run()
    assert not app.exception, app.exception
    said = app.error[0].value.replace("\\", "")  # the message is markdown-escaped
    assert said.startswith("The pasted text was not used: it is 1.0 MB; a price series fits in 1 MB.")
    assert "last one that worked" in app.error[0].value
    assert app.text_area(key="series_paste").value == GOOD
    assert json.loads(app.get("plotly_chart")[0].proto.spec)["data"][0]["y"] == [1.0, 3.0, 2.0, 5.0, 4.0, 6.0]


def test_weekly_prices_are_counted_in_weeks_and_a_paste_of_days_in_days():
    app = AppTest.from_string("from lstm.ui import series\nseries.render()\n", default_timeout=60)
    app.run()
    next(button for button in app.button if button.label == "AAPL").click().run()
    captions = " ".join(caption.value for caption in app.caption)
    assert "101 windows of 4 weeks, each with the next week as its label" in captions
    assert list(app.dataframe[0].value.columns) == ["window", "weeks (scaled)", "next week (label)"]
    app.text_area(key="series_paste").input(GOOD).run()
    assert "2 windows of 4 days, each with the next day as its label" in " ".join(c.value for c in app.caption)


def test_prices_in_the_millions_are_written_out_not_in_exponents():
    app = AppTest.from_string("from lstm.ui import series\nseries.render()\n", default_timeout=60)
    app.run()
    app.text_area(key="series_paste").input("close\n2500000\n3000000\n2750000\n3250000\n3100000\n3400000\n").run()
    assert not app.exception, app.exception
    said = " ".join(element.value for element in [*app.caption, *app.markdown, *app.info, *app.success])
    assert "2500000" in said and "3400000" in said, said
    assert "e+06" not in said
