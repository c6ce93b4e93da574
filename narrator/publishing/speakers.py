"""Who speaks, as the read-along page and the transcript show it (issue 24).

The first sentence of each turn of a role (a speaker label's line, a data-voice passage) gets a
label naming the role, in the role's colour: the document's own label ("A：", "<b>Teacher:</b>")
when it is shown just before the sentence, wrapped; else a label added before the sentence. The
label is never inside the sentence's span, so the sentence text that captions and the highlight
use stays as it was; the narrator has none. The quote role has no label (a block quote or
quotation marks show it already).

Colours: six per scheme, each at least 4.5:1 against the page and the callout box in light and
in dark (WCAG 2.1 AA for text; tests/test_player_speakers.py measures them in a browser).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape

from narrator.values import ScriptChapter, Segment

QUOTE = "quote"  # the casting's quotation role: no label

# light on #fff and #f3f3f3, dark on #121212 and #1e1e1e: all >= 4.5:1
CSS = """:root { --who-1: #b3261e; --who-2: #00695c; --who-3: #7b3fa0; --who-4: #8a4b00; --who-5: #2e6b00; --who-6: #0a5c99; }
@media (prefers-color-scheme: dark) {
  :root { --who-1: #ffb4ab; --who-2: #4fd8c4; --who-3: #d9b8ff; --who-4: #ffb870; --who-5: #9ee08a; --who-6: #9ccaff; } }
.who { font-weight: bold; margin-inline-end: .25em; }
.who-1 { color: var(--who-1); } .who-2 { color: var(--who-2); } .who-3 { color: var(--who-3); }
.who-4 { color: var(--who-4); } .who-5 { color: var(--who-5); } .who-6 { color: var(--who-6); }
"""
COLOURS = 6


def role_colours(roles: Iterable[str]) -> dict[str, int]:
    """Each role (in order of first appearance; "" = the narrator, left out) -> its colour, 1..6."""
    out: dict[str, int] = {}
    for role in roles:
        if role and role not in out:
            out[role] = len(out) % COLOURS + 1
    return out


def _shown_label(chapter: ScriptChapter, seg: Segment, prev: Segment | None) -> str:
    """The document's text shown just before ``seg`` in its block when it is a label naming
    ``seg``'s role ("A：", "Teacher:", "Narrator —"); else ""."""
    if not 0 <= seg.block < len(chapter.blocks):
        return ""
    start = prev.span[1] if prev is not None and prev.block == seg.block else 0
    gap = chapter.blocks[seg.block].text[start:seg.span[0]].strip()
    name = gap.rstrip(" :：—–-;").strip()  # "; " joins a table row's cells
    return gap if name and name.casefold() == seg.voice.casefold() else ""


def turns(chapter: ScriptChapter) -> dict[str, tuple[str, str]]:
    """The sentences of ``chapter`` that open a turn of a role: id -> (role, the document's own
    label shown before it, or "")."""
    out: dict[str, tuple[str, str]] = {}
    prev: Segment | None = None
    for seg in chapter.segments:
        if seg.voice:
            shown = _shown_label(chapter, seg, prev)
            if shown or prev is None or prev.voice != seg.voice:
                out[seg.id] = (seg.voice, shown)
        prev = seg
    return out


_SPAN = '<span class="seg" id="{}"'


def _says_label(text: str, role: str) -> bool:
    """The sentence itself opens with the role's label ([voices] read_labels)."""
    return re.match(rf"\s*{re.escape(role)}\s*[:：—–-]", text, re.IGNORECASE) is not None


def mark_speakers(html: str, chapter: ScriptChapter, colours: Mapping[str, int]) -> str:
    """``html`` (the chapter's layout.chapter_html) with a label before each turn's first sentence."""
    text_of = {s.id: s.text for s in chapter.segments}
    for seg_id, (role, shown) in turns(chapter).items():
        if role.casefold() == QUOTE:
            continue
        at = html.find(_SPAN.format(escape(seg_id)))
        if at < 0:
            continue
        cls = f"who who-{colours.get(role, 1)}"
        if shown:
            # the document's label as laid out: its text, perhaps in <b> or <strong>, perhaps in
            # the row's cell before the sentence's
            said = re.escape(escape(shown.rstrip(";").strip(), quote=False))
            m = re.search(rf"(?:<(strong|b)>\s*)?{said}(?:\s*</\1>)?(\s*(?:</t[dh]>\s*<t[dh][^>]*>)?\s*)$",
                          html[max(0, at - 400):at])
            if m is None:
                continue  # shown in some other way: it names the speaker already
            begin = at - (len(m.group(0)))
            label = html[begin:at - len(m.group(2))]
            html = (html[:begin] + f'<span class="{cls}" data-who="{escape(role)}">{label}</span>'
                    + m.group(2) + html[at:])
        elif not _says_label(text_of.get(seg_id, ""), role):
            html = html[:at] + f'<span class="{cls}" data-who="{escape(role)}">{escape(role)}</span> ' + html[at:]
    return html

