"""Footnotes and endnotes: a "Notes" part at the end, after their paragraph, or not read.

The walk (html.py) marks the blocks of each note (context ``note`` and ``notekey:N``, plus
``noteid:X`` for each id or name inside it) and the blocks that refer to a note (``ref:X``, the
target of the reference's link; the reference mark itself is never read). ``[parse] notes``:

- ``"end"`` (default): the notes leave the chapter they were in (a page's last chapter would
  otherwise end with them) and form a last part that starts with a spoken cue, "Notes" / "注释";
- ``"inline"``: each note is read right after the paragraph that refers to it, introduced by
  "Note:" / "注："; notes nothing refers to go to the end as above;
- ``"skip"``: notes are not read, and the skipped report says so.
"""

from __future__ import annotations

from dataclasses import replace

from narrator.values import Block, Chapter, Run, Skipped
from narrator.parse.html import NOTE, NOTE_ID, NOTE_KEY, REF

__all__ = ["NOTES_TITLE", "notes_chapter", "split_notes"]

NOTES_TITLE = {"zh": "注释"}
_TRADITIONAL_NOTES_TITLE = "註釋"  # the cue in a traditional-Chinese document's own script
_NOTE_CUE = {"zh": "注："}


def _key(block: Block) -> str:
    return next((c for c in block.context if c.startswith(NOTE_KEY)), NOTE_KEY + "0")


def _clean(block: Block) -> Block:
    """A block without the note bookkeeping in its context."""
    return replace(block, context=frozenset(c for c in block.context
                                            if not c.startswith((NOTE_KEY, NOTE_ID, REF))))


def split_notes(blocks: list[Block], mode: str, lang: str) -> tuple[list[Block], list[Block], list[Skipped]]:
    """(the document's blocks, with notes placed inline if ``mode`` is "inline"; the notes that
    go to the end; what is not read)."""
    if not any(NOTE in b.context for b in blocks):
        return [_clean(b) if any(c.startswith(REF) for c in b.context) else b for b in blocks], [], []
    notes: dict[str, list[Block]] = {}
    body: list[Block] = []
    for b in blocks:
        if NOTE in b.context:
            if b.kind != "break":  # the rule above a footnote list
                notes.setdefault(_key(b), []).append(b)
        else:
            body.append(b)
    if mode == "skip":
        skipped = [Skipped(group[0].source, "note", 'footnotes and endnotes are not read (notes = "skip")',
                           sum(len(b.text.strip()) for b in group)) for group in notes.values()]
        return [_clean(b) for b in body], [], skipped
    placed: set[str] = set()
    out: list[Block] = []
    if mode == "inline":
        by_anchor: dict[str, str] = {}
        for key, group in notes.items():
            for b in group:
                for c in b.context:
                    if c.startswith(NOTE_ID):
                        by_anchor.setdefault(c[len(NOTE_ID):], key)
        cue = _NOTE_CUE.get(lang, "Note: ")
        for b in body:
            out.append(_clean(b))
            for target in sorted(c[len(REF):] for c in b.context if c.startswith(REF)):
                found = by_anchor.get(target)
                if found is None or found in placed:
                    continue
                placed.add(found)
                group = [_clean(x) for x in notes[found] if x.kind != "break"]
                if group:
                    first = group[0]
                    group[0] = replace(first, kind="paragraph" if first.kind == "heading" else first.kind,
                                       runs=(Run(cue, lang=first.lang),) + first.runs,
                                       cells=tuple((a + len(cue), v + len(cue), e + len(cue))
                                                   for a, v, e in first.cells),
                                       page_at=tuple(a + len(cue) if a else 0 for a in first.page_at))
                out.extend(group)
    else:
        out = [_clean(b) for b in body]
    rest = [_clean(b) for key, group in notes.items() if key not in placed for b in group]
    return out, rest, []


def notes_chapter(notes: list[Block], index: int, lang: str) -> Chapter | None:
    """The last part: a spoken cue ("Notes" / "注释") and the notes, or None without any text."""
    blocks = [b for b in notes if b.kind != "break" or b is not notes[0]]
    if not any(b.text.strip() for b in blocks):
        return None
    title = NOTES_TITLE.get(lang, "Notes")
    if lang == "zh" and _traditional("".join(b.text for b in blocks)):
        title = _TRADITIONAL_NOTES_TITLE
    cue = Block("heading", (Run(title),), 1, blocks[0].source, frozenset(), None, None)
    # headings inside notes are not chapter titles here
    body = tuple(replace(b, kind="paragraph", level=0) if b.kind == "heading" else b for b in blocks)
    return Chapter(index, title, (cue,) + body)


def _traditional(text: str) -> bool:
    """Is ``text`` written in traditional characters (hanzidentifier, as normalize/zh.py asks)?"""
    from narrator.normalize.zh import _is_traditional

    return _is_traditional(text)
