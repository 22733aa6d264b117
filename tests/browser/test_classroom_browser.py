"""The classroom in Chromium: presenter mode, the lesson, lesson links that hide controls, exports."""

from playwright.sync_api import expect

from lstm.explorer.lesson import LESSON
from lstm.unit.weights import PRESETS
from tests.support.browser import (
    ARTIFACTS,
    EVERY_DAY_FOLD,
    UNROLLED,
    chart_texts,
    open_fold,
    wait_for_app,
    wait_for_page,
    wait_for_progress,
    wait_until,
)

# Plotly's camera button in a chart's mode bar.
CAMERA = ".modebar-btn[data-title^='Download plot']"


def text_size(page, text: str) -> float:
    """The rendered font size, in pixels, of the unrolled unit's text that starts with `text`."""
    return page.eval_on_selector_all(
        f"{UNROLLED} text",
        "(nodes, text) => parseFloat(getComputedStyle(nodes.find(n => n.textContent.startsWith(text))).fontSize)",
        text,
    )


def caption_size(page) -> float:
    """The rendered font size, in pixels, of the stage's caption above the cells."""
    return page.locator(".figure-text .stage-caption").evaluate("node => parseFloat(getComputedStyle(node).fontSize)")


def test_presenter_mode_is_readable_from_the_back_row(browser, app_url):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{app_url}/?days=1,0.5,0.25,1&weights=trained&day=1&stage=long-memory")
    wait_for_app(page)
    normal_size, normal_caption = text_size(page, "day 1"), caption_size(page)
    page.get_by_text("Presenter mode").click()
    page.wait_for_function("() => location.search.includes('mode=present')")
    wait_for_app(page)
    assert text_size(page, "day 1") >= 1.15 * normal_size
    assert caption_size(page) >= 1.2 * normal_caption
    chart = page.locator(UNROLLED).bounding_box()
    assert chart["height"] >= 0.5 * 1080, "the cells should fill the screen the caption and the player leave"
    next_stage = page.get_by_role("button", name="Next stage").bounding_box()
    assert next_stage["height"] >= 44 and next_stage["y"] + next_stage["height"] <= 1080
    expect(page.get_by_role("spinbutton", name="Day 1")).to_be_hidden()  # folded away
    caption = page.locator(".figure-text .stage-caption")
    expect(caption).to_contain_text("Day 1: new long-term memory")
    page.screenshot(path=str(ARTIFACTS / "presenter.png"))
    page.get_by_role("button", name="Next stage").click()
    expect(caption).to_contain_text("Day 1: output %")
    page.wait_for_function("() => location.search.includes('stage=output')")  # the link follows the player
    page.get_by_text("Days, weights and more").click()
    expect(page.get_by_role("spinbutton", name="Day 1")).to_be_visible()
    page.close()


def answer_the_question(page, number: int, right: bool) -> str:
    """Chooses the right (or a wrong) answer of lesson step `number` and presses Check; returns the right one."""
    question = LESSON[number - 1].question
    correct = question.answer(PRESETS[LESSON[number - 1].weights]).choice
    choice = correct if right else (correct + 1) % len(question.choices)
    panel = page.locator(".st-key-lesson")
    panel.get_by_text(question.choices[choice], exact=True).click()
    expect(panel.get_by_role("radio", name=question.choices[choice])).to_be_checked()
    panel.get_by_role("button", name="Check").click()
    verdict = "Right: " if right else "Not quite: "
    expect(panel.get_by_text(verdict, exact=False)).to_be_visible()
    return question.choices[correct]


def test_the_lesson_walks_through_the_story_asking_before_it_shows(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_role("button", name="Start the lesson").click()
    for number, step in enumerate(LESSON, start=1):
        page.wait_for_function(f"() => location.search.includes('lesson={number}')")
        if step.view is None:
            wait_for_app(page)
        else:  # step 1: the Why an LSTM view in place of the cells, opening at day 1
            wait_for_page(page)
            page.wait_for_selector(".st-key-lesson_why_lstm .main-svg")
        expect(page.get_by_text(f"Lesson, step {number} of {len(LESSON)}: {step.title}")).to_be_visible()
        expect(page.get_by_text(step.look_at)).to_be_visible()
        if step.question is not None:
            expect(page.get_by_text(step.question.prompt)).to_be_visible()
        if step.question is not None and step.view is None:
            expect(page.get_by_text("Prediction: not computed yet", exact=False)).to_be_visible()  # asked first
        if number == 2:
            right = answer_the_question(page, 2, right=True)
            revealed = f"Right: {right}. After day 2 Company B's long-term memory is 0.9106"
            expect(page.get_by_text(revealed)).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "lesson-question.png"))
        if number == 3:
            right = answer_the_question(page, 3, right=False)
            expect(page.get_by_text(f"the answer is {right}.", exact=False)).to_be_visible()
            # Revealed on the cells too (day 4): the chart redraws a moment after the lesson panel on a busy machine.
            wait_until(lambda: any(text.startswith("2.4048") for text in chart_texts(page)), what="2.4048 on day 4")
        if number == 4:  # the gates, every factor named, in the lesson panel and on Company B's opened day 2
            arithmetic = "long-remember % = σ(wlr1 2.7043 × short 0.2757 + wlr2 1.6307 × input 0.5000 + blr1 1.6234)"
            expect(page.get_by_text(arithmetic).first).to_be_visible()
            wait_until(lambda: "wlr1 2.7043" in " ".join(chart_texts(page)), what="the opened cell's weights")
            page.mouse.move(0, 0)  # no tooltip in the picture
            expect(page.locator(".hoverlayer .hovertext")).to_have_count(0)
            page.screenshot(path=str(ARTIFACTS / "lesson.png"))
        if number == 5:
            answer_the_question(page, 5, right=True)
            expect(page.get_by_text("Prediction: -0.0383", exact=True)).to_be_visible()
        if number == 7:
            answer_the_question(page, 7, right=True)
            expect(page.get_by_text("Prediction: 0.9693", exact=True)).to_be_visible()
        if number == len(LESSON):
            expect(page.get_by_text("Your score: 3 of 6 right, 2 still to answer")).to_be_visible()
        if number < len(LESSON):
            page.get_by_role("button", name="Next lesson step").click()
    expect(page.get_by_role("button", name="Next lesson step")).to_be_disabled()
    page.get_by_role("button", name="Leave the lesson").click()
    page.get_by_role("button", name="Leave the lesson now").click()  # leaving asks once
    page.wait_for_function("() => !location.search.includes('lesson=')")
    wait_for_app(page)
    expect(page.get_by_role("button", name="Start the lesson")).to_be_visible()


def test_a_new_lesson_step_starts_at_its_top_with_the_cells_and_play_beside_it(browser, app_url):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{app_url}/?lesson=1")
    wait_for_page(page)
    page.get_by_role("button", name="Next lesson step").click()  # at the panel's foot, below the fold
    page.wait_for_function("() => location.search.includes('lesson=2')")
    wait_for_app(page)

    def on_screen(locator) -> bool:
        box = locator.bounding_box()
        return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 768

    heading = page.get_by_text(f"Lesson, step 2 of {len(LESSON)}", exact=False)
    wait_until(lambda: on_screen(heading), what="the new step's heading on screen")
    assert on_screen(page.locator(f"{UNROLLED} .cartesianlayer"))  # every cell, beside the lesson
    assert on_screen(page.get_by_role("button", name="Play", exact=True))  # and Play
    page.close()


def test_presenter_mode_reveals_when_the_teacher_clicks(browser, app_url):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{app_url}/?lesson=5&mode=present")
    wait_for_app(page)
    expect(page.get_by_text(LESSON[4].question.prompt)).to_be_visible()
    expect(page.get_by_text("The answer:", exact=False)).to_have_count(0)  # the class votes first
    expect(page.get_by_text("Prediction: -0.0383", exact=True)).to_be_hidden()
    page.get_by_role("button", name="Reveal the answer").click()
    expect(page.get_by_text("The answer: Less than 0.1 apart.", exact=False)).to_be_visible()
    expect(page.get_by_text("Prediction: -0.0383", exact=True)).to_be_visible()
    page.close()


def test_a_lesson_link_hides_the_controls_the_teacher_chose(page, app_url):
    page.goto(f"{app_url}/?lesson=6&hide=weights,training")
    wait_for_app(page)
    expect(page.get_by_text(f"Lesson, step 6 of {len(LESSON)}")).to_be_visible()
    expect(page.get_by_role("spinbutton", name="Day 1")).to_be_visible()
    expect(page.get_by_role("radio", name="seed")).to_have_count(0)
    expect(page.get_by_text("Edit the twelve weights")).to_have_count(0)
    expect(page.get_by_role("link", name="Training")).to_have_count(0)
    # The exercise itself still works, and the link keeps what it hides.
    day_1 = page.get_by_role("spinbutton", name="Day 1")
    day_1.fill("0")
    day_1.press("Enter")
    expect(page.get_by_text("Prediction: -0.0377", exact=True)).to_be_visible()  # Company A, the seed weights
    assert "hide=weights%2Ctraining" in page.url or "hide=weights,training" in page.url
    page.goto(f"{app_url}/training?hide=training")
    wait_for_app(page)  # the hidden page is not there: the explorer opens instead


def test_the_exported_animation_plays_from_disk_with_no_server(browser, page, app_url, tmp_path):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained&day=0")
    wait_for_app(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="The animation as a web page (HTML)").click()
    exported = tmp_path / "lstm-unrolled.html"
    download.value.save_as(exported)

    offline = browser.new_context(offline=True).new_page()
    requests = []
    offline.on("request", lambda request: requests.append(request.url))
    offline.goto(exported.as_uri())
    offline.wait_for_selector(".updatemenu-button", timeout=20_000)
    texts = offline.eval_on_selector_all("text", "nodes => nodes.map(node => node.textContent)")
    assert any(text.startswith("Start") for text in texts)
    assert "84%" not in texts
    offline.locator(".updatemenu-button", has_text="Play").first.click()
    wait_until(
        lambda: "84%" in offline.eval_on_selector_all("text", "nodes => nodes.map(node => node.textContent)"),
        what="the exported animation playing",
    )
    assert all(url.startswith("file:") for url in requests), requests
    offline.context.close()


def test_charts_and_the_table_save_as_png_through_plotlys_own_export(page, app_url):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained")
    wait_for_app(page)
    open_fold(page, EVERY_DAY_FOLD)
    table = page.locator("[data-testid='stPlotlyChart']:has(.table)")
    table.hover()
    with page.expect_download() as download:
        table.locator(CAMERA).click()
    assert download.value.suggested_filename == "lstm-table.png"
    assert download.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert any("0.0022" in text for text in chart_texts(page))

    page.get_by_role("link", name="Training").click()
    wait_for_page(page)
    page.get_by_role("button", name="Train").click()
    wait_for_progress(page, r"Finished")
    replay = page.locator("[data-testid='stPlotlyChart']").first  # after a run, its replay comes first
    replay.hover()
    with page.expect_download() as download:
        replay.locator(CAMERA).click()
    assert download.value.suggested_filename == "lstm-replay.png"
    assert download.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
