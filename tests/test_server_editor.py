"""The editor side of `narrate serve` in a real headless Chromium: the TinyMCE plugin (TinyMCE 6, 7
and 8) and the CKEditor 5 example, loaded from the real npm packages (installed by .ci/run into
tests/.node, served from a loopback port: no CDN), talking to the real server process, which narrates
with the embedded eSpeak engine."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import urllib.parse
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from servers.jobserver import JobServer

pytestmark = pytest.mark.browser

NODE_MODULES = Path(__file__).parent / ".node" / "node_modules"
LESSON = ["Plants need light to grow.", "Their leaves turn towards the sun.", "Water them every week."]


@pytest.fixture(scope="module")
def node_modules() -> Path:
    """The editors from npm; .ci/run installs them. Missing under CI is a failure, not a skip."""
    missing = [p for p in ("tinymce6", "tinymce7", "tinymce8", "ckeditor5") if not (NODE_MODULES / p).is_dir()]
    if missing:
        message = f"needs the npm packages {', '.join(missing)} in {NODE_MODULES} (run .ci/run)"
        if os.environ.get("NARRATOR_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return NODE_MODULES


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, node_modules: Path) -> Iterator[str]:
    """A plain static web server for the editor pages and node_modules (the 'LMS' origin)."""
    root = tmp_path_factory.mktemp("pages")
    (root / "nm").symlink_to(node_modules)
    (root / "tinymce.html").write_text(TINYMCE_PAGE, encoding="utf-8")
    (root / "ckeditor5.html").write_text(CKEDITOR_PAGE, encoding="utf-8")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pages: str) -> Iterator[JobServer]:
    """The real `narrate serve` process (embedded eSpeak engine) that allows the pages' origin."""
    with JobServer(tmp_path_factory.mktemp("serve"), "--allow-origin", pages) as srv:
        yield srv


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context()
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def spoken_texts(manifest_url: str) -> list[str]:
    """What a narration says, from its manifest (files need no token)."""
    return [s["text"] for s in requests.get(manifest_url, timeout=30).json()["segments"]]


def narrations(server: JobServer) -> list[dict]:
    return server.get("/api/narrations").json()["narrations"]


def tags(html: str, name: str) -> list[dict[str, str | None]]:
    """The attributes of every <name> element in the HTML."""
    found: list[dict[str, str | None]] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == name:
                found.append(dict(attrs))

    Finder().feed(html)
    return found


def open_tinymce(page, pages: str, server: JobServer, version: int, token: str, on_save: bool = False) -> None:
    query = urllib.parse.urlencode({"v": version, "server": server.url, "token": token,
                                    "onsave": "1" if on_save else ""})
    page.goto(f"{pages}/tinymce.html?{query}")
    page.wait_for_function("window.__ready === 1", timeout=30000)
    assert page.evaluate("tinymce.majorVersion") == str(version)


def type_lesson(page, lesson: list[str] = LESSON) -> None:
    page.frame_locator("iframe.tox-edit-area__iframe").locator("body").click()
    for i, sentence in enumerate(lesson):
        if i:
            page.keyboard.press("Enter")
        page.keyboard.type(sentence)


def watch_notifications(page) -> None:
    """Record every TinyMCE notification as it appears (a quick narration may close it at once)."""
    page.evaluate("""() => {
        window.__notes = [];
        new MutationObserver(() => {
            for (const n of document.querySelectorAll('.tox-notification')) {
                window.__notes.push({text: n.innerText.trim(), bar: !!n.querySelector('.tox-progress-bar'),
                                     error: n.classList.contains('tox-notification--error')});
            }
        }).observe(document.body, {childList: true, subtree: true, characterData: true});
    }""")


RECORD_FETCH = """
    window.__fetched = [];
    const realFetch = window.fetch;
    window.fetch = function (resource, init) {
        window.__fetched.push(((init && init.method) || 'GET') + ' ' + String(resource));
        return realFetch.apply(this, arguments);
    };
"""


@pytest.mark.parametrize("version", [6, 7, 8])
def test_tinymce_narrates_and_inserts_playable_audio(page, pages, server, version) -> None:
    page.add_init_script(RECORD_FETCH)
    lesson = [*LESSON, f"This lesson was written in version {version}."]  # each one narrated anew
    open_tinymce(page, pages, server, version, server.token)
    type_lesson(page, lesson)
    page.keyboard.press("Control+Home")  # the cursor at the end of the first paragraph
    page.keyboard.press("End")
    watch_notifications(page)
    page.get_by_role("button", name="Narrate this lesson").click()

    dialog = page.locator(".tox-dialog")
    dialog.wait_for(timeout=120000)
    notes = page.evaluate("window.__notes")
    assert any(n["bar"] and not n["error"] for n in notes), notes
    statuses = page.evaluate("window.__statuses")
    assert statuses[-1]["status"] == "done"
    done = statuses[-1]
    # Progress came from the event stream, not from polling.
    fetched = page.evaluate("window.__fetched")
    assert fetched[:2] == [f"POST {server.url}/api/narrations",
                           f"GET {server.url}/api/narrations/{done['id']}/events"], fetched
    assert f"GET {server.url}/api/narrations/{done['id']}" not in fetched
    player = dialog.locator("iframe.narrate-player")
    assert player.get_attribute("src") == done["links"]["player"]
    assert done["links"]["player"].startswith(server.url + "/n/")
    # The player page itself loads in the dialog, and it is this lesson's.
    page.frame_locator(".tox-dialog iframe.narrate-player").locator("#player").wait_for(state="attached")

    with page.context.expect_page() as opened:
        dialog.get_by_role("button", name="Open player").click()
    assert opened.value.url == done["links"]["player"]
    opened.value.close()

    dialog.get_by_role("button", name="Insert audio").click()
    dialog.wait_for(state="detached")
    content = page.evaluate("tinymce.activeEditor.getContent()")
    audios = tags(content, "audio")
    assert len(audios) == 1 and "controls" in audios[0], content
    src = audios[0]["src"]
    assert src == done["links"]["audio"] and src.startswith(server.url + "/n/")
    assert f'href="{done["links"]["player"]}"' in content
    for sentence in lesson:  # the lesson is still there, the audio is added to it
        assert sentence in content
    assert content.index(lesson[0]) < content.index("<audio") < content.index(lesson[1])  # at the cursor

    # The inserted element plays: the editor's own <audio> loads the file and knows its length.
    frame = page.frame_locator("iframe.tox-edit-area__iframe")
    frame.locator("audio").wait_for(state="attached")
    duration = page.evaluate("""() => new Promise((resolve) => {
        const audio = tinymce.activeEditor.getBody().querySelector('audio');
        const check = () => audio.readyState >= 1 ? resolve(audio.duration) : setTimeout(check, 50);
        check();
    })""")
    assert duration > 1.0
    assert spoken_texts(done["links"]["manifest"]) == lesson
    assert page.errors == []


def test_tinymce_progress_shows_the_queue_then_sentences_and_time_left(page, pages, tmp_path) -> None:
    """Behind a busy IndexTTS2 server (the stand-in, 0.3 s a generation): the notification shows the
    place in the queue, then sentences done with the time left, then the player."""
    from servers.audio import speech_wav
    from servers.indextts2_webui import start_webui

    tts = start_webui("2", "en_US", delay=0.3)
    voice = tmp_path / "teacher.wav"
    voice.write_bytes(speech_wav("This is the voice of the narrator."))
    srv = JobServer(tmp_path, "--allow-origin", pages, "--server", tts.url, "--voice-file", str(voice)).start()
    try:
        # Three lessons ahead: two run (one server: two jobs at once), one waits before ours.
        for n in range(3):
            html = "".join(f"<p>Lesson {n} has sentence number {i}.</p>" for i in range(6))
            assert srv.post({"html": html}).status_code == 202
        open_tinymce(page, pages, srv, 6, srv.token)
        type_lesson(page)
        watch_notifications(page)
        page.get_by_role("button", name="Narrate this lesson").click()
        page.locator(".tox-dialog iframe.narrate-player").wait_for(timeout=180000)
        texts = [n["text"] for n in page.evaluate("window.__notes") if n["bar"]]
        queued = [i for i, t in enumerate(texts) if t.startswith("Queued: 1 narration ahead")]
        narrating = [i for i, t in enumerate(texts) if re.search(r"Narrating: [1-9] of 3 sentences, about \d+ s left", t)]
        assert queued and narrating and queued[0] < narrating[0], texts
        done = page.evaluate("window.__statuses")[-1]
        assert spoken_texts(done["links"]["manifest"]) == LESSON
        assert len(tts.recorder.calls) == 3 * 6 + 3  # every sentence of every lesson, once
    finally:
        srv.stop()
        tts.close()


def test_tinymce_follows_a_narration_across_a_server_restart(page, pages, tmp_path) -> None:
    """The server is killed (SIGKILL) while the editor follows a narration and comes back: the
    client polls until it answers again, and the dialog opens when the resumed job is done."""
    from servers.audio import speech_wav
    from servers.indextts2_webui import start_webui

    tts = start_webui("2", "en_US", delay=0.3)
    voice = tmp_path / "teacher.wav"
    voice.write_bytes(speech_wav("This is the voice of the narrator."))
    srv = JobServer(tmp_path, "--allow-origin", pages, "--server", tts.url, "--voice-file", str(voice)).start()
    try:
        page.add_init_script(RECORD_FETCH)
        open_tinymce(page, pages, srv, 7, srv.token)
        lesson = [f"This is sentence number {n} of a longer lesson." for n in range(1, 9)]
        type_lesson(page, lesson)
        page.get_by_role("button", name="Narrate this lesson").click()
        page.wait_for_function("window.__statuses.some(s => s.progress.stage === 'synthesize' && s.progress.done >= 1)",
                               timeout=120000)
        srv.kill()
        poll = f"GET {srv.url}/api/narrations/"
        # Two polls while the server is down (both fail), then it comes back.
        page.wait_for_function("poll => window.__fetched.filter(f => f.startsWith(poll) && !f.endsWith('/events')).length >= 2",
                               arg=poll, timeout=60000)
        srv.start()
        page.locator(".tox-dialog iframe.narrate-player").wait_for(timeout=180000)
        done = page.evaluate("window.__statuses")[-1]
        assert done["status"] == "done"
        assert spoken_texts(done["links"]["manifest"]) == lesson
    finally:
        srv.stop()
        tts.close()


def test_tinymce_menu_item_and_wrong_token_give_an_error_notification(page, pages, server) -> None:
    open_tinymce(page, pages, server, 8, "not-the-token")
    type_lesson(page)
    page.get_by_role("menuitem", name="Tools").click()
    page.get_by_role("menuitem", name="Narrate").click()
    error = page.locator(".tox-notification--error")
    error.wait_for(timeout=30000)
    assert "refused the token" in error.inner_text()
    assert "missing or wrong token (Authorization: Bearer <token>)" in error.inner_text()  # the server's reason
    assert page.locator(".tox-dialog").count() == 0
    assert "<audio" not in page.evaluate("tinymce.activeEditor.getContent()")


def test_tinymce_narrate_on_save(page, pages, server) -> None:
    """With narrate_on_save, saving narrates (once per content) and says when it is ready; the
    title is the lesson's first heading; the token comes from narrate_token_provider."""
    lesson = ["Watering plants", "Saving starts the narration.", "Nobody has to click."]
    page.add_init_script(RECORD_FETCH)
    open_tinymce(page, pages, server, 7, server.token, on_save=True)
    page.evaluate("html => tinymce.activeEditor.setContent(html)",
                  f"<h2>{lesson[0]}</h2><p>{lesson[1]}</p><p>{lesson[2]}</p>")
    page.evaluate("tinymce.activeEditor.save()")
    ready = page.locator(".tox-notification--success")
    ready.wait_for(timeout=120000)
    assert "“Watering plants” is ready" in ready.inner_text()
    assert page.locator(".tox-dialog").count() == 0  # saving does not interrupt with a dialog
    page.evaluate("tinymce.activeEditor.save()")  # same content: not sent again
    done = page.evaluate("window.__statuses")[-1]
    assert done["status"] == "done" and done["title"] == "Watering plants"
    assert spoken_texts(done["links"]["manifest"]) == lesson
    # Narrate opens the dialog at once: the server already has this narration.
    page.get_by_role("button", name="Narrate this lesson").click()
    page.locator(".tox-dialog iframe.narrate-player").wait_for(timeout=30000)
    assert page.locator(".tox-dialog iframe.narrate-player").get_attribute("src") == done["links"]["player"]
    posts = [f for f in page.evaluate("window.__fetched") if f.startswith("POST ")]
    assert len(posts) == 2  # the first save and the click


def test_tinymce_shows_why_a_narration_failed(page, pages, tmp_path) -> None:
    """A job that fails on the server (its TTS server is down) ends in an error notification with
    the job's own error, and nothing is inserted."""
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    config = tmp_path / "narrate.toml"  # short cool-downs: the defaults wait minutes for a restart
    config.write_text("[engine]\nbackoff = 0.1\nbackoff_max = 0.2\nprobe_after = 0.1\nprobes = 1\n")
    voice = tmp_path / "teacher.wav"
    voice.write_bytes(b"RIFF")  # never sent: the server is down
    srv = JobServer(tmp_path, "--allow-origin", pages, "--server", dead, "--voice-file", str(voice),
                    "--config", str(config)).start()
    try:
        open_tinymce(page, pages, srv, 8, srv.token)
        type_lesson(page)
        page.get_by_role("button", name="Narrate this lesson").click()
        error = page.locator(".tox-notification--error")
        error.wait_for(timeout=120000)
        status = narrations(srv)[0]
        assert status["status"] == "failed" and status["error"]
        assert error.inner_text().startswith("Narration failed: ")
        assert status["error"] in error.inner_text()
        assert page.locator(".tox-dialog").count() == 0
        assert "<audio" not in page.evaluate("tinymce.activeEditor.getContent()")
    finally:
        srv.stop()


def test_client_in_node(server, tmp_path) -> None:
    """narrate-client.js outside a browser (Node's fetch): narrate, cancel, and the errors."""
    node = shutil.which("node")
    if node is None:
        if os.environ.get("NARRATOR_REQUIRE_BROWSER"):
            pytest.fail("needs node (Debian package nodejs; .ci/run installs it)")
        pytest.skip("needs node")
    client = Path(__file__).parent.parent / "narrator" / "server" / "static" / "narrate-client.js"
    script = tmp_path / "run.js"
    script.write_text("""
        const {NarrateClient} = require(process.argv[2]);
        const [server, token] = [process.argv[3], process.argv[4]];
        const failure = (promise) => promise.then(() => null, (e) => ({kind: e.kind, message: e.message}));
        (async () => {
          const c = new NarrateClient({server, tokenProvider: async () => token});
          const seen = [];
          const done = await c.narrate('<h1>Rivers</h1><p>Rivers flow to the sea.</p>',
                                       {onStatus: (s) => seen.push(s.status), idempotencyKey: 'rivers-1'});
          const again = await c.submit('<h1>Rivers</h1><p>Rivers flow to the sea.</p>', {idempotencyKey: 'rivers-1'});
          const long = Array.from({length: 300}, (_, i) => `<p>Sentence number ${i} is here.</p>`).join('');
          const started = await c.submit(long);
          await c.cancel(started.id);
          const cancelled = await failure(c.follow(started.id));
          const out = {done, seen, again, cancelled,
            token: await failure(new NarrateClient({server, token: 'wrong'}).submit('<p>Hello.</p>')),
            empty: await failure(c.submit('<p>   </p>')),
            options: await failure(c.submit('<p>Hello.</p>', {options: {engine: 'espeak'}})),
            down: await failure(new NarrateClient({server: 'http://127.0.0.1:9', token}).submit('<p>Hello.</p>'))};
          console.log(JSON.stringify(out));
        })().catch((e) => { console.error(e); process.exit(1); });
    """, encoding="utf-8")
    run = subprocess.run([node, str(script), str(client), server.url, server.token],
                         capture_output=True, text=True, timeout=240, check=False)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    done = out["done"]
    assert done["status"] == "done" and out["seen"][-1] == "done" and out["seen"][0] in ("queued", "running")
    assert done["links"]["manifest"] == f"{server.url}/n/{done['id']}/manifest.json"  # absolute
    assert spoken_texts(done["links"]["manifest"]) == ["Rivers", "Rivers flow to the sea."]
    assert out["again"]["id"] == done["id"]  # the retry with the same key is the same narration
    assert out["cancelled"]["kind"] == "cancelled"
    assert out["token"] == {"kind": "token", "message": "The narration server refused the token: "
                            "missing or wrong token (Authorization: Bearer <token>)"}
    reason = server.post({"html": "<p>   </p>"}).json()["error"]  # the server's own words
    assert out["empty"] == {"kind": "input", "message": f"Cannot narrate this: {reason}"}
    assert out["options"]["kind"] == "input" and "options not allowed: engine" in out["options"]["message"]
    assert out["down"]["kind"] == "unreachable" and "http://127.0.0.1:9" in out["down"]["message"]


def test_tinymce_reports_an_origin_the_server_does_not_allow(browser, server, tmp_path) -> None:
    """A page served from an origin not given with --allow-origin is told so, not 'unreachable'."""
    (tmp_path / "nm").symlink_to(NODE_MODULES)
    (tmp_path / "tinymce.html").write_text(TINYMCE_PAGE, encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        type("Q", (SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}), directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        pg = context.new_page()
        other = f"http://127.0.0.1:{httpd.server_address[1]}"
        open_tinymce(pg, other, server, 7, server.token)
        type_lesson(pg)
        pg.get_by_role("button", name="Narrate this lesson").click()
        error = pg.locator(".tox-notification--error")
        error.wait_for(timeout=30000)
        assert f"does not accept requests from {other}" in error.inner_text()
        assert "--allow-origin" in error.inner_text()
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()


def test_ckeditor5_example_narrates_the_editor_data(page, pages, server) -> None:
    """The CKEditor 5 example; here the page cannot stream (as behind a buffering proxy), so the
    client follows the narration by polling."""
    page.add_init_script(RECORD_FETCH + """
        const recorded = window.fetch;
        window.fetch = function (resource, init) {
            if (String(resource).endsWith('/events')) return Promise.reject(new TypeError('no streams here'));
            return recorded.apply(this, arguments);
        };
    """)
    query = urllib.parse.urlencode({"server": server.url, "token": server.token})
    page.goto(f"{pages}/ckeditor5.html?{query}")
    page.wait_for_function("window.__ready === true", timeout=30000)
    page.locator(".ck-editor__editable").click()
    page.keyboard.press("Control+A")
    for i, sentence in enumerate(LESSON):
        if i:
            page.keyboard.press("Enter")
        page.keyboard.type(sentence)
    sent = page.evaluate("editor.getData()")
    page.get_by_role("button", name="Narrate").click()
    page.wait_for_function("window.__done || window.__error", timeout=120000)
    assert page.evaluate("window.__error") is None
    done = page.evaluate("window.__done")
    assert done["status"] == "done"
    assert spoken_texts(done["links"]["manifest"]) == LESSON
    assert all(sentence in sent for sentence in LESSON)
    # The example puts a link to the read-along player into the lesson.
    assert f'href="{done["links"]["player"]}"' in page.evaluate("editor.getData()")
    audio = requests.get(done["links"]["audio"], timeout=30)
    assert audio.status_code == 200 and len(audio.content) > 1000
    polled = [f for f in page.evaluate("window.__fetched") if f == f"GET {server.url}/api/narrations/{done['id']}"]
    assert polled and page.evaluate("window.__statuses.length") >= len(polled)
    assert page.errors == []


TINYMCE_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Lesson editor</title>
<script>
  const q = new URLSearchParams(location.search);
  document.write('<script src="nm/tinymce' + q.get('v') + '/tinymce.min.js"><\\/script>');
</script>
</head><body>
<textarea id="lesson"></textarea>
<script>
  window.__statuses = [];
  tinymce.init({
    selector: '#lesson',
    license_key: 'gpl',
    promotion: false,
    menubar: 'edit tools',
    menu: {tools: {title: 'Tools', items: 'narrate'}},
    toolbar: 'undo redo | bold italic | narrate',
    external_plugins: {narrate: q.get('server') + '/editor/tinymce/narrate.js'},
    narrate_on_save: !!q.get('onsave'),
    // As an LMS would: the token from a function returning a promise, or given as is.
    ...(q.get('onsave') ? {narrate_token_provider: () => new Promise((resolve) => setTimeout(() => resolve(q.get('token')), 10))}
                        : {narrate_token: q.get('token')}),
    setup: (editor) => editor.on('NarrateStatus', (e) => window.__statuses.push(e.status)),
  }).then((editors) => { window.__ready = editors.length; });
</script>
</body></html>
"""

CKEDITOR_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Lesson editor</title>
<link rel="stylesheet" href="nm/ckeditor5/dist/browser/ckeditor5.css">
<script src="nm/ckeditor5/dist/browser/ckeditor5.umd.js"></script>
<script>
  const q = new URLSearchParams(location.search);
  document.write('<script src="' + q.get('server') + '/editor/narrate-client.js"><\\/script>');
  document.write('<script src="' + q.get('server') + '/editor/ckeditor5/narrate.js"><\\/script>');
</script>
</head><body>
<div id="editor"><p>Draft</p></div>
<script>
  const {ClassicEditor, Essentials, Paragraph, Heading, Bold, Link} = CKEDITOR;
  window.__statuses = [];
  window.__error = null;
  ClassicEditor.create(document.querySelector('#editor'), {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Heading, Bold, Link, NarrateCKEditor],
    toolbar: ['heading', 'bold', 'link', '|', 'narrate'],
    narrate: {server: q.get('server'), token: q.get('token'), onError: (e) => { window.__error = e.message; }},
  }).then((editor) => {
    window.editor = editor;
    editor.on('narrate:status', (evt, status) => window.__statuses.push(status));
    editor.on('narrate:done', (evt, done) => { window.__done = done; });
    window.__ready = true;
  }, (e) => { window.__error = String(e); });
</script>
</body></html>
"""
