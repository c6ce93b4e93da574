"""Room for an item's number, to the character (narrator.script.planner): a sentence of exactly
the limit with no number to say is one segment; in Chinese, item 3 says "三、" first, so its
first sentence may hold 78 characters of the 80, not 79; a sentence saying exactly the limit
once its numbers are said in words stays whole."""

from __future__ import annotations

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan


def segments(text: str, lang: str, number: int = 0, kind: str = "item") -> list[tuple[str, str]]:
    block = Block(kind, (Run(text),), level=1, ordered=number > 0, item=number)  # type: ignore[arg-type]
    doc = Document("T", lang, (Chapter(1, "Steps", (Block("heading", (Run("Steps"),), level=1), block)),))
    return [(s.text, s.spoken) for s in plan(doc, Config()).segments][1:]


def test_a_paragraph_of_exactly_the_limit_is_one_segment() -> None:
    sentence = " ".join(["word"] * 32) + "."
    assert Config().text.max_chars == len(sentence) == 160
    assert segments(sentence, "en", kind="paragraph") == [(sentence, sentence)]


def test_a_chinese_item_number_takes_its_characters_and_its_comma() -> None:
    assert Config().text.max_chars_cjk == 80
    fits = "甲" * 38 + "，" + "乙" * 38 + "。"  # 78: with "三、" 80
    assert segments(fits, "zh", 3) == [(fits, "三、" + fits)]
    over = "甲" * 39 + "，" + "乙" * 38 + "。"  # 79: cut at its comma
    assert segments(over, "zh", 3) == [("甲" * 39 + "，", "三、" + "甲" * 39 + "，"), ("乙" * 38 + "。", "乙" * 38 + "。")]


def test_a_sentence_saying_exactly_the_limit_once_its_number_is_said_stays_whole() -> None:
    # 157 characters written; "5" is said "five": 160 said, exactly the limit
    sentence = "We counted 5 birds " + " ".join(["near"] * 26) + " the sea."
    said = sentence.replace("5", "five")
    assert (len(sentence), len(said)) == (157, 160)
    assert segments(sentence, "en", kind="paragraph") == [(sentence, said)]
    # one character more (158) says 161: cut in two between words, as evenly as they allow
    # (78 + 79): the first piece ends in a clause pause, the second as its paragraph does
    over = sentence[:-1] + "s."
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", (Run(over),)), Block("paragraph", (Run("Bye."),)))),))
    pauses = Config().pauses
    first, second = over[:78], over[79:]
    assert [(s.text, s.spoken, s.boundary, s.pause_after_ms, s.span, s.block) for s in plan(doc, Config()).segments] == [
        (first, first.replace("5", "five"), "clause", pauses.clause, (0, 78), 0),
        (second, second, "paragraph", pauses.paragraph, (79, 158), 0),
        ("Bye.", "Bye.", "end", 0, (0, 4), 1)]


def test_a_chinese_paragraph_of_exactly_the_limit_is_one_segment() -> None:
    sentence = "甲" * 39 + "，" + "乙" * 39 + "。"  # 80
    assert segments(sentence, "zh", kind="paragraph") == [(sentence, sentence)]


def test_the_last_piece_of_a_cut_sentence_ends_as_a_sentence() -> None:
    over = "We counted 5 birds " + " ".join(["near"] * 26) + " the seas."  # says 161: cut in two
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", (Run(over + " Bye."),)),)),))
    pauses = Config().pauses
    assert [(s.boundary, s.pause_after_ms, s.span) for s in plan(doc, Config()).segments] == [
        ("clause", pauses.clause, (0, 78)), ("sentence", pauses.sentence, (79, 158)), ("end", 0, (159, 163))]
