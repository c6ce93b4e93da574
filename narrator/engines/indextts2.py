"""IndexTTS2 through its official web UI's Gradio HTTP API (no gradio_client needed).

One instance talks to one server. On first use it reads Gradio's ``/config`` once to pick the
``gen_single`` input layout (see LAYOUTS) and the label locale of the emotion-control choices, uploads the speaker voice file once, then for each segment calls
``gen_single``, follows its event stream and downloads the WAV. See
/work/shared/reference/indextts2.md for the protocol.

narrate.toml::

    [engine]
    name = "indextts2"
    servers = ["http://gpu1:7860", "http://gpu2:7860"]
    voice_file = "voice.wav"
    [engine.indextts2]          # all optional
    username = "me"             # or NARRATOR_INDEXTTS2_USER / NARRATOR_INDEXTTS2_PASSWORD
    password = "secret"
    layout = "auto"             # or "2" / "2-duration" / "2.5" to pin it (the fingerprint then
                                # needs no server)
    duration_factor = 1.0       # > 1 slower, < 1 faster (servers with a duration_factor input)
    temperature = 0.8           # sampling: do_sample top_p top_k temperature length_penalty
                                # num_beams repetition_penalty max_mel_tokens
    [emotions.excited.indextts2]
    vector = [0.7, 0, 0, 0, 0, 0, 0.1, 0]   # happy angry sad afraid disgusted melancholic surprised calm
    weight = 0.7
    speed = 1.1                 # faster delivery: sent as duration_factor 1/1.1 where supported
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from narrator.config import Config
from narrator.errors import ConfigError, EngineError, EngineUnavailable
from narrator.engines.base import preset_params
from narrator.engines.httpcommon import (VECTOR_DEFAULTS, HttpClient, check_options, check_vector_presets,
                         expect_wav, one_line, raise_config, same_origin, segment_tokens,
                         vector_emotion_params, vector_params)

NAME = "indextts2"
SAMPLE_RATE = 22050
DEFAULTS = VECTOR_DEFAULTS

SAMPLING_DEFAULTS: Mapping[str, Any] = {
    "do_sample": True, "top_p": 0.8, "top_k": 30, "temperature": 0.8, "length_penalty": 0.0,
    "num_beams": 3, "repetition_penalty": 10.0, "max_mel_tokens": 1500,
}
"""gen_single's sampling inputs, in order, with the web UI's defaults."""

METHOD_LABELS: Mapping[str, tuple[str, str, str]] = {
    "zh_CN": ("与音色参考音频相同", "使用情感参考音频", "使用情感向量控制"),
    "en_US": ("Same as the voice reference", "Use emotion reference audio", "Use emotion vectors"),
}
"""emo_control_method choices per web UI locale: same as voice / emotion audio / vectors."""

_NUM = (int, float)
_OPTIONS: Mapping[str, type | tuple[type, ...]] = {
    "username": str, "password": str, "layout": str, "max_text_tokens": int,
    "duration_factor": _NUM, "do_sample": bool, "top_p": _NUM, "top_k": int,
    "temperature": _NUM, "length_penalty": _NUM, "num_beams": int, "repetition_penalty": _NUM,
    "max_mel_tokens": int,
}
_ENDPOINT = "/gen_single"

SPEED_DEFAULTS: Mapping[str, Mapping[str, Any]] = {
    "neutral": {}, "warm": {}, "surprised": {},
    "calm": {"speed": 0.95}, "serious": {"speed": 0.95}, "sad": {"speed": 0.9},
    "excited": {"speed": 1.08}, "angry": {"speed": 1.05}, "afraid": {"speed": 1.08},
}
"""Delivery speed per preset (as eSpeak's presets slow down or hurry), sent as duration_factor
= 1 / speed to servers whose gen_single takes one; [emotions.X.indextts2] speed overrides."""


LAYOUTS = ("2", "2-duration", "2.5")
"""The gen_single input layouts in the wild: IndexTTS-2's web UI (24 inputs); the 2026-08 web UI
started with ``--version 2`` (26: a hidden gr.State where the language would be, and
duration_factor); its default IndexTTS-2.5 (26: a language choice, and duration_factor)."""


@dataclass(frozen=True)
class Layout:
    """What the server's /config says about gen_single's inputs."""

    name: str  # one of LAYOUTS
    locale: str  # "zh_CN", "en_US", or "server" (unknown labels, used by position)
    methods: tuple[str, ...]  # emo_control_method labels, index 0..2
    languages: tuple[str, ...] = ()  # 2.5 only: "ZH", "EN", ...
    default_language: str = "ZH"

    @property
    def inputs(self) -> int:
        """Values a /gradio_api/call must send (hidden states included)."""
        return 24 if self.name == "2" else 26

    @property
    def duration(self) -> bool:
        """Whether gen_single takes a duration_factor (slower or faster delivery)."""
        return self.name != "2"


def _props_choices(component: Mapping[str, Any]) -> list[str]:
    """The labels of a Radio/Dropdown component as /config lists them ([label, value] pairs)."""
    choices = (component.get("props") or {}).get("choices")
    if not isinstance(choices, list):
        return []
    return [str(c[0] if isinstance(c, (list, tuple)) and c else c) for c in choices]


def parse_layout(config: Mapping[str, Any], server: str) -> Layout:
    """Choose the input layout and label locale from a Gradio /config answer.

    The real input list of the gen_single dependency is read (component ids -> types), not a
    count of the parameters /gradio_api/info lists: that leaves hidden gr.State inputs out,
    yet a call must still send a value (null) in their place.
    """
    deps = config.get("dependencies") if isinstance(config, Mapping) else None
    dep = next((d for d in deps or [] if isinstance(d, Mapping)
                and d.get("api_name") == _ENDPOINT.lstrip("/")), None)
    if dep is None:
        found = sorted(str(d.get("api_name")) for d in deps or []
                       if isinstance(d, Mapping) and d.get("api_name"))
        raise EngineUnavailable(f"no {_ENDPOINT} endpoint in /config (found: {', '.join(found) or 'none'}); "
                                "is this the IndexTTS2 web UI?", server=server)
    components = {c.get("id"): c for c in config.get("components") or [] if isinstance(c, Mapping)}
    inputs = [components.get(i, {}) for i in dep.get("inputs") or []]
    kinds = [str(c.get("type", "?")).lower() for c in inputs]
    shape_ok = (len(kinds) >= 4 and kinds[0] in ("radio", "dropdown") and kinds[1] == "audio"
                and kinds[2] == "textbox")
    languages: list[str]
    if shape_ok and len(kinds) == 24:
        name, languages = "2", []
    elif shape_ok and len(kinds) == 26 and kinds[3] == "state":
        name, languages = "2-duration", []
    elif shape_ok and len(kinds) == 26 and _props_choices(inputs[3]):
        name, languages = "2.5", _props_choices(inputs[3])
    else:
        raise EngineUnavailable(f"unknown {_ENDPOINT} layout ({len(kinds)} inputs: "
                                f"{', '.join(kinds[:6])}...); expected IndexTTS-2 (24) or the "
                                "2026 web UI (26, with a language choice or a state)", server=server)
    methods = _props_choices(inputs[0])
    if len(methods) < 3:
        raise EngineUnavailable(f"{_ENDPOINT}: emotion control choices not listed ({methods})",
                                server=server)
    locale = next((loc for loc, labels in METHOD_LABELS.items() if tuple(methods[:3]) == labels),
                  "server")
    default_lang = (inputs[3].get("props") or {}).get("value") if name == "2.5" else None
    return Layout(name=name, locale=locale, methods=tuple(methods[:3]), languages=tuple(languages),
                  default_language=str(default_lang or (languages[0] if languages else "ZH")))


class IndexTTS2Engine:
    """One IndexTTS2 web UI server. Not thread-safe: one request at a time (the scheduler's rule)."""

    name = NAME
    sample_rate = SAMPLE_RATE
    # Gradio runs one generation at a time and mixes up concurrent ones: one request in flight
    # whatever [engine] in_flight asks
    in_flight = 1
    max_in_flight = 1

    def __init__(self, config: Config, server: str, options: Mapping[str, Any],
                 voice_file: Path | None, voice_sha256: str) -> None:
        self.config = config
        self.http = HttpClient(config, server)
        self.label = self.http.base
        self.options = options
        self.voice_file = voice_file
        self.voice_sha256 = voice_sha256
        self.sampling = {k: options.get(k, v) for k, v in SAMPLING_DEFAULTS.items()}
        self.max_tokens = int(options.get("max_text_tokens", segment_tokens(config)))
        self.duration_factor = float(options.get("duration_factor", 1.0))
        self.username = options.get("username") or os.environ.get("NARRATOR_INDEXTTS2_USER", "")
        self.password = options.get("password") or os.environ.get("NARRATOR_INDEXTTS2_PASSWORD", "")
        self._layout: Layout | None = None
        self._voice_ref: dict[str, Any] | None = None
        self._voice_refs: dict[str, dict[str, Any]] = {}  # role voices ([voices]) uploaded: file -> ref
        self._voice_keys: dict[str, str] = {}  # role voice file -> its key (content hash)
        self._logged_in = False

    # ---- identity -------------------------------------------------------------------------

    def fingerprint(self) -> str:
        """indextts2 + layout + voice file hash + sampling settings (never the URL).

        Reads /config unless ``layout`` is pinned in [engine.indextts2]."""
        version = self._version()
        settings = {**self.sampling, "max_text_tokens": self.max_tokens}
        if version != "2":
            settings["duration_factor"] = self.duration_factor
        blob = json.dumps(settings, sort_keys=True, separators=(",", ":"))
        return f"{NAME}/{version}/voice-{self.voice_sha256[:16]}/{hashlib.sha256(blob.encode()).hexdigest()[:16]}"

    def emotion_params(self, emotion: str) -> Mapping[str, Any]:
        """The emotion vector, and the preset's speed where the layout can deliver it."""
        params = dict(vector_emotion_params(self.config, NAME, emotion))
        speed = self._speed(emotion)
        if speed != 1.0 and self._version() != "2":
            params["speed"] = speed
        return params

    def _speed(self, emotion: str) -> float:
        return float(preset_params(self.config, NAME, emotion, SPEED_DEFAULTS).get("speed", 1.0))

    def _duration_factor(self, emotion: str) -> float:
        """The global duration_factor over the preset's speed, within the UI's 0.5..2.0."""
        return round(max(0.5, min(2.0, self.duration_factor / self._speed(emotion))), 3)

    def language_params(self, lang: str) -> Mapping[str, Any]:
        """IndexTTS-2.5 is sent a language choice; IndexTTS-2 ignores the language.

        The key holds the segment's language code, not the server's choice for it, so that a
        pinned layout (which knows no server's language list) gives the same keys as "auto"."""
        return {"language": _language_code(lang)} if self._version() == "2.5" else {}

    @property
    def pronunciations(self) -> str:
        """How pinyin and phoneme pronunciations are sent (narrator.normalize.pronounce): the
        2.5 model takes ``<行|HANG2>`` and ``<minute|M AY0 . N UW1 T>``, IndexTTS-2 bare ``HANG2``."""
        return "tagged" if self._version() == "2.5" else "pinyin"

    def describe(self) -> dict[str, Any]:
        """Layout, locale and endpoint of the server (for `narrate engines`)."""
        layout = self._ready_layout()
        return {"engine": NAME, "server": self.label, "layout": layout.name,
                "locale": layout.locale, "endpoint": _ENDPOINT, "inputs": layout.inputs,
                "emotion_methods": list(layout.methods), "languages": list(layout.languages),
                "voice_file": str(self.voice_file) if self.voice_file else None}

    # ---- synthesis ------------------------------------------------------------------------

    def voice_key(self, voice: str) -> str:
        """A role's voice ([voices]: a speaker recording) in cache keys: its content's sha256.
        ConfigError naming the file if it cannot be read."""
        if voice not in self._voice_keys:
            path = Path(voice).expanduser()
            try:
                self._voice_keys[voice] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError as e:
                raise ConfigError([f"voices: voice file {path}: {(e.strerror or str(e)).lower()}"], "") from None
        return self._voice_keys[voice]

    def synthesize(self, text: str, lang: str, emotion: str, voice: str = "") -> bytes:
        """One gen_single call; returns the server's WAV bytes unchanged. ``voice``: a role's
        speaker recording ([voices]), uploaded once per server; "" = engine.voice_file."""
        layout = self._ready_layout()
        if voice:
            ref = self._voice_refs.get(voice)
            if ref is None:
                ref = self._voice_refs[voice] = self._upload_voice(Path(voice).expanduser())
        else:
            if self.voice_file is None:
                raise ConfigError(["engine.voice_file: IndexTTS2 needs a speaker reference audio file"], "")
            if self._voice_ref is None:
                self._voice_ref = self._upload_voice(self.voice_file)
            ref = self._voice_ref
        data = self._inputs(layout, text, lang, emotion, ref)
        try:
            resp = self.http.request("POST", f"/gradio_api/call{_ENDPOINT}", what="generate",
                                     text=text, json={"data": data})
            try:
                event_id = resp.json()["event_id"]
            except (ValueError, KeyError, TypeError):
                raise EngineError(f"generate: unexpected answer {one_line(resp.text, 120)!r}",
                                  server=self.label) from None
            value = self._result(event_id, text)
            return self._download(value, text)
        except EngineError as e:
            if e.retryable:
                # the server may have restarted and lost the upload: upload again next time
                self._voice_ref = None
                self._voice_refs.pop(voice, None)
            raise

    def close(self) -> None:
        self.http.close()

    # ---- steps ----------------------------------------------------------------------------

    def _version(self) -> str:
        """One of LAYOUTS: pinned in [engine.indextts2], else read from the server."""
        pinned = self.options.get("layout", "auto")
        return self._ready_layout().name if pinned == "auto" else str(pinned)

    def _ready_layout(self) -> Layout:
        if self._layout is None:
            if self.username and not self._logged_in:
                self._login()
            resp = self.http.request("GET", "/config", what="read /config", ok=(401,))
            if resp.status_code == 401:
                raise EngineUnavailable("login required: set [engine.indextts2] username/password "
                                        "or NARRATOR_INDEXTTS2_USER/NARRATOR_INDEXTTS2_PASSWORD",
                                        server=self.label)
            try:
                info = resp.json()
            except ValueError:
                raise EngineUnavailable("/config is not JSON; is this a Gradio app?",
                                        server=self.label) from None
            layout = parse_layout(info, self.label)
            pinned = self.options.get("layout", "auto")
            if pinned != "auto" and pinned != layout.name:
                raise EngineUnavailable(f"layout is pinned to {pinned} but the server has the "
                                        f"{layout.name} layout", server=self.label)
            self._layout = layout
        return self._layout

    def _login(self) -> None:
        resp = self.http.request("POST", "/login", what="login", ok=(400, 404),
                                 data={"username": self.username, "password": self.password})
        if resp.status_code == 404:
            raise EngineUnavailable("login: this server has no login page", server=self.label)
        if resp.status_code == 400:
            raise EngineUnavailable(f"login: wrong username or password for '{self.username}'",
                                    server=self.label)
        self._logged_in = True

    def _upload_voice(self, voice_file: Path) -> dict[str, Any]:
        try:
            content = voice_file.read_bytes()
        except OSError as e:
            raise EngineUnavailable(f"voice file {voice_file}: {e.strerror or e}",
                                    server=self.label) from None
        mime = mimetypes.guess_type(voice_file.name)[0] or "audio/wav"
        resp = self.http.request("POST", "/gradio_api/upload", what="upload voice file",
                                 files={"files": (voice_file.name, content, mime)})
        try:
            path = resp.json()[0]
        except (ValueError, LookupError, TypeError):
            raise EngineError(f"upload voice file: unexpected answer {one_line(resp.text, 120)!r}",
                              server=self.label) from None
        return {"path": path, "orig_name": voice_file.name, "mime_type": mime,
                "meta": {"_type": "gradio.FileData"}}

    def _inputs(self, layout: Layout, text: str, lang: str, emotion: str,
                voice_ref: dict[str, Any] | None) -> list[Any]:
        method, vec, weight = vector_params(preset_params(self.config, NAME, emotion, DEFAULTS))
        if method == "voice":
            vec = [0.0] * 8  # ignored by method 0; zeros keep the request self-explanatory
        data: list[Any] = [layout.methods[2 if method == "vectors" else 0], voice_ref, text]
        if layout.name == "2.5":
            data.append(self._language(layout, lang))
        elif layout.name == "2-duration":
            data.append(None)  # the hidden gr.State: not listed by /gradio_api/info, still sent
        data += [None, weight, *vec, "", False, self.max_tokens]
        if layout.duration:
            data.append(self._duration_factor(emotion))
        data += [self.sampling[k] for k in SAMPLING_DEFAULTS]
        return data

    @staticmethod
    def _language(layout: Layout, lang: str) -> str:
        code = _language_code(lang)
        return code if code in layout.languages else layout.default_language

    def _result(self, event_id: str, text: str) -> Mapping[str, Any]:
        """Follow the event stream until complete/error; return the output's FileData."""
        connect, read = self.http.timeout(text)
        deadline = time.monotonic() + connect + read  # heartbeats keep each read alive
        resp = self.http.request("GET", f"/gradio_api/call{_ENDPOINT}/{event_id}",
                                 what="generate (result stream)", text=text, stream=True)
        try:
            for event, data in self._events(resp):
                if event == "complete":
                    return self._file_value(data)
                if event == "error":
                    msg = _error_message(data)
                    raise EngineError(f"generate: the server reported an error ({msg})",
                                      server=self.label)
                if time.monotonic() > deadline:
                    raise EngineError(f"generate: no result after {connect + read:.0f} s",
                                      server=self.label)
        finally:
            resp.close()
        raise EngineError("generate: result stream ended without a result", server=self.label)

    def _events(self, resp: Any) -> Iterator[tuple[str, str]]:
        import requests

        event, data = "", []
        try:
            for raw in resp.iter_lines(chunk_size=4096):
                line = raw.decode("utf-8", "replace")  # SSE is UTF-8 whatever the headers say
                if line:
                    field, _, value = line.partition(":")
                    if field == "event":
                        event = value.strip()
                    elif field == "data":
                        data.append(value[1:] if value.startswith(" ") else value)
                    continue
                if event or data:
                    yield event, "\n".join(data)
                event, data = "", []
        except requests.RequestException as e:
            raise EngineError(f"generate: result stream broken ({one_line(e, 120)})",
                              server=self.label) from None
        if event or data:
            yield event, "\n".join(data)

    def _file_value(self, data: str) -> Mapping[str, Any]:
        try:
            outputs = json.loads(data)
        except ValueError:
            raise EngineError(f"generate: unreadable result {one_line(data, 120)!r}",
                              server=self.label) from None
        value = outputs[0] if isinstance(outputs, list) and outputs else outputs
        if isinstance(value, Mapping) and value.get("__type__") == "update":
            value = value.get("value")
        if not isinstance(value, Mapping) or not value.get("path"):
            raise EngineError("generate: the server returned no audio (generation failed on the "
                              "server; see its console)", server=self.label)
        return value

    def _download(self, value: Mapping[str, Any], text: str) -> bytes:
        url = value.get("url")
        if not url or not same_origin(str(url), self.label):
            # behind a proxy the URL names another origin (or is missing): use ours
            url = f"{self.label}/gradio_api/file={value['path']}"
        resp = self.http.request("GET", str(url), what="download audio", text=text)
        body = self.http.read_body(resp, "download audio")
        expect_wav(body, resp, "download audio", self.label)
        return body


def _language_code(lang: str) -> str:
    """"zh-CN" -> "ZH", as the 2.5 layout lists its languages."""
    return (lang or "").split("-")[0].split("_")[0].upper()


def _error_message(data: str) -> str:
    try:
        parsed = json.loads(data) if data else None
    except ValueError:
        parsed = data
    if isinstance(parsed, Mapping):
        parsed = parsed.get("error") or parsed.get("message") or parsed
    if not parsed:
        return "message hidden by the server; see its console"
    return one_line(parsed, 160)


def create(config: Config, server: str, *, voice_required: bool = True) -> IndexTTS2Engine:
    """An engine for the IndexTTS2 web UI at ``server``.

    Raises ConfigError for invalid [engine.indextts2] options or emotion presets, and for a
    voice file that is missing or unreadable (the file's problem, not the server's). Without
    ``voice_required`` (`narrate engines` checking a server) no voice file is needed.
    """
    options = dict(config.engine.options.get(NAME, {}))
    problems: list[str] = []
    check_options(options, _OPTIONS, f"engine.{NAME}", problems)
    if options.get("layout", "auto") not in ("auto", *LAYOUTS):
        problems.append(f"engine.{NAME}.layout: expected \"auto\", " + ", ".join(f'"{x}"' for x in LAYOUTS))
    mt = options.get("max_text_tokens")
    if isinstance(mt, int) and not 20 <= mt <= 600:
        problems.append(f"engine.{NAME}.max_text_tokens: must be within 20..600")
    df = options.get("duration_factor")
    if isinstance(df, (int, float)) and not 0.5 <= df <= 2.0:
        problems.append(f"engine.{NAME}.duration_factor: must be within 0.5..2.0")
    if not config.engine.voice_file and voice_required:
        problems.append("engine.voice_file: IndexTTS2 needs a speaker reference audio file")
    check_vector_presets(config, NAME, problems, extra=("speed",))
    for name, engines in config.emotions.items():
        speed = engines.get(NAME, {}).get("speed")
        if speed is not None and not (isinstance(speed, (int, float)) and not isinstance(speed, bool)
                                      and 0.5 <= speed <= 2.0):
            problems.append(f"emotions.{name}.{NAME}.speed: expected a number within 0.5..2.0")
    raise_config(problems)
    if not config.engine.voice_file:
        return IndexTTS2Engine(config, server, options, None, "")
    voice = Path(config.engine.voice_file).expanduser()
    try:
        digest = hashlib.sha256(voice.read_bytes()).hexdigest()
    except OSError as e:
        raise ConfigError([f"voice file {voice}: {(e.strerror or str(e)).lower()}"], "") from None
    return IndexTTS2Engine(config, server, options, voice, digest)
