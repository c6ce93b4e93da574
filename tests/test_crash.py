"""SIGKILL at random moments, then run again: the output is byte-identical to an uninterrupted run,
no cache entry is corrupt, and no half-written file ever sits under a final name."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "samples" / "english-lesson.html"


def start(out: Path, cache: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "narrator", str(LESSON), "-o", str(out), "-q",
                             "--format", "wav", "--book", "mp3", "--cache-dir", str(cache)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def final_files(out: Path) -> dict[str, bytes]:
    """Files under their final names (temporaries start with a dot)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)}


def comparable(files: dict[str, bytes]) -> dict[str, bytes]:
    manifest = json.loads(files.pop("manifest.json"))
    manifest.pop("stats")
    files["manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


def check_cache(cache: Path) -> None:
    for entry in cache.rglob("*"):
        if entry.is_file() and not entry.name.startswith("."):
            with wave.open(str(entry)) as w:  # raises on a corrupt entry
                frames = w.readframes(w.getnframes())
                assert len(frames) == w.getnframes() * w.getsampwidth() * w.getnchannels()


@pytest.mark.timeout(900)
def test_sigkill_at_random_points_then_resume(tmp_path: Path) -> None:
    t0 = time.monotonic()
    ref = start(tmp_path / "ref", tmp_path / "ref-cache")
    assert ref.wait() == 0, ref.stderr.read().decode()  # type: ignore[union-attr]
    total = time.monotonic() - t0
    reference = final_files(tmp_path / "ref")
    assert any(name.endswith(".wav") for name in reference)

    rng = random.Random(20261124)
    points = sorted(rng.uniform(0.15, 0.95) * total for _ in range(4))
    for n, delay in enumerate(points):
        out, cache = tmp_path / f"run{n}", tmp_path / f"cache{n}"
        proc = start(out, cache)
        time.sleep(delay)  # the moment to kill, not a wait for the engine
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # whatever is visible under a final name is complete
        for name, data in final_files(out).items():
            if name in reference and name != "manifest.json" and not name.endswith(".jsonl"):
                assert data == reference[name], f"half-written {name} after kill at {delay:.2f}s"
        check_cache(cache)
        again = start(out, cache)
        assert again.wait() == 0, again.stderr.read().decode()  # type: ignore[union-attr]
        assert comparable(final_files(out)) == comparable(dict(reference)), f"kill at {delay:.2f}s"
        check_cache(cache)
        leftovers = [p.name for p in out.rglob(".*")]
        assert not leftovers, f"temporaries left after resuming: {leftovers}"
