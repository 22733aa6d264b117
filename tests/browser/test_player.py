"""The animation player: Tab reaches Play, keys play and step, the live caption and the text alternative follow."""

from playwright.sync_api import expect

from tests.support.browser import wait_for_page

CHART = ".st-key-backprop .js-plotly-plot"
# Every Plotly.animate call the page makes, with its options, for the reduced-motion check.
RECORD_ANIMATIONS = """() => {
    window.animationCalls = [];
    const animate = window.Plotly.animate;
    window.Plotly.animate = (plot, frames, options) => {
        window.animationCalls.push(options);
        return animate(plot, frames, options);
    };
}"""


def open_backprop(page, app_url: str) -> None:
    page.goto(f"{app_url}/backprop?days=1,0.5,0.25,1&weights=seed")
    wait_for_page(page)
    page.wait_for_selector(f"{CHART} .main-svg", timeout=30_000)
    expect(page.get_by_role("button", name="Play")).to_be_visible(timeout=30_000)


def slider_frame(page) -> str:
    """The frame the figure shows: the last one the player animated it to."""
    return page.locator(CHART).evaluate("plot => plot._fullLayout._currentFrame")


def live_caption(page):
    return page.locator("[aria-live='polite']").filter(has_text="gradient")


def test_tab_reaches_play_and_space_plays_the_walk_back(open_page, app_url):
    page = open_page(width=1366, height=768)
    open_backprop(page, app_url)
    caption = live_caption(page)
    expect(caption).to_contain_text("Day 1")  # the figure opens with the walk back done
    page.get_by_role("button", name="Start").focus()
    page.keyboard.press("Enter")
    expect(caption).to_contain_text("starts back along the short-term memory")
    assert slider_frame(page) == "loss"
    play = page.get_by_role("button", name="Play")
    for _ in range(20):  # Tab, as a keyboard visitor does, until Play has the focus
        page.keyboard.press("Tab")
        if play.evaluate("button => button.getRootNode().activeElement === button"):
            break
    else:
        raise AssertionError("Tab never reached Play")
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    expect(caption).to_contain_text("Day 4:")
    expect(caption).to_contain_text("Day 1:", timeout=20_000)
    expect(page.get_by_role("button", name="Play")).to_be_visible()  # it stops at the end
    assert slider_frame(page) == "day 1"


def test_arrow_keys_step_and_the_caption_and_slider_follow(open_page, app_url):
    page = open_page(width=1366, height=768)
    open_backprop(page, app_url)
    caption = live_caption(page)
    position = page.get_by_role("slider", name="Position")
    position.focus()
    page.keyboard.press("Home")
    expect(caption).to_contain_text("starts back along the short-term memory")
    expect(position).to_have_attribute("aria-valuetext", "loss")
    # The position slider runs right to left, as Plotly's does under the heatmap: Left walks back a day.
    page.keyboard.press("ArrowLeft")
    expect(caption).to_contain_text("Day 4:")
    expect(position).to_have_attribute("aria-valuetext", "← day 4")
    assert slider_frame(page) == "day 4"
    page.keyboard.press("ArrowUp")
    expect(caption).to_contain_text("Day 3:")
    page.keyboard.press("ArrowRight")
    expect(caption).to_contain_text("Day 4:")
    page.get_by_role("button", name="Step forward").press("Enter")
    expect(caption).to_contain_text("Day 3:")
    assert slider_frame(page) == "day 3"
    page.get_by_role("button", name="Step back").click()
    expect(caption).to_contain_text("Day 4:")


def test_reduced_motion_moves_without_tweens(open_page, app_url):
    page = open_page(width=1366, height=768, reduced_motion="reduce")
    open_backprop(page, app_url)
    page.evaluate(RECORD_ANIMATIONS)
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Play").click()
    expect(live_caption(page)).to_contain_text("Day 1:", timeout=20_000)
    calls = page.evaluate("() => window.animationCalls")
    assert len(calls) == 5  # Start, then each of the four days: a jump each
    assert all(call["transition"]["duration"] == 0 and call["frame"]["duration"] == 0 for call in calls)
    assert slider_frame(page) == "day 1"


# Plotly's own animation controls, anywhere in a chart: none on the pages, where the player is the one set.
PLOTLY_CONTROLS = ".updatemenu-container .updatemenu-button, .slider-container"


def test_the_explorer_names_its_figure_and_the_description_follows_next_stage(open_page, app_url):
    page = open_page(width=1366, height=768)
    page.goto(f"{app_url}/?days=1,0.5,0.25,1&weights=seed")
    page.wait_for_selector(".st-key-unrolled .js-plotly-plot .main-svg")
    chart = page.locator(".st-key-unrolled .main-svg").first
    expect(chart).to_have_attribute("role", "img")
    expect(chart).to_have_attribute("aria-label", "The unrolled LSTM unit over 4 days")
    described = page.locator(f"#{chart.get_attribute('aria-describedby')}")
    expect(described).to_contain_text("The prediction: -0.0383.")  # a link without a stage shows the end
    expect(described).to_contain_text("the untrained weights")
    page.get_by_role("button", name="Start", exact=True).click()
    expect(described).to_contain_text("Shown: Start. The prediction is not computed yet.")
    page.get_by_role("button", name="Next stage").click()
    expect(described).to_contain_text("Shown: Day 1: long-remember %")
    expect(page.locator(".figure-text .stage-caption")).to_contain_text("long-remember % = σ(")
    assert slider_frame_of(page, ".st-key-unrolled .js-plotly-plot") == "1"
    # Left there a moment, the link follows the player.
    page.wait_for_function("() => location.search.includes('stage=long-remember')")
    assert not page.locator(f".st-key-unrolled {PLOTLY_CONTROLS}").count()


def slider_frame_of(page, chart: str) -> str:
    return page.locator(chart).evaluate("plot => plot._fullLayout._currentFrame")


def test_backprop_has_one_set_of_controls_and_a_described_figure(open_page, app_url):
    page = open_page(width=1366, height=768)
    open_backprop(page, app_url)
    assert not page.locator(f".st-key-backprop {PLOTLY_CONTROLS}").count()
    chart = page.locator(f"{CHART} .main-svg").first
    expect(chart).to_have_attribute("role", "img")
    described = page.locator(f"#{chart.get_attribute('aria-describedby')}")
    page.get_by_role("button", name="Start").click()
    expect(described).to_contain_text("starts back along the short-term memory")
