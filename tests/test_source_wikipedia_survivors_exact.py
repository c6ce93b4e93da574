"""MediaWiki pages (narrator/parse/sources/wikipedia.py), exactly, on small hand-written
articles: the title from <title>, the page frame and scripts in the skip report, which headings
are empty, "See also" lists, notes headings and which lists are read as notes, pronunciations,
the infobox's place, folds, local note links and orphan reference marks."""

from __future__ import annotations

from typing import Any

from narrator.parse.html import parse_soup
from narrator.parse.sources import recognise
from narrator.values import Skipped

GEN = '<meta name="generator" content="MediaWiki 1.42">'
EMPTY = ("nothing under it to read (its content was furniture, or the page loads it on demand)")
NOTES = "its references are read together with the other notes, at the end"
SEE_ALSO = "a list of links to other wiki articles: a listener cannot follow them"
FRAME = "the wiki's page frame around the article"
SAYS = "phonetic symbols (IPA) and respellings for readers; the narrator says the word itself"


def prepared(html: str) -> tuple[Any, Any, list[Skipped]]:
    soup = parse_soup(html)
    source = recognise(soup)
    assert source.name == "wikipedia"
    return source, soup, source.prepare(soup)


def article(body: str, head: str = "") -> tuple[Any, Any, list[Skipped]]:
    """``body`` as the parser's output of a saved page (no <h1>: the title comes from <title>)."""
    return prepared(f"<html><head>{GEN}{head}</head><body><div class=\"mw-parser-output\">{body}"
                    "</div></body></html>")


def kind(skipped: list[Skipped], what: str) -> list[Skipped]:
    return [s for s in skipped if s.what == what]


def text(source: Any, soup: Any) -> str:
    return " ".join(source.root(soup).get_text(" ").split())


# --- the title, from <title> when the page has no heading -----------------------------------

def test_a_page_without_title_or_heading_has_no_title() -> None:
    source, soup, _ = article("<p>Text.</p>")
    assert source.title(soup, []) is None


def test_a_namespace_meta_without_content_is_the_article_namespace() -> None:
    source, soup, _ = article("<p>Text.</p>", '<title>Help:Foo/Bar - Wikipedia</title>'
                              '<meta property="mw:pageNamespace">')
    assert source.title(soup, []) == "Help:Foo/Bar"


def test_a_user_page_without_subpage_is_named_by_its_name() -> None:
    source, soup, _ = article("<p>Text.</p>", '<title>User:Alice - Wikipedia</title>'
                              '<meta property="mw:pageNamespace" content="2">')
    assert source.title(soup, []) == "Alice"


def test_only_the_namespace_prefix_is_cut_from_a_title_with_colons() -> None:
    source, soup, _ = article("<p>Text.</p>", '<title>User:Sandbox:Notes - Wikipedia</title>'
                              '<meta property="mw:pageNamespace" content="2">')
    assert source.title(soup, []) == "Sandbox:Notes"


# --- the article's element and the frame around it ---------------------------------------

def test_the_content_text_div_alone_is_the_article_and_the_rest_is_frame() -> None:
    source, soup, skipped = prepared(f"<html><head>{GEN}</head><body><div id=\"siteSub\">From Wikipedia"
                                     "</div><div id=\"mw-content-text\"><p>Text.</p></div></body></html>")
    assert kind(skipped, "page frame") == [Skipped("div#siteSub", "page frame", "the wiki's tagline", 14)]
    assert source.root(soup).get("id") == "mw-content-text"


def test_render_output_alone_is_the_article_and_the_rest_is_frame() -> None:
    source, soup, skipped = prepared(f"<html><head>{GEN}</head><body><div class=\"banner\">Donate now"
                                     "</div><div class=\"mw-parser-output\"><p>Text.</p></div></body></html>")
    assert kind(skipped, "page frame") == [Skipped("div.banner", "page frame", FRAME, 10)]
    assert text(source, soup) == "Text."


def test_frame_after_a_style_or_script_sibling_is_still_reported() -> None:
    _, _, skipped = prepared(
        f"<html><head>{GEN}</head><body><div id=\"content\"><style>.a{{color:red}}</style>"
        "<noscript>Enable scripts</noscript><div class=\"mw-parser-output\"><p>Text.</p></div>"
        "<div id=\"footer\">Last edited</div></div></body></html>")
    assert kind(skipped, "page frame") == [
        Skipped("div#footer", "page frame", "the wiki's footer (licence, privacy, about)", 11)]


def test_scripts_navigation_forms_and_frames_are_one_entry() -> None:
    _, _, skipped = article("<p>Text.</p><nav>Jump</nav><form>Find</form><iframe></iframe>"
                            "<script>var x;</script>")
    assert kind(skipped, "page program and controls") == [
        Skipped("script, nav, form", "page program and controls",
                "the wiki's scripts, search form and menus, never text", 8, 4)]


# --- empty headings and sections -------------------------------------------------------------

def test_a_heading_followed_by_loose_text_is_kept() -> None:
    source, soup, skipped = article("<h2>Uses</h2>Eaten as jelly.")
    assert kind(skipped, "empty heading") == []
    assert text(source, soup) == "Uses Eaten as jelly."


def test_a_heading_followed_by_a_comment_or_an_empty_element_is_empty() -> None:
    _, _, skipped = article("<h2>Uses</h2><!-- a long parser report --><h2>Gallery</h2><div class=\"g\">"
                            "</div><h2>Tags</h2><div><!-- only a comment --></div><h2>End</h2><p>x</p>")
    assert kind(skipped, "empty heading") == [
        Skipped("h2", "empty heading", EMPTY, 4), Skipped("h2", "empty heading", EMPTY, 7),
        Skipped("h2", "empty heading", EMPTY, 4)]


def test_a_section_counts_all_its_text_not_only_its_last_piece() -> None:
    _, _, skipped = article("<h2>Uses</h2><div>Eaten<span> </span></div>")
    assert kind(skipped, "empty heading") == []


def test_a_heading_whose_text_is_in_its_subsections_is_kept() -> None:
    source, soup, skipped = article("<h2>History</h2><h3>Early</h3><p>Grown in Asia.</p>")
    assert kind(skipped, "empty heading") == []
    assert text(source, soup) == "History Early Grown in Asia."


def test_a_wrapped_heading_ends_the_section_before_it() -> None:
    _, _, skipped = article('<div class="mw-heading mw-heading2"><h2>Gallery</h2></div>'
                            '<div class="mw-heading mw-heading2"><h2>Uses</h2></div><p>Eaten.</p>'
                            '<div class="pcs_edit_section_header"><h2>Media</h2></div>'
                            '<div class="pcs_edit_section_header"><h2>Food</h2></div><p>Jelly.</p>')
    assert kind(skipped, "empty heading") == [
        Skipped("div.mw-heading.mw-heading2", "empty heading", EMPTY, 7),
        Skipped("div.pcs_edit_section_header", "empty heading", EMPTY, 5)]


def test_a_plain_div_holding_a_heading_does_not_end_the_section() -> None:
    _, _, skipped = article('<h2>Gallery</h2><div class="wrap"><h2>Inner</h2><p>Text.</p></div>')
    assert kind(skipped, "empty heading") == []


# --- "See also" --------------------------------------------------------------------------------

LINKS = '<ul><li><a href="/wiki/Taro">Taro</a></li></ul>'


def test_see_also_with_loose_words_is_read() -> None:
    _, _, skipped = article(f"<h2>See also</h2>Some loose words{LINKS}")
    assert kind(skipped, "see also") == []


def test_see_also_with_only_a_short_paragraph_is_read() -> None:
    _, _, skipped = article("<h2>See also</h2><p>Nothing here.</p>")
    assert kind(skipped, "see also") == []


def test_a_long_list_of_links_is_see_also_but_a_long_paragraph_is_prose() -> None:
    names = "".join(f'<li><a href="/wiki/P{i}">Plant number {i}</a></li>' for i in range(10, 15))
    _, _, skipped = article(f"<h2>See also</h2><ul>{names}</ul>")
    assert kind(skipped, "see also") == [Skipped("h2", "see also", SEE_ALSO, 8),
                                         Skipped("ul", "see also", SEE_ALSO, 75)]
    long = "x" * 70
    _, _, skipped = article(f"<h2>See also</h2><p>{long}</p>{LINKS}")
    assert kind(skipped, "see also") == []


def test_see_also_paragraph_limit_is_sixty_characters() -> None:
    _, _, skipped = article(f"<h2>See also</h2><p>{'y' * 60}</p>{LINKS}")
    assert [s.source for s in kind(skipped, "see also")] == ["h2", "p", "ul"]
    _, _, skipped = article(f"<h2>See also</h2><p>{'y' * 61}</p>{LINKS}")
    assert kind(skipped, "see also") == []


def test_see_also_items_must_be_at_least_half_link() -> None:
    _, _, skipped = article('<h2>See also</h2><ul><li><a href="/wiki/Taro">Taro</a> root</li></ul>')
    assert [s.source for s in kind(skipped, "see also")] == ["h2", "ul"]
    _, _, skipped = article('<h2>See also</h2><ul><li><a href="/wiki/Taro">Taro</a> roots</li></ul>')
    assert kind(skipped, "see also") == []
    _, _, skipped = article('<h2>See also</h2><ul><li><a href="/wiki/Taro"><i>Taro</i></a> roots</li></ul>')
    assert kind(skipped, "see also") == []


def test_see_also_with_subsections_is_kept() -> None:
    _, _, skipped = article(f"<h2>See also</h2><h3>People</h3>{LINKS}<h2>Uses</h2><p>Eaten.</p>")
    assert kind(skipped, "see also") == []


def test_two_see_also_sections_are_both_reported() -> None:
    _, _, skipped = article(f"<h2>See also</h2>{LINKS}<h2>参见</h2>{LINKS}")
    assert [s.source for s in kind(skipped, "see also")] == ["h2", "ul", "h2", "ul"]


def test_a_paragraph_saying_see_also_is_not_a_heading() -> None:
    _, _, skipped = article(f"<h2>Uses</h2><p>Eaten.</p><p>See also</p>{LINKS}")
    assert kind(skipped, "see also") == []


def test_a_paragraph_saying_notes_is_not_a_heading() -> None:
    _, soup, skipped = article("<h2>Uses</h2><p>Eaten.</p><p>Notes</p><ul><li>A cat.</li></ul>")
    assert kind(skipped, "notes heading") == []
    assert soup.select(".references") == []  # the list is read in place, not with the notes


def test_see_also_ends_at_a_wrapped_heading() -> None:
    _, _, skipped = article(f'<div class="mw-heading mw-heading2"><h2>See also</h2></div>{LINKS}'
                            f'<div class="mw-heading mw-heading2"><h2>Later</h2></div><p>{"z" * 70}</p>')
    assert [s.source for s in kind(skipped, "see also")] == ["div.mw-heading.mw-heading2", "ul"]


# --- appendices: which lists are notes -------------------------------------------------------

def notes_headings(body: str) -> list[str]:
    _, _, skipped = article(body)
    return [s.source + ":" + str(s.chars) for s in kind(skipped, "notes heading")]


def test_lists_of_every_kind_in_appendices_are_notes() -> None:
    assert notes_headings("<h2>Notes</h2><ol><li>A book.</li></ol>") == ["h2:5"]
    assert notes_headings("<h2>Notes</h2><dl><dd>A book.</dd></dl>") == ["h2:5"]
    assert notes_headings("<h2>Notes</h2><dl><dt>A book.</dt></dl>") == ["h2:5"]
    for tag in ("ul", "ol", "dl"):
        item = "dd" if tag == "dl" else "li"
        assert notes_headings(f'<h2>Sources</h2><div class="reflist"><{tag}><{item}>A book.</{item}>'
                              f"</{tag}></div>") == ["h2:7"], tag


def test_every_appendix_and_a_refbegin_list_are_notes() -> None:
    assert notes_headings('<h2>Literature</h2><div class="refbegin"><ul><li>A book.</li></ul></div>'
                          "<h2>Notes</h2><ul><li>A paper.</li></ul>"
                          "<h2>External links</h2><ul><li>A site.</li></ul>") == [
        "h2:14", "h2:5", "h2:10"]


def test_a_later_section_with_subsections_does_not_stop_the_notes_headings() -> None:
    assert notes_headings("<h2>Notes</h2><ol class=\"references\"><li>A.</li></ol>"
                          "<h2>History</h2><h3>Early</h3><p>Grown.</p>") == ["h2:5"]


def test_a_one_character_notes_section_is_a_notes_heading() -> None:
    assert notes_headings('<h2>Notes</h2><ol class="references"><li>A</li></ol>') == ["h2:5"]


def test_a_section_of_an_empty_element_is_empty_not_notes() -> None:
    _, _, skipped = article('<h2>Gallery</h2><div class="g"></div><h2>Uses</h2><p>Eaten.</p>')
    assert kind(skipped, "notes heading") == []
    assert kind(skipped, "empty heading") == [Skipped("h2", "empty heading", EMPTY, 7)]


def test_a_paragraph_that_is_one_link_in_an_appendix_is_a_note() -> None:
    assert notes_headings('<h2>Further reading</h2><p><a href="http://x"><i>The Book</i></a></p>') == [
        "h2:15"]
    assert notes_headings('<h2>Further reading</h2><p> <a href="http://x">The Book</a> </p>') == ["h2:15"]
    assert notes_headings('<h2>Further reading</h2><p><a href="http://x"> The Book </a></p>') == ["h2:15"]


def test_a_paragraph_with_more_than_a_link_in_an_appendix_is_read_in_place() -> None:
    assert notes_headings('<h2>References</h2><p>Read <a href="http://x">The Book</a> first.</p>'
                          '<ol class="references"><li>A.</li></ol>') == []
    assert notes_headings('<h2>References</h2><p>Plain prose.</p>'
                          '<ol class="references"><li>A.</li></ol>') == []


def test_a_list_made_notes_keeps_its_own_classes() -> None:
    source, soup, _ = article('<h2>Notes</h2><ul class="plainlist"><li>A book.</li></ul>')
    assert soup.select_one("ul.plainlist").get("class") == ["plainlist", "references"]


# --- pronunciations ---------------------------------------------------------------------------

def test_pronunciations_in_small_and_italic_wrappers_go_whole() -> None:
    _, _, skipped = article('<p>Konjac (<small><span class="IPA">/k/</span></small>) is a plant.</p>'
                            '<p>Taro (<i><span class="IPA">/t/</span></i>) is a root.</p>')
    assert kind(skipped, "pronunciation") == [Skipped("small", "pronunciation", SAYS, 3),
                                              Skipped("i", "pronunciation", SAYS, 3)]


def test_a_wrapper_holding_prose_stays() -> None:
    source, soup, skipped = article('<p>Konjac <span>is a big leafy plant <span class="IPA">/k/</span>'
                                    '</span> of Asia.</p>')
    assert kind(skipped, "pronunciation") == [Skipped("span.IPA", "pronunciation", SAYS, 3)]
    assert text(source, soup) == "Konjac is a big leafy plant of Asia."


# --- the infobox's place ------------------------------------------------------------------------

BOX = '<table class="infobox"><tr><td>Kingdom</td></tr></table>'


def test_an_infobox_inside_a_table_stays() -> None:
    source, soup, _ = article(f'<table class="layout"><tr><td>{BOX}</td></tr></table><p>Lead.</p>'
                              "<h2>Uses</h2><p>Eaten.</p>")
    assert text(source, soup) == "Kingdom Lead. Uses Eaten."


def test_a_paragraph_in_an_earlier_table_is_not_the_lead() -> None:
    source, soup, _ = article(f'<table class="meta"><tr><td><p>Note</p></td></tr></table>{BOX}'
                              "<p>Lead.</p><h2>Uses</h2><p>Eaten.</p>")
    assert text(source, soup) == "Note Lead. Kingdom Uses Eaten."


def test_a_blank_paragraph_is_not_the_lead() -> None:
    source, soup, _ = article(f"<p> </p>{BOX}<p>Lead.</p><h2>Uses</h2><p>Eaten.</p>")
    assert text(source, soup) == "Lead. Kingdom Uses Eaten."


def test_an_infobox_before_the_first_heading_without_lead_stays() -> None:
    source, soup, _ = article(f"{BOX}<h2>Uses</h2><p>Eaten.</p><h2>More</h2><p>Jelly.</p>")
    assert text(source, soup) == "Kingdom Uses Eaten. More Jelly."


def test_an_infobox_after_the_lead_stays() -> None:
    source, soup, _ = article(f"<p>Lead.</p>{BOX}<p>More lead.</p><h2>Uses</h2><p>Eaten.</p>")
    assert text(source, soup) == "Lead. Kingdom More lead. Uses Eaten."


# --- folds, note links, reference marks -----------------------------------------------------------

def test_a_folded_mobile_table_is_opened_keeping_its_other_styles() -> None:
    source, soup, _ = article('<p>Lead.</p><div class="pcs-collapse-table-content" '
                              'style="display: none; color: red">Facts</div>')
    assert soup.select_one(".pcs-collapse-table-content").get("style") == " color: red"


def test_a_note_link_keeps_everything_after_its_first_hash() -> None:
    source, soup, _ = article('<p>Eaten.<sup class="reference"><a href="./Konjac#cite_note-a#b">[1]</a>'
                              '</sup></p><ol class="references"><li id="cite_note-a#b">A.</li></ol>')
    assert soup.select_one("sup.reference a").get("href") == "#cite_note-a#b"


def test_reference_marks_without_a_target_are_not_orphans() -> None:
    source, soup, skipped = article('<p>Eaten.<sup class="mw-ref">[1]</sup>'
                                    '<sup class="mw-ref"><a href="./Other_page">[2]</a></sup></p>')
    assert kind(skipped, "reference mark") == []
    assert text(source, soup) == "Eaten. [1] [2]"


def test_a_mark_is_judged_by_its_link_with_an_address() -> None:
    _, _, skipped = article('<p>Eaten.<sup class="mw-ref"><a name="m">x</a><a href="#cite_note-9">[9]</a>'
                            "</sup></p>")
    assert kind(skipped, "reference mark") == [
        Skipped("sup.mw-ref", "reference mark",
                "a mark pointing to a reference that is not in this document", 4)]


def test_a_block_holding_only_a_pronunciation_stays_and_loses_the_pronunciation() -> None:
    source, soup, skipped = article('<p>Lead.</p><div class="pron"><span class="IPA">/k/</span></div>')
    assert kind(skipped, "pronunciation") == [Skipped("span.IPA", "pronunciation", SAYS, 3)]
    assert soup.select("div.pron") != []



# --- what is recognised, the heading as title ------------------------------------------------------

def test_the_generator_meta_is_found_after_other_metas() -> None:
    from narrator.parse.sources.wikipedia import Wikipedia

    soup = parse_soup('<html><head><meta charset="utf-8"><meta name="generator" content="MediaWiki 1.42">'
                      "</head><body><p>Text.</p></body></html>")
    assert Wikipedia.detect(soup) is True


def test_the_heading_is_the_title_and_opens_the_article() -> None:
    source, soup, _ = prepared(f"<html><head>{GEN}</head><body><h1 id=\"firstHeading\">Konjac \n jelly</h1>"
                               "<div class=\"mw-parser-output\"><p>Lead.</p><p>More.</p></div></body></html>")
    assert source.title(soup, []) == "Konjac jelly"
    assert text(source, soup) == "Konjac jelly Lead. More."


def test_a_cited_page_with_a_space_before_its_colon_is_taken_out() -> None:
    source, soup, skipped = article('<p>Eaten.<sup class="reference"> : 12</sup></p>')
    assert kind(skipped, "cited page") == [
        Skipped("sup.reference", "cited page", "the page of the source a reference points to, beside its mark", 4)]


def test_see_also_after_a_line_break_with_a_long_paragraph_is_read() -> None:
    _, _, skipped = article(f"<h2>See also</h2>\n<p>{'x' * 70}</p>\n{LINKS}")
    assert kind(skipped, "see also") == []


def test_a_mark_whose_note_id_holds_a_hash_is_not_an_orphan() -> None:
    _, _, skipped = article('<p>Eaten.<sup class="mw-ref"><a href="#cite_note-a#b">[1]</a></sup></p>'
                            '<ol class="references"><li id="cite_note-a#b">A.</li></ol>')
    assert kind(skipped, "reference mark") == []


def test_a_reference_list_inside_another_counts_once() -> None:
    # 4 characters of prose, 11 of notes of which 10 in a nested list: not "all notes"
    assert notes_headings('<h2>References</h2><div><p>See:</p><ol class="references"><li>A'
                          '<div class="references">Book title</div></li></ol></div>') == []
