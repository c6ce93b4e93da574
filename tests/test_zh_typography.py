"""Chinese typography said as a reader says it (issue 19 item 4): narrator/script/zh_typography.py,
through the planner's spoken form; the written text is never changed."""

from __future__ import annotations

import pytest

from narrator.script.planner import spoken_text
from narrator.normalize.zh_typography import speak_typography


@pytest.mark.parametrize("written, said", [
    ("八佾（yì）雅乐之仪", "八佾雅乐之仪"),
    ("瓜瓞(dié)芃芃", "瓜瓞芃芃"),
    ("一幅蓝图宏昶（chǎng）。", "一幅蓝图宏昶。"),
    ("身陷囹圄（líng yǔ）", "身陷囹圄"),
    ("妈（ma1）", "妈"),
    ("八佾（ㄧˋ）", "八佾"),
])
def test_reading_glosses_are_not_read_again(written: str, said: str) -> None:
    assert speak_typography(written) == said


@pytest.mark.parametrize("kept", [
    "面积（m2）", "咖啡（café）", "智商（IQ）", "选项（a）", "知道安全论坛（Kcon V3）", "同源策略（SOP，Same-Origin Policy）",
])
def test_other_brackets_stay(kept: str) -> None:
    assert speak_typography(kept) == kept


@pytest.mark.parametrize("written, said", [
    ("所以她就盤算──到底還是", "所以她就盤算，到底還是"),
    ("盤算──（她亦不過醒著）──到底", "盤算，（她亦不過醒著），到底"),
    ("──你想這些事情", "你想這些事情"),
    ("是啊，──但是", "是啊，但是"),
    ("第─章", "第一章"),
    ("好━━走", "好，走"),
])
def test_box_drawing_dashes_are_pauses_or_one(written: str, said: str) -> None:
    assert speak_typography(written) == said


@pytest.mark.parametrize("written, said", [
    ("冰 島 的 首 都", "冰島的首都"),
    ("位於冰 島的首都", "位於冰島的首都"),
    ("第三届知道安全论坛鸟巢举办 知道创宇发布新版", "第三届知道安全论坛鸟巢举办 知道创宇发布新版"),
    ("北京 上海 广州", "北京 上海 广州"),
])
def test_conversion_spaces_inside_words_are_closed(written: str, said: str) -> None:
    assert speak_typography(written) == said


def test_vertical_forms_and_bullets() -> None:
    assert speak_typography("﹁你好﹂︵注︶") == "「你好」(注)"
    assert speak_typography("● 清明小长假首日出行") == "清明小长假首日出行"
    assert speak_typography("甲 ■ 乙") == "甲 乙"


def test_the_planner_says_it_for_chinese_only() -> None:
    assert spoken_text("八佾（yì）雅乐，2018年", "sentence", "zh") == "八佾雅乐，二零一八年"
    assert spoken_text("所以──到底", "sentence", "zh-TW") == "所以，到底"
    assert "(yì)" in spoken_text("The dance 佾 (yì) is old.", "sentence", "en")


def test_plain_text_comes_back_unchanged() -> None:
    text = "读书是最奢侈的享受，读书不是看书，而有选择的汲取。"
    assert speak_typography(text) is text


def test_a_chinese_label_keeps_its_language() -> None:
    from narrator.script.sentences import detect_lang

    assert detect_lang("資料來源：The Pew Research Center's Project for Excellence in Journalism.", "zh") == "zh"
    assert detect_lang("Tombkeeper：ROPs are for the 99%", "zh") == "en"
