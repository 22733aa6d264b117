"""Every refusal of the class vote, one type each, with a message a phone or the teacher reads.

The page catches `ClassroomError` and shows `error.message` (already in the visitor's language: it is
translated when raised, inside the script run). Messages never echo what a visitor typed.
"""

from __future__ import annotations

from lstm.locales import _, ngettext


class ClassroomError(Exception):
    """A refusal: nothing was written, nothing counted. `message` is for the visitor."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreUnavailable(ClassroomError):
    """The database is down, unreachable or locked past the busy timeout."""

    def __init__(self) -> None:
        super().__init__(_("The class vote cannot reach its database just now. Try again in a moment."))


class NotAClassCode(ClassroomError):
    """What was typed or linked cannot be a join code (wrong length or letters, markup, anything else)."""

    def __init__(self) -> None:
        super().__init__(_("That is not a class code. A class code has five letters and digits, such as 7KQ4M."))


class UnknownClass(ClassroomError):
    """No class has this code (it never existed, or it ended and its rows are gone)."""

    def __init__(self, code: str) -> None:
        super().__init__(_("No class has the code {code}. Check the code with your teacher.").format(code=code))


class ClassEnded(UnknownClass):
    """The class's time is up; its rows go with the next clean-up."""

    def __init__(self, code: str) -> None:
        ClassroomError.__init__(self, _("The class {code} has ended.").format(code=code))


class TooManyClasses(ClassroomError):
    """The server holds its limit of open classes."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            ngettext(
                "This server already runs {limit} class, its limit. Try again when a class has ended.",
                "This server already runs {limit} classes, its limit. Try again when a class has ended.",
                limit,
            ).format(limit=limit)
        )


class ClassFull(ClassroomError):
    """The class holds its limit of phones."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            ngettext(
                "This class is full: {limit} phone has joined, its limit.",
                "This class is full: {limit} phones have joined, their limit.",
                limit,
            ).format(limit=limit)
        )


class NotTeacher(ClassroomError):
    """The teacher key is missing or wrong."""

    def __init__(self) -> None:
        super().__init__(_("Only the teacher who started this class can do that."))


class NotAPhone(ClassroomError):
    """The phone id is missing or malformed (the page makes one; a request made by hand may not)."""

    def __init__(self) -> None:
        super().__init__(_("This phone could not be recognised. Reload the page to join again."))


class NotJoined(ClassroomError):
    """The phone has not joined this class."""

    def __init__(self, code: str) -> None:
        super().__init__(_("This phone has not joined the class {code}. Open the join link again.").format(code=code))


class NoQuestion(ClassroomError):
    """The teacher acted on a round, but no question has been asked."""

    def __init__(self) -> None:
        super().__init__(_("No question has been asked yet. Ask the class first."))


class AlreadyRevealed(ClassroomError):
    """Show or vote again after the answer was revealed: the question is over."""

    def __init__(self) -> None:
        super().__init__(_("The answer has been revealed. Ask the next question."))


class TooManyRounds(ClassroomError):
    """The class opened its limit of rounds."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            ngettext(
                "This class has asked {limit} round of questions, its limit. Start a new class to go on.",
                "This class has asked {limit} rounds of questions, its limit. Start a new class to go on.",
                limit,
            ).format(limit=limit)
        )


class NotThisRound(ClassroomError):
    """A vote for a round that is not the class's current one (another class's, an old one, made up)."""

    def __init__(self) -> None:
        super().__init__(_("That question is no longer open. Wait for the teacher's next question."))


class RoundClosed(ClassroomError):
    """A vote in a round that no longer takes votes."""

    def __init__(self) -> None:
        super().__init__(_("Voting on this question has closed."))


class NotAChoice(ClassroomError):
    """A vote for something that is not one of the round's choices."""

    def __init__(self) -> None:
        super().__init__(_("That is not one of this question's choices."))


class TooManyChanges(ClassroomError):
    """The phone changed its vote as often as a round allows; its last vote stands."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            ngettext(
                "This phone has changed its vote {limit} time in this round, the limit. Its last vote stands.",
                "This phone has changed its vote {limit} times in this round, the limit. Its last vote stands.",
                limit,
            ).format(limit=limit)
        )
