"""Where a block or a left-out element is in the input, as the manifest and the skip report show
it: "#id" of the element, else a short CSS-like path from the nearest id (or the root)."""

from __future__ import annotations

__all__ = ["MAX_PATH", "Step", "css_path"]

Step = tuple[str, int, str | None]  # an open element: (tag name, nth of its type, its id or None)
MAX_PATH = 8  # keep source paths short: at most this many "tag:nth-of-type(n)" steps


def css_path(path: list[Step], root_label: str) -> str:
    """'#id' of the last element of ``path``, else a path of at most MAX_PATH steps from the
    nearest id, or from ``root_label`` (html and body are the root)."""
    if not path:
        return root_label
    name, nth, ident = path[-1]
    if ident:
        return "#" + ident
    steps: list[str] = []
    for name, nth, ident in reversed(path):
        if ident:
            steps.append("#" + ident)
            break
        if name in ("html", "body"):
            steps.append(root_label)
            break
        steps.append(f"{name}:nth-of-type({nth})")
        if len(steps) >= MAX_PATH:
            break
    else:
        steps.append(root_label)
    return " > ".join(reversed(steps))
