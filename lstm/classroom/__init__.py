"""Class votes: a teacher starts a class, phones join by a short code, vote in rounds, and see the answer.

No Streamlit here: the pages (the projector panel, the phone page) build on this API.

Set-up, once per process (the ui caches both with `st.cache_resource`)::

    engine = make_engine()            # LSTM_EXPLORER_DATABASE_URL, else a SQLite file in the data folder
    store = Store(engine)             # limits from Settings.from_env(); tables already made by make_engine

The teacher (projector panel); `code` and `key` come from start_class and live in the session and in a
private teacher link (`key` never leaves the teacher's page; check a link's key with teacher_class)::

    code, key = store.start_class()                      # TooManyClasses
    store.teacher_class(code, key) -> ClassInfo          # NotTeacher, UnknownClass, ClassEnded
    where = join_address(code, host)                     # JoinAddress(base, link, loopback, reachable)
    svg = join_qr_svg(where.link)                        # an SVG string with a <title>
    store.ask(code, key, step, choices) -> Round         # "Ask the class": round 1 opens; choices are keys
    store.counts(code, key) -> ClassCounts               # poll every second: phones joined, the rounds' Tally
    store.show(code, key) -> Round                       # "Show the votes": the round closes, split visible
    store.revote(code, key) -> Round                     # "Discuss, then vote again": round 2 opens
    store.reveal(code, key, right, why=..., weights=...) -> Round   # "Reveal the answer"
    store.results_csv(code, key, describe=None) -> str   # question, round, choice, count, right answer
    store.end_class(code, key)                           # rows deleted now; end_expired(now) for all expired

A phone (phone page); `phone_id` is new_phone_id(), kept in the phone's browser::

    store.class_by_code(typed) -> ClassInfo              # NotAClassCode, UnknownClass, ClassEnded
    store.join(code, phone_id) -> ClassInfo              # ClassFull, NotAPhone (and the above)
    store.status(code, phone_id) -> PhoneStatus          # poll: round (None: waiting), vote, right, score
    store.vote(code, phone_id, round_id, choice)         # NotJoined, NotThisRound, RoundClosed, NotAChoice,
                                                         # TooManyChanges

Every refusal is a ClassroomError whose `.message` is a sentence in the visitor's language; a database
that is down or locked raises StoreUnavailable (a ClassroomError too), so one `except ClassroomError`
shows the message and the explorer keeps working. A wrong argument from the page itself (a step or
choice key that is not a key, a right answer not among the choices) is a ValueError: a bug, not a visitor.
Every action takes `now` (a datetime, UTC by default) so tests need no clock.
"""

from lstm.classroom.address import PUBLIC_URL_VARIABLE, JoinAddress, is_loopback, join_address, lan_addresses
from lstm.classroom.codes import ALPHABET, CODE_LENGTH, new_phone_id, normal_code
from lstm.classroom.engine import DATA_VARIABLE, DATABASE_URL_VARIABLE, create_tables, database_url, make_engine
from lstm.classroom.errors import (
    AlreadyRevealed,
    ClassEnded,
    ClassFull,
    ClassroomError,
    NoQuestion,
    NotAChoice,
    NotAClassCode,
    NotAPhone,
    NotJoined,
    NotTeacher,
    NotThisRound,
    RoundClosed,
    StoreUnavailable,
    TooManyChanges,
    TooManyClasses,
    TooManyRounds,
    UnknownClass,
)
from lstm.classroom.qr import join_qr_svg
from lstm.classroom.schema import CLOSED, OPEN, REVEALED, SHOWN
from lstm.classroom.settings import Settings
from lstm.classroom.store import Store
from lstm.classroom.views import ClassCounts, ClassInfo, PhoneStatus, Round, Score, Tally

__all__ = [
    "ALPHABET",
    "CLOSED",
    "CODE_LENGTH",
    "DATABASE_URL_VARIABLE",
    "DATA_VARIABLE",
    "OPEN",
    "PUBLIC_URL_VARIABLE",
    "REVEALED",
    "SHOWN",
    "AlreadyRevealed",
    "ClassCounts",
    "ClassEnded",
    "ClassFull",
    "ClassInfo",
    "ClassroomError",
    "JoinAddress",
    "NoQuestion",
    "NotAChoice",
    "NotAClassCode",
    "NotAPhone",
    "NotJoined",
    "NotTeacher",
    "NotThisRound",
    "PhoneStatus",
    "Round",
    "RoundClosed",
    "Score",
    "Settings",
    "Store",
    "StoreUnavailable",
    "Tally",
    "TooManyChanges",
    "TooManyClasses",
    "TooManyRounds",
    "UnknownClass",
    "create_tables",
    "database_url",
    "is_loopback",
    "join_address",
    "join_qr_svg",
    "lan_addresses",
    "make_engine",
    "new_phone_id",
    "normal_code",
]
