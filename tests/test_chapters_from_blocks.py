"""Chapters from parsed blocks (parse/chapters.py), block by block: which heading starts a
chapter and at what level a promoted numbered title sits, a title block joining the first
chapter, page breaks and section breaks at a chapter's edges, what an empty title becomes, and
that nothing of the splitter's own markers reaches the chapters."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse.chapters import is_numbered_title, split_chapters
from narrator.parse.html import PAGEBREAK
from narrator.values import Block, Chapter, Run, Skipped

BREAK = Block("break", ())
EMPTY = "a title with nothing under it to read (its section held only furniture)"


def h(text: str, level: int, source: str = "", *context: str) -> Block:
    return Block("heading", (Run(text),), level, source=source, context=frozenset(context))


def p(text: str, *context: str, bold: bool = False) -> Block:
    return Block("paragraph", (Run(text, ("strong",) if bold else ()),), context=frozenset(context))


def page_break(source: str = "") -> Block:
    return Block("break", (), source=source, context=frozenset({PAGEBREAK}))


def split(blocks: list[Block], title: str = "Doc", **config: object) -> tuple[tuple[Chapter, ...], list[Skipped]]:
    skipped: list[Skipped] = []
    chapters = split_chapters(blocks, title=title, lang="en", config=ParseConfig(**config),  # type: ignore[arg-type]
                              skipped=skipped)
    return chapters, skipped


def shape(chapters: tuple[Chapter, ...]) -> list[tuple[int, str, list[tuple[str, str, int]]]]:
    return [(c.index, c.title, [(b.kind, b.text, b.level) for b in c.blocks]) for c in chapters]


def test_a_lone_numbered_title_starts_a_chapter_at_the_top_level() -> None:
    chapters, _ = split([p("Preface."), p("Chapter 1", ".x", bold=True), p("Text.")])
    assert shape(chapters) == [(1, "Doc", [("paragraph", "Preface.", 0)]),
                               (2, "Chapter 1", [("heading", "Chapter 1", 1), ("paragraph", "Text.", 0)])]
    # the splitter's own marker is gone; the block's classes stay
    assert chapters[1].blocks[0].context == frozenset({".x"})


def test_a_promoted_title_sits_at_the_level_of_the_chapters_around_it() -> None:
    chapters, _ = split([h("A", 2), p("a"), p("Chapter 2", bold=True), p("b"), h("C", 2), p("c")])
    assert shape(chapters)[1] == (2, "Chapter 2", [("heading", "Chapter 2", 2), ("paragraph", "b", 0)])
    chapters, _ = split([h("A", 2), p("a"), p("Chapter 2", bold=True), p("b")], chapter_level=3)
    assert chapters[1].blocks[0].level == 3  # the configured level, not the headings'
    assert all("numbered" not in b.context for c in chapters for b in c.blocks)
    # a numbered heading deeper than the chapters still starts one, and loses the marker too
    chapters, _ = split([h("A", 2), p("a"), h("B", 2), p("b"), h("Part III", 3, "", ".y"), p("c")])
    assert [c.title for c in chapters] == ["A", "B", "Part III"]
    assert chapters[2].blocks[0].context == frozenset({".y"})


def test_a_title_block_on_top_joins_the_first_chapter() -> None:
    blocks = [h("Book", 1, "", ".title"), p("A subtitle", ".subtitle"), BREAK, h("One", 2), p("Text.")]
    chapters, _ = split(blocks, chapter_level=2)
    assert shape(chapters) == [(1, "One", [("heading", "Book", 1), ("paragraph", "A subtitle", 0),
                                           ("heading", "One", 2), ("paragraph", "Text.", 0)])]
    # text that is not a subtitle makes an introduction of its own
    chapters, _ = split([h("Book", 1), p("Some words."), h("One", 2), p("Text.")], chapter_level=2)
    assert [c.title for c in chapters] == ["Doc", "One"]


def test_the_title_heading_never_starts_a_chapter() -> None:
    chapters, _ = split([h("Book", 2, "", ".title"), p("p"), h("One", 2), p("a"), h("Two", 2), p("b")])
    assert [(c.title, [b.text for b in c.blocks]) for c in chapters] == [
        ("Doc", ["Book", "p"]), ("One", ["One", "a"]), ("Two", ["Two", "b"])]


def test_an_introduction_named_like_the_next_chapter_is_called_introduction() -> None:
    chapters, _ = split([p("Intro text."), h("Doc", 2), p("a")], chapter_level=2)
    assert [c.title for c in chapters] == ["Introduction", "Doc"]


def test_section_breaks_at_a_chapters_edges_are_dropped() -> None:
    chapters, _ = split([BREAK, BREAK, p("a"), BREAK, p("b"), BREAK, BREAK])
    assert shape(chapters) == [(1, "Doc", [("paragraph", "a", 0), ("break", "", 0), ("paragraph", "b", 0)])]
    chapters, _ = split([BREAK, p("a"), BREAK, p("b"), BREAK])
    assert shape(chapters) == [(1, "Doc", [("paragraph", "a", 0), ("break", "", 0), ("paragraph", "b", 0)])]


def test_page_breaks_turned_off_leave_one_section_break_where_they_were() -> None:
    chapters, _ = split([p("a"), page_break("#pb1"), page_break("#pb2"), p("b")], page_breaks=False)
    assert shape(chapters) == [(1, "Doc", [("paragraph", "a", 0), ("break", "", 0), ("paragraph", "b", 0)])]
    assert chapters[0].blocks[1].source == "#pb1"


def test_with_page_breaks_headings_stay_inside_their_page() -> None:
    chapters, _ = split([page_break(), p("a"), page_break(), h("X", 2), p("b"), h("Y", 2), p("c")])
    assert shape(chapters) == [(1, "Part 1", [("paragraph", "a", 0)]),
                               (2, "X", [("heading", "X", 2), ("paragraph", "b", 0), ("heading", "Y", 2),
                                         ("paragraph", "c", 0)])]


def test_empty_titles_head_deeper_chapters_or_are_reported_where_they_are() -> None:
    blocks = [h("One", 2, "#one"), p("a"), h("Gallery", 2, "#gal"), p("…"), h("Two", 2), p("b"),
              h("Part II", 1), h("Three", 2), p("c"), h("End", 2)]
    chapters, skipped = split(blocks)
    assert shape(chapters) == [
        (1, "One", [("heading", "One", 2), ("paragraph", "a", 0)]),
        (2, "Two", [("heading", "Two", 2), ("paragraph", "b", 0)]),
        (3, "Three", [("heading", "Part II", 1), ("heading", "Three", 2), ("paragraph", "c", 0)])]
    assert skipped == [Skipped("#gal", "empty chapter", EMPTY, len("Gallery") + len("…")),
                       Skipped("heading", "empty chapter", EMPTY, len("End"))]
    # a document that is only a title: nothing to narrate, and it says so
    chapters, skipped = split([h("Only a title", 1)])
    assert chapters == () and skipped == [Skipped("heading", "empty chapter", EMPTY, 12)]


def test_numbered_titles_are_short() -> None:
    assert is_numbered_title("Chapter 1 " + "x" * 50)  # 60 characters
    assert not is_numbered_title("Chapter 1 " + "x" * 51)
    assert is_numbered_title("  IV.  ") and not is_numbered_title("iv")


def test_a_single_heading_of_its_level_does_not_split_the_text() -> None:
    chapters, _ = split([p("Preface."), h("Only", 1), p("a")])
    assert [c.title for c in chapters] == ["Doc"] and len(chapters[0].blocks) == 3


def test_a_title_class_on_the_first_heading_counts_even_after_text() -> None:
    chapters, _ = split([p("Preface."), h("Book", 2, "", ".title"), p("p"), h("One", 2), p("a"),
                         h("Two", 2), p("b")])
    assert [c.title for c in chapters] == ["Doc", "One", "Two"]
    assert [b.text for b in chapters[0].blocks] == ["Preface.", "Book", "p"]


def test_an_empty_part_title_is_carried_only_over_deeper_chapters() -> None:
    blocks = [h("A", 2), p("a"), h("B", 2), p("b"), h("Part I", 1), h("Part II", 1), h("C", 2), p("c")]
    chapters, skipped = split(blocks, chapter_level=2)
    assert shape(chapters)[2] == (3, "C", [("heading", "Part II", 1), ("heading", "C", 2), ("paragraph", "c", 0)])
    assert [s.chars for s in skipped] == [len("Part I")]
    # an empty title before the last chapter, at the same level: reported, not carried
    chapters, skipped = split([h("A", 2), p("a"), h("Empty", 2), h("B", 2), p("b")])
    assert shape(chapters)[1] == (2, "B", [("heading", "B", 2), ("paragraph", "b", 0)])
    assert [s.chars for s in skipped] == [len("Empty")]


def test_an_empty_numbered_title_between_pages_heads_the_next_page() -> None:
    blocks = [p("a"), page_break(), p("Chapter 2", bold=True), page_break(), p("b")]
    chapters, skipped = split(blocks)
    assert shape(chapters) == [(1, "Part 1", [("paragraph", "a", 0)]),
                               (2, "Chapter 2", [("heading", "Chapter 2", 1), ("paragraph", "b", 0)])]
    assert skipped == []


def test_a_numbered_chapter_counts_as_the_first_chapter_for_higher_headings() -> None:
    blocks = [h("Book", 1), p("intro"), h("Chapter 1", 3), p("one"), h("Appendix", 1), p("app"),
              h("X", 2), p("x"), h("Y", 2), p("y")]
    chapters, _ = split(blocks, chapter_level=2)
    assert [c.title for c in chapters] == ["Doc", "Chapter 1", "Appendix", "X", "Y"]
