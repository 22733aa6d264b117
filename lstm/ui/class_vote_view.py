"""What the projector shows of a class vote: the join code, link and QR code, then the live counts and the bars."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import streamlit as st

from lstm.classroom import (
    ClassroomError,
    JoinAddress,
    NotTeacher,
    Round,
    Tally,
    UnknownClass,
    join_address,
    join_qr_svg,
)
from lstm.explorer.lesson import LESSON
from lstm.explorer.questions import Question
from lstm.locales import _, ngettext
from lstm.ui import language, routes
from lstm.ui.class_store import store

# The pages' own addresses: what follows the app's base path in a page's URL.
PAGE_PATHS = {
    route.url_path
    for route in (routes.EXPLORER, routes.TRAINING, routes.SERIES, routes.LANDSCAPE, routes.BACKPROP, routes.PYTORCH)
}
LIVE_SECONDS = 1  # how often the projector reads the counts: one small indexed query


def question_of(step: str | None) -> Question | None:
    """The lesson question a round's step key names ("2": step 2), or None for a key that names none."""
    if step is None or not step.isdigit() or not 1 <= int(step) <= len(LESSON):
        return None
    return LESSON[int(step) - 1].question


def choice_label(question: Question | None, choice: str) -> str:
    """A choice key's wording in the current language ("1": "Lower"); a key of no known question is numbered."""
    if question is not None and choice.isdigit() and int(choice) < len(question.choices):
        return question.choices[int(choice)]
    return _("Answer {number}").format(number=int(choice) + 1 if choice.isdigit() else choice)


def describe(step: str) -> tuple[str, dict[str, str]]:
    """A step's question and its choices' wording in the current language, for the results' CSV."""
    question = question_of(step)
    if question is None:
        return "", {}
    return question.prompt, {str(index): text for index, text in enumerate(question.choices)}


def page_address() -> tuple[str, str, str]:
    """(scheme, host and port, base path) of this page as the teacher's browser opened it."""
    url = st.context.url
    parts = urlsplit(url) if url else None
    if parts is not None and parts.scheme in ("http", "https") and parts.netloc:
        head, _slash, last = parts.path.rstrip("/").rpartition("/")
        return parts.scheme, parts.netloc, head if last in PAGE_PATHS else parts.path.rstrip("/")
    return "http", st.context.headers.get("Host") or "localhost", ""


def _address(code: str) -> JoinAddress:
    scheme, host, base_path = page_address()
    try:
        return join_address(code, host, scheme=scheme, base_path=base_path)
    except ValueError:
        # A public address that is not one (LSTM_EXPLORER_PUBLIC_URL), or a host no browser sends: said, and the
        # link falls back to this machine's own address.
        st.warning(
            _("LSTM_EXPLORER_PUBLIC_URL is not an http:// or https:// address, so the join link uses this computer's."),
            icon=":material/link_off:",
        )
        return join_address(code, "localhost", environ={})


def join_card(code: str) -> JoinAddress:
    """The join code large (to read aloud), the join link written out and its QR code, for the back row."""
    where = _address(code)
    with st.container(key="class_vote_qr"):
        st.image(join_qr_svg(where.link), alt=_("QR code of the join link {link}").format(link=where.link))
    st.caption(_("Class code"))
    with st.container(key="class_vote_code"):
        st.markdown(code)
    st.markdown(_("Phones join at {link}").format(link=f"`{where.link}`"))
    host = page_address()[1]
    if where.loopback and where.reachable:
        st.warning(
            _(
                "This page is open as {host}, which only this computer can reach. Phones on the same network join "
                "at {base}, once the app listens there: start it with {command}."
            ).format(
                host=f"`{host}`",
                base=f"`{where.base}`",
                command="`streamlit run streamlit_app.py --server.address 0.0.0.0`",
            ),
            icon=":material/wifi_tethering:",
        )
    elif where.loopback:
        st.warning(
            _(
                "This page is open as {host}, which only this computer can reach, and this computer has no network "
                "address phones could use. Join the class's network (or set {variable} on a hosted server)."
            ).format(host=f"`{host}`", variable="`LSTM_EXPLORER_PUBLIC_URL`"),
            icon=":material/wifi_off:",
        )
    return where


@st.fragment(run_every=LIVE_SECONDS)
def live(code: str, key: str, let_go: Callable[[str], None]) -> None:
    """How many phones joined and voted, every second; the split only after Show the votes, both rounds side by side.

    A class that has ended meanwhile (its time was up, or another laptop ended it) is let go of with its message.
    """
    language.apply()  # a fragment's run starts in English
    try:
        counts = store().counts(code, key)
    except (UnknownClass, NotTeacher) as error:
        let_go(error.message)
        st.rerun()  # the whole panel: the message, and Start a class vote again
    except ClassroomError as error:
        st.error(error.message, icon=":material/cloud_off:")
        return
    with st.container(key="class_vote_live"):
        if not counts.rounds:
            st.markdown(
                ngettext("{count} phone joined", "{count} phones joined", counts.phones).format(count=counts.phones)
            )
            st.caption(_("Ask the class one of the lesson's questions to open a round."))
            return
        latest = counts.rounds[-1]
        st.markdown(
            ngettext(
                "{phones} phone joined · {voted} voted", "{phones} phones joined · {voted} voted", counts.phones
            ).format(phones=counts.phones, voted=latest.voted)
        )
        st.caption(_status(latest.round))
        # Once the latest round is shown, the round before it shows too: the class sees its shift.
        shown = [tally for tally in counts.rounds if tally.round.split_visible or latest.round.split_visible]
        if shown:
            _bars(question_of(counts.step), shown)


def _status(asked: Round) -> str:
    if asked.revealed:
        return _("The answer is revealed on every phone.")
    if asked.takes_votes:
        return _("Round {number} is open: phones can vote and change their vote.").format(number=asked.number)
    if asked.split_visible:
        return _("Round {number} is closed; its votes are shown.").format(number=asked.number)
    return _("Round {number} is closed.").format(number=asked.number)


def _bars(question: Question | None, tallies: list[Tally]) -> None:
    """One bar per choice and round, the rounds side by side; the answer marked once it is revealed."""
    for column, tally in zip(st.columns(len(tallies), gap="medium"), tallies, strict=True):
        with column:
            first = tally.round.number == 1
            st.markdown(_("**First vote**") if first else _("**Second vote, after discussing**"))
            for choice in tally.round.choices:
                count = tally.counts[choice]
                share = count / tally.voted if tally.voted else 0.0
                values = {"choice": choice_label(question, choice), "count": count, "percent": f"{share:.0%}"}
                if choice == tally.round.right:
                    text = ngettext(
                        "**{choice}** (the answer): {count} vote, {percent}",
                        "**{choice}** (the answer): {count} votes, {percent}",
                        count,
                    )
                else:
                    text = ngettext("{choice}: {count} vote, {percent}", "{choice}: {count} votes, {percent}", count)
                st.progress(share, text=text.format(**values))
