"""The language parse_html gives a document (narrator/parse/__init__.py), in the cases the exact
tests leave open: the text only overrules a declared language for a Latin-script one."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html


def lang(markup: str) -> str:
    return parse_html(markup.encode(), "dir/lesson.html", ParseConfig()).lang


def test_japanese_kana_or_korean_text_does_not_overrule_the_declared_language() -> None:
    # over 50 words the identifier names with confidence ("ja", "ko"); Chinese characters alone
    # decide "zh" (by their count), and Japanese and Korean are not taken from the text
    kana = "これは ひらがなと カタカナだけの ぶんしょうです。 みんなで いっしょに よみましょう。 " * 8
    hangul = "이 수업에서는 식물이 빛과 물과 공기로 잎에서 양분을 만드는 방법을 배웁니다. " * 6
    assert lang(f'<html lang="fr"><body><p>{kana}</p></body></html>') == "fr"
    assert lang(f'<html lang="fr"><body><p>{hangul}</p></body></html>') == "fr"
    assert lang(f"<p>{hangul}</p>") == "en"  # nothing declared: the default


def test_chinese_characters_weigh_three_latin_letters_across_blocks() -> None:
    # the blocks' text is counted as it is, joined: 2 characters against 6 letters is Chinese
    assert lang("<p>一二</p><p>abcdef</p>") == "zh"
    assert lang("<p>一二</p><p>abcdefg</p>") == "en"


def test_the_language_is_judged_on_the_first_2000_blocks_and_200000_characters() -> None:
    # 700 Chinese characters outweigh 1,999 or 2,000 one-letter blocks, when they are looked at
    assert lang("<p>a</p>" * 1999 + "<p>" + "一" * 700 + "</p>") == "zh"
    assert lang("<p>a</p>" * 2000 + "<p>" + "一" * 700 + "</p>") == "en"
    # digits are neither: one Chinese character is the whole count, when it is looked at
    assert lang("<p>" + "1" * 199_999 + "一</p>") == "zh"
    assert lang("<p>" + "1" * 200_000 + "一</p>") == "en"
