"""How long sentences are measured and cut (narrator.script.sentences): the ranges said shorter
than shown (links) or never cut inside (formulas), nested or not; a sentence that needs no cut.
Exact expected values."""

from __future__ import annotations

from narrator.script.sentences import _Ranges, split_long


def test_ranges_side_by_side_are_summed_and_found_by_bisection() -> None:
    r = _Ranges([(25, 30, 3), (0, 20, 15), (30, 40, 2)])  # sorted on the way in
    assert not r.nested
    assert [r.saved(0, 20), r.saved(0, 40), r.saved(25, 40), r.saved(26, 40)] == [15, 20, 5, 2]
    assert [r.saved(21, 24), r.saved(26, 29), r.saved(0, 19)] == [0, 0, 0]  # none wholly inside
    assert r.overlapping(20, 25) == []  # touching at an end is no overlap
    assert r.overlapping(19, 26) == [(0, 20), (25, 30)]
    assert r.overlapping(30, 30) == []
    assert r.overlapping(0, 41) == [(0, 20), (25, 30), (30, 40)]


def test_ranges_one_inside_another_are_each_counted() -> None:
    r = _Ranges([(0, 20, 15), (5, 10, 3), (30, 40, 2)])  # a link inside a formula's span
    assert r.nested
    assert [r.saved(0, 20), r.saved(0, 40), r.saved(5, 40), r.saved(6, 40), r.saved(0, 19)] == [18, 20, 5, 2, 3]
    assert r.overlapping(10, 30) == [(0, 20)]
    assert r.overlapping(9, 31) == [(0, 20), (5, 10), (30, 40)]
    assert r.overlapping(20, 30) == []


def test_a_sentence_that_fits_is_one_trimmed_span() -> None:
    assert split_long("   ", 10) == []
    assert split_long("  hello  ", 10) == [(2, 7)]
    assert split_long("hello world", 11) == [(0, 11)]  # exactly the limit
