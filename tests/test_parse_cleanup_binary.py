"""When bytes are a binary file (narrator/parse/cleanup.py, decode_html): a NUL byte within the
first 65,536 bytes says so."""

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
