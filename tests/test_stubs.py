"""Issue 9, item 4: a long sentence is never cut so as to leave a stub of one or two words."""

from __future__ import annotations

import pytest

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.script.planner import plan
from narrator.script.sentences import sentence_pieces

# each just over the limit, with a conjunction or a comma right after the first word or two: a
# cut there would cost least (no cut between words), and leave "The firm" or "However," alone
EN_CONJ = ("The firm who subcontracts the remaining work to another small local business is entitled to "
           "credit for the total value of the services provided by the small business.")
EN_COMMA = ("However, the committee reviewed every single application that arrived before the deadline "
            "and then selected the strongest proposals for the second round of judging.")
ZH_COMMA = "因此，学校决定在下学期为每一个年级开设一门新的科学实验课程并且邀请附近大学的老师每周来校指导学生完成实验报告和课堂展示活动以及期末的评比和颁奖典礼还有面向家长开放"


def words(piece: str) -> int:
    cjk = sum(1 for c in piece if "\u4e00" <= c <= "\u9fff")
    return len(piece.split()) if not cjk else cjk // 2


@pytest.mark.parametrize("text", [EN_CONJ, EN_COMMA, ZH_COMMA], ids=["conjunction", "comma", "chinese"])
def test_no_piece_of_one_or_two_words(text: str) -> None:
    limit = 160 if text.isascii() else 80
    assert len(text) > limit  # the sentence must be cut
    spans = sentence_pieces(text, max_chars=160, max_chars_cjk=80)
    pieces = [text[a:b] for a, b, _ in spans]
    assert len(pieces) >= 2
    assert all(len(p) <= limit for p in pieces)
    assert all(words(p) > 2 for p in pieces), pieces
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")  # nothing lost


def test_contents_dot_leaders_are_a_pause_not_pieces() -> None:
    html = ("<p>Contents</p><p>First page" + "." * 120 + "1</p><p>Second page" + "." * 118 + "2</p>"
            "<p>目录</p><p>第一页" + "…" * 60 + "3</p>")
    doc = parse_html(html.encode(), "toc.html", ParseConfig())
    said = [s.spoken for s in plan(doc, Config()).segments]
    assert said[1:3] == ["First page, one", "Second page, two"]
    assert said[-1] == "第一页, 三"
