"""Timed text: WebVTT (captions and chapter tracks) and SRT, from cues with times in seconds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from narrator.text import one_line  # a blank line ends a cue: cue text and ids stay on one line

@dataclass(frozen=True, slots=True)
class Cue:
    """One caption: shown from ``start`` to ``end`` seconds; ``id`` may be empty."""

    id: str
    start: float
    end: float
    text: str
    # (text, start, end) of each displayed word, same time base: WebVTT timestamp tags
    words: tuple[tuple[str, float, float], ...] = ()
    # the text as laid out in lines (caption_cues); empty: the text on one line
    lines: tuple[str, ...] = ()


def timestamp(seconds: float, *, sep: str = ".") -> str:
    """``HH:MM:SS.mmm`` (WebVTT; ``sep=","`` gives SRT), rounded to the millisecond."""
    ms = max(0, round(seconds * 1000))
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{sep}{ms:03d}"


def cue_text(cue: Cue) -> str:
    """A cue's text as shown: its lines (see caption_cues) or else its text on one line; never a
    blank line, which would end the cue."""
    if cue.lines:
        return "\n".join(line for line in map(one_line, cue.lines) if line)
    return one_line(cue.text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _times(cue: Cue) -> tuple[int, int]:
    start = max(0, round(cue.start * 1000))
    # A cue must end after it starts, or players drop it.
    return start, max(start + 1, round(cue.end * 1000))


def _karaoke(cue: Cue, start: int, end: int) -> str:
    """Cue text with a ``<HH:MM:SS.mmm>`` tag before each word after the first (WebVTT allows
    only times strictly inside the cue, increasing); "" if the words are not the cue's text."""
    text = cue_text(cue)
    out: list[str] = []
    pos, last = 0, start
    for i, (word, t, _) in enumerate(cue.words):
        word = one_line(word)
        k = text.find(word, pos)
        if k < 0 or not word:
            return ""
        out.append(_escape(text[pos:k]))
        at = round(t * 1000)
        if i and last < at < end:
            out.append(f"<{timestamp(at / 1000)}>")
            last = at
        out.append(_escape(word))
        pos = k + len(word)
    out.append(_escape(text[pos:]))
    return "".join(out)


def to_vtt(cues: Iterable[Cue], voices: Mapping[str, str] | None = None) -> str:
    """A WebVTT file: cue text escaped (& < >), ids kept only when they cannot be misread.
    ``voices``: segment id -> who says it (a role): the cue (and a cue laid out from it,
    "<id>-2") is a voice span, ``<v A>...``."""
    parts = ["WEBVTT", ""]
    for cue in cues:
        text = _escape(cue_text(cue))
        if not text:
            continue
        start, end = _times(cue)
        if cue.words:
            text = _karaoke(cue, start, end) or text
        if voices and (who := voices.get(cue.id) or voices.get(cue.id.rsplit("-", 1)[0])):
            text = f"<v {_escape(one_line(who))}>{text}</v>"  # voices per role (issue 24)
        cue_id = one_line(cue.id)
        if cue_id and "-->" not in cue_id:
            parts.append(cue_id)
        parts.append(f"{timestamp(start / 1000)} --> {timestamp(end / 1000)}")
        parts += [text, ""]
    return "\n".join(parts) + ("\n" if parts[-1] else "")


def to_srt(cues: Iterable[Cue]) -> str:
    """A SubRip (.srt) file, as LMSs and video sites take it: numbered cues, ``HH:MM:SS,mmm``,
    plain text (SRT has no escaping: < and & are shown as they are by most players)."""
    parts: list[str] = []
    number = 0
    for cue in cues:
        text = cue_text(cue)
        if not text:
            continue
        number += 1
        start, end = _times(cue)
        parts += [str(number), f"{timestamp(start / 1000, sep=',')} --> {timestamp(end / 1000, sep=',')}",
                  text, ""]
    return "\n".join(parts[:-1]) + "\n" if parts else ""


# -- caption layout --------------------------------------------------------------------------
# The usual caption guidelines (BBC, Netflix, DCMP): at most two lines a cue, about 42 characters
# a line (Chinese 16-20: a Han character is as wide as 42/18 Latin ones here), lines and cues
# broken at phrase boundaries (after punctuation, before a conjunction or preposition, never after
# an article), and no cue shorter than about a second unless its whole sentence is.

LINE_WIDTH = 42.0
WIDE = LINE_WIDTH / 18  # a Han, kana or Hangul character: 18 a line
MIN_SECONDS = 1.0
_CUE_COST = 100.0  # fewer cues first
_SHORT_COST = 1000.0  # a cue under MIN_SECONDS when the sentence could avoid it

_PUNCT = frozenset(",;:.!?)]}\u201d\u2019\u2014\u2013\uff0c\u3001\uff1b\uff1a\u3002\uff01\uff1f\uff09\u300b\u300d\u300f\u2026")
# words a phrase starts with: a line may start with them
_STARTS = frozenset("and but or nor so yet because although though while whereas which that who whom whose when "
                    "where if unless until since than as to of in on at for with from by into onto about after "
                    "before during over under between through without like".split())
# words that lean on the next: a line never ends with them if it can be helped
_LEANS = frozenset("a an the this that these those my your his her its our their to of in on at for with from by "
                   "and or mr mrs ms dr no".split())


def _width(text: str) -> float:
    """Width in Latin characters (a hair less for wide ones: 18 of them fill a line exactly)."""
    return sum(WIDE - 1e-9 if _is_wide(ch) else 1.0 for ch in text)


def _is_wide(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in "WF"


def _tokens(text: str) -> list[tuple[int, int, float]]:
    """Pieces a caption may break between: (start, end, penalty of a break before the piece).
    Latin text breaks at spaces (a piece keeps its trailing space); Chinese text between words
    (jieba), a break after punctuation costing least."""
    import re

    out: list[tuple[int, int, float]] = []
    for m in re.finditer(r"\S+\s*", text):
        word = m.group()
        if not any(_is_wide(ch) for ch in word):
            out.append((m.start(), m.end(), 0.0))
            continue
        from narrator.text import jieba_tokenizer

        at = m.start()
        for piece in jieba_tokenizer().cut(word, HMM=False):
            out.append((at, at + len(piece), 0.0))
            at += len(piece)
    scored = []
    for k, (a, b, _) in enumerate(out):
        if k == 0:
            scored.append((a, b, 0.0))
            continue
        before = text[out[k - 1][0]:out[k - 1][1]].rstrip()
        here = text[a:b].strip().lower().strip("\"'(\u201c\u2018")
        if before and before[-1] in _PUNCT:
            penalty = 0.0
        elif before.lower().strip("\"'(\u201c\u2018") in _LEANS:
            penalty = 8.0
        elif here in _STARTS:
            penalty = 1.0
        else:
            penalty = 3.0
        if here and here[0] in _PUNCT:
            penalty = 50.0  # punctuation never starts a line
        scored.append((a, b, penalty))
    return scored


def _lines(text: str, tokens: list[tuple[int, int, float]], i: int, j: int) -> tuple[float, list[str]] | None:
    """tokens[i:j] as one line or two (the best break): (cost, lines), None if they do not fit."""
    whole = text[tokens[i][0]:tokens[j - 1][1]].strip()
    if _width(whole) <= LINE_WIDTH or j - i == 1:
        return 0.0, [whole]
    best: tuple[float, list[str]] | None = None
    for k in range(i + 1, j):
        first = text[tokens[i][0]:tokens[k][0]].strip()
        second = text[tokens[k][0]:tokens[j - 1][1]].strip()
        w1, w2 = _width(first), _width(second)
        if (w1 > LINE_WIDTH and k - i > 1) or (w2 > LINE_WIDTH and j - k > 1):
            continue
        cost = tokens[k][2] * 10 + abs(w1 - w2) / LINE_WIDTH * 5
        if best is None or cost < best[0]:
            best = (cost, [first, second])
    return best


def caption_cues(cue: Cue) -> list[Cue]:
    """One sentence's cue laid out as captions: as few cues of at most two lines as fit, broken
    at phrase boundaries, each at least MIN_SECONDS long when the sentence allows; the first keeps
    the cue's id, the next ones get "-2", "-3"... Times come from the words when the cue has
    them (checked takes), else from the share of the text."""
    text = one_line(cue.text)
    if not text:
        return []
    tokens = _tokens(text)
    n = len(tokens)
    # where each token starts, in seconds
    starts = _token_times(text, tokens, cue)
    duration = cue.end - cue.start

    def time_at(k: int) -> float:
        return cue.end if k >= n else starts[k]

    best: list[tuple[float, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0.0, 0, [])
    for j in range(1, n + 1):
        for i in range(j - 1, -1, -1):
            before = best[i]
            if before is None:
                continue
            if _width(text[tokens[i][0]:tokens[j - 1][1]].strip()) > 2 * LINE_WIDTH + 1 and j - i > 1:
                break  # longer ranges only get wider
            laid = _lines(text, tokens, i, j)
            if laid is None:
                continue
            cost = before[0] + _CUE_COST + laid[0] + (tokens[j][2] * 20 if j < n else 0.0)
            seconds = time_at(j) - time_at(i)
            if seconds < MIN_SECONDS and duration >= MIN_SECONDS:
                cost += _SHORT_COST
            here = best[j]
            if here is None or cost < here[0]:
                best[j] = (cost, i, laid[1])
    cuts: list[tuple[int, int, list[str]]] = []
    j = n
    while j > 0:
        entry = best[j]
        assert entry is not None
        cuts.append((entry[1], j, entry[2]))
        j = entry[1]
    cuts.reverse()
    out = []
    for k, (i, j, lines) in enumerate(cuts):
        start = cue.start if i == 0 else time_at(i)
        end = time_at(j)
        lo, hi = tokens[i][0], tokens[j - 1][1]
        words = tuple(w for w, at in zip(cue.words, _word_offsets(text, cue.words)) if at is not None and lo <= at < hi)
        out.append(Cue(cue.id if k == 0 else f"{cue.id}-{k + 1}", start, end, text[lo:hi].strip(), words,
                       tuple(lines) if len(lines) > 1 else ()))
    return out


def _word_offsets(text: str, words: tuple[tuple[str, float, float], ...]) -> list[int | None]:
    """Where each timed word is in ``text`` (None once one is not found: the words are not its text)."""
    out: list[int | None] = []
    pos = 0
    for word, _, _ in words:
        k = text.find(one_line(word), pos) if one_line(word) else -1
        if k < 0:
            return out + [None] * (len(words) - len(out))
        out.append(k)
        pos = k + len(one_line(word))
    return out


def _token_times(text: str, tokens: list[tuple[int, int, float]], cue: Cue) -> list[float]:
    """When each token starts: at its first timed word, else by its share of the text's width."""
    times: list[float] = []
    offsets = _word_offsets(text, cue.words)
    timed = [(at, w[1]) for at, w in zip(offsets, cue.words) if at is not None]
    total = _width(text) or 1.0
    for a, _, _ in tokens:
        word = next((t for at, t in timed if at >= a), None)
        if word is not None and timed and len(timed) == len(cue.words):
            times.append(min(max(word, cue.start), cue.end))
        else:
            times.append(cue.start + (cue.end - cue.start) * _width(text[:a]) / total)
    return times


def layout_cues(cues: Iterable[Cue]) -> list[Cue]:
    """Every cue laid out by :func:`caption_cues`, in order."""
    return [part for cue in cues for part in caption_cues(cue)]
