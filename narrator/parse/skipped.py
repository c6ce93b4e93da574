"""Words for what was not read: the run's one-line summary and the dry run's list.

    >>> from narrator.values import Skipped
    >>> summary([Skipped("#t", "data table", "too big", 300, 15), Skipped("pre", "code block", "code", 40, 3),
    ...          Skipped("pre", "code block", "code", 10, 1), Skipped("nav", "page navigation", "links", 90)])
    'not read: 1 data table of 15 rows, 2 code blocks, page navigation'
"""

from __future__ import annotations

from collections.abc import Sequence

from narrator.values import Skipped

__all__ = ["summary", "describe"]

# Kinds told without a count: there is one page around the lesson, whatever its pieces.
_UNCOUNTED = frozenset(("page navigation", "page chrome", "page around the editor"))


def _plural(what: str, n: int) -> str:
    if n == 1:
        return f"1 {what}"
    head, _, tail = what.partition(" in ")
    head = head[:-1] + "ies" if head.endswith("y") and not head.endswith("ay") else head + "s"
    return f"{n} {head}" + (f" in {tail}" if tail else "")


def summary(skipped: Sequence[Skipped]) -> str:
    """One line: "not read: 1 data table of 15 rows, 2 code blocks, page navigation" ("" if nothing)."""
    groups: dict[str, list[Skipped]] = {}
    for s in skipped:
        groups.setdefault(s.what, []).append(s)
    parts: list[str] = []
    for what, items in groups.items():
        if what in _UNCOUNTED:
            parts.append(what)
        elif what == "data table":
            rows = sum(s.rows for s in items)
            parts.append(f"{_plural(what, len(items))} of {rows} rows")
        else:
            parts.append(_plural(what, len(items)))
    return "not read: " + ", ".join(parts) if parts else ""


def describe(s: Skipped) -> str:
    """One dry-run line: where, what, why, how big."""
    size = f"{s.rows} rows, " if s.what == "data table" else (f"{s.rows} lines, " if s.what == "code block" else "")
    return f"{s.source}: {s.what} ({size}{s.chars} characters): {s.reason}"
