"""Emotion precedence (narrator.script.style) through the planner, with hand-built Documents."""

from __future__ import annotations

import pytest

from narrator.config import DEFAULT_STYLE_RULES, Config, Style, TextConfig
from narrator.values import Block, Chapter, Document, Run, Segment
from narrator.script.planner import plan

S, EM, U = frozenset({"strong"}), frozenset({"em"}), frozenset({"u"})


def config(**rules: str) -> Config:
    merged = dict(DEFAULT_STYLE_RULES)
    merged.update(rules)
    return Config(style=Style(default="neutral", rules=merged))


def emotions(*blocks: Block, cfg: Config | None = None) -> dict[str, str]:
    """Sentence text -> emotion, for one chapter whose first block is a heading."""
    head = Block("heading", (Run("Title"),), level=2)
    doc = Document("Doc", "en", (Chapter(1, "Title", (head, *blocks)),))
    segs: tuple[Segment, ...] = plan(doc, cfg or config()).segments
    assert segs[0].text == "Title"
    return {s.text: s.emotion for s in segs[1:]}


def test_plain_paragraph_gets_default() -> None:
    assert emotions(Block("paragraph", (Run("Just text."),))) == {"Just text.": "neutral"}
    cfg = Config(style=Style(default="calm", rules=dict(DEFAULT_STYLE_RULES)))
    assert emotions(Block("paragraph", (Run("Just text."),)), cfg=cfg) == {"Just text.": "calm"}


def test_block_kind_rules() -> None:
    got = emotions(Block("heading", (Run("Sub"),), level=3),
                   Block("quote", (Run("Quoted."),)),
                   Block("caption", (Run("A caption."),)),
                   Block("paragraph", (Run("In an aside."),), context=frozenset({"aside"})),
                   Block("paragraph", (Run("In a quote."),), context=frozenset({"blockquote"})),
                   cfg=config(h3="sad", aside="surprised"))
    assert got == {"Sub": "sad", "Quoted.": "calm", "A caption.": "calm",
                   "In an aside.": "surprised", "In a quote.": "calm"}


def test_heading_levels() -> None:
    got = emotions(*(Block("heading", (Run(f"Level {n}"),), level=n) for n in (1, 2, 4)))
    assert got == {"Level 1": "serious", "Level 2": "serious", "Level 4": "calm"}


def test_emphasis_covering_most_changes_emotion() -> None:
    got = emotions(Block("paragraph", (Run("This whole sentence is bold", S), Run("."))),
                   Block("paragraph", (Run("Mostly "), Run("emphasised words in this one.", EM))))
    assert got == {"This whole sentence is bold.": "excited",
                   "Mostly emphasised words in this one.": "warm"}


def test_emphasis_below_threshold_stays_a_mark() -> None:
    blk = Block("paragraph", (Run("Only "), Run("one", S), Run(" word is bold here. "),
                              Run("All bold now.", S)))
    doc = Document("D", "en", (Chapter(1, "", (blk,)),))
    segs = plan(doc, Config()).segments
    assert [(s.text, s.emotion, s.marks) for s in segs] == [
        ("Only one word is bold here.", "neutral", ("strong",)),
        ("All bold now.", "excited", ("strong",)),
    ]


def test_threshold_is_configurable() -> None:
    blk = Block("paragraph", (Run("Plain words "), Run("bold text", S), Run(".")))  # 8 of 19
    doc = Document("D", "en", (Chapter(1, "", (blk,)),))
    low = Config(text=TextConfig(emphasis_threshold=0.4))
    assert plan(doc, low).segments[0].emotion == "excited"
    assert plan(doc, Config()).segments[0].emotion == "neutral"


def test_emphasis_mark_without_rule_does_not_change_emotion() -> None:
    got = emotions(Block("paragraph", (Run("Underlined sentence here.", U),)))
    assert got == {"Underlined sentence here.": "neutral"}
    got = emotions(Block("paragraph", (Run("Underlined sentence here.", U),)), cfg=config(u="sad"))
    assert got == {"Underlined sentence here.": "sad"}


def test_bold_heading_keeps_heading_emotion() -> None:
    got = emotions(Block("heading", (Run("Bold sub", S),), level=3),
                   Block("heading", (Run("Calm sub", EM),), level=3, context=frozenset({".alert"})))
    assert got == {"Bold sub": "calm", "Calm sub": "serious"}


def test_emphasis_beats_block_kind() -> None:
    got = emotions(Block("quote", (Run("Shouted quote!", S),)))
    assert got == {"Shouted quote!": "excited"}


def test_class_on_block_beats_emphasis_and_kind() -> None:
    got = emotions(Block("quote", (Run("Careful now!", S),), context=frozenset({".warning"})),
                   Block("paragraph", (Run("A tip."),), context=frozenset({".tip", "aside"})),
                   cfg=config(aside="surprised"))
    assert got == {"Careful now!": "serious", "A tip.": "warm"}


def test_class_on_runs_covering_most() -> None:
    got = emotions(Block("paragraph", (Run("Danger ahead, stop now", frozenset({".danger", "em"})),
                                       Run("."))),
                   Block("paragraph", (Run("Mostly plain text with a "),
                                       Run("note", frozenset({".note"})), Run("."))),
                   Block("paragraph", (Run("Sad inline class.", frozenset({".grief"})),),
                         context=frozenset({".tip"})),
                   cfg=config(**{".grief": "sad"}))
    assert got == {"Danger ahead, stop now.": "serious",
                   "Mostly plain text with a note.": "neutral",
                   "Sad inline class.": "sad"}  # the inline class is more specific than the block's


def test_inline_explicit_emotion_beats_classes_and_emphasis() -> None:
    got = emotions(Block("paragraph", (Run("I can't believe it!", S, emotion="surprised"),),
                         context=frozenset({".warning"})),
                   Block("paragraph", (Run("A short "), Run("sad", emotion="sad"),
                                       Run(" word in plain text."))))
    assert got == {"I can't believe it!": "surprised", "A short sad word in plain text.": "neutral"}


def test_block_explicit_emotion_beats_everything() -> None:
    got = emotions(Block("heading", (Run("Angry heading"),), level=2, emotion="angry"),
                   Block("paragraph", (Run("Everything is set.", S, emotion="excited"),),
                         context=frozenset({".warning"}), emotion="sad"))
    assert got == {"Angry heading": "angry", "Everything is set.": "sad"}


@pytest.mark.parametrize("name, expected", [
    ("Excited", "excited"),  # case-insensitive
    (" calm ", "calm"),
    ("happy", "excited"),  # common aliases map onto presets
    ("scared", "afraid"),
    ("zorgulous", "neutral"),  # unknown: the default, not the markup's guess
    ("", "serious"),  # empty attribute = no explicit emotion: the heading rule applies
])
def test_unknown_or_odd_explicit_names(name: str, expected: str) -> None:
    got = emotions(Block("heading", (Run("Sub"),), level=2, emotion=name))
    assert got == {"Sub": expected}


def test_unknown_explicit_falls_back_to_configured_default() -> None:
    cfg = Config(style=Style(default="warm", rules=dict(DEFAULT_STYLE_RULES)))
    got = emotions(Block("paragraph", (Run("Text.", S),), emotion="zorgulous"), cfg=cfg)
    assert got == {"Text.": "warm"}


def test_custom_preset_from_config_is_accepted_as_explicit() -> None:
    cfg = Config(emotions={"whisper": {"espeak": {"volume": 30}}})
    got = emotions(Block("paragraph", (Run("Psst."),), emotion="whisper"), cfg=cfg)
    assert got == {"Psst.": "whisper"}


def test_marks_are_sorted_and_per_sentence() -> None:
    blk = Block("paragraph", (Run("First "), Run("has", frozenset({"em", "strong"})),
                              Run(" marks. Second "), Run("code", frozenset({"code"})),
                              Run(" here. Third plain.")))
    doc = Document("D", "en", (Chapter(1, "", (blk,)),))
    segs = plan(doc, Config()).segments
    assert [s.marks for s in segs] == [("em", "strong"), ("code",), ()]


# -- issue 19 item 3: emphasis means a feeling only where it marks emphasis in prose -----------

PLAIN = "The river carries silt from the hills to the sea every spring. " * 4


def test_emphasis_in_references_rows_and_captions_is_a_look() -> None:
    got = emotions(
        Block("paragraph", (Run("Smith, J. "), Run("Journal of Rivers and Lakes", EM), Run(".")),
              context=frozenset({".citation", "li"})),
        Block("cell", (Run("Name: ", S), Run("Ana Lee Garcia Martin"),)),
        Block("caption", (Run("A map of the delta in spring.", EM),)),
        Block("paragraph", (Run("Lee, A. (2020). "), Run("Silt and sand in deltas", EM), Run(".")),
              context=frozenset({"cite"})))
    assert got == {"Smith, J. Journal of Rivers and Lakes.": "neutral", "Name: Ana Lee Garcia Martin": "neutral",
                   "A map of the delta in spring.": "calm", "Lee, A. (2020).": "neutral",
                   "Silt and sand in deltas.": "neutral"}


def test_a_wholly_bold_passage_is_a_look_but_one_bold_sentence_is_emphasis() -> None:
    got = emotions(Block("paragraph", (Run("We remember them today. They gave everything for us. "
                                           "Their names are read aloud.", S),)),
                   Block("paragraph", (Run("Never touch the wire!", S),)))
    assert got == {"We remember them today.": "neutral", "They gave everything for us.": "neutral",
                   "Their names are read aloud.": "neutral", "Never touch the wire!": "excited"}


def test_a_document_mostly_in_bold_reads_its_bold_plainly() -> None:
    blocks = [Block("paragraph", (Run(f"Paragraph {n} of the memorial is printed in bold type.", S),))
              for n in range(30)] + [Block("paragraph", (Run(PLAIN),))]
    assert set(emotions(*blocks).values()) == {"neutral"}


def test_run_in_headings_and_title_case_labels_are_not_excited() -> None:
    got = emotions(Block("paragraph", (Run("Place of Business.", S),
                                       Run(" The firm keeps its books at its main office in town."))),
                   Block("item", (Run("Perspectives From Former and Current District Students", S),)))
    assert got == {"Place of Business.": "neutral", "The firm keeps its books at its main office in town.": "neutral",
                   "Perspectives From Former and Current District Students": "neutral"}


def test_emphasis_covering_a_whole_heading_keeps_the_heading_s_emotion() -> None:
    """Issue 26: editors style whole headings with em and strong; a one-word em heading and a
    long bold question (neither exempt as a short bold label) still speak as headings."""
    from narrator.config import load_config
    from narrator.parse import parse_html

    html = ("<h1>Autumn</h1><h2><em>Light</em></h2><p>The days grow short.</p>"
            "<h2><strong>Why do leaves fall?</strong></h2><p>Trees save their water.</p>"
            "<h2>Plain heading</h2><p>The end.</p>")
    cfg = load_config(None, {"parse.chapter_level": 1})
    script = plan(parse_html(html.encode(), "lesson.html", cfg.parse), cfg)
    got = {s.text: s.emotion for s in script.segments}
    heading = got["Plain heading"]
    assert got["Light"] == heading and got["Why do leaves fall?"] == heading, got
    # the same marks in prose do mean a feeling: the test would see a mutant that drops the rule
    prose = plan(parse_html(b"<h1>Autumn</h1><p><strong>Why do leaves fall?</strong></p>", "l.html", cfg.parse), cfg)
    assert {s.text: s.emotion for s in prose.segments}["Why do leaves fall?"] != heading


def test_on_real_documents_references_and_bold_heavy_pages_are_rarely_excited() -> None:
    """Issue 19 item 3, on the shared corpus: reference lists, citations and notes are not read
    "excited" or "warm", and a document with a tenth or more of its text in bold reads no more
    than a few per cent of its sentences "excited"."""
    import re
    from collections import Counter

    from corpus import documents, need
    from narrator.config import ParseConfig
    from narrator.parse import parse_html
    from narrator.values import NOTE

    reference = re.compile(r"referenc|bibliograph|citation|\.csl-|\.cite", re.IGNORECASE)
    in_references: Counter[str] = Counter()
    heavy = 0
    for name in documents():
        path = need(name)
        try:
            doc = parse_html(path.read_bytes(), name, ParseConfig())
        except Exception:  # refused documents are other tests' business
            continue
        runs = [r for c in doc.chapters for b in c.blocks for r in b.runs]
        total = sum(len(r.text.replace(" ", "")) for r in runs)
        bold = sum(len(r.text.replace(" ", "")) for r in runs if {"strong", "b"} & set(r.marks))
        script = plan(doc, Config())
        for chapter in script.chapters:
            for seg in chapter.segments:
                block = chapter.blocks[seg.block] if seg.block >= 0 else None
                if block is not None and (NOTE in block.context or any(
                        k == "cite" or reference.search(k) for k in block.context)):
                    in_references[seg.emotion] += 1
        if total and bold >= 0.1 * total:
            heavy += 1
            excited = sum(s.emotion == "excited" for s in script.segments) / len(script.segments)
            assert excited <= 0.05, (name, excited)
    assert sum(in_references.values()) > 100 and heavy >= 3
    assert (in_references["excited"] + in_references["warm"]) <= 0.03 * sum(in_references.values()), in_references
