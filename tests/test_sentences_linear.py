"""Hostile input is split in linear work: a paragraph of "word ( " repeated (openers never
closed, each running to the end of the text) took 64.7 s in `narrate -n` for 56 KB (review
finding). The work is counted (Python lines run in the splitter), never timed."""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

import narrator.script.sentences as sentences
from narrator.script.sentences import sentence_pieces, split_long


def _lines_run(call: Any) -> int:
    """How many lines of narrator/script/sentences.py run during ``call()``."""
    count = 0
    path = sentences.__file__

    def trace(frame: FrameType, event: str, _arg: object) -> Any:
        nonlocal count
        if frame.f_code.co_filename != path:
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(None)
    return count


def test_openers_never_closed_are_split_in_linear_work() -> None:
    small = _lines_run(lambda: split_long("word ( " * 200, 20))
    large = _lines_run(lambda: split_long("word ( " * 800, 20))
    assert large < 5.5 * small, (small, large)  # 4x the text; quadratic work would be ~16x


def test_nested_closers_that_match_nothing_are_linear() -> None:
    small = _lines_run(lambda: split_long("( " * 200 + "] " * 200, 20))
    large = _lines_run(lambda: split_long("( " * 800 + "] " * 800, 20))
    assert large < 5.5 * small, (small, large)


def _links(count: int) -> int:
    text = "See https://a.io/x. " * count
    links = [(k * 20 + 4, k * 20 + 18, 8) for k in range(count)]  # each URL said as its site
    pieces = sentence_pieces(text, max_chars=160, max_chars_cjk=80, keep=[(a, b) for a, b, _ in links],
                             saved=links)
    assert len(pieces) == count
    return _lines_run(lambda: sentence_pieces(text, max_chars=160, max_chars_cjk=80,
                                              keep=[(a, b) for a, b, _ in links], saved=links))


def test_many_links_are_measured_in_linear_work() -> None:
    # a sentence is measured by what it says: its links are found by bisection, not by a pass
    # over all the links of the paragraph for each sentence
    small, large = _links(200), _links(800)
    assert large < 5.5 * small, (small, large)


def test_a_long_hostile_paragraph_is_cut_into_pieces_that_fit() -> None:
    text = "word ( " * 8000
    pieces = [text[a:b] for a, b in split_long(text, 160)]
    assert all(len(p) <= 160 for p in pieces)
    assert " ".join(pieces).split() == text.split()  # nothing lost, nothing repeated
    assert len(pieces) < len(text) // 100  # pieces near the limit, not stubs
