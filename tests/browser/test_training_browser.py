"""Training in Chromium: a live curve, stop, continue, carry the weights back, download and upload."""

import json
import pickle
import re
import time

from playwright.sync_api import expect

from lstm.unit.weights import PRESETS, to_json
from tests.browser.conftest import TEST_IDLE_SECONDS
from tests.support.browser import (
    ARTIFACTS,
    epoch_shown,
    start_tutorial_run,
    train_tutorial_recipe,
    wait_for_page,
    wait_for_progress,
    wait_until,
)
from tests.support.page_messages import record_messages


def test_train_watch_stop_continue_and_carry_back(page, app_url):
    start_tutorial_run(page, app_url)

    seen = []

    def grown() -> bool:
        seen.append(epoch_shown(page))
        return len(set(seen)) >= 5

    wait_until(grown, what="the run to show five different epochs", every=0.3)  # the curve grew over redraws
    assert seen == sorted(seen)
    page.screenshot(path=str(ARTIFACTS / "training-live.png"))

    page.get_by_role("button", name="Stop").click()
    wait_for_progress(page, r"Stopped")
    stopped_at = epoch_shown(page)
    # The run's end redraws the whole page (its replay and its table come with it): the epoch it shows then is
    # read afresh from the run, which must not have trained on.
    expect(page.get_by_role("tab", name="Replay")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Before and after")).to_be_visible(timeout=30_000)
    assert epoch_shown(page) == stopped_at

    page.get_by_role("button", name="Continue").click()
    wait_for_progress(page, r"Training")
    wait_until(lambda: epoch_shown(page) > stopped_at + 20, what="the run to train on from where it stopped", every=0.2)
    page.get_by_role("button", name="Stop").click()
    wait_for_progress(page, r"Stopped")

    page.get_by_role("button", name="Use these weights in the explorer").click()
    page.wait_for_function(
        "() => /weights=[-0-9.e]+(,[-0-9.e]+){11}$/.test(decodeURIComponent(location.search))", timeout=20_000
    )
    wait_for_page(page)
    expect(page.get_by_label("custom")).to_be_checked(timeout=20_000)


def test_downloads_and_uploads(page, app_url, tmp_path):
    messages = record_messages(page)
    page.goto(f"{app_url}/training")
    wait_for_page(page)
    page.get_by_role("button", name="Train").click()
    wait_for_progress(page, r"Finished")

    messages.clear()
    with page.expect_download() as download:
        page.get_by_role("button", name="Weights (JSON)").click()
    saved = json.loads(download.value.path().read_text())
    assert next(iter(saved)) == "wlr1" and len(saved) == 12
    with page.expect_download() as download:
        page.get_by_role("button", name="Loss history (CSV)").click()
    lines = download.value.path().read_text().splitlines()
    assert lines[0].startswith("epoch,loss,prediction_A,prediction_B,wlr1") and len(lines) == 302
    # A rerun would retire the other buttons' files while the page still offers them.
    assert not [line for line in messages if "rerun of the page" in line], "a download reran the page"

    uploader = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    marker = tmp_path / "unpickled"
    evil = tmp_path / "evil.json"
    evil.write_bytes(pickle.dumps(_Exploit(str(marker))))
    uploader.set_input_files(str(evil))
    page.get_by_text("evil.json was not loaded").wait_for(timeout=20_000)
    assert not marker.exists()

    good = tmp_path / "trained.json"
    good.write_bytes(to_json(PRESETS["trained"]))
    uploader.set_input_files(str(good))
    page.get_by_text("Loaded trained.json").wait_for(timeout=20_000)
    page.get_by_role("link", name="Explorer").click()
    page.get_by_text("Prediction: 0.0022", exact=True).wait_for(timeout=20_000)


class _Exploit:
    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def server_line(page) -> str:
    return page.get_by_text("On this server:").inner_text()


def test_closing_the_tab_ends_the_run(browser, app_url):
    watcher = browser.new_context().new_page()
    visitor_context = browser.new_context()
    visitor = visitor_context.new_page()
    start_tutorial_run(visitor, app_url)

    watcher.goto(f"{app_url}/training")
    wait_for_page(watcher)
    assert "1 run training" in server_line(watcher)

    visitor_context.close()  # the tab goes away mid-run

    def ended() -> bool:
        watcher.reload()
        wait_for_page(watcher)
        return "0 runs training" in server_line(watcher)

    wait_until(ended, limit=float(TEST_IDLE_SECONDS) + 60, what="the server to end the closed tab's run", every=1)
    watcher.context.close()


def test_leaving_for_the_explorer_keeps_the_run_going(page, app_url):
    # The tutorial's recipe on a stock's 101 windows: a run far longer than the idle limit on any machine (the
    # test server lifts the step limit for it), where the tutorial's two companies end within seconds of it.
    page.goto(f"{app_url}/series")
    wait_for_page(page)
    page.get_by_role("button", name="GOOG").click()
    expect(page.get_by_text("101 windows of 4 weeks, each with the next week as its label")).to_be_visible()
    page.get_by_role("button", name="Train on this series").click()
    wait_for_page(page)
    expect(page.get_by_role("radio", name="Your series (101 windows of 4 weeks)")).to_be_checked()
    wait_for_progress(page, r"Finished.*on your series")  # the fast recipe's short run that the click started
    # Its downloads come with the page's redraw after the run: from then on no redraw closes the recipe's list.
    expect(page.get_by_role("button", name="Weights (JSON)")).to_be_visible()
    train_tutorial_recipe(page)
    page.get_by_role("link", name="Explorer").click()
    status = page.get_by_text("Training in the background")
    expect(status).to_be_visible()
    began = time.monotonic()

    def epoch() -> int:
        return int(re.search(r"epoch ([\d,]+)", status.inner_text()).group(1).replace(",", ""))

    # Past the test server's idle limit, the run is still advancing: the explorer's status line keeps it watched.
    wait_until(lambda: time.monotonic() - began > float(TEST_IDLE_SECONDS) + 3, what="the idle limit to pass")
    passed = epoch()
    wait_until(lambda: epoch() > passed, limit=60, what="the run to go on past the idle limit")
    page.get_by_role("link", name="Training").click()
    page.get_by_role("button", name="Stop").click()
    wait_for_progress(page, r"Stopped")
