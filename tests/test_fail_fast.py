"""A server that cannot become a speech server by being asked again is out of the run at once
(issue 21): an answer such as 404, 405, 401 or 501, or a page instead of audio from the first
answer on. Passing faults (503) are still retried. Every test runs the real `narrate` command
against real loopback servers, for each HTTP engine a user can point at the wrong server, and
counts the requests those servers got; none looks at a clock.

The cool-downs are short (narrate.toml), so a server retried as a failing one would be asked
again and again within the run (3 failures and 5 probes, up to 10 attempts per sentence) and
its request count would show it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from servers import RecordingServer, Reply, Request
from servers.audio import speech_wav
from servers.faulty import refused_url
from servers.openai_server import start_openai
from servers.static import StaticServer
from servers.vllm_server import VOICE_PATH, start_vllm

LESSON = """<html><head><meta charset="utf-8"><title>Fail fast</title></head><body>
<h1>Fail fast</h1>
<h2>Alpha</h2><p>The first sentence is here. A second sentence follows it.</p>
<h2>Bravo</h2><p>The second chapter has one sentence.</p>
</body></html>
"""

CONFIG = """\
[engine]
retries = 10
backoff = 0.01
backoff_max = 0.02
probe_after = 0.01
probes = 5
"""

# engine -> (the path it posts to, its narrate.toml section)
ENGINES = {
    "openai": ("/v1/audio/speech", ""),
    "http": ("/tts", '[engine.http]\nurl = "/tts"\njson = { text = "{{ text }}" }\n'),
    "indextts2-vllm": ("/tts_url", f'[engine.indextts2-vllm]\nspk_audio_path = "{VOICE_PATH}"\n'),
}
HOPELESS_PAGE = b"<!DOCTYPE html><html><body><h1>My home page</h1></body></html>"


def narrate(tmp_path: Path, engine: str, servers: list[str], *extra: str) -> subprocess.CompletedProcess[str]:
    """Run `narrate` on the lesson with ``engine`` at ``servers`` (no API key in its environment)."""
    lesson = tmp_path / "lesson.html"
    lesson.write_text(LESSON, encoding="utf-8")
    config = tmp_path / "narrate.toml"
    config.write_text(CONFIG + ENGINES[engine][1], encoding="utf-8")
    args = [sys.executable, "-m", "narrator", str(lesson), "-o", str(tmp_path / "out"), "--config", str(config),
            "--cache-dir", str(tmp_path / "cache"), "--format", "wav", "--book", "none",
            "--engine", engine, *extra]
    for url in servers:
        args += ["--server", url]
    env = {k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"}
    return subprocess.run(args, capture_output=True, text=True, cwd=tmp_path, env=env, check=False)


def planned(tmp_path: Path) -> int:
    """How many segments the lesson has (from the dry run)."""
    lesson = tmp_path / "plan.html"
    lesson.write_text(LESSON, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "narrator", str(lesson), "--dry-run"],
                         capture_output=True, text=True, check=True)
    return sum(1 for line in run.stdout.splitlines() if line.strip().startswith("c0"))


def one_error_line(run: subprocess.CompletedProcess[str]) -> str:
    """The run failed with exactly one line on stderr (run with -q), a `narrate:` line."""
    assert run.returncode == 1, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("narrate: "), run.stderr
    return lines[0]


def audio_handler(key: str) -> Callable[[RecordingServer, Request], Reply]:
    """A route answering speech for the text in the JSON field ``key``."""
    return lambda server, req: Reply.wav(speech_wav(req.json[key], "en"))


def speech_server(engine: str, delay: float = 0.0) -> RecordingServer:
    """A working server for ``engine`` (``delay``: seconds of work per request)."""
    if engine == "openai":
        return start_openai(api_key=None, delay=delay)
    if engine == "indextts2-vllm":
        return start_vllm(delay=delay)
    return RecordingServer({("POST", "/tts"): audio_handler("text")}, delay=delay)


@pytest.fixture()
def static(tmp_path: Path) -> Iterator[StaticServer]:
    """`python -m http.server` on a folder holding a home page."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(HOPELESS_PAGE)
    with StaticServer(site) as server:
        yield server


@pytest.mark.parametrize("engine", list(ENGINES))
def test_a_static_file_server_answering_501_is_out_at_its_first_answer(tmp_path: Path, static: StaticServer,
                                                                         engine: str) -> None:
    run = narrate(tmp_path, engine, [static.url], "-q")
    assert 1 <= static.count("POST") <= 2, run.stderr  # never the retry budget
    line = one_error_line(run)
    assert static.url in line and "501" in line and ENGINES[engine][0] in line, line
    assert "errors.jsonl" in line
    errors = [json.loads(x) for x in (tmp_path / "out" / "errors.jsonl").read_text("utf-8").splitlines()]
    assert len(errors) == planned(tmp_path)  # every segment listed, each with its reason
    assert all("501" in e["errors"][-1]["message"] for e in errors)
    assert not (tmp_path / "out" / "manifest.json").exists()


def _status(status: int) -> Callable[[RecordingServer, Request], Reply]:
    return lambda server, req: Reply.json({"error": {"message": f"stand-in answers {status}"}}, status)


@pytest.mark.parametrize("engine", list(ENGINES))
@pytest.mark.parametrize("status", [404, 405, 401, 400])
def test_answers_that_asking_again_cannot_change_take_the_server_out_at_once(
        tmp_path: Path, engine: str, status: int) -> None:
    path = ENGINES[engine][0]
    routes = {} if status == 404 else {("POST", path): _status(status)}  # 404: no such route
    with RecordingServer(routes) as server:
        run = narrate(tmp_path, engine, [server.url], "-q")
        seen = len(server.requests)
    assert 1 <= seen <= 2, run.stderr
    line = one_error_line(run)
    assert server.url in line and f"HTTP {status}" in line and path in line, line
    if status == 401:
        assert "credentials" in line


@pytest.mark.parametrize("engine", list(ENGINES))
@pytest.mark.parametrize("ctype", ["text/html", "application/json"])
def test_a_page_instead_of_audio_from_the_first_answer_is_out_at_once(tmp_path: Path, engine: str,
                                                                     ctype: str) -> None:
    body = HOPELESS_PAGE if ctype == "text/html" else b'{"status": "ok", "message": "hello"}'
    with RecordingServer({("POST", ENGINES[engine][0]): lambda s, r: Reply(200, body, ctype)}) as server:
        run = narrate(tmp_path, engine, [server.url], "-q")
        seen = len(server.requests)
    assert 1 <= seen <= 2, run.stderr
    line = one_error_line(run)
    assert server.url in line and ctype in line and "not audio" in line, line


def test_a_refused_server_is_one_line_and_debug_shows_more(tmp_path: Path) -> None:
    """Issue 21, item 11: `--engine openai` at a port where nothing listens printed five lines
    (a warning, progress, a line per chapter skipped, the error)."""
    url = refused_url()
    run = narrate(tmp_path, "openai", [url])  # not quiet: progress lines may show, nothing else
    assert run.returncode == 1, run.stderr
    other = [x for x in run.stderr.splitlines() if not x.startswith("synthesize: ")]
    assert len(other) == 1 and other[0].startswith("narrate: "), run.stderr
    assert url in other[0] and "cannot connect" in other[0] and "--wait-for-server" in other[0]
    debug = narrate(tmp_path, "openai", [url], "-q", "--debug")
    assert debug.returncode == 1 and other[0] in debug.stderr.splitlines(), debug.stderr
    assert "Traceback" in debug.stderr and len(debug.stderr.splitlines()) > 1


@pytest.mark.parametrize("engine", list(ENGINES))
def test_a_hopeless_server_among_good_ones_is_left_and_the_run_goes_on(tmp_path: Path, static: StaticServer,
                                                                      engine: str) -> None:
    # the good server works a while on each sentence, so the static one is asked for one too
    with speech_server(engine, delay=0.1) as good:
        run = narrate(tmp_path, engine, [static.url, good.url], "-q")
        made = good.count("POST", ENGINES[engine][0])
    assert run.returncode == 0, run.stderr
    assert static.count("POST") == 1  # its first answer took it out; the sentence went elsewhere
    assert f"warning: {static.url}: taken out of this run" in run.stderr and "501" in run.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert manifest["stats"]["failed"] == 0
    assert made == manifest["stats"]["synthesized"] == len(manifest["segments"])


@pytest.mark.parametrize("engine", list(ENGINES))
def test_503_is_still_retried_until_the_server_recovers(tmp_path: Path, engine: str) -> None:
    with speech_server(engine) as server:
        server.fail_status, server.fail_next = 503, 3  # queue full for three requests
        run = narrate(tmp_path, engine, [server.url], "-q")
        seen = server.count("POST", ENGINES[engine][0])
    assert run.returncode == 0, run.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    made = manifest["stats"]["synthesized"]
    assert made == len(manifest["segments"]) and manifest["stats"]["failed"] == 0
    assert seen == made + 3  # each 503 asked again, on the same (only) server
