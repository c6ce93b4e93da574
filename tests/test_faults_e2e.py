"""Fault tolerance of the whole `narrate` command, as a user of GPU TTS servers meets it.

Every test runs the real command in a subprocess against fault-injecting loopback servers
(tests/servers/faulty.py) driven through the generic `http` engine, configured the way a user
would in narrate.toml. What is checked is what a user sees: the exit status, the summary on
stderr, errors.jsonl, the files published, the audio in them, and the requests the servers got.

Most tests keep the scheduler's default cool-downs (engine.backoff, probe_after, probes) and keep
the number of consecutive failures small instead (few segments, engine.retries).
"""

from __future__ import annotations

import itertools
import json
import re
import signal
import struct
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path

import pytest
from narrator.util.wavio import mono_wav
from servers.audio import SAMPLE_RATE, speech_wav
from servers.faulty import FaultPlan, FaultyServer, refused_url

LESSON = """<html><head><meta charset="utf-8"><title>Faults</title></head><body>
<h1>Faults</h1>
<h2>Alpha</h2>
<p>The first chapter begins here. It has a second sentence. And a third one follows.</p>
<h2>Bravo</h2>
<p>Bravo is the second chapter. It talks about rivers. Rivers flow to the sea.</p>
<h2>Charlie</h2>
<p>Charlie closes the lesson. Thank you for listening today.</p>
</body></html>
"""
BRAVO_ONLY = "It talks about rivers."  # a sentence of chapter 2 only

CONFIG = """\
[engine]
name = "http"
connect_timeout = 1.0
read_timeout = {read_timeout}
read_timeout_per_char = 0.0
retries = {retries}

[engine.http]
method = "POST"
url = "/tts"
body = "{{{{ text }}}}"
sample_rate = {rate}

[engine.http.headers]
X-Lang = "{{{{ lang }}}}"
X-Emotion = "{{{{ emotion }}}}"
"""


def setup(tmp_path: Path, *, retries: int = 5, read_timeout: float = 1.0,
          html: str = LESSON) -> tuple[Path, Path]:
    """(lesson.html, narrate.toml) in ``tmp_path``."""
    lesson = tmp_path / "lesson.html"
    lesson.write_text(html, encoding="utf-8")
    config = tmp_path / "narrate.toml"
    config.write_text(CONFIG.format(retries=retries, read_timeout=read_timeout, rate=SAMPLE_RATE),
                      encoding="utf-8")
    return lesson, config


def command(lesson: Path, config: Path, out: Path, cache: Path, servers: list[str],
            *extra: str) -> list[str]:
    args = [sys.executable, "-m", "narrator", str(lesson), "-o", str(out), "--config", str(config),
            "--cache-dir", str(cache), "--format", "wav", "--book", "none", "-q", *extra]
    for url in servers:
        args += ["--server", url]
    return args


def narrate(tmp_path: Path, *, servers: list[str], out: str, cache: str = "cache",
            extra: tuple[str, ...] = (), **setup_kw) -> subprocess.CompletedProcess[str]:
    lesson, config = setup(tmp_path, **setup_kw)
    return subprocess.run(command(lesson, config, tmp_path / out, tmp_path / cache, servers, *extra),
                          capture_output=True, text=True, cwd=tmp_path, check=False)


def manifest_of(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text("utf-8"))


def chapter_files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "chapters").glob("*.wav"))}


def summary_lines(stderr: str) -> list[str]:
    """The command's own messages (warnings about servers are separate lines)."""
    return [line for line in stderr.splitlines() if line.startswith("narrate: ")]


def errors_of(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]


def wav_of(frames: bytes) -> bytes:
    """A mono 16-bit WAV at the servers' rate holding ``frames``."""
    return mono_wav(frames, SAMPLE_RATE)


def pcm(path: Path) -> tuple[int, bytes]:
    with wave.open(str(path)) as w:
        return w.getframerate(), w.readframes(w.getnframes())


def plan_segments(lesson: Path) -> list[dict]:
    """The segments the dry run lists (id and text), as a user would see them."""
    dry = subprocess.run([sys.executable, "-m", "narrator", str(lesson), "--dry-run"],
                         capture_output=True, text=True, check=True, cwd=lesson.parent)
    rows = re.findall(r"^\s+(c\d+-s\d+)\s+\S+\s+\S+\s+\+\s*\d+ms  (.*)$", dry.stdout, re.MULTILINE)
    return [{"id": sid, "text": text} for sid, text in rows]


# ---- 1. a flaky fleet gives the same output as a healthy one ---------------------------------

@pytest.mark.timeout(120)
def test_thirty_percent_faults_over_two_servers_give_identical_output(tmp_path: Path) -> None:
    with FaultyServer() as healthy:
        ref = narrate(tmp_path, servers=[healthy.url], out="ref", cache="ref-cache")
    assert ref.returncode == 0, ref.stderr
    reference = chapter_files(tmp_path / "ref")
    ref_manifest = manifest_of(tmp_path / "ref")
    assert len(reference) == 3

    # Seeds chosen so that both servers' first requests mix every kind of fault. A segment is
    # lost only if all its attempts fail: about 0.3 ** retries, so a user expecting this fault
    # rate raises engine.retries (with the default 5, 0.24 % of segments would be lost).
    with FaultyServer(FaultPlan(rate=0.3, seed=28)) as a, FaultyServer(FaultPlan(rate=0.3, seed=4)) as b:
        run = narrate(tmp_path, servers=[a.url, b.url], out="out", cache="cache", retries=10)
        stats_a, stats_b = a.stats(), b.stats()
    assert run.returncode == 0, run.stderr
    faults = stats_a["faults"] + stats_b["faults"]
    assert len(faults) >= 6 and len(set(faults)) >= 5, faults  # the run really met mixed faults
    assert stats_a["ok"] > 0 and stats_b["ok"] > 0  # both servers did work
    assert stats_a["max_in_flight"] == stats_b["max_in_flight"] == 1

    out = tmp_path / "out"
    manifest = manifest_of(out)
    assert not (out / "errors.jsonl").exists()
    assert manifest["stats"]["failed"] == 0
    assert [s["id"] for s in manifest["segments"]] == [s["id"] for s in ref_manifest["segments"]]
    assert all(s["take"] for s in manifest["segments"])
    assert [c["file"] for c in manifest["chapters"]] == [c["file"] for c in ref_manifest["chapters"]]
    published = chapter_files(out)
    assert published.keys() == reference.keys()
    differing = [name for name in reference if published[name] != reference[name]]
    assert not differing, f"not byte-identical to the fault-free run: {differing}"
    for a_seg, r_seg in zip(manifest["segments"], ref_manifest["segments"]):
        assert (a_seg["start"], a_seg["end"], a_seg["take"]) == (r_seg["start"], r_seg["end"], r_seg["take"])


# ---- 2. a server dead for good -------------------------------------------------------------

@pytest.mark.timeout(60)
def test_dead_server_fails_in_bounded_time_with_errors_jsonl(tmp_path: Path) -> None:
    html = "<h1>Dead</h1><p>Nobody will say this sentence.</p>"
    dead = refused_url()
    # a server that has never answered in this run is not there: given up at its first refusal
    # (issue 10), not after minutes of growing waits
    run = narrate(tmp_path, servers=[dead], out="out", retries=2, html=html)
    out = tmp_path / "out"
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr

    errors = errors_of(out)
    planned = plan_segments(tmp_path / "lesson.html")
    assert len(planned) == 2
    assert sorted((e["segment"], e["text"]) for e in errors) == [(s["id"], s["text"]) for s in planned]
    for e in errors:
        assert e["errors"], e
        for err in e["errors"]:  # every attempt's error, each naming the server and the reason
            assert err["server"] in (dead, "")
            assert dead in err["message"] and "connect" in err["message"]
        assert e["errors"][-1]["message"].startswith("no usable server left (")
    assert [len(e["errors"]) for e in errors] == [2, 1]  # the first segment was tried once
    # one line says it all (issue 21): the server, why, and where the segments are listed
    lines = summary_lines(run.stderr)
    assert len(lines) == 1 and run.stderr.splitlines() == lines, run.stderr
    assert dead in lines[0] and "cannot connect" in lines[0] and "errors.jsonl" in lines[0]

    # nothing with a hole is published: no chapter file, no manifest
    assert not (out / "manifest.json").exists()
    assert not list(out.rglob("*.wav"))


@pytest.mark.timeout(60)
def test_dead_indextts2_server_fails_with_errors_jsonl(tmp_path: Path) -> None:
    """The IndexTTS2 engine must ask its server for the layout before any cache key is known. A
    server that refuses connections fails the run at once, naming --wait-for-server; with it,
    narrate keeps asking for that long (a server booting alongside), then gives up."""
    lesson = tmp_path / "lesson.html"
    lesson.write_text(LESSON, encoding="utf-8")  # the default engine: indextts2, given a server
    config = tmp_path / "narrate.toml"  # short cool-downs: the defaults wait minutes for a restart
    config.write_text("[engine]\nbackoff = 0.1\nbackoff_max = 0.2\nprobe_after = 0.1\nprobes = 1\n")
    voice = tmp_path / "teacher.wav"
    voice.write_bytes(speech_wav("This is the voice of the narrator."))
    dead = refused_url()
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "narrator", str(lesson), "-o", str(out), "-q",
                          "--cache-dir", str(tmp_path / "cache"), "--server", dead, "--config", str(config),
                          "--voice-file", str(voice)], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert "asking again" not in run.stderr and "--wait-for-server SECONDS" in run.stderr
    waited = subprocess.run([sys.executable, "-m", "narrator", str(lesson), "-o", str(out), "-q",
                             "--cache-dir", str(tmp_path / "cache"), "--server", dead, "--config",
                             str(config), "--voice-file", str(voice), "--wait-for-server", "1"],
                            capture_output=True, text=True, cwd=tmp_path, check=False)
    assert waited.returncode == 1 and "Traceback" not in waited.stderr, waited.stderr
    assert waited.stderr.count("asking again") >= 1
    lines = summary_lines(run.stderr)
    assert len(lines) == 1 and dead in lines[0] and "cannot connect" in lines[0], run.stderr
    planned = plan_segments(lesson)
    errors = errors_of(out)
    assert [(e["segment"], e["text"]) for e in errors] == [(s["id"], s["text"]) for s in planned]
    for e in errors:
        assert e["errors"] and all(err["server"] == dead and "cannot connect" in err["message"]
                                   for err in e["errors"]), e
    assert not (out / "manifest.json").exists() and not list(out.rglob("*.wav"))


# ---- 3. failures confined to one chapter; gaps on request; a rerun resumes -----------------

_BLIPS = itertools.count(1)


def _bravo_fails(text: str, lang: str) -> bytes:
    """A server whose model breaks on one sentence: it answers a blip far too short for it, a
    different one each time, as a sampling model does (the same bytes twice would fail the
    sentence at once: see test_synth)."""
    if text == BRAVO_ONLY:
        return wav_of(struct.pack("<h", next(_BLIPS)) * (SAMPLE_RATE // 100))  # a valid WAV of 10 ms
    return speech_wav(text, lang)


@pytest.mark.timeout(120)
def test_failed_chapter_is_withheld_published_with_gaps_then_resumed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with FaultyServer(audio=_bravo_fails) as broken:
        first = narrate(tmp_path, servers=[broken.url], out="out", retries=3)
        asked = list(broken.requests)
    assert first.returncode == 1, first.stderr
    assert asked.count(BRAVO_ONLY) == 3  # every attempt made, no more
    planned = plan_segments(tmp_path / "lesson.html")
    failed_id = next(s["id"] for s in planned if s["text"] == BRAVO_ONLY)
    assert failed_id.startswith("c02-")

    manifest = manifest_of(out)
    assert [c["index"] for c in manifest["chapters"]] == [1, 3]
    assert {s["chapter"] for s in manifest["segments"]} == {1, 3}
    files = sorted(p.name for p in (out / "chapters").glob("*.wav"))
    assert files == sorted(Path(c["file"]).name for c in manifest["chapters"])
    assert not any(p.name.startswith("02") for p in (out / "chapters").iterdir())  # nor its captions
    errors = errors_of(out)
    assert [(e["segment"], e["text"]) for e in errors] == [(failed_id, BRAVO_ONLY)]
    assert len(errors[0]["errors"]) == 3 and all("too short" in e["message"] for e in errors[0]["errors"])
    lines = summary_lines(first.stderr)
    assert len(lines) == 1 and failed_id in lines[0], first.stderr
    assert f"{failed_id}: " in lines[0] and "too short" in lines[0]  # why, not only in errors.jsonl

    # --allow-gaps: chapter 2 is published too, silent where the failed sentence would be
    with FaultyServer(audio=_bravo_fails) as broken:
        gaps = narrate(tmp_path, servers=[broken.url], out="out", retries=3, extra=("--allow-gaps",))
        asked = list(broken.requests)
    assert gaps.returncode == 1, gaps.stderr  # a segment still failed
    assert asked == [BRAVO_ONLY] * 3  # the other takes came from the cache
    manifest = manifest_of(out)
    assert [c["index"] for c in manifest["chapters"]] == [1, 2, 3]
    hole = next(s for s in manifest["segments"] if s["id"] == failed_id)
    assert hole["take"] is None and hole["end"] > hole["start"]
    chapter2 = next(c for c in manifest["chapters"] if c["index"] == 2)
    rate, frames = pcm(out / chapter2["file"])
    lo, hi = round(hole["start"] * rate) * 2, round(hole["end"] * rate) * 2
    assert hi - lo > 0.2 * rate * 2 and frames[lo:hi] == bytes(hi - lo)
    assert [e["segment"] for e in errors_of(out)] == [failed_id]
    gap_file = out / chapter2["file"]

    # without the flag again, the chapter with the hole is withdrawn, not left behind
    with FaultyServer(audio=_bravo_fails) as broken:
        strict = narrate(tmp_path, servers=[broken.url], out="out", retries=3)
    assert strict.returncode == 1, strict.stderr
    assert [c["index"] for c in manifest_of(out)["chapters"]] == [1, 3]
    assert not gap_file.exists()
    assert not any(p.name.startswith("02") for p in (out / "chapters").iterdir())
    assert sorted(p.name for p in (out / "chapters").glob("*.wav")) == files

    # the server is fixed: a rerun synthesizes only the missing sentence
    with FaultyServer() as healthy:
        again = narrate(tmp_path, servers=[healthy.url], out="out", retries=3)
        asked = list(healthy.requests)
    assert again.returncode == 0, again.stderr
    assert asked == [BRAVO_ONLY]
    manifest = manifest_of(out)
    assert [c["index"] for c in manifest["chapters"]] == [1, 2, 3]
    assert [s["id"] for s in manifest["segments"]] == [s["id"] for s in planned]
    assert all(s["take"] for s in manifest["segments"])
    assert manifest["stats"]["failed"] == 0
    assert not (out / "errors.jsonl").exists()
    assert len(list((out / "chapters").glob("*.wav"))) == 3


# ---- 4. Ctrl-C ----------------------------------------------------------------------------

@pytest.mark.timeout(120)
def test_ctrl_c_stops_cleanly_and_the_rerun_resumes(tmp_path: Path) -> None:
    release = threading.Event()
    served: list[str] = []

    def slow(text: str, lang: str) -> bytes:
        if len(served) >= 3:  # the GPU is busy with the fourth sentence when the user presses Ctrl-C
            release.wait(30)
        served.append(text)
        return speech_wav(text, lang)

    lesson, config = setup(tmp_path, read_timeout=60.0)
    out, cache = tmp_path / "out", tmp_path / "cache"
    with FaultyServer(audio=slow) as server:
        proc = subprocess.Popen(command(lesson, config, out, cache, [server.url]),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
        try:
            deadline = time.monotonic() + 60
            while len(server.requests) < 4 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)  # polling for the fourth request to arrive
            assert len(server.requests) == 4, proc.stderr.read() if proc.poll() is not None else ""
            proc.send_signal(signal.SIGINT)
            _, stderr = proc.communicate(timeout=30)
        finally:
            release.set()
            if proc.poll() is None:
                proc.kill()
        first = list(server.requests)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    lines = summary_lines(stderr)
    assert len(lines) == 1, stderr
    assert "interrupted" in lines[0] and "run the same command again" in lines[0], stderr
    assert not (out / "manifest.json").exists()
    leftovers = [*out.rglob(".*"), *cache.rglob(".*")]
    assert not leftovers, leftovers  # nothing half-written

    with FaultyServer() as server:
        again = subprocess.run(command(lesson, config, out, cache, [server.url]),
                               capture_output=True, text=True, cwd=tmp_path, check=False)
        second = list(server.requests)
    assert again.returncode == 0, again.stderr
    made = first[:3]  # answered before Ctrl-C: their takes are in the cache
    assert not set(made) & set(second), (made, second)
    planned = plan_segments(lesson)
    assert sorted(second) == sorted({s["text"] for s in planned} - set(made))
    assert [s["id"] for s in manifest_of(out)["segments"]] == [s["id"] for s in planned]


@pytest.mark.timeout(120)
def test_a_server_booting_alongside_is_waited_for_when_asked(tmp_path: Path) -> None:
    """--wait-for-server: refusals from a server that has not answered yet are not failures of
    the sentences (no attempts used up) until the time is over."""
    url = refused_url()
    lesson, config = setup(tmp_path, retries=2)
    server = FaultyServer()
    server.port = int(url.rsplit(":", 1)[1])
    proc = subprocess.Popen(command(lesson, config, tmp_path / "out", tmp_path / "cache", [url],
                                    "--wait-for-server", "60"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    time.sleep(3.0)  # the server comes up after narrate has started asking
    server.start()
    try:
        _, err = proc.communicate(timeout=100)
    finally:
        server.stop()
    assert proc.returncode == 0, err
    planned = plan_segments(lesson)
    assert [s["text"] for s in manifest_of(tmp_path / "out")["segments"]] == [s["text"] for s in planned]
    assert server.ok == len({s["text"] for s in planned})
