"""The benchmark's class vote measures a real class: phones join and vote, the projector counts them and redraws."""

import pytest

from bench.class_vote import class_vote_figures, measure_class
from bench.measure import measure
from tests.support.browser import ARTIFACTS

PHONES = 4


@pytest.mark.parametrize("phones_in", ["protocol", "chromium"])
def test_a_small_class_votes_and_the_projector_counts_every_vote_and_redraws_its_edits(browser, phones_in):
    figures = measure_class(browser, phones=PHONES, edit_count=2, folder=ARTIFACTS, phones_in=phones_in)
    # Every phone's tap was matched with the projector counting it: the count reached the class.
    assert len(figures.latencies) == PHONES and min(figures.latencies) > 0
    assert len(figures.edits_alone) == 4 and len(figures.edits_polled) == 2  # the floor before and after the class
    assert min(figures.edits_alone + figures.edits_polled) > 0
    assert figures.memory_joined > 0 and figures.memory_alone > 0 and figures.cpu_polled > 0
    rows = class_vote_figures(figures)
    assert [row.measured_in for row in rows] == ["s", "s", "ms", "% of a core", "edits", "MB"]
    assert rows[1].target == "<= 1.5 s" and rows[2].target == "<= 1.5" and rows[1].product >= rows[0].product
    assert all(f"{PHONES} phones" in row.name for row in rows)
    assert all(row.value > 0 for row in rows if row.measured_in != "edits")


def test_a_part_the_benchmark_does_not_have_is_refused_before_measuring():
    with pytest.raises(ValueError, match="class-vote"):
        measure(only="class vote")
