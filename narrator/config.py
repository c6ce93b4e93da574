"""One Config value: defaults, narrate.toml, and CLI overrides, validated all at once.

narrate.toml sections map one to one onto the dataclasses below::

    [parse]   chapter_level = 2        read_code = false
    [text]    max_chars = 160          max_chars_cjk = 80
    [pauses]  sentence = 250  paragraph = 600  ...            (milliseconds)
    [style]   default = "neutral"
    [style.rules]  h1 = "serious"  ".warning" = "serious"  strong = "excited"
    [emotions.excited.espeak]  pitch = 70                     (per-engine preset overrides)
    [lexicon]  "LMS" = "L M S"        [lexicon.zh]  "重庆" = "chong2 qing4"
    [abbreviations.en]  "ST" = "state"                   (written -> spoken, added to the built-in table)
    [engine]  name = "auto"  servers = ["http://gpu1:7860"]  voice_file = "voice.wav"
    [output]  format = "m4a"  book = "m4b"  loudness = -19.0
    [cache]   dir = "~/.cache/narrator"                   (default: $XDG_CACHE_HOME/narrator)
    [queue]   broker = "redis://gpu-hub:6379/0"          (takes made by `narrate worker`s; default: local)
    [verify]  enabled = true  model = "base"  attempts = 3  (speech-recognition check of each take)
    [voices]  A = "voices/li.wav"  quote = "voices/archive.wav"   [voices.openai]  A = "nova"   (the cast)
"""

from __future__ import annotations

import dataclasses
import difflib
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
    notes: str = "end"  # footnotes/endnotes: "end" (a Notes part), "inline" (after their paragraph), "skip"


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
    turn: int = 400  # between two speakers of a dialogue (instead of the paragraph pause)


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


MAX_IN_FLIGHT = 64  # the most requests narrate keeps in flight on one server


@dataclass(frozen=True, kw_only=True)
class EngineConfig:
    name: str = "auto"  # auto = espeak, or indextts2 when servers are given
    voice: str = ""  # engine voice name (espeak voice, openai voice...); "" = per-language default
    voice_file: str = ""  # speaker reference audio for IndexTTS2
    servers: tuple[str, ...] = ()
    connect_timeout: float = 10.0
    # Seconds to keep asking a server that does not answer at the start (0: fail at once), for
    # orchestration where the GPU server boots alongside narrate.
    wait_for_server: float = 0.0
    read_timeout: float = 60.0  # base read limit per request, seconds
    read_timeout_per_char: float = 2.0  # added per character of text (GPU generation is slow)
    # Attempts per segment before it is recorded as failed: with 30 % of requests failing, 10
    # attempts lose one segment in 170,000 (5 would lose one in 400).
    retries: int = 10
    backoff: float = 1.0  # first cool-down of a failing server, seconds; doubles per failure
    backoff_max: float = 30.0
    probe_after: float = 5.0  # a server out of rotation is probed after this (doubling) cool-down
    probes: int = 5  # failed probes after which a server is given up for the run
    # Requests in flight per server: a number (1..MAX_IN_FLIGHT), "auto" (found by measuring the
    # server's throughput), or "" for the engine's own default ("auto" where servers batch: see
    # each engine's in_flight). The IndexTTS2 web UI and eSpeak always take one at a time.
    in_flight: int | str = ""
    options: Mapping[str, Any] = field(default_factory=dict)  # [engine.<name>] tables, engine-specific

    @property
    def resolved_name(self) -> str:
        """The engine that will speak, "auto" resolved: espeak, or indextts2 when servers are given."""
        if self.name == "auto":
            return "indextts2" if self.servers else "espeak"
        return self.name


@dataclass(frozen=True, kw_only=True)
class QueueConfig:
    """Takes made by `narrate worker` processes through a Celery broker instead of locally."""

    broker: str = ""  # redis://host:6379/0; "" = the local scheduler
    shared_cache: bool = False  # the workers write takes into this same cache ([cache] dir)
    interactive: bool = False  # this process's takes go ahead of batch ones (`narrate serve`)


QUOTE = "quote"
"""The role of block quotes and long quotations (narrator.script.casting)."""
NARRATOR_ROLES = frozenset(("default", "narrator", "narration", "旁白", "解说"))
"""Role names that mean the narrator: ``default`` in [voices], or a label such as "Narrator:"."""


@dataclass(frozen=True, kw_only=True)
class VoicesConfig:
    """[voices]: the cast. A role of the lesson (a speaker label such as "A" or "老师", a
    data-voice name, "quote") -> a voice: a speaker recording (IndexTTS2: "voices/li.wav",
    relative to the current folder like engine.voice_file) or an engine's voice name (openai
    "nova", espeak "+f3"). ``[voices.<engine>]`` tables win for that engine; ``default`` is the
    narrator (else engine.voice_file or engine.voice). Role names match in any case."""

    cast: Mapping[str, str] = field(default_factory=dict)
    engines: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    read_labels: bool = False  # say a dialogue's speaker labels ("A：") aloud
    detect: bool = True  # find speaker labels and quotations (data-voice always counts)

    def table(self, engine: str | None) -> dict[str, str]:
        """The cast for ``engine``, keys case-folded."""
        merged = {k.casefold(): v for k, v in self.cast.items()}
        merged.update({k.casefold(): v for k, v in self.engines.get(engine or "", {}).items()})
        return merged

    def voice(self, role: str, engine: str | None) -> str:
        """The voice of ``role`` ("" = the narrator) for ``engine``; "" = the narrator's own."""
        table = self.table(engine)
        key = role.casefold()
        if key in table:
            return table[key]
        return table.get("default", "")

    def unknown(self, role: str, engine: str | None) -> bool:
        """A role the cast does not name (read by the narrator)."""
        key = role.casefold()
        return bool(role) and key not in NARRATOR_ROLES and key != QUOTE and key not in self.table(engine)

    def role_names(self) -> set[str]:
        """Every role the cast names, for any engine (default excluded)."""
        names = set(self.cast) | {k for t in self.engines.values() for k in t}
        return {n for n in names if n.casefold() != "default"}

    def has_cast(self, engine: str | None) -> bool:
        return any(k != "default" for k in self.table(engine))


@dataclass(frozen=True, kw_only=True)
class OutputConfig:
    dir: str = ""  # default: <name>.narration next to the input
    format: str = "m4a"  # AAC: the same frames as the m4b book, encoded once for both
    book: str = "m4b"
    bitrate: str = "64k"  # mono speech
    normalize: bool = True
    loudness: float = -19.0  # LUFS, integrated, over the whole programme
    true_peak: float = -1.0  # dBTP
    captions: bool = True
    player: bool = True
    epub: bool = False  # a read-along EPUB 3 (media overlays) of the lesson
    scorm: str = ""  # "1.2" or "2004": also an LMS package, <title>.scorm.zip (one SCO per lesson)
    scorm_completion: float = 90  # percent of the audio a learner must really play: "completed"
    cartridge: bool = False  # also an IMS Common Cartridge 1.3, <title>.imscc
    # A chapter longer than this (estimated from its text) is split into parts at paragraph
    # boundaries; 0 = never split. Long files are slow to seek and hit format limits (WAV: 4 GiB).
    max_chapter_minutes: float = 120


@dataclass(frozen=True, kw_only=True)
class VerifyConfig:
    """Every new take heard by speech recognition (the [verify] extra) before it is kept."""

    enabled: bool = False
    model: str = "base"  # a Whisper size name (fetched on first use) or a local CTranslate2 folder
    device: str = "auto"  # auto, cpu or cuda
    threads: int = 0  # CPU threads for recognition; 0 = half the cores, at most 4
    attempts: int = 3  # takes made per segment at most while none passes
    strict: bool = False  # a segment none of whose takes passes fails (else it is kept, reported)
    max_wer: float = 0.3  # word error rate allowed, Latin-script text
    max_cer: float = 0.3  # character error rate allowed, Chinese text
    ending: float = 0.5  # share of the text's last words (characters) that must be heard
    extra: float = 0.2  # words heard after the text, as a share of its length, before it fails
    no_speech: float = 0.6  # recognizer's no-speech probability above which a stretch is silence


@dataclass(frozen=True, kw_only=True)
class Config:
    """Everything a run needs to know. Build it with :func:`load_config`."""

    parse: ParseConfig = field(default_factory=ParseConfig)
    text: TextConfig = field(default_factory=TextConfig)
    pauses: Pauses = field(default_factory=Pauses)
    style: Style = field(default_factory=Style)
    emotions: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)
    lexicon: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # lang ("*" = any) -> term -> spoken
    abbreviations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # lang -> written -> spoken
    engine: EngineConfig = field(default_factory=EngineConfig)
    output: OutputConfig = field(default_factory=OutputConfig)
    queue: QueueConfig = field(default_factory=QueueConfig)
    verify: VerifyConfig = field(default_factory=VerifyConfig)
    voices: VoicesConfig = field(default_factory=VoicesConfig)
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
             "output": OutputConfig, "queue": QueueConfig, "verify": VerifyConfig}
_TOP = {"cache_dir", "force", "allow_gaps"}


def _toml_text(data: bytes) -> str:
    """narrate.toml as text: UTF-8 (a byte order mark allowed), or UTF-16 with its byte order
    mark, as Windows editors save it; anything else is UnicodeDecodeError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def load_config(path: str | os.PathLike[str] | None = None,
                overrides: Mapping[str, Any] | None = None, *,
                labels: Mapping[str, str] | None = None) -> Config:
    """Defaults, then narrate.toml at ``path``, then ``overrides`` ({"output.format": "wav", ...}).

    ``path`` None means defaults only (no file is looked for); a path that does not exist is an
    error. Every problem (wrong types, values out of range, unknown keys and sections, each with a
    "did you mean" suggestion) is collected and raised at once as :class:`ConfigError`. A problem
    with an overridden value is reported under ``labels[key]`` (the CLI passes its option names,
    e.g. {"parse.chapter_level": "--chapter-level"}), else under the dotted key.

        >>> load_config(overrides={"output.format": "wav"}).output.format
        'wav'
    """
    data: dict[str, Any] = {}
    source = "configuration"
    if path is not None:
        source = str(path)
        try:
            data = tomllib.loads(_toml_text(Path(path).read_bytes()))
        except FileNotFoundError:
            raise ConfigError(["file not found"], source) from None
        except UnicodeDecodeError as e:
            raise ConfigError([f"not UTF-8 text (byte {e.start}): save it as UTF-8"], source) from None
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError([f"cannot read: {e}"], source) from None
    given = {k: labels.get(k, k) if labels else k for k, v in (overrides or {}).items() if v is not None}
    problems = _Problems(given)
    for dotted, value in (overrides or {}).items():
        if value is None:
            continue
        *parents, leaf = dotted.split(".")
        node = data
        for p in parents:
            if not isinstance(node.get(p, {}), dict):
                problems.add(p, "must be a table", table=True)
                node[p] = {}
            node = node.setdefault(p, {})
        node[leaf] = value
    return _build(data, source, problems)


class _Problems:
    """Problems found so far, each labelled with where its value came from: an option's name when
    an override set it, else its dotted key in the file."""

    def __init__(self, given: Mapping[str, str]) -> None:
        self.given = given  # overridden dotted key -> label (option name)
        self.in_file: list[str] = []
        self.in_options: list[str] = []

    def add(self, key: str, message: str, *, table: bool = False) -> None:
        if key in self.given:
            self.in_options.append(f"{self.given[key]}: {message}")
        else:
            self.in_file.append(f"[{key}] {message}" if table else f"{key}: {message}")

    def name(self, key: str) -> str:
        """What the user calls the setting ``key``: its option's name, or the dotted key."""
        return self.given.get(key, key)

    def __bool__(self) -> bool:
        return bool(self.in_file or self.in_options)

    def raise_if_any(self, source: str) -> None:
        if self.in_file:
            raise ConfigError(self.in_file + self.in_options, source)
        if self.in_options:
            raise ConfigError(self.in_options, "")


def _suggest(key: str, known: typing.Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest known name, else ''."""
    match = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _unknown(key: str, known: typing.Iterable[str], what: str = "key") -> str:
    known = list(known)
    hint = _suggest(key.rsplit(".", 1)[-1], known)
    if not hint:
        hint = f" (known: {', '.join(sorted(known))})"
    return f"unknown {what}{hint}"


def _section_keys() -> dict[str, set[str]]:
    keys = {name: {f.name for f in dataclasses.fields(cls)} for name, cls in _SECTIONS.items()}
    keys["engine"].discard("options")
    return keys


def _build(data: Mapping[str, Any], source: str, problems: _Problems) -> Config:
    kwargs: dict[str, Any] = {}
    top_known = set(_SECTIONS) | {"style", "emotions", "lexicon", "abbreviations", "cache", "voices"} | _TOP
    for key, value in data.items():
        if key in _SECTIONS:
            if not isinstance(value, Mapping):
                problems.add(key, "must be a table", table=True)
                continue
            if key == "engine":
                value = dict(value)
                options = {k: value.pop(k) for k in list(value) if isinstance(value[k], Mapping)}
                for name in options:
                    if name not in ENGINE_NAMES:
                        problems.add(f"engine.{name}", _unknown(name, ENGINE_NAMES, "engine section"))
                value.setdefault("options", options)
            kwargs[key] = _section(_SECTIONS[key], value, key, problems)
        elif key == "style":
            kwargs["style"] = _style(value, problems)
        elif key == "emotions":
            kwargs["emotions"] = _emotions(value, problems)
        elif key == "lexicon":
            kwargs["lexicon"] = _lexicon(value, problems)
        elif key == "abbreviations":
            kwargs["abbreviations"] = _abbreviations(value, problems)
        elif key == "voices":
            kwargs["voices"] = _voices(value, problems)
        elif key == "cache":  # [cache] dir = "..." reads better in a file than a top-level key
            if not isinstance(value, Mapping):
                problems.add("cache", "must be a table", table=True)
                continue
            for k in value:
                if k != "dir":
                    problems.add(f"cache.{k}", _unknown(k, ["dir"]))
            if (v := _coerce(value.get("dir", ""), str, "cache.dir", problems)) is not _BAD:
                kwargs["cache_dir"] = v
        elif key in _TOP:
            if (v := _coerce(value, Config.__dataclass_fields__[key].type, key, problems)) is not _BAD:
                kwargs[key] = v
        else:
            where = [f"{s}.{k}" for s, keys in _section_keys().items() for k in keys]
            hint = _suggest(key, top_known)
            if not hint:  # a key written outside its section: "max_chars = 100" above [text]
                match = difflib.get_close_matches(key, [w.split(".")[1] for w in where], n=1, cutoff=0.8)
                hint = next((f" (did you mean '{w}', in [{w.split('.')[0]}]?)" for w in where
                             if match and w.endswith("." + match[0])), "")
            what = "section" if isinstance(value, Mapping) else "key"
            problems.add(key, f"unknown {what}{hint or ' (sections: ' + ', '.join(sorted(top_known)) + ')'}",
                         table=what == "section")
    # Values of the wrong type were left at their defaults, so the range checks still run and
    # every problem is reported in one go.
    config = Config(**kwargs)
    _check_values(config, problems)
    problems.raise_if_any(source)
    return config


def _section(cls: type, value: Mapping[str, Any], name: str, problems: _Problems) -> Any:
    hints = typing.get_type_hints(cls)
    fields = [f.name for f in dataclasses.fields(cls) if f.name != "options"]
    kwargs = {}
    for k, v in value.items():
        if k != "options" and k not in fields:
            problems.add(f"{name}.{k}", _unknown(k, fields))
            continue
        if (coerced := _coerce(v, hints[k], f"{name}.{k}", problems)) is not _BAD:
            kwargs[k] = coerced
    return cls(**kwargs)


_BAD = object()  # what _coerce returns for a value of the wrong type (after noting the problem)


def _coerce(value: Any, hint: Any, key: str, problems: _Problems) -> Any:
    """``value`` as the type ``hint`` names, or _BAD with a problem noted for ``key``."""
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
    elif hint == int | str:  # a number or a word ("auto"); the values are checked later
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            problems.add(key, f"expected \"auto\" or a number, got {value!r}")
            return _BAD
        ok = True
    elif origin is tuple:
        if isinstance(value, str):
            value = [value]
        ok = isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    else:
        ok = isinstance(value, Mapping)
    if not ok:
        problems.add(key, f"expected {getattr(hint, '__name__', 'a table')}, got {value!r}")
        return _BAD
    return value


def _style(value: Any, problems: _Problems) -> Style:
    if not isinstance(value, Mapping):
        problems.add("style", "must be a table", table=True)
        return Style()
    rules = dict(DEFAULT_STYLE_RULES)
    user_rules = value.get("rules") or {}
    if not isinstance(user_rules, Mapping):
        problems.add("style.rules", "expected a table of selector = emotion")
        user_rules = {}
    for k, v in user_rules.items():
        if not isinstance(v, str):
            problems.add(f"style.rules.{k}", f"expected an emotion name, got {v!r}")
        else:
            rules[k] = v
    for k in value:
        if k not in ("rules", "default"):
            problems.add(f"style.{k}", _unknown(k, ("default", "rules")) + " (rules go under [style.rules])")
    default = value.get("default", "neutral")
    if not isinstance(default, str):
        problems.add("style.default", f"expected an emotion name, got {default!r}")
        default = "neutral"
    return Style(default=default, rules=rules)


def _emotions(value: Any, problems: _Problems) -> dict[str, dict[str, dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = {}
    if not isinstance(value, Mapping):
        problems.add("emotions", "must be a table of presets", table=True)
        return out
    for name, engines in value.items():
        if not isinstance(engines, Mapping) or not all(isinstance(v, Mapping) for v in engines.values()):
            problems.add(f"emotions.{name}", f"expected tables per engine, e.g. [emotions.{name}.espeak]")
            continue
        for engine in engines:
            if engine not in ENGINE_NAMES:
                problems.add(f"emotions.{name}.{engine}", _unknown(engine, ENGINE_NAMES, "engine"))
        out[name] = {e: dict(p) for e, p in engines.items()}
    return out


def _lexicon(value: Any, problems: _Problems) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"*": {}}
    if not isinstance(value, Mapping):
        problems.add("lexicon", "must be a table of term = spoken form", table=True)
        return out
    for k, v in value.items():
        if isinstance(v, str):
            out["*"][k] = v
        elif isinstance(v, Mapping) and all(isinstance(x, str) for x in v.values()):
            out.setdefault(k, {}).update(v)
        else:
            problems.add(f"lexicon.{k}", f"expected a spoken form (string) or a [lexicon.{k}] table")
    return out


def _voices(value: Any, problems: _Problems) -> VoicesConfig:
    """[voices] role = "voice", read_labels/detect = true|false, [voices.<engine>] tables."""
    if not isinstance(value, Mapping):
        problems.add("voices", 'must be a table of role = voice, as A = "voices/li.wav"', table=True)
        return VoicesConfig()
    cast: dict[str, str] = {}
    engines: dict[str, dict[str, str]] = {}
    flags: dict[str, bool] = {}
    for k, v in value.items():
        if k in ("read_labels", "detect"):
            if isinstance(v, bool):
                flags[k] = v
            else:
                problems.add(f"voices.{k}", f"expected true or false, got {v!r}")
        elif isinstance(v, Mapping):
            if k not in ENGINE_NAMES:
                problems.add(f"voices.{k}", _unknown(k, ENGINE_NAMES, "engine section"), table=True)
                continue
            for role, voice in v.items():
                if isinstance(voice, str) and voice.strip():
                    engines.setdefault(k, {})[role] = voice.strip()
                else:
                    problems.add(f"voices.{k}.{role}", f"expected a voice file or voice name, got {voice!r}")
        elif isinstance(v, str) and v.strip():
            cast[k] = v.strip()
        else:
            problems.add(f"voices.{k}", f'expected a voice file or voice name (A = "voices/li.wav"), got {v!r}')
    return VoicesConfig(cast=cast, engines=engines, **flags)


_LANG_TAG = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def _abbreviations(value: Any, problems: _Problems) -> dict[str, dict[str, str]]:
    """[abbreviations.en] "ST" = "state": per language, written form -> what is said."""
    out: dict[str, dict[str, str]] = {}
    if not isinstance(value, Mapping):
        problems.add("abbreviations", "must be a table of [abbreviations.<language>] tables", table=True)
        return out
    for lang, table in value.items():
        if not isinstance(table, Mapping):
            problems.add(f"abbreviations.{lang}", "expected a table of written = spoken, as "
                         '[abbreviations.en] "ST" = "state"', table=True)
        elif not _LANG_TAG.fullmatch(lang):
            problems.add(f"abbreviations.{lang}", "unknown language (a language code: en, zh, en-GB, ...)",
                         table=True)
        else:
            for written, spoken in table.items():
                if isinstance(spoken, str) and written.strip() and spoken.strip():
                    out.setdefault(lang, {})[written] = spoken
                else:
                    problems.add(f"abbreviations.{lang}.{written}", "expected a non-empty spoken form (string)")
    return out


def _check_values(c: Config, problems: _Problems) -> None:
    """Range and choice checks; each problem names only the setting that is wrong."""
    add = problems.add
    known = set(c.emotion_names)
    for sel, emo in c.style.rules.items():
        if emo not in known:
            add(f"style.rules.{sel}", f"unknown emotion '{emo}'{_suggest(emo, known)} (known: {', '.join(sorted(known))})")
    if c.style.default not in known:
        add("style.default", f"unknown emotion '{c.style.default}'{_suggest(c.style.default, known)}")
    for f in dataclasses.fields(Pauses):
        if getattr(c.pauses, f.name) < 0:
            add(f"pauses.{f.name}", "must be >= 0 ms")
    if c.parse.notes not in ("end", "inline", "skip"):
        add("parse.notes", f"'{c.parse.notes}' is not one of end, inline, skip")
    if not 0 <= c.parse.chapter_level <= 6:
        add("parse.chapter_level", "must be 0 (auto) or 1-6")
    if c.text.max_chars < 20:
        add("text.max_chars", "must be >= 20")
    if c.text.max_chars_cjk < 10:
        add("text.max_chars_cjk", "must be >= 10")
    if not 0 < c.text.emphasis_threshold <= 1:
        add("text.emphasis_threshold", "must be in (0, 1]")
    if c.output.format not in AUDIO_FORMATS:
        add("output.format", f"'{c.output.format}' is not one of {', '.join(AUDIO_FORMATS)}")
    if c.output.book not in BOOK_FORMATS:
        add("output.book", f"'{c.output.book}' is not one of {', '.join(BOOK_FORMATS)}")
    if c.output.epub and c.output.format not in ("mp3", "m4a", "ogg"):
        # EPUB readers play only the core audio types
        add("output.epub", f"needs {problems.name('output.format')} mp3, m4a or ogg (not {c.output.format})")
    if c.output.scorm not in ("", "1.2", "2004"):
        add("output.scorm", f"'{c.output.scorm}' is not one of 1.2, 2004 (or \"\" for none)")
    if not 1 <= c.output.scorm_completion <= 100:
        add("output.scorm_completion", "expected a percentage of the audio between 1 and 100")
    if (c.output.scorm or c.output.cartridge) and not c.output.player:
        add("output.player", "LMS packages (scorm, cartridge) hold the read-along page: set player = true")
    if c.engine.retries < 1:
        add("engine.retries", "must be >= 1")
    if c.engine.probes < 0:
        add("engine.probes", "must be >= 0")
    for name in ("backoff", "backoff_max", "probe_after", "wait_for_server"):
        if getattr(c.engine, name) < 0:
            add(f"engine.{name}", "must be >= 0 seconds")
    for name in ("connect_timeout", "read_timeout"):
        if getattr(c.engine, name) <= 0:
            add(f"engine.{name}", "must be > 0 seconds")
    if c.engine.read_timeout_per_char < 0:
        add("engine.read_timeout_per_char", "must be >= 0 seconds")
    flight = c.engine.in_flight
    if isinstance(flight, str) and flight not in ("", "auto") or \
            isinstance(flight, int) and not 1 <= flight <= MAX_IN_FLIGHT:
        add("engine.in_flight", f"expected \"auto\" or a number of requests from 1 to {MAX_IN_FLIGHT}, "
            f"got {flight!r}")
    if c.engine.name != "auto" and c.engine.name not in ENGINE_NAMES:
        add("engine.name", f"unknown engine '{c.engine.name}'{_suggest(c.engine.name, ENGINE_NAMES)} "
            f"(known: auto, {', '.join(ENGINE_NAMES)})")
    for i, server in enumerate(c.engine.servers):
        if (problem := server_url_problem(server)) is not None:
            add("engine.servers", f"{server!r}: {problem}")
    if not re.fullmatch(r"[1-9][0-9]*k", c.output.bitrate):
        add("output.bitrate", f"expected kilobits per second like \"64k\", got {c.output.bitrate!r}")
    if not -70 <= c.output.loudness <= -5:
        add("output.loudness", "expected LUFS between -70 and -5 (spoken word: -19 mono, -16 stereo)")
    if c.queue.broker and not re.match(r"(redis|rediss)://", c.queue.broker):
        add("queue.broker", f"expected a Redis URL like redis://host:6379/0, got {c.queue.broker!r}")
    v = c.verify
    if v.device not in ("auto", "cpu", "cuda"):
        add("verify.device", f"expected auto, cpu or cuda, got {v.device!r}")
    if v.attempts < 1:
        add("verify.attempts", "must be >= 1")
    if v.threads < 0:
        add("verify.threads", "must be >= 0")
    if not v.model:
        add("verify.model", "must be set")
    for name in ("max_wer", "max_cer", "ending", "no_speech"):
        if not 0 <= getattr(v, name) <= 1:
            add(f"verify.{name}", "must be in [0, 1]")
    if v.extra < 0:
        add("verify.extra", "must be >= 0")
    if not -20 <= c.output.true_peak <= 0:
        add("output.true_peak", "expected dBTP between -20 and 0")
    if not (c.output.max_chapter_minutes == 0 or 1 <= c.output.max_chapter_minutes <= 24 * 60):
        add("output.max_chapter_minutes", "expected minutes between 1 and 1440, or 0 (never split)")


def server_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a server's address (None if it can): http(s), a host, no spaces."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as e:
        return f"not a URL ({e})"
    if parts.scheme not in ("http", "https"):
        return "not an http:// or https:// URL (e.g. http://127.0.0.1:7860)"
    if not parts.hostname or any(ch.isspace() for ch in url):
        return "no host name in this URL (e.g. http://127.0.0.1:7860)"
    return None
