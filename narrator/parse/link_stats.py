"""How much of each element's text is links: what tells page chrome (menus, link lists) from
prose on a web page (chrome.py, content.py, second_opinion.py)."""

from __future__ import annotations

from typing import Any

from narrator.parse.tags import HEADINGS, SKIP_TAGS
from narrator.parse.tree import Work, descendants

__all__ = ["link_stats"]


def link_stats(root: Any, work: Work | None = None) -> dict[int, tuple[int, int, int]]:
    """Per element: (text length, text length inside a[href], number of a[href]); one linear pass."""
    import bs4

    Tag, Comment, NS = bs4.Tag, bs4.Comment, bs4.NavigableString
    order = [t for t in descendants(root) if isinstance(t, Tag)]
    step = (work or Work()).step
    stats: dict[int, tuple[int, int, int]] = {}
    for tag in reversed(order):
        step()
        name = tag.name
        if name in SKIP_TAGS:
            stats[id(tag)] = (0, 0, 0)
            continue
        text = links = link_len = 0
        for c in tag.contents:
            if isinstance(c, Tag):
                st = stats.get(id(c))
                if st:
                    text += st[0]; link_len += st[1]; links += st[2]
            elif isinstance(c, NS) and not isinstance(c, Comment):
                text += len(c.strip())
        href = tag.attrs.get("href") if name == "a" else None
        if href and not (str(href).startswith("#") and tag.parent is not None
                         and tag.parent.name in HEADINGS):  # a heading's link to itself is no link
            link_len = text
            links += 1
        stats[id(tag)] = (text, link_len, links)
    return stats
