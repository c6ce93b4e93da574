"""Sentence boundaries, long-sentence splitting and language tags (narrator.script.sentences)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from narrator.script.sentences import detect_lang, split_long, split_sentences


def split(text: str, max_chars: int = 160, max_chars_cjk: int = 80) -> list[str]:
    return split_sentences(text, max_chars=max_chars, max_chars_cjk=max_chars_cjk)


@pytest.mark.parametrize("text, expected", [
    # Latin basics
    ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
    ("Really?! Yes!!! OK.", ["Really?!", "Yes!!!", "OK."]),
    # decimals, versions, domains, e-mail
    ("Pi is 3.14 today. Version 2.0.1 is out.", ["Pi is 3.14 today.", "Version 2.0.1 is out."]),
    ("Visit example.com/a?b=1 now. Mail a.b@c.org. Done",
     ["Visit example.com/a?b=1 now.", "Mail a.b@c.org.", "Done"]),
    # abbreviations and initials
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("Use tools, e.g. TinyMCE, i.e. an editor. Next.", ["Use tools, e.g. TinyMCE, i.e. an editor.", "Next."]),
    ("The U.S. Army left. J. K. Rowling wrote.", ["The U.S. Army left.", "J. K. Rowling wrote."]),
    ("Neither do I. Then go.", ["Neither do I.", "Then go."]),
    ("See fig. 3 and No. 5 here. Then stop.", ["See fig. 3 and No. 5 here.", "Then stop."]),
    ("We met at 5 p.m. Then we left.", ["We met at 5 p.m.", "Then we left."]),
    ("Apples, pears, etc. are fruit. Eat them.", ["Apples, pears, etc. are fruit.", "Eat them."]),
    ("He left approx. five days ago. Fine.", ["He left approx. five days ago.", "Fine."]),
    # ellipses
    ("Well... I think so. Maybe.", ["Well... I think so.", "Maybe."]),
    ("Wait... What? No.", ["Wait...", "What?", "No."]),
    ("It trailed off…", ["It trailed off…"]),
    # quotes and brackets stay with their sentence
    ('He said "Hello." Then he left.', ['He said "Hello."', "Then he left."]),
    ("“Help!” he cried. ‘Run.’ She ran.", ["“Help!” he cried.", "‘Run.’", "She ran."]),
    ("(This is aside.) Back to text.", ["(This is aside.)", "Back to text."]),
    ("It costs 1,000 dollars. Cheap.", ["It costs 1,000 dollars.", "Cheap."]),
    # Chinese
    ("今天天气很好。我们去公园吧！你去吗？", ["今天天气很好。", "我们去公园吧！", "你去吗？"]),
    ("第一条，总则；第二条，细则。", ["第一条，总则；", "第二条，细则。"]),
    ("他说：“你好。”然后走了。", ["他说：“你好。”", "然后走了。"]),
    ("「走吧！」她说。『好的。』", ["「走吧！」", "她说。", "『好的。』"]),
    ("（注意安全。）请小心。", ["（注意安全。）", "请小心。"]),
    ("我不知道……也许吧。", ["我不知道……", "也许吧。"]),
    ("等等……，我想想。", ["等等……，我想想。"]),
    ("圆周率约为3.14。结束", ["圆周率约为3.14。", "结束"]),
    # mixed
    ("我们使用 IndexTTS2 模型。It works well. 效果很好！",
     ["我们使用 IndexTTS2 模型。", "It works well.", "效果很好！"]),
    ("请访问 example.com 了解更多。Thanks!", ["请访问 example.com 了解更多。", "Thanks!"]),
    # line breaks (<br>) end a line
    ("第一行\n第二行", ["第一行", "第二行"]),
    ("Roses are red\nViolets are blue", ["Roses are red", "Violets are blue"]),
])
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert split(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "\u3000\u3000", "...", "。。。", "——", "* * *", "!?", "\n\n"])
def test_empty_and_punctuation_only_yield_nothing(text: str) -> None:
    assert split(text) == []


def test_punctuation_only_pieces_between_sentences_are_dropped() -> None:
    assert split("First. ... Second. 。 Third") == ["First.", "Second.", "Third"]


def test_leading_fullwidth_indent_is_trimmed() -> None:
    assert split("\u3000\u3000这是第一段。") == ["这是第一段。"]


def _assert_lossless(text: str, pieces: list[str], limit: int) -> None:
    """Every piece is a trimmed substring, in order, and nothing but whitespace is lost."""
    pos = 0
    for p in pieces:
        assert p == p.strip() and p
        i = text.find(p, pos)
        assert i >= 0, p
        assert text[pos:i].strip() == "", f"lost {text[pos:i]!r}"
        pos = i + len(p)
    assert text[pos:].strip() == ""
    assert re.sub(r"\s", "", "".join(pieces)) == re.sub(r"\s", "", text)


LONG_EN = ("The quick brown fox which had been waiting near the old barn for several hours finally "
           "jumped over the lazy dog then it ran to https://example.com/some/very/long/path and paid "
           "3.14 or 1,000 dollars to IndexTTS2 support at help@example.org without stopping once")


def test_long_latin_sentence_split_at_words_never_inside_tokens() -> None:
    pieces = split(LONG_EN, max_chars=40)
    assert len(pieces) > 4
    _assert_lossless(LONG_EN, pieces, 40)
    tokens = set(LONG_EN.split())
    for p in pieces:
        # every piece starts and ends with a whole token of the original
        words = p.split()
        assert words[0] in tokens and words[-1] in tokens, p
    for token in ("https://example.com/some/very/long/path", "3.14", "1,000", "IndexTTS2",
                  "help@example.org"):
        assert any(token in p for p in pieces), token
    assert all(len(p) <= 40 for p in pieces)


def test_long_latin_sentence_prefers_clause_punctuation() -> None:
    text = ("When the lesson is exported from the editor, the parser reads every block in order; "
            "then the planner splits sentences: each one becomes a segment — and is narrated.")
    pieces = split(text, max_chars=50)
    _assert_lossless(text, pieces, 50)
    assert pieces[0] == "When the lesson is exported from the editor,"
    assert all(p[-1] in ",;:—." for p in pieces)


def test_long_chinese_sentence_split_at_clause_punctuation() -> None:
    text = "首先，我们准备数据、清洗文本：然后训练模型，最后评估结果，并写出报告，发布到网站上给大家看。"
    pieces = split(text, max_chars_cjk=16)
    _assert_lossless(text, pieces, 16)
    assert pieces[0] == "首先，我们准备数据、清洗文本："
    assert all(p[-1] in "，、：。" for p in pieces)
    assert all(len(p) <= 16 for p in pieces)


def test_long_chinese_sentence_without_punctuation_split_at_jieba_words() -> None:
    text = ("我们在重庆市的一所中学里使用IndexTTS2模型进行了长时间的语音合成实验并且取得了非常好的效果"
            "这个结果令人非常满意而且还会继续改进模型的表现以便更好地服务于教育领域的广大师生和家长们")
    pieces = split(text, max_chars_cjk=20)
    _assert_lossless(text, pieces, 20)
    assert "".join(pieces) == text
    assert all(len(p) <= 20 for p in pieces)
    assert any("IndexTTS2" in p for p in pieces)  # the Latin token is never cut
    import jieba

    # every cut is a jieba word boundary
    bounds = {end for _w, _s, end in jieba.tokenize(text)}
    pos = 0
    for p in pieces[:-1]:
        pos += len(p)
        assert pos in bounds
    # no one-character leftovers from a greedy split
    assert min(len(p) for p in pieces) >= 5


def test_token_longer_than_limit_is_never_sent_whole() -> None:
    # issue 9: a token longer than the limit (a long URL, a hash, a run of one letter) is cut
    url = "https://example.com/" + "a" * 60
    pieces = split(f"Open {url} now please", max_chars=20)
    assert all(len(p) <= 20 for p in pieces), pieces
    _assert_lossless(f"Open {url} now please", pieces, 20)
    assert "".join(pieces).replace(" ", "") == f"Open{url}nowplease"


def test_split_long_returns_spans() -> None:
    text = "alpha beta, gamma delta"
    assert [text[a:b] for a, b in split_long(text, 12)] == ["alpha beta,", "gamma delta"]


def test_jieba_is_lazy_and_silent() -> None:
    """Importing and splitting short text never loads jieba; loading it prints nothing."""
    code = ("import sys\n"
            "from narrator.script.sentences import split_sentences as s\n"
            "s('短句。Short one.', max_chars=160, max_chars_cjk=80)\n"
            "assert 'jieba' not in sys.modules\n"
            "s('我们在重庆市的一所中学里使用模型进行了长时间的语音合成实验', max_chars=160, max_chars_cjk=10)\n"
            "assert 'jieba' in sys.modules\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stderr == "" and r.stdout == ""


@pytest.mark.parametrize("text, default, expected", [
    ("今天天气很好。", "en", "zh"),
    ("我们使用 IndexTTS2 模型进行合成。", "en", "zh"),
    ("This is the 中文 word for Chinese.", "zh", "en"),
    ("Hello world.", "zh", "en"),
    ("Bonjour le monde.", "fr", "fr"),  # a Latin-script document language is kept
    ("12345.", "zh", "zh"),  # no letters: the document language
    ("こんにちは世界。", "en", "ja"),
    ("안녕하세요 세계.", "en", "ko"),
    ("Use 中文 now", "en", "en"),  # a tie follows the document language
    ("Use 中文 now", "zh", "zh"),
])
def test_detect_lang(text: str, default: str, expected: str) -> None:
    assert detect_lang(text, default) == expected


from corpus import need  # noqa: E402 - next to the tests that use it


def _paragraphs(name: str) -> list[str]:
    path = need(name)
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    return [p.get_text() for p in soup.find_all("p") if p.get_text().strip()]


def test_corpus_english_fiction() -> None:
    paragraphs = _paragraphs("en-fiction-standardebooks-scandal-in-bohemia.xhtml")
    sentences = []
    for p in paragraphs:
        pieces = split(p)
        _assert_lossless(p, pieces, 160)
        sentences += pieces
    assert len(sentences) > 1.5 * len(paragraphs)
    # "Mr. Godfrey Norton", "St. Monica": titles never end a sentence
    assert not [s for s in sentences if s.endswith((" Mr.", " Mrs.", " St.", " Dr."))]
    assert any(" ".join(s.split()).startswith("The chances") and "Mr. Godfrey Norton" in " ".join(s.split())
               for s in sentences)
    assert all(len(s) <= 160 for s in sentences)


def test_corpus_chinese_law() -> None:
    paragraphs = _paragraphs("zh-law-supervision-law-chapters-in-strong.html")
    sentences = []
    for p in paragraphs:
        pieces = split(p)
        _assert_lossless(p, pieces, 80)
        sentences += pieces
    assert len(sentences) > len(paragraphs)
    assert all(len(s) <= 80 for s in sentences)
    ends = sum(s[-1] in "。；：！？，、" for s in sentences)
    assert ends > 0.8 * len(sentences)
    assert {detect_lang(s, "en") for s in sentences} == {"zh"}


def test_long_sentence_is_not_cut_into_a_fragment_and_a_rest() -> None:
    """A short clause then a long stretch without commas: two even halves (cut before "and"), not
    "Over the past few decades," plus two more pieces."""
    text = ("Over the past few decades, there have been many changes in the nation’s approach to English "
            "Language Learners (ELL) and new research has come to light on how to best serve these children "
            "for long-term success.")
    pieces = split(text)
    _assert_lossless(text, pieces, 160)
    assert pieces == ["Over the past few decades, there have been many changes in the nation’s approach to "
                      "English Language Learners (ELL)",
                      "and new research has come to light on how to best serve these children for long-term success."]
    # a short tail after the last comma is not left on its own either
    text = ("It was close upon four before the door opened, and a drunken-looking groom, ill-kempt and "
            "side-whiskered, with an inflamed face and disreputable clothes, walked into the room.")
    pieces = split(text)
    _assert_lossless(text, pieces, 160)
    assert len(pieces) == 2 and min(len(p) for p in pieces) >= 40


def test_a_heading_word_before_brackets_is_not_left_alone() -> None:
    # a numbered list item whose parenthesis holds most of it (a Notion export of law notes)
    text = ("Section 11 (Public servant obtaining a gift, without consideration from any person "
            "concerned in a proceeding or business transacted by such public servant)")
    pieces = [text[a:b] for a, b in split_long(text, 120)]
    assert pieces == ["Section 11 (Public servant obtaining a gift,",
                      "without consideration from any person concerned in a proceeding or business "
                      "transacted by such public servant)"]
