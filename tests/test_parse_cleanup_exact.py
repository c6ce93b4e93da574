"""Bytes to clean text, exactly (narrator/parse/cleanup.py): charsets decoded and verified, the
one-line errors, plain text made markup, Word's list markers, chrome names, front matter and
template syntax."""

from __future__ import annotations

import codecs

import pytest

from narrator.errors import BadInput
from narrator.parse.cleanup import (as_html, decode_html, is_chrome_name, is_furniture_name, strip_front_matter,
                                    strip_templates, strip_word_markup)


def problem(call: object, *args: object) -> str:
    with pytest.raises(BadInput) as e:
        call(*args)  # type: ignore[operator]
    return str(e.value)


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
                                        (codecs.BOM_UTF32_BE, "utf-32-be")])
def test_a_byte_order_mark_names_the_encoding(bom: bytes, codec: str) -> None:
    assert decode_html(bom + "<p>hé</p>".encode(codec), "f.html") == "<p>hé</p>"


def test_bad_bytes_are_one_line_errors() -> None:
    assert problem(decode_html, codecs.BOM_UTF8 + b"ok\xff", "f.html") == \
        "f.html: invalid utf-8 after its byte-order mark at byte 2"
    assert problem(decode_html, b"<p>a\x00b</p>", "f.html") == "f.html: binary file (NUL bytes), not an HTML document"
    assert problem(decode_html, b"<p>" + b"\x01" * 9 + b"</p>", "f.html") == \
        "f.html: binary file (control characters), not an HTML document"
    assert decode_html(b"<p>" + b"\x01" * 8 + b"</p>", "f.html") == "<p>" + "\x01" * 8 + "</p>"
    assert problem(decode_html, b'<meta charset="shift_jis"><p>\x82\xa0 \xff\xff</p>', "f.html") == \
        "f.html: bytes are neither UTF-8 nor the declared shift_jis (invalid at byte 32)"
    assert problem(decode_html, b"<p>\x81\x8d caf\xe9</p>", "f.html") == \
        "f.html: cannot decode: not UTF-8 and no usable charset declaration (invalid byte at 3)"


def test_legacy_charsets_declared_or_guessed() -> None:
    assert decode_html("<p>中文</p>".encode("gb18030"), "f.html") == "<p>中文</p>"
    assert decode_html(b'<meta charset="gb2312"><p>' + "中文".encode("gbk") + b"</p>", "f.html") == \
        '<meta charset="gb2312"><p>中文</p>'
    assert decode_html(b"<p>caf\xe9 na\xefve</p>", "f.html") == "<p>café naïve</p>"
    assert decode_html(b'<meta charset="koi8-r"><p>\xf0\xf2</p>', "f.html") == '<meta charset="koi8-r"><p>ПР</p>'
    assert decode_html(b'<meta charset="bogus"><p>caf\xe9</p>', "f.html") == '<meta charset="bogus"><p>café</p>'
    # ISO-8859-1 declared is read as Windows-1252 (its superset): 0x80 is the euro sign
    assert decode_html(b'<?xml version="1.0" encoding="iso-8859-1"?><p>caf\xe9 \x80</p>', "f.html") == \
        '<?xml version="1.0" encoding="iso-8859-1"?><p>café €</p>'
    # a declared latin1 page with UTF-8 bytes and one invalid byte is latin1, not repaired UTF-8
    assert decode_html(b'<meta charset="latin1"><p>\xc3\xa9 \xff</p>', "f.html") == '<meta charset="latin1"><p>Ã© ÿ</p>'


def test_a_few_invalid_bytes_in_utf8_are_dropped_with_a_warning() -> None:
    one = decode_html(b'<meta charset="utf-8"><p>\xc3\xa9 \xff</p>', "f.html")
    assert one == '<meta charset="utf-8"><p>é </p>'
    assert one.warning == "invalid UTF-8 byte at offset 28 dropped"  # type: ignore[attr-defined]
    data = b"<p>" + b"a" * 5000 + b"\xc3\xa9 \xff x \xfe</p>"
    two = decode_html(data, "f.html")
    assert two == "<p>" + "a" * 5000 + "é  x </p>"
    first, second = data.index(b"\xff"), data.index(b"\xfe")
    assert (first, second) == (5006, 5010)
    assert two.warning == "invalid UTF-8 bytes at offsets 5006, 5010 dropped"  # type: ignore[attr-defined]
    # more than eight: another charset
    many = b"<p>" + b"a" * 30000 + b"\xc3\xa9" + b" \xff" * 9 + b"</p>"
    assert decode_html(many, "f.html") == "<p>" + "a" * 30000 + "Ã©" + " ÿ" * 9 + "</p>"
    # one invalid byte per 2,000: another charset
    assert decode_html(b"<p>ok \xc3\xa9 \xff a \xfe</p>", "f.html") == "<p>ok Ã© ÿ a þ</p>"
    # no valid multibyte character at all: another charset
    assert decode_html(b"<p>caf\xe9 only one bad</p>", "f.html") == "<p>café only one bad</p>"


def test_plain_text_becomes_paragraphs_and_json_is_refused() -> None:
    assert as_html("<p>x</p>", "t.txt") == "<p>x</p>"
    assert as_html("Fish &amp; chips\n\n<3 and >\n \nthird", "t.txt") == \
        "<p>Fish &amp; chips</p>\n<p>&lt;3 and &gt;</p>\n<p>third</p>\n"
    assert as_html("{not json", "t.txt") == "<p>{not json</p>\n"
    assert problem(as_html, "  \n", "t.txt") == "t.txt: empty document"
    assert problem(as_html, "&nbsp; \u200b", "t.txt") == "t.txt: empty document"
    assert problem(as_html, '{"a": 1}', "t.txt") == "t.txt: this is JSON, not an HTML document"
    assert problem(as_html, " [1, 2] ", "t.txt") == "t.txt: this is JSON, not an HTML document"


def test_word_list_markers_are_removed_before_parsing() -> None:
    assert strip_word_markup("<p><![if !supportLists]>1.<![endif]>First</p>"
                             "<p><!--[if !supportLists]-->-<!--[endif]-->Second</p>") == "<p>First</p><p>Second</p>"
    assert strip_word_markup("<p><![IF !supportLists]>a.<![ENDIF]>x</p>") == "<p>x</p>"
    assert strip_word_markup("<p>supportLists alone</p>") == "<p>supportLists alone</p>"


def test_chrome_and_furniture_names() -> None:
    chrome = ["site-nav", "main_footer", "Call-To-Action-box", "calltoaction", "top navbar", "sidebar", "header",
              "cookie-bar", "gdpr"]
    assert [is_chrome_name(n) for n in chrome] == [True] * 9
    assert [is_chrome_name(n) for n in ("navigator", "footers", "content", "")] == [False] * 4
    assert [is_furniture_name(n) for n in ("cookie-bar", "share_buttons", "calltoaction", "site-login")] == [True] * 4
    assert [is_furniture_name(n) for n in ("sidebar", "header", "related", "site-nav")] == [False] * 4


def test_front_matter_is_taken_from_the_start_only() -> None:
    assert strip_front_matter("---\ntitle: x\n---\n<p>Body</p>") == ("<p>Body</p>", "---\ntitle: x\n---\n")
    assert strip_front_matter("\ufeff---\r\ntitle: y\r\n...\r\n<p>B</p>") == ("<p>B</p>", "\ufeff---\r\ntitle: y\r\n...\r\n")
    assert strip_front_matter("---\na: 1\n---") == ("", "---\na: 1\n---")
    assert strip_front_matter("<p>x</p>\n---\na: 1\n---\n") == ("<p>x</p>\n---\na: 1\n---\n", "")


def test_template_syntax_is_cut_and_returned() -> None:
    assert strip_templates("Hello {{ name }}, see {% if x %}this{% endif %} and ${var} {: .note}.") == (
        "Hello, see this and.", ["{{ name }}", "{% if x %}", "{% endif %}", "${var}", "{: .note}"])
    assert strip_templates("Cost <% price %> !") == ("Cost!", ["<% price %>"])
    assert strip_templates("a , b {x}") == ("a , b {x}", [])
    assert strip_templates("plain , text") == ("plain , text", [])


def test_an_upper_case_utf8_declaration_still_allows_a_repair() -> None:
    text = decode_html(b'<meta charset="UTF-8"><p>\xc3\xa9 \xff</p>', "f.html")
    assert text == '<meta charset="UTF-8"><p>é </p>'
    assert text.warning == "invalid UTF-8 byte at offset 28 dropped"  # type: ignore[attr-defined]


def test_eight_invalid_bytes_are_repaired_and_the_first_five_named() -> None:
    data = b"<p>" + b"a" * 20000 + b"\xc3\xa9" + b" \xff" * 8 + b"</p>"
    text = decode_html(data, "f.html")
    assert text == "<p>" + "a" * 20000 + "é" + " " * 8 + "</p>"
    offsets = [20006 + 2 * k for k in range(8)]
    assert [data[o] for o in offsets] == [0xFF] * 8
    assert text.warning == "invalid UTF-8 bytes at offsets 20006, 20008, 20010, 20012, 20014 dropped"  # type: ignore[attr-defined]


def test_two_invalid_bytes_need_two_thousand_bytes_around_them() -> None:
    def page(size: int) -> bytes:
        head = b"<p>\xc3\xa9 \xff \xfe "
        return head + b"a" * (size - len(head) - 4) + b"</p>"
    assert len(page(2000)) == 2000
    assert decode_html(page(2000), "f.html") == "<p>é   " + "a" * 1986 + "</p>"
    # one byte shorter: too many errors for UTF-8, so Windows-1252
    assert decode_html(page(1999), "f.html") == "<p>Ã© ÿ þ " + "a" * 1985 + "</p>"


def test_undeclared_bytes_are_chinese_when_nine_in_ten_characters_are() -> None:
    han = "中文字符在这里出现"
    assert decode_html(f"<p>{han}é</p>".encode("gb18030"), "f.html") == f"<p>{han}é</p>"
    assert decode_html(f"<p>{han}é\x7f</p>".encode("gb18030"), "f.html") == f"<p>{han}é\x7f</p>"  # DEL is ASCII
    eight = f"<p>{han[:8]}é</p>".encode("gb18030")
    assert decode_html(eight, "f.html") == eight.decode("cp1252") == "<p>ÖÐÎÄ×Ö·ûÔÚÕâÀï³ö¨¦</p>"


def test_a_false_utf8_declaration_falls_back_to_windows_1252() -> None:
    for declared in ("utf-8", "utf8", "UTF-8"):
        assert decode_html(f'<meta charset="{declared}"><p>caf'.encode() + b"\xe9</p>", "f.html") == \
            f'<meta charset="{declared}"><p>café</p>'
