"""A private copy of the checkout as it is now (uncommitted work included), for the tools that
change files to test them (tools/mutation.py, tests/mutants.py): the working tree is never touched."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def copy_checkout(dest: Path, folders: tuple[str, ...] = ("narrator", "tests", "samples", "benchmarks")) -> None:
    """Copy ``folders``, pyproject.toml and README.md into ``dest``, without caches or narrations;
    the Node packages the browser tests use are linked, not copied (hundreds of megabytes)."""
    skip = shutil.ignore_patterns("__pycache__", ".node", "node_modules", "*.pyc", "*.narration")
    for name in folders:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name, ignore=skip, symlinks=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    for big in ("tests/.node", "tests/node_modules"):
        if (ROOT / big).exists():
            os.symlink(ROOT / big, dest / big)
