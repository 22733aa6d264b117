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


def test_a_count_is_grouped_as_its_language_groups_it():
    assert locales.whole(5000) == "5,000" and locales.whole(123456) == "123,456" and locales.whole(12) == "12"
    for language in ("de", "es"):
        with speaking(language):
            assert locales.whole(5000) == "5000"  # no point or comma that reads as a decimal
            assert locales.whole(123456) == "123\u202f456"
            assert locales.whole(-20000) == "-20\u202f000"
