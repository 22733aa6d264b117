"""Watching the unit learn in Chromium: live cells during a run, and the replay of the run afterwards."""

from tests.support.browser import start_tutorial_run, wait_for_page, wait_for_progress, wait_until

LIVE_CELLS = "[data-testid='stPlotlyChart']:has(.gtitle)"
REPLAY = "[data-testid='stPlotlyChart']:has(.updatemenu-button)"


def cell_texts(page) -> str:
    return " ".join(page.eval_on_selector_all(f"{LIVE_CELLS} .textpoint", "nodes => nodes.map(n => n.textContent)"))


def test_the_cells_change_while_the_tutorial_recipe_trains(page, app_url):
    start_tutorial_run(page, app_url)
    page.wait_for_selector(f"{LIVE_CELLS} .textpoint", state="attached", timeout=30_000)
    seen = {cell_texts(page)}

    def changed_twice() -> bool:
        seen.add(cell_texts(page))
        return len(seen) >= 3

    wait_until(changed_twice, what="the cells to change twice during the run", every=0.3)
    assert page.locator(f"{LIVE_CELLS} .gtitle").first.text_content().startswith("The unit at epoch")
    page.get_by_role("button", name="Stop").click()
    wait_for_progress(page, r"Stopped")
    page.wait_for_selector(f"{REPLAY} .main-svg", timeout=30_000)
    assert not page.locator("[data-testid='stException']").count()


def replay_state(page) -> dict:
    return page.evaluate(
        """(selector) => {
            const plot = document.querySelector(selector + ' .js-plotly-plot');
            const frames = plot._transitionData._frames;
            const said = Array.from(plot.querySelectorAll('.annotation-text')).map(node => node.textContent);
            const last = frames[frames.length - 1];
            return {count: frames.length, first: frames[0].data[3].text[0], last: last.data[3].text[0],
                    lastB: last.data[7].text[0], said: said.join(' ')};
        }""",
        REPLAY,
    )


def test_after_a_fast_run_the_replay_plays_from_untrained_to_trained(page, app_url):
    page.goto(f"{app_url}/training")
    wait_for_page(page)
    page.get_by_role("button", name="Train").click()
    wait_for_progress(page, r"Finished")
    page.wait_for_selector(f"{REPLAY} .main-svg", timeout=30_000)
    state = replay_state(page)
    assert 10 <= state["count"] <= 200
    assert "-0.038" in state["first"]  # Company A before training
    assert "0.000" in state["last"] and "0.99" in state["lastB"]  # and after: A near 0, B near 1
    assert "Before training" in state["said"] and "Open epoch 0 in the explorer" in state["said"]
    page.locator(REPLAY).get_by_text("▶ Play").click()
    page.wait_for_function(
        """(selector) => /Epochs? [1-9]/.test(document.querySelector(selector + ' .annotation-text').textContent)""",
        arg=REPLAY,
        timeout=30_000,
    )
    links = page.eval_on_selector_all(
        f"{REPLAY} .annotation-text a",
        "nodes => nodes.map(n => [n.getAttributeNS('http://www.w3.org/1999/xlink', 'href'), n.getAttribute('target')])",
    )
    assert len(links) == 1 and links[0][0].startswith("explorer?weights=") and links[0][1] == "_blank"
    assert not page.locator("[data-testid='stException']").count()
