"""Price files in Chromium: a Nasdaq and a European download read right, a binary file refused, the six stocks."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_hostile_inputs import assert_healthy
from tests.support.browser import choose_option, wait_for_page, wait_for_progress
from tests.support.price_files import NASDAQ_FROM_JANUARY_2

EUROPEAN = """Datum;Eröffnung;Hoch;Schlusskurs;Volumen;
02.01.2024;1.234,56;1.245,00;1.240,10;1.000;
03.01.2024;1.240,10;1.255,00;1.251,00;2.000;
04.01.2024;1.251,00;1.252,00;1.249,90;3.000;
05.01.2024;1.249,90;1.262,00;1.260,00;4.000;
08.01.2024;1.260,00;1.275,00;1.270,50;5.000;
"""
OPEN_HIGH = "Date,Open,High\n" + "".join(f"2024-01-{day:02d},{100 + day},{110 + day * 2}\n" for day in range(2, 9))


def upload(page, tmp_path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(path)


@pytest.mark.parametrize(
    ("name", "content", "read"),
    [
        ("nasdaq.csv", NASDAQ_FROM_JANUARY_2.encode(),
         "Read: 6 prices from the column 'Close/Last', first 2024-01-02 at 185.64, last 2024-01-09 at 185.14. "
         "Newest first in the file, turned oldest first."),
        ("boerse.csv", EUROPEAN.encode("cp1252"),
         "Read: 5 prices from the column 'Schlusskurs', first 2024-01-02 at 1240.1, last 2024-01-08 at 1270.5."),
    ],
)  # fmt: skip
def test_a_download_is_read_and_the_page_says_what_it_read(page, app_url, tmp_path, name, content, read):
    page.goto(f"{app_url}/series")
    wait_for_page(page)
    upload(page, tmp_path, name, content)
    expect(page.get_by_text(read, exact=True)).to_be_visible(timeout=20_000)
    expect(page.locator("[data-testid='stPlotlyChart']").first).to_be_visible(timeout=20_000)
    assert_healthy(page)


def test_a_binary_file_gets_a_message_and_the_last_series_stays(page, app_url, tmp_path):
    page.goto(f"{app_url}/series")
    wait_for_page(page)
    page.get_by_role("button", name="AAPL").click()
    kept = "Read: 105 prices from the column 'AAPL', first 2018-01-01 at 1, last 2019-12-30 at 1.678."
    expect(page.get_by_text(kept, exact=True)).to_be_visible(timeout=20_000)
    upload(page, tmp_path, "photo.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    expect(page.get_by_text("photo.csv was not used: it is a picture, not prices.")).to_be_visible(timeout=20_000)
    upload(page, tmp_path, "random.csv", bytes(range(256)) * 8)
    expect(page.get_by_text("random.csv was not used: it is not text")).to_be_visible(timeout=20_000)
    expect(page.get_by_text(kept, exact=True)).to_be_visible()
    assert_healthy(page)


def test_one_click_on_a_stock_shows_it_and_it_trains(page, app_url):
    page.goto(f"{app_url}/series")
    wait_for_page(page)
    page.get_by_role("button", name="NFLX").click()
    expect(page.get_by_text("Read: 105 prices from the column 'NFLX'", exact=False)).to_be_visible(timeout=20_000)
    expect(page.get_by_text("101 windows of 4 weeks, each with the next week as its label")).to_be_visible()
    page.get_by_role("button", name="Train on this series").click()
    wait_for_page(page)
    expect(page.get_by_role("radio", name="Your series (101 windows of 4 weeks)")).to_be_checked(timeout=120_000)
    # One click from the stock to a run training on it (the test server stops a run whose page polls late).
    wait_for_progress(page, r"on your series.*epoch [1-9]")
    assert_healthy(page)


def test_several_price_columns_offer_a_choice(page, app_url, tmp_path):
    page.goto(f"{app_url}/series")
    wait_for_page(page)
    upload(page, tmp_path, "open-high.csv", OPEN_HIGH.encode())
    expect(page.get_by_text("open-high.csv: it has 2 columns of prices and none is a close: pick one of Open, High."))\
        .to_be_visible(timeout=20_000)  # fmt: skip
    column = page.locator("[data-testid='stSelectbox']").filter(has_text="Column of prices to read")
    choose_option(column, page.get_by_role("option", name="High"))
    expect(page.get_by_text("Read: 7 prices from the column 'High', first 2024-01-02 at 114, last 2024-01-08 at 126."))\
        .to_be_visible(timeout=20_000)  # fmt: skip
    assert_healthy(page)


def test_a_paste_over_the_limit_is_refused_with_the_files_message_and_the_last_series_stays(page, app_url):
    """80,000 rows (1.4 MB) pasted as a visitor pastes (the clipboard, Ctrl+V): refused with a word, not dropped.

    Pasted through the clipboard: Playwright's insert_text types the text through Chromium's editing commands,
    which take minutes for a text of many lines in any textarea, where a real paste takes a second or two.
    """
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{app_url}/series")
    wait_for_page(page)
    page.get_by_role("button", name="AAPL").click()
    kept = "Read: 105 prices from the column 'AAPL', first 2018-01-01 at 1, last 2019-12-30 at 1.678."
    expect(page.get_by_text(kept, exact=True)).to_be_visible(timeout=20_000)
    rows = "\n".join(f"2024-01-{row % 28 + 1:02d},{100 + row / 100:.2f}" for row in range(80_000))
    page.evaluate("text => navigator.clipboard.writeText(text)", rows)
    field = page.get_by_label("Paste prices", exact=False)
    field.click()
    page.keyboard.press("Control+V")
    expect(field).to_have_value(rows)  # the whole paste, nothing dropped in the browser
    page.keyboard.press("Control+Enter")
    expect(
        page.get_by_text(
            "The pasted text was not used: it is 1.4 MB; a price series fits in 1 MB. "
            "The series below is the last one that worked."
        )
    ).to_be_visible()
    expect(field).to_have_value("")  # taken out of the field, so no rerun sends it again
    expect(page.get_by_text(kept, exact=True)).to_be_visible()
    expect(page.locator("[data-testid='stPlotlyChart']").first).to_be_visible()
    assert_healthy(page)
