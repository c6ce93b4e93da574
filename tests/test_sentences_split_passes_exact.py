"""The passes split_long makes over a long sentence (narrator.script.sentences): a comma inside
a short parenthesis when nothing outside it fits, words when commas would leave a piece of one
word, a quotation cut rather than leave a piece of two words, and "etc." before a small letter
that is no clause place. Exact expected spans, reasoned from the docstring's preferences."""

from __future__ import annotations

from narrator.script.sentences import split_long


def test_a_comma_inside_a_short_parenthesis_is_the_cut_when_nothing_outside_fits() -> None:
    # 34 characters, limit 20. "(x, one two three)" (11-29, 18 characters) fits the limit, so
    # cuts inside it are avoided at first; but the only place outside it is after "alpha", which
    # leaves "gamma(x, one two three)delta" (28). The comma inside is then the cut: 14 and 19.
    text = "alpha gamma(x, one two three)delta"
    assert split_long(text, 20) == [(0, 14), (15, 34)]
    assert [text[a:b] for a, b in split_long(text, 20)] == ["alpha gamma(x,", "one two three)delta"]


def test_words_are_cut_when_the_commas_would_leave_a_word_alone() -> None:
    # limit 22: the commas give "one two three four," | "five six seven eight," | "nine", the last
    # a piece of one word; nine words in three pieces of three words each is the split without one
    text = "one two three four, five six seven eight, nine"
    assert [text[a:b] for a, b in split_long(text, 22)] == ["one two three", "four, five six", "seven eight, nine"]
    assert split_long(text, 22) == [(0, 13), (14, 28), (29, 46)]


def test_a_quotation_that_fits_is_cut_inside_rather_than_leave_a_piece_of_two_words() -> None:
    # limit 28: the quotation (37-63, 26 characters) whole leaves "last week" alone after it (it
    # cannot join: 36); cut between its words, every piece has three words or more
    text = "He wrote a long letter to his friend \u201cabout the trip to the sea\u201d last week"
    assert [text[a:b] for a, b in split_long(text, 28)] == [
        "He wrote a long letter", "to his friend \u201cabout the", "trip to the sea\u201d last week"]


def test_etc_before_a_small_letter_is_no_clause_place() -> None:
    # "etc. to": not the end of a clause (a small letter follows), so the cut after it is a cut
    # between words like any other. 66 characters, limit 24: three pieces, as even as can be
    # (21, 22, 21), the one before "and" (a conjunction) being too long to reach.
    text = "We need paper etc. to write and the books we read at home each day"
    assert [text[a:b] for a, b in split_long(text, 24)] == [
        "We need paper etc. to", "write and the books we", "read at home each day"]
    # 62 characters, limit 30: before "and" (half a cut), and after "etc." for the evenest rest
    text = "Bring paper pens etc. to the class today and the books we need"
    assert split_long(text, 30) == [(0, 21), (22, 40), (41, 62)]


def test_a_short_parenthesis_stays_whole_when_cutting_it_leaves_as_many_short_pieces() -> None:
    # limit 12: every piece holds two words at most, so each is a short piece whatever the cuts;
    # cutting inside "(a letter)" removes none of them, so it stays whole
    text = "year time, book road book city (a letter)"
    assert [text[a:b] for a, b in split_long(text, 12)] == ["year time,", "book road", "book city", "(a letter)"]


def test_two_cuts_before_and_win_over_a_comma_and_a_word_cut_by_their_evenness_bonus() -> None:
    # 99 characters, limit 48: three pieces either way at the same cost in word cuts (two cuts
    # before "and" at 1 each, or the comma at 0 and a word cut at 2). Evenness: 24²+34²+39² =
    # 3253, less 2×(48//8)² = 72 for the two cuts before a conjunction, is 3181; against 41²+39²
    # = 3202 (the piece after the comma is measured by no word cut). The cuts before "and" win.
    text = ("rivers mountain teachers and house rivers mountain teachers and dogs ab teachers, "
            "house house house")
    assert split_long(text, 48) == [(0, 24), (25, 59), (60, 99)]
