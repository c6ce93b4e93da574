"""The take cache: identity, atomic writes (even under SIGKILL), corrupt entries, prune, stats."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import tempfile
import sys
import time
import wave
from pathlib import Path

from narrator.synthesis.cache import Cache


def wav(seconds: float, value: int = 1) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(22050)
        w.writeframes(bytes([value % 256, 0]) * int(seconds * 22050))
    return buf.getvalue()


def files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_key_is_sha256_of_exactly_four_values():
    k = Cache.key("fp", {"pitch": 50, "rate": 175}, "你好。", 22050)
    assert len(k) == 64 and int(k, 16) >= 0
    assert k == Cache.key("fp", {"rate": 175, "pitch": 50}, "你好。", 22050)  # canonical
    others = {Cache.key("fp2", {"pitch": 50, "rate": 175}, "你好。", 22050),
              Cache.key("fp", {"pitch": 51, "rate": 175}, "你好。", 22050),
              Cache.key("fp", {"pitch": 50, "rate": 175}, "你好！", 22050),
              Cache.key("fp", {"pitch": 50, "rate": 175}, "你好。", 24000)}
    assert len(others) == 4 and k not in others


def test_put_get_roundtrip_layout_and_no_temp_files(tmp_path):
    cache = Cache(tmp_path)
    key = Cache.key("fp", {}, "Hello.", 22050)
    assert cache.get(key) is None
    data = wav(1.0)
    path = cache.put(key, data)
    assert path == tmp_path / key[:2] / f"{key}.wav"
    assert cache.get(key) == path and path.read_bytes() == data
    assert files(tmp_path) == [path]  # no temporary file left behind
    assert cache.stats() == (1, len(data))


def test_half_written_temp_file_is_not_an_entry(tmp_path):
    cache = Cache(tmp_path)
    key = Cache.key("fp", {}, "Hello.", 22050)
    fan = tmp_path / key[:2]
    fan.mkdir()
    (fan / ".tmp-abc.part").write_bytes(wav(2.0)[:5000])  # what a killed put() leaves
    assert cache.get(key) is None
    assert cache.stats() == (0, 0)
    old = time.time() - 7200
    os.utime(fan / ".tmp-abc.part", (old, old))
    cache.prune(older_than=1e9)
    assert not (fan / ".tmp-abc.part").exists()  # stale leftovers are cleaned up


def test_entries_survive_sigkill_whole_or_not_at_all(tmp_path):
    # a writer process putting large takes is killed mid-run; every visible entry must be complete
    script = f"""
import io, sys, wave
sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
from narrator.synthesis.cache import Cache
cache = Cache({str(tmp_path)!r})
for i in range(10_000):
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050)
        w.writeframes(bytes([i % 256, 0]) * 22050 * 30)
    cache.put(Cache.key("fp", {{}}, str(i), 22050), buf.getvalue())
    print(i, flush=True)
"""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for _ in range(5):
        proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    cache = Cache(tmp_path)
    entries, _ = cache.stats()
    assert entries >= 5
    for i in range(entries + 2):
        path = cache.get(Cache.key("fp", {}, str(i), 22050))
        if path is not None:
            assert path.read_bytes() == wav(30.0, i)


def test_corrupt_entry_is_treated_as_missing_and_removed(tmp_path):
    cache = Cache(tmp_path)
    key = Cache.key("fp", {}, "Hello.", 22050)
    path = cache.put(key, wav(2.0))
    path.write_bytes(path.read_bytes()[:3000])  # truncated behind the cache's back
    assert cache.get(key) is None
    assert not path.exists()
    path.write_bytes(b"<html>not audio</html>")
    assert cache.get(key) is None and not path.exists()


def test_get_marks_entry_used(tmp_path):
    cache = Cache(tmp_path)
    key = Cache.key("fp", {}, "Hello.", 22050)
    path = cache.put(key, wav(1.0))
    old = time.time() - 10 * 86400
    os.utime(path, (old, old))
    cache.get(key)
    assert path.stat().st_mtime > old + 86400
    assert cache.prune(older_than=86400) == (0, 0)


def test_prune_by_keep_set_and_age(tmp_path):
    cache = Cache(tmp_path)
    keys = [Cache.key("fp", {}, f"text {i}", 22050) for i in range(6)]
    sizes = {k: len(cache.put(k, wav(0.5 + i * 0.1)).read_bytes()) for i, k in enumerate(keys)}
    old = time.time() - 3 * 86400
    for k in keys[:3]:
        os.utime(cache.path(k), (old, old))
    assert cache.prune() == (0, 0)  # no criterion: nothing goes
    # old and not kept: only keys[0] (keys[1] is kept, keys[2]... also old and not kept)
    removed = cache.prune(keep={keys[1]}, older_than=86400)
    assert removed == (2, sizes[keys[0]] + sizes[keys[2]])
    assert [cache.get(k) is not None for k in keys] == [False, True, False, True, True, True]
    removed = cache.prune(keep={keys[3]})
    assert removed == (3, sizes[keys[1]] + sizes[keys[4]] + sizes[keys[5]])
    assert cache.stats() == (1, sizes[keys[3]])
    assert cache.prune(keep=set()) == (1, sizes[keys[3]])
    assert cache.stats() == (0, 0)


def test_stats_and_prune_on_missing_root(tmp_path):
    cache = Cache(tmp_path / "nowhere")
    assert cache.stats() == (0, 0)
    assert cache.prune(keep=set()) == (0, 0)


def test_key_holds_language_params_only_when_an_engine_uses_the_language():
    import hashlib
    import json

    old = hashlib.sha256(json.dumps(["fp", {"pitch": 50}, "Paris.", 22050], sort_keys=True,
                                    separators=(",", ":")).encode()).hexdigest()
    assert Cache.key("fp", {"pitch": 50}, "Paris.", 22050) == old
    assert Cache.key("fp", {"pitch": 50}, "Paris.", 22050, {}) == old  # engines ignoring lang
    fr = Cache.key("fp", {"pitch": 50}, "Paris.", 22050, {"voices": ["cmn", "fr"]})
    en = Cache.key("fp", {"pitch": 50}, "Paris.", 22050, {"voices": ["cmn", "en-US"]})
    assert len({old, fr, en}) == 3


def test_entries_are_readable_like_normal_files(tmp_path):
    from narrator.util.atomic import _MODE

    path = Cache(tmp_path).put(Cache.key("fp", {}, "Shared.", 22050), wav(0.5))
    assert path.stat().st_mode & 0o777 == _MODE  # the umask applies, not mkstemp's 0600


ROOT = Path(__file__).resolve().parents[1]


def unprivileged() -> list[str]:
    """A command prefix under which file permissions apply (root's capabilities dropped)."""
    if os.geteuid() != 0:
        return []
    if not Path("/usr/bin/setpriv").exists():
        import pytest

        pytest.skip("needs setpriv to drop root's capabilities")
    return ["/usr/bin/setpriv", "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all", "--"]


def test_unreadable_entry_is_a_miss_and_is_never_removed(tmp_path):
    cache = Cache(tmp_path)
    key = Cache.key("fp", {}, "Someone else's take.", 22050)
    path = cache.put(key, wav(1.0))
    path.chmod(0)  # e.g. written by another user with a strict umask
    code = (f"from narrator.synthesis.cache import Cache\n"
            f"assert Cache({str(tmp_path)!r}).get({key!r}) is None\n")
    proc = subprocess.run([*unprivileged(), sys.executable, "-c", code], cwd=ROOT, check=False,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert path.exists()
    loop = cache.path(Cache.key("fp", {}, "A loop.", 22050))
    loop.parent.mkdir(exist_ok=True)
    loop.symlink_to(loop.name)  # ELOOP: an OSError that says nothing about the entry's content
    assert cache.get(Cache.key("fp", {}, "A loop.", 22050)) is None
    assert loop.is_symlink()


def narrate_cache(*args: str) -> subprocess.CompletedProcess[str]:
    # an empty folder as cwd: a narrate.toml the user keeps in the checkout must not matter
    empty = tempfile.mkdtemp(prefix="narrate-cache-cwd-")
    os.chmod(empty, 0o755)  # readable without root's capabilities
    return subprocess.run([*unprivileged(), sys.executable, "-m", "narrator", "cache", *args],
                          cwd=empty, capture_output=True, text=True, timeout=60, check=False)


def test_cache_command_on_a_file_or_unreadable_folder_is_one_line(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    proc = narrate_cache("--cache-dir", str(afile))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr == f"narrate: {afile}: cannot read the take cache (Not a directory)\n"
    locked = tmp_path / "locked"
    Cache(locked).put(Cache.key("fp", {}, "Hello.", 22050), wav(0.5))
    locked.chmod(0)
    try:
        proc = narrate_cache("--cache-dir", str(locked), "--prune", "--older-than", "0")
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr == f"narrate: {locked}: cannot read the take cache (Permission denied)\n"
