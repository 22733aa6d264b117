"""axe-core, the accessibility engine pinned in package.json, run inside a page: its serious and critical findings."""

from __future__ import annotations

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


def severe_findings(page) -> list[Finding]:
    """Inject axe-core into the page as it is now, run every WCAG A/AA rule, keep the serious and critical."""
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: `npm ci` installs it (scripts/test.sh runs it)")
    # Streamlit fades elements out while a script reruns and back in after: colours read mid-fade are paler
    # than the page a visitor reads. Wait until no finite animation or transition is running.
    page.wait_for_function(
        """() => !document.querySelector('[data-stale="true"]') && document.getAnimations().every((animation) =>
            animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity)""",
        timeout=PATIENCE * 1000,
    )
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
            resultTypes: ['violations'],
        })).violations"""
    )
    return [
        Finding(
            rule=violation["id"],
            impact=node.get("impact") or violation["impact"],
            target=" ".join(str(part) for part in node["target"]),
            summary=node.get("failureSummary") or violation["help"],
            html=node["html"][:200],
        )
        for violation in violations
        for node in violation["nodes"]
        if (node.get("impact") or violation["impact"]) in SEVERE
    ]
