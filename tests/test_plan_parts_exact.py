"""Long chapters cut into parts (narrator.script.planner.split_long_chapters): where each part
ends, the blocks each part shows, its title, ids and last boundary, on hand-made scripts whose
segment lengths are exact.

Every segment here says nothing (``spoken=""``: 0.1 s by narrator.text.speech_seconds) and its
pause makes up the rest, so a segment with ``pause_after_ms=9900`` costs exactly 10 s."""

from __future__ import annotations

import pytest

from narrator.config import Config, OutputConfig, Pauses
from narrator.values import Block, Boundary, Run, Script, ScriptChapter, Segment
from narrator.script.planner import estimate_seconds, split_long_chapters

TEN = 9900  # ms of pause: with the 0.1 s every segment costs, 10.0 s


def seg(block: int, boundary: Boundary, pause: int = TEN, text: str = "") -> Segment:
    return Segment(id="x", chapter=1, text=text or f"b{block}-{boundary}", spoken="", lang="en",
                   emotion="neutral", boundary=boundary, pause_after_ms=pause, block=block, span=(0, 1))


def blocks(n: int) -> tuple[Block, ...]:
    return tuple(Block("paragraph", (Run(f"block {i}"),)) for i in range(n))


def config(minutes: float = 1, head: int = 0, tail: int = 0) -> Config:
    return Config(output=OutputConfig(max_chapter_minutes=minutes),
                  pauses=Pauses(chapter_head=head, chapter_tail=tail))


def script(*chapters: ScriptChapter) -> Script:
    return Script("Book", "en", chapters)


def cut(script_: Script, cfg: Config) -> list[list[str]]:
    """The texts of each part's segments."""
    return [[s.text for s in c.segments] for c in split_long_chapters(script_, cfg).chapters]


# -- where a part ends ------------------------------------------------------------------------

RIVERS = (seg(0, "heading"), seg(1, "sentence"), seg(1, "paragraph"), seg(2, "paragraph"),
          seg(3, "sentence"), seg(3, "paragraph"), seg(5, "heading"), seg(6, "paragraph"),
          seg(7, "item"), seg(8, "end", 0))


def test_a_part_fills_the_limit_exactly_and_ends_before_a_heading() -> None:
    # six segments make exactly 60 s (one minute, no chapter head or tail): they fit, and the
    # sixth ends right before a heading, the best place of all
    chapter = ScriptChapter(1, "Rivers", RIVERS, blocks(9))
    out = split_long_chapters(script(chapter), config())
    assert [[s.block for s in c.segments] for c in out.chapters] == [[0, 1, 1, 2, 3, 3], [1, 2, 3, 4]]
    assert [c.title for c in out.chapters] == ["Rivers", "Rivers (part 2)"]
    # block 4 is read by no segment (a picture): it goes with the part after it
    assert [[b.text for b in c.blocks] for c in out.chapters] == [
        ["block 0", "block 1", "block 2", "block 3"], ["block 4", "block 5", "block 6", "block 7", "block 8"]]


def test_blocks_after_the_last_segment_go_with_the_last_part() -> None:
    # blocks 9 and 10 are read by no segment (a figure and its credit at the chapter's end)
    chapter = ScriptChapter(1, "Rivers", RIVERS, blocks(11))
    out = split_long_chapters(script(chapter), config())
    assert [[b.text for b in c.blocks] for c in out.chapters] == [
        ["block 0", "block 1", "block 2", "block 3"],
        ["block 4", "block 5", "block 6", "block 7", "block 8", "block 9", "block 10"]]


def test_ids_chapters_and_the_last_boundary_are_made_again_for_each_part() -> None:
    chapter = ScriptChapter(1, "Rivers", RIVERS, blocks(9))
    other = ScriptChapter(2, "Lakes", (seg(0, "sentence", 250), seg(0, "end", 0)), blocks(1))
    out = split_long_chapters(script(chapter, other), config())
    assert [c.index for c in out.chapters] == [1, 2, 3]
    assert [c.title for c in out.chapters] == ["Rivers", "Rivers (part 2)", "Lakes"]
    assert [[(s.id, s.chapter) for s in c.segments] for c in out.chapters] == [
        [(f"c01-s{k:04d}", 1) for k in range(1, 7)],
        [(f"c02-s{k:04d}", 2) for k in range(1, 5)],
        [("c03-s0001", 3), ("c03-s0002", 3)]]
    first = out.chapters[0].segments
    # a part's last segment ends it: no pause (the assembler adds the chapter's tail)
    assert [(s.boundary, s.pause_after_ms) for s in first[-2:]] == [("sentence", TEN), ("end", 0)]
    assert out.chapters[1].segments[-1].boundary == "end"
    assert out.chapters[2].segments[0].pause_after_ms == 250  # a short chapter is left as it is


def test_a_part_ends_before_a_heading_rather_than_after_the_paragraph_that_follows_it() -> None:
    # 50 s of paragraphs, a heading (1 s) and a short paragraph (5 s) fit in 60 s; ending at the
    # later paragraph end would leave "Lakes" and one paragraph of its section in this part
    segments = tuple(seg(i, "paragraph") for i in range(5)) + (
        seg(5, "heading", 900, "Lakes"), seg(6, "paragraph", 4900), seg(7, "paragraph"), seg(8, "end", 0))
    parts = cut(script(ScriptChapter(1, "R", segments, blocks(9))), config())
    assert [p[0] for p in parts] == ["b0-paragraph", "Lakes"]
    assert [len(p) for p in parts] == [5, 4]


def test_one_second_under_the_limit_moves_the_cut_to_a_paragraph_end() -> None:
    # with 55 s for a part (the chapter's head and tail take 5 s), only five segments fit: the
    # last place that ends a paragraph is after the fourth
    chapter = ScriptChapter(1, "Rivers", RIVERS, blocks(9))
    out = cut(script(chapter), config(head=2000, tail=3000))
    assert [len(part) for part in out] == [4, 6]


def test_the_chapter_head_and_tail_are_both_counted() -> None:
    # 60 s minus a 4 s head and 6 s tail leave 50 s: parts of five, then the rest
    segments = tuple(seg(i, "paragraph") for i in range(11)) + (seg(11, "end", 0),)
    chapter = ScriptChapter(1, "Long", segments, blocks(12))
    assert [len(p) for p in cut(script(chapter), config(head=4000, tail=6000))] == [5, 5, 2]
    assert [len(p) for p in cut(script(chapter), config(head=0, tail=0))] == [6, 6]


def test_a_section_break_is_used_only_in_the_last_fifth_of_a_part() -> None:
    # a section break after 20 s of 60 is too early: the part ends at its last paragraph instead
    early = (seg(0, "paragraph"), seg(1, "section"), seg(2, "paragraph"), seg(3, "sentence"),
             seg(3, "paragraph"), seg(4, "paragraph"), seg(5, "paragraph"), seg(6, "end", 0))
    assert [len(p) for p in cut(script(ScriptChapter(1, "S", early, blocks(7))), config())] == [6, 2]
    # at exactly four fifths (40 s of a 50 s part) it is taken, before two later paragraph ends
    late = (seg(0, "paragraph"), seg(1, "paragraph"), seg(2, "paragraph"), seg(3, "section"),
            seg(4, "paragraph"), seg(5, "paragraph"), seg(6, "end", 0))
    parts = cut(script(ScriptChapter(1, "S", late, blocks(7))), config(head=5000, tail=5000))
    assert [len(p) for p in parts] == [4, 3]


def test_a_part_never_ends_on_a_heading_even_before_another_heading() -> None:
    # "Part II" then "Chapter 3": ending after "Part II" would leave it alone at a part's end; the
    # place before "Part II" is too early for a heading start (40 s of 60), so a paragraph end wins
    segments = (seg(0, "paragraph"), seg(1, "paragraph"), seg(2, "paragraph"), seg(3, "paragraph"),
                seg(4, "heading"), seg(5, "heading"), seg(6, "paragraph"), seg(7, "end", 0))
    parts = cut(script(ScriptChapter(1, "H", segments, blocks(8))), config())
    assert [len(p) for p in parts] == [4, 4]


def test_inside_a_long_paragraph_a_part_ends_after_a_sentence_and_both_show_the_paragraph() -> None:
    # a title the planner added (block -1), then one paragraph of eight sentences, then another
    segments = (seg(-1, "heading", text="Title"),) + tuple(seg(0, "sentence") for _ in range(6)) \
        + (seg(0, "paragraph"), seg(1, "end", 0))
    out = split_long_chapters(script(ScriptChapter(1, "P", segments, blocks(2))), config())
    assert [[s.block for s in c.segments] for c in out.chapters] == [[-1, 0, 0, 0, 0, 0], [0, 0, 1]]
    assert [[b.text for b in c.blocks] for c in out.chapters] == [["block 0"], ["block 0", "block 1"]]


def test_sentence_ends_come_after_paragraph_ends_and_clauses_last() -> None:
    # the paragraph end after 20 s wins over the sentence end after 50 s ...
    segments: tuple[Segment, ...] = (seg(0, "sentence"), seg(0, "paragraph"), seg(1, "sentence"), seg(1, "sentence"),
                seg(1, "sentence"), seg(1, "clause"), seg(1, "clause"), seg(1, "end", 0))
    assert [len(p) for p in cut(script(ScriptChapter(1, "C", segments, blocks(2))), config())] == [2, 6]
    # ... a sentence end over the clauses of a cut sentence ...
    segments = (seg(0, "clause"), seg(0, "sentence"), seg(0, "clause"), seg(0, "clause"),
                seg(0, "clause"), seg(0, "clause"), seg(0, "clause"), seg(0, "end", 0))
    assert [len(p) for p in cut(script(ScriptChapter(1, "C", segments, blocks(1))), config())] == [2, 6]
    # ... and with nothing but clauses, the part is as long as the limit allows
    segments = tuple(seg(0, "clause") for _ in range(7)) + (seg(0, "end", 0),)
    assert [len(p) for p in cut(script(ScriptChapter(1, "C", segments, blocks(1))), config())] == [6, 2]


def test_an_item_ends_a_part_like_a_paragraph() -> None:
    segments = (seg(0, "sentence"), seg(0, "item"), seg(1, "sentence"), seg(1, "sentence"),
                seg(1, "sentence"), seg(1, "sentence"), seg(1, "sentence"), seg(1, "end", 0))
    assert [len(p) for p in cut(script(ScriptChapter(1, "I", segments, blocks(2))), config())] == [2, 6]


def test_a_segment_longer_than_the_limit_is_a_part_of_its_own() -> None:
    segments = (seg(0, "paragraph"), seg(1, "paragraph", 99_900), seg(2, "end", 0))
    out = split_long_chapters(script(ScriptChapter(1, "L", segments, blocks(3))), config())
    assert [[s.block for s in c.segments] for c in out.chapters] == [[0], [0], [0]]
    assert [[b.text for b in c.blocks] for c in out.chapters] == [["block 0"], ["block 1"], ["block 2"]]


def test_a_chapter_that_fits_and_a_limit_of_zero_change_nothing() -> None:
    segments = tuple(seg(i, "paragraph") for i in range(5)) + (seg(5, "end", 0),)
    chapter = ScriptChapter(1, "Fits", segments, blocks(7))
    whole = script(chapter)
    assert split_long_chapters(whole, config(0)) is whole  # 0: never split
    out = split_long_chapters(whole, config())  # 50.1 s: one part, blocks and all
    assert [c.title for c in out.chapters] == ["Fits"] and len(out.chapters[0].blocks) == 7
    assert [s.id for s in out.chapters[0].segments] == [f"c01-s{k:04d}" for k in range(1, 7)]


def test_the_estimate_counts_each_millisecond_of_every_pause_and_chapter_edge() -> None:
    # 100 s of chapter head, 20 s of tail, a 50 s pause and two segments saying nothing (0.1 s
    # each), in two chapters: 2 * 120 + 50 + 0.2
    chapters = (ScriptChapter(1, "A", (seg(0, "sentence", 50_000), seg(0, "end", 0)), blocks(1)),
                ScriptChapter(2, "B", (), blocks(0)))
    assert estimate_seconds(script(*chapters), config(head=100_000, tail=20_000)) == \
        pytest.approx(290.2, abs=1e-9)


def test_a_long_plan_ticks_once_per_thousand_blocks_and_segments_and_a_tick_may_stop_it() -> None:
    from narrator.script.planner import plan
    from narrator.values import Chapter, Document

    # 1,000 one-sentence paragraphs: 2 units each while planning (the block and its segment),
    # then 1 per segment finished: 3,000 units, three ticks
    paragraphs = tuple(Block("paragraph", (Run(f"Line {i} here."),)) for i in range(1000))
    document = Document("T", "en", (Chapter(1, "", paragraphs),))
    ticks: list[int] = []
    assert len(plan(document, Config(), tick=lambda: ticks.append(1)).segments) == 1000
    assert len(ticks) == 3

    class Stop(Exception):
        pass

    def stop() -> None:
        raise Stop

    with pytest.raises(Stop):
        plan(document, Config(), tick=stop)
