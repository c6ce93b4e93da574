"""Rough edges a new user meets in the first hour (issue 21 item 11), each through a real run."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.servers.queue import start_redis

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


# ---- workers behind a broker: `narrate engines --broker` and the manifest ------------------------

PASSWORD = "s3cret-for-the-test"


@pytest.fixture
def broker_with_password(redis_server: str) -> Iterator[str]:
    """A fresh redis-server on a loopback port that asks for a password; its URL, password included."""
    proc, url = start_redis(redis_server, PASSWORD)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def espeak_workers(broker_with_password: str, tmp_path: Path) -> Iterator[list[str]]:
    """Two `narrate worker`s with the embedded engine (eSpeak NG), ready; their node names."""
    names = ["w1@host-one", "w2@host-two"]
    procs = [subprocess.Popen([sys.executable, "-m", "narrator", "worker", "--broker", broker_with_password,
                               "--cache-dir", str(tmp_path / f"wcache-{i}"), "--name", name],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for i, name in enumerate(names)]
    try:
        for proc in procs:
            assert proc.stderr is not None
            for line in proc.stderr:  # until it says it is ready (or ends)
                if "narrate worker: ready:" in line:
                    break
            else:
                pytest.fail(f"worker ended before it was ready (exit {proc.wait()})")
            threading.Thread(target=proc.stderr.read, daemon=True).start()  # never blocks on a full pipe
        yield names
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(30)


def test_workers_are_listed_once_each_with_their_engine_named_once(broker_with_password, espeak_workers,
                                                                   tmp_path):
    listed = narrate("engines", "--broker", broker_with_password, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == f"redis://127.0.0.1:{broker_with_password.rsplit(':', 1)[1]}: 2 live workers"
    assert PASSWORD not in listed.stdout
    for name, line in zip(espeak_workers, lines[1:], strict=True):
        assert line.startswith(f"  {name}: espeak, queue "), line
        assert line.count("espeak,") == 1, line


def test_the_manifest_of_a_run_made_by_workers_names_the_broker_without_its_password(
        broker_with_password, espeak_workers, tmp_path):
    run = narrate(SAMPLES / "english-lesson.html", "--broker", broker_with_password, "-o", tmp_path / "out",
                  "--cache-dir", tmp_path / "cache", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    manifest_text = (tmp_path / "out" / "manifest.json").read_text("utf-8")
    assert PASSWORD not in manifest_text
    engine = json.loads(manifest_text)["engine"]
    assert engine["broker"] == "redis://127.0.0.1:" + broker_with_password.rsplit(":", 1)[1]
    assert engine["name"] == "espeak" and engine["servers"] == ["espeak"]


# ---- the player page shows the lesson title once --------------------------------------------------

class _VisibleText(HTMLParser):
    """The text a reader sees in a page's body, by element: (tag, text) of every element's own
    text outside <script>, <style>, visually hidden elements and the chapter list."""

    SKIP = {"script", "style", "nav"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden)
        self.texts: list[tuple[str, str]] = []
        self.in_body = False
        self.h1: list[str] = []  # every h1's text, hidden or not

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.in_body = True
        if tag in self.VOID:
            return
        hidden = (bool(self.stack) and self.stack[-1][1]) or tag in self.SKIP or \
            "visually-hidden" in (dict(attrs).get("class") or "").split()
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not (self.in_body and self.stack and data.strip()):
            return
        if any(tag == "h1" for tag, _ in self.stack):
            self.h1.append(data.strip())
        if not self.stack[-1][1]:
            self.texts.append((self.stack[-1][0], data.strip()))


def _page(html: str, out: Path, tmp_path: Path) -> tuple[str, _VisibleText]:
    (tmp_path / "lesson.html").write_text(html, encoding="utf-8")
    run = narrate(tmp_path / "lesson.html", "-o", out, "--book", "none", "--format", "wav", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    page = _VisibleText()
    page.feed((out / "index.html").read_text("utf-8"))
    return json.loads((out / "manifest.json").read_text("utf-8"))["title"], page


def test_the_player_shows_the_title_once_when_the_lesson_opens_with_it(tmp_path: Path) -> None:
    title, page = _page("<h1>The Water Cycle</h1><p>Water moves. It never stops.</p>"
                        "<h2>Rain</h2><p>Clouds give rain.</p>", tmp_path / "a", tmp_path)
    assert title == "The Water Cycle"
    assert sum(text.count(title) for _, text in page.texts) == 1, page.texts
    assert page.h1 == [title]  # the page's h1 is still there, for screen readers
    # a lesson whose text does not open with its title: the header shows it
    title, page = _page("<title>Tides</title><h1>Why the sea moves</h1><p>The moon pulls it.</p>",
                        tmp_path / "b", tmp_path)
    assert title == "Tides"
    assert [text for tag, text in page.texts if text == title] == [title]
