"""The pure cores of assembly and publishing, with hand-made samples and bytes: the gain choice
across rebuilds, the true-peak limiter, the packing of loudness blocks and the gated loudness,
and the counting of samples in bare ADTS and MPEG layer III streams."""

from __future__ import annotations

import base64
import hashlib
import math
import zlib
from pathlib import Path

import numpy as np
import pytest

from narrator.assembly import loudness
from narrator.assembly.leveling import GAIN_TOLERANCE_DB, Reuse, choose_gains, reusable
from narrator.config import Config
from narrator.errors import OutputError
from narrator.publishing.book import count_samples
from narrator.util.wavio import mono_wav
from narrator.values import Level, LoudnessBlocks, PreviousAudio, PreviousChapter, Samples

# -- gain choice ------------------------------------------------------------------------------------


def reuse(gain: float | None) -> Reuse:
    return Reuse(gain, {}, {}, {})


def test_the_previous_gain_is_tried_first_only_within_the_tolerance() -> None:
    assert GAIN_TOLERANCE_DB == 0.25
    assert choose_gains(-3.10, None) == [-3.10]
    assert choose_gains(-3.10, reuse(None)) == [-3.10]  # made for another target or ceiling
    assert choose_gains(-3.10, reuse(-3.10)) == [-3.10]
    assert choose_gains(-3.10, reuse(-3.00)) == [-3.00, -3.10]
    assert choose_gains(-3.10, reuse(-2.85)) == [-2.85, -3.10]  # exactly 0.25 dB away
    assert choose_gains(-3.10, reuse(-2.84)) == [-3.10]  # a big edit: the stale gain is not kept
    assert choose_gains(-3.10, reuse(-3.36)) == [-3.10]


def previous_chapter(raw: str, *, level: Level | None, pcm: str | None) -> PreviousChapter:
    return PreviousChapter(pcm_sha256=pcm, samples=Samples("recipe-" + raw, raw, 10, ((0, 10),)),
                           raw_sha256=raw, blocks=LoudnessBlocks("another meter", ""), level=level,
                           encoded=None, piece=None)


def test_only_records_that_still_apply_are_reused() -> None:
    config = Config()
    target, ceiling = config.output.loudness, config.output.true_peak
    chapters = (previous_chapter("a", level=Level(0.6, -1.2), pcm="p"),
                previous_chapter("b", level=None, pcm="q"))
    same = PreviousAudio(22050, -2.0, target, ceiling, chapters)
    found = reusable(same, config, 22050)
    assert found is not None and found.gain_db == -2.0
    assert set(found.samples) == {"recipe-a", "recipe-b"}
    assert found.levels == {"a": (Level(0.6, -1.2), "p")}  # b has no level
    assert found.blocks == {}  # measured by another meter: measured again
    assert reusable(same, config, 24000) is None  # another sample rate: nothing applies
    other_target = reusable(PreviousAudio(22050, -2.0, target - 3, ceiling, chapters), config, 22050)
    assert other_target is not None and other_target.gain_db is None and other_target.levels == {}


# -- the limiter ----------------------------------------------------------------------------------


def write(path: Path, x: np.ndarray, rate: int = 8000) -> Path:
    path.write_bytes(mono_wav(x.astype("<i2").tobytes(), rate))
    return path


def read(path: Path) -> np.ndarray:
    import wave

    with wave.open(str(path), "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.int64)


def test_without_peaks_over_the_ceiling_the_gain_is_all_there_is(tmp_path: Path) -> None:
    x = (3000 * np.sin(np.arange(20_000) * 0.05)).astype(np.int16)
    sha = loudness.apply_gain(write(tmp_path / "in.wav", x), tmp_path / "out.wav", 6.0, -1.0)
    y = read(tmp_path / "out.wav")
    assert np.array_equal(y, np.rint(x * 10 ** (6.0 / 20)).astype(np.int64))
    assert sha == hashlib.sha256(y.astype("<i2").tobytes()).hexdigest()


def test_the_limiter_holds_every_peak_and_touches_only_their_surroundings(tmp_path: Path) -> None:
    rate = 8000
    n = 3 * loudness.BLOCK + 1234  # several blocks, with a peak right at a block boundary
    x = (2000 * np.sin(np.arange(n) * 0.03)).astype(np.int16)
    peaks = [500, loudness.BLOCK - 3, loudness.BLOCK + 2, 2 * loudness.BLOCK + 777, n - 2]
    x[peaks] = 30000
    gain_db, ceiling_dbfs = 3.0, -3.0
    loudness.apply_gain(write(tmp_path / "in.wav", x, rate), tmp_path / "out.wav", gain_db, ceiling_dbfs)
    y = read(tmp_path / "out.wav")
    assert len(y) == n  # frame counts never change
    ceiling = 32767 * 10 ** (ceiling_dbfs / 20)
    assert np.abs(y).max() <= math.ceil(ceiling)
    w = int(rate * loudness.LIMIT_WINDOW_S)
    far = np.ones(n, dtype=bool)
    for p in peaks:
        far[max(0, p - 2 * w): p + 2 * w + 1] = False
    plain = np.rint(x * 10 ** (gain_db / 20)).astype(np.int64)
    assert np.array_equal(y[far], plain[far])  # away from the peaks: the gain alone
    # streamed in blocks with context, the result is the one computed over the whole at once
    scaled = x.astype(np.float64) * 10 ** (gain_db / 20)
    whole = np.clip(np.rint(scaled * loudness._limiter(scaled, ceiling, w)), -32768, 32767)
    assert np.array_equal(y, whole.astype(np.int64))


def test_the_sliding_minimum_is_the_minimum_of_every_window() -> None:
    rng = np.random.default_rng(3)
    a = rng.normal(size=101)
    for k in (1, 2, 7, 33, 101):
        naive = np.array([a[i:i + k].min() for i in range(len(a) - k + 1)])
        assert np.array_equal(loudness._sliding_min(a, k), naive)


# -- loudness blocks ------------------------------------------------------------------------------


def test_blocks_survive_packing_and_garbage_is_refused() -> None:
    blocks = np.array([-69_999, -41_250, -23_000, -23_000, -22_999, -5], dtype=np.int32)
    packed = loudness.pack_blocks(blocks)
    assert isinstance(packed, str) and packed.isascii()
    assert np.array_equal(loudness.unpack_blocks(packed), blocks)
    assert len(loudness.unpack_blocks(loudness.pack_blocks(np.zeros(0, dtype=np.int32)))) == 0
    for bad in ("not base64!", "AAAA"):  # not base64; base64 of what zlib did not write
        with pytest.raises(ValueError):
            loudness.unpack_blocks(bad)
    with pytest.raises(ValueError):  # a whole number of 4-byte deltas or nothing
        loudness.unpack_blocks(base64.b64encode(zlib.compress(b"\x01\x02\x03")).decode())


def test_integrated_loudness_gates_over_the_blocks_of_all_chapters() -> None:
    assert loudness.integrated_loudness([]) == -70.0
    assert loudness.integrated_loudness([np.array([-80_000], dtype=np.int32)]) == -70.0  # under the absolute gate
    assert loudness.integrated_loudness([np.full(5, -23_000), np.full(3, -23_000)]) == pytest.approx(-23.0)
    # blocks 20 LU quieter than the rest fall under the relative gate (10 LU under their mean)
    assert loudness.integrated_loudness([np.full(10, -20_000), np.full(10, -40_000)]) == pytest.approx(-20.0)
    # two levels within 10 LU both count: the result is their mean energy
    mixed = loudness.integrated_loudness([np.full(10, -20_000), np.full(10, -26_000)])
    energy = (10 ** ((-20 + 0.691) / 10) + 10 ** ((-26 + 0.691) / 10)) / 2
    assert mixed == pytest.approx(10 * math.log10(energy) - 0.691)


# -- frames of the book's pieces ------------------------------------------------------------------


def adts(length: int, blocks: int = 1) -> bytes:
    """An ADTS frame of ``length`` bytes (header included) carrying ``blocks`` AAC blocks."""
    head = [0xFF, 0xF1, 0x50, 0x40 | (length >> 11) & 3, (length >> 3) & 0xFF,
            ((length & 7) << 5) | 0x1F, 0xFC | (blocks - 1)]
    return bytes(head) + bytes(length - 7)


def mp3_header(version: int, bitrate_index: int, rate_index: int, padding: int, layer: int = 1) -> bytes:
    """An MPEG audio frame header (version 3: MPEG-1, 2: MPEG-2; layer 1: layer III)."""
    h = (0x7FF << 21 | version << 19 | layer << 17 | 1 << 16 | bitrate_index << 12 | rate_index << 10
         | padding << 9)
    return h.to_bytes(4, "big")


def test_adts_frames_are_counted_across_read_chunks(tmp_path: Path) -> None:
    stream = adts(20) + adts(300, blocks=2) + adts(7) + adts(2000) * 600  # ~1.2 MB: frames straddle chunks
    (tmp_path / "a.adts").write_bytes(stream)
    assert count_samples(tmp_path / "a.adts", "adts") == 1024 * (1 + 2 + 1 + 600)
    (tmp_path / "cut.adts").write_bytes(stream[:-5])
    with pytest.raises(OutputError, match="ends inside a frame"):
        count_samples(tmp_path / "cut.adts", "adts")
    (tmp_path / "bad.adts").write_bytes(adts(20) + b"\x00" * 20)
    with pytest.raises(OutputError, match="not an ADTS frame at byte 20"):
        count_samples(tmp_path / "bad.adts", "adts")


def test_mp3_frames_have_the_lengths_of_their_bitrate_and_rate(tmp_path: Path) -> None:
    # MPEG-1 layer III at 128 kbit/s, 44.1 kHz: 417 bytes, 418 padded; MPEG-2 at 64 kbit/s, 24 kHz: 192
    frames = [(3, 9, 0, 0, 417), (3, 9, 0, 1, 418), (2, 8, 1, 0, 192)]
    stream = b""
    for version, br, sr, pad, length in frames:
        stream += mp3_header(version, br, sr, pad) + bytes(length - 4)
    (tmp_path / "a.mp3").write_bytes(stream)
    assert count_samples(tmp_path / "a.mp3", "mp3") == 1152 + 1152 + 576
    (tmp_path / "l2.mp3").write_bytes(mp3_header(3, 9, 0, 0, layer=2) + bytes(400))
    with pytest.raises(OutputError, match="not an MPEG layer III frame"):
        count_samples(tmp_path / "l2.mp3", "mp3")
