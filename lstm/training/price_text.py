"""A price file's bytes to checked lines of text: its size, its encoding, and what it is when it is not text.

Every check is bounded before it starts: the size before decoding, each line's length before anything splits it.
"""

from __future__ import annotations

import codecs
import re

from lstm.locales import N_, _, whole

MAX_BYTES = 1_000_000  # as every upload: a year of daily prices is a few kilobytes
MAX_PRICES = 5_000  # twenty years of trading days
MAX_LINES = MAX_PRICES + 50  # room for a header, a preamble and skipped rows
MAX_LINE_CHARS = 4_096  # a row of a broker's export is a few hundred characters

# Files that are not text at all, known by their first bytes, and what to say about them (catalogue entries).
SIGNATURES = {
    b"PK\x03\x04": N_("it is a zip archive or an Excel workbook: save it as CSV"),
    b"\xd0\xcf\x11\xe0": N_("it is an old Excel workbook: save it as CSV"),
    b"%PDF": N_("it is a PDF: save the prices as CSV"),
    b"\x89PNG": N_("it is a picture, not prices"),
    b"\x1f\x8b": N_("it is compressed (gzip): unpack it first"),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class SeriesError(ValueError):
    """A file or text that is not a usable price series, with a message a visitor can act on."""


def decode(data: bytes) -> str:
    """Text from the bytes of a file: byte-order marks decide, then UTF-8, then Windows' Latin-1 (cp1252)."""
    if len(data) > MAX_BYTES:
        raise SeriesError(_too_big(len(data)))
    for signature, message in SIGNATURES.items():
        if data.startswith(signature):
            raise SeriesError(_(message))
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _decoded(data, codec)
    if len(data) >= 4 and data.count(0) * 3 > len(data):
        # Excel's "Unicode text" without its mark: every other byte zero.
        codec = "utf-16-le" if data[1::2].count(0) > data[::2].count(0) else "utf-16-be"
        return _decoded(data, codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # cp1252 reads é, ü, € and £ from Windows exports


def _too_big(size: int) -> str:
    return _("it is {size} MB; a price series fits in {most} MB").format(
        size=f"{size / 1e6:.1f}", most=MAX_BYTES // 1_000_000
    )


def _decoded(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise SeriesError(
            _("it is not text: it starts like {codec} but does not decode as it").format(codec=codec.upper())
        ) from None


def lines_of(text: str) -> list[tuple[int, str]]:
    """The non-blank lines with their numbers in the file, each checked for length and control characters."""
    if len(text) > MAX_BYTES:
        raise SeriesError(_too_big(len(text)))
    text = text.removeprefix("\ufeff")
    if (control := _CONTROL.search(text)) is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise SeriesError(_("it is not text (a control character on line {line}): save it as CSV").format(line=line))
    if not text.isascii() and len(text.encode("ascii", errors="ignore")) * 2 < len(text):
        # Prices are digits and separators: a text mostly of other characters is bytes read as text.
        raise SeriesError(_("it is not text: save it as CSV"))
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        raise SeriesError(_("it is empty: give one price per line, or a CSV with a price column"))
    if len(lines) > MAX_LINES:
        raise SeriesError(
            _("{count} rows is too many: at most {most} prices").format(count=whole(len(lines)), most=whole(MAX_PRICES))
        )
    for number, line in lines:
        if len(line) > MAX_LINE_CHARS:
            raise SeriesError(
                _("line {line} is {count} characters long; a row of a price file is at most {most}").format(
                    line=number, count=whole(len(line)), most=whole(MAX_LINE_CHARS)
                )
            )
    return lines
