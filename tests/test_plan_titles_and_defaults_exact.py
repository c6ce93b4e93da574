"""Exact planner behaviours around a document's title, its default language and a heading's
Roman number said when a lexicon is in use (script-planner mutation survivors of _Planner)."""

from __future__ import annotations

from narrator.config import Config
from narrator.script.planner import plan
from narrator.values import Block, Chapter, Document, Run


def _para(text: str) -> Block:
    return Block("paragraph", (Run(text),))


def test_a_title_that_is_the_file_name_is_never_heard_even_spelled_otherwise() -> None:
    # the document is named after its file ("notes" from notes.html): no real title, so the
    # chapter's "Notes" (the same title once case-folded) is not narrated before the paragraph
    doc = Document("notes", "en", (Chapter(1, "Notes", (_para("Hello there."),)),),
                   source_path="notes.html")
    assert [s.text for s in plan(doc, Config()).segments] == ["Hello there."]


def test_a_real_title_is_heard_once_before_a_paragraph() -> None:
    # the same shape with a title other than the file name: the title is said first
    doc = Document("Notes", "en", (Chapter(1, "Notes", (_para("Hello there."),)),),
                   source_path="lesson.html")
    assert [(s.text, s.boundary) for s in plan(doc, Config()).segments] == [
        ("Notes", "heading"), ("Hello there.", "end")]


def test_a_document_without_a_language_is_read_as_english() -> None:
    doc = Document("T", "", (Chapter(1, "Intro", (_para("Hello there. Good bye."),)),))
    segs = plan(doc, Config()).segments
    assert [(s.text, s.lang) for s in segs] == [
        ("Intro", "en"), ("Hello there.", "en"), ("Good bye.", "en")]


def test_a_heading_s_roman_number_is_said_when_a_lexicon_is_in_use() -> None:
    # the lexicon path says the heading with its own boundary: "IV. Scope" says "4" (then
    # "four"), as without a lexicon; the lexicon's word is replaced in the same heading
    doc = Document("T", "en", (Chapter(1, "Intro", (
        Block("heading", (Run("IV. Scope of LMS"),), level=2), _para("Hello there."))),))
    with_lex = plan(doc, Config(lexicon={"*": {"LMS": "L M S"}})).segments
    without = plan(doc, Config()).segments
    assert with_lex[0].text == "IV. Scope of LMS"
    assert with_lex[0].spoken == "four. Scope of L M S"
    assert without[0].spoken == "four. Scope of LMS"


def test_a_piece_that_still_says_too_much_is_cut_again_where_it_is() -> None:
    # 155 written characters say 441 ("77" says "seventy seven"): cut to pieces of at most
    # 160 * 155 // 441 - 1 = 55 characters: 0-54, 55-106, 107-155. The second says 161
    # (17 + 5 + 10 * 13 + 9), so it is cut again (at most 160 * 51 // 161 - 1 = 49), before
    # "and"; the third says 224 (16 * 13 + 15 + 1), cut again in two of eight numbers. Each
    # piece's span is where it stands in the paragraph, so the highlight follows the voice.
    sentence = "We saw " + " ".join(["gulls"] * 11) + " and " + " ".join(["77"] * 26) + "."
    assert len(sentence) == 155
    doc = Document("T", "en", (Chapter(1, "", (_para(sentence),)),))
    sevens = " ".join(["77"] * 8)
    assert [(s.text, s.span, s.boundary) for s in plan(doc, Config()).segments] == [
        ("We saw " + " ".join(["gulls"] * 8), (0, 54), "clause"),
        ("gulls gulls gulls", (55, 72), "clause"),
        ("and " + " ".join(["77"] * 10), (73, 106), "clause"),
        (sevens, (107, 130), "clause"),
        (sevens + ".", (131, 155), "end")]
    for s in plan(doc, Config()).segments:
        assert s.text == sentence[s.span[0]:s.span[1]]
        assert len(s.spoken) <= 160


def test_a_chapter_s_last_sentence_that_is_a_roman_number_says_the_number() -> None:
    # the chapter's last segment ends at "end", where a lone Roman numeral is said as the number
    # (as in a heading), though the same text was measured before as a plain sentence
    doc = Document("T", "en", (Chapter(1, "Intro", (_para("Hello there."), _para("IV"))),))
    assert [(s.text, s.spoken, s.boundary) for s in plan(doc, Config()).segments] == [
        ("Intro", "Intro", "heading"), ("Hello there.", "Hello there.", "paragraph"), ("IV", "four", "end")]


def test_an_item_that_numbers_itself_after_a_leading_space_says_its_number_once() -> None:
    # item 1 of a numbered list whose text (a run may start with a space) already says "1."
    doc = Document("T", "en", (Chapter(1, "Intro", (
        Block("item", (Run(" 1. First step"),), item=1, ordered=True),)),))
    assert [(s.text, s.spoken) for s in plan(doc, Config()).segments] == [
        ("Intro", "Intro"), ("1.", "one."), ("First step", "First step")]
