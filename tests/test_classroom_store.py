"""The class vote's store against SQLite and a real PostgreSQL: a class from start to reveal, and every refusal."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from lstm.classroom import (
    CLOSED,
    OPEN,
    REVEALED,
    SHOWN,
    AlreadyRevealed,
    ClassEnded,
    NoQuestion,
    NotAChoice,
    NotAClassCode,
    NotAPhone,
    NotJoined,
    NotTeacher,
    NotThisRound,
    RoundClosed,
    Settings,
    Store,
    TooManyChanges,
    UnknownClass,
    make_engine,
)
from lstm.classroom.schema import votes

T0 = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
CHOICES = ("higher", "lower", "same")
PHONES = [f"phone-{number:03d}-abcdef" for number in range(30)]


@pytest.fixture
def store(classroom_url):
    engine = make_engine(classroom_url)
    yield Store(engine, Settings())
    engine.dispose()


def started(store: Store, phones=PHONES) -> tuple[str, str]:
    code, key = store.start_class(now=T0)
    for phone in phones:
        store.join(code, phone, now=T0)
    return code, key


def vote_all(store: Store, code: str, round_id: int, choices: list[str]) -> None:
    for phone, choice in zip(PHONES, choices, strict=True):
        store.vote(code, phone, round_id, choice, now=T0)


def test_a_class_from_start_to_reveal(store):
    code, key = started(store)
    first = store.ask(code, key, "b_against_a_day_2", CHOICES, now=T0)
    assert (first.number, first.state, first.choices) == (1, OPEN, CHOICES)
    assert store.status(code, PHONES[0], now=T0).round == first
    before = ["higher"] * 12 + ["lower"] * 10 + ["same"] * 8
    vote_all(store, code, first.id, before)

    counts = store.counts(code, key, now=T0)
    assert (counts.phones, counts.step, len(counts.rounds)) == (30, "b_against_a_day_2", 1)
    assert counts.rounds[0].voted == 30 and not counts.rounds[0].round.split_visible
    assert store.show(code, key, now=T0).state == SHOWN
    with pytest.raises(RoundClosed):
        store.vote(code, PHONES[0], first.id, "lower", now=T0)

    second = store.revote(code, key, now=T0)
    assert (second.number, second.state) == (2, OPEN)
    after = ["higher"] * 25 + ["lower"] * 3 + ["same"] * 2
    vote_all(store, code, second.id, after)
    store.vote(code, PHONES[29], second.id, "higher", now=T0)  # a change of mind before the round closes
    after[29] = "higher"
    store.show(code, key, now=T0)
    both = store.counts(code, key, now=T0).rounds
    assert [tally.round.number for tally in both] == [1, 2]
    assert [dict(tally.counts) for tally in both] == [dict(Counter(before)), dict(Counter(after)) | {"same": 1}]
    assert all(tally.round.split_visible for tally in both)

    revealed = store.reveal(code, key, "higher", why="B's is 0.63, A's 0.00.", weights={"wlr1": 2.7}, now=T0)
    assert (revealed.state, revealed.right, revealed.why, revealed.weights) == (
        REVEALED,
        "higher",
        "B's is 0.63, A's 0.00.",
        {"wlr1": 2.7},
    )
    for phone, choice in zip(PHONES, after, strict=True):
        status = store.status(code, phone, now=T0)
        assert (status.round, status.vote, status.right) == (revealed, choice, choice == "higher")
        assert (status.score.right, status.score.revealed) == (int(choice == "higher"), 1)

    rows = list(csv.DictReader(io.StringIO(store.results_csv(code, key, now=T0))))
    assert [(row["question"], row["round"], row["choice"], row["count"], row["right_answer"]) for row in rows] == [
        ("b_against_a_day_2", str(number), choice, str(tally[choice]), "higher")
        for number, tally in ((1, Counter(before)), (2, Counter(after)))
        for choice in CHOICES
    ]
    assert not any(phone in store.results_csv(code, key, now=T0) for phone in PHONES)


def test_the_score_counts_each_revealed_question_once_by_the_last_vote(store):
    code, key = started(store, PHONES[:2])
    first = store.ask(code, key, "q1", ("0", "1"), now=T0)
    store.vote(code, PHONES[0], first.id, "1", now=T0)
    store.reveal(code, key, "1", now=T0)
    second = store.ask(code, key, "q2", ("0", "1", "2"), now=T0)
    store.vote(code, PHONES[0], second.id, "2", now=T0)
    store.show(code, key, now=T0)
    store.revote(code, key, now=T0)  # phone 0 keeps its round-1 vote by not voting again
    store.reveal(code, key, "0", now=T0)
    assert store.status(code, PHONES[0], now=T0).score.right == 1
    assert store.status(code, PHONES[0], now=T0).right is False
    quiet = store.status(code, PHONES[1], now=T0)
    assert (quiet.vote, quiet.right, quiet.score.right, quiet.score.revealed) == (None, None, 0, 2)


def test_asking_again_is_safe_and_a_new_question_closes_the_last(store):
    code, key = started(store, PHONES[:1])
    assert store.status(code, PHONES[0], now=T0).round is None
    with pytest.raises(NoQuestion):
        store.show(code, key, now=T0)
    first = store.ask(code, key, "q1", ("0", "1"), now=T0)
    assert store.ask(code, key, "q1", ("0", "1"), now=T0) == first  # a double click, or a second laptop
    store.vote(code, PHONES[0], first.id, "0", now=T0)
    store.ask(code, key, "q2", ("0", "1"), now=T0)
    with pytest.raises(RoundClosed):
        store.vote(code, PHONES[0], first.id, "1", now=T0)
    assert store.revote(code, key, now=T0) == store.revote(code, key, now=T0)
    store.reveal(code, key, "1", now=T0)
    assert store.reveal(code, key, "0", now=T0).right == "1"  # revealed once; a second press changes nothing
    with pytest.raises(AlreadyRevealed):
        store.show(code, key, now=T0)
    with pytest.raises(AlreadyRevealed):
        store.revote(code, key, now=T0)
    again = store.ask(code, key, "q1", ("0", "1"), now=T0)  # asked afresh: the earlier rounds go
    assert again.id != first.id and store.status(code, PHONES[0], now=T0).vote is None
    assert [row["question"] for row in csv.DictReader(io.StringIO(store.results_csv(code, key, now=T0)))] == [
        "q2"
    ] * 4 + ["q1"] * 2


@pytest.mark.parametrize(
    "typed", ["", "ABCD", "ABCDEF", "ABC0E", "ABCIE", "<b>ABCDE</b>", "**ABCD**", "[A](javascript:x)", "A" * 5000, None]
)
def test_what_is_not_a_code_is_refused_with_one_message(store, typed):
    with pytest.raises(NotAClassCode) as refused:
        store.class_by_code(typed, now=T0)
    assert "<" not in refused.value.message and "*" not in refused.value.message
    with pytest.raises(NotAClassCode):
        store.join(typed, PHONES[0], now=T0)


def test_unknown_and_ended_classes_are_refused(store):
    with pytest.raises(UnknownClass) as unknown:
        store.join("22222", PHONES[0], now=T0)
    assert "22222" in unknown.value.message
    code, key = started(store, PHONES[:1])
    assert store.class_by_code(f" {code.lower()[:2]}-{code.lower()[2:]} ", now=T0).code == code
    later = T0 + Settings().lifetime
    with pytest.raises(ClassEnded):
        store.join(code, PHONES[1], now=later)
    with pytest.raises(ClassEnded):
        store.status(code, PHONES[0], now=later)
    store.end_class(code, key, now=T0)
    with pytest.raises(UnknownClass):
        store.status(code, PHONES[0], now=T0)


def test_votes_that_break_a_rule_are_refused_and_counted_nowhere(store):
    code, key = started(store, PHONES[:2])
    other, other_key = started(store, PHONES[2:3])
    asked = store.ask(code, key, "q1", CHOICES, now=T0)
    elsewhere = store.ask(other, other_key, "q1", CHOICES, now=T0)
    refusals = [
        (NotAChoice, (code, PHONES[0], asked.id, "sideways")),
        (NotAChoice, (code, PHONES[0], asked.id, None)),
        (NotJoined, (code, PHONES[2], asked.id, "higher")),  # a phone of another class
        (NotJoined, (code, "never-joined-phone", asked.id, "higher")),
        (NotAPhone, (code, "<script>", asked.id, "higher")),
        (NotThisRound, (code, PHONES[0], elsewhere.id, "higher")),  # another class's round
        (NotThisRound, (code, PHONES[0], 10**9, "higher")),
        (NotThisRound, (code, PHONES[0], "1", "higher")),
    ]
    for refusal, arguments in refusals:
        with pytest.raises(refusal):
            store.vote(*arguments, now=T0)
    store.show(code, key, now=T0)
    with pytest.raises(RoundClosed):
        store.vote(code, PHONES[1], asked.id, "lower", now=T0)
    assert store.counts(code, key, now=T0).rounds[0].voted == 0
    assert store.counts(other, other_key, now=T0).rounds[0].voted == 0


def test_a_thousand_votes_from_one_phone_count_once_and_change_a_bounded_number_of_times(store):
    code, key = started(store, PHONES[:1])
    asked = store.ask(code, key, "q1", CHOICES, now=T0)
    refused = 0
    for attempt in range(1000):
        try:
            store.vote(code, PHONES[0], asked.id, CHOICES[attempt % 3], now=T0)
        except TooManyChanges:
            refused += 1
    limit = Settings().max_vote_changes
    # After its last change the phone's vote stays; voting it again is no change, anything else is refused.
    assert refused == sum(attempt % 3 != limit % 3 for attempt in range(limit + 1, 1000))
    tally = store.counts(code, key, now=T0).rounds[0]
    assert tally.voted == 1 and tally.counts[CHOICES[limit % 3]] == 1
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(votes)).scalar_one() == 1
        assert connection.execute(select(votes.c.changes)).scalar_one() == limit


@pytest.mark.parametrize("key", [None, "", "wrong-key", "x" * 10_000])
def test_nobody_without_the_teacher_key_runs_the_class(store, key):
    code, right_key = started(store, PHONES[:1])
    store.ask(code, right_key, "q1", CHOICES, now=T0)
    actions = [
        lambda: store.ask(code, key, "q2", CHOICES, now=T0),
        lambda: store.show(code, key, now=T0),
        lambda: store.revote(code, key, now=T0),
        lambda: store.reveal(code, key, "higher", now=T0),
        lambda: store.counts(code, key, now=T0),
        lambda: store.results_csv(code, key, now=T0),
        lambda: store.end_class(code, key, now=T0),
        lambda: store.teacher_class(code, key, now=T0),
    ]
    for action in actions:
        with pytest.raises(NotTeacher):
            action()
    status = store.status(code, PHONES[0], now=T0)
    assert (status.round.state, status.round.number, status.round.step) == (OPEN, 1, "q1")


def test_a_bad_phone_id_is_refused(store):
    code, _key = started(store, PHONES[:1])
    for phone in ["", "short", "x" * 65, "has space in it", "ünïcödé-phone", None, 12345678]:
        with pytest.raises(NotAPhone):
            store.join(code, phone, now=T0)
        with pytest.raises(NotAPhone):
            store.status(code, phone, now=T0)


def test_show_without_votes_and_revote_without_show_close_the_first_round(store):
    code, key = started(store, PHONES[:1])
    first = store.ask(code, key, "q1", CHOICES, now=T0)
    second = store.revote(code, key, now=T0)
    rounds = store.counts(code, key, now=T0 + timedelta(minutes=1)).rounds
    assert [(tally.round.id, tally.round.state) for tally in rounds] == [(first.id, CLOSED), (second.id, OPEN)]


def test_a_sqlite_store_writes_ahead_and_syncs_at_checkpoints(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL: no fsync per vote
        store = Store(engine, Settings())
        code, key = started(store, PHONES[:2])
        asked = store.ask(code, key, "b_against_a_day_2", CHOICES, now=T0)
        store.vote(code, PHONES[0], asked.id, "lower", now=T0)
    finally:
        engine.dispose()
    reopened = make_engine(f"sqlite:///{tmp_path / 'class.sqlite3'}")  # as a restarted server opens it
    try:
        assert Store(reopened, Settings()).counts(code, key, now=T0).rounds[0].voted == 1
    finally:
        reopened.dispose()
