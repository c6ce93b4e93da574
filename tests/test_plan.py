"""Planning a Document into a Script (narrator.script.planner): pauses, boundaries, ids, titles, languages."""

from __future__ import annotations

import pytest

from narrator.config import Config, ParseConfig, Pauses, TextConfig
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import estimate_seconds, plan

P = Pauses()  # defaults: sentence 250, paragraph 600, item 450, before 1200, after 1000, section 2500


def para(text: str, source: str = "", **kw) -> Block:  # type: ignore[no-untyped-def]
    return Block("paragraph", (Run(text),), source=source, **kw)


def head(text: str, level: int = 2, source: str = "") -> Block:
    return Block("heading", (Run(text),), level=level, source=source)


def doc(*chapters: Chapter, lang: str = "en") -> Document:
    return Document("Book", lang, tuple(chapters), source_path="b.html", source_sha256="abc")


def rows(document: Document, config: Config | None = None) -> list[tuple[str, str, int]]:
    return [(s.text, s.boundary, s.pause_after_ms) for s in plan(document, config or Config()).segments]


def test_every_boundary_type_and_pause() -> None:
    ch = Chapter(1, "Intro", (
        head("Intro"),
        para("One. Two."),
        Block("item", (Run("Item one."),), level=1),
        Block("item", (Run("Item two."),), level=1),
        Block("quote", (Run("Quoted."),)),
        Block("caption", (Run("Caption."),)),
        Block("cell", (Run("Cell."),)),
        Block("code", (Run("print(1)"),)),
        Block("break", ()),
        para("After the break."),
        head("Part two", level=3),
        para("Last one. Really last."),
    ))
    assert rows(doc(ch)) == [
        ("Intro", "heading", P.after_heading),
        ("One.", "sentence", P.sentence),
        ("Two.", "paragraph", P.paragraph),
        ("Item one.", "item", P.item),
        ("Item two.", "item", P.item),
        ("Quoted.", "paragraph", P.paragraph),
        ("Caption.", "paragraph", P.paragraph),
        ("Cell.", "paragraph", P.paragraph),
        ("print(1)", "section", P.section),
        ("After the break.", "paragraph", P.before_heading),  # max(paragraph, before_heading)
        ("Part two", "heading", P.after_heading),
        ("Last one.", "sentence", P.sentence),
        ("Really last.", "end", 0),
    ]


def test_configured_pauses_are_used() -> None:
    pauses = Pauses(sentence=11, paragraph=22, item=33, before_heading=5, after_heading=44,
                    section=55)
    ch = Chapter(1, "T", (head("T"), para("Aa. Bb."), Block("item", (Run("It."),)), head("H"),
                          para("Cc."), Block("break", ()), Block("break", ()), head("K"), para("Dd.")))
    assert rows(doc(ch), Config(pauses=pauses)) == [
        ("T", "heading", 44), ("Aa.", "sentence", 11), ("Bb.", "paragraph", 22),
        ("It.", "item", 33),  # max(item 33, before_heading 5)
        ("H", "heading", 44), ("Cc.", "section", 55), ("K", "heading", 44), ("Dd.", "end", 0)]


def test_heading_after_heading_gets_the_longer_pause() -> None:
    ch = Chapter(1, "T", (head("T"), head("Sub", 3), para("x.")))
    assert rows(doc(ch))[:2] == [("T", "heading", max(P.after_heading, P.before_heading)),
                                 ("Sub", "heading", P.after_heading)]


def test_break_at_chapter_edges_is_harmless() -> None:
    ch = Chapter(1, "T", (Block("break", ()), head("T"), para("x."), Block("break", ())))
    assert rows(doc(ch)) == [("T", "heading", P.after_heading), ("x.", "end", 0)]


def test_last_segment_of_each_chapter_is_end() -> None:
    d = doc(Chapter(1, "A", (head("A"), para("a1. a2."))), Chapter(2, "B", (head("B"), para("b1."))))
    script = plan(d, Config())
    assert [c.segments[-1].boundary for c in script.chapters] == ["end", "end"]
    assert [c.segments[-1].pause_after_ms for c in script.chapters] == [0, 0]
    assert sum(s.boundary == "end" for s in script.segments) == 2


def test_ids_chapter_and_source() -> None:
    d = doc(Chapter(1, "A", (head("A", source="#a"), para("One. Two.", source="#p1"))),
            Chapter(2, "B", (head("B", source="#b"), para("Three.", source="body > p:nth-of-type(2)"))))
    segs = plan(d, Config()).segments
    assert [(s.id, s.chapter, s.source) for s in segs] == [
        ("c01-s0001", 1, "#a"), ("c01-s0002", 1, "#p1"), ("c01-s0003", 1, "#p1"),
        ("c02-s0001", 2, "#b"), ("c02-s0002", 2, "body > p:nth-of-type(2)")]


def test_script_carries_document_identity() -> None:
    script = plan(doc(Chapter(1, "A", (para("x."),))), Config())
    assert (script.title, script.lang, script.source_path, script.source_sha256) == (
        "Book", "en", "b.html", "abc")


def test_heading_equal_to_title_is_narrated_once() -> None:
    d = doc(Chapter(1, "Getting started", (head("Getting started"), para("Text."))))
    assert [s.text for s in plan(d, Config()).segments] == ["Getting started", "Text."]


def test_chapter_without_heading_narrates_its_title_first() -> None:
    d = doc(Chapter(1, "Preface", (para("Some text."),)))
    segs = plan(d, Config(parse=ParseConfig(chapter_level=3))).segments
    assert [(s.text, s.boundary, s.pause_after_ms, s.emotion) for s in segs] == [
        ("Preface", "heading", P.after_heading, "calm"),  # the h3 rule: chapter_level 3
        ("Some text.", "end", 0, "neutral")]
    assert segs[0].id == "c01-s0001"


def test_bold_paragraph_equal_to_title_is_the_title() -> None:
    title = Block("paragraph", (Run("第一章\u3000总\u3000则", frozenset({"strong"})),), source="#t")
    d = doc(Chapter(1, "第一章 总则", (title, para("第一条 为了规范管理，制定本法。"))), lang="zh")
    segs = plan(d, Config()).segments
    assert [s.text for s in segs] == ["第一章 总 则", "第一条 为了规范管理，制定本法。"]
    assert (segs[0].boundary, segs[0].pause_after_ms, segs[0].emotion) == (
        "heading", P.after_heading, "serious")


def test_empty_title_adds_nothing() -> None:
    d = doc(Chapter(1, "", (para("Text."),)))
    assert [s.text for s in plan(d, Config()).segments] == ["Text."]


def test_empty_chapters_dropped_and_renumbered() -> None:
    d = doc(Chapter(1, "Empty", (head(""), para("\u3000"), Block("break", ()), para("..."))),
            Chapter(2, "Two", (head("Two"), para("x."))),
            Chapter(3, "Blank", ()),
            Chapter(4, "Four", (head("Four"), para("y."))))
    script = plan(d, Config())
    assert [(c.index, c.title) for c in script.chapters] == [(1, "Two"), (2, "Four")]
    assert [s.id for s in script.segments] == ["c01-s0001", "c01-s0002", "c02-s0001", "c02-s0002"]
    assert [s.chapter for s in script.segments] == [1, 1, 2, 2]


def test_empty_and_punctuation_blocks_are_skipped() -> None:
    d = doc(Chapter(1, "T", (head("T"), para("\u00a0"), para("* * *"), para("Real."), para("   "))))
    assert rows(d) == [("T", "heading", P.after_heading), ("Real.", "end", 0)]


def test_whitespace_inside_a_sentence_is_collapsed() -> None:
    d = doc(Chapter(1, "", (Block("paragraph", (Run("Two   spaces\tand "), Run(" a tab.")),),)))
    assert [s.text for s in plan(d, Config()).segments] == ["Two spaces and a tab."]


def test_languages_detected_per_sentence() -> None:
    d = doc(Chapter(1, "", (para("我们使用 IndexTTS2 模型。It sounds natural. 效果很好！"),)), lang="zh")
    assert [(s.text, s.lang) for s in plan(d, Config()).segments] == [
        ("我们使用 IndexTTS2 模型。", "zh"), ("It sounds natural.", "en"), ("效果很好！", "zh")]


def test_run_lang_overrides_when_it_covers_the_sentence() -> None:
    blk = Block("paragraph", (Run("Bonjour tout le monde", lang="fr-FR"), Run(". "),
                              Run("Hello "), Run("monde", lang="fr"), Run(".")))
    d = doc(Chapter(1, "", (blk,)))
    assert [(s.text, s.lang) for s in plan(d, Config()).segments] == [
        ("Bonjour tout le monde.", "fr"),  # the span covers every letter
        ("Hello monde.", "en")]  # partial cover: detection


def test_block_lang_overrides_and_run_lang_beats_it() -> None:
    blk = Block("paragraph", (Run("Guten Tag. "), Run("Hello there.", lang="en")), lang="de")
    d = doc(Chapter(1, "", (blk,)))
    assert [(s.text, s.lang) for s in plan(d, Config()).segments] == [
        ("Guten Tag.", "de"), ("Hello there.", "en")]


def test_lang_override_that_contradicts_the_script_is_ignored() -> None:
    # <html lang="en"> around Chinese text is a template artefact; a Chinese voice must read it.
    blk = Block("paragraph", (Run("今天天气很好。Nice day."),), lang="en")
    blk2 = Block("paragraph", (Run("東京へ行きます。"),), lang="ja")
    d = doc(Chapter(1, "", (blk, blk2)))
    assert [(s.text, s.lang) for s in plan(d, Config()).segments] == [
        ("今天天气很好。", "zh"), ("Nice day.", "en"), ("東京へ行きます。", "ja")]


def test_long_sentences_become_several_segments_of_one_block() -> None:
    text = ("This sentence is long enough that it must be split, because the engine would otherwise "
            "get too much text at once, and that is slow; so it is cut at clause punctuation.")
    d = doc(Chapter(1, "", (para(text, source="#long"),)))
    segs = plan(d, Config(text=TextConfig(max_chars=60))).segments
    assert len(segs) >= 3
    assert " ".join(s.text for s in segs) == text
    assert all(len(s.text) <= 60 and s.source == "#long" for s in segs)
    # a forced cut is a clause (issue 9): a short pause, not a full stop
    assert [s.boundary for s in segs] == ["clause"] * (len(segs) - 1) + ["end"]
    assert [s.pause_after_ms for s in segs] == [Config().pauses.clause] * (len(segs) - 1) + [0]


def test_estimate_seconds_counts_speech_and_every_pause() -> None:
    import narrator.text as p  # the speaking-rate model

    zh = "我" * 45
    en = "a" * 150
    d = doc(Chapter(1, "", (para(zh + "。"), para(en + "."))))
    cfg = Config(pauses=Pauses(sentence=0, paragraph=1000, chapter_head=500, chapter_tail=1500))
    script = plan(d, cfg)
    assert [s.pause_after_ms for s in script.segments] == [1000, 0]
    zh_seg = 45 * p.SECONDS_PER_SYLLABIC + p.SECONDS_PER_MARK + p.SECONDS_PER_SEGMENT  # "。" is a mark
    en_seg = 150 * p.SECONDS_PER_LETTER + p.SECONDS_PER_MARK + p.SECONDS_PER_SEGMENT
    expected = zh_seg + en_seg + 1.0 + 0.5 + 1.5
    assert estimate_seconds(script, cfg) == pytest.approx(expected, abs=0.01)
    two = plan(doc(Chapter(1, "", (para(en + "."),)), Chapter(2, "", (para(en + "."),))), cfg)
    assert estimate_seconds(two, cfg) == pytest.approx(2 * (en_seg + 2.0), abs=0.01)
    # what is said is timed: numbers said as words take the time of their letters
    digits = plan(doc(Chapter(1, "", (para("In 2019 and 2020."),))), cfg)
    spoken = digits.segments[0].spoken
    assert not any(c.isdigit() for c in spoken)
    letters = sum(c.isalpha() for c in spoken)
    assert estimate_seconds(digits, cfg) == pytest.approx(
        letters * p.SECONDS_PER_LETTER + p.SECONDS_PER_MARK + p.SECONDS_PER_SEGMENT + 2.0, abs=0.01)
    # digits a segment still has (a language narrate does not say numbers for) take the digits' time
    french = plan(doc(Chapter(1, "", (para("En 2019 et 2020.", lang="fr"),)), lang="fr"), cfg)
    assert french.segments[0].lang == "fr" and french.segments[0].spoken == "En 2019 et 2020."
    assert estimate_seconds(french, cfg) == pytest.approx(
        8 * p.SECONDS_PER_DIGIT + 4 * p.SECONDS_PER_LETTER + p.SECONDS_PER_MARK + p.SECONDS_PER_SEGMENT + 2.0,
        abs=0.01)


def test_large_mixed_document_plans_completely() -> None:
    zh = "我们在重庆的一所中学里使用模型进行了语音合成实验，取得了很好的效果。这个结果令人满意！"
    en = "The LMS exports lessons, e.g. from TinyMCE. Dr. Smith paid 3.14 dollars. Is it done? "
    blocks = tuple(Block("paragraph", (Run(en), Run("Bold part.", frozenset({"strong"})), Run(zh)),
                         source=f"#p{i}") for i in range(2000))
    d = doc(Chapter(1, "Big", (head("Big"), *blocks)), lang="zh")
    segs = plan(d, Config(lexicon={"*": {"LMS": "L M S"}})).segments
    assert len(segs) == 1 + 2000 * 6
    assert segs[-1].id == "c01-s12001"
    assert sum(s.spoken.startswith("The L M S") for s in segs) == 2000
    assert {s.lang for s in segs} == {"en", "zh"}


def test_file_stem_title_is_never_narrated() -> None:
    d = Document("my-lesson", "en", (Chapter(1, "my-lesson", (para("Just text."),)),),
                 source_path="dir/my-lesson.html")
    assert [s.text for s in plan(d, Config()).segments] == ["Just text."]
    # a real title that is not the file name is still read first
    d = Document("Notes", "en", (Chapter(1, "Notes", (para("Just text."),)),), source_path="dir/my-lesson.html")
    assert [s.text for s in plan(d, Config()).segments] == ["Notes", "Just text."]


def test_parsed_document_without_title_reads_no_file_name() -> None:
    from narrator.parse import parse_html

    d = parse_html(b"<ol><li>One</li><li>Two</li></ol>", "in/google-docs-clipboard-list.html", ParseConfig())
    assert d.title == "google-docs-clipboard-list"
    assert [s.text for s in plan(d, Config()).segments] == ["One", "Two"]
    d = parse_html(b"<p><b>Community Forum</b></p><p>Join us.</p>", "in/word-flyer.html", ParseConfig())
    segs = plan(d, Config()).segments
    assert [(s.text, s.boundary) for s in segs] == [("Community Forum", "heading"), ("Join us.", "end")]


def test_emoji_are_shown_but_not_spoken() -> None:
    ch = Chapter(1, "⭐️ Popular features", (
        head("⭐️ Popular features"), para("Why TinyMCE 👀 is great. 👀 ❤️"), para("🖖 ⭐️"),
        para("I 👨‍👩‍👧 my family, 1️⃣ first.")))
    segs = plan(doc(ch), Config(lexicon={"*": {"❤️": "love"}})).segments
    assert [(s.text, s.spoken) for s in segs] == [
        ("⭐️ Popular features", "Popular features"),
        ("Why TinyMCE 👀 is great.", "Why TinyMCE is great."),
        ("I 👨‍👩‍👧 my family, 1️⃣ first.", "I my family, one first.")]
    # an emoji the user's lexicon names is spoken as that name
    segs = plan(doc(Chapter(1, "", (para("I ❤️ NY."),))), Config(lexicon={"*": {"❤️": "love"}})).segments
    assert [s.spoken for s in segs] == ["I love NY."]


def test_dry_run_says_one_chapter(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from narrator.cli import _dry_run

    (tmp_path / "one.html").write_text("<h1>Only</h1><p>Text.</p>")
    (tmp_path / "two.html").write_text("<h2>A</h2><p>a.</p><h2>B</h2><p>b.</p>")
    assert _dry_run([str(tmp_path / "one.html"), str(tmp_path / "two.html")], Config()) == 0
    out = capsys.readouterr().out
    assert "(en), 1 chapter, 2 segments" in out and "(en), 2 chapters, 4 segments" in out


def test_a_run_of_only_numbers_units_and_symbols_takes_the_language_around_it() -> None:
    from narrator.parse import parse_html
    from narrator.config import ParseConfig

    html = ('<html lang="zh"><body><p>今天的最高气温是多少？</p><table><tr><th>城市</th><th>温度</th></tr>'
            '<tr><td>北京</td><td>38°C</td></tr></table><p>38°C</p><p>10 kg</p></body></html>')
    segments = plan(parse_html(html.encode(), "t.html", ParseConfig()), Config()).segments
    alone = [s for s in segments if s.text in ("38°C", "10 kg")]
    assert [(s.lang, s.spoken) for s in alone] == [("zh", "三十八摄氏度"), ("zh", "十千克")]
    row = next(s for s in segments if "北京" in s.text)
    assert row.lang == "zh" and "三十八摄氏度" in row.spoken
    english = plan(parse_html(b"<p>The hottest day of the year.</p><p>38\xc2\xb0C</p>", "e.html", ParseConfig()),
                   Config()).segments
    assert (english[-1].lang, english[-1].spoken) == ("en", "thirty eight degrees Celsius")


def test_exponents_and_degrees_in_plain_text_are_said_whole() -> None:
    from narrator.script.planner import spoken_text

    assert spoken_text("10^8 units and 2^{10} and 3^-2", "sentence", "en") == (
        "ten to the power eight units and two to the power ten and three to the power minus two")
    assert spoken_text("It is 1.5×10^8 km away.", "sentence", "en") == (
        "It is one point five times ten to the power eight kilometers away.")
    assert spoken_text("10^8个单位", "sentence", "zh") == "十 的 八 次方 个单位"
    assert spoken_text("Turn 90° left at a 45° angle.", "sentence", "en") == (
        "Turn ninety degrees left at a forty five degrees angle.")


def test_numbered_list_items_say_their_numbers() -> None:
    from narrator.config import ParseConfig
    from narrator.parse import parse_html

    html = ("<h1>Bread</h1><ol><li>Mix the flour.</li><li>Knead it.<ul><li>Gently.</li></ul>Then rest."
            "</li><li>Step 3: bake.</li></ol><ul><li>Salt</li></ul><ol start='7'><li>Eat.</li></ol>"
            "<ol><li>洗手。</li><li>吃饭。</li></ol>")
    segs = plan(parse_html(html.encode(), "x.html", ParseConfig()), Config()).segments
    assert [(s.text, s.spoken) for s in segs] == [
        ("Bread", "Bread"), ("Mix the flour.", "one. Mix the flour."), ("Knead it.", "two. Knead it."),
        ("Gently.", "Gently."), ("Then rest.", "Then rest."), ("Step 3: bake.", "Step three: bake."),
        ("Salt", "Salt"), ("Eat.", "seven. Eat."), ("洗手。", "一、洗手。"), ("吃饭。", "二、吃饭。")]
