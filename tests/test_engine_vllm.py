"""The index-tts-vllm engine against its stand-in on loopback."""

from __future__ import annotations

import io
import wave

import pytest

from narrator.config import load_config
from narrator.engines import vllm
from narrator.errors import ConfigError, EngineError
from servers.audio import speech_wav
from servers.vllm_server import VOICE_PATH, start_vllm

TEXT = "The vector engine reads this sentence aloud."


@pytest.fixture(scope="module")
def server():
    s = start_vllm()
    yield s
    s.close()


def config(**extra):
    overrides = {"engine.name": "indextts2-vllm",
                 "engine.indextts2-vllm": {"spk_audio_path": VOICE_PATH}}
    overrides.update(extra)
    return load_config(overrides=overrides)


def test_request_shape_and_audio(server):
    engine = vllm.create(config(), server.url)
    before = server.count("POST", "/tts_url")
    wav = engine.synthesize(TEXT, "en", "sad")
    neutral = engine.synthesize("A plain sentence.", "en", "neutral")
    with wave.open(io.BytesIO(wav)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (22050, 1, 2)
        assert 1.0 < w.getnframes() / 22050 < 8.0
    assert wav == speech_wav(TEXT, "en") and neutral == speech_wav("A plain sentence.", "en")
    sad, plain = [r.json for r in server.seen("POST", "/tts_url")[before:]]
    assert sad["text"] == TEXT and sad["spk_audio_path"] == VOICE_PATH
    assert sad["emo_control_method"] == 2 and sad["emo_vec"] == [0, 0, 0.6, 0, 0, 0.2, 0, 0]
    assert sad["max_text_tokens_per_sentence"] == 170 and sad["emo_random"] is False
    assert plain["emo_control_method"] == 0
    assert engine.describe()["health"] == {"status": "ok"}


def test_large_user_vectors_stay_within_the_server_limit(server):
    emotions = {"angry": {"indextts2-vllm": {"vector": [0, 1, 0, 0, 1, 0, 0, 0], "weight": 0.9}}}
    engine = vllm.create(config(emotions=emotions), server.url)
    engine.synthesize("Angry words here.", "en", "angry")  # the server refuses sums over 1.5
    body = server.seen("POST", "/tts_url")[-1].json
    assert sum(body["emo_vec"]) <= 0.8 + 1e-6 and body["emo_weight"] == 0.9


def test_server_error_is_retryable_with_its_message(server):
    engine = vllm.create(config(), server.url)
    server.fail_next = 1
    with pytest.raises(EngineError) as err:
        engine.synthesize(TEXT, "en", "neutral")
    msg = str(err.value)
    assert err.value.retryable and msg.startswith(server.url) and "stand-in fault" in msg
    assert "500" in msg and "\n" not in msg
    bad_path = vllm.create(config(**{"engine.indextts2-vllm": {"spk_audio_path": "/nope.wav"}}),
                           server.url)
    with pytest.raises(EngineError, match="speaker audio not found: /nope.wav"):
        bad_path.synthesize(TEXT, "en", "neutral")


def test_options_are_validated():
    with pytest.raises(ConfigError) as err:
        vllm.create(load_config(overrides={"engine.indextts2-vllm": {"max_text_tokens": 5,
                                                                     "bogus": 1}}),
                    "http://127.0.0.1:1")
    text = str(err.value)
    assert "spk_audio_path" in text and "max_text_tokens" in text and "bogus" in text
    a = vllm.create(config(), "http://a:1").fingerprint()
    assert a == vllm.create(config(), "http://b:2").fingerprint()
