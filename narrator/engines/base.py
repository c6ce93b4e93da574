"""The Engine protocol every TTS backend implements, and emotion preset resolution."""

from __future__ import annotations

from typing import Any, Mapping, Protocol, runtime_checkable

from narrator.config import Config


@runtime_checkable
class Engine(Protocol):
    """One TTS engine instance. For HTTP engines, one instance = one server.

    Instances are used from one thread at a time unless the class says otherwise:
    ``max_in_flight`` (default 1) is how many concurrent ``synthesize`` calls it allows, and
    ``in_flight`` ("auto" or a number, default 1) what the scheduler uses when ``[engine]
    in_flight`` is not set. ``synthesize`` returns a mono 16-bit PCM WAV (bytes) or raises
    :class:`narrator.errors.EngineError`.
    """

    name: str  # "espeak", "indextts2", ...
    label: str  # what logs and errors.jsonl call this instance: "espeak" or the server URL
    sample_rate: int  # of the WAVs it returns, fixed before any request; 0 = whatever the server sends

    def fingerprint(self) -> str:
        """Engine + model/version + voice + settings; the same for every server of one setup
        (never the URL), so all servers share cached takes."""
        ...

    def emotion_params(self, emotion: str) -> Mapping[str, Any]:
        """The engine's own controls for a preset (part of the cache key)."""
        ...

    def language_params(self, lang: str) -> Mapping[str, Any]:
        """What the engine makes of a segment's language (the voice it picks, the language it
        sends): part of the cache key. Empty if the engine ignores the language, which keeps
        its keys as they were. Called after :meth:`fingerprint`."""
        ...

    def describe(self) -> Mapping[str, Any]:
        """What ``narrate engines`` shows about this instance (model, endpoint...), in order."""
        ...

    def synthesize(self, text: str, lang: str, emotion: str) -> bytes:
        """A take of ``text``. Engines with voices per role also take ``voice=`` (a voice of
        the cast in [voices]) and say what it is in cache keys with ``voice_key(voice)``."""
        ...

    def close(self) -> None:
        ...


def preset_params(config: Config, engine: str, emotion: str,
                  defaults: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """An engine's parameters for ``emotion``: its built-in table, overridden by narrate.toml
    ``[emotions.<emotion>.<engine>]``. Unknown presets fall back to neutral."""
    base = defaults.get(emotion)
    if base is None and emotion not in config.emotions:
        base = defaults.get("neutral", {})
    params = dict(base or defaults.get("neutral", {}))
    params.update(config.emotions.get(emotion, {}).get(engine, {}))
    return params


def request_timeout(config: Config, text: str) -> tuple[float, float]:
    """(connect, read) limits for one request; the read limit grows with the text length."""
    e = config.engine
    return e.connect_timeout, e.read_timeout + e.read_timeout_per_char * len(text)
