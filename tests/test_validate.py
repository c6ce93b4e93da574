"""validate_take: real eSpeak takes pass; each kind of bad answer is rejected with its reason."""

from __future__ import annotations

import io
import struct
import wave

import pytest

from narrator.engines.espeak import synthesize_wav
from narrator.errors import InvalidTake
from narrator.synthesis.checks import expected_duration, validate_take
from narrator.util.wavio import normalize_wav, wav_info

EN = "Please open your books to page twelve and read the first paragraph."
ZH = "今天我们学习第一课，请大家打开课本。"


def pcm_wav(seconds: float, *, rate: int = 22050, channels: int = 1, width: int = 2) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(b"\x01" * (int(seconds * rate) * channels * width))
    return buf.getvalue()


@pytest.fixture(scope="module")
def en_take() -> bytes:
    return synthesize_wav(EN, "en-us")


@pytest.fixture(scope="module")
def zh_take() -> bytes:
    return synthesize_wav(ZH, "cmn")


def check(wav: bytes, text: str = EN, lang: str = "en", previous=None, rate: int = 22050) -> float:
    return validate_take(wav, text=text, lang=lang, sample_rate=rate, previous=previous)


def test_real_takes_pass_and_report_their_duration(en_take, zh_take):
    for wav, text, lang in ((en_take, EN, "en"), (zh_take, ZH, "zh")):
        with wave.open(io.BytesIO(wav)) as w:
            expected = w.getnframes() / w.getframerate()
        assert check(wav, text, lang) == pytest.approx(expected)
    assert check(synthesize_wav("Hi.", "en-us"), "Hi.") > 0  # very short text: the floor applies


@pytest.mark.parametrize("body, reason", [
    (b"", "empty response"),
    (b"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", "HTML instead of audio"),
    (b'  {"error": "CUDA out of memory"}', "JSON instead of audio"),
    (b"ID3\x04\x00" + bytes(500), "not a WAV file"),
])
def test_non_audio_is_rejected(body, reason):
    with pytest.raises(InvalidTake, match=reason):
        check(body)


def test_truncated_wav_is_rejected(en_take):
    with pytest.raises(InvalidTake, match="truncated"):
        check(en_take[: len(en_take) // 2])
    with pytest.raises(InvalidTake, match="broken WAV"):
        check(en_take[:30])


def test_wrong_formats_are_rejected():
    with pytest.raises(InvalidTake, match="not mono"):
        check(pcm_wav(3.0, channels=2))
    with pytest.raises(InvalidTake, match="not 16-bit PCM"):
        check(pcm_wav(3.0, width=1))
    with pytest.raises(InvalidTake, match="sample rate 24000 Hz, engine declares 22050 Hz"):
        check(pcm_wav(3.0, rate=24000))
    assert check(pcm_wav(3.0, rate=24000), rate=0) == pytest.approx(3.0)  # rate unknown: accepted
    float_wav = bytearray(pcm_wav(3.0))
    struct.pack_into("<H", float_wav, 20, 3)  # WAVE_FORMAT_IEEE_FLOAT
    with pytest.raises(InvalidTake, match="not 16-bit PCM"):
        check(bytes(float_wav))
    with pytest.raises(InvalidTake, match="no audio"):
        check(pcm_wav(0.0))


def test_implausible_durations_are_rejected():
    with pytest.raises(InvalidTake, match="too short"):
        check(pcm_wav(0.3), EN)  # 68 characters in 0.3 s
    with pytest.raises(InvalidTake, match="too long"):
        check(pcm_wav(60.0), "Hi.")
    with pytest.raises(InvalidTake, match="too short"):
        check(pcm_wav(0.4), ZH, "zh")  # 16 Chinese characters in 0.4 s
    with pytest.raises(InvalidTake, match="too long"):
        check(pcm_wav(40.0), ZH, "zh")
    assert check(pcm_wav(4.0), ZH, "zh") == pytest.approx(4.0)


def test_bounds_follow_the_script_of_the_text():
    lo_zh, hi_zh = expected_duration("我们一起读一遍")  # 7 ideographs
    lo_en, hi_en = expected_duration("togethers")  # 9 letters
    assert lo_zh > lo_en and hi_zh > hi_en  # a Chinese character takes longer than a letter
    assert expected_duration("...")[0] == 0.0


def test_another_texts_audio_is_rejected(en_take):
    other = "A completely different sentence about the weather today."
    with pytest.raises(InvalidTake, match="same audio as the previous take"):
        check(en_take, other, previous=(EN, en_take))
    assert check(en_take, EN, previous=(EN, en_take)) > 0  # same text, same audio: fine
    assert check(en_take, EN.upper() + "!", previous=(EN, en_take)) > 0  # only case/punctuation differ
    assert check(en_take, other, previous=(EN, en_take[:100] + bytes([en_take[100] ^ 1]) + en_take[101:])) > 0


def test_streamed_wav_is_accepted_and_normalized(en_take):
    streamed = bytearray(en_take)
    struct.pack_into("<I", streamed, 4, 0xFFFFFFFF)
    struct.pack_into("<I", streamed, 40, 0xFFFFFFFF)  # data size of a canonical 44-byte header
    assert wav_info(bytes(streamed)).streamed
    assert check(bytes(streamed)) == pytest.approx(check(en_take))
    fixed = normalize_wav(bytes(streamed))
    assert fixed == en_take
    assert normalize_wav(en_take) is en_take
