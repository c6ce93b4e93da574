"""The audio every stand-in server returns: eSpeak NG speech (narrator.engines.espeak) as a
mono 16-bit PCM WAV, so takes decode and last about as long as real speech of the text."""

from __future__ import annotations

import hashlib
import io
import random
import time
import wave

from narrator.util.wavio import mono_wav

SAMPLE_RATE = 22050


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _resample(data: bytes, rate: int) -> bytes:
    """Return ``data`` (a mono 16-bit WAV) at ``rate`` (linear interpolation: fine for tests)."""
    with wave.open(io.BytesIO(data)) as w:
        src_rate, width, channels = w.getframerate(), w.getsampwidth(), w.getnchannels()
        frames = w.readframes(w.getnframes())
    assert width == 2 and channels == 1, "eSpeak gives mono 16-bit"
    if src_rate == rate:
        return data
    import numpy as np

    src = np.frombuffer(frames, dtype="<i2").astype(np.float64)
    n = int(len(src) * rate / src_rate)
    out = np.interp(np.arange(n) * (src_rate / rate), np.arange(len(src)), src)
    return mono_wav(np.round(out).astype("<i2").tobytes(), rate)


def speech_wav(text: str, lang: str = "en", rate: int = SAMPLE_RATE, delay: float = 0.0,
               *, pitch: int = 50, speed: int = 175) -> bytes:
    """eSpeak NG speech of ``text`` as WAV bytes at ``rate``; ``delay`` seconds of extra wait
    stand in for GPU time (benchmarks); ``pitch`` (0-100) and ``speed`` (words per minute) are
    eSpeak's own controls."""
    if delay > 0:
        time.sleep(delay)
    from narrator.engines.espeak import synthesize_wav

    # Chinese characters need the Mandarin voice; other text is read with the language's voice
    voice = "cmn" if any(_is_cjk(c) for c in text) else ("en" if lang in ("", "zh") else lang)
    return _resample(synthesize_wav(text, voice, pitch=pitch, rate=speed), rate)


def sampled_speech_wav(text: str, lang: str = "en", rate: int = SAMPLE_RATE,
                       rng: random.Random | None = None, said: set[str] | None = None) -> bytes:
    """Speech of ``text`` that differs on every call, as a sampling model's does: eSpeak with a
    random pitch and speed, plus faint noise (about -70 dBFS) so no two answers share bytes.

    ``said`` (hashes of the voicings given before, added to) makes every answer another voicing,
    not only other noise: neighbouring pitches or speeds can give eSpeak's very same samples."""
    import numpy as np

    rng = rng or random.Random()
    for _ in range(1000):  # some 300 voicings of a sentence
        data = speech_wav(text, lang, rate, pitch=rng.randint(42, 58), speed=rng.randint(165, 185))
        digest = hashlib.sha256(data).hexdigest()
        if said is None or digest not in said:
            break
    else:
        raise RuntimeError(f"no new voicing of {text!r} left")
    if said is not None:
        said.add(digest)
    with wave.open(io.BytesIO(data)) as w:
        samples = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.int32)
    noise = np.random.default_rng(rng.getrandbits(64)).integers(-10, 11, len(samples))
    return mono_wav(np.clip(samples + noise, -32768, 32767).astype("<i2").tobytes(), rate)
