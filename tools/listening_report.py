"""Listening report: plan every document of a folder (no audio) and flag what a listener would suffer.

    python tools/listening_report.py /work/shared/corpus [/work/extra-corpus ...] [--quiet] [--json]

Flags, per document and in total:

- ``markup``: raw markup characters in spoken text (< > { } \\ ^ _ ` |, $$, HTML entities);
- ``math``: TeX left in spoken text (\\( \\[ $ \\frac ^...): counted apart from ``markup``;
- ``url``: a URL or e-mail address in spoken text;
- ``stub``: a piece of one or two words left by cutting a long sentence;
- ``cut_in_brackets``: a long sentence cut inside parentheses, brackets or quotation marks where
  a listener hears the fault (see :func:`bracket_faults`): mid-phrase, or inside an aside or a
  quotation that one segment could have held whole. A cut at a clause or sentence end inside a
  quotation longer than a segment is no fault: a reader pauses there too ("“The circumstances
  are of great delicacy, | and every precaution has to be taken ...”");
- ``made_up_title``: a title narrate made up ("Introduction", "Part 4", the file name) is spoken;
- ``skip_no_reason``: an element left out without a recorded reason (or no skipped report at all);
- ``long_chapter``: a chapter estimated over an hour;
- ``over_limit``: a segment longer than the configured segment limit is sent whole (except one
  formula, never cut, with at most two words beside it);
- ``refused``: the document could not be narrated at all (the reason is printed).

Only the planner runs (``narrator.pipeline.plan``), so a folder of 100 documents takes seconds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from narrator.config import Config, load_config
from narrator.normalize import normalize
from narrator.script.maths import speak_tex
from narrator.errors import NarratorError
from narrator.pipeline import plan
from narrator.script.sentences import is_cjk_lang, starts_clause

SUFFIXES = (".html", ".htm", ".xhtml", ".xml", ".md", ".txt", ".docx", ".jsp")
FLAGS = ("markup", "math", "url", "stub", "cut_in_brackets", "made_up_title", "skip_no_reason",
         "long_chapter", "over_limit", "refused")

_MARKUP = re.compile(r"[<>{}\\^_`|]|\$\$|&[a-zA-Z]{2,8};|&#\d+;")
_TEX = re.compile(r"\\[()\[\]a-zA-Z]|\$|\^")
_URL = re.compile(r"https?://|\bwww\.[a-z0-9-]+\.|[\w.+-]+@[\w-]+\.[\w.]+", re.IGNORECASE)
_END = re.compile(r"[.!?。！？…:：;；\"”’」』)）\]】》]\s*$")
_OPEN_CLOSE = {"(": ")", "（": "）", "[": "]", "【": "】", "“": "”", "「": "」", "『": "』", "《": "》",
               "〔": "〕"}
_CLOSE = frozenset(_OPEN_CLOSE.values())
# where a reader pauses: clause or sentence punctuation, maybe followed by closing marks
_PAUSE_END = re.compile(r"[,;:，；：、—–.!?。！？…][\"”’」』)）\]】》〕]*$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# "Notes" / "注释" is not here: the notes part's title is its spoken cue
_MADE_UP = re.compile(r"^(?:Introduction|引言|Part \d+|第\d+部分)$")


def _words(text: str) -> int:
    """Words for Latin text; for Chinese, characters / 2 (about a word each two)."""
    cjk = len(_CJK.findall(text))
    return len(_CJK.sub(" ", text).split()) + (cjk + 1) // 2


def _brackets(text: str) -> list[tuple[int, int]]:
    """(start, end) of the parentheses and quotations of one sentence, marks included. One opened
    and not closed runs to the end (a quotation going on in the next sentence); a closing
    quotation mark never opened, from the start (one that began in an earlier sentence)."""
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    straight = -1
    for i, ch in enumerate(text):
        if ch in _OPEN_CLOSE:
            stack.append((_OPEN_CLOSE[ch], i))
        elif ch in _CLOSE:
            at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == ch), -1)
            if at >= 0:
                spans.append((stack[at][1], i + 1))
                del stack[at:]
            elif ch in "”」』":
                spans.append((0, i + 1))
        elif ch == '"':
            if straight >= 0:
                spans.append((straight, i + 1))
                straight = -1
            else:
                straight = i
    spans.extend((at, len(text)) for _closer, at in stack)
    if straight >= 0:
        spans.append((straight, len(text)) if text[straight + 1:straight + 2].strip() else (0, straight + 1))
    return spans


def bracket_faults(pieces: list[str], limit: float) -> list[int]:
    """Which cuts of one sentence (its pieces in order, cut after each but the last) are faults
    a listener hears: a cut inside parentheses or quotation marks that is mid-phrase (the piece
    ends without clause or sentence punctuation and the next starts with no connector or
    opening mark), or inside one that fits in ``limit`` characters, so it could have been kept
    whole, unless keeping it whole leaves one or two words alone before or after it ("Section
    11 | (Public servant obtaining ...)"). Returns the indices of the pieces cut badly after."""
    text, cuts = "", []
    for k, piece in enumerate(pieces):
        joined = text and not (_CJK.match(text[-1]) or _CJK.match(piece[:1]) or text[-1] in "，、；：")
        text += (" " if joined else "") + piece  # Chinese pieces join without a space
        cuts.append(len(text))
    spans = _brackets(text)
    faults = []
    for k, at in enumerate(cuts[:-1]):
        around = [(a, b) for a, b in spans if a < at < b]
        if not around:
            continue
        paused = bool(_PAUSE_END.search(pieces[k])) or starts_clause(pieces[k + 1]) \
            or pieces[k + 1][:1] in _OPEN_CLOSE
        whole = any(b - a <= limit and _words(text[:a]) not in (1, 2)
                    and _words(re.sub(r"[^\w\s]", " ", text[b:])) not in (1, 2) for a, b in around)
        if not paused or whole:
            faults.append(k)
    return faults


def document_flags(path: Path, config: Config) -> tuple[Counter[str], list[str]]:
    """The flags of one document and a line of detail for each."""
    flags: Counter[str] = Counter()
    notes: list[str] = []

    def flag(name: str, detail: str) -> None:
        flags[name] += 1
        notes.append(f"{name}: {detail[:110]}")

    try:
        script = plan(path, config)
    except NarratorError as e:
        flag("refused", str(e))
        return flags, notes
    stem = path.stem
    made_up = {stem}
    skipped = getattr(script, "skipped", None)
    if skipped is None:
        flag("skip_no_reason", "no skipped report at all")
    else:
        for s in skipped:
            if not getattr(s, "reason", ""):
                flag("skip_no_reason", f"{getattr(s, 'source', '?')}")
    for chapter in script.chapters:
        made_up_title = bool(_MADE_UP.match(chapter.title)) or chapter.title in made_up
        seconds = sum(len(s.spoken) / (4.5 if is_cjk_lang(s.lang) else 15) + s.pause_after_ms / 1000
                      for s in chapter.segments)
        if seconds > 3600:
            flag("long_chapter", f"chapter {chapter.index} ({chapter.title}): {seconds / 60:.0f} min")
        segs = chapter.segments
        cut = [s.boundary == "clause" or (s.boundary == "sentence" and not _END.search(s.text)) for s in segs]
        start = 0  # the first piece of the sentence segs[i] belongs to
        for i, s in enumerate(segs):
            if i and not (cut[i - 1] and segs[i - 1].block == s.block):
                start = i
            spoken = s.spoken
            if _TEX.search(spoken):
                flag("math", spoken)
            elif _MARKUP.search(spoken):
                flag("markup", spoken)
            if _URL.search(spoken):
                flag("url", spoken)
            limit = config.text.max_chars_cjk if is_cjk_lang(s.lang) else config.text.max_chars
            if len(spoken) > limit and not _one_formula(chapter.blocks, s):
                flag("over_limit", f"{len(spoken)} chars: {spoken}")
            if made_up_title and s.boundary == "heading" and spoken.strip() == chapter.title:
                flag("made_up_title", f"chapter {chapter.index}: {chapter.title}")
            if (cut[i] or (i > 0 and cut[i - 1])) and _words(s.spoken) <= 2:  # what the listener hears
                flag("stub", f"{s.id}: {s.text!r}")
            if i > start and not cut[i]:  # the end of a sentence cut in pieces
                sentence = segs[start:i + 1]
                said = sum(len(p.spoken) for p in sentence) or 1
                shown = sum(len(p.text) for p in sentence)
                for k in bracket_faults([p.text for p in sentence], limit * shown / said):
                    flag("cut_in_brackets", f"{sentence[k].id}: {sentence[k].text} | {sentence[k + 1].text}")
    return flags, notes


def _one_formula(blocks: tuple, seg) -> bool:  # type: ignore[no-untyped-def]
    """Is ``seg`` one whole formula of its block, with at most two words of text beside it?"""
    if not 0 <= seg.block < len(blocks):
        return False
    at, said = 0, []
    for run in blocks[seg.block].runs:
        if run.math is not None and seg.span[0] <= at < seg.span[1]:
            said.append(normalize(speak_tex(run.math, seg.lang), seg.lang))
        at += len(run.text)
    return len(said) == 1 and said[0] in seg.spoken and len(seg.spoken.replace(said[0], "").split()) <= 2


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("folders", nargs="+", type=Path)
    p.add_argument("-c", "--config", help="narrate.toml to use")
    p.add_argument("-q", "--quiet", action="store_true", help="totals only")
    p.add_argument("-v", "--verbose", action="store_true", help="every flagged segment")
    p.add_argument("--json", action="store_true", help="totals as JSON on the last line")
    args = p.parse_args(argv)
    config = load_config(args.config) if args.config else load_config()
    grand: Counter[str] = Counter()
    for folder in args.folders:
        totals: Counter[str] = Counter()
        files = sorted(f for f in folder.iterdir() if f.is_file() and f.suffix.lower() in SUFFIXES
                       and not f.stem.upper().startswith("SOURCES"))
        flagged = 0
        for f in files:
            flags, notes = document_flags(f, config)
            totals.update(flags)
            flagged += bool(flags)
            if not args.quiet and flags:
                print(f"{f.name}: " + ", ".join(f"{k} {v}" for k, v in sorted(flags.items())))
                for n in notes if args.verbose else notes[:3]:
                    print(f"    {n}")
        grand.update(totals)
        print(f"== {folder}: {len(files)} documents, {flagged} flagged; "
              + ", ".join(f"{k} {totals[k]}" for k in FLAGS))
    if args.json:
        print(json.dumps({k: grand[k] for k in FLAGS}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
