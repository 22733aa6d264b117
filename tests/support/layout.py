"""Geometry a visitor sees: overlapping or tiny figure texts, inputs that cut their values, sideways scroll."""

from __future__ import annotations

from dataclasses import dataclass

SMALLEST_TEXT_PX = 9
# Texts touching by a pixel or two read fine (a label beside its line); more than this is an overlap.
OVERLAP_PX = 2

# Every visible, non-empty SVG text of the charts matched by `selector`: its words, box and font size. A chart
# wider than its frame scrolls inside it (overflow-x: auto): what lies outside the frame is not on screen, so each
# box is cut to the frame, and a text wholly outside it is left out until the visitor scrolls to it.
_TEXTS = """(charts) => charts.flatMap((chart) => [...chart.querySelectorAll('svg text')].flatMap((node) => {
    let box = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    const words = node.textContent.trim();
    const hidden = style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0
        || node.closest('[style*="display: none"], [visibility="hidden"], [opacity="0"]');
    if (!words || hidden || box.width < 1 || box.height < 1) return [];
    let left = box.left, right = box.right;
    for (let frame = chart.parentElement; frame; frame = frame.parentElement) {
        if (getComputedStyle(frame).overflowX === 'auto') {
            const seen = frame.getBoundingClientRect();
            left = Math.max(left, seen.left);
            right = Math.min(right, seen.right);
        }
    }
    if (right - left < 1) return [];
    return [{words, left, top: box.top, right, bottom: box.bottom, size: parseFloat(style.fontSize)}];
}))"""

_CLIPPED_INPUTS = """() => [...document.querySelectorAll('input, textarea')].filter((field) =>
    field.type !== 'range' && field.type !== 'file' && field.type !== 'checkbox' && field.type !== 'radio'
    && field.offsetParent !== null && field.scrollWidth > field.clientWidth + 1
).map((field) => `${field.getAttribute('aria-label') || field.name || field.id || field.type}: ${field.value}`)"""

# The document, and Streamlit's own scrolling main area, wider than the window.
_SIDEWAYS = """() => Math.max(0, ...[document.scrollingElement, document.querySelector('[data-testid="stMain"]')]
    .filter(Boolean).map((element) => element.scrollWidth - element.clientWidth))"""


@dataclass(frozen=True)
class Layout:
    """What is wrong with a page's layout at the current window size."""

    overlapping: list[tuple[str, str]]  # pairs of figure texts whose boxes overlap
    clipped_inputs: list[str]  # fields whose value is wider than the field: "label: value"
    sideways_scroll: int  # px the page scrolls sideways
    small_texts: list[str]  # figure texts below SMALLEST_TEXT_PX: "words (size px)"

    def counts(self) -> dict[str, int]:
        return {
            "overlapping text pairs": len(self.overlapping),
            "clipped inputs": len(self.clipped_inputs),
            "sideways scroll px": self.sideways_scroll,
            "texts under 9 px": len(self.small_texts),
        }

    def problems(self) -> list[str]:
        return (
            [f"overlap: {first!r} and {second!r}" for first, second in self.overlapping]
            + [f"clipped input {field}" for field in self.clipped_inputs]
            + ([f"the page scrolls {self.sideways_scroll} px sideways"] if self.sideways_scroll else [])
            + [f"small text {text}" for text in self.small_texts]
        )


def _overlap(first: dict, second: dict) -> bool:
    across = min(first["right"], second["right"]) - max(first["left"], second["left"])
    down = min(first["bottom"], second["bottom"]) - max(first["top"], second["top"])
    return across > OVERLAP_PX and down > OVERLAP_PX


def figure_texts(page, chart_selector: str) -> list[dict]:
    return page.locator(chart_selector).evaluate_all(_TEXTS)


def overlapping_texts(page, chart_selector: str) -> list[tuple[str, str]]:
    """Pairs of texts in the charts whose bounding boxes overlap by more than OVERLAP_PX both ways."""
    texts = figure_texts(page, chart_selector)
    return [
        (first["words"], second["words"])
        for number, first in enumerate(texts)
        for second in texts[number + 1 :]
        if _overlap(first, second)
    ]


def clipped_inputs(page) -> list[str]:
    """Visible text and number fields whose value is wider than the field shows."""
    return page.evaluate(_CLIPPED_INPUTS)


def sideways_scroll(page) -> int:
    return int(page.evaluate(_SIDEWAYS))


def small_texts(page, chart_selector: str, smallest: float = SMALLEST_TEXT_PX) -> list[str]:
    return [
        f"{text['words']!r} ({text['size']:g} px)"
        for text in figure_texts(page, chart_selector)
        if text["size"] < smallest
    ]


def measure(page, chart_selector: str) -> Layout:
    """Everything above at once, for the page as it is drawn now."""
    return Layout(
        overlapping_texts(page, chart_selector),
        clipped_inputs(page),
        sideways_scroll(page),
        small_texts(page, chart_selector),
    )
