"""safe_filename: hostile titles become safe, readable, bounded file names."""

from __future__ import annotations

import pytest

from narrator.publishing.filenames import safe_filename

RESERVED = set('<>:"/\\|?*') | {chr(c) for c in range(32)} | {"\x7f"}


@pytest.mark.parametrize("title, expected", [
    ("Introduction", "01-introduction.mp3"),
    ("第一章 总则", "01-第一章-总则.mp3"),
    ("../../etc/passwd", "01-etc-passwd.mp3"),
    ("..\\..\\windows\\system32", "01-windows-system32.mp3"),
    ("...hidden", "01-hidden.mp3"),
    ('a<b>c:d"e|f?g*h', "01-a-b-c-d-e-f-g-h.mp3"),
    ("Chapter #1: 100% done!", "01-chapter-1-100-done.mp3"),
    ("", "01-chapter.mp3"),
    ("\x00\x1f\u202e", "01-chapter.mp3"),
    ("  ---  ", "01-chapter.mp3"),
    ("Tab\tand\nnewline", "01-tab-and-newline.mp3"),
])
def test_titles(title: str, expected: str) -> None:
    assert safe_filename(title, index=1, ext="mp3") == expected


@pytest.mark.parametrize("title", ["CON", "nul", "Aux", "com1", "LPT9", "con.txt"])
def test_windows_device_names_are_never_a_stem(title: str) -> None:
    name = safe_filename(title, index=0, ext="vtt")
    assert name.split(".")[0].lower() not in {"con", "nul", "aux", "com1", "lpt9"}
    assert name.endswith(".vtt")


def test_index_and_extension_are_optional() -> None:
    assert safe_filename("My Lesson", index=0, ext="") == "my-lesson"
    assert safe_filename("My Lesson", index=12, ext=".m4b") == "12-my-lesson.m4b"
    assert safe_filename("X", index=123, ext="wav") == "123-x.wav"


@pytest.mark.parametrize("title", ["a" * 500, "中" * 200, "é" * 300, "ab中" * 80, "😀" * 90])
@pytest.mark.parametrize("max_bytes", [20, 41, 100])
def test_length_is_bounded_in_utf8_bytes_without_cutting_a_character(title: str, max_bytes: int) -> None:
    name = safe_filename(title, index=7, ext="flac", max_bytes=max_bytes)
    encoded = name.encode("utf-8")  # would raise on a broken surrogate; bytes decode round-trips
    assert len(encoded) <= max_bytes
    assert encoded.decode("utf-8") == name
    assert name.startswith("07-") and name.endswith(".flac") and len(name) > len("07-.flac")


@pytest.mark.parametrize("title", ["../x", "/abs/path", "a/../../b", "\\\\server\\share", ".", "..",
                                   "a\x00b", "<script>", "name. ", " .name"])
def test_result_is_a_plain_safe_name(title: str) -> None:
    for index in (0, 3):
        name = safe_filename(title, index=index, ext="mp3")
        assert not RESERVED & set(name)
        assert ".." not in name and not name.startswith(".") and not name.startswith("-")
        stem = name.removesuffix(".mp3")
        assert stem and not stem.endswith((".", " "))
