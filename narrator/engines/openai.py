"""Any OpenAI-compatible speech server: ``POST /v1/audio/speech`` -> WAV.

::

    [engine]
    name = "openai"
    servers = ["https://api.openai.com"]      # with or without /v1
    voice = "alloy"                           # or [engine.openai] voice
    [engine.openai]
    model = "tts-1"                           # default
    api_key_env = "OPENAI_API_KEY"            # environment variable holding the key (default)
    speed = 1.0                               # optional
    sample_rate = 24000                       # optional: the rate the server must send
    [emotions.excited.openai]
    speed = 1.1
    instructions = "Speak with excitement."   # for models that accept instructions

``sample_rate``: when set, a WAV at another rate is an error (EngineUnavailable); when not set,
the engine declares 0, "whatever the server sends": any rate is accepted and assembly resamples.
The declared rate is part of the cache keys, so it never changes during a run.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any, Mapping

from narrator.config import MAX_IN_FLIGHT, Config
from narrator.engines.base import preset_params
from narrator.engines.httpcommon import HttpClient, check_options, check_rate, raise_config

NAME = "openai"
DEFAULTS: Mapping[str, Mapping[str, Any]] = {"neutral": {}}
_OPTIONS: Mapping[str, type | tuple[type, ...]] = {
    "model": str, "voice": str, "api_key_env": str, "speed": (int, float), "sample_rate": int,
}


class OpenAIEngine:
    """One OpenAI-compatible server."""

    name = NAME
    pronunciations = "plain"  # no annotation syntax: pinyin becomes a homophone
    # the API is made for concurrent clients, and the servers behind it (Kokoro-FastAPI,
    # vLLM-based ones) batch: found by measuring; a wrapper that cannot batch shows no gain
    in_flight = "auto"
    max_in_flight = MAX_IN_FLIGHT

    def __init__(self, config: Config, server: str, options: Mapping[str, Any]) -> None:
        self.config = config
        key = os.environ.get(options.get("api_key_env", "OPENAI_API_KEY"), "")
        headers = {"Authorization": f"Bearer {key}"} if key else None
        base = server.rstrip("/")
        if base.endswith("/v1"):
            base = base[:-3]
        self.http = HttpClient(config, base, headers)
        self.label = self.http.base
        self.model = options.get("model", "tts-1")
        self.voice = options.get("voice") or config.engine.voice or "alloy"
        self.speed = options.get("speed")
        self.sample_rate = int(options.get("sample_rate", 0))

    def fingerprint(self) -> str:
        """Engine + model + voice + speed (never the URL or the key)."""
        blob = json.dumps([self.model, self.voice, self.speed])
        return f"{NAME}/{self.model}/{hashlib.sha256(blob.encode()).hexdigest()[:16]}"

    def emotion_params(self, emotion: str) -> Mapping[str, Any]:
        return preset_params(self.config, NAME, emotion, DEFAULTS)

    def language_params(self, lang: str) -> Mapping[str, Any]:
        return {}  # /v1/audio/speech takes no language

    def describe(self) -> dict[str, Any]:
        return {"engine": NAME, "server": self.label, "endpoint": "/v1/audio/speech",
                "model": self.model, "voice": self.voice}

    def voice_key(self, voice: str) -> str:
        """A role's voice ([voices]: the server's voice name) in cache keys: the name."""
        return voice

    def synthesize(self, text: str, lang: str, emotion: str, voice: str = "") -> bytes:
        """One /v1/audio/speech request; returns the server's WAV bytes unchanged. ``voice``: a
        role's voice name ([voices]); "" = the configured voice."""
        params = self.emotion_params(emotion)
        body: dict[str, Any] = {"model": self.model, "input": text, "voice": voice or self.voice,
                                "response_format": "wav"}
        speed = params.get("speed", self.speed)
        if speed is not None:
            body["speed"] = speed
        if params.get("instructions"):
            body["instructions"] = params["instructions"]
        resp = self.http.request("POST", "/v1/audio/speech", what="audio/speech", text=text,
                                 json=body)
        data = self.http.read_body(resp, "audio/speech")
        check_rate(self.http.wav(data, resp, "audio/speech"), self.sample_rate,
                   f"engine.{NAME}", self.label)
        return data

    def close(self) -> None:
        self.http.close()


def create(config: Config, server: str) -> OpenAIEngine:
    """An engine for the OpenAI-compatible server at ``server`` (ConfigError for bad options)."""
    options = dict(config.engine.options.get(NAME, {}))
    problems: list[str] = []
    check_options(options, _OPTIONS, f"engine.{NAME}", problems)
    for name, engines in config.emotions.items():
        for key in engines.get(NAME, {}):
            if key not in ("speed", "instructions"):
                problems.append(f"emotions.{name}.{NAME}.{key}: unknown key (speed, instructions)")
    raise_config(problems)
    return OpenAIEngine(config, server, options)
