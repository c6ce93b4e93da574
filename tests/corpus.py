"""Where the shared corpus of real editor documents is (test data only, never copied here).

$NARRATOR_CORPUS if set (even if wrong: an explicit path is never replaced by a guess), else the
first of ../shared/corpus next to this checkout and /work/shared/corpus (the workplace's copy, for
checkouts made elsewhere, such as CI's clean clone).

Tests that read it call :func:`need` (or take their names from :func:`documents`): without the
corpus they are skipped, except under CI (``CI`` set, as CI services do) or with
``NARRATOR_REQUIRE_CORPUS`` set, where a missing corpus or document is a failure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest


def shared(variable: str, *parts: str) -> Path:
    """$``variable`` if set (even if wrong), else the first of ../shared/<parts> next to this
    checkout and /work/shared/<parts> that exists (the first when neither does)."""
    if os.environ.get(variable):
        return Path(os.environ[variable])
    candidates = [Path(__file__).resolve().parents[1].parent.joinpath("shared", *parts),
                  Path("/work/shared").joinpath(*parts)]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


CORPUS = shared("NARRATOR_CORPUS", "corpus")
TN_CASES = shared("NARRATOR_TN", "tn", "nemo")  # NeMo's public text-normalisation test cases
REQUIRED = bool(os.environ.get("CI") or os.environ.get("NARRATOR_REQUIRE_CORPUS"))
ABSENT = "<corpus absent>"
"""The one name :func:`documents` gives without a corpus, so parametrised tests still run once."""


def need(name: str | None = None) -> Path:
    """The corpus folder, or document ``name`` in it; skip the test if it is absent (fail under CI)."""
    path = CORPUS if name is None or name == ABSENT else CORPUS / name
    if not CORPUS.is_dir() or not path.exists():
        message = (f"shared corpus not found at {CORPUS} (set NARRATOR_CORPUS)" if not CORPUS.is_dir()
                   else f"corpus document {name} absent from {CORPUS}")
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    return path


def documents() -> list[str]:
    """The corpus's HTML documents by name (for parametrize); [ABSENT] without a corpus."""
    if not CORPUS.is_dir():
        return [ABSENT]
    return sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".html", ".xhtml"))


def listed() -> list[str]:
    """The documents SOURCES.md lists (its table's file column)."""
    text = need("SOURCES.md").read_text("utf-8")
    return re.findall(r"^\|\s*\d+\s*\|\s*([^|\s][^|]*?)\s*\|", text, re.MULTILINE)
