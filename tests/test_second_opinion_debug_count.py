"""The debug line counting the prose blocks the second opinion would leave out
(second_opinion.count_unshared): which blocks are prose, which count as left out, and that a page
the extractor was never asked about is not sent to it for a log line."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

import narrator.parse.second_opinion as so
from narrator.parse.tree import parse_tree

KEPT_1 = "Rivers carve their valleys over thousands of years, and the water runs faster outside every bend."
KEPT_2 = "Deltas form where a river meets the sea and slows down, dropping the sand and mud it carried there."
LEFT = "Glaciers grind the rock beneath them into fine flour that turns the lakes below a milky green colour."


def _opinion(monkeypatch: pytest.MonkeyPatch, kept: str | None) -> tuple[so.Opinion, list[str]]:
    asked: list[str] = []

    def extract(page: str) -> str | None:
        asked.append(page)
        return kept

    monkeypatch.setattr(so, "_extract", extract)
    return so.Opinion(parse_tree("<html><body><p>x</p></body></html>")), asked


def _lines(caplog: pytest.LogCaptureFixture, blocks: list[str], opinion: so.Opinion) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="narrator.parse.second_opinion"):
        so.count_unshared([SimpleNamespace(text=t) for t in blocks], opinion)
    return [r.getMessage() for r in caplog.records]


def test_the_left_out_blocks_are_counted_not_the_kept_ones(monkeypatch: pytest.MonkeyPatch,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    opinion, _asked = _opinion(monkeypatch, KEPT_1 + "\n" + KEPT_2)
    opinion.keeps("x")
    assert _lines(caplog, [KEPT_1, KEPT_2, LEFT], opinion) == [
        "second opinion: 1 of 3 prose blocks read here are not main content to trafilatura"]


def test_a_block_of_eighty_characters_is_prose(monkeypatch: pytest.MonkeyPatch,
                                              caplog: pytest.LogCaptureFixture) -> None:
    opinion, _asked = _opinion(monkeypatch, KEPT_1)
    opinion.keeps("x")
    eighty, short = "q" * 80, "q" * 79
    assert _lines(caplog, [eighty, short], opinion) == [
        "second opinion: 1 of 1 prose blocks read here are not main content to trafilatura"]
    assert _lines(caplog, ["河" * 40, "河" * 39], opinion) == [
        "second opinion: 1 of 1 prose blocks read here are not main content to trafilatura"]


def test_without_an_extractor_nothing_counts_as_left_out(monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    opinion, _asked = _opinion(monkeypatch, None)
    assert opinion.keeps("x") is None
    assert _lines(caplog, [KEPT_1, LEFT], opinion) == [
        "second opinion: 0 of 2 prose blocks read here are not main content to trafilatura"]


def test_a_page_never_asked_about_is_not_sent_for_a_log_line(monkeypatch: pytest.MonkeyPatch,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    opinion, asked = _opinion(monkeypatch, KEPT_1)
    assert _lines(caplog, [KEPT_1, LEFT], opinion) == []
    assert asked == [] and not opinion.asked
