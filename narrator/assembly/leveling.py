"""One loudness gain for the whole programme, kept across rebuilds while it still fits.

:func:`normalize` measures the programme (from its chapters' gating blocks, see
:mod:`narrator.assembly.loudness`), picks the gain (:func:`choose_gains`: the rule for keeping the previous
narration's gain) and writes each chapter's final samples with a true-peak limiter. What the
previous narration recorded in its manifest (:class:`Previous`) saves the work on chapters whose
samples did not change: their blocks are not measured again, and at the same gain their final
samples and true peak are known, so a chapter carried over without assembly
(``ChapterAudio.render``) is not even written unless publish must encode it again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from narrator.config import Config
from narrator.values import ChapterAudio
from narrator.errors import OutputError
from narrator.util.parallel import map_ordered

if TYPE_CHECKING:
    import numpy as np

# A previous narration's gain is kept while the programme's new measurement asks for no more than
# this much change: far inside the 1 LU the loudness must hold, and it keeps every chapter that did
# not change byte-identical after a small edit (see choose_gains).
GAIN_TOLERANCE_DB = 0.25


@dataclass(frozen=True, slots=True)
class Previous:
    """What the narration being replaced recorded about its chapters (manifest chapter "build"
    entries), each only if it still applies to this run."""

    gain_db: float | None  # its gain, if made for the same target and ceiling
    recipes: dict[str, Mapping[str, Any]]  # recipe -> raw_sha256, frames, timings
    blocks: dict[str, "np.ndarray"]  # raw_sha256 -> gating blocks (same meter)
    levels: dict[str, Mapping[str, Any]]  # raw_sha256 -> margin_db, true_peak_dbtp, pcm_sha256 at gain_db


def previous_records(previous: Mapping[str, Any] | None, config: Config, rate: int) -> Previous | None:
    """The records of the previous manifest that still apply to this run (same sample rate;
    blocks from the same meter; levels for the same target and ceiling).

    Nothing is trusted blindly: a carried-over chapter's samples are checked against their
    sha256 when they are written, and recorded levels are used only with the same gain on the
    same samples.
    """
    from narrator.assembly.loudness import meter_id, unpack_blocks

    if not previous or (previous.get("audio") or {}).get("sample_rate") != rate:
        return None
    loudness = previous.get("loudness") or {}
    gain = loudness.get("gain_db")
    same_goal = (isinstance(gain, (int, float)) and loudness.get("target_lufs") == config.output.loudness
                 and loudness.get("ceiling_dbtp") == config.output.true_peak)
    meter = meter_id()
    found = Previous(float(gain) if same_goal else None, {}, {}, {})  # type: ignore[arg-type]
    for entry in previous.get("chapters") or []:
        record = entry.get("build") if isinstance(entry, dict) else None
        if not isinstance(record, dict) or not isinstance(record.get("raw_sha256"), str):
            continue
        raw = record["raw_sha256"]
        timings = record.get("timings")
        if (isinstance(record.get("recipe"), str) and isinstance(record.get("frames"), int)
                and isinstance(timings, list)
                and all(isinstance(t, list) and len(t) == 2 and all(isinstance(v, int) for v in t)
                        for t in timings)):
            found.recipes[record["recipe"]] = record
        packed = record.get("loudness_blocks")
        if isinstance(packed, dict) and packed.get("meter") == meter and isinstance(packed.get("milli_lufs"), str):
            try:
                found.blocks[raw] = unpack_blocks(packed["milli_lufs"])
            except ValueError:
                pass
        if (same_goal and isinstance(entry.get("pcm_sha256"), str)
                and isinstance(record.get("margin_db"), (int, float))
                and isinstance(record.get("true_peak_dbtp"), (int, float))):
            found.levels[raw] = {**record, "pcm_sha256": entry["pcm_sha256"]}
    return found


def normalize(chapters: list[ChapterAudio], raw_paths: Mapping[int, Path], config: Config,
              previous: Previous | None) -> tuple[list[ChapterAudio], dict[str, float]]:
    """One gain for the whole programme: write each chapter's final samples to its ``wav_path``
    from its unnormalized ones at ``raw_paths[index]`` (written by ``render`` if not yet there).

    Returns the final chapters and the programme's loudness record for the manifest.
    """
    from narrator.assembly.loudness import chapter_blocks, integrated_loudness, meter_id, pack_blocks

    target, ceiling = config.output.loudness, config.output.true_peak

    def blocks_of(c: ChapterAudio) -> "np.ndarray":
        known = previous.blocks.get(c.record["raw_sha256"]) if previous is not None else None
        if known is not None:
            return known
        _write_raw(c)
        return chapter_blocks(raw_paths[c.index])

    try:
        blocks = map_ordered(blocks_of, chapters)
        measured = integrated_loudness(blocks)
        fresh = 0.0 if measured <= -70.0 else round(target - measured, 2)
        meter = meter_id()
        chapters = [replace(c, record={**c.record, "loudness_blocks": {"meter": meter, "milli_lufs": pack_blocks(b)}})
                    for c, b in zip(chapters, blocks)]
        for gain in choose_gains(fresh, previous):
            done = map_ordered(lambda c: _level(c, raw_paths[c.index], gain, ceiling, previous), chapters)
            peak = max(c.record["true_peak_dbtp"] for c in done)
            if peak <= ceiling:
                break
    finally:
        for c in chapters:  # a chapter left to write later writes its raw samples again then
            raw_paths[c.index].unlink(missing_ok=True)
    # The limiter only touches isolated peaks, so the programme's loudness is the measured
    # loudness plus the gain (within a hundredth of a LU) without another pass over all of it.
    return done, {"target_lufs": float(target),
                  "integrated_lufs": round(measured + gain, 2) if measured > -70.0 else round(measured, 2),
                  "true_peak_dbtp": round(peak, 2), "gain_db": gain, "fresh_gain_db": fresh,
                  "ceiling_dbtp": float(ceiling)}


def choose_gains(fresh: float, previous: Previous | None) -> list[float]:
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
    """
    if (previous is not None and previous.gain_db is not None and previous.gain_db != fresh
            and abs(previous.gain_db - fresh) <= GAIN_TOLERANCE_DB + 1e-9):
        return [previous.gain_db, fresh]
    return [fresh]


def _level(chapter: ChapterAudio, raw: Path, gain: float, ceiling: float,
           previous: Previous | None) -> ChapterAudio:
    """Apply ``gain`` to one chapter, limiting its true peak to ``ceiling`` dBTP.

    The limiter works on samples, ``margin`` dB under the ceiling; a chapter whose true peak
    still exceeds it is redone with a larger margin. A chapter the previous narration made from
    the same samples with the same gain is made with the margin it ended with: the same bytes,
    and its recorded true peak holds without measuring again; if it was carried over without
    assembly, it is not written at all until publish asks for it (``render``).
    """
    from narrator.assembly.loudness import SAMPLE_MARGIN_DB, apply_gain, true_peak

    known = previous.levels.get(chapter.record["raw_sha256"]) if previous is not None and previous.gain_db == gain else None
    if known is not None:
        margin, pcm = float(known["margin_db"]), str(known["pcm_sha256"])
        record = {**chapter.record, "margin_db": margin, "true_peak_dbtp": float(known["true_peak_dbtp"])}
        if chapter.render is not None:
            return replace(chapter, pcm_sha256=pcm, record=record,
                           render=lambda: _write_final(chapter, raw, gain, ceiling - margin, pcm))
        if apply_gain(raw, chapter.wav_path, gain, ceiling - margin) == pcm:
            return replace(chapter, pcm_sha256=pcm, record=record)
    _write_raw(chapter)
    margin = SAMPLE_MARGIN_DB
    for attempt in range(3):
        pcm = apply_gain(raw, chapter.wav_path, gain, ceiling - margin)
        peak = true_peak(chapter.wav_path)
        if peak <= ceiling or attempt == 2:
            break
        # Inter-sample peaks beat the margin: limit the samples harder and redo.
        margin += peak - ceiling + 0.2
    return replace(chapter, pcm_sha256=pcm, render=None,
                   record={**chapter.record, "margin_db": margin, "true_peak_dbtp": peak})


def _write_raw(chapter: ChapterAudio) -> None:
    """Write a carried-over chapter's unnormalized samples (unless they are already there)."""
    if chapter.render is not None:
        chapter.render()


def _write_final(chapter: ChapterAudio, raw: Path, gain: float, ceiling_dbfs: float, pcm: str) -> None:
    from narrator.assembly.loudness import apply_gain

    _write_raw(chapter)
    try:
        made = apply_gain(raw, chapter.wav_path, gain, ceiling_dbfs)
    finally:
        raw.unlink(missing_ok=True)
    if made != pcm:
        raise OutputError(f"chapter {chapter.index}: normalized samples differ from the previous "
                          "narration's with the same gain (run again with --force)")
