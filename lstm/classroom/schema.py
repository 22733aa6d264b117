"""The class vote's four tables: classes, the phones that joined them, rounds of questions, and votes."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Names for every constraint, so PostgreSQL and SQLite agree and a migration can name them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
KEY_LENGTH = 40  # a step key or a choice key: identifiers, never words

# Round states, in the order a round goes through them; only OPEN takes votes.
OPEN, CLOSED, SHOWN, REVEALED = "open", "closed", "shown", "revealed"
STATES = (OPEN, CLOSED, SHOWN, REVEALED)

classes = Table(
    "classroom_classes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(8), nullable=False, unique=True),
    Column("key_hash", String(64), nullable=False),  # SHA-256 of the teacher key; the key is never stored
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)

phones = Table(
    "classroom_phones",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("class_id", ForeignKey(classes.c.id, ondelete="CASCADE"), nullable=False),
    Column("phone", String(64), nullable=False),  # the random id the phone's browser keeps
    Column("joined_at", DateTime(timezone=True), nullable=False),
    # Also the index behind "how many phones joined", counted every second by the projector.
    UniqueConstraint("class_id", "phone"),
)

rounds = Table(
    "classroom_rounds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("class_id", ForeignKey(classes.c.id, ondelete="CASCADE"), nullable=False),
    Column("step", String(KEY_LENGTH), nullable=False),  # the lesson step (question) asked
    Column("number", SmallInteger, nullable=False),  # 1, or 2 after "Discuss, then vote again"
    Column("state", String(10), nullable=False),
    Column("choices", JSON, nullable=False),  # the choices' keys, in the order the page shows them
    Column("right", String(KEY_LENGTH)),  # the right choice's key, once revealed
    Column("why", Text),  # the reveal's sentence with its numbers, in the teacher's language
    Column("weights", JSON),  # the weights the answer was worked out from, so a phone can say it in its language
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Index(None, "class_id", "id"),  # the class's current round is its latest
)

votes = Table(
    "classroom_votes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", ForeignKey(rounds.c.id, ondelete="CASCADE"), nullable=False),
    Column("phone_id", ForeignKey(phones.c.id, ondelete="CASCADE"), nullable=False),
    Column("choice", String(KEY_LENGTH), nullable=False),
    Column("changes", Integer, nullable=False, default=0),  # how often this phone changed its vote this round
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("round_id", "phone_id"),  # one vote per phone per round
    Index(None, "round_id", "choice"),  # the projector's one query: counts per choice of a round
)
