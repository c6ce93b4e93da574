"""Cuts of split_long (narrator.script.sentences) that the earlier mutation screens left open:
the evenness bonus of a cut before a conjunction, a piece before an aside measured to its last
character, and which pass decides when a bracket is involved (words inside a long parenthesis,
the inner pass that removes a stub, the clause marks inside a short parenthesis, the long-token
fallback). Exact expected spans, reasoned from the docstring's preferences."""

from __future__ import annotations

from narrator.script.sentences import split_long


def _pieces(text: str, limit: int) -> list[str]:
    return [text[a:b] for a, b in split_long(text, limit)]


def test_the_conjunction_bonus_is_the_square_of_an_eighth_of_the_limit_rounded_down() -> None:
    # 90 characters, limit 39: three pieces either way at 2 in word cuts (before "but" and before
    # "and" at 1 each, or a word cut at 2 and the comma at 0). Evenness: 38²+35² = 2669 (the piece
    # after the comma is measured by no word cut) against 21²+37²+30² = 2710, less 2×(39//8)² =
    # 32 for the two cuts before a conjunction: 2678. The word cut and the comma win; a bonus of
    # (39/8)² each (2662.5) or 4³ each (2582) would have turned it.
    text = "big teachers mountain but teachers sun house green teachers and old happy, old dog saw sea"
    assert split_long(text, 39) == [(0, 38), (39, 74), (75, 90)]
    assert _pieces(text, 39) == ["big teachers mountain but teachers sun", "house green teachers and old happy,",
                                 "old dog saw sea"]


def test_a_piece_between_clause_marks_adds_nothing_to_the_evenness() -> None:
    # 73 characters, limit 32: three pieces either way at 2 in word cuts (the comma at 0 and a
    # word cut at 2, or the cuts before both "and" at 1 each). Evenness: 29²+29² = 1682 ("tree saw
    # big," ends at the comma and starts the text: measured by no word cut, it counts 0) against
    # 27²+19²+25² = 1715, less 2×(32//8)² = 32: 1683. The comma and the word cut win by one.
    text = "tree saw big, sea saw river and garden long cat and small river green old"
    assert split_long(text, 32) == [(0, 13), (14, 43), (44, 73)]
    assert _pieces(text, 32) == ["tree saw big,", "sea saw river and garden long", "cat and small river green old"]


def test_a_piece_before_an_aside_is_measured_to_its_last_letter() -> None:
    # 40 characters, limit 30: the place before "(the old red one)" counts as a cut before a
    # conjunction (half a word cut), and "We chose B" before it has three words, no stub. Measured
    # a character short ("We chose ") it would hold two words, a stub, and the cut would move
    # after the parenthesis ("We chose B (the old red one)" | "at the farm").
    text = "We chose B (the old red one) at the farm"
    assert split_long(text, 30) == [(0, 10), (11, 40)]
    assert _pieces(text, 30) == ["We chose B", "(the old red one) at the farm"]


def test_words_inside_a_long_parenthesis_wait_until_nothing_else_fits() -> None:
    # 86 characters, limit 40. The parenthesis (15-71, 56 characters) is longer than the limit, so
    # it is cut inside at its comma; with that comma and the place before "(" (an aside, half a
    # cut) everything fits, so no word inside it is used, though the cut before its "and" would
    # give evener pieces ("We walked home (after a long" | "and tiring day at work," | ...).
    text = "We walked home (after a long and tiring day at work, as the rain began) and slept well"
    assert split_long(text, 40) == [(0, 14), (15, 52), (53, 86)]
    assert _pieces(text, 40) == ["We walked home", "(after a long and tiring day at work,",
                                 "as the rain began) and slept well"]


def test_the_inner_pass_that_leaves_no_stub_is_kept_over_the_clause_marks_in_a_short_parenthesis() -> None:
    # 58 characters, limit 30. The first parenthesis (44 characters) is cut at its ";" (26); the
    # rest, "all of us agreed) (rules, 2024)", is 31. Between the brackets (44) it fits, but leaves
    # "(rules, 2024)" alone, a piece of two words; cutting between any words (inside brackets too)
    # gives two pieces and no stub, and that is kept: not the comma inside the short "(rules, 2024)",
    # which would leave "2024)" alone.
    text = "(The plan was made in May; all of us agreed) (rules, 2024)"
    assert split_long(text, 30) == [(0, 30), (31, 58)]
    assert _pieces(text, 30) == ["(The plan was made in May; all", "of us agreed) (rules, 2024)"]


def test_a_comma_inside_a_short_parenthesis_wins_over_cuts_between_words() -> None:
    # 64 characters, limit 25. "(three red cats, one dog)today," (7-38, 31 characters) has no
    # place outside the parenthesis and is longer than the limit, so the comma inside it is the
    # cut. The split at clause marks alone (no word cut) is taken, though "one dog)today," has two
    # words: cutting between words ("We saw (three red" | "cats, one dog)today,") would cost one.
    text = "We saw (three red cats, one dog)today, and then we all went home"
    assert split_long(text, 25) == [(0, 23), (24, 38), (39, 64)]
    assert _pieces(text, 25) == ["We saw (three red cats,", "one dog)today,", "and then we all went home"]


def test_a_token_longer_than_the_limit_runs_over_only_where_nothing_else_fits() -> None:
    # 75 characters, limit 20: the link (37 characters with its comma) fits no piece, so no split
    # fits and the last pass lets a piece run past the limit, but only from a place with no cut
    # within the limit: "Open" is cut off before the link, not read with it. The comma inside
    # "(part 2, page 9)" is a place like any other then.
    text = "Open https://example.org/a-very-long-path, then read (part 2, page 9) again"
    assert split_long(text, 20) == [(0, 4), (5, 42), (43, 61), (62, 75)]
    assert _pieces(text, 20) == ["Open", "https://example.org/a-very-long-path,", "then read (part 2,",
                                 "page 9) again"]
