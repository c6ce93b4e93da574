"""A block's own region picks its abbreviations table (narrator.script.planner): in an en-GB
document, <p lang="en-US"> takes [abbreviations.en-US] (else [abbreviations.en]), never the
page's en-GB table; blocks without a region, or in another language, keep the document's."""

from __future__ import annotations

from collections.abc import Mapping

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

STREET, STATE = {"ST": "street"}, {"ST": "state"}
SENTENCE = "Go to ST 5 now."


def said(doc_lang: str, tables: Mapping[str, Mapping[str, str]], *blocks: tuple[str, str | None]) -> list[str]:
    """What each paragraph ((text, lang) in order) says, after the chapter's heading."""
    doc = Document("T", doc_lang, (Chapter(1, "Intro", (
        Block("heading", (Run("Intro"),), level=1),
        *(Block("paragraph", (Run(text),), lang=lang) for text, lang in blocks))),))
    return [s.spoken for s in plan(doc, Config(abbreviations=tables)).segments][1:]


def test_a_block_in_another_region_takes_that_region_s_table() -> None:
    tables = {"en-GB": STATE, "en-US": STREET}
    # the same sentence in each block: each is said with its own table (not one remembered for all)
    assert said("en-GB", tables, (SENTENCE, "en-US"), (SENTENCE, None), (SENTENCE, "en-US")) == [
        "Go to street five now.", "Go to state five now.", "Go to street five now."]
    assert said("en-GB", tables, (SENTENCE, None), (SENTENCE, "en_us"), (SENTENCE, None)) == [
        "Go to state five now.", "Go to street five now.", "Go to state five now."]


def test_a_block_in_another_region_falls_back_to_the_language_s_table() -> None:
    # en-US has no table of its own: [abbreviations.en], not the page's en-GB one
    assert said("en-GB", {"en": STREET, "en-GB": STATE}, (SENTENCE, "en-US")) == ["Go to street five now."]
    assert said("en-GB", {"en-GB": STATE}, (SENTENCE, "en-US")) == ["Go to ST five now."]


def test_a_block_region_reaches_a_document_without_one() -> None:
    assert said("en", {"en-GB": STATE}, (SENTENCE, "en-GB"), (SENTENCE, None)) == [
        "Go to state five now.", "Go to ST five now."]


def test_a_block_of_another_language_keeps_the_document_s_region() -> None:
    # a zh-CN block holding English: read as English, so the document's en-GB table applies
    assert said("en-GB", {"en-GB": STATE, "en": STREET}, (SENTENCE, "zh-CN")) == ["Go to state five now."]
    # a bare "en" names no region: the document's stays
    assert said("en-GB", {"en-GB": STATE, "en-US": STREET}, (SENTENCE, "en")) == ["Go to state five now."]


def test_a_block_s_region_holds_for_every_piece_of_a_long_sentence() -> None:
    # over the 200-character limit once "ST" is said "street": cut into pieces, each with the
    # block's table
    words = " ".join(["ST"] * 60) + "."
    pieces = said("en-GB", {"en-GB": STATE, "en-US": STREET}, (words, "en-US"))
    assert len(pieces) > 1
    assert " ".join(pieces).split() == ["street"] * 59 + ["street."]


def test_a_regional_tag_without_its_own_table_takes_its_language_s() -> None:
    from narrator.script.planner import abbreviations_for

    assert abbreviations_for({"en": STATE}, "en-GB") == STATE
    assert abbreviations_for({"en": STATE}, "en_GB", "en-US") == STATE
    assert abbreviations_for({"en-gb": STREET, "en": STATE}, "EN-GB") == STREET
    assert abbreviations_for({"en-GB": STREET}, "en-US") is None
