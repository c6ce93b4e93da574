"""Sites, files, paths and reference identifiers exactly as they are said
(narrator.normalize.addresses): which top-level domains are words and which are spelled, which
slashes are said and which are dates, units or fractions, which dotted words are file names, the
Chinese names of the punctuation, and how much of a reference's identifier is left unsaid."""

from __future__ import annotations

import pytest

from narrator.normalize.addresses import (has_identifier, identifier_spans, is_doi, say_addresses, say_chars,
                                          say_file, say_host, say_identifiers)


@pytest.mark.parametrize("written, said", [
    ("Open nvidia.com, then docs/intro.html and input/output.",
     "Open nvidia dot com, then docs slash intro dot HTML and input slash output."),
    ("visit example.info or a.io", "visit example dot info or a dot IO"),
    ("see example.com/docs/page.", "see example dot com."),       # a site's path is not said
    # a local file's address is its path; a scheme talked about is said
    ("file:///etc/hosts", "slash etc slash hosts"),
    ("file://", "file colon slash slash"),
    ("you lose the http:// part", "you lose the HTTP colon slash slash part"),
    ("git:// and FTP://", "git colon slash slash and FTP colon slash slash"),
    # paths
    ("./run.sh", "dot slash run dot SH"),
    ("a/b/c", "a slash b slash c"),
    ("src/lib/", "src slash lib slash"),
    # a date, a unit, a fraction: not paths
    ("11/02/2016 at 5 km/h", "11/02/2016 at 5 km/h"),
    ("3 cat/dog", "3 cat/dog"),
    ("5 kcal/mol", "5 kcal/mol"),
    ("A/B", "A/B"),
    # two words and a slash
    ("the cat/dog", "the cat slash dog"),
    ("and/or", "and or"),
    ("his/her", "his or her"),
    # file names; abbreviations and one-letter names are not
    ("main.c", "main dot C"),
    ("Makefile.PY", "Makefile dot PY"),
    ("data.CSV", "data dot CSV"),
    ("report.final.pdf", "report dot final dot PDF"),
    ("node.js", "node dot JS"),
    ("B.C.", "B.C."),
    ("x.c", "x.c"),
    ("a1.py", "a1.py"),
])
def test_addresses_in_english(written: str, said: str) -> None:
    assert say_addresses(written) == said


@pytest.mark.parametrize("written, said", [
    ("http:// 和 nvidia.com", "HTTP 冒号 斜杠 斜杠 和 nvidia 点 com"),
    ("his/her", "his 斜杠 her"),   # "or" is English: the slash is said
    ("docs/intro.html", "docs 斜杠 intro 点 HTML"),
    ("cat/dog", "cat 斜杠 dog"),
])
def test_addresses_in_chinese(written: str, said: str) -> None:
    assert say_addresses(written, "zh") == said
    assert say_addresses(written, "zh-TW") == said


def test_a_sites_name() -> None:
    assert say_host("en.wikipedia.org") == "en dot wikipedia dot org"
    assert say_host("x.de") == "x dot DE"
    assert say_host("x.museum") == "x dot museum"   # longer than three letters: a word
    assert say_host("localhost") == "localhost"
    assert say_host("a.b.com", "zh") == "a 点 b 点 com"


def test_punctuation_names() -> None:
    assert say_chars("a_b+c&d~e@f") == "a underscore b plus c ampersand d tilde e at f"
    assert say_chars("a.b-c_d/e", "zh") == "a 点 b 杠 c 下划线 d 斜杠 e"
    assert say_file("intro", "html") == "intro dot HTML"
    assert say_file("a.b", "md", "zh-TW") == "a 点 b 点 MD"


@pytest.mark.parametrize("written, said", [
    ("doi:10.1118/1.3267037", "DOI"), ("DOI 10.1000/xyz123", "DOI"), ("PMID 20175497", "PMID"),
    ("ISBN 978-3-16-148410-0", "ISBN"), ("ISBN-13: 978-3-16-148410-0", "ISBN"), ("ISSN 1234-5678", "ISSN"),
    ("arXiv:1706.03762v5", "arXiv"), ("arXiv:math.GT/0309136", "arXiv"),
    ("Bibcode: 2004ApJ...600..580H", "Bibcode"), ("PMCID: PMC1234567", "PMCID"), ("OCLC 12345", "OCLC"),
])
def test_an_identifier_is_said_by_its_name(written: str, said: str) -> None:
    assert has_identifier(written)
    assert say_identifiers(f"See {written} now") == f"See {said} now"


def test_text_without_identifiers() -> None:
    assert not has_identifier("plain text")
    assert say_identifiers("plain text") == "plain text"
    assert identifier_spans("no ids") == []


def test_identifier_spans_measure_what_is_left_unsaid() -> None:
    assert identifier_spans("See doi:10.1118/1.3267037 now") == [(4, 25, 18)]
    assert identifier_spans("PMID 20175497 and PMID: 123") == [(0, 13, 9)]


@pytest.mark.parametrize("text, doi", [
    ("10.1007/978-3-319-68474-1_13", True), (" 10.1007/x ", True),
    ("10.1007/x.", False), ("doi:10.1/x", False), ("10.123/x", False),
])
def test_a_bare_doi(text: str, doi: bool) -> None:
    assert is_doi(text) is doi


@pytest.mark.parametrize("written, said", [
    ("src/my_file.py", "src slash my underscore file dot PY"),   # a file after one slash: a path
    ("in docs/ folder", "in docs slash folder"),
    ("1.5 kcal/mol", "1.5 kcal/mol"),                             # a unit after a number: left to normalize
])
def test_one_slash_paths_and_units(written: str, said: str) -> None:
    assert say_addresses(written) == said


def test_top_level_domains_and_file_names_at_their_limits() -> None:
    assert say_addresses("x.app") == "x dot APP"        # three letters: spelled
    assert say_host("x.wiki") == "x dot wiki"           # four: a word
    assert say_addresses("ab.py") == "ab dot PY"        # two letters make a name
    assert say_addresses("main.C") == "main.C"          # a one-letter extension in capitals: no file
    assert say_addresses("a.b.pdf") == "a.b.pdf"        # a one-letter part before it: an abbreviation
    assert say_addresses("my.ab.pdf") == "my dot ab dot PDF"
    assert say_addresses("docs/a-b/c", "zh") == "docs 斜杠 a 杠 b 斜杠 c"
