"""The region a lesson's <html lang> names picks its abbreviations table ([abbreviations.en-GB]
before [abbreviations.en]), for the planner and for a teacher's corrected sentence alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrator.config import Config
from narrator.pipeline import plan

STREET, STATE = {"ST": "street"}, {"ST": "state"}


def said(tmp_path: Path, html_lang: str, tables: dict[str, dict[str, str]]) -> str:
    lesson = tmp_path / "lesson.html"
    lesson.write_text(f'<html lang="{html_lang}"><body><h1>Roads</h1><p>Go to ST 5 now.</p></body></html>',
                      encoding="utf-8")
    return plan(lesson, Config(abbreviations=tables)).segments[-1].spoken


@pytest.mark.parametrize(("html_lang", "spoken"), [
    ("en-GB", "Go to state five now."),  # the region's own table first
    ("en_gb", "Go to state five now."),  # the usual slip and any case
    ("en-US", "Go to street five now."),  # no en-US table: the language's
    ("en", "Go to street five now."),
])
def test_the_lesson_s_region_picks_its_table(tmp_path: Path, html_lang: str, spoken: str) -> None:
    assert said(tmp_path, html_lang, {"en-GB": STATE, "en": STREET}) == spoken


def test_a_region_table_alone_serves_only_its_region(tmp_path: Path) -> None:
    assert said(tmp_path, "en-GB", {"en-GB": STATE}) == "Go to state five now."
    assert said(tmp_path, "en-AU", {"en-GB": STATE}) == "Go to ST five now."


def test_a_corrected_sentence_is_said_with_the_lesson_s_region(tmp_path: Path) -> None:
    from narrator.parse import parse_html
    from narrator.script import plan_script
    from narrator.script.corrections import Corrections, SentenceFix

    html = b'<html lang="en-GB"><body><h1>Roads</h1><p>Go to ST 5 now.</p></body></html>'
    config = Config(abbreviations={"en-GB": STATE, "en": STREET})
    document = parse_html(html, "lesson.html", config.parse)
    assert document.region == "en-GB"
    first = plan_script(document, config).segments[-1]
    fix = SentenceFix(text=first.text, spoken="Go to ST 8 now.")
    fixed = plan_script(document, config, corrections=Corrections(sentences=(fix,))).segments[-1]
    assert (first.spoken, fixed.spoken) == ("Go to state five now.", "Go to state eight now.")


def test_dates_are_said_as_the_lesson_s_region_writes_them(tmp_path: Path) -> None:
    def date(html_lang: str) -> str:
        lesson = tmp_path / "exam.html"
        lesson.write_text(f'<html lang="{html_lang}"><body><h1>Exam</h1><p>The exam is on 11/02/2016.</p>'
                          "</body></html>", encoding="utf-8")
        return plan(lesson).segments[-1].spoken

    assert date("en-GB") == "The exam is on the eleventh of february twenty sixteen."  # day first
    assert date("en-AU") == date("en-GB")
    assert date("en-US") == "The exam is on november second twenty sixteen."
    assert date("en") == date("en-US")


def test_a_corrected_sentence_s_date_is_said_as_the_lesson_s_region_writes_it() -> None:
    from narrator.parse import parse_html
    from narrator.script import plan_script
    from narrator.script.corrections import Corrections, SentenceFix

    html = b'<html lang="en-GB"><body><h1>Exam</h1><p>The exam is soon.</p></body></html>'
    config = Config()
    document = parse_html(html, "exam.html", config.parse)
    fix = SentenceFix(text="The exam is soon.", spoken="The exam is on 11/02/2016.")
    fixed = plan_script(document, config, corrections=Corrections(sentences=(fix,))).segments[-1]
    assert fixed.spoken == "The exam is on the eleventh of february twenty sixteen."


def test_a_script_subtag_is_looked_past_for_the_region(tmp_path: Path) -> None:
    from narrator.normalize import normalize
    from narrator.script.planner import abbreviations_for

    assert said(tmp_path, "en-Latn-GB", {"en-GB": STATE, "en": STREET}) == "Go to state five now."
    assert abbreviations_for({"zh-TW": STATE, "zh": STREET}, "zh-Hant-TW") == STATE
    assert abbreviations_for({"zh-Hant-TW": STATE, "zh-TW": STREET}, "zh-Hant-TW") == STATE
    assert abbreviations_for({"zh-Hant": STATE, "zh": STREET}, "zh-Hant") == STATE
    assert abbreviations_for({"zh": STREET}, "zh-Hant-TW") == STREET
    assert normalize("On 11/02/2016.", "en-Latn-GB") == normalize("On 11/02/2016.", "en-GB") == \
        "On the eleventh of february twenty sixteen."
