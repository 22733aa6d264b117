"""Hostile inputs in Chromium, one table per way in: links, number fields and uploaded files.

Every case: a clear message on the page, the last good state kept, no traceback, nothing run.
The command line's cases are the table in tests/test_cli.py.
"""

import pickle
from urllib.parse import quote

import numpy as np
import pytest
from playwright.sync_api import expect
from safetensors.numpy import save

from lstm.unit.weights import PRESETS, to_json
from tests.support.browser import WEIGHTS_FOLD, open_fold, type_into, wait_for_app, wait_for_page

LINK_NOTICE = "The link had a value that could not be used"
TRAINED = {name: np.array(value, dtype=np.float32) for name, value in PRESETS["trained"].items()}
SCRIPT = "<script>window.__ran = 1</script>"
IMAGE = '<img src=x onerror="window.__ran = 1">'


def twelve(value: str) -> str:
    return ",".join([value] * 12)


# (case, bad field, its value, what the message says). The other fields of each link are good and
# must still apply: days=1,0.5,0.25,1 (Company B) and weights=seed unless the case breaks that field.
LINK_CASES = [
    ("days not a number", "days", "abc", "day 1: 'abc' is not a number"),
    ("days nan", "days", "nan", "day 1: nan is not a finite number"),
    ("days inf", "days", "inf", "day 1: inf is not a finite number"),
    ("days -inf", "days", "-inf", "day 1: -inf is not a finite number"),
    ("days 1e309", "days", "1e309", "day 1: 1e309 is not a finite number"),
    ("days empty", "days", "", "days is empty"),
    ("days blank", "days", "   ", "days is empty"),
    ("days empty item", "days", "0.5,,1", "day 2: '' is not a number"),
    ("days 61", "days", ",".join(["0.5"] * 61), "61 days is too many: at most 60"),
    ("days 10,000", "days", ",".join(["0.5"] * 10_000), "too long to be a link"),
    ("days out of range", "days", "1000", "day 1: 1000 is outside ±100"),
    ("days hexadecimal", "days", "0x10", "day 1: '0x10' is not a number"),
    ("days emoji", "days", "😀", "day 1: '😀' is not a number"),
    ("days right-to-left", "days", "\u202e1", "is not a number"),
    ("days html", "days", "<b>1</b>", "day 1: '<b>1</b>' is not a number"),
    ("days script", "days", SCRIPT, "day 1: '<script>window.__ran = 1</"),
    ("weights unknown preset", "weights", "golden", "'golden' is neither seed nor trained nor twelve numbers"),
    ("weights empty", "weights", "", "'' is neither seed nor trained"),
    ("weights too few", "weights", "1,2,3", "expected 12 weights (wlr1 ... bo1), got 3"),
    ("weights too many", "weights", ",".join(["1"] * 13), "expected 12 weights (wlr1 ... bo1), got 13"),
    ("weights not a number", "weights", "1,2,x,4,5,6,7,8,9,10,11,12", "number 3 (blr1): 'x' is not a number"),
    ("weights nan", "weights", twelve("nan"), "wlr1 must be a finite number, got nan"),
    ("weights 1e309", "weights", twelve("1e309"), "wlr1 must be a finite number, got inf"),
    ("weights huge", "weights", twelve("1e5"), "wlr1 = 100000 is outside ±1000"),
    ("weights very long", "weights", "9" * 5000, "too long to be a link"),
    ("weights script", "weights", SCRIPT, "weights: '<script>window.__ran = 1</"),
    ("day past the end", "day", "99", "day: 99 is outside 0 (the start) to 4 (the last day)"),
    ("day negative", "day", "-1", "day: -1 is outside 0"),
    ("day not whole", "day", "1.5", "day: '1.5' is not a whole number"),
    ("stage unknown", "stage", "explode", "stage: 'explode' is not one of long-remember"),
    ("stage image", "stage", IMAGE, "is not one of long-remember"),
]
GOOD_LINK = {"days": "1,0.5,0.25,1", "weights": "seed"}
# What the page predicts for the good fields that remain when one field falls back to its default.
PREDICTIONS = {"days": "Prediction: -0.0377", "weights": "Prediction: 0.9693", "day": "Prediction: -0.0383"}


def assert_healthy(page) -> None:
    """No traceback, no error box of Streamlit's own, nothing a visitor typed ran as script."""
    assert page.locator("[data-testid='stException']").count() == 0
    assert "Traceback" not in page.locator("body").inner_text()
    assert page.evaluate("() => window.__ran === undefined"), "a visitor's text ran as script"


@pytest.mark.parametrize(
    ("field", "value", "message"), [case[1:] for case in LINK_CASES], ids=[c[0] for c in LINK_CASES]
)
def test_a_bad_link_value_is_named_and_the_rest_of_the_link_applies(page, app_url, field, value, message):
    query = {**GOOD_LINK, field: value}
    page.goto(f"{app_url}/?" + "&".join(f"{name}={quote(text)}" for name, text in query.items()))
    wait_for_app(page)
    notice = page.get_by_text(LINK_NOTICE)
    expect(notice).to_be_visible()
    assert message in notice.inner_text()
    expect(page.get_by_text(PREDICTIONS.get(field, PREDICTIONS["day"]), exact=True)).to_be_visible()
    assert_healthy(page)


# (case, field label, what is typed, the message). Text that is not a number reaches the server as
# an empty field; a number out of range stays in the browser, marked, and never reaches it.
FIELD_CASES = [
    ("day letters", "Day 1", "abc", "Day 1 needs a number from -100 to 100; it keeps 1.00."),
    ("day 1e309", "Day 1", "1e309", "Day 1 needs a number from -100 to 100; it keeps 1.00."),
    ("day cleared", "Day 1", "", "Day 1 needs a number from -100 to 100; it keeps 1.00."),
    ("day above the bound", "Day 1", "101", "Please enter a value between -100.00 and 100.00."),
    ("day below the bound", "Day 1", "-100.01", "Please enter a value between -100.00 and 100.00."),
    ("weight above the bound", "wlr1 (weight on short memory)", "1000.5", "between -1000.0000 and 1000.0000"),
    ("weight cleared", "wo2 (weight on the input)", "", "wo2 needs a number from -1000 to 1000; it keeps -0.6380."),
]


@pytest.mark.parametrize(
    ("label", "typed", "message"), [case[1:] for case in FIELD_CASES], ids=[c[0] for c in FIELD_CASES]
)
def test_a_bad_number_field_keeps_the_last_good_value(page, app_url, label, typed, message):
    page.goto(f"{app_url}/?days=1,0.5,0.25,1&weights=seed")
    wait_for_app(page)
    if label.startswith("w"):
        open_fold(page, WEIGHTS_FOLD)
    type_into(page, label, typed)
    expect(page.get_by_text(message)).to_be_attached()
    wait_for_app(page)
    expect(page.get_by_text("Prediction: -0.0383", exact=True)).to_be_visible()
    assert "days=1%2C0.5%2C0.25%2C1&weights=seed" in page.url
    assert_healthy(page)


class _Exploit:
    """A pickle that, if ever loaded, creates the file at `path`."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def trained_json_with(old: bytes, new: bytes) -> bytes:
    return to_json(PRESETS["trained"]).replace(old, new)


def trained_safetensors_with(wlr1: np.ndarray) -> bytes:
    return save({**TRAINED, "wlr1": wlr1})


def exploit(folder) -> bytes:
    return pickle.dumps(_Exploit(str(folder / "ran")))


# (case, file name, its bytes (given the folder of the test), the message).
UPLOAD_CASES = [
    ("empty", "empty.json", lambda _: b"", "the weights file is empty"),
    ("not json", "notes.json", lambda _: b"hello, not json", "not a JSON weights file"),
    ("json list", "list.json", lambda _: b"[1, 2, 3]", "holds one object mapping the twelve names"),
    ("missing key", "missing.json", lambda _: trained_json_with(b'"wo2"', b'"w02"'), "missing weight: wo2"),
    ("string value", "string.json", lambda _: trained_json_with(b"0.5935", b'"0.5935"'), "bo1 must be a number"),
    ("bool value", "bool.json", lambda _: trained_json_with(b"0.5935", b"true"), "bo1 must be a number, got True"),
    ("nan", "nan.json", lambda _: trained_json_with(b"0.5935", b"NaN"), "the file has NaN"),
    ("inf", "inf.json", lambda _: trained_json_with(b"0.5935", b"1e309"), "bo1 must be a finite number, got inf"),
    ("huge", "huge.json", lambda _: trained_json_with(b"0.5935", b"1e20"), "bo1 = 1e+20 is outside ±1000"),
    ("deep nesting", "deep.json", lambda _: b"[" * 50_000 + b"]" * 50_000, "not a JSON weights file"),
    ("html name", f"{IMAGE}.json", lambda _: b"{}", "json was not loaded: missing weights: wlr1, wlr2"),
    ("safetensors shape", "2x2.safetensors", lambda _: trained_safetensors_with(np.zeros((2, 2))), "got shape [2, 2]"),
    ("safetensors dtype", "int.safetensors", lambda _: trained_safetensors_with(np.array(3)), "got dtype int64"),
    ("safetensors garbage", "garbage.safetensors", lambda _: b"\x00" * 64, "not a safetensors weights file"),
    ("pickle as json", "evil.json", exploit, "not a JSON weights file"),
    ("pickle as pkl", "evil.pkl", exploit, "not allowed"),
    ("50 MB", "big.json", lambda _: b" " * (50 * 1024 * 1024), "File must be 1.0MB or smaller"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "message"), [case[1:] for case in UPLOAD_CASES], ids=[c[0] for c in UPLOAD_CASES]
)
def test_a_bad_weights_file_is_refused_and_the_explorer_keeps_its_weights(
    page, app_url, tmp_path, name, content, message
):
    page.goto(f"{app_url}/?days=1,0.5,0.25,1&weights=seed")
    wait_for_app(page)
    page.get_by_role("link", name="Training").click()
    wait_for_page(page)
    upload = tmp_path / name
    upload.write_bytes(content(tmp_path))
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(upload)
    expect(page.get_by_text(message).first).to_be_visible(timeout=20_000)
    assert_healthy(page)
    assert not (tmp_path / "ran").exists(), "an uploaded pickle was loaded"
    page.get_by_role("link", name="Explorer").click()
    wait_for_app(page)
    expect(page.get_by_text("Prediction: -0.0383", exact=True)).to_be_visible()


# Values that Streamlit's markdown would turn into a link or an icon if they reached it as they are.
LINKISH = [
    ("web address", "https://evil.example/login"),
    ("www address", "www.evil.example"),
    ("e-mail address", "admin@evil.example"),
    ("material icon", ":material/warning:"),
    ("emoji code", ":rocket:"),
]


@pytest.mark.parametrize("value", [case[1] for case in LINKISH], ids=[case[0] for case in LINKISH])
def test_a_link_value_is_quoted_as_text_never_as_a_link_or_an_icon(page, app_url, value):
    page.goto(f"{app_url}/?days={quote(value)}&weights=seed")
    wait_for_app(page)
    notice = page.get_by_text(LINK_NOTICE)
    expect(notice).to_be_visible()
    shown = notice.inner_text().replace("\u2060", "")
    assert f"day 1: {value!r}" in shown
    assert notice.locator("a").count() == 0, "the value became a link"
    assert notice.locator("[data-testid='stIconMaterial']").count() == 0, "the value became an icon"
    assert "🚀" not in shown
    assert_healthy(page)
