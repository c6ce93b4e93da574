"""Takes -> chapter WAVs: trim, fade, pauses, exact timings, programme loudness.

Usage::

    programme = assemble(script, takes, config, workdir)
    for ch in programme.chapters:
        print(ch.wav_path, ch.duration, ch.timings[0].start)

Linear time and bounded memory: one take is in memory at a time and frames are appended to an
open WAV writer; timings come from the count of frames actually written, so they are exact.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Protocol, Sequence

from narrator._version import __version__
from narrator.util import ffmpeg
from narrator.config import Config
from narrator.util.parallel import map_ordered
from narrator.values import (
    ChapterAudio,
    Pending,
    PreviousAudio,
    Programme,
    Samples,
    Script,
    ScriptChapter,
    Segment,
    SegmentTiming,
    Take,
)
from narrator.errors import OutputError, output_errors
from narrator.events import EventSink, Notice, Progress, ignore
from narrator.text import speech_seconds
from narrator.util.wavio import MonoWriter, atomic_wav, read_mono16

if TYPE_CHECKING:
    import numpy as np

    from narrator.assembly.leveling import Done, Reuse

class Ahead(Protocol):
    """Chapters assembled while synthesis went on (see :class:`narrator.assembly.ahead.Ahead`)."""

    steps: "Steps"

    def finish(self, rate: int) -> "Done": ...


KEEP_MS = 20  # silence kept at each edge of a take after trimming
FADE_MS = 5  # fade in/out at each edge so that joins never click
SILENCE_THRESHOLD = 0.004  # |sample| below this fraction of full scale counts as silence
DEFAULT_RATE = 22050
ASSEMBLY_VERSION = 1  # bump when assembly makes other samples from the same takes

log = logging.getLogger(__name__)


def assemble(script: Script, takes: Mapping[str, Take], config: Config, workdir: Path, *,
             previous: PreviousAudio | None = None, on_event: EventSink = ignore,
             ahead: Ahead | None = None) -> Programme:
    """Assemble the chapters of ``script`` from ``takes`` (segment id -> Take) into WAVs.

    Writes ``workdir/chNN.wav`` for every chapter whose segments all have a take (or, with
    ``config.allow_gaps``, with silence in place of missing takes), then normalizes the whole
    programme to ``config.output.loudness`` LUFS / ``config.output.true_peak`` dBTP with one gain.
    Frame counts never change in normalization, so the returned timings stay exact.

    ``previous`` is what the narration being replaced recorded, if any. A chapter whose recipe
    (its takes' bytes, pauses, sample rate, this code) is the one recorded there is carried over
    without assembly: its timings come from the record, and its WAV is not written (it is
    ``pending``) until publishing asks :func:`materialise` for it. The previous gain is kept when
    the new measurement is close enough (see :func:`narrator.assembly.leveling.choose_gains`), so
    that unchanged chapters stay byte-identical.

    ``ahead`` holds the chapters assembled (and measured) while synthesis was still going on
    (see :class:`narrator.assembly.ahead.Ahead`): they are not written again.
    """
    workdir = Path(workdir)
    with output_errors(workdir, "cannot assemble audio"):
        return _assemble(script, takes, config, workdir, previous, on_event, ahead)


def _assemble(script: Script, takes: Mapping[str, Take], config: Config, workdir: Path,
              previous: PreviousAudio | None, on_event: EventSink, ahead: Ahead | None) -> Programme:
    from narrator.assembly.leveling import normalize, reusable

    workdir.mkdir(parents=True, exist_ok=True)
    rate = programme_rate(takes)
    chapters = [c for c in script.chapters if _complete(c, takes, config, on_event)]
    known = reusable(previous, config, rate)
    raw: list[ChapterAudio] = []
    raw_paths: dict[int, Path] = {}
    do_normalize = config.output.normalize
    # Units: each chapter written, then (normalizing) measured and levelled: long chapters take
    # a while at every step, and the display's ETA needs them all.
    steps = ahead.steps if ahead is not None else Steps(on_event, len(chapters), do_normalize)
    steps.chapters(len(chapters))
    done = ahead.finish(rate) if ahead is not None else None
    assembled = done.assembled if done is not None else {}
    measured = {i: blocks for i, (_, blocks) in assembled.items() if blocks is not None}
    for chapter in chapters:
        raw_paths[chapter.index] = raw_path(workdir, chapter, do_normalize)
        if chapter.index in assembled:
            raw.append(assembled[chapter.index][0])
        else:
            raw.append(chapter_audio(chapter, takes, config, rate, workdir, known))
        steps(chapter.index, "write")
    loudness: dict[str, float] = {}
    if do_normalize and raw:
        by_index = {c.index: c for c in chapters}
        raw, loudness = normalize(raw, raw_paths, config, known,
                                  write_raw=lambda c: _write_raw(c, by_index[c.index], takes, config),
                                  step=steps, ahead_blocks=measured,
                                  ahead_levels=done.levelled if done is not None else None)
    return Programme(sample_rate=rate, chapters=tuple(raw), loudness=loudness)


def raw_path(workdir: Path, chapter: ScriptChapter, normalize: bool) -> Path:
    """Where a chapter's unnormalized samples are written (with normalization on, an
    intermediate file; else the chapter's WAV itself)."""
    if normalize:
        return workdir / f".ch{chapter.index:02d}.raw.wav"
    return workdir / f"ch{chapter.index:02d}.wav"


def chapter_audio(chapter: ScriptChapter, takes: Mapping[str, Take], config: Config, rate: int,
                  workdir: Path, known: Reuse | None) -> ChapterAudio:
    """One chapter's unnormalized samples: carried over from the previous narration when made
    from the same recipe (not written yet: pending), else written to :func:`raw_path`."""
    do_normalize = config.output.normalize
    final = workdir / f"ch{chapter.index:02d}.wav"
    target = raw_path(workdir, chapter, do_normalize)
    recipe = chapter_recipe(chapter, takes, config, rate)
    samples = _carry_record(known, recipe, chapter, need_blocks=do_normalize)
    if samples is not None:
        log.debug("chapter %d: samples carried over from the previous narration", chapter.index)
        return _carried(chapter, samples, rate, final, target, normalized=do_normalize)
    return _write_chapter(chapter, takes, config, rate, target, final, recipe)


class Steps:
    """Counts the assembly's units of work as :class:`Progress` events: per chapter, writing it
    and (normalizing) measuring and levelling it, each counted once, whether done ahead (while
    synthesis went on) or at the end. Thread-safe: events are emitted one at a time."""

    def __init__(self, on_event: EventSink, chapters: int, normalize: bool) -> None:
        self.on_event, self.per_chapter = on_event, 3 if normalize else 1
        self.total, self.done = chapters * self.per_chapter, 0
        self._seen: set[tuple[int, str]] = set()
        self._lock = threading.Lock()

    def __call__(self, index: int, unit: str) -> None:
        with self._lock:
            if (index, unit) in self._seen:
                return
            self._seen.add((index, unit))
            self.done += 1
            self.total = max(self.total, self.done)
            self.on_event(Progress("assemble", self.done, self.total))

    def chapters(self, count: int) -> None:
        """The number of chapters to assemble is known (those whose takes all exist)."""
        with self._lock:
            self.total = max(self.done, count * self.per_chapter)

    def more(self, units: int) -> None:
        with self._lock:
            self.total += units


def materialise(chapters: Sequence[ChapterAudio], script: Script, takes: Mapping[str, Take],
                config: Config) -> None:
    """Write the WAVs of the ``pending`` chapters among ``chapters`` (carried over from the
    previous narration without assembly), checking that their samples are the ones recorded.
    Publishing calls this (through the pipeline) only for the chapters it must encode again;
    a chapter listed twice is written once."""
    from narrator.assembly.loudness import apply_gain

    by_index = {c.index: c for c in script.chapters}

    def write(audio: ChapterAudio) -> None:
        pending = audio.pending
        assert pending is not None
        _write_raw(audio, by_index[audio.index], takes, config)
        if pending.gain_db is None:
            return
        try:
            made = apply_gain(pending.raw_path, audio.wav_path, pending.gain_db, pending.ceiling_dbfs)
        finally:
            pending.raw_path.unlink(missing_ok=True)
        if made != pending.pcm_sha256:
            raise OutputError(f"chapter {audio.index}: normalized samples differ from the previous "
                              "narration's with the same gain (run again with --force)")

    todo = {c.index: c for c in chapters if c.pending is not None}  # each chapter once
    map_ordered(write, list(todo.values()))  # an OSError goes to the caller's boundary


def chapter_recipe(chapter: ScriptChapter, takes: Mapping[str, Take], config: Config, rate: int) -> str:
    """sha256 of everything a chapter's unnormalized samples are made from: the bytes of its
    takes (a cache entry made again by another run may differ), the gaps and pauses between
    them, the sample rate and the code that assembles them."""
    import numpy

    head = {"assembly": ASSEMBLY_VERSION, "narrator": __version__, "numpy": numpy.__version__,
            "ffmpeg": ffmpeg.build_id(), "rate": rate, "keep_ms": KEEP_MS, "fade_ms": FADE_MS,
            "threshold": SILENCE_THRESHOLD, "head": config.pauses.chapter_head}
    h = hashlib.sha256(json.dumps(head, sort_keys=True).encode())
    last = len(chapter.segments) - 1
    for i, seg in enumerate(chapter.segments):
        pause = config.pauses.chapter_tail if i == last else seg.pause_after_ms
        take = takes.get(seg.id)
        if take is None:
            h.update(f"gap {gap_ms(seg)} {pause}\n".encode())
            continue
        with open(take.path, "rb") as f:
            digest = hashlib.file_digest(f, "sha256").hexdigest()
        h.update(f"take {digest} {pause}\n".encode())
    return h.hexdigest()


def _carry_record(known: Reuse | None, recipe: str, chapter: ScriptChapter, *,
                  need_blocks: bool) -> Samples | None:
    """The previous narration's record of a chapter made from the same recipe, if it has all a
    carried-over chapter needs (with normalization: its loudness blocks)."""
    record = known.samples.get(recipe) if known is not None else None
    if record is None or len(record.timings) != len(chapter.segments):
        return None
    if need_blocks and record.raw_sha256 not in known.blocks:  # type: ignore[union-attr]
        return None
    return record


def _carried(chapter: ScriptChapter, samples: Samples, rate: int, final: Path, raw_path: Path, *,
             normalized: bool) -> ChapterAudio:
    """A chapter as the previous narration recorded it (exact timings from its frame counts),
    not written yet."""
    return ChapterAudio(index=chapter.index, title=chapter.title, wav_path=final,
                        duration=samples.frames / rate,
                        timings=tuple(SegmentTiming(seg.id, start / rate, end / rate)
                                      for seg, (start, end) in zip(chapter.segments, samples.timings)),
                        pcm_sha256="" if normalized else samples.raw_sha256, samples=samples,
                        pending=Pending(raw_path=raw_path, rate=rate))


def _write_raw(audio: ChapterAudio, chapter: ScriptChapter, takes: Mapping[str, Take], config: Config) -> None:
    """Write a pending chapter's unnormalized samples (unless already there), checking that
    they are the ones recorded."""
    pending, samples = audio.pending, audio.samples
    if pending is None or samples is None or pending.raw_path.exists():
        return
    made = _write_chapter(chapter, takes, config, pending.rate, pending.raw_path, audio.wav_path, "")
    if made.samples is None or made.samples.raw_sha256 != samples.raw_sha256:
        pending.raw_path.unlink(missing_ok=True)
        raise OutputError(f"chapter {chapter.index}: assembled samples differ from the previous "
                          "narration's with the same takes (run again with --force)")


def programme_rate(takes: Mapping[str, Take]) -> int:
    """The most common sample rate among the takes (ties: the highest); others are resampled."""
    counts = Counter(t.sample_rate for t in takes.values() if t.sample_rate > 0)
    if not counts:
        return DEFAULT_RATE
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _complete(chapter: ScriptChapter, takes: Mapping[str, Take], config: Config,
              on_event: EventSink) -> bool:
    missing = [s.id for s in chapter.segments if s.id not in takes]
    if not missing:
        return True
    if config.allow_gaps:
        on_event(Notice("warning", f"chapter {chapter.index}: {len(missing)} segment(s) without "
                                   f"audio replaced by silence ({', '.join(missing[:5])})"))
        return True
    on_event(Notice("warning", f"chapter {chapter.index} skipped: no audio for "
                               f"{', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}"))
    return False


def _frames(ms: float, rate: int) -> int:
    return int(round(ms * rate / 1000.0))


def _write_chapter(chapter: ScriptChapter, takes: Mapping[str, Take], config: Config, rate: int,
                   path: Path, final: Path, recipe: str) -> ChapterAudio:
    timings: list[SegmentTiming] = []
    spans: list[tuple[int, int]] = []
    last = len(chapter.segments) - 1
    with atomic_wav(path, rate) as out:
        out.silence(_frames(config.pauses.chapter_head, rate))
        for i, seg in enumerate(chapter.segments):
            start = out.frames
            take = takes.get(seg.id)
            if take is None:
                out.silence(_frames(gap_ms(seg), rate))
            else:
                _write_take(out, read_mono16(take.path, rate), rate)
            timings.append(SegmentTiming(seg.id, start / rate, out.frames / rate))
            spans.append((start, out.frames))
            pause = config.pauses.chapter_tail if i == last else seg.pause_after_ms
            out.silence(_frames(pause, rate))
        frames = out.frames
        raw_sha256 = out.sha256()
    return ChapterAudio(index=chapter.index, title=chapter.title, wav_path=final,
                        duration=frames / rate, timings=tuple(timings),
                        pcm_sha256="" if config.output.normalize else raw_sha256,
                        samples=Samples(recipe, raw_sha256, frames, tuple(spans)))


def _write_take(out: MonoWriter, x: "np.ndarray", rate: int) -> None:
    """Append ``x`` with exactly KEEP_MS of quiet at each edge, its ends faded.

    Longer silences are trimmed; a take that starts or ends abruptly (no silence at all) is faded
    over FADE_MS and padded with zeros, so a join never clicks.
    """
    import numpy as np

    loud = np.flatnonzero(np.abs(x.astype(np.int32)) > int(32767 * SILENCE_THRESHOLD))
    if len(loud) == 0:
        return  # a take with nothing audible contributes no frames (start == end)
    keep = _frames(KEEP_MS, rate)
    lo, hi = max(0, loud[0] - keep), min(len(x), loud[-1] + 1 + keep)
    y = x[lo:hi].astype(np.float64)
    n = min(_frames(FADE_MS, rate), len(y) // 2)
    if n > 0:
        ramp = np.arange(1, n + 1, dtype=np.float64) / (n + 1)
        y[:n] *= ramp
        y[-n:] *= ramp[::-1]
    out.silence(keep - (loud[0] - lo))
    out.write(np.rint(y).astype("<i2"))
    out.silence(keep - (hi - 1 - loud[-1]))


def lead_trim(path: Path, rate: int) -> float:
    """Seconds cut from the start of the take at ``path`` when it is assembled at ``rate``
    (negative: quiet added), so that a time in the take is ``segment start + t - lead_trim``."""
    import numpy as np

    x = read_mono16(path, rate)
    loud = np.flatnonzero(np.abs(x.astype(np.int32)) > int(32767 * SILENCE_THRESHOLD))
    return 0.0 if len(loud) == 0 else (int(loud[0]) - _frames(KEEP_MS, rate)) / rate


def gap_ms(segment: Segment) -> int:
    """A plausible length for a segment that has no audio: its text at the typical speaking
    rate (:func:`narrator.text.speech_seconds`), at least half a second."""
    return max(500, int(speech_seconds(segment.spoken or segment.text) * 1000))


__all__ = ["assemble", "materialise", "programme_rate", "gap_ms", "lead_trim"]
