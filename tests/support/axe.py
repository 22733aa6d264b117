"""axe-core, the accessibility engine pinned in package.json, run inside a page: its serious and critical findings."""

from __future__ import annotations

import time
from dataclasses import dataclass

from tests.support.browser import PATIENCE
from tests.support.paths import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SEVERE = ("serious", "critical")


@dataclass(frozen=True)
class Finding:
    """One element that breaks one axe rule."""

    rule: str
    impact: str
    target: str  # axe's CSS selector for the element
    summary: str  # what axe says to fix
    html: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}) at {self.target}: {self.summary.splitlines()[-1].strip()} | {self.html}"


# Streamlit fades elements out while a script reruns and back in after: colours read mid-fade are paler than
# the page a visitor reads. Settled: nothing stale, and no finite animation or transition running.
SETTLED = """() => !document.querySelector('[data-stale="true"]') && document.getAnimations().every((animation) =>
    animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity)"""

# axe over the whole page, watching whether the page moved meanwhile: a rerun starting (a reconnect on a loaded
# machine), an element going stale, or a fade still running at the end.
RUN_AXE = """async () => {
    const settled = SETTLED;
    let moved = false;
    const watch = new MutationObserver(() => { moved = true; });
    watch.observe(document, {subtree: true, attributes: true,
                             attributeFilter: ['data-stale', 'data-test-script-state']});
    const violations = (await axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
        resultTypes: ['violations'],
    })).violations;
    watch.disconnect();
    return {moved: moved || !settled(), violations};
}""".replace("SETTLED;", SETTLED + ";")


def severe_findings(page) -> list[Finding]:
    """Inject axe-core into the page as it is now, run every WCAG A/AA rule, keep the serious and critical.

    axe reads a settled page: if the page moved while axe read it, it reads it again, within the suite's
    patience.
    """
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: `npm ci` installs it (scripts/test.sh runs it)")
    deadline = time.monotonic() + PATIENCE
    page.add_script_tag(path=str(AXE))
    while True:
        page.wait_for_function(SETTLED, timeout=max(1.0, deadline - time.monotonic()) * 1000)
        result = page.evaluate(RUN_AXE)
        if not result["moved"]:
            break
        assert time.monotonic() < deadline, f"the page never stayed still for axe within {PATIENCE} s"
    return [
        Finding(
            rule=violation["id"],
            impact=node.get("impact") or violation["impact"],
            target=" ".join(str(part) for part in node["target"]),
            summary=node.get("failureSummary") or violation["help"],
            html=node["html"][:200],
        )
        for violation in result["violations"]
        for node in violation["nodes"]
        if (node.get("impact") or violation["impact"]) in SEVERE
    ]
