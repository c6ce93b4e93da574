"""Where a sentence is cut when its numbers, said in words, pass the engine's limit
(narrator.script.planner): the pieces are cut from the written sentence with a limit shortened
in proportion (limit * written // said - 1, never below a quarter of the limit), by the rules of
the sentence's own language. Each expected cut is worked out by hand in the comments."""

from __future__ import annotations

from narrator.config import Config, TextConfig
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

Piece = tuple[str, str, str, tuple[int, int]]


def pieces(text: str, max_chars: int, lang: str = "en") -> list[Piece]:
    """(text, spoken, boundary, span) of each segment of a one-sentence paragraph."""
    doc = Document("T", lang, (Chapter(1, "", (Block("paragraph", (Run(text),)),)),))
    return [(s.text, s.spoken, s.boundary, s.span)
            for s in plan(doc, Config(text=TextConfig(max_chars=max_chars))).segments]


def test_a_sentence_saying_one_character_too_many_is_cut_at_its_comma() -> None:
    # 72 written; "1999", "205", "17" said in words: 112, one more than 111. Pieces of at most
    # 111 * 72 // 112 - 1 = 70 written: the comma (after 48) leaves 48 and 23, no word cut
    sentence = "In 1999 we counted 205 birds near the old river, and 17 more by the sea."
    assert pieces(sentence, 111) == [
        ("In 1999 we counted 205 birds near the old river,",
         "In nineteen ninety nine we counted two hundred and five birds near the old river,", "clause", (0, 48)),
        ("and 17 more by the sea.", "and seventeen more by the sea.", "end", (49, 72))]
    # at 112 it says exactly the limit: whole
    assert [p[0] for p in pieces(sentence, 112)] == [sentence]


def test_a_piece_of_exactly_the_shortened_limit_fits() -> None:
    # the same sentence at 77: pieces of at most 77 * 72 // 112 - 1 = 48, and the comma ends a
    # first piece of exactly 48 (so it is taken, no word cut). That piece still says 81: cut
    # again at 77 * 48 // 81 - 1 = 44, between words as evenly as they allow (22 and 25; after
    # "counted" 18 and 29, after "birds" 28 and 19)
    sentence = "In 1999 we counted 205 birds near the old river, and 17 more by the sea."
    assert pieces(sentence, 77) == [
        ("In 1999 we counted 205", "In nineteen ninety nine we counted two hundred and five", "clause", (0, 22)),
        ("birds near the old river,", "birds near the old river,", "clause", (23, 48)),
        ("and 17 more by the sea.", "and seventeen more by the sea.", "end", (49, 72))]


def test_a_last_clause_of_exactly_a_quarter_of_the_limit_is_no_fragment() -> None:
    # 56 written, 113 said; pieces of at most 107 * 56 // 113 - 1 = 52. Two commas, both
    # places without a word cut: after "homes," (32 and 23) or after "shops," (42 and 13).
    # 13 is a quarter of 52, not less: no fragment, and among equals the longer first piece wins
    sentence = "By 2025 the town had 1234 homes, 56 shops, and two more."
    assert pieces(sentence, 107) == [
        ("By 2025 the town had 1234 homes, 56 shops,",
         "By twenty twenty five the town had one thousand two hundred and thirty four homes, fifty six shops,",
         "clause", (0, 42)),
        ("and two more.", "and two more.", "end", (43, 56))]


def test_words_beside_a_long_number_are_cut_no_finer_than_a_quarter_of_the_limit() -> None:
    # 18 written; "1234567" alone says 77: 91 in all, over 40. 40 * 18 // 91 - 1 = 6 is below a
    # quarter of the limit, so pieces of at most 10: "Add 5 and" (9) and the number (8); the
    # number says more than 40 but is one token: nothing to cut between. Never "Add 5" | "and".
    assert pieces("Add 5 and 1234567.", 40) == [
        ("Add 5 and", "Add five and", "clause", (0, 9)),
        ("1234567.", "one million two hundred and thirty four thousand five hundred and sixty seven.",
         "end", (10, 18))]


def test_a_german_abbreviation_inside_is_no_place_to_cut() -> None:
    # 74 written; each "%" says "Prozent": 98, over 80. Pieces of at most 80 * 74 // 98 - 1 = 59.
    # In German "vgl." ends nothing, so the comma is the only clause place: 20 and 53. (Read
    # by English rules its stop would be one, and 42 and 31 the more even cut.)
    sentence = "Es stieg 5 % im Mai, dann 7 % und 9 % vgl. Tabelle drei und noch 8 % mehr."
    assert [(p[0], p[2], p[3]) for p in pieces(sentence, 80, "de")] == [
        ("Es stieg 5 % im Mai,", "clause", (0, 20)),
        ("dann 7 % und 9 % vgl. Tabelle drei und noch 8 % mehr.", "end", (21, 74))]
