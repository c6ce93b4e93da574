"""IndexTTS2 served by index-tts-vllm (api_server_v2): ``POST /tts_url`` JSON -> audio/wav.

The speaker file is a path on the server (it is not uploaded)::

    [engine]
    name = "indextts2-vllm"
    servers = ["http://gpu1:6006"]
    [engine.indextts2-vllm]
    spk_audio_path = "/data/voices/narrator.wav"   # default: engine.voice_file, read as a server path

Emotion presets are the IndexTTS2 ones (``[emotions.X.indextts2-vllm] vector/weight``); vectors are
kept at sum <= 0.8, well inside the server's limit of 1.5.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Mapping

from narrator.config import MAX_IN_FLIGHT, Config
from narrator.errors import EngineError
from narrator.engines.base import preset_params
from narrator.engines.httpcommon import (VECTOR_DEFAULTS, HttpClient, check_options, check_vector_presets,
                         not_speech, raise_config, segment_tokens, vector_emotion_params,
                         vector_params)

NAME = "indextts2-vllm"
SAMPLE_RATE = 22050
DEFAULTS = VECTOR_DEFAULTS
_OPTIONS: Mapping[str, type | tuple[type, ...]] = {"spk_audio_path": str, "max_text_tokens": int}


class VllmEngine:
    """One index-tts-vllm server."""

    name = NAME
    sample_rate = SAMPLE_RATE
    pronunciations = "pinyin"  # index-tts-vllm runs IndexTTS-2's text front end: bare HANG2
    # vLLM batches: its server makes many takes at once (about 16 on one GPU); found by measuring
    in_flight = "auto"
    max_in_flight = MAX_IN_FLIGHT

    def __init__(self, config: Config, server: str, spk_audio_path: str, max_tokens: int) -> None:
        self.config = config
        self.http = HttpClient(config, server)
        self.label = self.http.base
        self.spk_audio_path = spk_audio_path
        self.max_tokens = max_tokens

    def fingerprint(self) -> str:
        """Engine + server-side speaker path + segment setting (never the URL)."""
        blob = json.dumps([self.spk_audio_path, self.max_tokens])
        return f"{NAME}/{hashlib.sha256(blob.encode()).hexdigest()[:16]}"

    def emotion_params(self, emotion: str) -> Mapping[str, Any]:
        return vector_emotion_params(self.config, NAME, emotion)

    def language_params(self, lang: str) -> Mapping[str, Any]:
        return {}  # /tts_url takes no language

    def describe(self) -> dict[str, Any]:
        """The server's /health answer (for `narrate engines`)."""
        resp = self.http.request("GET", "/health", what="health check")
        try:
            health: Any = resp.json()
        except ValueError:
            health = resp.text[:100]
        return {"engine": NAME, "server": self.label, "health": health,
                "spk_audio_path": self.spk_audio_path}

    def voice_key(self, voice: str) -> str:
        """A role's voice ([voices]: a speaker file's path on the server) in cache keys: the path."""
        return "path:" + voice

    def synthesize(self, text: str, lang: str, emotion: str, voice: str = "") -> bytes:
        """One /tts_url request; returns the server's WAV bytes unchanged."""
        method, vec, weight = vector_params(preset_params(self.config, NAME, emotion, DEFAULTS))
        body = {
            "text": text, "spk_audio_path": voice or self.spk_audio_path,
            "emo_control_method": 2 if method == "vectors" else 0,
            "emo_ref_path": None, "emo_weight": weight,
            "emo_vec": vec if method == "vectors" else [0.0] * 8,
            "emo_text": None, "emo_random": False,
            "max_text_tokens_per_sentence": self.max_tokens,
        }
        resp = self.http.request("POST", "/tts_url", what="tts_url", text=text, json=body)
        data = self.http.read_body(resp, "tts_url")
        if "json" in resp.headers.get("Content-Type", ""):
            if not self.http.sent_audio:  # JSON from the first answer on: hopeless
                raise not_speech(data, resp, "tts_url", self.label)
            raise EngineError(f"tts_url: answered JSON instead of audio ({data[:120]!r})",
                              server=self.label)
        self.http.wav(data, resp, "tts_url")
        return data

    def close(self) -> None:
        self.http.close()


def create(config: Config, server: str) -> VllmEngine:
    """An engine for the index-tts-vllm server at ``server`` (ConfigError for bad options)."""
    options = dict(config.engine.options.get(NAME, {}))
    problems: list[str] = []
    check_options(options, _OPTIONS, f"engine.{NAME}", problems)
    spk = options.get("spk_audio_path") or config.engine.voice_file
    if not spk:
        problems.append(f"engine.{NAME}.spk_audio_path: the speaker file's path on the server "
                        "is required")
    mt = options.get("max_text_tokens", segment_tokens(config))
    if isinstance(mt, int) and not 20 <= mt <= 600:
        problems.append(f"engine.{NAME}.max_text_tokens: must be within 20..600")
    check_vector_presets(config, NAME, problems)
    raise_config(problems)
    return VllmEngine(config, server, str(spk), int(mt))
