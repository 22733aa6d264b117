"""The text layer: a language is one script run's, the source is English, and a catalogue is read when used."""

import threading

import pytest

from lstm import locales
from lstm.locales import _, ngettext, speaking


def test_the_source_language_translates_nothing():
    assert locales.current() == "en"
    assert _("Day {day}").format(day=3) == "Day 3"
    assert ngettext("{count} day", "{count} days", 1).format(count=1) == "1 day"
    assert ngettext("{count} day", "{count} days", 4).format(count=4) == "4 days"


def test_a_language_is_spoken_inside_its_block_only():
    with speaking("de"):
        assert locales.current() == "de"
    assert locales.current() == "en"


def test_another_thread_speaks_the_source_language():
    heard = []
    with speaking("es"):
        thread = threading.Thread(target=lambda: heard.append(locales.current()))
        thread.start()
        thread.join()
    assert heard == ["en"]


@pytest.mark.parametrize("language", ["xx", "", "DE", "../de"])
def test_an_unknown_language_is_refused(language):
    with pytest.raises(ValueError, match="no catalogue"):
        locales.use(language)
