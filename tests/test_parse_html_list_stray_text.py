"""Words written directly inside a list nested in an item, before its first <li> ("Then, in
order:"), loose or in a paragraph, belong to the item around that list (narrator/parse/html.py):
they carry its number, so the planner neither says a number for them nor takes the next item's
number away."""

from __future__ import annotations

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.parse.html import Walker, parse_soup
from narrator.script.planner import plan

RECIPE = "<ol><li>Mix the flour<ol>Then, in order:<li>add water</li><li>stir</li></ol></li><li>Bake</li></ol>"


def test_loose_words_in_a_nested_list_carry_the_number_of_the_item_around_it() -> None:
    blocks = Walker(ParseConfig()).walk(parse_soup(RECIPE).body)
    assert [(b.text, b.level, b.ordered, b.item) for b in blocks] == [
        ("Mix the flour", 1, True, 1), ("Then, in order:", 1, True, 1), ("add water", 2, True, 1),
        ("stir", 2, True, 2), ("Bake", 1, True, 2)]
    # in a bulleted item the words are the bullet's: not numbered by the list they stand in
    blocks = Walker(ParseConfig()).walk(parse_soup("<ul><li>Tools<ol>Have:<li>a bowl</li></ol></li></ul>").body)
    assert [(b.text, b.level, b.ordered, b.item) for b in blocks] == [
        ("Tools", 1, False, 1), ("Have:", 1, False, 1), ("a bowl", 2, True, 1)]


def test_every_step_says_its_own_number_once() -> None:
    doc = parse_html(RECIPE.encode(), "recipe.html", ParseConfig())
    spoken = [seg.spoken for c in plan(doc, Config()).chapters for seg in c.segments]
    assert spoken == ["one. Mix the flour", "Then, in order:", "one. add water", "two. stir", "two. Bake"]


def test_loose_words_directly_in_a_list_of_the_page_stay_a_paragraph() -> None:
    blocks = Walker(ParseConfig()).walk(parse_soup('<ol data-emotion="calm" lang="de">Steps:<li>a</li></ol>').body)
    assert [(b.kind, b.text, b.level, b.ordered, b.item, b.source, b.emotion, b.lang) for b in blocks] == [
        ("paragraph", "Steps:", 0, False, 0, "body > ol:nth-of-type(1)", "calm", "de"),
        ("item", "a", 1, True, 1, "body > ol:nth-of-type(1) > li:nth-of-type(1)", "calm", "de")]


def test_a_paragraph_directly_in_a_nested_list_carries_the_number_of_the_item_around_it() -> None:
    doc = parse_html(b"<ol><li>Sift</li><li>Mix<ol><p>Then:</p><li>add water</li></ol></li><li>Bake</li></ol>",
                     "recipe.html", ParseConfig())
    assert [(b.text, b.level, b.ordered, b.item) for c in doc.chapters for b in c.blocks] == [
        ("Sift", 1, True, 1), ("Mix", 1, True, 2), ("Then:", 1, True, 2), ("add water", 2, True, 1),
        ("Bake", 1, True, 3)]
    spoken = [seg.spoken for c in plan(doc, Config()).chapters for seg in c.segments]
    assert spoken == ["one. Sift", "two. Mix", "Then:", "one. add water", "three. Bake"]
