"""The join link as a QR code: an SVG string with a title, for the projector (segno, no Pillow)."""

from __future__ import annotations

import io

import segno

from lstm.locales import _


def join_qr_svg(link: str, title: str | None = None) -> str:
    """An SVG of `link`'s QR code that scales to its box, dark on white (in either theme, for the camera).

    `title` (by default "QR code of the join link" and the link) is the image's accessible name.
    """
    title = title if title is not None else _("QR code of the join link {link}").format(link=link)
    out = io.BytesIO()
    # With its namespace, the same string works inline in HTML, as an <img> data URL and in st.image.
    segno.make(link, error="m").save(
        out,
        kind="svg",
        xmldecl=False,
        svgns=True,
        nl=False,
        omitsize=True,
        title=title,
        scale=1,
        border=4,
        dark="#000000",
        light="#ffffff",
    )
    svg = out.getvalue().decode("utf-8")
    # role="img" makes screen readers announce the title as the image's name, not read out a group.
    return svg.replace("<svg ", '<svg role="img" ', 1)
