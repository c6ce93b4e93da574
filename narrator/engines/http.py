"""Any other TTS server, described in narrate.toml by jinja2 request templates.

::

    [engine]
    name = "http"
    servers = ["http://gpu1:9000"]
    voice = "narrator"
    [engine.http]
    method = "POST"                 # GET, POST or PUT
    url = "/tts/generate"           # template; relative to the server, or absolute
    response = "audio"              # "audio": the body is the WAV; "json": see audio_field/url_field
    # audio_field = "data.audio"    # (json) dotted path to base64 audio
    # url_field = "result.url"      # (json) dotted path to a URL to download the audio from
    sample_rate = 22050             # optional: the rate the server must send (default: any)
    [engine.http.headers]           # templates
    [engine.http.json]              # a JSON body: string values are templates, rendered recursively;
    text = "{{ text }}"             # a string that is one "{{ expr }}" keeps expr's type (number,
    speed = "{{ speed }}"           # list...), TOML numbers stay numbers
    # [engine.http.form]            # or a form body (values rendered to strings)
    # body = "{{ text }}"           # or a raw body: one template, sent as UTF-8

Template variables: text, lang, voice, emotion, params (the emotion's [emotions.X.http] table),
speed (params.speed, else [engine.http] speed, else 1.0), server, env (the environment, for keys).
Templates are checked at create(): syntax errors and unknown names are ConfigErrors. When they
use ``lang``, the language is part of each take's cache key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from typing import Any, Mapping

from narrator.config import MAX_IN_FLIGHT, Config
from narrator.errors import ConfigError, EngineError
from narrator.util.templating import environment
from narrator.engines.base import preset_params
from narrator.engines.httpcommon import (HttpClient, check_options, check_rate, is_document, not_speech,
                                         one_line, raise_config)

NAME = "http"
DEFAULTS: Mapping[str, Mapping[str, Any]] = {"neutral": {}}
_OPTIONS: Mapping[str, type | tuple[type, ...]] = {
    "method": str, "url": str, "headers": dict, "json": dict, "form": dict, "response": str,
    "audio_field": str, "url_field": str, "sample_rate": int, "speed": (int, float), "voice": str,
    "body": str,
}
_SINGLE_EXPR = re.compile(r"^\{\{\s*(.+?)\s*\}\}$", re.S)


def _compile(value: Any) -> Any:
    """Compile a template tree: strings become callables, containers recurse, others stay."""
    env = environment("text")
    if isinstance(value, str):
        m = _SINGLE_EXPR.match(value)
        if m and "}}" not in m.group(1) and "{{" not in m.group(1):
            expr = env.compile_expression(m.group(1), undefined_to_none=False)
            return ("expr", expr)
        return ("tmpl", env.from_string(value))
    if isinstance(value, Mapping):
        return {k: _compile(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_compile(v) for v in value]
    return value


def _names(options: Mapping[str, Any]) -> set[str]:
    """The variables the request templates in ``options`` use."""
    from jinja2 import meta

    env = environment("text")
    sources: list[str] = []

    def collect(value: Any) -> None:
        if isinstance(value, str):
            sources.append(value)
        elif isinstance(value, Mapping):
            for v in value.values():
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)

    for key in ("url", "headers", "json", "form", "body"):
        collect(options.get(key))
    return {name for src in sources for name in meta.find_undeclared_variables(env.parse(src))}


def _render(tree: Any, variables: Mapping[str, Any], *, as_text: bool = False) -> Any:
    import jinja2

    if isinstance(tree, tuple):
        kind, t = tree
        if kind == "expr":
            out = t(**variables)
            if isinstance(out, jinja2.Undefined):
                str(out)  # StrictUndefined raises UndefinedError naming the variable
            return str(out) if as_text else out
        return t.render(**variables)
    if isinstance(tree, dict):
        return {k: _render(v, variables, as_text=as_text) for k, v in tree.items()}
    if isinstance(tree, list):
        return [_render(v, variables, as_text=as_text) for v in tree]
    return str(tree) if as_text else tree


def _dotted(data: Any, path: str) -> Any:
    """``data["a"]["b"][0]`` for path ``a.b.0``; KeyError if missing."""
    for part in path.split("."):
        if isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        elif isinstance(data, Mapping) and part in data:
            data = data[part]
        else:
            raise KeyError(path)
    return data


class HttpEngine:
    """One server spoken to through the configured request templates."""

    name = NAME
    pronunciations = "plain"  # no annotation syntax: pinyin becomes a homophone
    # one at a time unless asked: a template says nothing of the server, and the servers it is
    # written for (a hand-written FastAPI or Flask wrapper around one IndexTTS2 model) run
    # concurrent requests through one model, which may mix them up as Gradio does; a batching
    # server behind it takes [engine] in_flight = "auto" or a number
    in_flight = 1
    max_in_flight = MAX_IN_FLIGHT

    def __init__(self, config: Config, server: str, options: Mapping[str, Any]) -> None:
        self.config = config
        self.http = HttpClient(config, server)
        self.label = self.http.base
        self.options = options
        self.method = options.get("method", "POST").upper()
        self.voice = options.get("voice") or config.engine.voice
        self.response = options.get("response", "audio")
        self.sample_rate = int(options.get("sample_rate", 0))  # 0: whatever the server sends
        self._uses_lang = "lang" in _names(options)
        self._url = _compile(options["url"])
        self._headers = _compile(dict(options.get("headers", {})))
        self._json = _compile(options["json"]) if "json" in options else None
        self._form = _compile(options["form"]) if "form" in options else None
        self._body = environment("text").from_string(options["body"]) if "body" in options else None

    def fingerprint(self) -> str:
        """Engine + the request templates + voice and speed (never the server URL or headers)."""
        spec = {k: self.options.get(k) for k in ("method", "url", "json", "form", "response",
                                                  "audio_field", "url_field", "speed")}
        if "body" in self.options:  # only when set, so fingerprints without one stay as they were
            spec["body"] = self.options["body"]
        spec["voice"] = self.voice
        blob = json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str)
        return f"{NAME}/{hashlib.sha256(blob.encode()).hexdigest()[:16]}"

    def emotion_params(self, emotion: str) -> Mapping[str, Any]:
        return preset_params(self.config, NAME, emotion, DEFAULTS)

    def language_params(self, lang: str) -> Mapping[str, Any]:
        """The language, if the request templates send it."""
        return {"lang": lang} if self._uses_lang else {}

    def describe(self) -> dict[str, Any]:
        return {"engine": NAME, "server": self.label, "method": self.method,
                "url": self.options["url"], "response": self.response}

    def variables(self, text: str, lang: str, emotion: str) -> dict[str, Any]:
        """What the templates see for one request."""
        params = dict(self.emotion_params(emotion))
        return {"text": text, "lang": lang, "voice": self.voice, "emotion": emotion,
                "params": params, "speed": params.get("speed", self.options.get("speed", 1.0)),
                "server": self.label, "env": dict(os.environ)}

    def build(self, text: str, lang: str, emotion: str) -> dict[str, Any]:
        """The request's url/headers/body for one segment (requests keyword arguments)."""
        v = self.variables(text, lang, emotion)
        req: dict[str, Any] = {"url": _render(self._url, v, as_text=True),
                               "headers": _render(self._headers, v, as_text=True)}
        if self._json is not None:
            req["json"] = _render(self._json, v)
        if self._form is not None:
            req["data"] = _render(self._form, v, as_text=True)
        if self._body is not None:
            req["data"] = self._body.render(**v).encode("utf-8")
        return req

    def synthesize(self, text: str, lang: str, emotion: str) -> bytes:
        """One request per the templates; returns the WAV bytes unchanged."""
        req = self.build(text, lang, emotion)
        url = req.pop("url")
        resp = self.http.request(self.method, url, what=f"{self.method} {url}", text=text, **req)
        body = self.http.read_body(resp, "request")
        if self.response == "json":
            body, resp = self._from_json(body, resp, text)
        check_rate(self.http.wav(body, resp, "audio"), self.sample_rate, f"engine.{NAME}", self.label)
        return body

    def _from_json(self, body: bytes, resp: Any, text: str) -> tuple[bytes, Any]:
        try:
            doc = json.loads(body)
        except ValueError:
            if not self.http.sent_audio and is_document(resp):  # from the first answer on: hopeless
                raise not_speech(body, resp, "request", self.label) from None
            raise EngineError(f"expected a JSON answer, got {one_line(body[:80])!r}",
                              server=self.label) from None
        field = self.options.get("audio_field") or self.options.get("url_field")
        try:
            value = _dotted(doc, str(field))
        except KeyError:
            raise EngineError(f"the JSON answer has no '{field}' ({one_line(json.dumps(doc)[:120])})",
                              server=self.label) from None
        if not isinstance(value, str) or not value:
            raise EngineError(f"'{field}' in the JSON answer is not a string", server=self.label)
        if "audio_field" in self.options:
            try:
                return base64.b64decode(value.split(",", 1)[-1] if value.startswith("data:") else value,
                                        validate=True), None
            except (binascii.Error, ValueError):
                raise EngineError(f"'{field}' is not base64 audio", server=self.label) from None
        resp = self.http.request("GET", value, what="download audio", text=text)
        return self.http.read_body(resp, "download audio"), resp

    def close(self) -> None:
        self.http.close()


def create(config: Config, server: str) -> HttpEngine:
    """An engine for ``server`` per [engine.http]; ConfigError lists every problem found."""
    options = dict(config.engine.options.get(NAME, {}))
    section = f"engine.{NAME}"
    problems: list[str] = []
    check_options(options, _OPTIONS, section, problems)
    if not isinstance(options.get("url"), str) or not options.get("url"):
        problems.append(f"{section}.url: required (a template, relative to the server or absolute)")
    if str(options.get("method", "POST")).upper() not in ("GET", "POST", "PUT"):
        problems.append(f"{section}.method: expected GET, POST or PUT")
    if sum(k in options for k in ("json", "form", "body")) > 1:
        problems.append(f"{section}: give either a json or a form body or a raw body, not several")
    response = options.get("response", "audio")
    if response not in ("audio", "json"):
        problems.append(f"{section}.response: expected \"audio\" or \"json\"")
    fields = [k for k in ("audio_field", "url_field") if k in options]
    if response == "json" and len(fields) != 1:
        problems.append(f"{section}: response = \"json\" needs exactly one of audio_field, url_field")
    if response == "audio" and fields:
        problems.append(f"{section}.{fields[0]}: only used with response = \"json\"")
    if problems:
        raise ConfigError(problems)
    import jinja2

    try:
        engine = HttpEngine(config, server, options)
    except jinja2.TemplateSyntaxError as e:
        raise ConfigError([f"{section}: template error: {one_line(e, 200)}"]) from None
    # render once per emotion with sample values: unknown names fail now, not mid-run
    for emotion in config.emotion_names:
        try:
            engine.build("sample text", "en", emotion)
        except jinja2.TemplateError as e:
            problems.append(f"{section}: template error for emotion '{emotion}': {one_line(e)}")
            break
    raise_config(problems)
    return engine
