"""Where decode_html looks for a charset declaration, exactly (narrator/parse/cleanup.py): only in
the first 8,192 bytes, a declaration the window cuts is read as far as it goes; and what counts
as a non-ASCII character when undeclared bytes are guessed Chinese."""

from __future__ import annotations

import pytest

from narrator.errors import BadInput
from narrator.parse.cleanup import decode_html

WINDOW = 8192


def ending_at(last: int, declaration: bytes, rest: bytes) -> bytes:
    """A page whose ``declaration`` has its last byte at offset ``last``, then ``rest``."""
    head = b"<p>" + b"a" * (last + 1 - 3 - len(declaration))
    data = head + declaration + rest
    assert data.index(declaration) + len(declaration) - 1 == last
    return data


def test_a_declared_charset_is_read_within_the_first_8192_bytes_only() -> None:
    inside = ending_at(WINDOW - 1, b"<meta charset=cp1251", b"><p>caf\xe9</p>")
    assert decode_html(inside, "f.html") == inside[:WINDOW].decode("ascii") + "><p>cafй</p>"
    # one byte later the window holds "cp125", no charset: the bytes are guessed (Windows-1252)
    cut = ending_at(WINDOW, b"<meta charset=cp1251", b"><p>caf\xe9</p>")
    assert decode_html(cut, "f.html") == cut[:WINDOW + 1].decode("ascii") + "><p>café</p>"


def test_a_declaration_whose_name_starts_past_the_window_does_not_stop_a_utf8_repair() -> None:
    data = ending_at(WINDOW - 1, b"<meta charset=", b"koi8-r><p>\xc3\xa9 \xff</p>")
    text = decode_html(data, "f.html")
    assert text == data[:WINDOW].decode("ascii") + "koi8-r><p>é </p>"
    bad = data.index(b"\xff")
    assert text.warning == f"invalid UTF-8 byte at offset {bad} dropped"  # type: ignore[attr-defined]


def test_a_utf8_declaration_is_believed_only_whole_inside_the_window() -> None:
    whole = ending_at(WINDOW - 1, b'<meta charset="utf-8', b'"><p>\xc3\xa9 \xff</p>')
    text = decode_html(whole, "f.html")
    assert text == whole[:WINDOW].decode("ascii") + '"><p>é </p>'
    bad = whole.index(b"\xff")
    assert text.warning == f"invalid UTF-8 byte at offset {bad} dropped"  # type: ignore[attr-defined]
    # cut to "utf-" by the window: not a UTF-8 declaration, so the invalid byte is not repaired
    cut = ending_at(WINDOW, b'<meta charset="utf-8', b'"><p>\xc3\xa9 \xff</p>')
    with pytest.raises(BadInput) as e:
        decode_html(cut, "f.html")
    bad = cut.index(b"\xff")
    assert str(e.value) == f"f.html: bytes are neither UTF-8 nor the declared utf- (invalid at byte {bad})"


def test_a_c1_control_character_is_non_ascii_when_guessing_chinese() -> None:
    han = "中文字符在这里出现"  # nine Chinese characters
    one = f"<p>{han}\x80</p>".encode("gb18030")
    assert decode_html(one, "f.html") == f"<p>{han}\x80</p>"  # 9 of 10 non-ASCII characters are Chinese
    two = f"<p>{han}\x80\x80</p>".encode("gb18030")  # 9 of 11: not Chinese; and not Windows-1252 (0x81)
    with pytest.raises(BadInput) as e:
        decode_html(two, "f.html")
    bad = two.index(b"\x81")
    assert str(e.value) == f"f.html: cannot decode: not UTF-8 and no usable charset declaration (invalid byte at {bad})"
