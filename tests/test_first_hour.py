"""Rough edges a new user meets in the first hour (issue 21 item 11), each through a real run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def narrate(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`narrate` as a user runs it, its stderr a pipe (plain progress lines, no terminal)."""
    return subprocess.run([sys.executable, "-m", "narrator", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env=dict(os.environ, XDG_CACHE_HOME=str(cwd / "xdg")))


def progress_lines(stderr: str) -> dict[str, list[tuple[int, int]]]:
    """stage -> its (done, total) lines, in order."""
    stages: dict[str, list[tuple[int, int]]] = {}
    for stage, done, total in re.findall(r"^(\w+): (\d+)/(\d+)(?:,|$)", stderr, re.MULTILINE):
        stages.setdefault(stage, []).append((int(done), int(total)))
    return stages


def test_every_stage_shows_one_total_from_its_first_line_to_its_last(tmp_path: Path) -> None:
    run = narrate(SAMPLES / "english-lesson.html", "-o", tmp_path / "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    stages = progress_lines(run.stderr)
    assert {"synthesize", "assemble", "publish"} <= set(stages), run.stderr
    for stage, lines in stages.items():
        assert len({total for _, total in lines}) == 1, (stage, lines)
        assert lines[-1][0] == lines[-1][1], (stage, lines)  # it ends at its total
        assert [done for done, _ in lines] == sorted(done for done, _ in lines), (stage, lines)
