"""Takes -> chapter WAVs: trim, fade, pauses, exact timings, programme loudness.

Usage::

    programme = assemble(script, takes, config, workdir)
    for ch in programme.chapters:
        print(ch.wav_path, ch.duration, ch.timings[0].start)

Linear time and bounded memory: one take is in memory at a time and frames are appended to an
open WAV writer; timings come from the count of frames actually written, so they are exact.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping

from narrator._version import __version__
from narrator.util import ffmpeg
from narrator.config import Config
from narrator.values import ChapterAudio, Programme, Script, ScriptChapter, Segment, SegmentTiming, Take
from narrator.errors import OutputError
from narrator.events import EventSink, Notice, Progress, ignore
from narrator.util.wavio import MonoWriter, atomic_wav, read_mono16

if TYPE_CHECKING:
    import numpy as np

    from narrator.assembly.leveling import Previous

KEEP_MS = 20  # silence kept at each edge of a take after trimming
FADE_MS = 5  # fade in/out at each edge so that joins never click
SILENCE_THRESHOLD = 0.004  # |sample| below this fraction of full scale counts as silence
DEFAULT_RATE = 22050
ASSEMBLY_VERSION = 1  # bump when assembly makes other samples from the same takes


def assemble(script: Script, takes: Mapping[str, Take], config: Config, workdir: Path, *,
             previous: Mapping[str, Any] | None = None, on_event: EventSink = ignore) -> Programme:
    """Assemble the chapters of ``script`` from ``takes`` (segment id -> Take) into WAVs.

    Writes ``workdir/chNN.wav`` for every chapter whose segments all have a take (or, with
    ``config.allow_gaps``, with silence in place of missing takes), then normalizes the whole
    programme to ``config.output.loudness`` LUFS / ``config.output.true_peak`` dBTP with one gain.
    Frame counts never change in normalization, so the returned timings stay exact.

    ``previous`` is the manifest of the narration being replaced, if any. A chapter whose recipe
    (its takes' bytes, pauses, sample rate, this code) is the one recorded there is carried over
    without assembly: its timings come from the record, and its WAV is written only if publish
    calls its ``render``. The previous gain is kept when the new measurement is close enough
    (see :func:`narrator.assembly.leveling.choose_gains`), so that unchanged chapters stay byte-identical.
    """
    from narrator.assembly.leveling import normalize, previous_records

    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    rate = programme_rate(takes)
    chapters = [c for c in script.chapters if _complete(c, takes, config, on_event)]
    known = previous_records(previous, config, rate)
    raw: list[ChapterAudio] = []
    raw_paths: dict[int, Path] = {}
    do_normalize = config.output.normalize
    for done, chapter in enumerate(chapters, 1):
        final = workdir / f"ch{chapter.index:02d}.wav"
        # With normalization on, the unnormalized chapter is an intermediate file.
        target = raw_paths[chapter.index] = workdir / f".ch{chapter.index:02d}.raw.wav" if do_normalize else final
        recipe = chapter_recipe(chapter, takes, config, rate)
        record = _carry_record(known, recipe, chapter, need_blocks=do_normalize)
        if record is not None:
            render = functools.partial(_render, chapter, takes, config, rate, target, final, record["raw_sha256"])
            raw.append(_carried(chapter, record, recipe, rate, final, normalized=do_normalize, render=render))
        else:
            raw.append(_write_chapter(chapter, takes, config, rate, target, final, recipe))
        on_event(Progress("assemble", done, len(chapters)))
    loudness: dict[str, float] = {}
    if do_normalize and raw:
        raw, loudness = normalize(raw, raw_paths, config, known)
    return Programme(sample_rate=rate, chapters=tuple(raw), loudness=loudness)


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
        try:
            with open(take.path, "rb") as f:
                digest = hashlib.file_digest(f, "sha256").hexdigest()
        except OSError as e:
            raise OutputError(f"{take.path}: cannot read take ({e.strerror or e})") from None
        h.update(f"take {digest} {pause}\n".encode())
    return h.hexdigest()


def _carry_record(known: Previous | None, recipe: str, chapter: ScriptChapter, *,
                  need_blocks: bool) -> Mapping[str, Any] | None:
    """The previous narration's record of a chapter made from the same recipe, if it has all a
    carried-over chapter needs (with normalization: its loudness blocks)."""
    record = known.recipes.get(recipe) if known is not None else None
    if record is None or len(record["timings"]) != len(chapter.segments):
        return None
    if need_blocks and record["raw_sha256"] not in known.blocks:  # type: ignore[union-attr]
        return None
    return record


def _carried(chapter: ScriptChapter, record: Mapping[str, Any], recipe: str, rate: int, final: Path, *,
             normalized: bool, render: Callable[[], None]) -> ChapterAudio:
    """A chapter as the previous narration recorded it (exact timings from its frame counts)."""
    frames, spans = record["frames"], record["timings"]
    return ChapterAudio(index=chapter.index, title=chapter.title, wav_path=final, duration=frames / rate,
                        timings=tuple(SegmentTiming(seg.id, start / rate, end / rate)
                                      for seg, (start, end) in zip(chapter.segments, spans)),
                        pcm_sha256="" if normalized else record["raw_sha256"],
                        record={"recipe": recipe, "raw_sha256": record["raw_sha256"], "frames": frames,
                                "timings": spans},
                        render=render)


def _render(chapter: ScriptChapter, takes: Mapping[str, Take], config: Config, rate: int, path: Path,
            final: Path, raw_sha256: str) -> None:
    """Write a carried-over chapter's samples to ``path`` (unless there already), checking that
    they are the ones recorded."""
    if path.exists():
        return
    made = _write_chapter(chapter, takes, config, rate, path, final, "")
    if made.record["raw_sha256"] != raw_sha256:
        path.unlink(missing_ok=True)
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
    spans: list[list[int]] = []
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
            spans.append([start, out.frames])
            pause = config.pauses.chapter_tail if i == last else seg.pause_after_ms
            out.silence(_frames(pause, rate))
        frames = out.frames
        raw_sha256 = out.sha256()
    return ChapterAudio(index=chapter.index, title=chapter.title, wav_path=final,
                        duration=frames / rate, timings=tuple(timings),
                        pcm_sha256="" if config.output.normalize else raw_sha256,
                        record={"recipe": recipe, "raw_sha256": raw_sha256, "frames": frames, "timings": spans})


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


def lead_trim(path: Path, rate: int) -> float:
    """Seconds cut from the start of the take at ``path`` when it is assembled at ``rate``
    (negative: quiet added), so that a time in the take is ``segment start + t - lead_trim``."""
    import numpy as np

    x = read_mono16(path, rate)
    loud = np.flatnonzero(np.abs(x.astype(np.int32)) > int(32767 * SILENCE_THRESHOLD))
    return 0.0 if len(loud) == 0 else (int(loud[0]) - _frames(KEEP_MS, rate)) / rate


def gap_ms(segment: Segment) -> int:
    """A plausible length for a segment that has no audio: ~4 CJK characters or ~14 other
    characters per second, at least half a second."""
    text = segment.spoken or segment.text
    cjk = len(_CJK.findall(text))
    return max(500, int(cjk * 250 + (len(text) - cjk) * 70))


__all__ = ["assemble", "programme_rate", "gap_ms", "lead_trim"]
