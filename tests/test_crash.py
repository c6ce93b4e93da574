"""SIGKILL with a chosen number of takes in the cache, then run again: no finished take is asked
for again, the output equals a fresh run from the same takes, no cache entry is corrupt, and no
half-written file ever sits under a final name.

The engine is the IndexTTS2 web UI stand-in answering with audio that differs on every request
(as a sampling model's does), so a rerun that synthesized a take again would show in the request
count and in the bytes. The stand-in holds the request after the chosen take, so the kill lands
at that take count however fast or slow the machine is.
"""

from __future__ import annotations

import functools
import json
import shutil
import signal
import subprocess
import sys
import time
import wave
from collections.abc import Callable
from pathlib import Path

import pytest
from servers.audio import sampled_speech_wav, speech_wav
from servers.indextts2_webui import WebUI, start_webui

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "samples" / "english-lesson.html"


@pytest.fixture(scope="module")
def webui():
    server = start_webui("2", "en_US", sampling=True)
    yield server
    server.release.set()
    server.close()


def start(webui: WebUI, voice: Path, out: Path, cache: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "narrator", str(LESSON), "-o", str(out), "-q",
                             "--server", webui.url, "--voice-file", str(voice),
                             "--format", "wav", "--book", "mp3", "--cache-dir", str(cache)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(proc: subprocess.Popen[bytes]) -> None:
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()


def final_names(out: Path) -> list[Path]:
    """Files under their final names (temporaries, and folders of them, start with a dot)."""
    return [p for p in out.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)]


def final_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in final_names(out)}


def comparable(files: dict[str, bytes]) -> dict[str, bytes]:
    files = dict(files)
    manifest = json.loads(files.pop("manifest.json"))
    manifest.pop("stats")  # how many takes were synthesized or cached differs, by design
    files["manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


def takes(cache: Path) -> list[Path]:
    """Complete cache entries (a temporary starts with a dot)."""
    return [p for p in cache.rglob("*.wav") if not p.name.startswith(".")]


def check_cache(cache: Path) -> None:
    for entry in takes(cache):
        with wave.open(str(entry)) as w:  # raises on a corrupt entry
            frames = w.readframes(w.getnframes())
            assert len(frames) == w.getnframes() * w.getsampwidth() * w.getnchannels()


def asked(webui: WebUI, since: int, until: int | None = None) -> list[tuple]:
    """The takes the stand-in was asked for: text and emotion controls."""
    return [(c["text"], c["method"], tuple(c["vec"]), c["emo_weight"], c["emo_text"])
            for c in webui.recorder.calls[since:until]]


def reached(webui: WebUI, cache: Path, out: Path, n: int, held: int | None, published: str) -> bool:
    """Whether a kill point is reached: a first final file matching ``published`` is in place,
    or else the cache holds ``n`` takes (and, with ``held``, the stand-in has seen more than
    ``held`` requests: the next one is held in flight)."""
    if published:
        return any(p.match(published) for p in final_names(out))
    return len(takes(cache)) >= n and (held is None or len(webui.recorder.calls) > held)


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen[bytes], what: str) -> None:
    """Poll until ``condition()``; fail if narrate exits first (never a timing assertion)."""
    while not condition():
        if proc.poll() is not None:
            _, err = proc.communicate()
            pytest.fail(f"narrate exited ({proc.returncode}) before {what}: {err.decode()}")
        time.sleep(0.02)


def test_the_stand_in_is_not_deterministic() -> None:
    text = "The same sentence, asked for twice."
    assert sampled_speech_wav(text) != sampled_speech_wav(text)


@pytest.mark.timeout(900)
def test_sigkill_at_chosen_take_counts_then_resume(tmp_path: Path, webui: WebUI) -> None:
    voice = tmp_path / "voice.wav"
    voice.write_bytes(speech_wav("This is the teacher's voice."))
    # the number of distinct takes: a first uninterrupted run tells (and warms the stand-in)
    ref_out, ref_cache = tmp_path / "ref", tmp_path / "ref-cache"
    mark = len(webui.recorder.calls)
    finish(start(webui, voice, ref_out, ref_cache))
    total = len(takes(ref_cache))
    assert total >= 12 and len(set(asked(webui, mark))) == len(asked(webui, mark)) == total

    # kill points: n takes stored (and the next one in flight); or every take stored, and then
    # perhaps a first output file matching a pattern in place (the kill lands while the rest
    # are written)
    points = [(1, ""), (total // 2, ""), (total - 1, ""), (total, ""), (total, "*.vtt"),
              (total, "chapters/*.wav")]
    for i, (n, published) in enumerate(points):
        label = f"{n} takes" + (f" and a first {published} in place" if published else "")
        out, cache = tmp_path / f"run{i}", tmp_path / f"cache{i}"
        mark = len(webui.recorder.calls)
        webui.release.clear()
        webui.hold_after = mark + n  # the request after the n-th waits until released
        proc = start(webui, voice, out, cache)
        held = mark + n if n < total else None
        wait_for(functools.partial(reached, webui, cache, out, n, held, published), proc, label)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        webui.hold_after = None
        webui.release.set()  # let the held generation finish (no client is waiting for it)
        stored = len(takes(cache))
        assert stored == n, f"kill at {label}: the cache holds {stored} takes"
        first = asked(webui, mark, mark + n)  # the n finished takes
        assert len(webui.recorder.calls) - mark <= n + 1  # at most one more was in flight
        check_cache(cache)
        visible = final_files(out)
        assert visible or not published

        settle = len(webui.recorder.calls)
        finish(start(webui, voice, out, cache))
        again = asked(webui, settle)
        assert not set(again) & set(first), f"kill at {label}: finished takes asked for again"
        assert len(again) == total - n, f"kill at {label}: {len(again)} requests for {total - n} missing takes"
        assert len(takes(cache)) == total
        check_cache(cache)
        # whatever was visible under a final name was complete: the same takes make the same file
        resumed = final_files(out)
        for name, data in visible.items():
            if name != "manifest.json" and not name.endswith(".jsonl"):
                assert data == resumed[name], f"half-written {name} after the kill at {label}"
        leftovers = [p.name for p in out.rglob(".*")]
        assert not leftovers, f"temporaries left after resuming: {leftovers}"

        # a fresh run from a copy of the same takes makes no request and the same files
        fresh_cache = tmp_path / f"fresh-cache{i}"
        shutil.copytree(cache, fresh_cache)
        settle = len(webui.recorder.calls)
        finish(start(webui, voice, tmp_path / f"fresh{i}", fresh_cache))
        assert len(webui.recorder.calls) == settle, f"kill at {label}: the fresh run asked the engine"
        assert comparable(final_files(out)) == comparable(final_files(tmp_path / f"fresh{i}")), \
            f"kill at {label}: the resumed output differs from a fresh run from the same takes"
