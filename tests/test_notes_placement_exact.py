"""Footnotes placed block by block (parse/notes.py): read inline after the paragraph that refers
to them with a spoken "Note:" (a table row's cells moved past it), gathered in a last part under a
"Notes" heading whose own headings are read as paragraphs, or skipped and reported note by note;
the bookkeeping marks never reach the chapters."""

from __future__ import annotations

from narrator.parse.note_marks import NOTE_ID, NOTE_KEY, REF
from narrator.parse.notes import notes_chapter, split_notes
from narrator.values import NOTE, Block, Run, Skipped


def b(kind: str, text: str, *context: str, level: int = 0, source: str = "",
      cells: tuple[tuple[int, int, int], ...] = (), lang: str | None = None) -> Block:
    return Block(kind, (Run(text, lang=lang),) if text else (), level, source=source, context=frozenset(context),
                 cells=cells, lang=lang)


BLOCKS = [b("paragraph", "Body one.", REF + "n2", ".x", source="#p1"),
          b("paragraph", "Body two.", REF + "n1", REF + "n9", source="#p2"),
          b("break", "", NOTE, NOTE_KEY + "1"),
          b("heading", "First note.", NOTE, NOTE_KEY + "1", NOTE_ID + "n1", level=3, source="#n1", lang="en"),
          b("paragraph", "More of the first.", NOTE, NOTE_KEY + "1", source="#n1b"),
          b("row", "A | B", NOTE, NOTE_KEY + "2", NOTE_ID + "n2", cells=((0, 0, 1), (4, 4, 5)), source="#n2"),
          b("paragraph", "Nobody refers here.", NOTE, NOTE_KEY + "3", NOTE_ID + "n3", source="#n3")]


def shape(blocks: list[Block]) -> list[tuple[str, str, frozenset[str]]]:
    return [(x.kind, x.text, x.context) for x in blocks]


def test_inline_notes_follow_the_paragraph_that_refers_to_them() -> None:
    out, rest, skipped = split_notes(BLOCKS, "inline", "en")
    assert shape(out) == [("paragraph", "Body one.", frozenset({".x"})),
                          ("row", "Note: A | B", frozenset({NOTE})),
                          ("paragraph", "Body two.", frozenset()),
                          ("paragraph", "Note: First note.", frozenset({NOTE})),
                          ("paragraph", "More of the first.", frozenset({NOTE}))]
    assert out[1].cells == ((6, 6, 7), (10, 10, 11))  # the cells of the row, after "Note: "
    assert out[3].runs[0] == Run("Note: ", lang="en")  # said in the note's language
    assert shape(rest) == [("paragraph", "Nobody refers here.", frozenset({NOTE}))]
    assert skipped == []
    zh = split_notes([b("paragraph", "正文。", REF + "a"), b("paragraph", "注释内容。", NOTE, NOTE_KEY + "1", NOTE_ID + "a")],
                     "inline", "zh")[0]
    assert [x.text for x in zh] == ["正文。", "注：注释内容。"]


def test_a_note_referred_to_twice_is_read_once() -> None:
    twice = [b("paragraph", "One.", REF + "a"), b("paragraph", "Two.", REF + "a"),
             b("paragraph", "The note.", NOTE, NOTE_KEY + "1", NOTE_ID + "a")]
    out, rest, _ = split_notes(twice, "inline", "en")
    assert [x.text for x in out] == ["One.", "Note: The note.", "Two."] and rest == []


def test_notes_at_the_end_form_a_last_part_under_a_spoken_heading() -> None:
    out, rest, skipped = split_notes(BLOCKS, "end", "en")
    assert shape(out) == [("paragraph", "Body one.", frozenset({".x"})), ("paragraph", "Body two.", frozenset())]
    chapter = notes_chapter(rest, 4, "en")
    assert chapter is not None and (chapter.index, chapter.title) == (4, "Notes")
    assert [(x.kind, x.text, x.level, x.source) for x in chapter.blocks] == [
        ("heading", "Notes", 1, "#n1"), ("paragraph", "First note.", 0, "#n1"),
        ("paragraph", "More of the first.", 0, "#n1b"), ("row", "A | B", 0, "#n2"),
        ("paragraph", "Nobody refers here.", 0, "#n3")]
    assert skipped == []


def test_the_notes_heading_speaks_the_documents_language_and_script() -> None:
    simplified = notes_chapter([b("paragraph", "注释的内容。这里说明来源与出处。", NOTE)], 2, "zh")
    traditional = notes_chapter([b("break", "", NOTE), b("paragraph", "註釋的內容。這裡說明來源與出處。", NOTE)], 2, "zh")
    assert simplified is not None and simplified.title == "注释"
    assert traditional is not None and traditional.title == "註釋"
    assert [x.kind for x in traditional.blocks] == ["heading", "paragraph"]  # the rule above the notes is gone
    english = notes_chapter([b("paragraph", "註釋的內容。這裡說明來源與出處。", NOTE)], 2, "en")
    assert english is not None and english.title == "Notes"
    assert notes_chapter([b("break", "", NOTE)], 2, "en") is None
    kept = notes_chapter([b("paragraph", "A.", NOTE), b("break", "", NOTE), b("paragraph", "B.", NOTE)], 2, "en")
    assert kept is not None and [x.kind for x in kept.blocks] == ["heading", "paragraph", "break", "paragraph"]


def test_skipped_notes_are_reported_one_by_one() -> None:
    out, rest, skipped = split_notes(BLOCKS, "skip", "en")
    assert [x.text for x in out] == ["Body one.", "Body two."] and rest == []
    reason = 'footnotes and endnotes are not read (notes = "skip")'
    assert skipped == [Skipped("#n1", "note", reason, len("First note.") + len("More of the first.")),
                       Skipped("#n2", "note", reason, len("A | B")), Skipped("#n3", "note", reason, len("Nobody refers here."))]


def test_without_notes_only_references_lose_their_marks() -> None:
    plain = b("paragraph", "No refs.", ".y")
    ref = b("paragraph", "x", REF + "a", ".c")
    out, rest, skipped = split_notes([plain, ref], "end", "en")
    assert out[0] is plain and out[1].context == frozenset({".c"}) and (rest, skipped) == ([], [])


def test_a_note_without_its_number_is_still_a_note() -> None:
    out, rest, _ = split_notes([b("paragraph", "Body."), b("paragraph", "Loose note.", NOTE)], "end", "en")
    assert [x.text for x in out] == ["Body."] and [x.text for x in rest] == ["Loose note."]


def test_a_paragraph_whose_first_reference_leads_nowhere_still_gets_its_other_note() -> None:
    blocks = [b("paragraph", "Body.", REF + "a0", REF + "n1"),
              b("paragraph", "The note.", NOTE, NOTE_KEY + "1", NOTE_ID + "n1")]
    out, rest, _ = split_notes(blocks, "inline", "en")
    assert [x.text for x in out] == ["Body.", "Note: The note."] and rest == []
