"""Edit-distance alignment of two token lists (reference = the text, hypothesis = what was heard)."""

from __future__ import annotations

from collections.abc import Sequence

Pair = tuple[int | None, int | None]  # (reference index, hypothesis index); None = gap


def align(ref: Sequence[str], hyp: Sequence[str]) -> tuple[int, list[Pair]]:
    """(edit distance, alignment): every token of both lists appears once, in order.

    A pair with both indexes is a match (equal tokens) or a substitution; (i, None) is a token of
    the text not heard (deletion); (None, j) a token heard that is not in the text (insertion).
    """
    n, m = len(ref), len(hyp)
    # dist[i][j]: edits to turn ref[:i] into hyp[:j]; small lists (one sentence), plain Python
    dist = [list(range(m + 1))] + [[i] + [0] * m for i in range(1, n + 1)]
    for i in range(1, n + 1):
        row, above = dist[i], dist[i - 1]
        r = ref[i - 1]
        for j in range(1, m + 1):
            row[j] = min(above[j - 1] + (r != hyp[j - 1]), above[j] + 1, row[j - 1] + 1)
    pairs: list[Pair] = []
    i, j = n, m
    # Of the equally short alignments, the one with gaps nearest the end: a text cut short
    # shows as its last tokens unheard, not as its last token "misheard" as some earlier word.
    while i or j:
        if i and j and ref[i - 1] == hyp[j - 1] and dist[i][j] == dist[i - 1][j - 1]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and dist[i][j] == dist[i - 1][j] + 1:
            pairs.append((i - 1, None))
            i -= 1
        elif j and dist[i][j] == dist[i][j - 1] + 1:
            pairs.append((None, j - 1))
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    pairs.reverse()
    return dist[n][m], pairs
