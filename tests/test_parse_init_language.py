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
