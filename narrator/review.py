"""The teacher's review loop: find a sentence, record a decision, list what needs review.

    >>> fix = correct("lesson.html", "c03-s0012", config, another=True)    # doctest: +SKIP
    >>> narrate("lesson.html", config)    # one request: the new take     # doctest: +SKIP

Decisions are written to the lesson's corrections file (``lesson.narration.toml``, see
:mod:`narrator.script.corrections`); the next build applies them and makes only what changed.
``narrate redo`` and ``narrate review --list`` are thin calls to these functions, and the review
page and the job server use the same ones.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.config import Config
from narrator.errors import BadInput
from narrator.script.corrections import (Corrections, SentenceFix, corrections_path, fix_for, load,
                                         replace_fix, save, sentence_key, still_skipped)
from narrator.values import Script, Segment

__all__ = ["Changed", "ReviewItem", "correct", "find_sentence", "forget", "needs_review", "pronounce"]

_ID = "c00-s0000"


def find_sentence(script: Script, which: str) -> tuple[Segment, Segment | None]:
    """The segment named by ``which`` (its id, "c03-s0012", or its text: the whole sentence, or
    words found in exactly one sentence) and the one before it. BadInput when none or several
    match (the several are named by id)."""
    segments = script.segments
    wanted = which.strip()
    index = next((i for i, s in enumerate(segments) if s.id == wanted), None)
    if index is None:
        key = sentence_key(wanted).casefold()
        exact = [i for i, s in enumerate(segments) if sentence_key(s.text).casefold() == key]
        found = exact or [i for i, s in enumerate(segments) if key in sentence_key(s.text).casefold()]
        if not found:
            what = "no sentence has this id" if _looks_like_id(wanted) else "no sentence says"
            raise BadInput(script.source_path, f"{what}: {wanted!r}")
        if len({sentence_key(segments[i].text) for i in found}) > 1:
            ids = ", ".join(segments[i].id for i in found[:8]) + (", ..." if len(found) > 8 else "")
            raise BadInput(script.source_path, f"{len(found)} sentences match {wanted!r} ({ids}): "
                                               "give its id or more of its words")
        index = found[0]
    return segments[index], segments[index - 1] if index else None


def _looks_like_id(text: str) -> bool:
    return len(text) == len(_ID) and text[0] == "c" and text[3:5] == "-s"


def correct(source: str | os.PathLike[str], which: str, config: Config, *, another: bool = False,
            take: int | None = None, say: str | None = None, emotion: str | None = None,
            skip: bool | None = None, reviewed: bool | None = None, script: Script | None = None) -> SentenceFix:
    """Record a decision about one sentence of ``source`` in its corrections file; return it.

    ``another``: ask for another take (the sentence gets take number takes + 1, a new cache key);
    ``take``: choose one of the takes made; ``say``: what is said instead ("" returns to the
    planner's spoken form); ``emotion``: the emotion preset ("" returns to the document's);
    ``skip``: not narrated (a skipped sentence is found again by its words); ``reviewed``: a
    teacher has listened to it. ``script``: the lesson as planned now, if the caller has it."""
    from narrator.pipeline import plan

    script = script if script is not None else plan(source, config)
    path = corrections_path(source)
    corrections = load(path)
    # narrating a skipped sentence again looks among the skipped first: a live sentence with
    # the same words must not be changed instead
    found = _skipped(script, corrections, which) if skip is False else None
    if found is not None:
        old, name = found, repr(found.text)
    else:
        try:
            segment, previous = find_sentence(script, which)
        except BadInput:
            if (found := _skipped(script, corrections, which)) is None:
                raise
            old, name = found, repr(found.text)
        else:
            old, name = fix_for(corrections, segment, previous), segment.id
    new = old
    if another:
        new = dataclasses.replace(new, takes=new.takes + 1, take=new.takes + 1)
    if take is not None:
        if not 1 <= take <= new.takes:
            raise BadInput(str(source), f"take {take} of {name}: it has {new.takes} "
                                        f"take{'s' * (new.takes != 1)} (ask for another with --another)")
        new = dataclasses.replace(new, take=take)
    if say is not None:
        new = dataclasses.replace(new, spoken=" ".join(say.split()))
    if emotion is not None:
        if emotion and emotion not in config.emotion_names:
            raise BadInput(str(source), f"unknown emotion {emotion!r} (known: {', '.join(config.emotion_names)})")
        new = dataclasses.replace(new, emotion=emotion)
    if skip is not None:
        new = dataclasses.replace(new, skip=skip)
    if reviewed is not None:
        new = dataclasses.replace(new, reviewed=reviewed)
    if new != old or old not in corrections.sentences:
        save(replace_fix(corrections, old, new), path)
    return new


def _skipped(script: Script, corrections: Corrections, which: str) -> SentenceFix | None:
    """The skipped sentence ``which`` names by its words (None if none; BadInput if several)."""
    key = sentence_key(which).casefold()
    skipped = still_skipped(script, corrections.sentences)  # not in the script: found by words
    found = ([f for f in skipped if f.text.casefold() == key]
             or [f for f in skipped if key and key in f.text.casefold()])
    if len({f.text for f in found}) > 1:
        raise BadInput(script.source_path, f"{len(found)} skipped sentences match {which!r}: give more of its words")
    return found[0] if found else None


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One thing a teacher should look at: a sentence (by id) or a correction, and why."""

    id: str  # a segment id, or "" for a correction that matches nothing / a pronunciation
    text: str
    why: str


def needs_review(source: str | os.PathLike[str], config: Config,
                 out_dir: str | os.PathLike[str] | None = None) -> list[ReviewItem]:
    """What needs a teacher's ear, most urgent first: takes that failed the speech check (from
    the narration's manifest, if there is one), corrections that no longer match a sentence,
    corrected sentences and pronunciations not yet marked reviewed."""
    from narrator.pipeline import default_out_dir, plan
    from narrator.script.corrections import match

    script = plan(source, config)
    corrections: Corrections = load(corrections_path(source))
    items: list[ReviewItem] = []
    out = Path(out_dir) if out_dir is not None else default_out_dir(source, config)
    for entry in _manifest_segments(out / "manifest.json"):
        check = entry.get("verify") or {}
        if check.get("checked") and not check.get("passed"):
            items.append(ReviewItem(entry["id"], entry.get("text", ""),
                                    f"the speech check heard {check.get('heard', '')!r}"))
    found, lost = match(script.segments, corrections.sentences)
    skipped = still_skipped(script, lost)
    items += [ReviewItem("", fix.text, "the correction matches no sentence any more")
              for fix in lost if fix not in skipped]
    items += [ReviewItem("", fix.text, _decided(fix)) for fix in skipped if not fix.reviewed]
    seen = {item.id for item in items}
    for seg in script.segments:
        fix = found.get(seg.id)
        if fix is not None and not fix.reviewed and seg.id not in seen:
            items.append(ReviewItem(seg.id, seg.text, _decided(fix)))
    items += [ReviewItem("", w.word, f"pronunciation {w.say!r} ({w.lang}) not yet reviewed")
              for w in corrections.pronunciations if not w.reviewed]
    return items + _polyphones(script, corrections, config)


def _polyphones(script: Script, corrections: Corrections, config: Config) -> list[ReviewItem]:
    """Chinese characters of several readings whose reading context decides (script/polyphones.py),
    once per word and reading, unless a pronunciation already says how the word is read."""
    from narrator.script import polyphones

    chinese = [s for s in script.segments if s.lang.split("-")[0] in ("zh", "cmn", "yue")]
    if not chinese or not polyphones.available():
        return []
    known = [w.word for w in corrections.pronunciations] + [t for table in config.lexicon.values() for t in table]
    return [ReviewItem(chinese[o.index].id, chinese[o.index].text, o.why())
            for o in polyphones.offers([s.text for s in chinese], known)]


def _decided(fix: SentenceFix) -> str:
    parts = [f"take {fix.take} of {fix.takes}" if fix.takes > 1 else "",
             f"said as {fix.spoken!r}" if fix.spoken else "", f"emotion {fix.emotion}" if fix.emotion else "",
             "skipped" if fix.skip else ""]
    return "corrected (" + ", ".join(p for p in parts if p) + "), not yet reviewed"


def _manifest_segments(path: Path) -> list[dict[str, Any]]:
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return [s for s in manifest.get("segments") or [] if isinstance(s, dict) and isinstance(s.get("id"), str)]


@dataclass(frozen=True, slots=True)
class Changed:
    """A sentence whose spoken form a pronunciation changes."""

    id: str
    text: str
    before: str  # spoken now
    after: str  # spoken with the pronunciation


def pronounce(source: str | os.PathLike[str], word: str, say: str, config: Config, *, lang: str = "*",
              preview: bool = False, reviewed: bool = False) -> list[Changed]:
    """Say ``word`` as ``say`` everywhere in ``source`` (a pronunciation in its corrections file,
    replacing one for the same word and language); return the sentences it changes, in reading
    order. ``preview``: only return them, write nothing; ``reviewed``: a teacher has settled it
    (it leaves the review list). BadInput for an empty word or respelling."""
    from narrator.pipeline import _planned, read_source
    from narrator.script.corrections import Pronunciation, with_pronunciations

    word, say, lang = " ".join(word.split()), " ".join(say.split()), lang.strip() or "*"
    if not word or not say:
        raise BadInput(str(source), "a pronunciation needs a word and what to say instead")
    path = corrections_path(source)
    corrections = load(path)
    kept = tuple(w for w in corrections.pronunciations if (w.word, w.lang) != (word, lang))
    after = dataclasses.replace(corrections, pronunciations=kept + (Pronunciation(word, say, lang, reviewed),))
    data = read_source(source)

    def spoken(c: Corrections) -> list[Segment]:
        return list(_planned(data, source, with_pronunciations(config, c), corrections=c).segments)

    old = {s.id: s.spoken for s in spoken(corrections)}
    changed = [Changed(s.id, s.text, old.get(s.id, ""), s.spoken) for s in spoken(after)
               if old.get(s.id) != s.spoken]
    if not preview:
        save(after, path)
    return changed


def forget(source: str | os.PathLike[str], word: str, lang: str = "*") -> bool:
    """Remove the pronunciation of ``word`` (in ``lang``) from ``source``'s corrections file: the
    word is said as the planner says it again. False if there was none."""
    word, lang = " ".join(word.split()), lang.strip() or "*"
    path = corrections_path(source)
    corrections = load(path)
    kept = tuple(w for w in corrections.pronunciations if (w.word, w.lang) != (word, lang))
    if len(kept) == len(corrections.pronunciations):
        return False
    save(dataclasses.replace(corrections, pronunciations=kept), path)
    return True
