"""Where the shared corpus of real editor documents is (test data only, never copied here).

Looked up in order: $NARRATOR_CORPUS, ../shared/corpus next to this checkout, /work/shared/corpus
(the workplace's copy, for checkouts made elsewhere, such as CI's clean clone).
"""

from __future__ import annotations

import os
from pathlib import Path


def _find() -> Path:
    candidates = [os.environ.get("NARRATOR_CORPUS", ""),
                  Path(__file__).resolve().parents[1].parent / "shared" / "corpus",
                  "/work/shared/corpus"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return Path("/nonexistent/shared/corpus")


CORPUS = _find()
