"""When bytes are a binary file (narrator/parse/cleanup.py, decode_html): a NUL byte within the
first 65,536 bytes says so, or control characters above one in a hundred."""

from __future__ import annotations

import pytest

from narrator.errors import BadInput
from narrator.parse.cleanup import decode_html


def test_a_nul_byte_is_looked_for_in_the_first_65536_bytes() -> None:
    last = b"<p>" + b"a" * (65535 - 3) + b"\x00</p>"  # the NUL is byte 65,535 (from 0)
    with pytest.raises(BadInput) as e:
        decode_html(last, "f.bin")
    assert str(e.value) == "f.bin: binary file (NUL bytes), not an HTML document"
    past = b"<p>" + b"a" * (65536 - 3) + b"\x00</p>"  # one control character among 65,541: text
    assert decode_html(past, "f.html") == "<p>" + "a" * 65533 + "\x00</p>"


def test_control_characters_make_a_file_binary_above_one_in_a_hundred() -> None:
    def page(controls: int) -> bytes:  # 1,000 characters
        return b"<p>" + b"\x01" * controls + b"a" * (1000 - 7 - controls) + b"</p>"
    assert len(page(10)) == 1000
    assert decode_html(page(10), "f.html") == "<p>" + "\x01" * 10 + "a" * 983 + "</p>"
    with pytest.raises(BadInput) as e:
        decode_html(page(11), "f.bin")
    assert str(e.value) == "f.bin: binary file (control characters), not an HTML document"
