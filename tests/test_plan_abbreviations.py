"""The user's abbreviations ([abbreviations.<lang>] in narrate.toml) as the planner says them
(narrator.script.planner): a sentence knows only its language ("en"), so the document's tag says
which regional table applies ("en-GB": [abbreviations.en-GB] first, then [abbreviations.en]); a
table of another region is not used, and each language's sentences take that language's table."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan


def spoken(doc_lang: str, tables: Mapping[str, Mapping[str, str]], text: str = "Go to ST 5 now.",
           block_lang: str | None = None) -> list[str]:
    doc = Document("T", doc_lang, (Chapter(1, "Intro", (
        Block("heading", (Run("Intro"),), level=1), Block("paragraph", (Run(text),), lang=block_lang))),))
    return [s.spoken for s in plan(doc, Config(abbreviations=tables)).segments][1:]


STREET, STATE = {"ST": "street"}, {"ST": "state"}


@pytest.mark.parametrize("doc_lang, tables, said", [
    ("en", {"en": STATE}, "Go to state five now."),
    ("en-GB", {"en": STATE}, "Go to state five now."),  # the language's table serves every region
    ("en-GB", {"en-GB": STATE}, "Go to state five now."),  # a regional table for the document's region
    ("en-GB", {"en": STREET, "en-GB": STATE}, "Go to state five now."),  # the region's first
    ("en-gb", {"en_GB": STATE}, "Go to state five now."),  # tags compared as tags, not as strings
    ("en-US", {"en": STREET, "en-GB": STATE}, "Go to street five now."),  # another region's: not used
    ("en-US", {"en-GB": STATE}, "Go to ST five now."),
    ("en", {"en-GB": STATE}, "Go to ST five now."),  # a regional table needs that region
    ("en", {}, "Go to ST five now."),
])
def test_which_table_says_an_abbreviation(doc_lang: str, tables: Mapping[str, Mapping[str, str]], said: str) -> None:
    assert spoken(doc_lang, tables) == [said]


def test_each_language_s_sentences_take_that_language_s_table() -> None:
    tables = {"en-GB": STATE, "zh": {"AI": "人工智能"}}
    assert spoken("en-GB", tables, "用AI做。", block_lang="zh-CN") == ["用人工智能做。"]
    assert spoken("zh-CN", tables, "Go to ST 5 now.", block_lang="en") == ["Go to ST five now."]
    assert spoken("en-GB", tables, "Go to ST 5 now.", block_lang="en") == ["Go to state five now."]


def test_a_corrected_sentence_takes_the_same_regional_table() -> None:
    from narrator.script import plan_script
    from narrator.script.corrections import Corrections, SentenceFix

    doc = Document("T", "en-GB", (Chapter(1, "Intro", (
        Block("heading", (Run("Intro"),), level=1), Block("paragraph", (Run("Go to ST 5 now."),)))),))
    fixes = Corrections((SentenceFix("Go to ST 5 now.", spoken="Meet me at the ST."),))
    script = plan_script(doc, Config(abbreviations={"en": STREET, "en-GB": STATE}), corrections=fixes)
    assert [s.spoken for s in script.segments][1:] == ["Meet me at the state."]
