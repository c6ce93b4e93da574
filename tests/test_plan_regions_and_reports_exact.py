"""A paragraph's own region and language pick how its dates and abbreviations are said
(narrator.script.planner), with or without a lexicon; and the script carries the parse stage's
skip report and warnings on to the later stages."""

from __future__ import annotations

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run, Skipped
from narrator.script.planner import plan

US_DATE = "We met on 11/02/2016 there."


def spoken(document: Document, config: Config | None = None) -> list[str]:
    return [s.spoken for s in plan(document, config or Config()).segments]


def british_page(*blocks: Block) -> Document:
    return Document("T", "en", (Chapter(1, "", blocks),), region="en-GB")  # <html lang="en-GB">


def test_a_paragraph_of_its_own_region_says_its_dates_as_that_region_writes_them() -> None:
    # in an en-GB page 11/02/2016 is the 11th of February; a <p lang="en-US"> writes the month first
    assert spoken(british_page(Block("paragraph", (Run(US_DATE),)))) == [
        "We met on the eleventh of february twenty sixteen there."]
    assert spoken(british_page(Block("paragraph", (Run(US_DATE),), lang="en-US"))) == [
        "We met on november second twenty sixteen there."]


def test_a_paragraph_s_own_region_still_counts_when_a_lexicon_is_in_use() -> None:
    config = Config(lexicon={"*": {"met": "mett"}})
    assert spoken(british_page(Block("paragraph", (Run(US_DATE),), lang="en-US")), config) == [
        "We mett on november second twenty sixteen there."]


def test_an_english_sentence_in_a_chinese_page_takes_the_english_abbreviations() -> None:
    config = Config(abbreviations={"en": {"approx.": "roughly"}, "zh": {"approx.": "大约"}})
    page = Document("T", "zh", (Chapter(1, "", (Block("paragraph", (Run("It weighs approx. ten grams."),)),)),))
    assert spoken(page, config) == ["It weighs roughly ten grams."]


def test_the_script_keeps_the_documents_skip_report_and_warnings() -> None:
    table = Skipped("p. 2", "data table", "tables are not read", chars=120, rows=4)
    page = Document("T", "en", (Chapter(1, "", (Block("paragraph", (Run("Hello there."),)),)),),
                    skipped=(table,), warnings=("invalid bytes replaced in lesson.html",))
    script = plan(page, Config())
    assert script.skipped == (table,)
    assert script.warnings == ("invalid bytes replaced in lesson.html",)
