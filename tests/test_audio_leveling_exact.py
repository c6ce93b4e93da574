"""The programme gain and the levelling of chapters (narrator.assembly.leveling), on small WAVs
written here: which gain is chosen and tried next, the samples each chapter gets, what the
manifest records, what is reused from the previous narration and from the work done ahead.

The loudness blocks are given (as the work done ahead gives them), so no ffmpeg measurement runs:
the expected gains are computed by hand from the blocks (a programme of equal blocks at L LUFS
measures exactly L).
"""

from __future__ import annotations

import hashlib
import json
import wave
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pytest

from narrator.assembly import loudness
from narrator.assembly.leveling import (
    Reuse,
    choose_gains,
    final_gain,
    gain_choices,
    level_chapter,
    normalize,
    provisional_gains,
    reusable,
)
from narrator.config import Config
from narrator.util.wavio import mono_wav
from narrator.values import (
    ChapterAudio,
    Level,
    LoudnessBlocks,
    Pending,
    PreviousAudio,
    PreviousChapter,
    Samples,
    SegmentTiming,
)

RATE = 8000
TARGET, CEILING = Config().output.loudness, Config().output.true_peak  # -19 LUFS, -1 dBTP


def write(path: Path, x: np.ndarray) -> Path:
    path.write_bytes(mono_wav(np.asarray(x).astype("<i2").tobytes(), RATE))
    return path


def read(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.int64)


def sine(n: int, amplitude: float, step: float = 0.05) -> np.ndarray:
    return np.rint(amplitude * np.sin(np.arange(n) * step)).astype(np.int16)


def scaled(x: np.ndarray, gain_db: float) -> np.ndarray:
    """The samples a gain alone makes (no peak near the ceiling)."""
    return np.rint(x.astype(np.float64) * 10.0 ** (gain_db / 20.0)).astype(np.int64)


def true_peak_dbtp(y: np.ndarray) -> float:
    return round(loudness._dbfs(loudness.block_true_peak(y.astype(np.float64))), 3)


def sha(y: np.ndarray) -> str:
    return hashlib.sha256(y.astype("<i2").tobytes()).hexdigest()


def chapter(tmp: Path, index: int, raw_sha: str = "", pending: Pending | None = None) -> ChapterAudio:
    return ChapterAudio(index=index, title=f"Chapter {index}", wav_path=tmp / f"ch{index:02d}.wav",
                        duration=1.0, timings=(SegmentTiming(f"s{index}", 0.0, 1.0),),
                        samples=Samples("recipe-" + raw_sha, raw_sha or f"raw{index}", 100, ((0, 100),)),
                        pending=pending)


@dataclass
class Steps:
    """What normalize reports: (index, unit) in order, and the units added for another pass."""

    seen: list[tuple[int, str]] = field(default_factory=list)
    added: list[int] = field(default_factory=list)

    def __call__(self, index: int, unit: str) -> None:
        self.seen.append((index, unit))

    def more(self, units: int) -> None:
        self.added.append(units)


@pytest.fixture
def two(tmp_path: Path) -> tuple[list[ChapterAudio], dict[int, Path], dict[int, np.ndarray]]:
    xs = {1: sine(800, 1000), 2: sine(1200, 2000, 0.07)}
    raws = {i: write(tmp_path / f".ch{i:02d}.raw.wav", x) for i, x in xs.items()}
    return [chapter(tmp_path, 1), chapter(tmp_path, 2)], raws, xs


# -- the gain and its record ----------------------------------------------------------------------


def test_one_gain_from_the_blocks_of_all_chapters_brings_the_programme_to_the_target(two, tmp_path) -> None:
    chapters, raws, xs = two
    blocks = {1: np.full(4, -25_370, dtype=np.int32), 2: np.full(6, -25_370, dtype=np.int32)}
    steps, wrote = Steps(), []
    done, record = normalize(chapters, raws, Config(), None, write_raw=wrote.append, step=steps,
                             ahead_blocks=blocks)
    gain = 6.37  # -19 - (-25.37)
    peaks = []
    for c, i in zip(done, (1, 2)):
        y = read(tmp_path / f"ch{i:02d}.wav")
        assert np.array_equal(y, scaled(xs[i], gain))  # the gain alone: every peak far under -1 dBTP
        assert c.pcm_sha256 == sha(y)
        assert c.level == Level(loudness.SAMPLE_MARGIN_DB, true_peak_dbtp(y))
        assert c.blocks == LoudnessBlocks(loudness.meter_id(), loudness.pack_blocks(blocks[i]))
        assert c.pending is None
        peaks.append(c.level.true_peak_dbtp)
    assert record == {"target_lufs": -19.0, "integrated_lufs": -19.0, "true_peak_dbtp": round(max(peaks), 2),
                      "gain_db": gain, "fresh_gain_db": gain, "ceiling_dbtp": -1.0}
    assert sorted(steps.seen) == [(1, "level"), (1, "measure"), (2, "level"), (2, "measure")]
    assert steps.added == []
    assert [c.index for c in wrote] == [1, 2] or sorted(c.index for c in wrote) == [1, 2]
    assert not raws[1].exists() and not raws[2].exists()  # the intermediate files are removed


def test_a_silent_programme_keeps_the_meter_floor_and_a_previous_small_gain(two) -> None:
    chapters, raws, _ = two
    empty = {1: np.zeros(0, dtype=np.int32), 2: np.zeros(0, dtype=np.int32)}
    _, record = normalize(chapters, raws, Config(), None, write_raw=lambda c: None, ahead_blocks=empty)
    assert record["integrated_lufs"] == -70.0 and record["gain_db"] == 0.0 and record["fresh_gain_db"] == 0.0
    assert json.dumps(record["integrated_lufs"]) == "-70.0"  # as the manifest writes it
    for i, p in raws.items():
        write(p, sine(800, 1000))
    _, record = normalize(chapters, raws, Config(), Reuse(0.2, {}, {}, {}), write_raw=lambda c: None,
                          ahead_blocks=empty)
    # silence measures -70 whatever the gain: the record does not add the kept gain to it
    assert record["gain_db"] == 0.2 and record["fresh_gain_db"] == 0.0 and record["integrated_lufs"] == -70.0


def test_a_kept_gain_is_recorded_with_the_loudness_it_gives(two, tmp_path) -> None:
    chapters, raws, xs = two
    blocks = {1: np.full(4, -25_370, dtype=np.int32), 2: np.full(6, -25_370, dtype=np.int32)}
    done, record = normalize(chapters, raws, Config(), Reuse(6.2, {}, {}, {}), write_raw=lambda c: None,
                             ahead_blocks=blocks)
    assert (record["gain_db"], record["fresh_gain_db"], record["integrated_lufs"]) == (6.2, 6.37, -19.17)
    assert np.array_equal(read(tmp_path / "ch02.wav"), scaled(xs[2], 6.2))


def test_a_chapter_not_measured_yet_is_written_and_measured(tmp_path) -> None:
    x = sine(8000, 3000)  # one second: ebur128 has blocks to give
    raws = {1: tmp_path / ".ch01.raw.wav", 2: write(tmp_path / ".ch02.raw.wav", sine(800, 1000))}
    reference = loudness.chapter_blocks(write(tmp_path / "same.wav", x))
    assert len(reference) > 0
    wrote: list[int] = []

    def write_raw(c: ChapterAudio) -> None:  # a pending chapter's samples, written when needed
        wrote.append(c.index)
        if not raws[c.index].exists():
            write(raws[c.index], x)

    chapters = [chapter(tmp_path, 1), chapter(tmp_path, 2)]
    blocks2 = np.full(3, -20_000, dtype=np.int32)
    done, record = normalize(chapters, raws, Config(), None, write_raw=write_raw, ahead_blocks={2: blocks2})
    assert done[0].blocks == LoudnessBlocks(loudness.meter_id(), loudness.pack_blocks(reference))
    assert record["fresh_gain_db"] == round(TARGET - loudness.integrated_loudness([reference, blocks2]), 2)
    assert sorted(wrote) == [1, 1, 2]  # chapter 1: to measure it, then to level it
    assert np.array_equal(read(tmp_path / "ch01.wav"), scaled(x, record["gain_db"]))


def test_a_chapter_levelled_before_with_the_kept_gain_is_not_levelled_again(two, tmp_path) -> None:
    chapters, raws, xs = two
    blocks = {1: np.full(4, -25_000, dtype=np.int32), 2: np.full(4, -25_000, dtype=np.int32)}
    pcm = loudness.apply_gain(raws[1], tmp_path / "before.wav", 6.1, CEILING - 0.6)
    recorded = Level(0.6, -12.0)  # as recorded (the samples' own true peak is another)
    wrote: list[int] = []
    done, record = normalize(chapters, raws, Config(), Reuse(6.1, {}, {}, {"raw1": (recorded, pcm)}),
                             write_raw=lambda c: wrote.append(c.index), ahead_blocks=blocks)
    assert record["gain_db"] == 6.1 and done[0].level == recorded and done[0].pcm_sha256 == pcm
    assert wrote == [2]


def test_a_peak_at_the_ceiling_holds_and_a_step_without_more_is_fine(two, tmp_path) -> None:
    chapters, raws, xs = two
    blocks = {1: np.full(4, -25_000, dtype=np.int32), 2: np.full(4, -25_000, dtype=np.int32)}
    at = replace(chapters[0], pcm_sha256="ahead", level=Level(0.6, CEILING))
    _, record = normalize(chapters, raws, Config(), Reuse(5.9, {}, {}, {}), write_raw=lambda c: None,
                          ahead_blocks=blocks, ahead_levels={1: (5.9, at)})
    assert record["gain_db"] == 5.9 and record["true_peak_dbtp"] == CEILING
    for i, x in xs.items():
        write(raws[i], x)
    over = replace(at, level=Level(0.6, CEILING + 0.01))
    seen: list[tuple[int, str]] = []
    _, record = normalize(chapters, raws, Config(), Reuse(5.9, {}, {}, {}), write_raw=lambda c: None,
                          step=lambda i, unit: seen.append((i, unit)), ahead_blocks=blocks,
                          ahead_levels={1: (5.9, over)})
    assert record["gain_db"] == 6.0 and sorted(seen).count((1, "level again")) == 1


def test_blocks_recorded_by_the_previous_narration_are_used_before_those_measured_ahead(two, tmp_path) -> None:
    chapters, raws, _ = two
    previous = Reuse(None, {}, {"raw1": np.full(3, -31_000, dtype=np.int32)}, {})
    ahead = {1: np.full(3, -20_000, dtype=np.int32), 2: np.full(3, -31_000, dtype=np.int32)}
    steps = Steps()
    done, record = normalize(chapters, raws, Config(), previous, write_raw=lambda c: None, step=steps,
                             ahead_blocks=ahead)
    assert record["gain_db"] == 12.0 and record["integrated_lufs"] == -19.0  # both chapters at -31
    assert done[0].blocks == LoudnessBlocks(loudness.meter_id(), loudness.pack_blocks(previous.blocks["raw1"]))
    assert steps.seen.count((1, "measure")) == 1 and steps.seen.count((2, "measure")) == 1


def test_over_the_ceiling_with_the_kept_gain_the_fresh_gain_levels_every_chapter_again(two, tmp_path) -> None:
    chapters, raws, xs = two
    blocks = {1: np.full(4, -25_000, dtype=np.int32), 2: np.full(4, -25_000, dtype=np.int32)}
    # chapter 1 was levelled ahead with the kept gain 5.9 and peaked over the ceiling there
    hot = replace(chapters[0], pcm_sha256="ahead", level=Level(0.6, -0.5))
    steps = Steps()
    done, record = normalize(chapters, raws, Config(), Reuse(5.9, {}, {}, {}), write_raw=lambda c: None,
                             step=steps, ahead_blocks=blocks, ahead_levels={1: (5.9, hot)})
    assert record["gain_db"] == 6.0 and record["fresh_gain_db"] == 6.0 and record["integrated_lufs"] == -19.0
    for c, i in zip(done, (1, 2)):
        y = read(tmp_path / f"ch{i:02d}.wav")
        assert np.array_equal(y, scaled(xs[i], 6.0)) and c.pcm_sha256 == sha(y)
    assert record["true_peak_dbtp"] == round(max(c.level.true_peak_dbtp for c in done), 2)
    assert steps.added == [2]  # the second pass is announced: two more units
    assert sorted(u for u in steps.seen if u[1] != "measure") == [
        (1, "level"), (1, "level again"), (2, "level"), (2, "level again")]


def test_a_chapter_levelled_ahead_with_the_chosen_gain_is_not_levelled_again(two, tmp_path) -> None:
    chapters, raws, xs = two
    blocks = {1: np.full(4, -25_000, dtype=np.int32), 2: np.full(4, -25_000, dtype=np.int32)}
    ahead = replace(chapters[0], pcm_sha256="made ahead", level=Level(0.6, -20.0))
    wrote: list[ChapterAudio] = []
    done, record = normalize(chapters, raws, Config(), None, write_raw=wrote.append, ahead_blocks=blocks,
                             ahead_levels={1: (6.0, ahead), 2: (5.0, replace(ahead, index=2))})
    assert done[0] == replace(ahead, blocks=LoudnessBlocks(loudness.meter_id(), loudness.pack_blocks(blocks[1])))
    assert not (tmp_path / "ch01.wav").exists()  # not written again
    y = read(tmp_path / "ch02.wav")  # levelled ahead with another gain: levelled now
    assert np.array_equal(y, scaled(xs[2], 6.0)) and done[1].pcm_sha256 == sha(y)
    assert [c.index for c in wrote] == [2]
    assert record["true_peak_dbtp"] == round(max(-20.0, done[1].level.true_peak_dbtp), 2)


# -- one chapter ------------------------------------------------------------------------------------


def test_inter_sample_peaks_over_the_ceiling_are_limited_again_with_a_larger_margin(tmp_path) -> None:
    # a tone at a quarter of the rate, sampled 45 degrees off its crests: the true peak is 3 dB
    # over the sample peak, so limiting the samples 0.6 dB under the ceiling is not enough
    n = np.arange(4000)
    x = np.rint(20000 * np.sin(np.pi / 2 * n + np.pi / 4)).astype(np.int16)
    raw = write(tmp_path / "raw.wav", x)
    first = loudness.level(raw, tmp_path / "first.wav", 6.0, CEILING - loudness.SAMPLE_MARGIN_DB)[1]
    assert first > CEILING
    margin = loudness.SAMPLE_MARGIN_DB + first - CEILING + 0.2
    want_sha, want_peak = loudness.level(raw, tmp_path / "want.wav", 6.0, CEILING - margin)
    assert want_peak <= CEILING
    wrote: list[ChapterAudio] = []
    c = chapter(tmp_path, 1)
    made = level_chapter(c, raw, 6.0, CEILING, None, wrote.append)
    assert made.level == Level(margin, want_peak)
    assert made.pcm_sha256 == want_sha == sha(read(c.wav_path)) and made.pending is None
    assert wrote == [c]


def test_a_chapter_made_before_with_the_same_gain_reuses_its_margin_and_recorded_peak(tmp_path) -> None:
    x = sine(900, 30000)  # limited: the margin decides the samples
    raw = write(tmp_path / "raw.wav", x)
    known_level = Level(1.5, -1.4)
    pcm = loudness.apply_gain(raw, tmp_path / "before.wav", 2.0, CEILING - 1.5)
    previous = Reuse(2.0, {}, {}, {"raw1": (known_level, pcm)})
    wrote: list[ChapterAudio] = []
    made = level_chapter(chapter(tmp_path, 1), raw, 2.0, CEILING, previous, wrote.append)
    assert made.level == known_level and made.pcm_sha256 == pcm and wrote == []
    assert read(tmp_path / "ch01.wav").tolist() == read(tmp_path / "before.wav").tolist()
    # pending (carried over without assembly): nothing is written, the levelling is described
    pending = Pending(raw_path=tmp_path / "absent.raw.wav", rate=RATE)
    made = level_chapter(chapter(tmp_path, 3, "raw1", pending), tmp_path / "absent.raw.wav", 2.0, CEILING,
                         previous, wrote.append)
    assert made.pending == Pending(tmp_path / "absent.raw.wav", RATE, 2.0, CEILING - 1.5, pcm)
    assert made.pcm_sha256 == pcm and made.level == known_level and wrote == []
    assert not (tmp_path / "ch03.wav").exists()


def test_a_recorded_level_that_does_not_hold_is_made_afresh(tmp_path) -> None:
    x = sine(900, 1000)
    raw = write(tmp_path / "raw.wav", x)
    wrote: list[ChapterAudio] = []
    stale = Reuse(2.0, {}, {}, {"raw1": (Level(1.5, -9.0), "another sha")})
    made = level_chapter(chapter(tmp_path, 1), raw, 2.0, CEILING, stale, wrote.append)
    y = read(tmp_path / "ch01.wav")
    assert np.array_equal(y, scaled(x, 2.0))
    assert made.level == Level(loudness.SAMPLE_MARGIN_DB, true_peak_dbtp(y)) and made.pcm_sha256 == sha(y)
    assert len(wrote) == 1
    # recorded for another gain: not used, even for a pending chapter
    pending = Pending(raw_path=raw, rate=RATE)
    other = Reuse(2.5, {}, {}, {"raw1": (Level(1.5, -9.0), "p")})
    made = level_chapter(chapter(tmp_path, 2, "raw1", pending), raw, 2.0, CEILING, other, wrote.append)
    assert made.pending is None and made.level == Level(loudness.SAMPLE_MARGIN_DB, true_peak_dbtp(y))
    assert len(wrote) == 2


# -- the gains to try -------------------------------------------------------------------------------

# chapters measuring -20, -20.1 and -30 LUFS: the programme measures -20.0, -20.05, -21.60 as they come
B = [np.full(10, -20_000, dtype=np.int32), np.full(10, -20_100, dtype=np.int32),
     np.full(10, -30_000, dtype=np.int32)]


def test_provisional_gains_move_only_when_the_measurement_moves_past_the_tolerance() -> None:
    assert provisional_gains(B, TARGET, None) == [1.0, 1.0, 2.6]
    assert provisional_gains(B, TARGET, 1.2) == [1.2, 1.2, 2.6]  # the previous gain kept while it fits
    assert provisional_gains(B, TARGET, 1.3) == [1.0, 1.0, 2.6]  # 0.3 from 1.0: not kept
    assert provisional_gains([], TARGET, None) == [0.0]
    assert provisional_gains([], TARGET, 1.5) == [1.5]
    assert provisional_gains([np.zeros(0, dtype=np.int32)], TARGET, None) == [0.0]  # silence


def test_the_gains_to_try_weigh_the_previous_and_the_provisional_gain() -> None:
    two = B[:2]  # fresh 1.05; provisional 1.0 (from chapter 1)
    assert gain_choices(two, TARGET, None) == [1.0, 1.05]
    assert final_gain(two, TARGET, None) == 1.0
    assert gain_choices(two, TARGET, Reuse(1.2, {}, {}, {})) == [1.2, 1.05]
    assert gain_choices(two, TARGET, Reuse(None, {}, {}, {})) == [1.0, 1.05]
    assert gain_choices(B, TARGET, None) == [2.6]
    assert gain_choices(B, TARGET, Reuse(2.5, {}, {}, {})) == [2.5, 2.6]
    assert final_gain(B, TARGET, Reuse(3.0, {}, {}, {})) == 2.6
    assert final_gain(two, TARGET, Reuse(1.2, {}, {}, {})) == 1.2
    # -20 then -20.2: the provisional gain from the previous 0.9 moves to 1.2 (0.3 away), from
    # nothing it stays at 1.0 (0.2 away); 0.9 itself is too far from 1.2 to be kept
    moved = [B[0], np.full(10, -20_410, dtype=np.int32)]
    assert provisional_gains(moved, TARGET, 0.9) == [0.9, 1.2]
    assert gain_choices(moved, TARGET, Reuse(0.9, {}, {}, {})) == [1.2]
    assert gain_choices(moved, TARGET, None) == [1.0, 1.2]
    assert gain_choices([], TARGET, None) == [0.0]
    assert choose_gains(1.0, Reuse(2.0, {}, {}, {}), 1.1) == [1.1, 1.0]  # the previous too far, provisional near
    assert choose_gains(1.0, Reuse(1.0, {}, {}, {}), 1.1) == [1.0]  # the previous is the fresh one


# -- what the previous narration left -------------------------------------------------------------


def test_the_previous_blocks_are_read_back_only_from_the_same_meter_and_unbroken() -> None:
    config = Config()
    meter = loudness.meter_id()
    packed = loudness.pack_blocks(np.array([-30_000, -25_500, -21_000], dtype=np.int32))
    good = PreviousChapter("p1", Samples("r1", "raw1", 10, ((0, 10),)), "raw1", LoudnessBlocks(meter, packed),
                           Level(0.6, -2.0), None, None)
    broken = PreviousChapter("p2", None, "raw2", LoudnessBlocks(meter, "not packed!"), Level(0.7, -3.0), None, None)
    no_raw = PreviousChapter("p3", Samples("r3", "raw3", 10, ((0, 10),)), None, LoudnessBlocks(meter, packed),
                             Level(0.6, -2.0), None, None)
    no_pcm = PreviousChapter(None, None, "raw4", None, Level(0.6, -2.0), None, None)
    found = reusable(PreviousAudio(RATE, -1.5, TARGET, CEILING, (no_raw, good, broken, no_pcm)), config, RATE)
    assert found is not None and found.gain_db == -1.5
    assert list(found.blocks) == ["raw1"] and found.blocks["raw1"].tolist() == [-30_000, -25_500, -21_000]
    assert found.samples == {"r1": good.samples}  # a chapter without its raw hash is not reused at all
    assert found.levels == {"raw1": (Level(0.6, -2.0), "p1"), "raw2": (Level(0.7, -3.0), "p2")}
    assert reusable(None, config, RATE) is None
    for other in (PreviousAudio(RATE, None, TARGET, CEILING, (good,)),
                  PreviousAudio(RATE, -1.5, TARGET, CEILING - 1, (good,))):
        found = reusable(other, config, RATE)
        assert found is not None and found.gain_db is None and found.levels == {}
        assert list(found.blocks) == ["raw1"]  # blocks do not depend on the target


# -- edges ------------------------------------------------------------------------------------------


def test_a_true_peak_exactly_at_the_ceiling_needs_no_second_attempt(tmp_path) -> None:
    # found by search: a quarter-rate tone of amplitude 29172 sampled 45 degrees off its crests
    # has samples of 20628 (under the limiter's -1.6 dBFS) and a true peak of -1.000 dBTP
    n = np.arange(400)
    x = np.rint(29172 * np.sin(np.pi / 2 * n + np.pi / 4)).astype(np.int16)
    raw = write(tmp_path / "raw.wav", x)
    made = level_chapter(chapter(tmp_path, 1), raw, 0.0, CEILING, None, lambda c: None)
    assert made.level == Level(loudness.SAMPLE_MARGIN_DB, -1.0)
    assert np.array_equal(read(tmp_path / "ch01.wav"), x)


def test_a_chapter_without_a_samples_record_is_levelled_afresh(tmp_path) -> None:
    x = sine(900, 1000)
    raw = write(tmp_path / "raw.wav", x)
    bare = replace(chapter(tmp_path, 1), samples=None)
    made = level_chapter(bare, raw, 2.0, CEILING, Reuse(2.0, {}, {}, {"": (Level(1.0, -5.0), "x")}), lambda c: None)
    assert np.array_equal(read(tmp_path / "ch01.wav"), scaled(x, 2.0)) and made.pcm_sha256 == sha(scaled(x, 2.0))


def test_gains_and_loudness_are_recorded_to_the_hundredth(two, tmp_path) -> None:
    chapters, raws, _ = two
    blocks = {1: np.full(4, -25_370, dtype=np.int32), 2: np.full(6, -24_000, dtype=np.int32)}
    measured = loudness.integrated_loudness(list(blocks.values()))  # -24.49..., not a round number
    _, record = normalize(chapters, raws, Config(), Reuse(5.4, {}, {}, {}), write_raw=lambda c: None,
                          ahead_blocks=blocks)
    fresh = round(TARGET - measured, 2)
    assert abs(fresh - (TARGET - measured)) > 0.001  # the rounding shows
    assert record["fresh_gain_db"] == fresh and record["gain_db"] == 5.4
    assert record["integrated_lufs"] == round(measured + 5.4, 2) != round(measured + 5.4, 3)


def test_a_pending_chapter_levelled_before_is_neither_written_nor_levelled(tmp_path) -> None:
    x = sine(800, 1000)
    raws = {1: tmp_path / ".ch01.raw.wav", 2: write(tmp_path / ".ch02.raw.wav", x)}
    pending = Pending(raw_path=raws[1], rate=RATE)
    chapters = [chapter(tmp_path, 1, "raw1", pending), chapter(tmp_path, 2)]
    blocks = np.full(4, -25_000, dtype=np.int32)
    previous = Reuse(6.0, {}, {"raw1": blocks}, {"raw1": (Level(0.7, -9.5), "pcm1")})
    wrote: list[int] = []
    done, record = normalize(chapters, raws, Config(), previous, write_raw=lambda c: wrote.append(c.index),
                             ahead_blocks={2: blocks})
    assert record["gain_db"] == 6.0 and wrote == [2]
    assert done[0].pending == Pending(raws[1], RATE, 6.0, CEILING - 0.7, "pcm1") and done[0].level == Level(0.7, -9.5)
    assert not raws[1].exists() and not (tmp_path / "ch01.wav").exists()
