"""`narrate serve` attacked as issue 17 found it: each hostile request is sent to the real server
process on loopback (embedded engine), and the test asserts what an attacker would get."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import threading
from pathlib import Path

import pytest
import requests

from servers.jobserver import JobServer

pytestmark = pytest.mark.slow

LESSON = "<h1>Plants</h1><p>Plants need light. They grow towards it.</p>"
# The smallest real PNG: one transparent pixel.
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


@pytest.fixture
def server(tmp_path):
    with JobServer(tmp_path, "--allow-origin", "https://lms.example.edu") as s:
        yield s


def folders(server: JobServer) -> set[str]:
    """The job folders on the server's disk."""
    root = server.data / "narrations"
    return {p.name for p in root.iterdir()} if root.is_dir() else set()


def done(server: JobServer, body: dict, token: str | None = None) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else server.headers()
    r = server.post(body, headers=headers)
    assert r.status_code in (200, 202), r.text
    state = server.wait(r.json()["id"]) if token is None else _wait(server, r.json()["id"], token)
    assert state["status"] == "done", state
    return state


def _wait(server: JobServer, job_id: str, token: str) -> dict:
    for _ in range(1200):
        state = server.get(f"/api/narrations/{job_id}", headers={"Authorization": f"Bearer {token}"}).json()
        if state["status"] in ("done", "failed", "cancelled"):
            return state
        threading.Event().wait(0.1)
    raise AssertionError(state)


def test_no_file_of_the_servers_disk_is_ever_published(server: JobServer) -> None:
    secret = (server.data / "tokens").read_bytes()
    passwd = Path("/etc/passwd").read_bytes()
    sources = ["/etc/passwd", "file:///etc/passwd", "file://otherhost/etc/passwd", "//cdn.example.com/etc/passwd",
               "../../../tokens", "../../tokens", "../../../jobs.sqlite3", "/proc/self/environ",
               "/proc/self/mem", "lesson.html", "plants.html", "../source/plants.html", "a.png?x=1",
               "%2e%2e/%2e%2e/%2e%2e/tokens"]
    images = "".join(f'<img src="{s}" alt="">' for s in sources)
    data_png = "data:image/png;base64," + base64.b64encode(PIXEL).decode()
    state = done(server, {"title": "Plants", "html": LESSON + images + f'<img src="{data_png}" alt="">'})
    manifest = server.get(state["links"]["manifest"], headers={}).json()

    out = server.data / "narrations" / state["id"] / "narration"
    for path in out.rglob("*"):
        if path.is_file():
            body = path.read_bytes()
            assert secret not in body and passwd[:64] not in body, path
            assert b"SQLite format" not in body[:16], path
    local = [p for p in manifest.get("images", [])]
    for rel in local:  # only the submitted picture, served as what its bytes are
        r = requests.get(f"{server.url}/n/{state['id']}/{rel}", timeout=10)
        assert r.status_code == 200 and r.content == PIXEL and r.headers["content-type"] == "image/png"
    assert manifest["source"]["path"] == "plants.html"  # not the server's folder
    skipped = manifest.get("skipped", [])
    text = json.dumps(skipped)
    assert len([s for s in skipped if "image" in s["what"]]) >= len(sources) - 1, skipped
    assert str(server.data) not in text and "/etc/" not in text and "/proc/" not in text


def test_served_files_are_typed_and_cannot_run_scripts(server: JobServer) -> None:
    state = done(server, {"title": "Plants", "html": LESSON})
    base = f"{server.url}/n/{state['id']}/"
    page = requests.get(base + "index.html", timeout=10)
    assert page.headers["x-content-type-options"] == "nosniff"
    policy = page.headers["content-security-policy"]
    scripts = re.findall(r"<script>(.*?)</script>", page.text, re.S)
    assert len(scripts) == 1  # the player's own; its hash is the only script allowed
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'self' https://lms.example.edu" in policy
    assert state["links"]["book"].endswith("plants.m4b"), state["links"]  # the whole title
    book = requests.get(server.url + state["links"]["book"], timeout=10)
    chapter = requests.get(server.url + state["links"]["chapters"][0]["file"], timeout=10)
    slash = requests.get(server.url + state["links"]["book"] + "/", timeout=10)  # a file is never "the page"
    for r in (book, chapter, slash):
        assert r.headers["content-type"] == "audio/mp4" and r.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in r.headers["content-security-policy"]
    api = server.get(f"/api/narrations/{state['id']}")
    refused = requests.get(f"{server.url}/api/narrations", timeout=10)
    missing = requests.get(f"{base}no-such-file.html", timeout=10)
    for r in (api, refused, missing):
        assert "default-src 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
    assert refused.status_code == 401 and missing.status_code == 404


def test_malformed_requests_are_4xx_and_leave_nothing_behind(server: JobServer) -> None:
    url = server.url + "/api/narrations"
    json_headers = server.headers(**{"Content-Type": "application/json"})
    before = folders(server)

    nested = requests.post(url, data=b"[" * 100_000 + b"]" * 100_000, headers=json_headers, timeout=30)
    assert nested.status_code == 400 and "nested" in nested.json()["error"]
    for field in ("html", "title"):
        body = {"html": "<p>Hello there.</p>", "title": "Hi"}
        raw = json.dumps(body).replace('"Hi"' if field == "title" else "Hello", r'"\ud800"' if field == "title" else r"\ud800")
        r = requests.post(url, data=raw.encode(), headers=json_headers, timeout=30)
        assert r.status_code == 400 and "Unicode" in r.json()["error"], (field, r.text)
    voice = server.post({"html": LESSON, "options": {"voice": "x" * 100_000}})
    assert voice.status_code == 400 and len(voice.json()["error"]) < 400
    unknown_voice = server.post({"html": LESSON, "options": {"voice": "no-such-voice"}})
    assert unknown_voice.status_code == 400 and "no-such-voice" in unknown_voice.json()["error"]
    typed = server.post({"html": LESSON, "options": {"chapter_level": "two"}})
    assert typed.status_code == 400 and "chapter_level" in typed.json()["error"]
    key = server.post({"html": LESSON}, headers=server.headers(**{"Idempotency-Key": "k" * 1000}))
    assert key.status_code == 400
    query = server.get("/api/narrations?limit=abc")
    assert query.status_code == 400 and "limit" in query.json()["error"]

    first = server.post({"html": LESSON}, headers=server.headers(**{"Idempotency-Key": "lesson-1"}))
    assert first.status_code == 202
    other = server.post({"html": "<p>Another lesson entirely.</p>"}, headers=server.headers(**{"Idempotency-Key": "lesson-1"}))
    assert other.status_code == 422 and "Idempotency-Key" in other.json()["error"]
    again = server.post({"html": LESSON}, headers=server.headers(**{"Idempotency-Key": "lesson-1"}))
    assert again.status_code in (200, 202) and again.json()["id"] == first.json()["id"]

    # the same new key sent at once with different lessons: one is taken, the other refused
    answers: list[requests.Response] = []
    lessons = [f"<p>Race lesson number {n} is here.</p>" for n in range(2)]
    threads = [threading.Thread(target=lambda h=h: answers.append(
        server.post({"html": h}, headers=server.headers(**{"Idempotency-Key": "race"})))) for h in lessons]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a.status_code for a in answers) == [202, 422], [a.text for a in answers]

    job = server.wait(first.json()["id"])
    for path in (f"/n/{job['id']}/a%00b", f"/n/{job['id']}/%00", "/editor/%00", "/editor/tinymce/%00.js",
                 f"/n/{job['id']}/{'a' * 300}", "/editor/" + "a" * 300):
        r = requests.get(server.url + path, timeout=10)
        assert r.status_code == 404, path
    kept = {first.json()["id"]} | {a.json()["id"] for a in answers if a.status_code == 202}
    assert folders(server) - before == kept  # the refused ones left no folder


def test_limits_are_named_and_another_client_still_gets_through(tmp_path: Path) -> None:
    with JobServer(tmp_path, "--max-depth", "200", "--max-chars", "20000", "--max-segments", "50") as server:
        other = server.add_token("other-site")
        deep = "<div>" * 50_000 + "<p>Deep down here.</p>" + "</div>" * 50_000
        answers: dict[str, requests.Response] = {}

        def attack() -> None:
            answers["deep"] = server.post({"html": deep})

        attacker = threading.Thread(target=attack)
        attacker.start()
        small = server.post({"html": "<p>A small lesson from another site.</p>"},
                            headers={"Authorization": f"Bearer {other}"})
        attacker.join()
        assert small.status_code == 202, small.text
        assert _wait(server, small.json()["id"], other)["status"] == "done"
        assert answers["deep"].status_code in (400, 413) and "200" in answers["deep"].json()["error"]

        chars = server.post({"html": "<p>" + "Words of a lesson. " * 2000 + "</p>"})
        assert chars.status_code == 413 and "20,000" in chars.json()["error"]
        segments = server.post({"html": "".join(f"<p>Sentence {n}.</p>" for n in range(80))})
        assert segments.status_code == 413 and "50" in segments.json()["error"]
        assert not folders(server) - {small.json()["id"]}


def test_deep_nesting_is_planned_within_the_budget(tmp_path: Path) -> None:
    with JobServer(tmp_path, "--max-depth", "100000") as server:
        deep = "<div>" * 50_000 + "<p>Deep down here.</p>" + "</div>" * 50_000
        r = server.post({"html": deep})
        # planned (202) or refused for taking longer than its time budget (413): never a hang or 500
        assert r.status_code in (202, 413), r.text
        if r.status_code == 202:
            assert server.wait(r.json()["id"])["status"] == "done"


def test_each_token_sees_only_its_own_narrations(server: JobServer) -> None:
    alice, bob = server.add_token("alice"), server.add_token("bob")
    operator = server.token
    stored = (server.data / "tokens").read_text()
    assert alice not in stored and bob not in stored and operator not in stored
    assert hashlib.sha256(alice.encode()).hexdigest() in stored

    def as_(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    job = done(server, {"html": LESSON}, alice)
    assert server.get(f"/api/narrations/{job['id']}", headers=as_(bob)).status_code == 404
    assert requests.delete(f"{server.url}/api/narrations/{job['id']}", headers=as_(bob), timeout=10).status_code == 404
    assert server.get(f"/api/narrations/{job['id']}/events", headers=as_(bob)).status_code == 404
    assert job["id"] not in {j["id"] for j in server.get("/api/narrations", headers=as_(bob)).json()["narrations"]}
    assert job["id"] in {j["id"] for j in server.get("/api/narrations", headers=as_(alice)).json()["narrations"]}
    assert job["id"] in {j["id"] for j in server.get("/api/narrations", headers=as_(operator)).json()["narrations"]}
    # bob sending the same lesson gets a narration of his own, not alice's
    bobs = server.post({"html": LESSON}, headers=as_(bob)).json()
    assert bobs["id"] != job["id"]

    # a finished narration can be deleted by its owner: its files go with it
    player = f"/n/{job['id']}/index.html"
    assert requests.get(server.url + player, timeout=10).status_code == 200
    gone = requests.delete(f"{server.url}/api/narrations/{job['id']}", headers=as_(alice), timeout=10)
    assert gone.status_code == 200 and gone.json()["status"] == "deleted"
    assert server.get(f"/api/narrations/{job['id']}", headers=as_(alice)).status_code == 404
    assert requests.get(server.url + player, timeout=10).status_code == 404
    assert job["id"] not in folders(server)

    # revoking: the operator deletes alice's line from the file; no restart needed
    tokens = server.data / "tokens"
    tokens.write_text("".join(line for line in tokens.read_text().splitlines(keepends=True)
                              if not line.startswith("alice ")))
    assert server.get("/api/narrations", headers=as_(alice)).status_code == 401
    assert server.get("/api/narrations", headers=as_(bob)).status_code == 200
    log = server.log_path.read_text()
    assert operator not in log and bob not in log  # tokens are printed only when made


def test_old_narrations_and_orphans_are_removed(tmp_path: Path) -> None:
    server = JobServer(tmp_path, "--keep-days", "1e-9")
    with server:
        job = done(server, {"html": LESSON})
        orphan = server.data / "narrations" / ("0" * 32)
        (orphan / "source").mkdir(parents=True)
        (orphan / "source" / "lesson.html").write_text("<p>Left by a killed submission.</p>")
    with server:  # restarted: the sweep at start removes both
        assert server.get(f"/api/narrations/{job['id']}").status_code == 404
        assert folders(server) == set()
    (tmp_path / "kept").mkdir()
    server = JobServer(tmp_path / "kept", "--keep-days", "0")
    with server:
        job = done(server, {"html": LESSON})
    with server:
        assert server.get(f"/api/narrations/{job['id']}").json()["status"] == "done"


def test_bad_origins_and_token_commands(tmp_path: Path) -> None:
    import subprocess
    import sys

    def narrate(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        return subprocess.run([sys.executable, "-m", "narrator", *args], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=60)

    for origin in ("https://*.example.edu", "https://lms.example.edu/path", "lms.example.edu",
                   "https://user@lms.example.edu"):
        r = narrate("serve", "--data", str(tmp_path / "d"), "--allow-origin", origin)
        assert r.returncode == 2 and "--allow-origin" in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    legacy = tmp_path / "old"
    legacy.mkdir()
    (legacy / "token").write_text("old-secret-token\n")
    made = narrate("serve", "--data", str(legacy), "--add-token", "lms")
    assert made.returncode == 0 and len(made.stdout.strip()) >= 40
    assert not (legacy / "token").exists()  # the clear-text token of an earlier version is hashed
    assert "old-secret-token" not in (legacy / "tokens").read_text()
    assert re.search(r"^default site [0-9a-f]{64}$", (legacy / "tokens").read_text(), re.M)
    twice = narrate("serve", "--data", str(legacy), "--add-token", "lms")
    assert twice.returncode == 2 and "exists" in twice.stderr
    shown = narrate("serve", "--data", str(legacy), "--show-token")
    assert shown.returncode == 2 and "--add-token" in shown.stderr


def test_a_store_of_the_single_token_version_is_migrated(tmp_path: Path) -> None:
    import sqlite3

    from narrator.server.store import JobStore

    db = sqlite3.connect(tmp_path / "jobs.sqlite3")
    db.executescript("""
        CREATE TABLE jobs (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
            created REAL NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL, options TEXT NOT NULL,
            content_key TEXT NOT NULL, idempotency_key TEXT UNIQUE, segments INTEGER NOT NULL,
            error TEXT NOT NULL DEFAULT '', finished REAL);
        INSERT INTO jobs (id, created, status, title, options, content_key, idempotency_key, segments)
            VALUES ('a' || hex(randomblob(15)), 1.0, 'done', 'Old', '{}', 'k', 'key-1', 3);
    """)
    db.commit()
    db.close()
    store = JobStore(tmp_path / "jobs.sqlite3")
    old, = store.list()
    assert (old.title, old.owner, old.idempotency_key, old.segments) == ("Old", "default", "key-1", 3)
    assert store.list(owner="default") == [old] and store.list(owner="lms") == []
    # idempotency keys are now per owner: another site may use the same one
    store.add("b" * 32, title="New", options={}, content_key="k", idempotency_key="key-1", segments=1,
              owner="lms", request_key="r")
    assert store.by_idempotency_key("lms", "key-1").id == "b" * 32
    store.close()
    assert JobStore(tmp_path / "jobs.sqlite3").get("b" * 32).owner == "lms"  # opened again: no migration


@pytest.mark.browser
def test_the_served_player_works_under_its_policy_and_nothing_else_runs(server: JobServer, browser) -> None:
    evil = '<p>Plants need light.</p><p>&lt;script&gt;window.pwned=1&lt;/script&gt; is shown as text.</p>'
    state = done(server, {"title": "Plants", "html": "<h1>Plants</h1>" + evil})
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server.url + state["links"]["player"])
    # the player's own script ran (it loads the first chapter), under the served policy
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    first = page.locator(".seg").nth(1)
    first.click()
    page.wait_for_function("document.querySelector('.seg.current') !== null")
    assert problems == []  # nothing of the player was refused
    # a script the page did not ship is refused by the policy
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate("""() => { const s = document.createElement('script');
            s.textContent = 'window.pwned = 2'; document.body.appendChild(s); }""")
    assert page.evaluate("window.pwned") is None
    context.close()
    assert len(problems) == 1 and "Content Security Policy" in problems[0], problems


def test_a_run_stops_while_its_lesson_is_still_being_read(tmp_path: Path) -> None:
    """What DELETE does to a job that is still reading and planning its lesson."""
    from narrator.config import load_config
    from narrator.errors import Interrupted
    from narrator.events import Progress
    from narrator.pipeline import narrate

    lesson = tmp_path / "long.html"
    lesson.write_text("".join(f"<p>Sentence number {n} of a long lesson.</p>" for n in range(5000)))
    seen: list[str] = []

    def cancelled(event: object) -> None:
        if isinstance(event, Progress):
            seen.append(event.stage)
            if event.stage == "plan":
                raise Interrupted("cancelled")

    class NoEngine:  # any request would be a failure of the test
        name = label = "none"
        sample_rate = 22050

        def __getattr__(self, name: str) -> object:
            raise AssertionError(f"the engine was used: {name}")

    with pytest.raises(Interrupted):
        narrate(lesson, load_config(), out_dir=tmp_path / "out", engines=[NoEngine()], on_event=cancelled)
    assert seen == ["plan"] and not (tmp_path / "out").exists()


def test_a_malformed_tokens_file_is_named_and_refuses_everyone(tmp_path: Path) -> None:
    server = JobServer(tmp_path)
    tokens = server.data / "tokens"
    good = tokens.read_text()
    tokens.write_text(good + "broken line\n")
    with pytest.raises(RuntimeError, match=r"tokens:\d+: expected NAME ROLE SHA256"):
        server.start()  # refused at start, naming the line
    tokens.write_text(good)
    with server:
        assert server.get("/api/narrations").status_code == 200
        tokens.write_text(good + "broken line\n")  # broken while running: nobody gets in
        assert server.get("/api/narrations").status_code == 401
        tokens.write_text(good)
        assert server.get("/api/narrations").status_code == 200


def test_engines_of_voices_no_job_uses_are_released(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import narrator.engines.espeak as espeak
    from narrator.config import load_config
    from narrator.engines.espeak import EspeakEngine
    from narrator.server.jobs import IDLE_ENGINES, Runner
    from narrator.server.store import JobStore

    closed: list[str] = []

    class Counted(EspeakEngine):
        def close(self) -> None:
            closed.append(self._config.engine.voice)

    voices = ["en-gb", "en-us", "fr", "de", "es", "it", "nl", "pl"]
    store = JobStore(tmp_path / "jobs.sqlite3")
    runner = Runner(store, tmp_path, lambda options: load_config(overrides=options))
    monkeypatch.setattr(espeak, "create", lambda config, server=None: Counted(config))  # counts closes
    for voice in voices:
        runner.check_engine(load_config(overrides={"engine.voice": voice}))
    assert len(closed) == len(voices) - IDLE_ENGINES - 1  # all but the newest and the idle ones kept
    assert closed == voices[:len(closed)]  # the least recently used first
    store.close()


def test_sites_take_turns_in_the_queue(tmp_path: Path) -> None:
    """One site's many queued lessons do not keep another site's one waiting."""
    from narrator.config import load_config
    from narrator.server.jobs import Runner
    from narrator.server.store import JobStore

    store = JobStore(tmp_path / "jobs.sqlite3")
    for n, owner in enumerate(["a", "a", "a", "a", "b", "c"]):
        store.add(f"{n:032x}", title=f"{owner}{n}", options={}, content_key=str(n), idempotency_key=None,
                  segments=3, owner=owner)
    order: list[str] = []
    first = threading.Event()

    def narrate(source: Path, config: object, **kw: object) -> None:
        order.append(store.get(source.parent.parent.name).title)
        first.wait(30)  # the first job holds the only slot until all are queued
        Path(kw["out_dir"]).mkdir(parents=True, exist_ok=True)  # type: ignore[arg-type]

    runner = Runner(store, tmp_path, lambda options: load_config(), per_lane=1, narrate=narrate)
    runner.start()
    try:
        first.set()
        for _ in range(600):
            if len(store.list(status=("done",))) == 6:
                break
            threading.Event().wait(0.05)
    finally:
        runner.stop()
    assert order == ["a0", "b4", "c5", "a1", "a2", "a3"]
    store.close()


def test_a_failed_jobs_error_names_no_server_folder() -> None:
    from narrator.server.jobs import _without_path

    folder = Path("/var/lib/narrator/narrations/" + "f" * 32)
    message = (f"{folder}/source/plants.html: 2 segment(s) failed: c01-s0001 ... "
               f"(see {folder}/narration/errors.jsonl)")
    said = _without_path(message, folder / "source" / "plants.html", folder)
    assert said == "2 segment(s) failed: c01-s0001 ... (see narration/errors.jsonl)"
    assert "/var/lib" not in said


def test_a_port_in_use_is_one_line_and_no_banner(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        r = subprocess.run([sys.executable, "-m", "narrator", "serve", "--data", str(tmp_path / "d"),
                            "--port", str(port)], capture_output=True, text=True, env=env, timeout=60)
    finally:
        taken.close()
    assert r.returncode == 1, r.stderr
    assert r.stderr.strip().splitlines() == [f"narrate: 127.0.0.1:{port}: cannot listen here (Address already in use)"]
