"""The OpenAI-compatible engine against its stand-in on loopback."""

from __future__ import annotations

import io
import wave

import pytest

from narrator.config import load_config
from narrator.engines import openai
from narrator.errors import ConfigError, EngineError, EngineUnavailable
from servers.audio import speech_wav
from servers.openai_server import RATE, start_openai

TEXT = "An OpenAI compatible server speaks this line."


@pytest.fixture(scope="module")
def server():
    s = start_openai(api_key="sk-test")
    yield s
    s.close()


def config(**extra):
    overrides = {"engine.name": "openai", "engine.voice": "nova"}
    overrides.update(extra)
    return load_config(overrides=overrides)


@pytest.mark.parametrize("suffix", ["", "/", "/v1", "/v1/"])
def test_speech_request_with_key(server, monkeypatch, suffix):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    engine = openai.create(config(**{"engine.openai": {"model": "tts-x", "speed": 1.2}}),
                           server.url + suffix)
    before = server.count("POST", "/v1/audio/speech")
    wav = engine.synthesize(TEXT, "en", "neutral")
    with wave.open(io.BytesIO(wav)) as w:
        assert w.getframerate() == RATE and 1.0 < w.getnframes() / RATE < 8.0
    assert wav == speech_wav(TEXT, "en", rate=RATE)
    assert engine.sample_rate == 0  # none declared: any rate, and an answer never changes it
    assert engine.language_params("fr") == {}  # the request has no language: keys ignore it
    reqs = server.seen("POST", "/v1/audio/speech")
    assert len(reqs) == before + 1
    assert reqs[-1].json == {"model": "tts-x", "input": TEXT, "voice": "nova",
                             "response_format": "wav", "speed": 1.2}
    assert reqs[-1].headers["authorization"] == "Bearer sk-test"


def test_custom_key_variable_and_emotion_instructions(server, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("MY_TTS_KEY", "sk-test")
    emotions = {"excited": {"openai": {"speed": 1.1, "instructions": "Sound excited."}}}
    engine = openai.create(config(emotions=emotions, **{"engine.openai": {"api_key_env": "MY_TTS_KEY"}}),
                           server.url)
    engine.synthesize("Great news everyone!", "en", "excited")
    body = server.seen("POST", "/v1/audio/speech")[-1].json
    assert body["speed"] == 1.1 and body["instructions"] == "Sound excited."
    assert engine.emotion_params("excited") == {"speed": 1.1, "instructions": "Sound excited."}


def test_bad_key_is_not_retryable(server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-wrong")
    with pytest.raises(EngineUnavailable) as err:
        openai.create(config(), server.url).synthesize(TEXT, "en", "neutral")
    msg = str(err.value)
    assert msg.startswith(server.url) and "401" in msg and "Incorrect API key" in msg


def test_server_fault_and_fixed_rate_mismatch(server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    engine = openai.create(config(), server.url)
    server.fail_next, server.fail_status = 1, 502
    try:
        with pytest.raises(EngineError) as err:
            engine.synthesize(TEXT, "en", "neutral")
        assert err.value.retryable and "502" in str(err.value)
    finally:
        server.fail_status = 500
    fixed = openai.create(config(**{"engine.openai": {"sample_rate": 22050}}), server.url)
    with pytest.raises(EngineUnavailable, match="24000 Hz"):
        fixed.synthesize(TEXT, "en", "neutral")


def test_options_validated_and_fingerprint_ignores_url():
    with pytest.raises(ConfigError) as err:
        openai.create(load_config(overrides={"engine.openai": {"modle": "x", "speed": "fast"}},
                                  ), "http://x")
    assert "modle" in str(err.value) and "speed" in str(err.value)
    assert openai.create(config(), "http://a").fingerprint() == openai.create(config(), "http://b/v1").fingerprint()
    assert openai.create(config(), "http://a").fingerprint() != openai.create(
        config(**{"engine.voice": "alloy"}), "http://a").fingerprint()
