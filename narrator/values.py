"""The immutable values that flow through the pipeline.

parse -> Document -> plan -> Script -> synthesize -> Takes -> assemble -> Programme -> publish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal

BlockKind = Literal["heading", "paragraph", "item", "quote", "caption", "cell", "code", "break"]
"""``break`` is a section break inside a chapter (hr, or a page break that does not start a chapter)."""

Boundary = Literal["clause", "sentence", "paragraph", "item", "heading", "section", "end"]
"""What follows a segment; decides the pause after it. ``end`` = last segment of its chapter;
``clause`` = a long sentence was cut here (a short pause, not a full stop)."""


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of inline text with its marks.

    ``marks`` holds inline tag names that matter for emotion ("strong", "em", "u", "code", "q",
    "sub", "sup") and ".class" names of the run's own inline elements. ``lang`` comes from a
    lang attribute, ``emotion`` from an explicit data-emotion attribute on an inline element.
    """

    text: str
    marks: frozenset[str] = frozenset()
    lang: str | None = None
    emotion: str | None = None
    # A formula: its TeX source (``text`` is then a rendering for the reader; the script says
    # the formula in words from this).
    math: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One block of text in reading order.

    ``context`` holds the names of enclosing elements that matter for style ("blockquote",
    "figcaption", "th", "li", "aside"...) and ".class" names of the block and its ancestors.
    ``emotion`` is the nearest explicit data-emotion on the block or an ancestor.
    ``source`` locates the block in the input (``#id`` or a CSS-like path) for the manifest.
    """

    kind: BlockKind
    runs: tuple[Run, ...]
    level: int = 0  # heading level 1-6; list nesting depth for items
    source: str = ""
    context: frozenset[str] = frozenset()
    emotion: str | None = None
    lang: str | None = None
    # Layout for readers (the player, the EPUB); narration does not depend on these.
    ordered: bool = False  # an item of a numbered list
    item: int = 0  # an item's number in its list (1-based; 0 = unknown); blocks of one <li> share it
    images: tuple[str, ...] = ()  # src of the images in the block, as the input wrote them
    cells: tuple[tuple[int, int, int], ...] = ()  # a table row: (start, value start, end) in text per cell

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An element of the input that is not read, and why: nothing is left out silently.

    ``what`` is a short noun a listener's teacher understands ("code block", "data table",
    "page navigation"); ``reason`` says why it is not read; ``chars`` is its text length and
    ``rows`` its number of rows (tables) or lines (code).
    """

    source: str
    what: str
    reason: str
    chars: int = 0
    rows: int = 0


@dataclass(frozen=True, slots=True)
class Chapter:
    index: int  # 1-based
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    lang: str  # main language: "zh", "en", ...
    chapters: tuple[Chapter, ...]
    source_path: str = ""
    source_sha256: str = ""
    skipped: tuple[Skipped, ...] = ()  # what is not read, in document order
    warnings: tuple[str, ...] = ()  # problems repaired while reading (invalid bytes...)


@dataclass(frozen=True, slots=True)
class Segment:
    """The unit of synthesis and of the manifest: one sentence (or a piece of a long one)."""

    id: str  # positional, for humans and the player: "c02-s0015"
    chapter: int
    text: str  # what the reader sees
    spoken: str  # what the engine gets (after the lexicon)
    lang: str
    emotion: str
    boundary: Boundary
    pause_after_ms: int
    marks: tuple[str, ...] = ()
    source: str = ""
    # Where the text is shown: index of its block in ScriptChapter.blocks (-1: a chapter title the
    # planner added) and its [start, end) offsets in that block's text.
    block: int = -1
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class ScriptChapter:
    index: int
    title: str
    segments: tuple[Segment, ...]
    blocks: tuple[Block, ...] = ()  # the chapter's blocks as planned, for the page layout


@dataclass(frozen=True, slots=True)
class Script:
    """A document planned for narration: chapters of segments, each with emotion and pause."""

    title: str
    lang: str
    chapters: tuple[ScriptChapter, ...]
    source_path: str = ""
    source_sha256: str = ""
    skipped: tuple[Skipped, ...] = ()  # Document.skipped, passed on for the dry run and manifest
    warnings: tuple[str, ...] = ()  # Document.warnings

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(s for c in self.chapters for s in c.segments)


@dataclass(frozen=True, slots=True)
class Take:
    """One synthesized segment: a mono 16-bit PCM WAV file (in the cache)."""

    segment_id: str
    path: Path
    sample_rate: int
    duration: float
    cache_key: str
    source: Literal["engine", "cache"]


@dataclass(frozen=True, slots=True)
class SegmentTiming:
    segment_id: str
    start: float  # seconds from the start of the chapter file
    end: float


@dataclass(frozen=True, slots=True)
class ChapterAudio:
    """A chapter assembled into one WAV file, with exact timings from the frames written."""

    index: int
    title: str
    wav_path: Path
    duration: float
    timings: tuple[SegmentTiming, ...]
    # sha256 of the chapter's final PCM samples ("" = not known): publish keeps an encoded file
    # or a piece of the book made from the same samples instead of encoding them again.
    pcm_sha256: str = ""
    # How it was made (recipe, raw_sha256, frames, gating blocks, margin_db, true_peak_dbtp...),
    # recorded in the manifest so that the next build can carry it over if nothing changed.
    record: dict[str, Any] = field(default_factory=dict)
    # None: ``wav_path`` is written. Otherwise the chapter was carried over unchanged from the
    # previous narration and this call writes ``wav_path`` (the samples ``pcm_sha256`` names),
    # for publish to call only if it must encode it again.
    render: Callable[[], None] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Programme:
    """All assembled chapters in order, plus the loudness measured over the whole programme."""

    sample_rate: int
    chapters: tuple[ChapterAudio, ...]
    loudness: dict[str, float] = field(default_factory=dict)  # {"integrated_lufs":..., "true_peak_dbtp":..., "gain_db":...}

    @property
    def duration(self) -> float:
        return sum(c.duration for c in self.chapters)
