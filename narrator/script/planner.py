"""Document -> Script: sentences with language, emotion, spoken form and the pause after each.

    >>> from narrator.config import Config
    >>> from narrator.values import Block, Chapter, Document, Run
    >>> doc = Document("T", "en", (Chapter(1, "Intro", (Block("paragraph", (Run("Hi. Bye."),)),)),))
    >>> [s.text for s in plan(doc, Config()).segments]
    ['Intro', 'Hi.', 'Bye.']

Decisions worth knowing:

- Each chapter's title is heard once: if the chapter's first readable block is a heading (or
  any block whose text is the title, e.g. a bold "第一章 总则" paragraph, then read as a
  heading) it is the title; otherwise the title is narrated first, as a heading, unless it is
  the source's file stem (a document without title, heading or title line is named after its
  file for the manifest, but a listener never hears "my-lesson-v2").
- ``Segment.spoken`` has no emoji or pictographs ("⭐️ Popular features" is spoken "Popular
  features"); ``Segment.text`` keeps them for the reader.
- Chapters without any readable sentence are dropped and the rest renumbered 1..N.
- A ``break`` block yields no segment; the segment before it gets the section pause.
- The last segment of a chapter has boundary "end" and no pause (the assembler adds the tail).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import PurePath

from narrator.config import Config
from narrator.text import SYLLABIC, speech_seconds
from narrator.values import NOTE, Block, Boundary, Chapter, Document, Run, Script, ScriptChapter, Segment
from narrator.script.casting import Casting, cut_labels
from narrator.script.lexicon import Lexicon
from narrator.script.sentences import (detect_lang, has_speech, is_cjk_lang, normalize_lang, split_long,
                             sentence_pieces, strip_emoji)
from narrator.script.maths import long_formulas, script_words, speak_symbols, speak_tex
from narrator.normalize import normalize
from narrator.normalize.addresses import has_identifier, identifier_spans, is_doi, say_identifiers
from narrator.normalize.markup import may_need, say_markup
from narrator.normalize.runs import is_small_run
from narrator.script.spoken import link_spans, short_links, spoken_form
from narrator.script.style import Coverage, StyleSheet

_LAST_BOUNDARY: dict[str, Boundary] = {"heading": "heading", "item": "item"}
_TICK_EVERY = 1000  # blocks and segments planned between two calls of ``tick``
_NON_WORD = re.compile(r"[\W_]+")
_TITLE_JUNK = re.compile(r"[\s\W_]+")



@dataclass(slots=True)
class _Draft:
    """A segment before its id and final pause are known (mutable while planning a chapter)."""

    text: str
    lang: str
    emotion: str
    marks: tuple[str, ...]
    source: str
    boundary: Boundary
    pause: int
    block: int = -1  # index in the chapter's blocks; -1: a title the planner added
    span: tuple[int, int] = (0, 0)
    spoken: str | None = None  # set when formulas or <sup>/<sub> make it differ from ``text``
    lead: str = ""  # said before the text, never shown: an ordered list item's number ("2. ")
    voice: str = ""  # the role that says it (script/casting.py)
    tag: str = ""  # its block's own regional tag ("en-us"): which [abbreviations.<tag>] it takes


def plan(document: Document, config: Config, *, tick: Callable[[], object] | None = None) -> Script:
    """Plan ``document`` for narration: one :class:`Segment` per sentence (or piece of a long one).

    Pure and fast (linear in the text); jieba is loaded only if a long Chinese sentence without
    clause punctuation must be split. ``tick()`` is called about every 1,000 blocks and segments
    planned and may raise to stop the work (its exception comes out as it is).

        >>> script = plan(doc, load_config("narrate.toml"))      # doctest: +SKIP
        >>> script.segments[0].id, script.segments[0].emotion    # doctest: +SKIP
        ('c01-s0001', 'serious')
    """
    planner = _Planner(document, config, tick)
    chapters: list[ScriptChapter] = []
    for chapter in document.chapters:
        drafts, blocks = planner.chapter(chapter)
        if not drafts:
            continue
        index = len(chapters) + 1
        chapters.append(ScriptChapter(index, chapter.title, planner.finish(index, drafts), blocks))
    warnings = document.warnings + tuple(planner.style.warnings) + tuple(planner.casting.warnings())
    # formulas said in short: their full readings are kept in the skip report
    readings = long_formulas((b for c in document.chapters for b in c.blocks), document.lang)
    return Script(document.title, document.lang, tuple(chapters),
                  document.source_path, document.source_sha256,
                  skipped=document.skipped + tuple(readings), warnings=warnings)


def estimate_seconds(script: Script, config: Config) -> float:
    """Narration length for a dry run: speech by character class (see
    :func:`narrator.text.speech_seconds`), plus every pause, plus each chapter's head and tail
    silence. Within a few per cent of eSpeak's result on ordinary lessons."""
    p = config.pauses
    total = 0.0
    for chapter in script.chapters:
        total += (p.chapter_head + p.chapter_tail) / 1000
        for seg in chapter.segments:
            total += speech_seconds(seg.spoken) + seg.pause_after_ms / 1000
    return total


def split_long_chapters(script: Script, config: Config) -> Script:
    """``script`` with every chapter longer than ``config.output.max_chapter_minutes`` (by
    :func:`estimate_seconds`) cut into parts at paragraph boundaries: before a heading or at a
    section break if there is one in the last fifth of a part, else after any paragraph or
    list item; after a sentence only inside a paragraph longer than the limit. A part after the
    first is titled "<chapter> (part n)": a made-up title, never spoken. Chapters and segment
    ids are numbered again in order."""
    limit = config.output.max_chapter_minutes * 60
    if not limit:
        return script
    own = (config.pauses.chapter_head + config.pauses.chapter_tail) / 1000
    chapters: list[ScriptChapter] = []
    for chapter in script.chapters:
        segments = list(chapter.segments)
        cost = [speech_seconds(s.spoken) + s.pause_after_ms / 1000 for s in segments]
        parts = _split(segments, cost, limit - own)
        for n, (part, blocks) in enumerate(_with_blocks(parts, chapter.blocks), 1):
            index = len(chapters) + 1
            title = chapter.title if n == 1 else f"{chapter.title} (part {n})"
            renumbered = [dataclasses.replace(s, id=f"c{index:02d}-s{k:04d}", chapter=index)
                          for k, s in enumerate(part, 1)]
            renumbered[-1] = dataclasses.replace(renumbered[-1], boundary="end", pause_after_ms=0)
            chapters.append(ScriptChapter(index, title, tuple(renumbered), blocks))
    return dataclasses.replace(script, chapters=tuple(chapters))


def _split(segments: list[Segment], cost: list[float], limit_s: float) -> list[list[Segment]]:
    if sum(cost) <= limit_s:
        return [segments]
    parts: list[list[Segment]] = []
    start = 0
    while start < len(segments):
        used, end = 0.0, start
        while end < len(segments) and (end == start or used + cost[end] <= limit_s):
            used += cost[end]
            end += 1
        if end < len(segments):
            end = _best_cut(segments, cost, start, end, limit_s)
        parts.append(segments[start:end])
        start = end
    return parts


def _with_blocks(parts: list[list[Segment]], blocks: tuple[Block, ...]
                 ) -> list[tuple[list[Segment], tuple[Block, ...]]]:
    """Each part with the blocks it reads (its segments' block numbers made relative to them):
    blocks read by no segment go with the part after them; a paragraph cut in two is in both."""
    if len(parts) == 1:
        return [(parts[0], blocks)]
    spans = [[s.block for s in part if s.block >= 0] or [0] for part in parts]
    out = []
    for p, part in enumerate(parts):
        if p == 0:
            start = 0
        else:
            before = max(spans[p - 1])
            start = min(spans[p]) if min(spans[p]) <= before else before + 1
        end = len(blocks) if p == len(parts) - 1 else max(spans[p]) + 1
        moved = [dataclasses.replace(s, block=s.block - start) if s.block >= 0 else s for s in part]
        out.append((moved, blocks[start:end]))
    return out


def _cut_rank(segments: list[Segment], i: int) -> int:
    """How good a place the end of ``segments[i]`` is for a new part: 0 best, 3 inside a sentence."""
    here = segments[i].boundary
    if here == "heading":
        return 3  # never leave a heading at the end of a part
    if here == "section" or (i + 1 < len(segments) and segments[i + 1].boundary == "heading"):
        return 0
    return {"paragraph": 1, "item": 1, "sentence": 2}.get(here, 3)


def _best_cut(segments: list[Segment], cost: list[float], start: int, end: int, limit_s: float) -> int:
    """Where the part ``segments[start:end]`` (too long by one more segment) should end instead."""
    for rank in (0, 1, 2):
        used = sum(cost[start:end])
        for i in range(end - 1, start - 1, -1):
            # a place better than this rank counts too (before a heading, too early for rank 0)
            if _cut_rank(segments, i) <= rank and (rank or used >= 0.8 * limit_s):
                return i + 1
            used -= cost[i]
    return end


class _Planner:
    """Per-plan state: the compiled style sheet and lexicon, the limits and pauses."""

    def __init__(self, document: Document, config: Config,
                 tick: Callable[[], object] | None = None) -> None:
        self.config = config
        self.tick = tick
        self._until_tick = _TICK_EVERY
        self.pauses = config.pauses
        self.style = StyleSheet(config)
        self.style.looks = StyleSheet.looks_of(b for c in document.chapters for b in c.blocks)
        self.lexicon = Lexicon(config.lexicon)
        self.casting = Casting(config)
        self._abbreviations = config.abbreviations
        # a sentence knows only its language ("en"): the document's tag says which region's
        # table is taken first ("en-GB")
        self._doc_tag = _tag(document.region or document.lang)
        self._said: dict[tuple[str, bool, str, str], str] = {}
        self._numbered: dict[int, int] = {}  # list level -> the item whose number was said
        self.default_lang = normalize_lang(document.lang) or "en"
        self.max_chars = config.text.max_chars
        self.max_chars_cjk = config.text.max_chars_cjk
        self.title_level = config.parse.chapter_level or 1
        # a title that is just the file name (no title, heading or title line) is never narrated
        self.stem = PurePath(document.source_path).stem if document.source_path else None
        # The document title is heard once, in its place: where a block says it, else at the start.
        self.doc_title = _title_key(document.title)
        self.title_heard = not self.doc_title or document.title == self.stem or any(
            _title_key(b.text) == self.doc_title for c in document.chapters for b in c.blocks)

    # -- one chapter ---------------------------------------------------------------------

    def chapter(self, chapter: Chapter) -> tuple[list[_Draft], tuple[Block, ...]]:
        """The drafts of one chapter, pauses set except the final "end", and its blocks as read."""
        blocks = list(chapter.blocks)
        first = next((i for i, b in enumerate(blocks)
                      if b.kind != "break" and has_speech(b.text)), None)
        if first is None:
            return [], ()
        title_key = _title_key(chapter.title)
        head = blocks[first]
        if head.kind != "heading" and title_key and _title_key(head.text) == title_key:
            # A bold paragraph that is the chapter title: read it as the title it is.
            blocks[first] = dataclasses.replace(head, kind="heading", level=self.title_level)
        drafts: list[_Draft] = []
        # Titles narrate made up ("Introduction", "Part 4", the file name) name files and player
        # entries; only the document's own title is spoken, once.
        if blocks[first].kind != "heading" and title_key and not _MADE_UP.match(chapter.title) \
                and chapter.title != self.stem and not (title_key == self.doc_title and self.title_heard):
            self.title_heard = self.title_heard or title_key == self.doc_title
            title = " ".join(chapter.title.split())
            drafts.append(_Draft(title, detect_lang(title, self.default_lang),
                                 self.style.heading(self.title_level), (), "", "heading",
                                 self.pauses.after_heading))
        self._numbered = {}
        lines = self.casting.chapter(blocks)
        for number, block in enumerate(blocks[first:], first):
            if block.kind == "break":
                if drafts:
                    drafts[-1].boundary = "section"
                    drafts[-1].pause = max(drafts[-1].pause, self.pauses.section)
                continue
            before = len(drafts)
            lead = self._item_number(block)
            # room for the number in what the first sentence says ("one hundred and twelve. ")
            blocks[number] = self._block(block, drafts, number, lead, self.casting.unread(lines[number]))
            self.casting.assign(drafts[before:], block, lines[number])
            if lead and len(drafts) > before:  # said in the language of the item's first sentence
                drafts[before].lead = f"{lead}、" if is_cjk_lang(drafts[before].lang) else f"{lead}. "
            self._work(1 + len(drafts) - before)
            if block.kind == "heading" and before and len(drafts) > before:
                prev = drafts[before - 1]
                prev.pause = max(prev.pause, self.pauses.before_heading)
        self.casting.turns(drafts, lines)
        return drafts, tuple(blocks)

    def finish(self, index: int, drafts: list[_Draft]) -> tuple[Segment, ...]:
        """Segments with ids, spoken forms and the chapter-end boundary."""
        last = drafts[-1]
        last.boundary, last.pause = "end", 0
        lex = self.lexicon if self.lexicon else None
        segments = []
        for n, d in enumerate(drafts, 1):
            self._work(1)
            segments.append(Segment(
                id=f"c{index:02d}-s{n:04d}", chapter=index, text=d.text,
                spoken=lex.annotate(self.spoken(d.lead + strip_emoji(lex.apply(_said(d), d.lang)), d.boundary,
                                                d.lang, d.tag), d.lang)  # pinyin, phonemes: after numbers are said
                if lex is not None else self.spoken(d.lead + strip_emoji(_said(d)), d.boundary, d.lang, d.tag),
                lang=d.lang, emotion=d.emotion, boundary=d.boundary, pause_after_ms=d.pause,
                marks=d.marks, source=d.source, block=d.block, span=d.span, voice=d.voice))
        self._said.clear()  # memory stays bounded by one chapter
        return tuple(segments)

    def _item_number(self, block: Block) -> str:
        """"3" to say before the first sentence of item 3 of a numbered list (a step's number is part
        of what it says), unless its text numbers itself ("Step 3", "3)", "III."); "" otherwise.
        The blocks of one item share its number: only the first says it."""
        if block.kind != "item" or not block.ordered or block.item <= 0 or NOTE in block.context:
            if block.kind != "item":
                self._numbered.clear()
            return ""
        if self._numbered.get(block.level) == block.item:
            return ""  # the same item, after a list nested in it
        self._numbered = {k: v for k, v in self._numbered.items() if k < block.level}
        self._numbered[block.level] = block.item
        return "" if _SELF_NUMBERED.match(block.text.lstrip()) else str(block.item)

    def spoken(self, text: str, boundary: str, lang: str, tag: str = "") -> str:
        """:func:`spoken_text`, remembered until the chapter is finished (a sentence is measured
        by what it says before it is said); ``tag`` is its block's regional tag, if any."""
        key = (text, boundary in ("heading", "end"), lang, tag)
        said = self._said.get(key)
        if said is None:
            said = self._said[key] = spoken_text(text, boundary, lang, self.abbreviations(lang, tag),
                                                 region=self.region(lang, tag))
        return said

    def region(self, lang: str, tag: str = "") -> str:
        """The regional tag a sentence in ``lang`` is said with: its block's (``tag``), else the
        document's (see :func:`region_of`)."""
        return region_of(lang, tag, self._doc_tag)

    def abbreviations(self, lang: str, tag: str = "") -> Mapping[str, str] | None:
        """The user's abbreviations for ``lang`` (see :func:`abbreviations_for`), by the
        sentence's region (its block's <p lang="en-US">, else the document's)."""
        return abbreviations_for(self._abbreviations, lang, self.region(lang, tag) or self._doc_tag)

    def _work(self, units: int) -> None:
        """Count blocks and segments planned; ``tick`` about every 1,000 of them."""
        self._until_tick -= units
        if self._until_tick <= 0:
            self._until_tick = _TICK_EVERY
            if self.tick is not None:
                self.tick()

    # -- one block -----------------------------------------------------------------------

    def _block(self, block: Block, drafts: list[_Draft], number: int, lead: str = "",
               unread: list[tuple[int, int]] | None = None) -> Block:
        """Add the block's sentences to ``drafts``; return the block as read (spans index into it).
        ``lead`` (an item's number) will be said before it: its sentences leave room for it.
        ``unread`` ([start, end) of speaker labels) is shown, not read."""
        max_chars = self.max_chars - (len(normalize(lead + ". ", "en")) if lead else 0)
        max_chars_cjk = self.max_chars_cjk - (len(normalize(lead, "zh")) + 1 if lead else 0)
        text = block.text
        block_lang = normalize_lang(block.lang) if block.lang else None
        # a block's own region (<p lang="en-US"> in an en-GB page) picks its abbreviations table
        region = _tag(block.lang) if block.lang and "-" in block.lang.replace("_", "-") else ""
        runs = block.runs
        if len(runs) > 1 and ("doi" in text or "DOI" in text) and any(
                r.math is not None and is_doi(r.math) for r in runs):
            # a DOI taken for TeX ("...68474-1_13" has a subscript): an identifier, said "DOI"
            runs = tuple(dataclasses.replace(r, math=None) if r.math is not None and is_doi(r.math)
                         else r for r in runs)
        # Fast path: one plain run (most paragraphs) needs no coverage bookkeeping.
        plain = all(not r.marks and r.lang is None and r.emotion is None for r in runs)
        offsets = _run_offsets(runs) if not plain else None
        said = offsets is not None and any(r.math is not None or "sup" in r.marks or "sub" in r.marks
                                           for r in runs)
        formulas = [(offsets[j], offsets[j + 1]) for j, r in enumerate(runs) if r.math is not None] \
            if said and offsets else []
        # links (and a reference's DOI...) are shown as written and said short: never cut
        # inside, measured by what is said
        links = link_spans(text)
        ids = identifier_spans(text)
        if ids:
            links = sorted(links + ids)
        spans = sentence_pieces(text, max_chars=max_chars, max_chars_cjk=max_chars_cjk,
                                keep=formulas + [(lo, hi) for lo, hi, _ in links], saved=links,
                                lang=block_lang or self.default_lang)  # its abbreviations and dates
        if formulas:
            spans = _formulas_whole(spans, runs, offsets)  # type: ignore[arg-type]
        if unread:
            spans = cut_labels(spans, text, unread)
        opaque = sorted(formulas + [(lo, hi) for lo, hi, _ in links]) if links else formulas
        if not spans:
            return block
        ri = 0
        empty = Coverage()
        marks: tuple[str, ...]
        before = len(drafts)
        for a, b, cut in spans:
            sentence = text[a:b]
            lang_override = block_lang
            if offsets is None:
                cover, marks = empty, ()
            else:
                ri, cover, marks, run_lang = _cover(text, runs, offsets, ri, a, b)
                lang_override = run_lang or block_lang
            # a formula's or a link's letters say nothing about the language it is to be read in
            probe = _without(text, a, b, opaque) if opaque else sentence
            if not probe or is_small_run(probe) or (formulas and not _WORDISH.search(_TEX.sub("", probe))):
                # (beside formulas, letters that make no word are variables: "t^(", "B u_j")
                # formulas only, or "30%", "38°C": the language of the block, else the document's
                around = _without(text, 0, len(text), opaque) if opaque else text
                probe = "" if not around or is_small_run(around) else around
            lang = self._lang(probe, lang_override)
            draft = _Draft(" ".join(sentence.split()), lang, self.style.emotion(block, cover, sentence),
                           marks, block.source, "clause" if cut else "sentence",
                           self.pauses.clause if cut else self.pauses.sentence, number, (a, b),
                           _said_span(text, runs, offsets, a, b, lang) if said and offsets else None,
                           tag=region)
            if draft.spoken is not None and not has_speech(draft.spoken):
                continue  # formulas that say nothing ("\\quad" alone, for spacing): no take of silence
            limit = max_chars_cjk if is_cjk_lang(lang) else max_chars
            saying = len(self.spoken(draft.spoken, draft.boundary, lang, region)) if draft.spoken is not None else 0
            if draft.spoken is not None and saying > limit:
                # a formula says more than it shows: its words go in clause-sized pieces, and the
                # sentence is shown in as many parts, each as long as its share of the words (so
                # the read-along highlight moves through the formula as it is said); the pieces
                # are measured before numbers are said in words, so their limit is shortened
                # by as much as the words lengthen the whole
                short = max(limit // 4, limit * len(draft.spoken) // saying)
                pieces = _said_pieces(text, runs, offsets, a, b, lang, short)  # type: ignore[arg-type]
                for k, (lo, hi, piece) in enumerate(pieces):
                    last_piece = k == len(pieces) - 1
                    drafts.append(dataclasses.replace(
                        draft, text=" ".join(text[lo:hi].split()), span=(lo, hi), spoken=piece,
                        boundary=draft.boundary if last_piece else "clause",
                        pause=draft.pause if last_piece else self.pauses.clause))
                continue
            if draft.spoken is None:  # measured by what it says (remembered for finish())
                drafts.extend(self._fit_said(draft, sentence, a, limit))
                continue
            drafts.append(draft)
        if len(drafts) == before:
            return block
        last = drafts[-1]
        last.boundary = _LAST_BOUNDARY.get(block.kind, "paragraph")
        last.pause = {"heading": self.pauses.after_heading,
                      "item": self.pauses.item}.get(block.kind, self.pauses.paragraph)
        return block

    def _fit_said(self, draft: _Draft, sentence: str, start: int, limit: int) -> list[_Draft]:
        """``draft`` as is if what it says fits the engine's limit, else in pieces that do: the
        sentence was cut by its written length, and numbers said in words are longer ("205",
        "two hundred and five"). Each piece is cut from the written sentence, so what is shown
        is still what is said."""
        said = len(self.spoken(" ".join(sentence.split()), draft.boundary, draft.lang, draft.tag))
        if said <= limit:
            return [draft]
        pieces = split_long(sentence, max(limit // 4, limit * len(sentence) // said - 1), lang=draft.lang)
        if len(pieces) < 2:
            return [draft]  # one token says more than the limit: nothing to cut between
        out: list[_Draft] = []
        for k, (lo, hi) in enumerate(pieces):
            last = k == len(pieces) - 1
            piece = dataclasses.replace(
                draft, text=" ".join(sentence[lo:hi].split()), span=(start + lo, start + hi),
                boundary=draft.boundary if last else "clause",
                pause=draft.pause if last else self.pauses.clause)
            out.extend(self._fit_said(piece, sentence[lo:hi], start + lo, limit))
        return out

    def _lang(self, sentence: str, override: str | None) -> str:
        """Detected language, unless a lang attribute covers the sentence and fits its script
        (a lang="en" wrapper around Chinese text is a template artefact, not a request)."""
        detected = detect_lang(sentence, self.default_lang)
        if not override:
            return detected
        if is_cjk_lang(override) != is_cjk_lang(detected):
            return detected
        return override


# Chapter names parse.chapters makes up when a chapter has none: never spoken.
# an item that says its own number: "1.", "3)", "Step 2", "IV.", "(a)", "第三", "一、"
_SELF_NUMBERED = re.compile(r"(?:[0-9]+[.)、:]|\(?[0-9a-zA-Z]\)|(?i:step|part|question|q)\s*[0-9]"
                            r"|[IVXLC]+[.)]|第|[一二三四五六七八九十]+[、.．])")
_MADE_UP = re.compile(r"^(?:Introduction|Part \d+|引言|第\d+部分)$")
_ROMAN_HEAD = re.compile(r"^([IVXLCDM]+)(\.?)(?=\s|$)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _roman(numeral: str) -> int:
    total = 0
    for i, ch in enumerate(numeral):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(numeral) and _ROMAN_VALUES[numeral[i + 1]] > v else v
    return total


def _formulas_whole(spans: list[tuple[int, int, bool]], runs: tuple[Run, ...], offsets: list[int]
                    ) -> list[tuple[int, int, bool]]:
    """Spans with no cut inside a formula (a cut there joins the two pieces)."""
    inside = [(offsets[j], offsets[j + 1]) for j, r in enumerate(runs) if r.math is not None]
    out: list[tuple[int, int, bool]] = []
    for span in spans:
        if out and any(lo < out[-1][1] < hi for lo, hi in inside):
            out[-1] = (out[-1][0], span[1], span[2])
        else:
            out.append(span)
    return out


# a word of some language: a Chinese character or three Latin letters together
_WORDISH = re.compile(r"[\u3400-\u9fff]|[^\W\d_]{3,}")
_TEX = re.compile(r"\\[A-Za-z]+")  # a TeX command left beside a formula (\tag{89}) is no word
_CLAUSE_END = re.compile(r"(?<=[,，;；])\s+")


def _without(text: str, a: int, b: int, ranges: list[tuple[int, int]]) -> str:
    """text[a:b] without the parts in ``ranges`` (formulas); the whole if nothing else is left."""
    out, at = [], a
    for lo, hi in ranges:
        if hi <= a or lo >= b:
            continue
        out.append(text[at:max(at, lo)])
        at = max(at, min(hi, b))
    out.append(text[at:b])
    # a sentence of formulas only has no language of its own: "" (the caller gives it one)
    return " ".join("".join(out).split())


def _shares(text: str, a: int, b: int, weights: list[int],
            formulas: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """text[a:b] in len(weights) consecutive non-empty spans, each about as long as its weight's
    share, cut where a reader would (after a space or beside a Chinese character), outside
    brackets and formulas, where such a place is near."""
    n = len(weights)
    total = sum(weights) or 1
    depth, good = 0, []
    for i in range(a, b):
        ch = text[i]
        depth += ch in "([{（【" and 1 or (-1 if ch in ")]}）】" and depth > 0 else 0)
        p = i + 1
        if depth == 0 and p < b and (ch == " " or SYLLABIC.match(ch) or ch in "，、；：,;:") \
                and not any(lo < p < hi for lo, hi in formulas):
            good.append(p)
    bounds = [a]
    done = 0
    for k, w in enumerate(weights[:-1]):
        done += w
        cut = a + round((b - a) * done / total)
        lowest, highest = bounds[-1] + 1, b - (n - 1 - k)  # room for the pieces still to come
        near = [g for g in good if lowest <= g <= highest and abs(g - cut) <= (b - a) / (2 * n)]
        if near:
            cut = min(near, key=lambda g: abs(g - cut))
        bounds.append(min(max(cut, lowest), highest))
    bounds.append(b)
    return list(zip(bounds, bounds[1:]))


def _clause_pieces(spoken: str, limit: int) -> list[str]:
    """``spoken`` in pieces of at most ``limit`` characters, cut after commas where possible,
    else between words."""
    pieces: list[str] = []
    current = ""
    for chunk in _CLAUSE_END.split(spoken):
        words = chunk.split(" ") if len(chunk) > limit else [chunk]
        for w in words:
            joined = f"{current} {w}" if current else w
            if len(joined) <= limit or not current:
                current = joined
            else:
                pieces.append(current)
                current = w
    if current:
        pieces.append(current)
    if len(pieces) > 1 and len(pieces[-1].split()) <= 2:
        # never a stub at the end: the last two pieces shared out evenly between words
        words = (pieces[-2] + " " + pieces.pop()).split(" ")
        half = (len(words) + 1) // 2  # the first half takes the odd word
        pieces[-1:] = [" ".join(words[:half]), " ".join(words[half:])]
    return pieces or [spoken]


def _said(d: _Draft) -> str:
    return d.spoken if d.spoken is not None else d.text


def _said_span(text: str, runs: tuple[Run, ...], offsets: list[int], a: int, b: int, lang: str) -> str:
    """text[a:b] as said: formulas in words (once, in the piece where they start), <sup>/<sub>
    runs as exponents, ordinals or chemical formulas (script/maths.py)."""
    said = ""
    after_formula = False
    for j, run in enumerate(runs):
        lo, hi = offsets[j], offsets[j + 1]
        if hi <= a or lo >= b:
            continue
        if run.math is not None:
            if lo >= a:
                said += " " + _formula_words(run.math, lang) + " "
            after_formula = True
            continue
        piece = text[max(a, lo):min(b, hi)]
        kind = "sup" if "sup" in run.marks else "sub" if "sub" in run.marks else ""
        if kind:
            said, piece = script_words(said, piece, kind, lang, after_formula)
        said += piece
        after_formula = False
    return " ".join(said.split())


def _formula_words(tex: str, lang: str) -> str:
    """A formula as said, its numbers in words: pieces are measured by what they will say."""
    return normalize(speak_tex(tex, lang), lang)


_CHUNK = re.compile(r"[^\s，、；：,;:]+[，、；：,;:]?\s*|[，、；：,;:]\s*|\s+")


def _said_pieces(text: str, runs: tuple[Run, ...], offsets: list[int], a: int, b: int, lang: str,
                 limit: int) -> list[tuple[int, int, str]]:
    """text[a:b] (a sentence whose formulas say more than ``limit`` characters) in pieces of at
    most ``limit`` said characters: (start, end, said). A piece ends between words or formulas,
    so what is shown is what is said. A formula is never cut: one saying more than ``limit``
    is a piece of its own (one saying more than a listener can follow is already summarised);
    other text saying too much is said in clause-sized pieces and shown in matching parts."""
    units: list[list] = []  # [start, end, said]
    whole: set[int] = set()  # units that are one formula: never cut (a long one is summarised)
    for j, run in enumerate(runs):
        lo, hi = max(a, offsets[j]), min(b, offsets[j + 1])
        if hi <= lo:
            continue
        if run.math is not None:
            if offsets[j] >= a:
                whole.add(len(units))
                units.append([lo, hi, _formula_words(run.math, lang)])
            elif units:
                units[-1][1] = hi
            continue
        piece = text[lo:hi]
        kind = "sup" if "sup" in run.marks else "sub" if "sub" in run.marks else ""
        if kind:  # said with the word before it (x², CO₂)
            before = units[-1][2] if units else ""
            # after a formula's words it is the formula's exponent, as in a whole sentence (_said_span)
            before, words = script_words(before, piece, kind, lang, bool(units) and len(units) - 1 in whole)
            if units:
                units[-1][1:] = [hi, before + words]
            else:
                units.append([lo, hi, words])
            continue
        for m in _CHUNK.finditer(piece):
            units.append([lo + m.start(), lo + m.end(), m.group()])
    small: list[list] = []
    for k, (lo, hi, said) in enumerate(units):  # long text: in clause parts to pack evenly
        said = " ".join(said.split())
        if len(said) <= limit // 3 or k in whole:
            small.append([lo, hi, said, k in whole])
            continue
        parts = _clause_pieces(said, limit // 3)  # small parts: packed with their neighbours below
        small += [[p_lo, p_hi, part, False] for (p_lo, p_hi), part in
                  zip(_shares(text, lo, hi, [len(p) for p in parts]), parts)]
    out: list[tuple[int, int, str]] = []
    for group in _pack(small, limit):
        out.append((group[0][0], group[-1][1], " ".join(" ".join(u[2] for u in group).split())))
    # what is shown starts and ends on a character, not a space
    out = [(lo + len(text[lo:hi]) - len(text[lo:hi].lstrip()), hi - len(text[lo:hi]) + len(text[lo:hi].rstrip()), said)
           for lo, hi, said in out]
    return [(lo, hi, said) for lo, hi, said in out if hi > lo and said] or [(a, b, "")]


def _pack(units: list[list], limit: int) -> list[list[list]]:
    """Units (start, end, said, is a formula) in consecutive groups saying at most ``limit``
    characters each, chosen together: fewest stubs of one or two words, then fewest groups, then
    the most even. A unit saying more stands alone, except that a formula takes a word or two
    beside it ("For gold" before it) rather than leave them alone."""
    said = [" ".join(u[2].split()) for u in units]
    n = len(units)
    best: list[tuple[tuple[int, int, int], int] | None] = [None] * (n + 1)
    best[n] = ((0, 0, 0), n)
    for i in range(n - 1, -1, -1):
        length = -1
        for j in range(i + 1, n + 1):
            if said[j - 1]:
                length += len(said[j - 1]) + 1
            if j > i + 1 and length > limit and not _formula_and_stub(units[i:j], said[i:j]):
                break
            rest = best[j]
            if rest is None:
                continue
            words = " ".join(said[i:j])
            stub = int(len(words.split()) <= 2 and len(words) < limit // 4)
            (st, pieces, even), _ = rest
            cost = (st + stub, pieces + 1, even + max(length, 0) ** 2)
            if best[i] is None or cost < best[i][0]:  # type: ignore[index]
                best[i] = (cost, j)
    groups: list[list[list]] = []
    i = 0
    while i < n:
        j = best[i][1]  # type: ignore[index]
        groups.append(units[i:j])
        i = j
    return groups


def _formula_and_stub(units: list[list], said: list[str]) -> bool:
    """Is this group one formula and at most two words of text?"""
    return sum(1 for u in units if u[3]) == 1 and sum(
        len(w.split()) for u, w in zip(units, said) if not u[3]) <= 2


def spoken_text(text: str, boundary: str = "sentence", lang: str = "en",
                abbreviations: Mapping[str, str] | None = None, *, region: str = "") -> str:
    """What an engine is given for ``text`` (the written form, as one segment ending at
    ``boundary``): see spoken.py, normalize/ and maths.py; a heading that is (or starts with)
    a Roman numeral says the number ("IV. Scope" -> "four. Scope": engines read "IV" as letters).
    Numbers, units, dates and abbreviations are said first, then maths symbols, then whatever
    digits those left ("x to the power 12"); ``region`` ("en-GB") says dates as that region
    writes them."""
    text = short_links(text, lang)
    if may_need(text) or has_identifier(text):  # most text has neither
        text = say_markup(say_identifiers(text), lang)
    said = normalize(spoken_form(text, lang), region or lang, abbreviations=abbreviations)
    text = speak_symbols(said, lang)
    if boundary in ("heading", "end") and text[:1] in "IVXLCDM":
        m = _ROMAN_HEAD.match(text)
        if m and (m.group(2) or m.end() == len(text)) and (len(m.group(1)) > 1 or m.group(1) != "I"
                                                            or m.end() == len(text)):
            text = str(_roman(m.group(1))) + text[m.end(1):]
    # normalised text stays as it is: only what the symbols and numerals added is said again
    return text if text == said else normalize(text, region or lang, abbreviations=abbreviations)


def abbreviations_for(tables: Mapping[str, Mapping[str, str]], lang: str, document_lang: str = ""
                      ) -> Mapping[str, str] | None:
    """The [abbreviations.<tag>] table for ``lang`` ("en-GB" takes "en-GB", else "en"); a bare
    language ("en", as a sentence knows it) takes the document's region first when the document
    is in it. Tags compare in one spelling ("en_GB" is "en-gb"); a script subtag is looked past
    when no table names it ("zh-Hant-TW" takes "zh-Hant-TW", else "zh-TW", else "zh")."""
    if not tables:
        return None
    tables = {_tag(k): v for k, v in tables.items()}
    tag, doc_tag = _tag(lang), _tag(document_lang)
    primary = tag.split("-")[0]
    if tag == primary and doc_tag.split("-")[0] == primary:
        tag = doc_tag
    plain = "-".join(p for p in tag.split("-") if len(p) != 4 or not p.isalpha())  # no script subtag
    return tables.get(tag) or tables.get(plain) or tables.get(primary)


def region_of(lang: str, *tags: str) -> str:
    """The first of ``tags`` that names a region of ``lang`` ("en" with "en-GB": "en-gb", its
    dates day first), or ""."""
    primary = _tag(lang).split("-")[0]
    return next((t for t in map(_tag, tags) if "-" in t and t.split("-")[0] == primary), "")


def _tag(lang: str) -> str:
    """A language tag in one spelling: "en_GB" -> "en-gb"."""
    return lang.replace("_", "-").strip().lower()


def _title_key(title: str) -> str:
    """A title without spaces and punctuation, case-folded, for "is this block the title?"."""
    return _TITLE_JUNK.sub("", title).casefold()


def _run_offsets(runs: tuple[Run, ...]) -> list[int]:
    """Start offset of each run in the block text, plus the end."""
    offsets = [0]
    for r in runs:
        offsets.append(offsets[-1] + len(r.text))
    return offsets


def _nonspace(s: str) -> int:
    return len("".join(s.split()))


def _cover(text: str, runs: tuple[Run, ...], offsets: list[int], ri: int, a: int, b: int
           ) -> tuple[int, Coverage, tuple[str, ...], str | None]:
    """How the runs overlapping text[a:b] cover it. ``ri`` is where to start looking (sentences
    come in order, so the scan over runs is linear for the whole block)."""
    while ri + 1 < len(offsets) and offsets[ri + 1] <= a:
        ri += 1
    total = 0
    marks: dict[str, int] = {}
    emotions: dict[str, int] = {}
    langs: dict[str, int] = {}
    words = 0
    j = ri
    while j < len(runs) and offsets[j] < b:
        lo, hi = max(a, offsets[j]), min(b, offsets[j + 1])
        if hi > lo:
            part = text[lo:hi]
            n = _nonspace(part)
            if n:
                total += n
                run = runs[j]
                for m in run.marks:
                    marks[m] = marks.get(m, 0) + n
                if run.emotion:
                    emotions[run.emotion] = emotions.get(run.emotion, 0) + n
                w = len(_NON_WORD.sub("", part))  # letters and digits decide the language
                words += w
                if run.lang and w:
                    key = normalize_lang(run.lang)
                    langs[key] = langs.get(key, 0) + w
        j += 1
    run_lang = next((k for k, n in langs.items() if n == words), None) if words else None
    present = tuple(sorted(m for m, n in marks.items() if n))
    return ri, Coverage(total, marks, emotions), present, run_lang
