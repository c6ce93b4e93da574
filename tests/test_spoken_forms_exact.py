"""What an engine gets for links, identifiers, menu paths, tags, blanks and lone symbols
(narrator/script/spoken.py), exactly: small hand-written sentences, the whole spoken text
compared, so a word too many or a lost full stop shows."""

from __future__ import annotations

import pytest

from narrator.script.spoken import link_spans, short_links, spoken_form


@pytest.mark.parametrize("text, lang, said", [
    # the site's name, the path dropped, the sentence's full stop kept after it
    ("See https://en.wikipedia.org/wiki/X. Then", "en", "See en dot wikipedia dot org. Then"),
    # several marks after the address are all the sentence's, in their order
    ("Really? https://x.org/a?!", "en", "Really? x dot org?!"),
    ("Go to www.python.org/doc, ok", "en", "Go to python dot org, ok"),
    ("HTTPS://WWW.Example.COM/x", "en", "Example dot COM"),
    # a port and a query are not said; a host without a dot is its name
    ("Open http://localhost:8000/a?b=1 now", "en", "Open localhost now"),
    ("Open http://FAX/a now", "en", "Open FAX now"),  # only the dots are stripped from a host's end
    # a host written with a final dot (the DNS root) is the same site
    ("See http://example.org./a here", "en", "See example dot org here"),
    # "ftp://." is a scheme talked about: left for say_addresses
    ("ftp://. x", "en", "ftp://. x"),
    ("mail ana.b@uni.example.org now", "en", "mail ana dot b at uni dot example dot org now"),
    ("写信给 ana@uni.cn 吧", "zh", "写信给 ana at uni 点 CN 吧"),
    ("写信给 ana.b@uni.cn 吧", "zh", "写信给 ana 点 b at uni 点 CN 吧"),  # the name's dot in Chinese too
    ("看 https://www.example.cn/a 吧", "zh", "看 example 点 CN 吧"),
    ("No address here.", "en", "No address here."),
])
def test_links_are_said_as_their_site(text: str, lang: str, said: str) -> None:
    assert short_links(text, lang) == said


def test_link_spans_cover_the_address_without_the_sentences_marks() -> None:
    text = "See https://en.wikipedia.org/wiki/X. Then"
    # shown "https://en.wikipedia.org/wiki/X" (31), said "en dot wikipedia dot org" (24)
    assert link_spans(text) == [(4, 35, 7)]
    # an address said longer than it is shown: "a at b dot org" (14) for "a@b.org" (7)
    assert link_spans("mail a@b.org") == [(5, 12, -7)]
    # in the order of the text, e-mail first here
    text = "a@b.org or www.c.org, then"
    assert link_spans(text) == [(0, 7, -7), (11, 20, 0)]  # "c dot org" (9) for "www.c.org" (9)
    assert text[11:20] == "www.c.org"
    assert link_spans("Go to www.x.org now") == [(6, 15, 0)]  # "x dot org" for "www.x.org"
    assert link_spans("No address here.") == []
    assert link_spans("Ask at the desk.") == []


def test_link_spans_strip_every_trailing_mark() -> None:
    text = "Really? https://x.org/a?!"
    assert link_spans(text) == [(8, 23, 15 - len("x dot org"))]
    assert text[8:23] == "https://x.org/a"


@pytest.mark.parametrize("text, lang, said", [
    # site and file names in running text, their dots said in the language
    ("访问 example.com 网站", "zh", "访问 example 点 com 网站"),
    ("打开 intro.html 文件", "zh", "打开 intro 点 HTML 文件"),
    ("Open intro.html now", "en", "Open intro dot HTML now"),
    # a list written with bars, in the language's comma
    ("tags: red|green|blue here", "en", "tags: red, green, blue here"),
    ("20190926|国贸|增长率", "zh", "20190926，国贸，增长率"),
    ("x a|b y", "en", "x a|b y"),  # two words and a bar: not a list
    # snake_case: any run of underscores between letters of any script
    ("my__var and ϵ_values", "en", "my var and ϵ values"),
    ("__init__ stays", "en", "__init__ stays"),
    # merge fields: their name, dots and underscores as spaces, braces and stars gone
    ("Dear {*Client.Name*},", "en", "Dear Client Name,"),
    ("Dear {*first_name*},", "en", "Dear first name,"),
    ("by *{due_date}*.", "en", "by due date."),
    ("Dear {*name_*},", "en", "Dear name,"),  # a field's trailing underscore: not said, no space left
    ("by *{completion.date}*.", "en", "by completion date."),
    # breadcrumbs and menu paths are lists; a comparison with a number is said
    ("Home >> Docs >> API", "en", "Home, Docs, API"),
    ("File > Save", "en", "File, Save"),
    ("if n > 3 then", "en", "if n greater than 3 then"),
    ("while x < 100:", "en", "while x less than 100:"),
    ("若 n > 3 则", "zh", "若 n 大于 3 则"),
    ("若 x < 5 则", "zh", "若 x 小于 5 则"),
    ("x < y", "en", "x < y"),  # no number: not said as a comparison
    # a tag talked about: its name
    ("use <video> and <br/> here", "en", "use video and br here"),
    ("use </p> to close", "en", "use p to close"),
    # blanks to fill in: a short pause
    ("Fill in ____ and ＿＿＿ here", "en", "Fill in , and , here"),
    ("a __ b", "en", "a __ b"),  # two underscores: no blank
    ("Name: ____", "en", "Name: ,"),
    ("姓名：＿＿＿", "zh", "姓名：,"),
    # a table row's bars
    ("Degree | Date || School", "en", "Degree, Date, School"),
    # arrows typed in ASCII
    ("a -> b => c", "en", "a to b to c"),
    ("a-->b", "en", "a to b"),
    ("a => b", "en", "a to b"),
    # lone symbols by name
    ("path \\ here", "en", "path backslash here"),
    ("path \\\\ here", "en", "path double backslash here"),
    ('type "|" to pipe', "en", 'type "vertical bar" to pipe'),
    ("use | to pipe", "en", "use, to pipe"),  # spaced on both sides: a list's separator
    ("|", "en", "vertical bar"),
    ("use _ here", "en", "use underscore here"),
    ("使用 _ 作为分隔符", "zh", "使用 下划线 作为分隔符"),
    ("'|'表示分割符,'||'表示折行", "zh", "'竖线'表示分割符,'双竖线'表示折行"),
    ("用 \\ 分隔", "zh", "用 反斜杠 分隔"),
    ("a\\b", "en", "a\\b"),  # inside a word: not alone
])
def test_spoken_form_exactly(text: str, lang: str, said: str) -> None:
    assert spoken_form(text, lang) == said


def test_zh_variants_are_chinese() -> None:
    assert spoken_form("若 n > 3 则", "zh-TW") == "若 n 大于 3 则"
    assert spoken_form("20190926|国贸|增长率", "zh-CN") == "20190926，国贸，增长率"
    assert spoken_form("使用 _ 作为", "zh-Hant") == "使用 下划线 作为"
