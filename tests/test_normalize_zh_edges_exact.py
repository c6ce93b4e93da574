"""Chinese normalisation at the edges of its rules, exactly (narrator.normalize.zh): short years
and eras, 号 with and without a month, which joiner two years take, the last hour and an
impossible second, every currency and code, powers of units, 二 before 摄氏度 and 华氏度, every
range mark, a year against a count, binary groups, acronym codes, signs, user abbreviations,
traditional output, and the digit-by-digit fallback when a rule breaks."""

from __future__ import annotations

import pytest

from helpers import assert_said
import narrator.normalize.zh as zh
from narrator.normalize.zh import digits, normalize_zh, say_number


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


def _check(cases: list[tuple[str, str]]) -> None:
    assert_said(normalize_zh, cases)


def test_years_days_and_eras() -> None:
    _check([
        ("98年3月", "九八年三月"), ("2年", "两年"), ("公元2年", "公元二年"), ("3号", "三号"), ("5月3号", "五月三日"),
        ("3日", "三日"), ("3號", "三號"), ("2009.13.31", "二零零九点十三点三十一"),
    ])


def test_two_years() -> None:
    _check([
        ("2000、2002", "二零零零或二零零二"), ("2000或2002", "二零零零或二零零二"),
        ("2000-2002年", "二零零零年到二零零二年"), ("2000/2002", "二零零零到二零零二"),
    ])


def test_times() -> None:
    _check([("24:00", "二十四点"), ("3:05", "三点五分"), ("12:30:60", "十二比三十比六十"), ("1ʰ", "一时")])


def test_percent_signs() -> None:
    _check([("＋5%", "增加百分之五"), ("-5‰", "负千分之五"), ("±5‰", "正负千分之五"), ("涨+5%", "涨百分之五")])


def test_currencies_and_codes() -> None:
    _check([
        ("$-5", "负五美元"), ("¥5元", "五元"), ("$1.50", "一点五美元"), ("$1.00", "一美元"), ("JP¥100", "一百日元"),
        ("HK$5", "五港元"), ("NT$5", "五新台币"), ("£5", "五英镑"), ("₩5", "五韩元"), ("5 EUR", "五欧元"),
        ("5 GBP", "五英镑"), ("5 JPY", "五日元"), ("5 HKD", "五港元"), ("5 CNY", "五元"),
    ])


def test_angles_primes_and_units() -> None:
    _check([
        ("30°15′", "三十度十五分"), ("30.5°", "三十点五度"), ("5′", "五分"), ("5′30″", "五分三十秒"),
        ("5mm³", "五立方毫米"), ("2℃", "二摄氏度"), ("2°F", "二华氏度"), ("2m", "两米"), ("-5kg", "负五千克"),
        ("-2kg", "负两千克"),
    ])


def test_fractions_ratios_and_ranges() -> None:
    _check([
        ("1 / 3", "三分之一"), ("1 : 2", "一比二"), ("1.5:1", "一点五比一"), ("1,000-2,000", "一千到两千"),
        ("5-3", "五-三"), ("3 - 5", "三到五"), ("3—5", "三到五"), ("3～5", "三到五"), ("3至5", "三到五"),
        ("1.22.333", "一点二十二点三三三"), ("图1-2", "图一杠二"), ("表 3–4", "表 三杠四"), ("例1.2", "例一点二"),
    ])


def test_a_year_or_a_count_and_codes() -> None:
    _check([
        ("1999 个", "一千九百九十九 个"), ("约 2000", "约 两千"), ("2000多", "两千多"), ("2000万", "两千万"),
        ("0101 1010", "零一零一 一零一零"), ("01 10", "零一 十"), ("GB 2312", "GB 二三一二"), ("ABC123", "ABC一二三"),
    ])


def test_ordinals_liang_and_signs() -> None:
    _check([
        ("第 3", "第 三"), ("第10", "第十"), ("12个", "十二个"), ("十2个", "十二个"), ("2.0个", "二点零个"),
        ("x-5", "x-五"), ("(-5)", "(负五)"), ("第 2 名", "第 二 名"), ("这是®和™", "这是注册商标和商标"),
    ])


def test_script_and_fullwidth_digits() -> None:
    _check([("這個數字是20000", "這個數字是兩萬"), ("３個", "三個")])


def test_abbreviations_are_whole_tokens() -> None:
    assert normalize_zh("用AI做", {"AI": "人工智能"}) == "用人工智能做"
    assert normalize_zh("MAIL", {"AI": "人工智能"}) == "MAIL"
    assert normalize_zh("用AI做", {"": "x"}) == "用AI做"


def test_say_number_and_digits() -> None:
    said = [say_number(x) for x in ["１２", "1,000", "-5", "−5", "－5", "+5", "＋5", "", "abc", "1.2.3", "2"]]
    assert said == ["十二", "一千", "负五", "负五", "负五", "正五", "正五", "", "", "一二三", "二"]
    assert say_number("2", True) == "两" and say_number("-2", True) == "负两" and say_number("12", True) == "十二"
    assert say_number("12345678901234567") == "一二三四五六七八九零一二三四五六七"   # 17 digits: one by one
    assert say_number("1234567890123456") == "一千二百三十四万五千六百七十八亿九千零一十二万三千四百五十六"
    assert digits("0123456789") == "零一二三四五六七八九"
    assert digits("0123456789", phone=True) == "零幺二三四五六七八九"
    assert digits("a1b") == "一"


def test_a_broken_rule_says_the_digits_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> str:
        raise RuntimeError("a bug")

    monkeypatch.setattr(zh, "_normalize", broken)
    assert normalize_zh("第42页，４２") == "第四二页，四二"


def test_slashed_dates_put_a_day_past_twelve_second() -> None:
    _check([("13/12/2016", "二零一六年十二月十三日"), ("12/13/2016", "二零一六年十二月十三日")])


def test_binary_groups_beside_other_numbers() -> None:
    # said by their own rule: the fallback would read 12 as 一二 too
    _check([("1000 0001，共12个", "一零零零 零零零一，共十二个")])


def test_a_slashed_date_must_be_possible() -> None:
    _check([("1/1/2016", "二零一六年一月一日"), ("12/31/2016", "二零一六年十二月三十一日")])
    for impossible in ("13/45/2016", "1/32/2016", "13/13/2016"):
        said = normalize_zh(impossible)
        assert "月" not in said and "日" not in said, (impossible, said)


def test_dotted_dates_at_their_limits() -> None:
    _check([("2009.01.01", "二零零九年一月一日"), ("2009.12.05", "二零零九年十二月五日")])
    assert "日" not in normalize_zh("2009.01.32")
