"""The README's examples run as written: its Python API snippet, in a folder without narrate.toml,
with the embedded engine; the sample files its commands name exist."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def python_snippets() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, re.DOTALL)


@pytest.mark.timeout(600)
def test_the_python_api_snippet_runs_as_written(tmp_path: Path) -> None:
    snippet, = python_snippets()
    shutil.copytree(ROOT / "samples", tmp_path / "samples")  # "from a checkout": its samples
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-c", snippet], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "narrate.toml").exists()
    manifest = json.loads((tmp_path / "build" / "lesson" / "manifest.json").read_text("utf-8"))
    assert manifest["audio"]["format"] == "wav"
    printed = proc.stdout.splitlines()
    assert printed[:-1] == [f"{c['title']} {c['duration']}" for c in manifest["chapters"]]
    assert printed[-1] == "2 lessons, 0 failed"
    course = json.loads((tmp_path / "build" / "course" / "course.json").read_text("utf-8"))
    assert [lesson["status"] for lesson in course["lessons"]] == ["built", "built"]


def test_the_files_the_commands_name_exist() -> None:
    """Every samples/... path in the README's shell examples is in the repository."""
    blocks = [block.replace("\\\n", " ") for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL)]
    commands = [line for block in blocks for line in block.splitlines() if line.startswith("narrate ")]
    named = {word for line in commands for word in shlex.split(line, comments=True)
             if word.startswith("samples/")}
    assert named, commands
    for path in named:
        assert (ROOT / path).exists(), path
    # the lesson of an example is never a file the reader does not have
    assert not [line for line in commands if re.match(r"narrate lesson\.html\b", line)], commands


def test_the_samples_ship_the_images_they_show() -> None:
    from narrator.config import load_config
    from narrator.pipeline import plan

    for sample in sorted((ROOT / "samples").glob("*.html")):
        left_out = [k.reason for k in plan(sample, load_config()).skipped if k.what == "left-out image"]
        assert left_out == [], (sample.name, left_out)
