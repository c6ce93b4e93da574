"""Loudness measurement and the limiter (narrator.assembly.loudness), exactly: the gating blocks
ffmpeg measures in a WAV written here, the programme's gated loudness at the edges of both gates,
the packing kept in the manifest, the true peak against a point-by-point computation, and the
limiter's gain envelope against its definition computed the slow way."""

from __future__ import annotations

import base64
import math
import wave
import zlib
from pathlib import Path

import numpy as np
import pytest

from narrator.assembly import loudness
from narrator.util.wavio import mono_wav


def write(path: Path, x: np.ndarray, rate: int) -> Path:
    path.write_bytes(mono_wav(np.asarray(x).astype("<i2").tobytes(), rate))
    return path


def read(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)


def lufs(*levels: float) -> float:
    """The gated loudness of blocks at these levels, computed here from BS.1770's definition."""
    energy = [10 ** ((v + 0.691) / 10) for v in levels if v >= -70]
    if not energy:
        return -70.0
    gate = 10 * math.log10(sum(energy) / len(energy)) - 0.691 - 10
    kept = [e for v, e in zip(levels, energy) if v > gate]
    return 10 * math.log10(sum(kept) / len(kept)) - 0.691


# -- measuring a chapter --------------------------------------------------------------------------


def test_a_chapter_s_blocks_are_its_400_ms_windows_every_100_ms_in_milli_lufs_sorted(tmp_path) -> None:
    rate = 48000
    t = np.arange(2 * rate) / rate
    tone = np.rint(3277 * np.sin(2 * np.pi * 997 * t))  # -20 dBFS at 997 Hz: -23.01 LUFS (BS.1770)
    blocks = loudness.chapter_blocks(write(tmp_path / "tone.wav", tone, rate))
    assert blocks.dtype == np.int32 and len(blocks) == 20 - 3  # 20 windows; the first 3 are not full yet
    assert np.all(np.abs(blocks + 23010) <= 15) and np.array_equal(blocks, np.sort(blocks))
    # one second of tone, then one of silence: 7 full windows, 3 partly tone (3/4, 2/4, 1/4), one
    # with the filter's ringing only (still over -70), then silence, which is left out
    half = np.concatenate((tone[:rate], np.zeros(rate)))
    blocks = loudness.chapter_blocks(write(tmp_path / "half.wav", half, rate))
    assert len(blocks) == 11 and np.array_equal(blocks, np.sort(blocks))
    assert -70_000 <= blocks[0] < -50_000
    for got, part in zip(blocks[1:4], (0.25, 0.5, 0.75)):
        assert abs(got - (-23_010 + 10_000 * math.log10(part))) <= 60
    assert np.all(np.abs(blocks[4:] + 23_010) <= 15)
    assert len(loudness.chapter_blocks(write(tmp_path / "quiet.wav", np.zeros(rate), rate))) == 0


def test_a_file_ffmpeg_cannot_read_is_one_clear_error(tmp_path) -> None:
    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"RIFF....WAVEnot really")
    with pytest.raises(Exception) as e:
        loudness.chapter_blocks(bad)
    assert "loudness measurement of broken.wav" in str(e.value)


# -- the programme's loudness ---------------------------------------------------------------------


def test_the_absolute_gate_keeps_a_block_at_exactly_minus_70() -> None:
    got = loudness.integrated_loudness([np.array([-70_000, -65_000], dtype=np.int32)])
    assert got == pytest.approx(lufs(-70.0, -65.0)) and got < -65.5  # both blocks count
    assert loudness.integrated_loudness([np.array([-70_001], dtype=np.int32)]) == -70.0


def test_the_relative_gate_sits_10_lu_under_the_mean_of_the_blocks() -> None:
    loud = np.full(10, -20_000, dtype=np.int32)
    # the gate is at -30.37: a block at -30 counts, one at -31 does not
    above = loudness.integrated_loudness([loud, np.array([-30_000], dtype=np.int32)])
    assert above == pytest.approx(lufs(*[-20.0] * 10, -30.0)) and above == pytest.approx(-20.371, abs=1e-3)
    below = loudness.integrated_loudness([loud, np.array([-31_000], dtype=np.int32)])
    assert below == pytest.approx(-20.0)
    assert loudness.integrated_loudness([loud, [-31_000]]) == pytest.approx(-20.0)  # plain lists too


# -- the manifest's packing -----------------------------------------------------------------------


def test_packing_is_differences_compressed_and_refuses_what_is_not_one() -> None:
    blocks = np.array([-65_000, -30_123, -30_123, -20_001], dtype=np.int32)
    packed = loudness.pack_blocks(blocks)
    deltas = np.array([-65_000, 34_877, 0, 10_122], dtype="<i4")
    assert zlib.decompress(base64.b64decode(packed)) == deltas.tobytes()
    assert loudness.unpack_blocks(packed).tolist() == blocks.tolist()
    assert loudness.unpack_blocks(packed).dtype == np.int32
    with pytest.raises(ValueError, match="^not packed loudness blocks: "):
        loudness.unpack_blocks(packed[:4] + "!" + packed[4:])  # a character base64 does not have
    with pytest.raises(ValueError, match="^not packed loudness blocks: "):
        loudness.unpack_blocks("é")
    with pytest.raises(ValueError, match="^not packed loudness blocks: truncated$"):
        loudness.unpack_blocks(base64.b64encode(zlib.compress(b"\x01\x02\x03\x04\x05")).decode())


# -- true peak --------------------------------------------------------------------------------------


def taps() -> np.ndarray:
    """The interpolator, written out: for the point n + k/4, input sample n + t (t = -9..10)
    weighs sinc(t - k/4) times a Kaiser window (beta 5) 20 samples wide, read at t - k/4."""
    window = np.kaiser(81, 5.0)  # 10 samples each side, at quarter-sample steps
    cols = []
    for k in (1, 2, 3):
        col = [np.sinc(t - k / 4) * window[(t + 10) * 4 - k] for t in range(-9, 11)]
        cols.append(col)
    return np.array(cols).T


def slow_true_peak(x: np.ndarray) -> float:
    """Every interpolated point of ``x`` computed, and every sample."""
    h = taps()
    best = float(np.abs(x).max()) if len(x) else 0.0
    for n in range(9, len(x) - 10):
        best = max(best, float(np.abs(x[n - 9:n + 11] @ h).max()))
    return best


def test_the_interpolator_is_a_kaiser_windowed_sinc() -> None:
    assert np.allclose(loudness._phases(), taps(), rtol=0, atol=1e-15)
    assert loudness._phases().shape == (20, 3)


def test_the_true_peak_is_the_peak_of_every_interpolated_point() -> None:
    rng = np.random.default_rng(7)
    for size in (25, 64, 300):
        x = np.rint(rng.normal(0, 3000, size))
        x[rng.integers(0, size, 3)] = rng.choice([-1, 1], 3) * 25_000  # a few loud samples
        assert loudness.block_true_peak(x) == pytest.approx(slow_true_peak(x), rel=1e-12)
    # a quarter-rate tone 45 degrees off its crests: samples at 0.707 of its amplitude
    n = np.arange(200)
    x = np.rint(20_000 * np.sin(np.pi / 2 * n + np.pi / 4))
    peak = loudness.block_true_peak(x)
    assert peak == pytest.approx(slow_true_peak(x), rel=1e-12) and 19_500 < peak < 20_500
    assert loudness.block_true_peak(np.zeros(0), 5.0) == 5.0
    assert loudness.block_true_peak(np.zeros(50)) == 0.0
    assert loudness.block_true_peak(np.zeros(50), 3.0) == 3.0
    assert loudness.block_true_peak(x, 30_000.0) == 30_000.0  # the peak so far is higher
    assert loudness.block_true_peak(x[:15]) == 14142.0  # too short to interpolate: the sample peak


def test_levelling_measures_the_true_peak_across_its_blocks(tmp_path) -> None:
    rate = 8000
    n = loudness.BLOCK + 4000
    x = np.zeros(n)
    k = np.arange(-40, 40)  # a burst of quarter-rate tone centred on the join of the first two blocks
    x[loudness.BLOCK + k] = np.rint(16_000 * np.sin(np.pi / 2 * k + np.pi / 4))
    src = write(tmp_path / "in.wav", x, rate)
    sha, peak = loudness.level(src, tmp_path / "out.wav", 0.0, 0.0)
    y = read(tmp_path / "out.wav")
    assert np.array_equal(y, x) and len(y) == n
    assert peak == round(20 * math.log10(slow_true_peak(y) / 32768), 3)
    assert peak > round(20 * math.log10(np.abs(y).max() / 32768), 3) + 2.5  # the inter-sample peak, +3 dB
    quiet = write(tmp_path / "quiet.wav", np.zeros(100), rate)
    assert loudness.level(quiet, tmp_path / "q.wav", 6.0, -1.0)[1] == -70.0
    assert loudness._dbfs(32768.0) == 0.0 and loudness._dbfs(0.0) == -70.0


# -- the limiter --------------------------------------------------------------------------------------


def slow_envelope(x: np.ndarray, ceiling: float, w: int) -> np.ndarray:
    """The envelope by its definition: the gain each sample needs (at most 1), its minimum over
    the 2w+1 samples around, averaged over w+1 samples (w // 2 before); beyond the ends, the end."""
    n = len(x)
    need = [min(1.0, ceiling / abs(v)) if v else 1.0 for v in x]
    smin = [min(need[min(max(j, 0), n - 1)] for j in range(i - w, i + w + 1)) for i in range(n)]
    half = w // 2
    return np.array([sum(smin[min(max(j, 0), n - 1)] for j in range(i - half, i - half + w + 1)) / (w + 1)
                     for i in range(n)])


@pytest.mark.parametrize("w", [1, 2, 3, 4, 7])
def test_the_envelope_is_its_definition(w: int) -> None:
    rng = np.random.default_rng(w)
    x = rng.normal(0, 8000, 60)
    x[[0, 1, 30, 59]] = [30_000, -31_000, 29_000, 32_000]  # peaks at both ends and inside
    got = loudness._envelope(x, 20_000.0, w)
    assert got.shape == x.shape
    assert np.allclose(got, slow_envelope(x, 20_000.0, w), rtol=0, atol=1e-12)
    assert got.max() <= 1.0 + 1e-12  # (sums of floats: a gain of 1 may come out 1 + 2e-15)


def test_the_sliding_minimum_of_positive_values_ignores_the_padding() -> None:
    a = np.linspace(0.9, 0.1, 23)  # decreasing: each window's minimum is its last value
    for k in (2, 5, 7, 23):
        assert loudness._sliding_min(a, k).tolist() == [a[i + k - 1] for i in range(len(a) - k + 1)]


def test_the_true_peak_of_a_long_file_is_its_loudest_block_s(tmp_path) -> None:
    rate = 8000
    x = np.rint(1000 * np.sin(np.arange(2 * loudness.BLOCK + 500) * 0.05))
    k = np.arange(100, 180)  # a loud quarter-rate burst in the first block only
    x[k] = np.rint(16_000 * np.sin(np.pi / 2 * k + np.pi / 4))
    _, peak = loudness.level(write(tmp_path / "in.wav", x, rate), tmp_path / "out.wav", 0.0, 0.0)
    assert peak == round(20 * math.log10(slow_true_peak(read(tmp_path / "out.wav")) / 32768), 3)
    assert peak > -7.0  # the burst's (16000: -6.2 dBTP), not the quiet last block's (about -30 dBTP)


def aligned(n: int, at: int, level: float, which: slice = slice(None)) -> np.ndarray:
    """``n`` samples, zero but for the 20 that the point ``at`` + 1/2 interpolates from, set to
    ``level`` with the signs of its taps (``which`` of them): that point is as loud as it gets."""
    x = np.zeros(n)
    signs = np.sign(taps()[:, 1])
    window = np.arange(at - 9, at + 11)
    x[window[which]] = level * signs[which]
    return x


def test_interpolated_points_louder_than_every_sample_are_found() -> None:
    # the taps of a half-sample point add up to 2.24: samples under 20000 / 2.24 = 8929 cannot
    # make a point louder than a sample of 20000. The 20 samples of one point at half of it: 1.12 times it
    far = aligned(200, 40, 10_000.0)
    far[150] = 20_000.0
    assert slow_true_peak(far) > 22_000
    # the samples after the point loud, those before it just under what counts as loud
    right = aligned(200, 40, 10_000.0, slice(10, None)) + aligned(200, 40, 8_800.0, slice(0, 10))
    right[150] = 20_000.0
    assert slow_true_peak(right) > 21_000
    first = aligned(60, 9, 10_000.0)  # the first point that can be interpolated
    first[-1] = -20_000.0
    # a point before the first would read the block's last sample as its first: never computed
    wrapped = aligned(60, 8, 10_000.0, slice(1, None))
    wrapped[-1] = 10_000.0 * np.sign(taps()[0, 1])
    for x in (far, right, first, wrapped):
        assert loudness.block_true_peak(x) == pytest.approx(slow_true_peak(x), rel=1e-12)
    one = np.zeros(40)
    one[20] = 1.0  # the quietest sound there is
    assert loudness.block_true_peak(one) == 1.0


def test_the_quietest_sample_has_its_level_and_ten_minutes_of_blocks_pack_small(tmp_path) -> None:
    one = np.zeros(100)
    one[50] = 1.0
    _, peak = loudness.level(write(tmp_path / "one.wav", one, 8000), tmp_path / "o.wav", 0.0, -1.0)
    assert peak == round(20 * math.log10(1 / 32768), 3) == -90.309  # not the silent floor of -70
    rng = np.random.default_rng(1)
    blocks = np.sort(np.rint(rng.normal(-24_000, 3_000, 6_000)).astype(np.int32))  # 10 minutes of speech
    assert len(loudness.pack_blocks(blocks)) < 5_000  # zlib at its best: the manifest stays small


def test_the_limiter_holds_a_peak_at_the_very_first_sample() -> None:
    x = np.full(100, 1000.0)
    x[0] = 30_000.0
    gain = loudness._limiter(x, 20_000.0, 4)
    assert gain is not None
    assert np.allclose(gain, slow_envelope(x, 20_000.0, 4), rtol=0, atol=1e-12)
    assert abs(x[0] * gain[0]) <= 20_000.0
