"""The embedded eSpeak NG engine, against the real libespeak-ng from the espeakng-loader wheel."""

from __future__ import annotations

import io
import threading
import wave

import numpy as np
import pytest

from narrator.config import EMOTIONS, Config, EngineConfig, load_config
from narrator.engines import create_engines
from narrator.engines.base import Engine
from narrator.engines.espeak import EspeakEngine, create, split_scripts, synthesize_wav
from narrator.errors import EngineUnavailable

EN = "The quick brown fox jumps over the lazy dog near the river bank."
ZH = "今天天气很好，我们一起去公园散步吧。"
MIXED = "我们今天用 Python 和 API 写一个小程序。"


def decode(wav: bytes) -> tuple[np.ndarray, int]:
    with wave.open(io.BytesIO(wav), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        return np.frombuffer(w.readframes(w.getnframes()), "<i2"), w.getframerate()


def duration(wav: bytes) -> float:
    x, rate = decode(wav)
    return len(x) / rate


def median_f0(wav: bytes) -> float:
    """Median pitch of voiced 40 ms frames, by autocorrelation (70-400 Hz)."""
    x, rate = decode(wav)
    x = x.astype(np.float64)
    n = int(0.04 * rate)
    lo, hi = rate // 400, rate // 70
    f0s = []
    for i in range(0, len(x) - n, n):
        f = x[i:i + n] - x[i:i + n].mean()
        if np.sqrt(np.mean(f * f)) < 1000:
            continue
        ac = np.correlate(f, f, "full")[n - 1:]
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] > 0.3 * ac[0]:
            f0s.append(rate / lag)
    assert f0s, "no voiced frames found"
    return float(np.median(f0s))


@pytest.fixture(scope="module")
def engine() -> EspeakEngine:
    return create(Config(), None)


def test_english_and_chinese_are_valid_wavs_of_plausible_length(engine: EspeakEngine) -> None:
    en, zh = engine.synthesize(EN, "en", "neutral"), engine.synthesize(ZH, "zh", "neutral")
    for wav in (en, zh):
        x, rate = decode(wav)
        assert rate == 22050 == engine.sample_rate
        assert np.abs(x).max() > 3000  # real speech, not silence
    assert 2.0 < duration(en) < 8.0  # 13 words at ~175 wpm
    assert 2.0 < duration(zh) < 8.0  # 17 syllables


def test_helper_signature_used_by_stand_in_servers() -> None:
    wav = synthesize_wav("Hello world.", "en-us", rate=175, pitch=50, volume=100, pitch_range=50)
    assert wav[:4] == b"RIFF" and 0.4 < duration(wav) < 3.0


def test_mixed_sentence_is_read_as_script_runs(engine: EspeakEngine) -> None:
    runs = split_scripts(MIXED)
    assert [r.script for r in runs] == ["cjk", "latin", "cjk", "latin", "cjk"]
    assert "".join(r.text for r in runs) == MIXED
    mixed, _ = decode(engine.synthesize(MIXED, "zh", "neutral"))
    # The take is exactly the Chinese runs read by cmn and the English runs by en-US, joined.
    p = engine.emotion_params("neutral")
    kw = dict(rate=p["rate"], pitch=p["pitch"], volume=p["volume"], pitch_range=p["range"])
    voices = {"cjk": "cmn", "latin": "en-US"}
    parts = [decode(synthesize_wav(r.text, voices[r.script], **kw))[0] for r in runs]
    assert np.array_equal(mixed, np.concatenate(parts))
    # ...which differs from letting the Chinese voice spell the English words itself.
    assert not np.array_equal(mixed, decode(synthesize_wav(MIXED, "cmn", **kw))[0])


def test_english_sentence_with_a_few_chinese_characters(engine: EspeakEngine) -> None:
    text = "The word 你好 means hello."
    with_zh = duration(engine.synthesize(text, "en", "neutral"))
    without = duration(engine.synthesize("The word means hello.", "en", "neutral"))
    assert with_zh > without + 0.2  # the Chinese word is spoken, not skipped


def test_presets_sound_different(engine: EspeakEngine) -> None:
    sad, excited = engine.synthesize(EN, "en", "sad"), engine.synthesize(EN, "en", "excited")
    calm, neutral = engine.synthesize(EN, "en", "calm"), engine.synthesize(EN, "en", "neutral")
    assert duration(sad) > duration(neutral) * 1.15  # sad is slower
    assert duration(excited) < duration(neutral) * 0.95  # excited is faster
    assert duration(calm) > duration(neutral)
    assert median_f0(excited) > median_f0(sad) * 1.2  # and higher
    params = {e: tuple(sorted(engine.emotion_params(e).items())) for e in EMOTIONS}
    assert len(set(params.values())) == len(EMOTIONS)


def test_narrate_toml_overrides_a_preset(tmp_path) -> None:
    toml = tmp_path / "narrate.toml"
    toml.write_text("[emotions.sad.espeak]\nrate = 260\n", encoding="utf-8")
    eng = create(load_config(toml), None)
    assert eng.emotion_params("sad")["rate"] == 260
    assert duration(eng.synthesize(EN, "en", "sad")) < duration(eng.synthesize(EN, "en", "neutral"))


def test_same_input_gives_identical_bytes_whatever_came_before(engine: EspeakEngine) -> None:
    first = engine.synthesize(EN, "en", "warm")
    engine.synthesize(ZH, "zh", "excited")  # libespeak-ng keeps state between utterances
    engine.synthesize("Something else entirely, said slowly.", "en", "sad")
    assert engine.synthesize(EN, "en", "warm") == first


def test_two_threads_many_calls(engine: EspeakEngine) -> None:
    texts = [f"Sentence number {i} is here." for i in range(6)] + [ZH]
    expected = {t: synthesize_wav(t, "cmn" if t == ZH else "en-us") for t in texts}
    results: list[tuple[str, bytes]] = []
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(30):
                t = texts[(i + offset) % len(texts)]
                results.append((t, synthesize_wav(t, "cmn" if t == ZH else "en-us")))
        except BaseException as e:  # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in (0, 3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert len(results) == 60
    assert all(wav == expected[t] for t, wav in results)


def test_voices_per_language_and_override() -> None:
    eng = create(Config(), None)
    assert isinstance(eng, Engine)
    assert (eng.voice_for("zh"), eng.voice_for("zh-CN"), eng.voice_for("en")) == ("cmn", "cmn", "en-US")
    assert eng.voice_for("fr") == "fr" and eng.voice_for("xx-unknown") == "en-US"
    gb = create(Config(engine=EngineConfig(voice="en-gb-x-rp")), None)
    assert gb.voice_for("en") == "en-GB-x-rp" and gb.voice_for("zh") == "cmn"
    assert gb.synthesize("Tomato.", "en", "neutral") != eng.synthesize("Tomato.", "en", "neutral")
    both = create(Config(engine=EngineConfig(voice="zh=yue,en=en-gb-x-rp")), None)
    assert (both.voice_for("zh"), both.voice_for("en")) == ("yue", "en-GB-x-rp")
    with pytest.raises(EngineUnavailable, match="no voice 'klingon'"):
        create(Config(engine=EngineConfig(voice="klingon")), None)


def test_fingerprint_is_stable_and_tracks_settings() -> None:
    a, b = create(Config(), None), create(Config(), None)
    gb = create(Config(engine=EngineConfig(voice="en-gb-x-rp")), None)
    assert a.fingerprint() == b.fingerprint()
    assert a.fingerprint() != gb.fingerprint()
    assert "1." in a.fingerprint() and "/" not in a.fingerprint()  # version, no paths


def test_registry_creates_espeak_by_default() -> None:
    [eng] = create_engines(Config())
    assert eng.name == "espeak" and eng.label == "espeak"


def test_missing_library_is_engine_unavailable(monkeypatch) -> None:
    import espeakng_loader

    monkeypatch.setattr(espeakng_loader, "get_library_path", lambda: "/nonexistent/libespeak-ng.so")
    with pytest.raises(EngineUnavailable) as err:
        synthesize_wav("Hello.", "en-us")
    assert "cannot load libespeak-ng" in str(err.value) and "\n" not in str(err.value)
