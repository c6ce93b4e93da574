"""The fields of the blocks the walk makes where the usual tests do not look (narrator/parse/html.py):
words loose in the <body>, the lines of a poem, a picture shown without text, a Word list paragraph
quoted inside a numbered item, a paragraph two blocks deep in a nested item, a list placed between
a data table's rows."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.values import Block


def blocks(markup: str) -> list[Block]:
    doc = parse_html(f"<html><body>{markup}</body></html>".encode(), "dir/lesson.html", ParseConfig())
    return [b for c in doc.chapters for b in c.blocks]


def test_words_loose_in_the_body_are_a_paragraph_in_the_bodys_language() -> None:
    # the <html> says English, the <body> French: the words directly in it are French, at level 0
    doc = parse_html('<html lang="en"><body lang="fr"><h1>Le titre</h1>Bonjour à tous. <p lang="en">Hello there.'
                     "</p></body></html>".encode(), "dir/lesson.html", ParseConfig())
    assert [(b.kind, b.level, b.text, b.lang, b.source) for c in doc.chapters for b in c.blocks] == [
        ("heading", 1, "Le titre", "fr", "body > h1:nth-of-type(1)"),
        ("paragraph", 0, "Bonjour à tous.", "fr", "body"),
        ("paragraph", 0, "Hello there.", "en", "body > p:nth-of-type(1)")]


def test_each_line_of_a_poem_keeps_its_paragraphs_language_and_emotion() -> None:
    # the second line starts with a capital after no stop: a kept line, so two blocks
    found = blocks('<p lang="fr" data-emotion="calm">Ligne un<br>Ligne deux</p>')
    assert [(b.kind, b.text, b.lang, b.emotion) for b in found] == [
        ("paragraph", "Ligne un", "fr", "calm"), ("paragraph", "Ligne deux", "fr", "calm")]


def test_a_picture_shown_without_text_keeps_its_blocks_place_language_and_number() -> None:
    # alt="" is a decorative picture: shown, nothing read; the block before the paragraph holds it
    found = blocks('<div lang="fr" data-emotion="sad"><img src="a.png" alt=""><p>Texte ici.</p></div>'
                   '<ol><li>One<ol start="4"><li><img src="b.png" alt=""><p>Step four.</p></li></ol></li></ol>')
    outer = "body > ol:nth-of-type(1) > li:nth-of-type(1) > ol:nth-of-type(1) > li:nth-of-type(1)"
    assert [(b.kind, b.level, b.text, b.source, b.lang, b.emotion, b.ordered, b.item, b.images)
            for b in found] == [
        ("paragraph", 0, "", "body > div:nth-of-type(1)", "fr", "sad", False, 0, ("a.png",)),
        ("paragraph", 0, "Texte ici.", "body > div:nth-of-type(1) > p:nth-of-type(1)", "fr", "sad", False, 0, ()),
        ("item", 1, "One", "body > ol:nth-of-type(1) > li:nth-of-type(1)", None, None, True, 1, ()),
        ("item", 2, "", outer, None, None, True, 4, ("b.png",)),
        ("item", 2, "Step four.", outer + " > p:nth-of-type(1)", None, None, True, 4, ())]


def test_a_word_list_paragraph_quoted_in_a_numbered_item_is_not_that_items_text() -> None:
    # Word's fake list paragraph (mso-list) is a bulleted item of its own inside the quote: not
    # numbered 1 like the step it is quoted in; a paragraph in a <div> of a nested item keeps
    # that item's depth (2) and number
    found = blocks('<ol><li>Mix the flour.<blockquote><p style="mso-list:l0 level1 lfo1">Grandma says: sift it'
                   ' twice.</p></blockquote></li><li>Add the eggs.<ul><li>Beat them.<div><p>Slowly, by hand.</p>'
                   "</div></li></ul></li></ol>")
    assert [(b.kind, b.level, b.text, b.ordered, b.item) for b in found] == [
        ("item", 1, "Mix the flour.", True, 1),
        ("item", 1, "Grandma says: sift it twice.", False, 0),
        ("item", 1, "Add the eggs.", True, 2),
        ("item", 2, "Beat them.", False, 1),
        ("item", 2, "Slowly, by hand.", False, 1)]
    assert "blockquote" in found[1].context


def test_a_list_between_a_data_tables_rows_gives_a_cell_and_its_items() -> None:
    # in the table itself and in its <tbody>: the list's loose words are a cell of the table at
    # level 0 (read with the table), its <li> items of their own; the rows keep the column names
    found = blocks("<table><tr><th>Name</th><th>Role</th></tr><ul>Intro words<li>first</li></ul>"
                   "<tr><td>Ann</td><td>Lead</td></tr><tbody><ul>More words<li>second</li></ul>"
                   "<tr><td>Bob</td><td>Aide</td></tr></tbody></table>")
    assert [(b.kind, b.level, b.text) for b in found] == [
        ("cell", 0, "Intro words"), ("item", 1, "first"), ("cell", 0, "Name: Ann; Role: Lead"),
        ("cell", 0, "More words"), ("item", 1, "second"), ("cell", 0, "Name: Bob; Role: Aide")]
    assert all("table" in b.context for b in found)
