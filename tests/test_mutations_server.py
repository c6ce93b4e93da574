"""`narrate serve` against the bugs issue 26 found the suite did not notice: each test here fails
on one hand-made mutation of the server (listed in tests/mutants.toml) and passes on the code as it
is. The real server process on loopback; the IndexTTS2 web UI stand-in holds its generations on an
event where a test needs a job to stay running or queued; requests that ``requests`` would
normalise (``../``) or re-frame (chunked bodies) are sent raw with http.client."""

from __future__ import annotations

import http.client
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from narrator._version import __version__
from narrator.server.store import JobStore
from servers.audio import speech_wav
from servers.indextts2_webui import WebUI, start_webui
from servers.jobserver import JobServer

pytestmark = pytest.mark.slow

SENTENCES = [f"Sentence number {w} of the held lesson." for w in
             "one two three four five six seven eight nine ten eleven twelve".split()]


def lesson(word: str, n: int = 2) -> tuple[str, list[str]]:
    texts = [f"Lesson {word} says line {i} here." for i in ("one", "two", "three", "four")[:n]]
    return "<p>" + " ".join(texts) + "</p>", texts


@pytest.fixture(scope="module")
def voice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("voice") / "teacher.wav"
    path.write_bytes(speech_wav("This is the voice of the teacher."))
    return path


@pytest.fixture
def webui() -> Iterator[WebUI]:
    server = start_webui("2", "en_US")
    yield server
    server.release.set()
    server.close()


def webui_server(tmp_path: Path, webui: WebUI, voice: Path, *extra: str) -> JobServer:
    return JobServer(tmp_path, "--server", webui.url, "--voice-file", str(voice), "-f", "wav",
                     "--book", "none", *extra)


def until(what: str, check, timeout: float = 120.0):  # type: ignore[no-untyped-def]
    """``check()`` once it is truthy (an event polled for), or AssertionError naming ``what``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"not seen within {timeout} s: {what}")


def status(server: JobServer, job_id: str) -> str:
    return server.get(f"/api/narrations/{job_id}").json()["status"]


def raw_get(server: JobServer, path: str) -> tuple[int, bytes]:
    """GET ``path`` exactly as written (http.client sends ``../`` and ``%2e`` untouched)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


# ---- the token, for every method -------------------------------------------------------------------

def test_delete_needs_the_token_and_changes_nothing_without_it(tmp_path: Path) -> None:
    with JobServer(tmp_path) as server:
        other = server.add_token("other-site")  # a real token, not this narration's owner
        r = server.post({"html": "<p>Plants need light to grow.</p>"})
        job_id = r.json()["id"]
        assert server.wait(job_id)["status"] == "done"
        url = f"{server.url}/api/narrations/{job_id}"
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": server.token},
                        {"Authorization": f"Basic {server.token}"}):
            refused = requests.delete(url, headers=headers, timeout=10)
            assert refused.status_code == 401, (headers, refused.status_code, refused.text)
            assert refused.headers["www-authenticate"] == "Bearer"
        foreign = requests.delete(url, headers={"Authorization": f"Bearer {other}"}, timeout=10)
        assert foreign.status_code == 404
        # nothing happened: the narration and its files are all still there
        assert server.get(f"/api/narrations/{job_id}").json()["status"] == "done"
        assert requests.get(f"{server.url}/n/{job_id}/manifest.json", timeout=10).status_code == 200
        assert (server.data / "narrations" / job_id / "narration" / "manifest.json").is_file()


# ---- the size limit, whatever the framing ------------------------------------------------------------

def test_a_chunked_body_without_length_is_held_to_the_limit(tmp_path: Path) -> None:
    limit = int(0.05 * 1024 * 1024)
    with JobServer(tmp_path, "--max-body", "0.05") as server:
        # a valid submission padded with JSON whitespace past the limit: only the size is wrong
        body = b'{"html": "<p>A lesson sent in chunks.</p>"' + b" " * (limit + 4096) + b"}"
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        conn.putrequest("POST", "/api/narrations")
        conn.putheader("Authorization", f"Bearer {server.token}")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        step = 8192
        try:
            for i in range(0, len(body), step):
                part = body[i:i + step]
                conn.send(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            conn.send(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused before the end: the answer is already waiting
        r = conn.getresponse()
        answer = json.loads(r.read())
        conn.close()
        assert r.status == 413, answer
        assert str(limit) in answer["error"]
        assert server.get("/api/narrations").json()["narrations"] == []
        folder = server.data / "narrations"
        assert not folder.is_dir() or not any(folder.iterdir())

        # the same lesson within the limit, chunked too, is taken: the refusal was the size
        small = b'{"html": "<p>A lesson sent in chunks.</p>"}'
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        conn.request("POST", "/api/narrations", body=iter([small[:10], small[10:]]),
                     headers={"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"},
                     encode_chunked=True)
        ok = conn.getresponse()
        assert ok.status == 202, ok.read()
        conn.close()


# ---- containment, with paths as an attacker sends them -------------------------------------------------

def test_raw_and_encoded_traversal_never_reaches_files_that_exist(tmp_path: Path) -> None:
    app_py = (Path(__file__).resolve().parents[1] / "narrator" / "server" / "app.py").read_bytes()
    with JobServer(tmp_path) as server:
        job_id = server.post({"title": "Plants", "html": "<p>Plants need light.</p>"}).json()["id"]
        assert server.wait(job_id)["status"] == "done"
        tokens = (server.data / "tokens").read_bytes()
        sources = list((server.data / "narrations" / job_id / "source").iterdir())
        assert len(sources) == 1 and (server.data / "tokens").is_file()
        source = sources[0]
        # the routes are reached: the same requests without the climb are answered
        assert raw_get(server, f"/n/{job_id}/manifest.json")[0] == 200
        assert raw_get(server, "/editor/tinymce/narrate.js")[0] == 200
        climbs = [  # each names a file that exists: data/tokens, the job's source, server/app.py
            f"/n/{job_id}/../../../tokens", f"/n/{job_id}/%2e%2e/%2e%2e/%2e%2e/tokens",
            f"/n/{job_id}/..%2f..%2f..%2ftokens", f"/n/{job_id}/%2E%2E%2F%2E%2E%2F%2E%2E%2Ftokens",
            f"/n/{job_id}/../source/{source.name}", f"/n/{job_id}/%2e%2e/source/{source.name}",
            "/editor/../app.py", "/editor/%2e%2e/app.py", "/editor/..%2fapp.py", "/editor/tinymce/../../app.py",
            f"/editor/../../../data/tokens",
        ]
        for path in climbs:
            code, body = raw_get(server, path)
            assert code == 404, (path, code, body[:80])
            assert tokens.strip() not in body and app_py[:200] not in body and b"Plants need light" not in body, path


# ---- stop, cancel, and what health reports ---------------------------------------------------------------

def test_a_queued_job_cancelled_is_stored_cancelled_and_never_runs(tmp_path: Path, webui: WebUI, voice: Path) -> None:
    webui.hold_after = 0  # every generation waits for release: the running jobs stay running
    with webui_server(tmp_path, webui, voice) as server:  # one server: two jobs run at once
        (a, a_texts), (b, b_texts), (c, c_texts) = lesson("alpha"), lesson("bravo"), lesson("charlie")
        first = server.post({"html": a}).json()["id"]
        second = server.post({"html": b}).json()["id"]
        until("two jobs running", lambda: status(server, first) == status(server, second) == "running")
        third = server.post({"html": c}).json()
        assert third["status"] == "queued" and third["position"] == 1

        # health says what is going on: two running, one queued, one generation in flight on
        # the one server and the other job's request waiting for it
        def settled() -> dict | None:
            h = server.get("/api/health").json()
            return h if h["servers"] and h["servers"][0]["waiting"] == 1 else None

        health = until("the second job waiting at the server", settled)
        assert health == {"status": "ok", "version": __version__, "queued": 1, "running": 2,
                          "engine": "auto",  # as configured: the server decides the kind
                          "servers": [{"server": health["servers"][0]["server"], "busy": True, "waiting": 1}]}
        assert webui.url.split("//")[1].rstrip("/") in health["servers"][0]["server"]

        r = requests.delete(f"{server.url}/api/narrations/{third['id']}", headers=server.headers(), timeout=10)
        assert r.status_code == 202 and r.json()["status"] == "cancelled"
        assert server.get("/api/health").json()["queued"] == 0
        webui.release.set()
        assert server.wait(first)["status"] == "done" and server.wait(second)["status"] == "done"
        assert status(server, third["id"]) == "cancelled"
        assert not set(c_texts) & set(webui.recorder.texts)  # not one of its sentences was asked for
        assert set(a_texts + b_texts) <= set(webui.recorder.texts)
        idle = server.get("/api/health").json()
        assert (idle["queued"], idle["running"]) == (0, 0)
        assert idle["servers"][0]["busy"] is False and idle["servers"][0]["waiting"] == 0


def test_sigterm_stops_gracefully_and_the_running_job_resumes_after_a_restart(
        tmp_path: Path, webui: WebUI, voice: Path) -> None:
    """A service manager stops the server with SIGTERM: the running job must be queued again
    (not left "running" by a process that died, nor "cancelled") and finish after a restart."""
    webui.hold_after = 1  # the first generation is answered, the second held
    server = webui_server(tmp_path, webui, voice).start()
    try:
        html = "<p>" + " ".join(SENTENCES) + "</p>"
        job_id = server.post({"html": html}).json()["id"]
        until("the second generation in flight", lambda: len(webui.recorder.calls) >= 2)
        assert status(server, job_id) == "running"
        assert server.proc is not None
        server.proc.terminate()

        def refused() -> bool:  # uvicorn has begun its shutdown: the job's stop follows it
            try:
                socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
                return False
            except OSError:
                return True

        until("the server to stop listening", refused, timeout=60)
        webui.delay = 1.0  # the remaining ten take ten seconds: the stop comes first by far
        webui.release.set()
        code = server.proc.wait(60)
        log = server.log_path.read_text()
        assert code == 0, log  # stopped, not killed by its own signal
        store = JobStore(server.data / "jobs.sqlite3")
        try:
            job = store.get(job_id)
            assert job is not None and job.status == "queued", (job, log)
        finally:
            store.close()
        made = len(webui.recorder.calls)
        assert made < len(SENTENCES)

        webui.delay = 0.0
        server.start()
        state = server.wait(job_id, timeout=300)
        assert state["status"] == "done", state
        manifest = server.get(state["links"]["manifest"], headers={}).json()
        assert [s["text"] for s in manifest["segments"]] == SENTENCES
        # what was made before the stop came from the cache: at most the take in flight again
        assert len(webui.recorder.calls) <= len(SENTENCES) + 1
    finally:
        webui.release.set()
        server.stop()
