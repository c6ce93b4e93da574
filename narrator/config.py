"""One Config value: defaults, narrate.toml, and CLI overrides, validated all at once.

narrate.toml sections map one to one onto the dataclasses below::

    [parse]   chapter_level = 2        read_code = false
    [text]    max_chars = 160          max_chars_cjk = 80
    [pauses]  sentence = 250  paragraph = 600  ...            (milliseconds)
    [style]   default = "neutral"
    [style.rules]  h1 = "serious"  ".warning" = "serious"  strong = "excited"
    [emotions.excited.espeak]  pitch = 70                     (per-engine preset overrides)
    [lexicon]  "LMS" = "L M S"        [lexicon.zh]  "重庆" = "chong2 qing4"
    [engine]  name = "auto"  servers = ["http://gpu1:7860"]  voice_file = "voice.wav"
    [output]  format = "mp3"  book = "m4b"  loudness = -19.0
    [cache]   dir = "~/.cache/narrator"                   (default: $XDG_CACHE_HOME/narrator)
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from narrator.errors import ConfigError
from narrator.choices import AUDIO_FORMATS, BOOK_FORMATS, EMOTIONS, ENGINE_NAMES

__all__ = ["Config", "load_config", "AUDIO_FORMATS", "BOOK_FORMATS", "EMOTIONS", "ENGINE_NAMES"]


@dataclass(frozen=True, kw_only=True)
class ParseConfig:
    chapter_level: int = 0  # 0 = auto: the top heading level that occurs more than once
    numbered_titles: bool = True  # bold paragraphs like "第一章 总则" / "Chapter 3" start chapters
    page_breaks: bool = True  # page breaks start chapters
    read_code: bool = False  # code/pre blocks are skipped unless true
    read_alt: bool = True  # img alt text is read (empty alt = decorative, always skipped)
    read_tables: bool = True


@dataclass(frozen=True, kw_only=True)
class TextConfig:
    max_chars: int = 160  # longest segment for Latin-script text
    max_chars_cjk: int = 80  # longest segment for Chinese text (IndexTTS2 is safe at 60-100)
    emphasis_threshold: float = 0.6  # share of a sentence emphasis must cover to change its emotion


@dataclass(frozen=True, kw_only=True)
class Pauses:
    """Silence after each kind of boundary, in milliseconds (defaults from production practice)."""

    sentence: int = 250
    clause: int = 120  # where a long sentence had to be cut: shorter than a sentence's pause
    paragraph: int = 600
    item: int = 450
    before_heading: int = 1200
    after_heading: int = 1000
    section: int = 2500
    chapter_head: int = 700
    chapter_tail: int = 2000


DEFAULT_STYLE_RULES: Mapping[str, str] = types.MappingProxyType({
    "h1": "serious", "h2": "serious", "h3": "calm", "h4": "calm", "h5": "calm", "h6": "calm",
    "strong": "excited", "b": "excited", "em": "warm", "i": "warm", "q": "warm",
    "blockquote": "calm", "figcaption": "calm",
    ".warning": "serious", ".alert": "serious", ".danger": "serious",
    ".note": "warm", ".tip": "warm",
})


@dataclass(frozen=True, kw_only=True)
class Style:
    """Which emotion preset the document's own markup selects.

    Rule keys are tag names ("h2", "strong", "blockquote") or ".class" names; values are preset names.
    """

    default: str = "neutral"
    rules: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_STYLE_RULES))


@dataclass(frozen=True, kw_only=True)
class EngineConfig:
    name: str = "auto"  # auto = espeak, or indextts2 when servers are given
    voice: str = ""  # engine voice name (espeak voice, openai voice...); "" = per-language default
    voice_file: str = ""  # speaker reference audio for IndexTTS2
    servers: tuple[str, ...] = ()
    connect_timeout: float = 10.0
    read_timeout: float = 60.0  # base read limit per request, seconds
    read_timeout_per_char: float = 2.0  # added per character of text (GPU generation is slow)
    # Attempts per segment before it is recorded as failed: with 30 % of requests failing, 10
    # attempts lose one segment in 170,000 (5 would lose one in 400).
    retries: int = 10
    backoff: float = 1.0  # first cool-down of a failing server, seconds; doubles per failure
    backoff_max: float = 30.0
    probe_after: float = 5.0  # a server out of rotation is probed after this (doubling) cool-down
    probes: int = 5  # failed probes after which a server is given up for the run
    options: Mapping[str, Any] = field(default_factory=dict)  # [engine.<name>] tables, engine-specific


@dataclass(frozen=True, kw_only=True)
class OutputConfig:
    dir: str = ""  # default: <name>.narration next to the input
    format: str = "mp3"
    book: str = "m4b"
    bitrate: str = "64k"  # mono speech
    normalize: bool = True
    loudness: float = -19.0  # LUFS, integrated, over the whole programme
    true_peak: float = -1.0  # dBTP
    captions: bool = True
    player: bool = True
    epub: bool = False  # a read-along EPUB 3 (media overlays) of the lesson
    # A chapter longer than this (estimated from its text) is split into parts at paragraph
    # boundaries; 0 = never split. Long files are slow to seek and hit format limits (WAV: 4 GiB).
    max_chapter_minutes: float = 120


@dataclass(frozen=True, kw_only=True)
class Config:
    """Everything a run needs to know. Build it with :func:`load_config`."""

    parse: ParseConfig = field(default_factory=ParseConfig)
    text: TextConfig = field(default_factory=TextConfig)
    pauses: Pauses = field(default_factory=Pauses)
    style: Style = field(default_factory=Style)
    emotions: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)
    lexicon: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # lang ("*" = any) -> term -> spoken
    engine: EngineConfig = field(default_factory=EngineConfig)
    output: OutputConfig = field(default_factory=OutputConfig)
    cache_dir: str = ""  # default: $XDG_CACHE_HOME/narrator
    force: bool = False  # ignore cached takes
    allow_gaps: bool = False  # publish chapters with failed segments as silence
    warnings: tuple[str, ...] = ()

    @property
    def emotion_names(self) -> tuple[str, ...]:
        """Built-in presets, then the ones narrate.toml adds."""
        return EMOTIONS + tuple(n for n in self.emotions if n not in EMOTIONS)

    def resolved_cache_dir(self) -> Path:
        """``cache_dir`` if set, else $XDG_CACHE_HOME/narrator (~/.cache/narrator)."""
        if self.cache_dir:
            return Path(self.cache_dir).expanduser()
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return Path(base) / "narrator"


_SECTIONS = {"parse": ParseConfig, "text": TextConfig, "pauses": Pauses, "engine": EngineConfig,
             "output": OutputConfig}
_TOP = {"cache_dir", "force", "allow_gaps"}


def load_config(path: str | os.PathLike[str] | None = None,
                overrides: Mapping[str, Any] | None = None) -> Config:
    """Defaults, then narrate.toml at ``path``, then ``overrides`` ({"output.format": "wav", ...}).

    Every problem is collected and raised at once as :class:`ConfigError`; unknown keys are
    warnings (kept in ``Config.warnings``), not errors.
    """
    data: dict[str, Any] = {}
    source = "configuration"
    if path is not None:
        source = str(path)
        try:
            with open(path, "rb") as f:
                data = tomllib.load(f)
        except FileNotFoundError:
            raise ConfigError(["file not found"], source) from None
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError([f"cannot read: {e}"], source) from None
    problems: list[str] = []
    for dotted, value in (overrides or {}).items():
        if value is None:
            continue
        *parents, leaf = dotted.split(".")
        node = data
        for p in parents:
            if not isinstance(node.get(p, {}), dict):
                problems.append(f"[{p}] must be a table")
                node[p] = {}
            node = node.setdefault(p, {})
        node[leaf] = value
    return _build(data, source, problems)


def _build(data: Mapping[str, Any], source: str, problems: list[str]) -> Config:
    warnings: list[str] = []
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key in _SECTIONS:
            if not isinstance(value, Mapping):
                problems.append(f"[{key}] must be a table")
                continue
            if key == "engine":
                value = dict(value)
                options = {k: value.pop(k) for k in list(value) if isinstance(value[k], Mapping)}
                value.setdefault("options", options)
            kwargs[key] = _section(_SECTIONS[key], value, key, problems, warnings)
        elif key == "style":
            kwargs["style"] = _style(value, problems)
        elif key == "emotions":
            kwargs["emotions"] = _emotions(value, problems)
        elif key == "lexicon":
            kwargs["lexicon"] = _lexicon(value, problems)
        elif key == "cache":  # [cache] dir = "..." reads better in a file than a top-level key
            if not isinstance(value, Mapping) or set(value) - {"dir"}:
                problems.append("[cache] takes one key: dir")
            elif (v := _coerce(value.get("dir", ""), str, "cache.dir", problems)) is not _BAD:
                kwargs["cache_dir"] = v
        elif key in _TOP:
            if (v := _coerce(value, Config.__dataclass_fields__[key].type, key, problems)) is not _BAD:
                kwargs[key] = v
        else:
            warnings.append(f"unknown key '{key}' ignored")
    # Values of the wrong type were left at their defaults, so the range checks still run and
    # every problem is reported in one go.
    config = Config(**kwargs, warnings=tuple(warnings))
    _check_values(config, problems)
    if problems:
        raise ConfigError(problems, source)
    return config


def _section(cls: type, value: Mapping[str, Any], name: str, problems: list[str],
             warnings: list[str]) -> Any:
    hints = typing.get_type_hints(cls)
    fields = {f.name for f in dataclasses.fields(cls)}
    kwargs = {}
    for k, v in value.items():
        if k not in fields:
            warnings.append(f"unknown key '{name}.{k}' ignored")
            continue
        if (coerced := _coerce(v, hints[k], f"{name}.{k}", problems)) is not _BAD:
            kwargs[k] = coerced
    return cls(**kwargs)


_BAD = object()  # what _coerce returns for a value of the wrong type (after noting the problem)


def _coerce(value: Any, hint: Any, label: str, problems: list[str]) -> Any:
    """``value`` as the type ``hint`` names, or _BAD with a problem noted."""
    if isinstance(hint, str):
        hint = {"bool": bool, "str": str, "int": int, "float": float}.get(hint, hint)
    origin = typing.get_origin(hint)
    if hint is bool:
        ok = isinstance(value, bool)
    elif hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif hint is str:
        ok = isinstance(value, str)
    elif origin is tuple:
        if isinstance(value, str):
            value = [value]
        ok = isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    else:
        ok = isinstance(value, Mapping)
    if not ok:
        problems.append(f"{label}: expected {getattr(hint, '__name__', 'a table')}, got {value!r}")
        return _BAD
    return value


def _style(value: Any, problems: list[str]) -> Style:
    if not isinstance(value, Mapping):
        problems.append("[style] must be a table")
        return Style()
    rules = dict(DEFAULT_STYLE_RULES)
    user_rules = value.get("rules") or {}
    if not isinstance(user_rules, Mapping):
        problems.append("style.rules: expected a table of selector = emotion")
        user_rules = {}
    for k, v in user_rules.items():
        if not isinstance(v, str):
            problems.append(f"style.rules.{k}: expected an emotion name, got {v!r}")
        else:
            rules[k] = v
    for k in value:
        if k not in ("rules", "default"):
            problems.append(f"style.{k}: unknown key (rules go under [style.rules])")
    default = value.get("default", "neutral")
    if not isinstance(default, str):
        problems.append(f"style.default: expected an emotion name, got {default!r}")
        default = "neutral"
    return Style(default=default, rules=rules)


def _emotions(value: Any, problems: list[str]) -> dict[str, dict[str, dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = {}
    if not isinstance(value, Mapping):
        problems.append("[emotions] must be a table of presets")
        return out
    for name, engines in value.items():
        if not isinstance(engines, Mapping) or not all(isinstance(v, Mapping) for v in engines.values()):
            problems.append(f"emotions.{name}: expected tables per engine, e.g. [emotions.{name}.espeak]")
            continue
        out[name] = {e: dict(p) for e, p in engines.items()}
    return out


def _lexicon(value: Any, problems: list[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"*": {}}
    if not isinstance(value, Mapping):
        problems.append("[lexicon] must be a table of term = spoken form")
        return out
    for k, v in value.items():
        if isinstance(v, str):
            out["*"][k] = v
        elif isinstance(v, Mapping) and all(isinstance(x, str) for x in v.values()):
            out.setdefault(k, {}).update(v)
        else:
            problems.append(f"lexicon.{k}: expected a spoken form (string) or a [lexicon.{k}] table")
    return out


def _check_values(c: Config, problems: list[str]) -> None:
    known = set(c.emotion_names)
    for sel, emo in c.style.rules.items():
        if emo not in known:
            problems.append(f"style.rules.{sel}: unknown emotion '{emo}' (known: {', '.join(sorted(known))})")
    if c.style.default not in known:
        problems.append(f"style.default: unknown emotion '{c.style.default}'")
    for f in dataclasses.fields(Pauses):
        if getattr(c.pauses, f.name) < 0:
            problems.append(f"pauses.{f.name}: must be >= 0 ms")
    if not 0 <= c.parse.chapter_level <= 6:
        problems.append("parse.chapter_level: must be 0 (auto) or 1-6")
    if c.text.max_chars < 20 or c.text.max_chars_cjk < 10:
        problems.append("text.max_chars must be >= 20 and text.max_chars_cjk >= 10")
    if not 0 < c.text.emphasis_threshold <= 1:
        problems.append("text.emphasis_threshold: must be in (0, 1]")
    if c.output.format not in AUDIO_FORMATS:
        problems.append(f"output.format: '{c.output.format}' is not one of {', '.join(AUDIO_FORMATS)}")
    if c.output.book not in BOOK_FORMATS:
        problems.append(f"output.book: '{c.output.book}' is not one of {', '.join(BOOK_FORMATS)}")
    if c.output.epub and c.output.format not in ("mp3", "m4a", "ogg"):
        # EPUB readers play only the core audio types
        problems.append(f"output.epub: needs output.format mp3, m4a or ogg (not {c.output.format})")
    if c.engine.retries < 1 or c.engine.probes < 0:
        problems.append("engine.retries must be >= 1 and engine.probes >= 0")
    if min(c.engine.backoff, c.engine.backoff_max, c.engine.probe_after) < 0:
        problems.append("engine.backoff, backoff_max and probe_after must be >= 0 seconds")
    if c.engine.connect_timeout <= 0 or c.engine.read_timeout <= 0:
        problems.append("engine timeouts must be > 0")
    if c.engine.name != "auto" and c.engine.name not in ENGINE_NAMES:
        problems.append(f"engine.name: unknown engine '{c.engine.name}' (known: auto, {', '.join(ENGINE_NAMES)})")
    if not re.fullmatch(r"[1-9][0-9]*k", c.output.bitrate):
        problems.append(f"output.bitrate: expected kilobits per second like \"64k\", got {c.output.bitrate!r}")
    if not -70 <= c.output.loudness <= -5:
        problems.append("output.loudness: expected LUFS between -70 and -5 (spoken word: -19 mono, -16 stereo)")
    if not -20 <= c.output.true_peak <= 0:
        problems.append("output.true_peak: expected dBTP between -20 and 0")
    if not (c.output.max_chapter_minutes == 0 or 1 <= c.output.max_chapter_minutes <= 24 * 60):
        problems.append("output.max_chapter_minutes: expected minutes between 1 and 1440, or 0 (never split)")
