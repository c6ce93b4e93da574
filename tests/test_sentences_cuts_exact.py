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


def test_each_sentence_is_held_to_its_own_scripts_limit() -> None:
    from narrator.script.sentences import sentence_pieces
    # 61 Chinese characters: within the Chinese limit of 80, though over the Latin one of 40
    assert sentence_pieces("我" * 60 + "。", max_chars=40, max_chars_cjk=80) == [(0, 61, False)]
    # 52 Latin characters before a Chinese sentence: the Latin limit (80), not the Chinese one (40)
    english = "This English sentence is long enough to be cut here."
    assert sentence_pieces(english + " 好的。", max_chars=80, max_chars_cjk=40) == [(0, 52, False), (53, 56, False)]


def test_a_chinese_sentence_cut_at_its_comma_ends_its_first_piece_with_a_clause_pause() -> None:
    from narrator.script.sentences import sentence_pieces
    # 30 characters, limit 20: cut after "，" (offset 14), the pieces touching; the first one is a
    # cut piece (a clause pause), the second ends the sentence
    text = "我们今天学习了很多新的知识，明天我们还要继续学习更多的内容。"
    assert sentence_pieces(text, max_chars=160, max_chars_cjk=20) == [(0, 14, True), (14, 30, False)]


def _pieces(text: str, limit: int = 20, **kw: object) -> list[tuple[int, int, bool]]:
    from narrator.script.sentences import sentence_pieces
    return sentence_pieces(text, max_chars=limit, max_chars_cjk=80, **kw)  # type: ignore[arg-type]


def test_a_token_longer_than_the_limit_is_cut_after_a_non_letter_in_the_second_half() -> None:
    # 43 characters, limit 20: "/" at 16 ends the first piece (17 is in 11..20); the next 20 (to
    # 37) have no non-letter, so they are cut at the limit
    assert _pieces("a" * 16 + "/" + "b" * 26) == [(0, 17, True), (17, 37, True), (37, 43, False)]
    # "/" at 8 is in the first half: the piece is cut at the limit instead of so short
    assert _pieces("a" * 8 + "/" + "b" * 30) == [(0, 20, True), (20, 39, False)]


def test_a_kept_range_of_more_than_half_the_limit_is_never_cut_a_shorter_one_may_be() -> None:
    assert _pieces("a" * 14 + "c" * 11, keep=[(14, 25)]) == [(0, 25, False)]  # 11 > 20 // 2
    assert _pieces("a" * 15 + "c" * 10, keep=[(15, 25)]) == [(0, 20, True), (20, 25, False)]  # 10


def test_a_sentence_is_measured_by_what_it_says() -> None:
    # 23 characters shown, but the link (13..23) says 8 fewer: 15, within 20
    assert _pieces("a" * 12 + " " + "c" * 10, keep=[(13, 23)], saved=[(13, 23, 8)]) == [(0, 23, False)]


def test_lines_are_sentences_of_their_own_not_cut_pieces() -> None:
    from narrator.script.sentences import sentence_pieces
    assert sentence_pieces("第一行\n第二行", max_chars=160, max_chars_cjk=20) == [(0, 3, False), (4, 7, False)]
    # after a line, a sentence cut at its comma still ends its first piece with a clause pause
    text = "上一行\n我们今天学习了很多新的知识，明天我们还要继续学习更多的内容。"
    assert sentence_pieces(text, max_chars=160, max_chars_cjk=20) == [(0, 3, False), (4, 18, True), (18, 34, False)]
