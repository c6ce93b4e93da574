"""What a Chinese sentence's markup, lists and links are said as (narrator.script.planner.spoken_text):
in Chinese words and Chinese commas, not English ones."""

from __future__ import annotations

import pytest

from narrator.script.planner import spoken_text


@pytest.mark.parametrize("written, said", [
    ("文件|编辑|视图", "文件，编辑，视图"),  # a menu list: Chinese commas between its items
    ("如果 x < 100 就停止。", "如果 x 小于 一百 就停止。"),  # a comparison: "less than" in Chinese
    ("用 List<String> 类型。", "用 List 的 String 类型。"),  # a generic type
    ("访问 https://www.example.com/a 看看。", "访问 example 点 com 看看。"),  # a link: its site, "dot" in Chinese
    ("发邮件到 a.b@example.com 吧。", "发邮件到 a 点 b at example 点 com 吧。"),
])
def test_a_chinese_sentence_says_its_markup_in_chinese(written: str, said: str) -> None:
    assert spoken_text(written, "sentence", "zh") == said
