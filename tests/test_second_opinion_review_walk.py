"""A review goes over every block narrate's rules drop (second_opinion.review): what it passes
over (a never-read element, a custom chrome element, teasers, prose the extractor leaves out)
does not end it, a namespaced widget is never asked about, and furniture is looked for only up
to the dropped block. A stand-in extractor and walker, as in test_parse_second_opinion_exact.py."""

from __future__ import annotations

from typing import Any

import pytest

import narrator.parse.second_opinion as so
from narrator.parse.tree import parse_tree
from test_parse_second_opinion_exact import OTHER, PROSE, Walker

def _review(monkeypatch: pytest.MonkeyPatch, body: str, chrome: dict[str, str]) -> tuple[so.Review, Any, list[str]]:
    asked: list[str] = []

    def extract(page: str) -> str:
        asked.append(page)
        return PROSE

    monkeypatch.setattr(so, "_extract", extract)
    soup = parse_tree(f"<html><head><title>t</title></head><body>{body}</body></html>")
    return so.review(soup.body, soup, Walker(soup, chrome), frozenset()), soup, asked


LAST = f"<div id='last'><p>{PROSE}</p></div>"


@pytest.mark.parametrize("before, chrome", [
    ("<script>var x = 1;</script>", {}),
    (f"<div id='custom'><p>{PROSE}</p></div>", {"custom": "<site-footer> is page chrome"}),
    # (teasers long enough, over 200 characters, not to be the heading the next block comes under)
    (f"<div id='teasers'><h3>You might also like</h3><p>{PROSE}</p><p>{OTHER}</p></div>", {"teasers": "mostly links"}),
    (f"<div id='left'><p>{OTHER}</p></div>", {"left": "mostly links"}),
], ids=["never-read", "custom-element", "teasers", "left-out-prose"])
def test_a_block_passed_over_does_not_end_the_review(monkeypatch: pytest.MonkeyPatch, before: str,
                                                     chrome: dict[str, str]) -> None:
    result, soup, _asked = _review(monkeypatch, before + LAST, {**chrome, "last": "mostly links"})
    assert result.keep_chrome == {id(soup.find(id="last"))}
    assert len(result.warnings) == 1 and "at div#last" in result.warnings[0]


def test_a_namespaced_widget_is_never_asked_about(monkeypatch: pytest.MonkeyPatch) -> None:
    result, _soup, asked = _review(monkeypatch, f"<fb:comments id='fb'><p>{PROSE}</p></fb:comments>",
                                   {"fb": "mostly links"})
    assert asked == [] and result.keep_chrome == set() and result.warnings == []


def test_furniture_is_looked_for_up_to_the_dropped_block_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # a share bar around the dropped block is not the prose's own name
    result, soup, _asked = _review(monkeypatch, f"<div class='share-bar'><div id='box'><p>{PROSE}</p></div></div>",
                                   {"box": "mostly links"})
    assert result.keep_chrome == {id(soup.find(id="box"))}
