"""A teacher's corrections: per-sentence decisions and pronunciations, kept beside the lesson.

    lesson.html  ->  lesson.narration.toml   (found by :func:`corrections_path`)

The file is TOML a teacher can read and edit; ``narrate redo``, ``narrate review`` and the review
page write it (keeping its comments). A sentence is found again by its written text (spaces
collapsed), and by the sentence before it when the lesson says the same thing twice: a
correction survives edits elsewhere in the lesson, and one whose sentence is gone is reported::

    [[sentence]]
    text = "The Loire is the longest river in France."
    spoken = "The Lwahr is the longest river in France."   # what is said instead (optional)
    emotion = "calm"                                      # optional
    voice = "B"         # who says it: a role of the cast ([voices]), or "narrator" (optional)
    take = 2            # the take chosen; takes = how many were asked for ("another take": +1)
    takes = 2
    skip = false        # true: the sentence is not narrated (it stays on the page)
    reviewed = true

    [[pronunciation]]   # everywhere the word is said (the lexicon)
    word = "Nguyen"
    say = "Win"
    lang = "en"         # or "*"; for Chinese, pinyin with tone numbers: say = "chong2 qing4"
    reviewed = false

:func:`apply` changes a planned :class:`Script` (the planner's spoken form for a corrected
sentence, its emotion, its voice (role), its take number; a skipped sentence leaves the script and is reported);
:func:`with_pronunciations` adds the pronunciations to the configuration's lexicon before
planning. Both are pure.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.config import Config
from narrator.errors import ConfigError
from narrator.values import Script, ScriptChapter, Segment, Skipped

__all__ = ["Corrections", "Pronunciation", "SentenceFix", "apply", "corrections_path", "fix_for", "load",
           "match", "replace_fix", "save", "sentence_key", "still_skipped", "with_pronunciations"]

SUFFIX = ".narration.toml"


@dataclass(frozen=True, slots=True)
class SentenceFix:
    """What a teacher decided for one sentence, found by its text (and the one before it)."""

    text: str
    before: str = ""  # the sentence before it, when the lesson has the same sentence twice
    spoken: str = ""  # said instead of the planner's spoken form ("" = the planner's)
    emotion: str = ""  # "" = the document's
    voice: str = ""  # the role that says it ("" = as the lesson casts it; "narrator" = the narrator)
    take: int = 1  # the take chosen
    takes: int = 1  # takes asked for so far
    skip: bool = False
    reviewed: bool = False


@dataclass(frozen=True, slots=True)
class Pronunciation:
    """How a word is said everywhere it appears (a respelling, or pinyin for IndexTTS)."""

    word: str
    say: str
    lang: str = "*"
    reviewed: bool = False


@dataclass(frozen=True, slots=True)
class Corrections:
    sentences: tuple[SentenceFix, ...] = ()
    pronunciations: tuple[Pronunciation, ...] = ()
    path: str = ""  # where they were read from ("" = none)

    def __bool__(self) -> bool:
        return bool(self.sentences or self.pronunciations)

    def fingerprint(self) -> list[Any]:
        """What of them changes a narration (for the build key)."""
        return [[dataclasses.astuple(s) for s in self.sentences],
                [dataclasses.astuple(p) for p in self.pronunciations]]


def sentence_key(text: str) -> str:
    """A sentence's written text as corrections find it: spaces collapsed."""
    return " ".join(text.split())


def corrections_path(source: str | os.PathLike[str]) -> Path:
    """``lesson.narration.toml`` next to ``lesson.html``."""
    p = Path(source)
    return p.with_name(p.stem + SUFFIX)


# -- reading and writing ------------------------------------------------------------------------

_FIX_FIELDS = {f.name: f.type for f in dataclasses.fields(SentenceFix)}
_WORD_FIELDS = {f.name: f.type for f in dataclasses.fields(Pronunciation)}


def load(path: str | os.PathLike[str]) -> Corrections:
    """The corrections in ``path`` (none if it does not exist); ConfigError naming the file and
    every problem if it cannot be used."""
    import tomlkit

    p = Path(path)
    if not p.exists():
        return Corrections(path=str(p))
    try:
        data = tomlkit.parse(p.read_text("utf-8-sig")).unwrap()
    except UnicodeDecodeError:
        raise ConfigError(["not UTF-8 text: save it as UTF-8"], str(p)) from None
    except (OSError, tomlkit.exceptions.ParseError) as e:
        raise ConfigError([f"cannot read: {e}"], str(p)) from None
    problems: list[str] = []
    unknown = sorted(set(data) - {"sentence", "pronunciation"})
    if unknown:
        problems.append(f"unknown section(s): {', '.join(unknown)} (known: sentence, pronunciation)")
    sentences = _entries(data.get("sentence", []), "sentence", SentenceFix, _FIX_FIELDS, "text", problems)
    words = _entries(data.get("pronunciation", []), "pronunciation", Pronunciation, _WORD_FIELDS, "word",
                     problems)
    for w in words:
        if not w.say.strip():
            problems.append(f"pronunciation of {w.word!r}: 'say' is empty")
    if problems:
        raise ConfigError(problems, str(p))
    return Corrections(tuple(sentences), tuple(words), str(p))


def _entries(items: Any, name: str, kind: Callable[..., Any], fields: dict[str, Any], required: str,
             problems: list[str]) -> list[Any]:
    if not isinstance(items, list):
        problems.append(f"[[{name}]] must be an array of tables")
        return []
    out = []
    for n, item in enumerate(items, 1):
        where = f"{name} {n}"
        if not isinstance(item, dict):
            problems.append(f"{where}: not a table")
            continue
        bad = sorted(set(item) - set(fields))
        if bad:
            problems.append(f"{where}: unknown key(s) {', '.join(bad)} (known: {', '.join(fields)})")
            continue
        if not isinstance(item.get(required), str) or not item[required].strip():
            problems.append(f"{where}: '{required}' is missing")
            continue
        values: dict[str, Any] = {}
        for key, value in item.items():
            want = fields[key]
            ok = (isinstance(value, bool) if want == "bool" else
                  isinstance(value, int) and not isinstance(value, bool) and value >= 1 if want == "int" else
                  isinstance(value, str))
            if not ok:
                problems.append(f"{where}: '{key}' must be {_WANT[want]}")
                break
            values[key] = sentence_key(value) if key in ("text", "before") else value
        else:
            fix = kind(**values)
            if isinstance(fix, SentenceFix) and fix.take > fix.takes:
                fix = dataclasses.replace(fix, takes=fix.take)
            out.append(fix)
    return out


_WANT = {"bool": "true or false", "int": "a whole number from 1", "str": "text"}


def save(corrections: Corrections, path: str | os.PathLike[str]) -> None:
    """Write ``corrections`` to ``path`` (atomically), keeping the comments of the file there."""
    import tomlkit

    from narrator.util.atomic import write_atomic

    p = Path(path)
    doc = tomlkit.parse(p.read_text("utf-8-sig")) if p.exists() else tomlkit.document()
    if not p.exists():
        doc.add(tomlkit.comment(f"Corrections for {p.name.removesuffix(SUFFIX)}: kept by narrate "
                                "(narrate redo, narrate review) and by hand."))
    for name, items, defaults in (("sentence", corrections.sentences, SentenceFix("")),
                                  ("pronunciation", corrections.pronunciations, Pronunciation("", ""))):
        array = tomlkit.aot()
        for item in items:
            table = tomlkit.table()
            for f in dataclasses.fields(item):
                value = getattr(item, f.name)
                if f.name in ("text", "word") or value != getattr(defaults, f.name):
                    table.add(f.name, value)
            array.append(table)
        if name in doc:
            del doc[name]
        if items:
            doc.add(name, array)
    write_atomic(p, tomlkit.dumps(doc).encode("utf-8"))


# -- applying -----------------------------------------------------------------------------------

def with_pronunciations(config: Config, corrections: Corrections) -> Config:
    """``config`` with the pronunciations added to its lexicon (theirs win over narrate.toml's)."""
    if not corrections.pronunciations:
        return config
    lexicon = {lang: dict(terms) for lang, terms in config.lexicon.items()}
    for w in corrections.pronunciations:
        lexicon.setdefault(w.lang or "*", {})[w.word] = w.say
    return dataclasses.replace(config, lexicon=lexicon)


def match(segments: Sequence[Segment], fixes: Iterable[SentenceFix]) -> tuple[dict[str, SentenceFix],
                                                                              list[SentenceFix]]:
    """(segment id -> its fix, fixes that match no sentence). A fix finds the segments with its
    text; of several, those after ``before`` (the previous segment's text), else all of them."""
    by_text: dict[str, list[int]] = {}
    keys = [sentence_key(s.text) for s in segments]
    for i, key in enumerate(keys):
        by_text.setdefault(key, []).append(i)
    found: dict[str, SentenceFix] = {}
    lost: list[SentenceFix] = []
    for fix in fixes:
        places = by_text.get(fix.text, [])
        if len(places) > 1 and fix.before:
            places = [i for i in places if i and keys[i - 1] == fix.before] or places
        if not places:
            lost.append(fix)
        for i in places:
            found[segments[i].id] = fix
    return found, lost


def apply(script: Script, corrections: Corrections, config: Config,
          say: Callable[[str, str], str]) -> Script:
    """``script`` with the sentence corrections applied. ``say(text, lang)`` makes a corrected
    spoken form speakable (numbers in words, as the planner says them). Corrections that match no
    sentence, and unknown emotion names, become warnings; skipped sentences, skip entries."""
    if not corrections.sentences:
        return script
    found, lost = match(script.segments, corrections.sentences)
    warnings = list(script.warnings)
    name = Path(corrections.path).name or "corrections"
    for gone in lost:
        warnings.append(f"{name}: a correction matches no sentence any more: {_short(gone.text)!r}")
    known = set(config.emotion_names)
    skipped: list[Skipped] = []
    chapters: list[ScriptChapter] = []
    for chapter in script.chapters:
        segments: list[Segment] = []
        for seg in chapter.segments:
            fix = found.get(seg.id)
            if fix is None:
                segments.append(seg)
                continue
            if fix.skip:
                # named by where it is and what it says: segment ids are numbered again without it
                skipped.append(Skipped(seg.source or seg.id, "sentence",
                                       f"skipped by a correction in {name}: {_short(seg.text)!r}", len(seg.text)))
                continue
            emotion = seg.emotion
            if fix.emotion:
                if fix.emotion in known:
                    emotion = fix.emotion
                else:
                    warnings.append(f"{name}: unknown emotion {fix.emotion!r} for {_short(fix.text)!r}: "
                                    f"read as {seg.emotion!r}")
            segments.append(dataclasses.replace(
                seg, spoken=say(fix.spoken, seg.lang) if fix.spoken else seg.spoken, emotion=emotion,
                take=fix.take, takes=fix.takes, voice=fix.voice or seg.voice))
        if segments:
            chapters.append(dataclasses.replace(chapter, segments=tuple(segments)))
    return dataclasses.replace(script, chapters=tuple(chapters), warnings=tuple(warnings),
                               skipped=script.skipped + tuple(skipped))


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def still_skipped(script: Script, fixes: Iterable[SentenceFix]) -> list[SentenceFix]:
    """Of ``fixes``, the skips whose sentence is still in the lesson: a skipped sentence leaves
    the script (so :func:`match` cannot find it) but stays on the page, in its chapter's blocks."""
    shown = [sentence_key(b.text) for c in script.chapters for b in c.blocks]
    return [f for f in fixes if f.skip and any(f.text in text for text in shown)]


def fix_for(corrections: Corrections, segment: Segment, previous: Segment | None) -> SentenceFix:
    """The fix a segment has, or a new one found by its text (and the text before it)."""
    text = sentence_key(segment.text)
    before = sentence_key(previous.text) if previous is not None else ""
    for fix in corrections.sentences:
        if fix.text == text and (not fix.before or fix.before == before):
            return fix
    return SentenceFix(text, before=before)


def replace_fix(corrections: Corrections, old: SentenceFix, new: SentenceFix) -> Corrections:
    """``corrections`` with ``old`` (if there) replaced by ``new`` (else ``new`` added); a fix
    that decides nothing any more (an unskipped sentence) leaves the file."""
    if new == SentenceFix(new.text, before=new.before):
        return dataclasses.replace(corrections, sentences=tuple(f for f in corrections.sentences if f != old))
    sentences = [new if f == old else f for f in corrections.sentences]
    if new not in sentences:
        sentences.append(new)
    return dataclasses.replace(corrections, sentences=tuple(sentences))

