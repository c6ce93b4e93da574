"""One loudness gain for the whole programme, kept across rebuilds while it still fits.

:func:`normalize` measures the programme (from its chapters' gating blocks, see
:mod:`narrator.assembly.loudness`), picks the gain (:func:`choose_gains`: the rule for keeping the previous
narration's gain) and writes each chapter's final samples with a true-peak limiter. What the
previous narration recorded in its manifest (:class:`Reuse`) saves the work on chapters whose
samples did not change: their blocks are not measured again, and at the same gain their final
samples and true peak are known, so a chapter carried over without assembly
(``ChapterAudio.pending``) is not even written unless publishing must encode it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from narrator.config import Config
from narrator.util.parallel import map_ordered
from narrator.values import ChapterAudio, Level, LoudnessBlocks, PreviousAudio, Samples

if TYPE_CHECKING:
    import numpy as np

# A previous narration's gain is kept while the programme's new measurement asks for no more than
# this much change: far inside the 1 LU the loudness must hold, and it keeps every chapter that did
# not change byte-identical after a small edit (see choose_gains).
GAIN_TOLERANCE_DB = 0.25

log = logging.getLogger(__name__)


@dataclass
class Done:
    """What was done ahead: chapters assembled (index -> (audio, loudness blocks or None)),
    chapters levelled (index -> (gain, levelled audio)) and the provisional gain at the end."""

    assembled: dict[int, tuple[ChapterAudio, "np.ndarray | None"]] = field(default_factory=dict)
    levelled: dict[int, tuple[float, ChapterAudio]] = field(default_factory=dict)
    provisional: float | None = None


@dataclass(frozen=True, slots=True)
class Reuse:
    """What the narration being replaced recorded about its chapters, each only if it still
    applies to this run."""

    gain_db: float | None  # its gain, if made for the same target and ceiling
    samples: dict[str, Samples]  # recipe -> how the samples were made
    blocks: dict[str, "np.ndarray"]  # raw_sha256 -> gating blocks (same meter)
    levels: dict[str, tuple[Level, str]]  # raw_sha256 -> level and pcm_sha256 at gain_db


def reusable(previous: PreviousAudio | None, config: Config, rate: int) -> Reuse | None:
    """The records of the previous narration that still apply to this run (same sample rate;
    blocks from the same meter; levels for the same target and ceiling).

    Nothing is trusted blindly: a carried-over chapter's samples are checked against their
    sha256 when they are written, and recorded levels are used only with the same gain on the
    same samples.
    """
    from narrator.assembly.loudness import meter_id, unpack_blocks

    if previous is None or previous.sample_rate != rate:
        return None
    same_goal = (previous.gain_db is not None and previous.target_lufs == config.output.loudness
                 and previous.ceiling_dbtp == config.output.true_peak)
    meter = meter_id()
    found = Reuse(previous.gain_db if same_goal else None, {}, {}, {})
    for chapter in previous.chapters:
        raw = chapter.raw_sha256
        if raw is None:
            continue
        if chapter.samples is not None:
            found.samples[chapter.samples.recipe] = chapter.samples
        if chapter.blocks is not None and chapter.blocks.meter == meter:
            try:
                found.blocks[raw] = unpack_blocks(chapter.blocks.milli_lufs)
            except ValueError:
                log.debug("recorded loudness blocks of %s unreadable: measured again", raw)
        if same_goal and chapter.pcm_sha256 is not None and chapter.level is not None:
            found.levels[raw] = (chapter.level, chapter.pcm_sha256)
    return found


def normalize(chapters: list[ChapterAudio], raw_paths: Mapping[int, Path], config: Config,
              previous: Reuse | None, *, write_raw: Callable[[ChapterAudio], None],
              step: Callable[[int, str], None] | None = None,
              ahead_blocks: Mapping[int, "np.ndarray"] | None = None,
              ahead_levels: Mapping[int, tuple[float, ChapterAudio]] | None = None
              ) -> tuple[list[ChapterAudio], dict[str, float]]:
    """One gain for the whole programme: write each chapter's final samples to its ``wav_path``
    from its unnormalized ones at ``raw_paths[index]`` (written by ``write_raw`` first if the
    chapter is still pending). A pending chapter whose final samples are known from the previous
    narration stays pending: it is levelled when it is materialised.

    ``ahead_blocks`` and ``ahead_levels`` are what was measured and levelled while synthesis
    went on (chapter index -> blocks; -> (gain, levelled chapter); see
    :mod:`narrator.assembly.ahead`): a chapter levelled with the gain chosen is not levelled again.

    Returns the final chapters and the programme's loudness record for the manifest.
    """
    from narrator.assembly.loudness import chapter_blocks, integrated_loudness, meter_id, pack_blocks

    target, ceiling = config.output.loudness, config.output.true_peak

    def blocks_of(c: ChapterAudio) -> "np.ndarray":
        known = previous.blocks.get(_raw_sha256(c)) if previous is not None else None
        if known is None and ahead_blocks is not None:
            known = ahead_blocks.get(c.index)  # measured while synthesis went on
        if known is None:
            write_raw(c)
            known = chapter_blocks(raw_paths[c.index])
        if step is not None:
            step(c.index, "measure")
        return known

    try:
        blocks = map_ordered(blocks_of, chapters)
        measured = integrated_loudness(blocks)
        fresh = 0.0 if measured <= -70.0 else round(target - measured, 2)
        meter = meter_id()
        chapters = [replace(c, blocks=LoudnessBlocks(meter, pack_blocks(b))) for c, b in zip(chapters, blocks)]
        gains = gain_choices(blocks, target, previous)
        levels = ahead_levels or {}

        def level_one(c: ChapterAudio, gain: float) -> ChapterAudio:
            done_ahead = levels.get(c.index)
            if done_ahead is not None and done_ahead[0] == gain:
                made = replace(done_ahead[1], blocks=c.blocks)
            else:
                made = level_chapter(c, raw_paths[c.index], gain, ceiling, previous, write_raw)
            if step is not None:
                step(c.index, "level" if gain == gains[0] else "level again")
            return made

        for gain in gains:
            if gain != gains[0] and step is not None:
                getattr(step, "more", lambda n: None)(len(chapters))
            done = map_ordered(lambda c: level_one(c, gain), chapters)
            peak = max(c.level.true_peak_dbtp for c in done if c.level is not None)
            if peak <= ceiling:
                break
            log.debug("gain %.2f dB: true peak %.2f dBTP over the ceiling, trying the next", gain, peak)
    finally:
        for c in chapters:  # a chapter left pending writes its raw samples again when materialised
            raw_paths[c.index].unlink(missing_ok=True)
    # The limiter only touches isolated peaks, so the programme's loudness is the measured
    # loudness plus the gain (within a hundredth of a LU) without another pass over all of it.
    return done, {"target_lufs": float(target),
                  "integrated_lufs": round(measured + gain, 2) if measured > -70.0 else round(measured, 2),
                  "true_peak_dbtp": round(peak, 2), "gain_db": gain, "fresh_gain_db": fresh,
                  "ceiling_dbtp": float(ceiling)}


def gain_choices(blocks: "Sequence[np.ndarray]", target: float, previous: Reuse | None) -> list[float]:
    """The gains to try for a programme of chapters with these loudness blocks, best first:
    :func:`choose_gains` of its measurement, the previous narration's gain and the provisional
    gain chapters were levelled with ahead, had all of them been (computed again here, so that
    the choice never depends on how far the work ahead got)."""
    from narrator.assembly.loudness import integrated_loudness

    measured = integrated_loudness(blocks)
    fresh = 0.0 if measured <= -70.0 else round(target - measured, 2)
    provisional = provisional_gains(blocks, target, previous.gain_db if previous is not None else None)[-1]
    return choose_gains(fresh, previous, provisional)


def final_gain(blocks: "Sequence[np.ndarray]", target: float, previous: Reuse | None) -> float:
    """The gain the programme gets unless its true peak goes over the ceiling with it."""
    return gain_choices(blocks, target, previous)[0]


def provisional_gains(blocks: "Sequence[np.ndarray]", target: float, start: float | None) -> list[float]:
    """The gain each chapter is levelled with while synthesis goes on: chapter k's is chosen by
    :func:`choose_gains` between the measurement of chapters 1..k and chapter k-1's gain
    (``start``, the previous narration's, before the first)."""
    from narrator.assembly.loudness import integrated_loudness

    gains: list[float] = []
    gain = start
    for k in range(1, len(blocks) + 1):
        measured = integrated_loudness(blocks[:k])
        fresh = 0.0 if measured <= -70.0 else round(target - measured, 2)
        gain = choose_gains(fresh, None, gain)[0]
        gains.append(gain)
    return gains or [start if start is not None else 0.0]


def choose_gains(fresh: float, previous: Reuse | None, provisional: float | None = None) -> list[float]:
    """The gains to try, best first.

    The rule: the gain is always decided by a measurement over the whole programme, never per
    sentence, and quantized to 0.01 dB (``fresh``). If the narration being replaced used a gain
    within GAIN_TOLERANCE_DB (0.25 dB) of it, for the same target and ceiling, that gain is
    tried first: a one-sentence edit moves the measurement by hundredths of a dB, and keeping the
    old gain keeps every unchanged chapter byte-identical, so its encoded file and its piece of
    the book are kept. The loudness then stays within 0.25 LU of the target (the requirement is
    1 LU). If the true-peak ceiling does not hold with the old gain, the fresh one is used. A big
    edit (a loud new chapter) moves the measurement by more than the tolerance, so a stale gain
    is never kept.

    The same rule holds for the ``provisional`` gain that chapters were levelled and encoded with
    while synthesis went on (chosen chapter by chapter, by this rule, over the chapters done so
    far): if it is within the tolerance of the whole programme's measurement, it is kept, and so
    is the work done with it.
    """
    for kept in (previous.gain_db if previous is not None else None, provisional):
        if kept == fresh:
            break
        if kept is not None and abs(kept - fresh) <= GAIN_TOLERANCE_DB + 1e-9:
            return [kept, fresh]
    return [fresh]


def level_chapter(chapter: ChapterAudio, raw: Path, gain: float, ceiling: float, previous: Reuse | None,
           write_raw: Callable[[ChapterAudio], None]) -> ChapterAudio:
    """Apply ``gain`` to one chapter, limiting its true peak to ``ceiling`` dBTP.

    The limiter works on samples, ``margin`` dB under the ceiling; a chapter whose true peak
    still exceeds it is redone with a larger margin. A chapter the previous narration made from
    the same samples with the same gain is made with the margin it ended with: the same bytes,
    and its recorded true peak holds without measuring again; if it was carried over without
    assembly (pending), it is not written at all until publishing asks for it.
    """
    from narrator.assembly.loudness import SAMPLE_MARGIN_DB, apply_gain
    from narrator.assembly.loudness import level as level_samples

    known = previous.levels.get(_raw_sha256(chapter)) if previous is not None and previous.gain_db == gain else None
    if known is not None:
        level, pcm = known
        if chapter.pending is not None:
            pending = replace(chapter.pending, gain_db=gain, ceiling_dbfs=ceiling - level.margin_db, pcm_sha256=pcm)
            return replace(chapter, pcm_sha256=pcm, level=level, pending=pending)
        if apply_gain(raw, chapter.wav_path, gain, ceiling - level.margin_db) == pcm:
            return replace(chapter, pcm_sha256=pcm, level=level)
    write_raw(chapter)
    margin = SAMPLE_MARGIN_DB
    for attempt in range(3):
        pcm, peak = level_samples(raw, chapter.wav_path, gain, ceiling - margin)  # one pass: samples and true peak
        if peak <= ceiling or attempt == 2:
            break
        # Inter-sample peaks beat the margin: limit the samples harder and redo.
        margin += peak - ceiling + 0.2
    return replace(chapter, pcm_sha256=pcm, pending=None, level=Level(margin, peak))


def _raw_sha256(chapter: ChapterAudio) -> str:
    return chapter.samples.raw_sha256 if chapter.samples is not None else ""
