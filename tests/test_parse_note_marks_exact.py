"""Footnotes in the markup (note_marks.py): which elements hold notes, which marks refer to them
and which links inside them lead back, on small hand-written Word, EPUB, Pandoc and MediaWiki markup."""

from __future__ import annotations


from helpers import first_element
from narrator.parse.note_marks import (anchor_names, is_backlink, is_note_reference, is_noteref_link, note_role,
                                       note_target)
from narrator.parse.runs import Piece
from narrator.parse.tree import parse_tree


def _role(markup: str, style: str = "", items: bool = False) -> str:
    node = first_element(markup)
    return note_role(node, node.name, style, [], lambda: items)


def test_word_notes_by_their_mso_element_style():
    assert _role("<div></div>", "mso-element:footnote-list") == "list"
    assert _role("<div></div>", "mso-element:endnote-list") == "list"
    assert _role("<div></div>", "mso-element:footnote") == "item"
    assert _role("<div></div>", "mso-element:endnote") == "item"
    assert _role("<div></div>", "mso-element:field-begin") == ""
    assert _role("<div></div>", "footnote-list") == ""  # the words without Word's mso-element


def test_epub_and_aria_notes_by_their_type_or_role():
    assert _role('<section epub:type="footnotes"></section>') == "list"
    assert _role('<section epub:type="endnotes "></section>') == "list"
    assert _role('<aside epub:type="footnote"></aside>') == "item"
    assert _role('<aside epub:type="rearnote"></aside>') == "item"
    assert _role('<section role="doc-endnotes"></section>') == "list"
    assert _role('<div role="doc-footnote"></div>') == "item"
    assert _role('<ol epub:type="footnote-list"></ol>') == "list"
    assert _role('<aside epub:type="Footnote"></aside>') == "item"
    assert _role('<aside epub:type="chapter" role="doc-endnote"></aside>') == "item"
    assert _role('<aside epub:type="glossary"></aside>') == ""


def test_editor_and_generator_classes():
    for name in ("footnotes", "footnote-list", "footnotes-list", "mce-footnotes", "reflist", "references",
                 "endnotes", "endnote-list", "footnote-section"):
        assert _role(f'<div class="x {name}"></div>') == "list", name
    assert _role('<div class="Footnotes"></div>') == "list"
    assert _role('<div class="footnote"></div>') == "item"
    assert _role('<div class="endnote"></div>', items=True) == "list"  # Sphinx: one class, a list inside
    assert _role('<div class="footnote-ref"></div>') == ""
    assert _role("<div></div>") == ""
    node = first_element("<div></div>")
    node.attrs["class"] = "note footnotes"  # a class attribute given as one string
    assert note_role(node, "div", "", [], lambda: False) == "list"


def test_anchor_names_are_the_id_and_the_name():
    assert anchor_names(first_element('<a id="fn1" name="_ftn1">1</a>')) == ["fn1", "_ftn1"]
    assert anchor_names(first_element('<a name="n">1</a>')) == ["n"]
    assert anchor_names(first_element('<a id="">1</a>')) == []
    assert anchor_names(first_element("<a>1</a>")) == []


def test_backlinks_by_role_class_or_a_short_text_linking_back():
    assert is_backlink(first_element('<a role="doc-backlink" href="#r1">back</a>'), "a")
    for name in ("footnote-back", "footnote-backref", "fn-backref", "mw-cite-backlink",
                 "mce-footnotes-backlink", "fn-bracket", "footnote-label", "reversefootnote"):
        assert is_backlink(first_element(f'<span class="{name}">x</span>'), "span"), name
    assert is_backlink(first_element('<span class="Footnote-Back">x</span>'), "span")
    for text in ("↩", "↩\ufe0e", "^", "↑", "⏎", "⤴", "[1]", "12", "1.", "[123]", "a", "return", " ↩ "):
        assert is_backlink(first_element(f'<a href="#fnref1">{text}</a>'), "a"), text
    for text in ("back to the text", "[1234]", "ab", "A"):
        assert not is_backlink(first_element(f'<a href="#fnref1">{text}</a>'), "a"), text
    assert not is_backlink(first_element('<a href="page.html#r1">↩</a>'), "a")
    assert not is_backlink(first_element('<span href="#r1">↩</span>'), "span")
    assert not is_backlink(first_element("<a>↩</a>"), "a")
    assert not is_backlink(first_element('<a href="#r1">' + "<b>x</b>" * 30 + "</a>"), "a")  # more than a label


def test_note_reference_links_by_role_or_class():
    assert is_noteref_link(first_element('<a role="doc-noteref" href="#n1">1</a>'), "a")
    assert is_noteref_link(first_element('<a epub:type="noteref" href="#n1">1</a>'), "a")
    for name in ("footnote-reference", "footnote-ref", "noteref", "Footnote-Ref"):
        assert is_noteref_link(first_element(f'<a class="{name}" href="#n1">1</a>'), "a"), name
    assert not is_noteref_link(first_element('<a class="footnote" href="#n1">1</a>'), "a")
    assert not is_noteref_link(first_element('<span class="noteref">1</span>'), "span")
    assert not is_noteref_link(first_element("<a>1</a>"), "a")


def _before(*texts: str) -> list[Piece]:
    return [Piece(t, frozenset(), None, None) for t in texts]


def _is_ref(markup: str, style: str = "", before: tuple[str, ...] = ()) -> bool:
    node = first_element(markup)
    return is_note_reference(node, node.name, style, _before(*before))


def test_word_anchors_and_reference_links_are_references():
    assert _is_ref('<a href="#_ftn1">[1]</a>', "mso-footnote-id:ftn1")
    assert _is_ref('<a href="#_edn1">[i]</a>', "mso-endnote-id:edn1")
    assert _is_ref('<a class="footnote-ref" href="#fn1">1</a>')
    assert not _is_ref('<a href="#fn1">1</a>')
    assert not _is_ref("<span>1</span>", "color:red")


def test_marks_in_sup_that_are_never_exponents():
    for text in ("[1]", "(2)", "[123]", "*", "**", "***", "†", "‡", "§", "¶", "*†"):
        assert _is_ref(f"<sup>{text}</sup>", before=("x",)), text
    for text in ("****", "[1234]", "a", "(x)", ""):
        assert not _is_ref(f"<sup>{text}</sup>", before=("elit.",)), text
    assert not _is_ref("<sub>[1]</sub>", before=("elit.",))
    assert not _is_ref("<sup>" + "<b></b>" * 50 + "1</sup>", before=("elit.",))  # more than a mark


def test_digits_are_a_reference_after_punctuation_or_linking_into_the_page():
    assert _is_ref("<sup>1</sup>", before=("elit.",))
    assert _is_ref("<sup> 12 </sup>", before=("said”",))
    assert _is_ref("<sub>1</sub>", before=("elit.",))
    assert _is_ref("<sup>3</sup>", before=("中文。",))
    assert _is_ref("<sup>3</sup>", before=("end;", "  ", ""))  # white space after the punctuation
    assert not _is_ref("<sup>2</sup>", before=("x",))
    assert not _is_ref("<sub>2</sub>", before=("H",))
    assert not _is_ref("<sup>2</sup>", before=("x.", "y"))
    assert not _is_ref("<sup>2</sup>")
    assert not _is_ref("<sup>1000</sup>", before=("elit.",))
    assert _is_ref('<sup><a href="#fn2">2</a></sup>', before=("x",))
    assert not _is_ref('<sup><a href="notes.html#fn2">2</a></sup>', before=("x",))
    assert not _is_ref("<sup><a>2</a></sup>", before=("x",))
    node = parse_tree('<html><body><a href="#fn4"><sup>4</sup></a></body></html>').find("sup")
    assert is_note_reference(node, "sup", "", _before("x"))
    node = parse_tree('<html><body><a href="/page"><sup>4</sup></a></body></html>').find("sup")
    assert not is_note_reference(node, "sup", "", _before("x"))


def test_the_target_of_a_reference_is_the_id_its_link_points_to():
    assert note_target(first_element('<a href="#fn1">1</a>')) == "fn1"
    assert note_target(first_element('<sup><a href="#fn2">2</a></sup>')) == "fn2"
    assert note_target(parse_tree('<html><body><a href="#fn3"><sup>3</sup></a></body></html>').find("sup")) == "fn3"
    assert note_target(first_element('<a href="#">1</a>')) == ""
    assert note_target(first_element('<a href="notes.html#fn1">1</a>')) == ""
    assert note_target(first_element("<a>1</a>")) == ""
    assert note_target(first_element("<sup>1</sup>")) == ""
    assert note_target(first_element("<sup></sup>")) == ""


def test_the_target_is_the_first_link_inside_and_may_be_one_character():
    assert note_target(first_element('<sup><b>1</b><a href="#fn">1</a></sup>')) == "fn"
    assert note_target(first_element('<a href="#a">1</a>')) == "a"
