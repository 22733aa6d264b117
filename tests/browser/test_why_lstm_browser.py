"""The Why an LSTM page in Chromium at 60 days: whole texts at a phone's, a laptop's and a projector's width, and a
player that works by keyboard."""

import pytest
from playwright.sync_api import expect

from bench.served import streamlit_server
from tests.support.browser import ARTIFACTS, SCRIPT_DONE, wait_for_page
from tests.support.layout import measure

# The page inside the app's own frame: its language, wide layout and stylesheet, as streamlit_app.py sets them.
PAGE = """\
import streamlit as st

from lstm.ui import language, why_lstm
from lstm.ui.components import style

language.apply()
st.set_page_config(page_title="Why an LSTM", layout="wide")
st.html(style("page.css"))
why_lstm.render()
"""
CHARTS = ".st-key-why_lstm .js-plotly-plot, .st-key-why_experiment .js-plotly-plot"
SIZES = {"phone": (390, 844), "laptop": (1366, 768), "projector": (1920, 1080)}


@pytest.fixture(scope="module")
def why_url(tmp_path_factory):
    script = tmp_path_factory.mktemp("why_lstm") / "why_lstm_page.py"
    script.write_text(PAGE)
    with streamlit_server(ARTIFACTS / "why_lstm.log", script=str(script)) as app:
        yield app.url


def sixty_days(page, url: str) -> None:
    page.goto(url)
    wait_for_page(page)
    page.wait_for_selector(".st-key-why_lstm .main-svg")
    days = page.get_by_role("slider", name="Days")
    days.focus()
    page.keyboard.press("End")
    expect(days).to_have_attribute("aria-valuetext", "60")
    expect(page.get_by_role("slider", name="Position")).to_have_attribute("aria-valuetext", "day 60")
    page.wait_for_function(SCRIPT_DONE)


def live_caption(page):
    return page.locator("p.caption[aria-live='polite']")


@pytest.mark.parametrize("size", SIZES)
def test_sixty_days_keep_every_text_whole_and_apart(open_page, why_url, size):
    width, height = SIZES[size]
    page = open_page(width=width, height=height)
    sixty_days(page, why_url)
    expect(live_caption(page)).to_contain_text("Day 60 of 60")
    layout = measure(page, CHARTS)
    page.screenshot(path=str(ARTIFACTS / f"why-lstm-{size}.png"))
    assert layout.problems() == []
    if size == "phone":  # the three panels keep their room and scroll sideways in their own frame
        frame = page.locator(".st-key-why_lstm_frame")
        assert frame.evaluate("frame => frame.scrollWidth > frame.clientWidth")


def test_the_player_walks_both_units_through_the_days_by_keyboard(open_page, why_url):
    page = open_page(width=1366, height=768)
    sixty_days(page, why_url)
    caption = live_caption(page)
    page.get_by_role("button", name="Start").focus()
    page.keyboard.press("Enter")
    expect(caption).to_contain_text("Day 1 of 60:")
    frame = "plot => plot._fullData[0].x.length && plot.data[0].y.length"
    assert page.locator(".st-key-why_lstm .js-plotly-plot").evaluate(frame) == 1  # day 1 alone is drawn
    position = page.get_by_role("slider", name="Position")
    position.focus()
    page.keyboard.press("ArrowRight")
    expect(caption).to_contain_text("Day 2 of 60:")
    expect(position).to_have_attribute("aria-valuetext", "day 2")
    play = page.get_by_role("button", name="Play")
    for _ in range(10):  # Tab, as a keyboard visitor does, until Play has the focus
        page.keyboard.press("Shift+Tab")
        if play.evaluate("button => button.getRootNode().activeElement === button"):
            break
    else:
        raise AssertionError("Tab never reached Play")
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    expect(position).not_to_have_attribute("aria-valuetext", "day 2")  # it plays on
    page.keyboard.press("Space")  # the focus stays on the button, now Pause
    expect(page.get_by_role("button", name="Play")).to_be_visible()
    day = int(position.get_attribute("aria-valuetext").removeprefix("day "))
    expect(caption).to_contain_text(f"Day {day} of 60:")
    drawn = page.locator(".st-key-why_lstm .js-plotly-plot").evaluate("plot => plot.data[0].y.length")
    assert 2 < day == drawn  # both units drawn up to the day the player stopped on
