"""The English unit table as it is built (narrator.normalize.en_tables._units): prefixed units,
letters that are units only with a prefix, the one-word kilohm and megohm, and "pm" left to the
clock. Built again here (the module builds it once at import, before a test can look)."""

from __future__ import annotations

from narrator.normalize.en_tables import _units


def test_prefixed_units_are_said_with_their_prefix() -> None:
    units = _units()
    assert units["m"] == ("meter", "meters")
    assert units["ms"] == ("millisecond", "milliseconds")
    assert units["µs"] == ("microsecond", "microseconds")
    assert units["GHz"] == ("gigahertz", "gigahertz")
    assert units["mA"] == ("milliamp", "milliamps")
    assert units["pF"] == ("picofarad", "picofarads")
    assert units["KB"] == ("kilobyte", "kilobytes")
    assert units["kt"] == ("kilotonne", "kilotonnes")
    assert units["kWh"] == ("kilowatt hour", "kilowatt hours")


def test_letters_that_are_words_alone_are_units_only_with_a_prefix() -> None:
    units = _units()
    assert not {"A", "F", "H", "B", "b", "t"} & set(units)


def test_plain_units_ohms_and_pm() -> None:
    units = _units()
    assert units["min"] == ("minute", "minutes")
    assert units["psi"] == ("P S I", "P S I")
    assert units["Ω"] == ("ohm", "ohms")
    assert units["kΩ"] == ("kilohm", "kilohms")     # one word, not "kiloohm"
    assert units["MΩ"] == ("megohm", "megohms")
    assert "pm" not in units                          # 5 pm is a time
