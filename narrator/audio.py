"""Takes -> chapter WAVs: trim, fade, pauses, exact timings, programme loudness.

Usage::

    programme = assemble(script, takes, config, workdir)
    for ch in programme.chapters:
        print(ch.wav_path, ch.duration, ch.timings[0].start)

Linear time and bounded memory: one take is in memory at a time and frames are appended to an
open WAV writer; timings come from the count of frames actually written, so they are exact.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from .config import Config
from .document import ChapterAudio, Programme, Script, ScriptChapter, Segment, SegmentTiming, Take
from .events import EventSink, Notice, Progress, ignore
from .wavio import MonoWriter, atomic_wav, read_mono16

if TYPE_CHECKING:
    import numpy as np

KEEP_MS = 20  # silence kept at each edge of a take after trimming
FADE_MS = 5  # fade in/out at each edge so that joins never click
SILENCE_THRESHOLD = 0.004  # |sample| below this fraction of full scale counts as silence
DEFAULT_RATE = 22050


def assemble(script: Script, takes: Mapping[str, Take], config: Config, workdir: Path, *,
             on_event: EventSink = ignore) -> Programme:
    """Assemble the chapters of ``script`` from ``takes`` (segment id -> Take) into WAVs.

    Writes ``workdir/chNN.wav`` for every chapter whose segments all have a take (or, with
    ``config.allow_gaps``, with silence in place of missing takes), then normalizes the whole
    programme to ``config.output.loudness`` LUFS / ``config.output.true_peak`` dBTP with one gain.
    Frame counts never change in normalization, so the returned timings stay exact.
    """
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    rate = programme_rate(takes)
    chapters = [c for c in script.chapters if _complete(c, takes, config, on_event)]
    raw: list[ChapterAudio] = []
    normalize = config.output.normalize
    for done, chapter in enumerate(chapters, 1):
        final = workdir / f"ch{chapter.index:02d}.wav"
        # With normalization on, the unnormalized chapter is an intermediate file.
        target = workdir / f".ch{chapter.index:02d}.raw.wav" if normalize else final
        raw.append(_write_chapter(chapter, takes, config, rate, target, final))
        on_event(Progress("assemble", done, len(chapters)))
    loudness: dict[str, float] = {}
    if normalize and raw:
        loudness = _normalize(raw, config, workdir)
    return Programme(sample_rate=rate, chapters=tuple(raw), loudness=loudness)


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
                   path: Path, final: Path) -> ChapterAudio:
    timings: list[SegmentTiming] = []
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
            pause = config.pauses.chapter_tail if i == last else seg.pause_after_ms
            out.silence(_frames(pause, rate))
        frames = out.frames
    return ChapterAudio(index=chapter.index, title=chapter.title, wav_path=final,
                        duration=frames / rate, timings=tuple(timings))


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


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")


def gap_ms(segment: Segment) -> int:
    """A plausible length for a segment that has no audio: ~4 CJK characters or ~14 other
    characters per second, at least half a second."""
    text = segment.spoken or segment.text
    cjk = len(_CJK.findall(text))
    return max(500, int(cjk * 250 + (len(text) - cjk) * 70))


def _normalize(chapters: list[ChapterAudio], config: Config, workdir: Path) -> dict[str, float]:
    """One gain for the whole programme; rewrite each raw chapter to its final name."""
    from .loudness import SAMPLE_MARGIN_DB, apply_gain, measure

    raw_paths = [workdir / f".ch{c.index:02d}.raw.wav" for c in chapters]
    target, tp = config.output.loudness, config.output.true_peak
    try:
        before = measure(raw_paths, workdir, true_peak=False)
        gain = 0.0 if before.integrated_lufs <= -70.0 else target - before.integrated_lufs
        margin = SAMPLE_MARGIN_DB
        for attempt in range(3):
            for c, src in zip(chapters, raw_paths):
                apply_gain(src, c.wav_path, gain, tp - margin)
            after = measure([c.wav_path for c in chapters], workdir)
            if after.true_peak_dbtp <= tp:
                break
            # Inter-sample peaks beat the margin: limit the samples harder and redo.
            margin += after.true_peak_dbtp - tp + 0.2
    finally:
        for p in raw_paths:
            p.unlink(missing_ok=True)
    return {"target_lufs": float(target), "integrated_lufs": round(after.integrated_lufs, 2),
            "true_peak_dbtp": round(after.true_peak_dbtp, 2), "gain_db": round(gain, 2)}


__all__ = ["assemble", "programme_rate", "gap_ms"]
