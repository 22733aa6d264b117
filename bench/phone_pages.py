"""Phones of the class vote as pages in Chromium at 390x844, each a context of its own: the class as its students'
browsers see it, for a small class (sixty such pages on two cores starve the server they measure)."""

from __future__ import annotations

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
ANSWERS = ".st-key-vote_choices"  # a phone's answers
CHOICES = f"{ANSWERS} button"
WAITING = "Waiting for the teacher to ask a question."
# The moment a phone's tap on an answer reaches the page, before Streamlit sends it.
WATCH_THE_TAP = """choices => {
  window.benchTapped = null;
  document.addEventListener("click", event => {
    if (window.benchTapped === null && event.target.closest(choices)) window.benchTapped = Date.now();
  }, {capture: true});
}"""


class ChromiumPhones:
    """Phones as pages in Chromium, each a context of its own (its own phone id) at 390x844, on the join link."""

    def __init__(self, browser, url: str, code: str, count: int, patience_ms: float):
        """`count` phones on the class `code`, back once every one waits for the teacher (each wait `patience_ms`)."""
        self.pages = []
        for _ in range(count):
            context = browser.new_context(**PHONE)
            context.set_default_timeout(patience_ms)
            self.pages.append(context.new_page())
            self.pages[-1].goto(f"{url}/vote?code={code}")
        for phone in self.pages:
            phone.get_by_text(WAITING).wait_for()

    def wait_for_answers(self) -> None:
        """Every phone shows the question's answers, and notes the moment of its tap on one."""
        for phone in self.pages:
            phone.locator(CHOICES).first.wait_for()
            phone.evaluate(WATCH_THE_TAP, ANSWERS)

    def tap(self, choices: list[str]) -> None:
        """Each phone taps its choice, one after another as fast as the driver goes."""
        for phone, choice in zip(self.pages, choices, strict=True):
            phone.locator(CHOICES).nth(int(choice)).click()

    def taps(self) -> list[float]:
        return [phone.evaluate("() => window.benchTapped") for phone in self.pages]

    def close(self) -> None:
        for phone in self.pages:
            phone.context.close()
