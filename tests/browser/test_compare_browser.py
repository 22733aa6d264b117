"""Company A beside Company B in Chromium, and no answer on the page before the animation reaches it."""

from playwright.sync_api import expect

from lstm.unit.days import COMPANIES
from lstm.unit.explain import value_text
from lstm.unit.forward import trace
from lstm.unit.weights import PRESETS
from tests.support.browser import ARTIFACTS, chart_texts, wait_for_app, wait_until

TRAINED = PRESETS["trained"]


def test_both_sequences_memories_for_every_day(page, app_url):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&compare=1,0.5,0.25,1&weights=trained")
    wait_for_app(page)
    texts = " ".join(chart_texts(page))
    for mine, theirs in zip(
        trace(COMPANIES["A"][0], TRAINED).steps, trace(COMPANIES["B"][0], TRAINED).steps, strict=True
    ):
        assert value_text(mine.long_memory) in texts and value_text(mine.short_memory) in texts
        assert f"B {value_text(theirs.long_memory)}" in texts and f"B {value_text(theirs.short_memory)}" in texts
    assert "largest gap" in texts
    expect(page.get_by_text("Beside it, Company B", exact=False)).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "compare-1280x800.png"))


def test_no_prediction_until_the_animation_reaches_it(page, app_url):
    page.goto(f"{app_url}/?days=0,0.5,0.25,1&weights=trained&day=0")
    wait_for_app(page)
    assert not any(text.startswith("prediction") for text in chart_texts(page))
    expect(page.get_by_text("Prediction: 0.0022", exact=True)).to_be_hidden()  # folded until the end
    expect(page.get_by_text("Prediction: not computed yet at this step. Show it")).to_be_visible()
    page.get_by_role("button", name="Play", exact=True).click()  # the player's real button
    wait_until(
        lambda: any(text.startswith("prediction") for text in chart_texts(page)),
        what="the prediction at the animation's end",
    )
    assert any("0.0022" in text for text in chart_texts(page) if text.startswith("prediction"))


def test_lesson_step_5_says_what_the_untrained_prediction_means_for_company_b(page, app_url):
    page.goto(f"{app_url}/?lesson=5")
    wait_for_app(page)
    page.locator(".st-key-lesson").get_by_text("Less than 0.1 apart", exact=True).click()
    page.get_by_role("button", name="Check").click()  # the step asks first, then shows the prediction
    expect(page.get_by_text("Prediction: -0.0383", exact=True)).to_be_visible()
    expect(page.get_by_text("Company B, whose day 5 is 1: off by 1.0383", exact=False)).to_be_visible()
    expect(page.get_by_text("what the tutorial wants for Company A", exact=False)).to_have_count(0)
