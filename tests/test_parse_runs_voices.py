"""The voice a data-voice attribute gives a run, exactly (narrator/parse/runs.py): its name
trimmed and cut to 40 characters."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse.html import Walker, parse_soup
from narrator.values import VOICE


def marks(markup: str) -> list[list[str]]:
    block = Walker(ParseConfig()).walk(parse_soup(markup).body)[0]
    return [sorted(r.marks) for r in block.runs]


def test_a_voice_name_is_cut_to_forty_characters() -> None:
    forty = "n" * 40
    assert marks(f'<p><span data-voice=" {forty}x ">a</span></p>') == [[VOICE + forty]]
    assert marks(f'<p><span data-voice="{forty}">a</span></p>') == [[VOICE + forty]]
