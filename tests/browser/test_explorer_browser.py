"""What a visitor sees and gets in Chromium: the unrolled cells, the animation, edits, shared links."""

import re
from urllib.parse import unquote

from playwright.sync_api import expect

from lstm.figures.theme import DARK
from tests.support.browser import (
    ARTIFACTS,
    EVERY_DAY_FOLD,
    UNROLLED,
    WEIGHTS_FOLD,
    chart_texts,
    open_fold,
    wait_for_app,
    wait_until,
)

CHART = UNROLLED


# Plotly's animation loop has stopped with no frame queued: what Pause asks of it.
ANIMATION_STOPPED = """chart => {
  const plot = document.querySelector(`${chart} .js-plotly-plot`);
  const state = plot._transitionData || {};
  return !state._animationRaf && !(state._frameQueue || []).length;
}"""
# The player's caption unchanged for 120 of the browser's frames, at least two seconds at 60 Hz and so more than
# one stage at any speed: counted in frames the browser drew, so a busy machine only makes the watch longer.
CAPTION_HOLDS = """(held) => new Promise((resolve) => {
  let frames = 0;
  const look = () => {
    const now = document.querySelector('.figure-text .stage-caption').textContent;
    if (now !== held) resolve(false); else if (++frames >= 120) resolve(true); else requestAnimationFrame(look);
  };
  look();
})"""


def caption(page) -> str:
    """The stage's caption above the cells, which the player keeps in step with them."""
    return page.locator(".figure-text .stage-caption").text_content()


def wait_for_text(page, text: str) -> None:
    wait_until(lambda: text in " ".join(chart_texts(page)), what=f"{text!r} in the chart")


def test_shared_link_shows_the_unrolled_cells_and_numbers(page, app_url):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained")
    wait_for_app(page)
    texts = chart_texts(page)
    for expected in ("84%", "65%", "-0.3110", "64%", "94%", "-0.2023", "0.0052", "0.0022"):
        assert expected in texts, expected
    for expected in ("day 10.00", "day 41.00", "prediction0.0022", "long-termmemorycell state", "output %output gate"):
        assert expected in texts, expected  # SVG joins a label's lines into one text
    expect(page.get_by_text("Prediction: 0.0022", exact=True)).to_be_visible()
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(ARTIFACTS / "explorer-1280x800-light.png"))


def test_play_advances_the_animation_in_the_browser(page, app_url):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained&day=0")
    wait_for_app(page)
    assert caption(page).startswith("Start")
    assert "84%" not in chart_texts(page)
    assert not any(text.startswith("prediction") for text in chart_texts(page))
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.get_by_role("button", name="Play", exact=True).click()
    wait_for_text(page, "84%")
    seen = {caption(page)}

    def several_stages_went_by() -> bool:
        seen.add(caption(page))
        return len(seen) >= 3

    wait_until(several_stages_went_by, what="three stages of the animation", every=0.3)
    assert not [url for url in requests if "/_stcore/" not in url and url.startswith("http")], requests
    page.get_by_role("button", name="Pause", exact=True).click()
    page.wait_for_function(ANIMATION_STOPPED, arg=CHART)
    paused = caption(page)
    assert page.evaluate(CAPTION_HOLDS, paused), f"the caption moved on from {paused!r} after Pause"


def test_changing_a_day_value_changes_the_numbers(page, app_url):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained")
    wait_for_app(page)
    day_1 = page.get_by_label("Day 1")
    day_1.fill("1")
    day_1.press("Enter")
    page.get_by_text("Prediction: 0.9693", exact=True).wait_for(timeout=20_000)
    wait_for_text(page, "0.9693")
    page.wait_for_function("() => decodeURIComponent(location.search).includes('days=1,0.5,0.25,1')")
    assert "days=1,0.5,0.25,1" in unquote(page.url)


def test_next_stage_and_the_shared_link_reproduce_the_view(page, app_url, browser):
    page.goto(f"{app_url}/?days=1,0.5,0.25,1&weights=seed&day=0")
    wait_for_app(page)
    for _ in range(3):
        page.get_by_role("button", name="Next stage").click()
    page.wait_for_function("() => location.search.includes('stage=long-memory')", timeout=20_000)
    field = page.get_by_role("textbox", name="Link to this view")
    expect(field).to_have_value(re.compile(r"stage=long-memory$"))
    link = field.input_value()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_text("Copied", exact=True)).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link
    assert re.search(r"days=1,0\.5,0\.25,1&weights=seed&day=1&stage=long-memory$", link), link
    shown = caption(page)
    assert shown.startswith("Day 1: new long-term memory")

    other = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    other.goto(link)
    wait_for_app(other)
    assert caption(other) == shown
    assert sorted(chart_texts(other)) == sorted(chart_texts(page))
    other.context.close()


def test_a_broken_link_warns_and_still_draws(page, app_url):
    page.goto(f"{app_url}/?days=1,banana&weights=1,2,3&day=77")
    wait_for_app(page)
    alerts = page.locator("[data-testid='stAlert']")
    assert alerts.count() == 3
    assert "banana" in alerts.nth(0).inner_text()
    assert "84%" in chart_texts(page)  # the defaults are drawn
    assert page.locator("[data-testid='stException']").count() == 0


def test_dark_theme_uses_light_text(browser, app_url):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, color_scheme="dark")
    page = context.new_page()
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained")
    wait_for_app(page)
    fill = page.eval_on_selector(f"{CHART} >> nth=0 >> text:text-is('84%')", "node => getComputedStyle(node).fill")
    red, green, blue = (int(part, 16) for part in (DARK.text[1:3], DARK.text[3:5], DARK.text[5:7]))
    assert fill == f"rgb({red}, {green}, {blue})"  # the dark palette's text, light on the dark page
    page.screenshot(path=str(ARTIFACTS / "explorer-1920x1080-dark.png"))
    context.close()


def test_editing_a_weight_and_scrubbing_the_position(page, app_url):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained")
    wait_for_app(page)
    open_fold(page, WEIGHTS_FOLD)
    weight = page.get_by_role("spinbutton", name="wo1 (weight on short memory)")
    weight.fill("0")
    weight.press("Enter")
    page.wait_for_function("() => /weights=[-0-9.e]+(,[-0-9.e]+){11}/.test(decodeURIComponent(location.search))")
    wait_for_app(page)
    expect(page.get_by_label("custom")).to_be_checked()
    expect(page.get_by_text("Prediction: 0.0022", exact=True)).not_to_be_visible()

    # The player's position slider: a click at the left end of its rail goes back to the start, in the browser.
    position = page.get_by_role("slider", name="Position")
    position.scroll_into_view_if_needed()
    rail = position.bounding_box()
    page.mouse.click(rail["x"] + 2, rail["y"] + rail["height"] / 2)
    wait_until(lambda: caption(page).startswith("Start"), what="the slider's start after a click on its rail")
    assert not any(text.startswith("prediction") for text in chart_texts(page))


def test_the_per_day_table_downloads_with_every_day(page, app_url):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained")
    wait_for_app(page)
    open_fold(page, EVERY_DAY_FOLD)
    # By the keyboard: while the fold's two charts size themselves the button below them moves, and a mouse
    # click aimed at it a moment before can land beside it.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the table (CSV)").focus()
        page.keyboard.press("Enter")
    lines = download.value.path().read_text().splitlines()
    assert lines[0].split(",")[:2] == ["day", "input"] and len(lines) == 5
    assert lines[-1].split(",")[1] == "1.0"  # the fourth day's input
