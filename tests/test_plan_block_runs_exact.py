"""What a block's runs and attributes decide about its sentences (narrator.script.planner): a
lang attribute on the block or on its one run, an inline emotion covering the whole block, the
block's language rules for sentence ends, a sentence with emphasis still cut by its written
text, identifiers measured by what is said, and a DOI-shaped formula with no DOI named beside
it still said as a formula. Exact values, worked out in the comments."""

from __future__ import annotations

from narrator.config import Config, TextConfig
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

MATH = frozenset({"math"})


def segments(*blocks: Block, lang: str = "en", max_chars: int = 160) -> list[tuple[str, str, str, str]]:
    """(text, spoken, lang, emotion) of each segment of one chapter holding ``blocks``."""
    doc = Document("T", lang, (Chapter(1, "", blocks),))
    return [(s.text, s.spoken, s.lang, s.emotion)
            for s in plan(doc, Config(text=TextConfig(max_chars=max_chars))).segments]


def test_a_lang_attribute_on_a_plain_block_or_its_one_run_is_the_sentence_s_language() -> None:
    # Latin letters alone say nothing of the language: without the attribute it is the page's
    french = "Bonjour tout le monde."
    assert segments(Block("paragraph", (Run(french),), lang="fr")) == [(french, french, "fr", "neutral")]
    assert segments(Block("paragraph", (Run(french, lang="fr"),))) == [(french, french, "fr", "neutral")]
    assert segments(Block("paragraph", (Run(french),))) == [(french, french, "en", "neutral")]


def test_an_inline_emotion_over_the_whole_block_is_its_emotion() -> None:
    assert segments(Block("paragraph", (Run("What a day!", emotion="excited"),))) == [
        ("What a day!", "What a day!", "en", "excited")]


def test_a_german_paragraph_keeps_german_abbreviations_inside_its_sentences() -> None:
    # "inkl." ends no German sentence, though a capitalised word follows (English rules would cut)
    sentence = "Das kostet inkl. Versand fünf Euro."
    assert segments(Block("paragraph", (Run(sentence),)), lang="de") == [(sentence, sentence, "de", "neutral")]


def test_a_sentence_with_emphasis_is_cut_by_its_written_text_when_its_numbers_say_too_much() -> None:
    # as without the emphasis: 72 written, 112 said (over 111); pieces of at most
    # 111 * 72 // 112 - 1 = 70 written, so the comma cuts it (48 and 23); the emphasis covers
    # 18 of its 57 characters other than spaces, under 60 %: neutral
    block = Block("paragraph", (Run("In 1999 we counted 205 birds near the old river, "),
                                Run("and 17 more by the sea.", frozenset({"em"}))))
    doc = Document("T", "en", (Chapter(1, "", (block,)),))
    assert [(s.text, s.spoken, s.boundary, s.span, s.emotion)
            for s in plan(doc, Config(text=TextConfig(max_chars=111))).segments] == [
        ("In 1999 we counted 205 birds near the old river,",
         "In nineteen ninety nine we counted two hundred and five birds near the old river,", "clause", (0, 48),
         "neutral"),
        ("and 17 more by the sea.", "and seventeen more by the sea.", "end", (49, 72), "neutral")]


def test_a_reference_s_doi_is_measured_by_what_is_said() -> None:
    # 67 written, over 40; said "See the proof in DOI and in the notes." (38): one sentence
    sentence = "See the proof in doi:10.1007/978-3-319-68474-1_13 and in the notes."
    assert segments(Block("paragraph", (Run(sentence),)), max_chars=40) == [
        (sentence, "See the proof in DOI and in the notes.", "en", "neutral")]


def test_a_doi_shaped_formula_with_no_doi_named_is_said_as_a_formula() -> None:
    # "10.2500/n" has the shape of a DOI's name, but no "doi" is written beside it: a division
    assert segments(Block("paragraph", (Run("Divide: "), Run("10.2500/n", MATH, math="10.2500/n"),
                                        Run(" is the rate.")))) == [
        ("Divide: 10.2500/n is the rate.", "Divide: ten point two five zero zero over n is the rate.", "en",
         "neutral")]
    # a block that is one formula has nothing beside it to name a DOI ("doi" inside is its own)
    assert segments(Block("paragraph", (Run("10.1000/doi.5", MATH, math="10.1000/doi.5"),))) == [
        ("10.1000/doi.5", "ten point one zero zero zero over d o i point five", "en", "neutral")]


def test_an_e_mail_address_longer_than_the_limit_is_never_cut_inside() -> None:
    # 48 characters, over 40, one token: a piece of its own, whole
    address = "admissions.office@physics.example-university.edu"
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", (Run(f"Write to {address} today."),)),)),))
    assert [(s.text, s.spoken, s.span) for s in plan(doc, Config(text=TextConfig(max_chars=40))).segments] == [
        ("Write to", "Write to", (0, 8)),
        (address, "admissions dot office at physics dot example dash university dot edu", (9, 57)),
        ("today.", "today.", (58, 64))]


def test_a_link_s_letters_never_decide_a_sentence_s_language() -> None:
    # 41 Latin letters in the link, 4 Chinese characters around it: Chinese, the site said in Chinese
    sentence = "请看 https://www.example.com/some/long/english/path/name 了解。"
    assert segments(Block("paragraph", (Run(sentence),))) == [(sentence, "请看 example 点 com 了解。", "zh", "neutral")]
