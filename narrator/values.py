"""The immutable values that flow through the pipeline.

parse -> Document -> plan -> Script -> synthesize -> Takes -> assemble -> Programme -> publish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

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

    @property
    def voice(self) -> str | None:
        """The role named by an explicit data-voice on an inline element (the parser keeps it
        among the marks as ``voice:<name>``), or None."""
        return voice_in(self.marks)


VOICE = "voice:"
"""Prefix of the context entry (blocks) or mark (runs) naming an explicit data-voice role."""


def voice_in(names: frozenset[str]) -> str | None:
    """The role a ``voice:<name>`` entry of ``names`` names (the nearest one: the parser keeps one)."""
    for name in names:
        if name.startswith(VOICE):
            return name[len(VOICE):] or None
    return None


NOTE = "note"
"""Context of the blocks of a footnote or endnote (set by the parser, read by the planner)."""


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
    # print page numbers (their labels: "12", "xiv") whose page starts in or just before this block,
    # from page markers (epub:type="pagebreak", role="doc-pagebreak"); never read, shown in the EPUB
    pages: tuple[str, ...] = ()
    page_at: tuple[int, ...] = ()  # where in text each of those pages starts (none given: 0, the start)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def voice(self) -> str | None:
        """The role named by the nearest explicit data-voice on the block or an ancestor, or None."""
        return voice_in(self.context)


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
    # the language with its region as <html lang> names it ("en-GB"), when the document is in
    # that language: which [abbreviations.<region>] table is taken first
    region: str = ""


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
    # A teacher's choice among the takes made for it (script/corrections.py): take 1 is the
    # first; another take is another cache entry, and every one is kept until pruned.
    take: int = 1
    takes: int = 1
    # Who says it (script/casting.py): a role of the lesson ("A", "老师", "quote"); "" = the
    # narrator. The cast in narrate.toml ([voices]) gives each role its voice.
    voice: str = ""


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


# -- what a build records about each chapter, so that the next build can reuse it ---------------
# Assembly fills the first three, publishing the last two; narrator.publishing.manifest writes them
# under a chapter's "build" entry, narrator.rebuild reads them back (see Previous*, below).


@dataclass(frozen=True, slots=True)
class Samples:
    """How assembly made a chapter's unnormalized samples: the sha256 of its recipe (takes,
    pauses, rate, code), of the samples made, their frame count and each segment's frame span."""

    recipe: str
    raw_sha256: str
    frames: int
    timings: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class LoudnessBlocks:
    """A chapter's gating blocks (packed by narrator.assembly.loudness) and the meter that measured them."""

    meter: str
    milli_lufs: str


@dataclass(frozen=True, slots=True)
class Level:
    """How the programme gain was applied to a chapter: the limiter's margin under the ceiling
    (dB) and the true peak that resulted (dBTP)."""

    margin_db: float
    true_peak_dbtp: float


@dataclass(frozen=True, slots=True)
class FileRecord:
    """An encoded chapter file: its path in the output folder, what it was encoded from (hashed)
    and the sha256 of its bytes."""

    file: str
    key: str
    sha256: str


@dataclass(frozen=True, slots=True)
class BookPiece:
    """One chapter's frames in the book's raw stream (see narrator.publishing.book)."""

    key: str  # what the piece is made from: the chapter's samples and the encoding
    sha256: str
    size: int  # bytes
    samples: int  # samples a decoder gets out of it
    lead: int  # of which before the chapter's first sample (0 unless the chapter starts loud)


@dataclass(frozen=True, slots=True)
class Pending:
    """A chapter carried over from the previous narration whose WAV is not written yet:
    :func:`narrator.assembly.materialise` writes it when publishing must encode it again. The
    unnormalized samples go to ``raw_path``; with ``gain_db`` set they are then levelled into
    the chapter's ``wav_path`` (limiter ceiling ``ceiling_dbfs``), which must hash to ``pcm_sha256``."""

    raw_path: Path
    rate: int
    gain_db: float | None = None
    ceiling_dbfs: float = 0.0
    pcm_sha256: str = ""


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
    # How it was made, recorded in the manifest so that the next build can carry it over.
    samples: Samples | None = None
    blocks: LoudnessBlocks | None = None
    level: Level | None = None
    # Not None: carried over unchanged from the previous narration, ``wav_path`` not written yet.
    pending: Pending | None = None


@dataclass(frozen=True, slots=True)
class Programme:
    """All assembled chapters in order, plus the loudness measured over the whole programme."""

    sample_rate: int
    chapters: tuple[ChapterAudio, ...]
    loudness: dict[str, float] = field(default_factory=dict)  # {"integrated_lufs":..., "true_peak_dbtp":..., "gain_db":...}

    @property
    def duration(self) -> float:
        return sum(c.duration for c in self.chapters)


# -- the previous narration, as each stage may reuse it (read by narrator.rebuild) ---------------


@dataclass(frozen=True, slots=True)
class PreviousChapter:
    """One chapter entry of the previous manifest; each record None where missing or malformed."""

    pcm_sha256: str | None
    samples: Samples | None
    raw_sha256: str | None  # of its unnormalized samples (also in ``samples`` when complete)
    blocks: LoudnessBlocks | None
    level: Level | None
    encoded: FileRecord | None
    piece: BookPiece | None


@dataclass(frozen=True, slots=True)
class PreviousAudio:
    """What assembly may reuse: the previous programme's sample rate, its gain and the target
    and ceiling it was chosen for, and its chapters' samples, blocks and levels."""

    sample_rate: int | None = None
    gain_db: float | None = None
    target_lufs: float | None = None
    ceiling_dbtp: float | None = None
    chapters: tuple[PreviousChapter, ...] = ()


@dataclass(frozen=True, slots=True)
class PreviousFiles:
    """What publishing may reuse: encoded chapter files, the book's pieces, and the names of
    every file the previous narration listed (removed if this one does not list them)."""

    book: str | None = None
    chapters: tuple[PreviousChapter, ...] = ()
    listed: frozenset[str] = frozenset()
