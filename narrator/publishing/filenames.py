"""Safe, readable file names from chapter and document titles.

A title comes from a document anyone may have written, so it is treated as hostile: the result
never contains a path separator, a character Windows or URLs treat specially, a control or
format character, a leading dot, or a Windows device name, and it fits in ``max_bytes`` of UTF-8.
Letters of every script are kept (a Chinese title stays Chinese).
"""

from __future__ import annotations

import re
import unicodedata

FALLBACK = "chapter"

# Device names Windows refuses as a file stem, whatever the extension.
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in "123456789¹²³"]
    + [f"lpt{i}" for i in "123456789¹²³"]
)
_DASHES = re.compile(r"-{2,}")
_DOTS = re.compile(r"\.{2,}")
_EDGE = "-._ "


def _keep(ch: str) -> bool:
    """Letters, digits and combining marks of any script, plus '-', '_' and '.'."""
    if ch in "-_.":
        return True
    return unicodedata.category(ch)[0] in "LNM"


def slug(title: str) -> str:
    """The title as lower-case words joined by '-', with every unsafe character dropped ('' if none)."""
    text = unicodedata.normalize("NFC", title).lower()
    out = "".join(ch if _keep(ch) else "-" for ch in text)
    out = _DOTS.sub(".", _DASHES.sub("-", out))
    # Dots and dashes at the edges: no hidden files, no "name." (Windows strips trailing dots).
    return out.strip(_EDGE)


def _fit(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, never inside a character."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    # errors="ignore" drops the partial character left at the cut.
    return data[: max(limit, 0)].decode("utf-8", "ignore")


def safe_filename(title: str, *, index: int, ext: str, max_bytes: int = 100) -> str:
    """A file name for ``title``: ``NN-<slug>.<ext>``, e.g. ``safe_filename("Introduction",
    index=1, ext="mp3") == "01-introduction.mp3"``.

    ``index`` <= 0 gives no number prefix; ``ext`` "" gives no extension. The whole name is at
    most ``max_bytes`` bytes of UTF-8 (the title part is shortened); an empty or entirely unsafe
    title becomes "chapter".
    """
    prefix = f"{index:02d}-" if index > 0 else ""
    suffix = "." + slug(ext) if ext and slug(ext) else ""
    room = max_bytes - len(prefix.encode()) - len(suffix.encode())
    name = _fit(slug(title), room).strip(_EDGE)
    if not name:
        name = _fit(FALLBACK, room) or FALLBACK[:1]
    stem, dot, rest = name.partition(".")
    if not prefix and stem in _WINDOWS_RESERVED:
        # "con.txt" is as reserved as "con": mark the stem itself.
        name = _fit(stem + "_" + dot + rest, room).rstrip("-. ")
    return prefix + name + suffix
