"""Wikipedia reference marks whose note is not in the document (a section served alone) are not
read: the page's ids are gathered once, not searched for once per mark (2,000 marks took a minute)."""

from __future__ import annotations

from typing import Any, Callable

from narrator.parse.html import parse_soup
from narrator.parse.sources.wikipedia import _orphan_marks

_MARKS = 300


def _page() -> str:
    body = "".join(f'<p>Sentence {i}.<sup class="mw-ref reference"><a href="#cite_note-{i}">'
                   f'<span class="mw-reflink-text">[{i}]</span></a></sup></p>' for i in range(_MARKS))
    notes = "".join(f'<li id="cite_note-{i}">Note {i}</li>' for i in range(0, _MARKS, 2))  # odd ones missing
    return f'<html><body><div class="mw-parser-output">{body}<ol>{notes}</ol></div></body></html>'


def _counting(calls: list[str], name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return method(*args, **kwargs)
    return wrapper


def test_marks_without_their_note_are_taken_out_with_one_search_of_the_page() -> None:
    soup = parse_soup(_page())
    body = soup.body
    calls: list[str] = []
    for name in ("find", "find_all", "select", "select_one"):  # every way to search the whole page
        setattr(soup, name, _counting(calls, name, getattr(soup, name)))
    skipped = _orphan_marks(soup, body)
    searches = list(calls)
    assert len(skipped) == _MARKS // 2
    assert all(s.what == "reference mark" for s in skipped)
    left = [a["href"] for a in soup.select("sup.mw-ref a")]
    assert left == [f"#cite_note-{i}" for i in range(0, _MARKS, 2)]  # marks whose note is here stay
    assert len(searches) <= 2, searches  # not one search of the whole page per mark
