"""The embedded default engine: libespeak-ng through ctypes, from the espeakng-loader wheel.

No system package and no subprocess per sentence: the library is loaded and initialised once per
process in synchronous mode, and every call runs under one module-level lock because libespeak-ng
keeps global state and is not thread-safe.

Usage::

    from narrator.engines.espeak import synthesize_wav
    wav = synthesize_wav("Hello world.", "en-us", rate=190, pitch=60)   # mono 16-bit WAV bytes
"""

from __future__ import annotations

import ctypes
import hashlib
import re
import threading
from dataclasses import dataclass
from typing import Any, Mapping

from narrator.config import Config
from narrator.errors import ConfigError, EngineError, EngineUnavailable
from narrator.text import BOPOMOFO, CJK_FORMS, CJK_PUNCTUATION, FULLWIDTH, HAN, KANA, RADICALS
from narrator.util.wavio import mono_wav
from narrator.engines.base import preset_params


# speak_lib.h constants
_AUDIO_OUTPUT_SYNCHRONOUS = 0x02
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_POS_CHARACTER = 1
_RATE, _VOLUME, _PITCH, _RANGE = 1, 2, 3, 4
_EE_OK = 0

DEFAULTS: Mapping[str, Mapping[str, int]] = {
    # rate in words per minute; pitch, range 0-100; volume 0-200 (100 = normal)
    "neutral": {"pitch": 50, "rate": 175, "volume": 100, "range": 50},
    "calm": {"pitch": 45, "rate": 155, "volume": 85, "range": 40},
    "warm": {"pitch": 52, "rate": 165, "volume": 100, "range": 60},
    "excited": {"pitch": 70, "rate": 200, "volume": 115, "range": 85},
    "serious": {"pitch": 38, "rate": 160, "volume": 105, "range": 30},
    "sad": {"pitch": 30, "rate": 135, "volume": 80, "range": 20},
    "angry": {"pitch": 58, "rate": 195, "volume": 125, "range": 75},
    "surprised": {"pitch": 75, "rate": 185, "volume": 110, "range": 95},
    "afraid": {"pitch": 66, "rate": 210, "volume": 85, "range": 70},
}
"""Built-in eSpeak controls per emotion preset; narrate.toml [emotions.NAME.espeak] overrides."""

_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                             ctypes.c_void_p)


class _VOICE(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("languages", ctypes.c_void_p),
                ("identifier", ctypes.c_char_p), ("gender", ctypes.c_ubyte),
                ("age", ctypes.c_ubyte), ("variant", ctypes.c_ubyte), ("xx1", ctypes.c_ubyte),
                ("score", ctypes.c_int), ("spare", ctypes.c_void_p)]


class _Session:
    """One load of libespeak-ng: dlopen, initialise, synthesize, terminate, dlclose.

    libespeak-ng keeps hidden static state between utterances (the pitch-flutter phase, the
    automatic gain, the echo buffer, even across espeak_Initialize), so the same text comes out
    slightly different depending on what was spoken before. Takes must be byte-identical (the cache
    and reruns depend on it), so every take gets a freshly loaded library; loading costs ~2 ms.
    Use with _LOCK held.
    """

    def __init__(self) -> None:
        try:
            import espeakng_loader

            lib_path = espeakng_loader.get_library_path()
            data_path = espeakng_loader.get_data_path()
            lib = ctypes.CDLL(lib_path)
        except (ImportError, OSError, RuntimeError) as e:
            raise EngineUnavailable(f"cannot load libespeak-ng from the espeakng-loader wheel: {e}",
                                    server="espeak") from None
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
        lib.espeak_SetSynthCallback.restype = None
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_SetParameter.restype = ctypes.c_int
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetVoiceByName.restype = ctypes.c_int
        lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
        lib.espeak_Synth.restype = ctypes.c_int
        lib.espeak_Synchronize.restype = ctypes.c_int
        lib.espeak_Terminate.restype = ctypes.c_int
        lib.espeak_Info.argtypes = [ctypes.c_void_p]
        lib.espeak_Info.restype = ctypes.c_char_p
        lib.espeak_ListVoices.argtypes = [ctypes.c_void_p]
        lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_VOICE))
        rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 200, data_path.encode(),
                                     _INITIALIZE_DONT_EXIT)
        if rate <= 0:
            _unload(lib)
            raise EngineUnavailable(f"libespeak-ng failed to initialise with data at {data_path}",
                                    server="espeak")
        self.lib = lib
        self.sample_rate = rate
        self._chunks: list[bytes] = []
        # Keep a reference: ctypes frees a callback when its Python object is collected.
        self._callback = _CALLBACK(self._collect)
        lib.espeak_SetSynthCallback(self._callback)

    def __enter__(self) -> "_Session":
        return self

    def __exit__(self, *exc: object) -> None:
        self.lib.espeak_Terminate()
        _unload(self.lib)

    def _collect(self, wav: Any, numsamples: int, events: Any) -> int:
        if numsamples > 0 and wav:
            self._chunks.append(ctypes.string_at(wav, numsamples * 2))
        return 0  # 0 = continue synthesis

    def version(self) -> str:
        return (self.lib.espeak_Info(None) or b"?").decode("ascii", "replace")

    def list_voices(self) -> dict[str, str]:
        """Voice names and language codes (lower case) -> name to pass to SetVoiceByName.

        Voice names win over language codes (so "fr" is the voice "fr", not "fr-BE" which also
        lists "fr" among its languages).
        """
        names: dict[str, str] = {}
        langs: dict[str, str] = {}
        arr = self.lib.espeak_ListVoices(None)
        i = 0
        while arr and arr[i]:
            v = arr[i].contents
            name = (v.identifier or b"").decode("utf-8", "replace").rsplit("/", 1)[-1]
            names.setdefault(name.lower(), name)
            # `languages`: (priority byte, NUL-terminated code) pairs, ended by a 0 priority byte
            raw = v.languages
            off = 0
            while raw and ctypes.string_at(raw + off, 1) != b"\0":
                code = ctypes.string_at(raw + off + 1)
                if not code:
                    break
                langs.setdefault(code.decode("ascii", "replace").lower(), name)
                off += 1 + len(code) + 1
            i += 1
        return {**langs, **names}

    def pcm(self, text: str, voice: str, rate: int, pitch: int, volume: int, pitch_range: int) -> bytes:
        """Raw 16-bit mono samples for ``text``."""
        lib = self.lib
        if lib.espeak_SetVoiceByName(voice.encode()) != _EE_OK:
            raise EngineError(f"espeak has no voice '{voice}'", server="espeak")
        for param, value in ((_RATE, rate), (_PITCH, pitch), (_VOLUME, volume), (_RANGE, pitch_range)):
            lib.espeak_SetParameter(param, int(value), 0)
        data = text.encode("utf-8")
        self._chunks = []
        err = lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
        lib.espeak_Synchronize()
        chunks, self._chunks = self._chunks, []
        if err != _EE_OK:
            raise EngineError(f"espeak_Synth failed with code {err} for {text[:40]!r}", server="espeak")
        return b"".join(chunks)


def _unload(lib: ctypes.CDLL) -> None:
    """dlclose the library so its static state is gone before the next load."""
    import _ctypes

    _ctypes.dlclose(lib._handle)


@dataclass(frozen=True, slots=True)
class _Info:
    version: str
    sample_rate: int
    voices: Mapping[str, str]


_LOCK = threading.Lock()  # libespeak-ng is a set of globals: one caller at a time
_INFO: _Info | None = None


def _info() -> _Info:
    """Library version, rate and voices, read once (call with _LOCK held)."""
    global _INFO
    if _INFO is None:
        with _Session() as s:
            _INFO = _Info(s.version(), s.sample_rate, s.list_voices())
    return _INFO


def synthesize_wav(text: str, voice: str, *, rate: int = 175, pitch: int = 50, volume: int = 100,
                   pitch_range: int = 50) -> bytes:
    """Speak ``text`` with the espeak voice ``voice``; return mono 16-bit PCM WAV bytes (22050 Hz).

    Deterministic: the same arguments always give the same bytes. Thread-safe (serialised).
    Raises EngineUnavailable if the library cannot load, EngineError for an unknown voice.
    """
    with _LOCK, _Session() as s:
        return mono_wav(s.pcm(text, voice, rate, pitch, volume, pitch_range), s.sample_rate)


# ---- voices per language and mixed-script text -------------------------------------------------

# CJK ideographs, kana, bopomofo, CJK punctuation and fullwidth forms: read by the CJK voice
_CJK = re.compile(f"[{RADICALS}{CJK_PUNCTUATION}{KANA}{BOPOMOFO}{HAN}{CJK_FORMS}{FULLWIDTH}]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")

_LANG_VOICES = {"zh": "cmn", "cmn": "cmn", "yue": "yue", "en": "en-us"}


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text in one script, with the voice that reads it."""

    text: str
    script: str  # "cjk" | "latin"


def split_scripts(text: str) -> list[Run]:
    """Split ``text`` into runs of CJK and Latin script, in one pass.

    Digits, spaces and punctuation carry no script: they stay with the run in progress (so
    "2024年" and "GPT-4" keep their numbers), and leading ones join the first run with a script.
    """
    runs: list[Run] = []
    current: list[str] = []
    script = ""
    for ch in text:
        s = "cjk" if _CJK.match(ch) else "latin" if _LATIN.match(ch) else ""
        if s and script and s != script:
            runs.append(Run("".join(current), script))
            current = []
        if s:
            script = s
        current.append(ch)
    if current:
        runs.append(Run("".join(current), script or "latin"))
    return runs


def _base_lang(lang: str) -> str:
    return (lang or "en").replace("_", "-").split("-", 1)[0].lower()


class EspeakEngine:
    """The Engine protocol over libespeak-ng.

    Voices: zh -> "cmn", en -> "en-us", other languages by their espeak voice if one exists, else
    English. ``engine.voice`` replaces the voice for the language it speaks (a bare name such as
    "en-gb" applies to en, "yue" to zh), or give a per-language list: "zh=yue,en=en-gb".
    Mixed sentences are read as script runs (Chinese runs with the Chinese voice, Latin runs with
    the English voice) joined into one take.
    """

    name = "espeak"
    label = "espeak"
    pronunciations = "plain"  # pinyin: a homophone (a Latin run would go to the English voice)
    in_flight = max_in_flight = 1  # one embedded library, one take at a time

    def __init__(self, config: Config) -> None:
        self._config = config
        with _LOCK:
            info = _info()
        self.sample_rate = info.sample_rate
        self._version = info.version
        self._known = dict(info.voices)
        self._voices = {lang: self._known.get(v, v) for lang, v in _LANG_VOICES.items()}
        self._overrides = self._parse_voice_setting(config.engine.voice)
        self._voices.update(self._overrides)

    def _parse_voice_setting(self, setting: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in filter(None, (p.strip() for p in setting.split(","))):
            lang, sep, voice = part.partition("=")
            if not sep:
                voice = part
                lang = self._voice_lang(voice)
            if voice.lower() not in self._known:
                raise EngineUnavailable(f"engine.voice: espeak has no voice '{voice}'", server="espeak")
            out[_base_lang(lang)] = self._known[voice.lower()]
        return out

    def _voice_lang(self, voice: str) -> str:
        base = _base_lang(voice)
        return "zh" if base in ("cmn", "yue", "hak", "zh") else base

    def voice_for(self, lang: str) -> str:
        """The espeak voice that reads text in ``lang``."""
        base = _base_lang(lang)
        if base in self._voices:
            return self._voices[base]
        code = (lang or "").replace("_", "-").lower()
        return self._known.get(code) or self._known.get(base) or self._voices["en"]

    def fingerprint(self) -> str:
        settings = ",".join(f"{k}={v}" for k, v in sorted(self._overrides.items()))
        raw = f"espeak-ng {self._version}|rate={self.sample_rate}|voices={settings}"
        return f"espeak-ng-{self._version}-" + hashlib.sha256(raw.encode()).hexdigest()[:16]

    def emotion_params(self, emotion: str) -> Mapping[str, Any]:
        return preset_params(self._config, "espeak", emotion, DEFAULTS)

    def describe(self) -> Mapping[str, Any]:
        return {"version": self._version}

    def _voice_pair(self, lang: str, role_voice: str = "") -> tuple[str, str]:
        """(voice for CJK runs, voice for Latin runs) of a segment in ``lang``, said in a role's
        voice ([voices]: a variant such as "+f3" for every language, or voices as engine.voice
        takes them, "en-gb" or "zh=yue")."""
        main = self.voice_for(lang)
        pair = (main, self.voice_for("en")) if _base_lang(lang) == "zh" else (self.voice_for("zh"), main)
        if not role_voice:
            return pair
        if role_voice.startswith("+"):
            return pair[0] + role_voice, pair[1] + role_voice
        own = self._parse_voice_setting(role_voice)
        cjk = own.get(_base_lang(lang) if _base_lang(lang) == "zh" else "zh", pair[0])
        latin = own.get("en" if _base_lang(lang) == "zh" else _base_lang(lang), pair[1])
        return cjk, latin

    def voice_key(self, voice: str) -> str:
        """A role's voice in cache keys: checked (an unknown voice is a ConfigError), as given."""
        if voice.startswith("+"):
            if not _VARIANT.fullmatch(voice):
                raise ConfigError([f"voices: {voice!r} is not an espeak variant (+f3, +m2, +whisper...)"], "")
            return voice
        try:
            self._parse_voice_setting(voice)
        except EngineUnavailable as e:
            raise ConfigError([f"voices: {e.message.removeprefix('engine.voice: ')}"], "") from None
        return voice

    def language_params(self, lang: str) -> Mapping[str, Any]:
        """The voices that read a segment in ``lang``: "fr" and "en" sound different."""
        return {"voices": list(self._voice_pair(lang))}

    def synthesize(self, text: str, lang: str, emotion: str, voice: str = "") -> bytes:
        p = self.emotion_params(emotion)
        kw = {"rate": int(p.get("rate", 175)), "pitch": int(p.get("pitch", 50)),
              "volume": int(p.get("volume", 100)), "pitch_range": int(p.get("range", 50))}
        cjk_voice, latin_voice = self._voice_pair(lang, voice)
        runs = split_scripts(text)
        if _base_lang(lang) == "zh" or any(r.script == "cjk" for r in runs):
            parts = [(r.text, cjk_voice if r.script == "cjk" else latin_voice) for r in runs]
        else:
            parts = [(text, latin_voice)]
        parts = [(t, v) for t, v in parts if t.strip()]
        # A fresh library per run: a run sounds the same wherever it occurs.
        with _LOCK:
            pcm = []
            for t, v in parts:
                with _Session() as s:
                    pcm.append(s.pcm(t, v, **kw))
            return mono_wav(b"".join(pcm), self.sample_rate)

    def close(self) -> None:
        """Nothing to release: the library stays loaded for the process."""


_VARIANT = re.compile(r"\+[A-Za-z0-9_-]{1,20}")


def create(config: Config, server: None = None) -> EspeakEngine:
    """The espeak engine (``server`` is unused: the engine is embedded)."""
    return EspeakEngine(config)
