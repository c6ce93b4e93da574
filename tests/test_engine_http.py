"""The generic HTTP engine: samples/http-engine.toml and the JSON response rules, against a
loopback server shaped like the ones hand-written IndexTTS2 batch scripts talk to."""

from __future__ import annotations

import base64
import io
import wave
from pathlib import Path

import pytest

from narrator.config import load_config
from narrator.engines import http
from narrator.errors import ConfigError, EngineError, EngineUnavailable
from servers import Reply, Request, RecordingServer
from servers.audio import speech_wav

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "http-engine.toml"
TEXT = "The generic engine sends this sentence."


def _generate(server: RecordingServer, req: Request) -> Reply:
    body = req.json
    if set(body) != {"text", "speaker", "emotion", "speed"} or not isinstance(body["speed"], float):
        return Reply.json({"detail": f"bad request body {body}"}, 422)
    return Reply.wav(speech_wav(body["text"], "en"))


def _b64(server: RecordingServer, req: Request) -> Reply:
    if req.headers.get("x-api-key") != "k-123":
        return Reply.json({"detail": "no key"}, 403)
    text = req.query["q"][0]
    return Reply.json({"result": {"audio": base64.b64encode(speech_wav(text, "en")).decode()}})


_files: dict[str, bytes] = {}


def _url(server: RecordingServer, req: Request) -> Reply:
    _files["take"] = speech_wav(req.json["input"], "en")
    return Reply.json({"data": [{"url": "/files/take.wav"}]})


def _form(server: RecordingServer, req: Request) -> Reply:
    return Reply.wav(speech_wav(req.form["text"], "en"))


@pytest.fixture(scope="module")
def server():
    routes = {
        ("POST", "/tts/generate"): _generate,
        ("GET", "/b64"): _b64,
        ("POST", "/url"): _url,
        ("GET", "/files/take.wav"): lambda s, r: Reply.wav(_files["take"]),
        ("POST", "/form"): _form,
        ("POST", "/html"): lambda s, r: Reply(200, b"<html>busy</html>", "text/html"),
    }
    with RecordingServer(routes) as s:
        yield s


def make(server, options, **extra):
    overrides = {"engine.name": "http", "engine.voice": "narrator", "engine.http": options}
    overrides.update(extra)
    return http.create(load_config(overrides=overrides), server.url)


def seconds(wav: bytes) -> float:
    with wave.open(io.BytesIO(wav)) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        return w.getnframes() / w.getframerate()


def test_sample_config_against_batch_script_server(server):
    config = load_config(SAMPLE, {"engine.servers": [server.url]})
    assert config.engine.name == "http" and not config.warnings
    engine = http.create(config, server.url)
    before = server.count("POST", "/tts/generate")
    wav = engine.synthesize(TEXT, "en", "excited")
    assert wav == speech_wav(TEXT, "en") and 1.0 < seconds(wav) < 8.0
    engine.synthesize("A second one.", "en", "neutral")
    sent = [r.json for r in server.seen("POST", "/tts/generate")[before:]]
    assert sent == [{"text": TEXT, "speaker": "narrator", "emotion": "excited", "speed": 1.1},
                    {"text": "A second one.", "speaker": "narrator", "emotion": "neutral",
                     "speed": 1.0}]
    assert engine.sample_rate == 22050
    assert engine.fingerprint() == http.create(config, "http://elsewhere:1").fingerprint()


def test_json_base64_rule_with_templated_url_and_header(server, monkeypatch):
    monkeypatch.setenv("TTS_KEY", "k-123")
    engine = make(server, {"method": "GET", "url": "/b64?q={{ text | urlencode }}&lang={{ lang }}",
                           "headers": {"X-Api-Key": "{{ env.TTS_KEY }}"},
                           "response": "json", "audio_field": "result.audio"})
    wav = engine.synthesize("Base sixty four, please!", "en", "calm")
    assert wav == speech_wav("Base sixty four, please!", "en")
    req = server.seen("GET", "/b64")[-1]
    assert req.query["q"] == ["Base sixty four, please!"] and req.query["lang"] == ["en"]


def test_json_url_rule_downloads_relative_url(server):
    engine = make(server, {"url": "/url", "json": {"input": "{{ text }}", "opts": {"n": 2}},
                           "response": "json", "url_field": "data.0.url"})
    before = server.count("GET", "/files/take.wav")
    wav = engine.synthesize("Fetch me from a link.", "en", "neutral")
    assert wav == speech_wav("Fetch me from a link.", "en")
    assert server.count("GET", "/files/take.wav") == before + 1
    assert server.seen("POST", "/url")[-1].json == {"input": "Fetch me from a link.", "opts": {"n": 2}}


def test_form_body(server):
    engine = make(server, {"url": "/form", "form": {"text": "{{ text }}", "voice": "{{ voice }}",
                                                    "rate": 3}})
    assert engine.synthesize("Form encoded text.", "en", "neutral") == speech_wav("Form encoded text.", "en")
    assert server.seen("POST", "/form")[-1].form == {"text": "Form encoded text.",
                                                     "voice": "narrator", "rate": "3"}


def test_failures_become_engine_errors(server):
    html = make(server, {"url": "/html", "json": {"t": "{{ text }}"}})
    with pytest.raises(EngineUnavailable) as gone:  # a page from the first answer on: no speech server
        html.synthesize(TEXT, "en", "neutral")
    assert "not audio" in str(gone.value) and str(gone.value).startswith(server.url)
    worked = make(server, {"url": "{{ '/html' if text == 'busy' else '/form' }}", "form": {"text": "{{ text }}"}})
    worked.synthesize(TEXT, "en", "neutral")
    with pytest.raises(EngineError) as err:  # after audio, a page is a passing fault: retried
        worked.synthesize("busy", "en", "neutral")
    assert err.value.retryable and "not a WAV" in str(err.value) and str(err.value).startswith(server.url)
    missing = make(server, {"url": "/nowhere", "json": {"t": "{{ text }}"}})
    with pytest.raises(EngineUnavailable, match="404"):
        missing.synthesize(TEXT, "en", "neutral")
    server.fail_next = 1
    with pytest.raises(EngineError) as err:
        make(server, {"url": "/form", "form": {"text": "{{ text }}"}}).synthesize(TEXT, "en", "neutral")
    assert err.value.retryable and "500" in str(err.value)
    no_field = make(server, {"url": "/url", "json": {"input": "{{ text }}"}, "response": "json",
                             "audio_field": "data.audio"})
    with pytest.raises(EngineError, match="no 'data.audio'"):
        no_field.synthesize(TEXT, "en", "neutral")


def test_configuration_problems_are_reported_together(server):
    with pytest.raises(ConfigError) as err:
        make(server, {"method": "PATCH", "json": {}, "form": {}, "response": "json", "colour": 1})
    text = str(err.value)
    for needle in ("url: required", "method", "either a json or a form", "audio_field", "colour"):
        assert needle in text
    with pytest.raises(ConfigError, match="speeker"):  # a typo in a template name
        make(server, {"url": "/tts/generate", "json": {"speaker": "{{ speeker }}"}})
    with pytest.raises(ConfigError, match="template error"):
        make(server, {"url": "/tts/{{ oops", "json": {}})
