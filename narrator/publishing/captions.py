"""Timed text: WebVTT (captions and chapter tracks) and SRT, from cues with times in seconds."""

from __future__ import annotations

from collections.abc import Iterable
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


def timestamp(seconds: float, *, sep: str = ".") -> str:
    """``HH:MM:SS.mmm`` (WebVTT; ``sep=","`` gives SRT), rounded to the millisecond."""
    ms = max(0, round(seconds * 1000))
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{sep}{ms:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _times(cue: Cue) -> tuple[int, int]:
    start = max(0, round(cue.start * 1000))
    # A cue must end after it starts, or players drop it.
    return start, max(start + 1, round(cue.end * 1000))


def _karaoke(cue: Cue, start: int, end: int) -> str:
    """Cue text with a ``<HH:MM:SS.mmm>`` tag before each word after the first (WebVTT allows
    only times strictly inside the cue, increasing); "" if the words are not the cue's text."""
    text = one_line(cue.text)
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


def to_vtt(cues: Iterable[Cue]) -> str:
    """A WebVTT file: cue text escaped (& < >), ids kept only when they cannot be misread."""
    parts = ["WEBVTT", ""]
    for cue in cues:
        text = _escape(one_line(cue.text))
        if not text:
            continue
        start, end = _times(cue)
        if cue.words:
            text = _karaoke(cue, start, end) or text
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
        text = one_line(cue.text)
        if not text:
            continue
        number += 1
        start, end = _times(cue)
        parts += [str(number), f"{timestamp(start / 1000, sep=',')} --> {timestamp(end / 1000, sep=',')}",
                  text, ""]
    return "\n".join(parts[:-1]) + "\n" if parts else ""
