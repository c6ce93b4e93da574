"""`narrate serve`: the real job server process on loopback, in front of the Gradio stand-in of
the IndexTTS2 web UI (which records every generation and how many ran at once)."""

from __future__ import annotations

import io
import json
import threading
import time
import wave
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from narrator.errors import Interrupted
from narrator.synthesis.sharing import ServerGate
from servers.audio import speech_wav
from servers.indextts2_webui import start_webui
from servers.jobserver import JobServer

pytestmark = pytest.mark.slow

LESSON = ("<h1>Photosynthesis</h1><p>Plants make their food from light. "
          "They take water from the soil and air through their leaves.</p>")
SENTENCES = ["Photosynthesis", "Plants make their food from light.",
             "They take water from the soil and air through their leaves."]


@pytest.fixture(scope="module")
def voice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("voice") / "teacher.wav"
    path.write_bytes(speech_wav("This is the voice of the teacher."))
    return path


@pytest.fixture
def webui():
    server = start_webui("2", "en_US", delay=0.02)
    yield server
    server.close()


def serve_args(webui, voice: Path, *extra: str) -> list[str]:
    return ["--server", webui.url, "--voice-file", str(voice), "-f", "wav", "--book", "none", *extra]


@pytest.fixture
def server(tmp_path, webui, voice):
    with JobServer(tmp_path, *serve_args(webui, voice), "--allow-origin", "https://lms.example.edu") as s:
        yield s


def texts_of(server: JobServer, state: dict) -> list[str]:
    manifest = server.get(state["links"]["manifest"], headers={}).json()
    return [s["text"] for s in manifest["segments"]]


def test_submit_follow_fetch(server, webui):
    r = server.post({"html": LESSON, "options": {"chapter_level": 1}})
    assert r.status_code == 202, r.text
    job = r.json()
    assert set(job["links"]) >= {"self", "events", "player"} and job["status"] in ("queued", "running")

    seen = list(server.events(job["id"]))
    assert seen[-1]["status"] == "done"
    # the stream sends the state as it is when it looks (5 times a second): progress only
    # moves forward, and ends at every segment
    done = [e["progress"]["done"] for e in seen if e["status"] == "running" and e["progress"]["stage"] == "synthesize"]
    assert done == sorted(done) and all(0 <= d <= 3 for d in done)
    assert seen[-1]["progress"]["done"] == seen[-1]["progress"]["total"] == 3

    state = server.get(f"/api/narrations/{job['id']}").json()
    assert state["status"] == "done" and state["error"] is None
    assert texts_of(server, state) == SENTENCES
    assert sorted(webui.recorder.texts) == sorted(SENTENCES)

    audio = state["links"]["chapters"][0]["file"]
    whole = server.get(audio, headers={})
    assert whole.status_code == 200
    with wave.open(io.BytesIO(whole.content)) as w:
        assert w.getnframes() / w.getframerate() == pytest.approx(state["links"]["chapters"][0]["duration"], abs=0.01)
    part = server.get(audio, headers={"Range": "bytes=100-1099"})
    assert part.status_code == 206 and part.content == whole.content[100:1100]
    page = server.get(state["links"]["player"], headers={})
    assert page.status_code == 200 and "Plants make their food from light." in page.text


def test_idempotent_retries_and_same_content(server, webui):
    first = server.post({"html": LESSON}, headers=server.headers(**{"Idempotency-Key": "abc-1"})).json()
    again = server.post({"html": LESSON}, headers=server.headers(**{"Idempotency-Key": "abc-1"})).json()
    assert again["id"] == first["id"]
    assert server.wait(first["id"])["status"] == "done"
    generations = len(webui.recorder.calls)
    same = server.post({"html": LESSON})
    assert same.status_code == 200 and same.json()["id"] == first["id"] and same.json()["status"] == "done"
    edited = server.post({"html": LESSON.replace("from light", "from sunlight")}).json()
    assert edited["id"] != first["id"]
    assert server.wait(edited["id"])["status"] == "done"
    # only the edited sentence was generated again: the others came from the shared cache
    assert webui.recorder.texts[generations:] == ["Plants make their food from sunlight."]


def test_listing_and_health(server, webui):
    ids = [server.post({"html": f"<p>Lesson number {n} is short.</p>"}).json()["id"] for n in ("one", "two")]
    listed = [j["id"] for j in server.get("/api/narrations").json()["narrations"]]
    assert listed[:2] == ids[::-1]  # newest first
    health = server.get("/api/health").json()
    assert health["status"] == "ok"
    for job_id in ids:
        server.wait(job_id)
    # what an operator's monitor reads: the version, the counts and each server's gate (the
    # counts while jobs run are checked with held generations in test_mutations_server.py)
    from narrator._version import __version__

    health = server.get("/api/health").json()
    assert health["version"] == __version__ and health["engine"] == "auto"
    assert (health["queued"], health["running"]) == (0, 0)
    assert len(health["servers"]) == 1 and webui.url.split("//")[1].rstrip("/") in health["servers"][0]["server"]
    assert health["servers"][0]["busy"] is False and health["servers"][0]["waiting"] == 0


def test_cancel_stops_between_requests(server, webui):
    webui.delay = 0.3
    html = "".join(f"<p>This is sentence number {n} of a long lesson.</p>" for n in
                   ("one two three four five six seven eight nine ten eleven twelve".split()))
    job = server.post({"html": html}).json()
    deadline = time.monotonic() + 60
    while len(webui.recorder.calls) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    r = requests.delete(f"{server.url}/api/narrations/{job['id']}", headers=server.headers(), timeout=10)
    assert r.status_code == 202
    made = len(webui.recorder.calls)
    state = server.wait(job["id"])
    assert state["status"] == "cancelled"
    time.sleep(0.7)  # a request still being sent would show up within two generations
    assert len(webui.recorder.calls) <= made + 1  # at most the one in flight
    assert server.get(f"/n/{job['id']}/manifest.json", headers={}).status_code == 404
    # cancelling what has finished changes nothing (as the editor client's cancel() asks)...
    again = requests.delete(f"{server.url}/api/narrations/{job['id']}?finished=keep", headers=server.headers(), timeout=10)
    assert again.status_code == 409 and again.json()["status"] == "cancelled"
    # ...and a plain DELETE of a finished narration deletes it
    gone = requests.delete(f"{server.url}/api/narrations/{job['id']}", headers=server.headers(), timeout=10)
    assert gone.status_code == 200 and gone.json()["status"] == "deleted"
    assert server.get(f"/api/narrations/{job['id']}").status_code == 404


def test_refusals(server):
    url = server.url + "/api/narrations"
    assert requests.post(url, json={"html": LESSON}, timeout=10).status_code == 401
    wrong = requests.post(url, json={"html": LESSON}, headers={"Authorization": "Bearer nope"}, timeout=10)
    assert wrong.status_code == 401 and "token" in wrong.json()["error"]
    assert server.get("/api/narrations", headers={}).status_code == 401

    evil = server.post({"html": LESSON}, headers=server.headers(Origin="https://evil.example"))
    assert evil.status_code == 403 and "evil.example" in evil.json()["error"]
    assert server.get("/api/narrations", headers=server.headers(Origin="https://evil.example")).status_code == 403
    preflight = requests.options(url, headers={"Origin": "https://evil.example",
                                               "Access-Control-Request-Method": "POST"}, timeout=10)
    assert preflight.headers.get("access-control-allow-origin") is None
    allowed = server.get("/api/narrations", headers=server.headers(Origin="https://lms.example.edu"))
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://lms.example.edu"

    not_json = requests.post(url, data=b"<p>hi</p>", headers=server.headers(**{"Content-Type": "text/html"}), timeout=10)
    assert not_json.status_code == 400 and "JSON" in not_json.json()["error"]
    binary = requests.post(url, data=b"\xff\xfe\x00\x01" * 10, headers=server.headers(**{"Content-Type": "application/json"}), timeout=10)
    assert binary.status_code == 400 and "not JSON" in binary.json()["error"]
    nul = server.post({"html": "<p>a\x00b</p>"})
    assert nul.status_code == 400 and "binary" in nul.json()["error"]
    empty = server.post({"html": "<p>&nbsp;</p><script>x()</script>"})
    assert empty.status_code == 400
    assert "empty" in empty.json()["error"] or "speakable" in empty.json()["error"]
    option = server.post({"html": LESSON, "options": {"cache_dir": "/tmp"}})
    assert option.status_code == 400 and "cache_dir" in option.json()["error"]
    bad_value = server.post({"html": LESSON, "options": {"format": "exe"}})
    assert bad_value.status_code == 400 and "format" in bad_value.json()["error"]
    huge = server.post({"html": "<p>" + "Words of a lesson. " * 300_000 + "</p>"})
    assert huge.status_code == 413

    job = server.post({"html": LESSON}).json()
    server.wait(job["id"])
    for path in (f"/n/{job['id']}/../../token", f"/n/{job['id']}/%2e%2e/%2e%2e/token",
                 f"/n/{job['id']}/..%2f..%2fdata%2ftoken", f"/n/{job['id']}/%2e%2e/source/lesson.html",
                 "/editor/../../../../etc/passwd", "/editor/%2e%2e/%2e%2e/app.py", "/n/nope/index.html"):
        r = requests.get(server.url + path, timeout=10)
        assert r.status_code == 404, path
        assert server.token not in r.text


def test_queue_limit_answers_429(tmp_path, webui, voice):
    webui.delay = 0.5
    with JobServer(tmp_path, *serve_args(webui, voice, "--queue-limit", "1")) as server:
        def submit(word: str) -> requests.Response:
            sentences = " ".join(f"Queued lesson {word} has sentence {n}." for n in ("one", "two", "three", "four"))
            return server.post({"html": f"<p>{sentences}</p>"})

        def running(job_id: str) -> None:
            while server.get(f"/api/narrations/{job_id}").json()["status"] == "queued":
                time.sleep(0.02)

        # two run at once (one server + 1), one waits in the queue, the next is refused
        for word in ("alpha", "bravo"):
            r = submit(word)
            assert r.status_code == 202
            running(r.json()["id"])
        queued = submit("charlie")
        assert queued.status_code == 202 and queued.json()["position"] == 1
        refused = submit("delta")
        assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
        assert "queue" in refused.json()["error"]


def test_queue_positions_count_the_queued_jobs_ahead_in_the_same_lane(tmp_path: Path) -> None:
    from narrator.server.jobs import INTERACTIVE_SEGMENTS, Runner
    from narrator.server.store import JobStore

    store = JobStore(tmp_path / "jobs.db")
    runner = Runner(store, tmp_path, config_for=lambda options: None)  # type: ignore[arg-type, return-value]
    sizes = [10, INTERACTIVE_SEGMENTS + 1, 20, 5000, INTERACTIVE_SEGMENTS, 30]
    for i, n in enumerate(sizes):
        store.add(f"j{i}", title="t", options={}, content_key=f"k{i}", idempotency_key=None, segments=n)
    store.set_status("j0", "running")
    store.set_status("j5", "done")
    positions = {f"j{i}": runner.position(store.get(f"j{i}")) for i in range(len(sizes))}  # type: ignore[arg-type]
    # interactive lane: j2, j4 (j0 runs); batch lane: j1, j3; j5 is done
    assert positions == {"j0": 0, "j1": 1, "j2": 1, "j3": 2, "j4": 2, "j5": 0}
    store.close()


def lesson(n: int) -> tuple[str, list[str]]:
    word = ("zero one two three four five six seven eight nine".split())
    name = f"{word[n // 10]} {word[n % 10]}"
    sentences = [f"Lesson {name}", f"This is lesson {name} about the sea.",
                 f"The tide in lesson {name} comes twice a day."]
    return f"<h1>{sentences[0]}</h1><p>{sentences[1]} {sentences[2]}</p>", sentences


def test_fifty_lessons_at_once_then_killed_and_restarted(tmp_path, webui, voice):
    lessons = [lesson(n) for n in range(50)]
    server = JobServer(tmp_path, *serve_args(webui, voice)).start()
    try:
        with ThreadPoolExecutor(10) as pool:
            answers = list(pool.map(lambda l: server.post({"html": l[0]}), lessons))
        assert all(a.status_code == 202 for a in answers)
        ids = [a.json()["id"] for a in answers]
        assert len(set(ids)) == 50
        while True:  # kill mid-queue: some narrations finished, most not started
            listed = server.get("/api/narrations").json()["narrations"]
            if sum(j["status"] == "done" for j in listed) >= 5:
                break
            time.sleep(0.05)
        server.kill()
        # what the dead server made the stand-in do: answered, in flight, or queued in Gradio's
        # own queue (run if its stream never opened, dropped when its stream saw the disconnect),
        # counted once the stand-in has settled
        while not webui.settled():
            time.sleep(0.05)
        asked_before_kill = len(webui.recorder.calls)
        stored_at_kill = sum(1 for f in server.cache.rglob("*.wav") if not f.name.startswith("."))
        server.start()
        states = [server.wait(job_id, timeout=300) for job_id in ids]
        assert all(s["status"] == "done" for s in states), [s["error"] for s in states if s["status"] != "done"]
        for state, (_, sentences) in zip(states, lessons):
            assert texts_of(server, state) == sentences  # its own lesson, nothing mixed in
    finally:
        server.stop()
    assert webui.recorder.max_in_flight == 1  # never two generations at once, whatever the job
    counts: dict[str, int] = {}
    for text in webui.recorder.texts:
        counts[text] = counts.get(text, 0) + 1
    assert set(counts) == {t for _, ss in lessons for t in ss}
    # Nothing that reached the cache was asked for again: the only repeats are the takes that
    # were on their way when the server died (the request in flight, and a take received but
    # not yet written, a few milliseconds), so the restart cost at most those.
    repeats = sum(n - 1 for n in counts.values())
    assert max(counts.values()) <= 2
    assert repeats <= asked_before_kill - stored_at_kill


def test_gate_serves_waiters_by_priority_then_arrival():
    gate = ServerGate()
    gate.acquire((1, 0))
    order: list[tuple[int, int]] = []

    def wait_for_turn(priority: tuple[int, int]) -> None:
        gate.acquire(priority)
        order.append(priority)
        gate.release()

    threads = []
    for priority in [(1, 5), (0, 9), (1, 2), (0, 3)]:
        t = threading.Thread(target=wait_for_turn, args=(priority,))
        t.start()
        threads.append(t)
        while gate.waiting < len(threads):
            time.sleep(0.001)
    gate.release()
    for t in threads:
        t.join(5)
    assert order == [(0, 3), (0, 9), (1, 2), (1, 5)]


def test_a_batching_server_s_gate_holds_as_many_as_it_allows():
    """Issue 25 under the job server: a gate of capacity 3 lets three generations in at once
    (from any narration), the fourth waits, and the first to finish lets it in."""
    gate = ServerGate(3)
    for n in range(3):
        gate.acquire((1, n))
    assert gate.held == 3
    entered = threading.Event()

    def fourth() -> None:
        gate.acquire((0, 9))
        entered.set()

    t = threading.Thread(target=fourth)
    t.start()
    while gate.waiting == 0:  # it is queued, not in
        time.sleep(0.001)
    assert not entered.is_set() and gate.held == 3
    gate.release()
    assert entered.wait(5) and gate.held == 3
    t.join(5)


def test_the_job_server_s_gates_follow_each_engine_s_limit():
    from narrator.synthesis.sharing import GatePool

    class Batching:
        label, max_in_flight = "http://gpu1:8000", 8

    class WebUI:
        label = "http://gpu2:7860"  # says nothing: one at a time

    shared = GatePool().share([Batching(), WebUI()], (1, 0))  # type: ignore[list-item]
    assert [e._gate._capacity for e in shared] == [8, 1]


def test_a_cancelled_waiter_leaves_the_gate():
    gate = ServerGate()
    gate.acquire((0, 0))
    cancel = threading.Event()
    result: list[BaseException] = []

    def waiter() -> None:
        try:
            gate.acquire((0, 1), cancel.is_set)
        except Interrupted as e:
            result.append(e)

    t = threading.Thread(target=waiter)
    t.start()
    while gate.waiting == 0:
        time.sleep(0.001)
    cancel.set()
    t.join(5)
    assert result and gate.waiting == 0
    gate.release()
    gate.acquire((5, 5))  # free again for the next one
    assert gate.busy
