"""Shared fixtures (keep generic: other test files use them too)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium for browser tests; skipped when it is not installed, except in CI
    (.ci/run sets NARRATOR_REQUIRE_BROWSER), where a missing browser is a failure."""
    if not CHROMIUM.is_file():
        message = "needs a headless Chromium at /usr/bin/chromium (Debian package `chromium`)"
        if os.environ.get("NARRATOR_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM
