"""The class vote's store: one object over an Engine with every action a teacher's page or a phone takes."""

from __future__ import annotations

from lstm.classroom.phones import PhoneActions
from lstm.classroom.results import Results
from lstm.classroom.teacher import TeacherActions


class Store(TeacherActions, PhoneActions, Results):
    """`Store(engine, settings=None)`: the teacher's actions (start_class, ask, show, revote, reveal,
    end_class, end_expired, teacher_class), the phones' (join, vote, status) and the reads (counts,
    results_csv). Every action is one short transaction; the object holds no class state, so any
    process on the same database can serve any phone or projector, and a restart loses nothing.
    """
