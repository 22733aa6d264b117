"""The Training page's live redraws in Chromium: the browser draws the server's cells, and keeps up when slow."""

import random
import re

import pytest

from lstm.figures.compact_cells import CellRow, cell_updates, compact_cells_figure
from lstm.training.data import companies
from lstm.ui.components import script
from lstm.ui.live_training import PICTURES_A_REDRAW, cells_recipe
from lstm.unit.forward import trace
from lstm.unit.weights import NAMES, PRESETS
from tests.support.browser import PATIENCE, PROGRESS, wait_for_page, wait_for_progress

THROTTLE = 4  # a laptop four times slower than this machine, as DevTools' CPU throttling makes it
# Each epoch the live cells' title shows and when; each draw of the live component; when the run was Finished.
RECORD = """() => {
  window.shown = []; window.draws = []; window.writtenEach = []; window.finishedAt = null; window.arrivals = [];
  window.addEventListener('lstm-live-numbers', (event) => {
    event.detail.forEach((text) => window.arrivals.push([performance.now(), JSON.parse(text).epoch]));
  });
  window.addEventListener('lstm-live-training', (event) => {
    window.draws.push([performance.now(), event.detail.epoch]);
    window.writtenEach.push(event.detail.written);
  });
  new MutationObserver(() => {
    const title = document.querySelector('.st-key-live_cells .gtitle')?.textContent ?? '';
    const match = /([\\d,]+)$/.exec(title);
    const epoch = match ? Number(match[1].replaceAll(',', '')) : null;
    if (epoch !== null && (!window.shown.length || window.shown.at(-1)[1] !== epoch)) {
      window.shown.push([performance.now(), epoch]);
    }
    const status = document.querySelector('[data-testid="stProgress"]')?.innerText ?? '';
    if (window.finishedAt === null && status.includes('Finished')) window.finishedAt = performance.now();
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


@pytest.fixture
def live_page(page):
    """A blank page holding the live component's module (with unit.js, as the page gets it) as `window.live`."""
    page.set_content("<!doctype html><title>live</title>")
    page.evaluate(
        """async (source) => {
            const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
            window.live = await import(url);
        }""",
        script("live_training.js"),
    )
    return page


def random_weights(rng: random.Random, scale: float) -> dict[str, float]:
    return {name: rng.uniform(-scale, scale) for name in NAMES}


def steps_of(days: list[float], weights: dict[str, float]) -> list[dict]:
    return [
        {"gates": [s.long_remember, s.potential_remember, s.potential_memory, s.output], "long": s.long_memory,
         "short": s.short_memory}
        for s in trace(days, weights).steps
    ]  # fmt: skip


def test_the_browser_writes_the_live_cells_as_the_figure_does(live_page):
    data = companies()
    rules = cells_recipe(data)
    rows = [(row["days"], target) for row, (__, target) in zip(rules["rows"], data.targets.values(), strict=True)]
    rng = random.Random(33)
    cases = [PRESETS["trained"], *(random_weights(rng, scale) for scale in (1.5, 4.0, 40.0) for _ in range(20))]
    for number, weights in enumerate(cases):
        epoch = rng.choice([0, 7, 999, 1000, 123456])
        drawn = live_page.evaluate(
            "([rules, steps, epoch]) => live.cellUpdates(rules, steps, epoch)",
            [rules, [steps_of(days, weights) for days, __ in rows], epoch],
        )
        cells = [CellRow("", trace(days, weights), target) for days, target in rows]
        assert drawn["title"] == compact_cells_figure(cells, epoch).to_dict()["layout"]["title"]["text"]
        for row, cell in zip(drawn["rows"], cells, strict=True):
            __, bars, numbers, said = cell_updates(cell)
            assert (row["x"], row["base"]) == (bars["x"], bars["base"]), number
            assert row["text"] == numbers["text"] and [row["prediction"]] == said["text"], number


def test_the_live_cells_come_from_the_browser_unit_as_the_numpy_pass_computes_them(live_page):
    rules = cells_recipe(companies())
    rng = random.Random(34)
    for weights in [PRESETS["trained"], *(random_weights(rng, 4.0) for _ in range(50))]:
        ordered = [weights[name] for name in NAMES]
        computed = live_page.evaluate("([rules, weights]) => live.liveSteps(rules, weights)", [rules, ordered])
        for row, steps in zip(rules["rows"], computed, strict=True):
            for want, got in zip(steps_of(row["days"], weights), steps, strict=True):
                expected = [*want["gates"], want["long"], want["short"]]
                for value, browser in zip(expected, [*got["gates"], got["long"], got["short"]], strict=True):
                    assert browser == pytest.approx(value, abs=1e-6)


def watched_fast_run(page) -> None:
    """On the Training page, "Watch it" on and the fast recipe's run started: spread over 15 s."""
    page.locator(".st-key-train_watch label").first.click()
    page.wait_for_function("() => document.querySelector('.st-key-train_watch input')?.checked")
    for _ in range(3):
        # Train pressed while the toggle's rerun is on its way may start the run without its pace; the next
        # press, once that run has ended in a blink, has it.
        wait_for_page(page)
        page.get_by_role("button", name="Train").click()
        wait_for_progress(page, r"Training|Finished")
        if "paced over" in page.locator(PROGRESS).inner_text():
            return
        wait_for_progress(page, r"Finished")
    raise AssertionError("the run never started with its pace")


# Each bar's path and each number of the live cells as the live drawing wrote them, then as Plotly draws the same
# figure: read in one turn of the page's loop, so no live draw comes between. Null while the latest draw was not
# written: on a busy machine a draw may come while Plotly is still drawing the whole page's figure, and Plotly
# then draws the rows itself.
WRITTEN_AND_PLOTTED = """() => {
  if (!window.writtenEach.at(-1)) return null;
  const chart = document.querySelector('.st-key-live_cells .js-plotly-plot');
  const read = () => ({
    paths: [...chart.querySelectorAll('g.trace.bars g.point path')].map((path) => path.getAttribute('d')),
    texts: [...chart.querySelectorAll('g.textpoint text')].map((text) => text.textContent),
  });
  const written = read();
  window.Plotly.redraw(chart);
  return [written, read()];
}"""


def corners(path: str) -> list[float]:
    return [float(number) for number in re.findall(r"-?[\d.]+", path)]


def test_the_live_cells_are_written_where_plotly_draws_them(page, app_url):
    page.goto(f"{app_url}/training")
    wait_for_page(page)
    page.evaluate(RECORD)
    watched_fast_run(page)
    compared = page.wait_for_function(
        f"() => window.draws.length >= 3 && ({WRITTEN_AND_PLOTTED})()", timeout=PATIENCE * 1000
    ).json_value()
    written, plotted = compared
    assert written["texts"] == plotted["texts"]
    assert len(written["paths"]) == len(plotted["paths"]) > 40
    for ours, plotly in zip(written["paths"], plotted["paths"], strict=True):
        assert corners(ours) == pytest.approx(corners(plotly), abs=1.01), (ours, plotly)


def test_a_browser_four_times_slower_shows_a_new_epoch_for_every_redraw_with_no_backlog(page, app_url):
    # The server redraws the live panel four times a second; a page that shows at least one new epoch for each of
    # those redraws shows one at least four times a second, however slow its machine, and none waits for later.
    page.goto(f"{app_url}/training")
    wait_for_page(page)
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    page.evaluate(RECORD)
    watched_fast_run(page)
    page.wait_for_function("() => window.finishedAt !== null", timeout=PATIENCE * 1000)
    shown, arrivals, draws, finished_at = page.evaluate(
        "() => [window.shown, window.arrivals, window.draws, window.finishedAt]"
    )
    during = [epoch for at, epoch in shown if at < finished_at]
    # Four a second over the run's 15 s when the machine keeps up; a few, even on a very busy one.
    assert len(arrivals) >= 3, f"the watched run sent {len(arrivals)} redraws: too few to judge"
    assert len(set(during)) >= len(arrivals), (len(set(during)), len(arrivals))
    # The live drawing never shows an older epoch after a newer one (the whole page's figure, drawn by the server
    # as the run starts, may come after the first live picture, and it is not the live drawing's).
    drawn = [epoch for at, epoch in draws if at < finished_at]
    assert drawn == sorted(drawn)
    # No backlog: once the page says Finished, at most one redraw's pictures are still to be drawn.
    assert len([at for at, __ in draws if at > finished_at]) <= PICTURES_A_REDRAW
    seconds = (arrivals[-1][0] - arrivals[0][0]) / 1000
    print(
        f"throttled {THROTTLE}x: {len(set(during)) / seconds:.1f} epochs shown a second, "
        f"{len(arrivals) / seconds:.1f} redraws a second"
    )
