"""Course builds: a folder of lessons, one broken, one command; then a no-op rebuild."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cwd / "cache"))
    return subprocess.run([sys.executable, "-m", "narrator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


@pytest.fixture()
def course(tmp_path: Path) -> Path:
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "01-intro.html").write_text("<h1>Intro</h1><p>Welcome to the course. We start slowly.</p>")
    (folder / "02-cells.html").write_text("<h1>Cells</h1><h2>Parts</h2><p>A cell has a membrane.</p>"
                                          "<h2>Energy</h2><p>Mitochondria make energy.</p>")
    (folder / "03-broken.html").write_bytes(b"\x00\xff\x00binary junk" * 20)
    (folder / "04-review.html").write_text("<h1>Review</h1><p>Well done! See you next week.</p>")
    return folder


def test_course_build_with_a_broken_lesson(course: Path) -> None:
    cwd = course.parent
    proc = run(["course", "-q"], cwd)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "3 built, 0 up to date, 1 failed" in proc.stderr
    assert "03-broken.html" in proc.stderr
    root = cwd / "course.narration"
    index = json.loads((root / "course.json").read_text("utf-8"))
    by_source = {Path(lesson["source"]).name: lesson for lesson in index["lessons"]}
    assert [by_source[n]["status"] for n in sorted(by_source)] == ["built", "built", "failed", "built"]
    for name in ("01-intro.html", "02-cells.html", "04-review.html"):
        lesson = by_source[name]
        assert lesson["duration"] > 0 and (root / lesson["manifest"]).is_file()
        assert (root / lesson["player"]).is_file()
        for ch in lesson["chapters"]:
            assert (root / ch["file"]).is_file()
    assert by_source["02-cells.html"]["title"] == "Cells"
    m3u = (root / "course.m3u").read_text("utf-8").splitlines()
    assert m3u[0] == "#EXTM3U"
    files = [line for line in m3u if line and not line.startswith("#")]
    assert len(files) == sum(len(lesson["chapters"]) for lesson in index["lessons"])
    assert all((root / f).is_file() for f in files)
    page = (root / "index.html").read_text("utf-8")
    assert "01-intro/index.html" in page and "not narrated" in page

    # a no-op rebuild touches nothing and still reports the broken lesson
    mtimes = {p: p.stat().st_mtime_ns for p in root.rglob("*.mp3")}
    again = run(["course", "-q"], cwd)
    assert again.returncode == 1
    assert "0 built, 3 up to date, 1 failed" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*.mp3")} == mtimes


def test_glob_and_several_files_make_a_course(course: Path) -> None:
    cwd = course.parent
    proc = run(["course/0[12]-*.html", "-o", "out", "-q"], cwd)
    assert proc.returncode == 0, proc.stderr
    index = json.loads((cwd / "out" / "course.json").read_text("utf-8"))
    assert [lesson["path"] for lesson in index["lessons"]] == ["01-intro", "02-cells"]


def test_outputs_inside_the_course_folder_are_not_lessons(course: Path) -> None:
    """`narrate course -o course/build` twice: the player pages written the first time are not
    narrated as lessons the second time."""
    (course / "03-broken.html").unlink()
    cwd = course.parent
    first = run(["course", "-o", "course/build", "-q"], cwd)
    assert first.returncode == 0, first.stderr
    second = run(["course", "-o", "course/build", "-q"], cwd)
    assert second.returncode == 0, second.stderr
    assert "0 built, 3 up to date, 0 failed" in second.stderr
    index = json.loads((course / "build" / "course.json").read_text("utf-8"))
    assert [lesson["path"] for lesson in index["lessons"]] == ["01-intro", "02-cells", "04-review"]


def test_progress_names_its_lesson_and_a_failure_is_reported_once(course: Path) -> None:
    cwd = course.parent
    proc = run(["course", "-o", "build", "-f", "wav"], cwd)  # not -q: the progress lines
    assert proc.returncode == 1, proc.stderr
    progress = [line for line in proc.stderr.splitlines()
                if re.search(r"\b(synthesize|assemble|publish): \d+/\d+", line)]
    assert progress, proc.stderr
    lessons = {line.split(":")[0] for line in progress}
    assert lessons == {"01-intro", "02-cells", "04-review"}, progress  # every line says whose it is
    assert proc.stderr.count("03-broken.html") == 1, proc.stderr  # the failure, once
    assert proc.stderr.count("binary file") == 1, proc.stderr


def test_course_index_has_the_course_title_and_clock_durations(tmp_path: Path) -> None:
    import re
    from html.parser import HTMLParser

    folder = tmp_path / "Plant biology"
    folder.mkdir()
    (folder / "01-roots.html").write_text("<h1>Roots</h1><p>Roots take up water.</p>")
    (folder / "02-leaves.html").write_text("<h1>Leaves</h1><p>Leaves make sugar.</p>")
    proc = run(["Plant biology", "-q"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    root = tmp_path / "Plant biology.narration"
    index = json.loads((root / "course.json").read_text("utf-8"))
    assert index["title"] == "Plant biology"
    page = (root / "index.html").read_text("utf-8")
    assert "<title>Plant biology</title>" in page and "<h1>Plant biology</h1>" in page
    # durations as m:ss, the total and each lesson's
    for lesson in index["lessons"]:
        seconds = round(lesson["duration"])
        assert f'<span class="dur">{seconds // 60}:{seconds % 60:02d}</span>' in page
    assert re.search(r"2 lessons, \d+:\d\d<", page)

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.hrefs: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "a":
                self.hrefs += [v or "" for k, v in attrs if k == "href"]

    for lesson in index["lessons"]:
        player = root / lesson["player"]
        links = Links()
        links.feed(player.read_text("utf-8"))
        back = [h for h in links.hrefs if (player.parent / h).resolve() == (root / "index.html").resolve()]
        assert back, f"{lesson['player']} does not link back to the course index"

    # --title names the course; lessons that did not change are not rebuilt for it
    again = run(["Plant biology", "--title", "Botany 1", "-q"], tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 built, 2 up to date" in again.stderr
    assert json.loads((root / "course.json").read_text("utf-8"))["title"] == "Botany 1"
    assert "<h1>Botany 1</h1>" in (root / "index.html").read_text("utf-8")


def test_an_ebooks_licence_file_is_skipped_with_its_reason(tmp_path: Path) -> None:
    """An unpacked e-book: its last file is only Project Gutenberg's licence. The course skips it
    (said why, on the console, in course.json), lists it nowhere else, and succeeds."""
    folder = tmp_path / "Rivers"
    folder.mkdir()
    (folder / "01-chapter.xhtml").write_text("<html><body><h1>Chapter one</h1><p>The river ran.</p></body></html>")
    (folder / "02-licence.xhtml").write_text(
        "<html><body><p>End of the Project Gutenberg EBook of Rivers, by Ann Lee</p>"
        "<pre>\n*** END OF THIS PROJECT GUTENBERG EBOOK RIVERS ***\n</pre>"
        "<p>THE FULL PROJECT GUTENBERG LICENSE</p>" + "<p>Project Gutenberg-tm electronic works may be copied.</p>" * 19 +
        "</body></html>")
    skipped = "02-licence.xhtml: skipped, no speakable text in the document (left out: Project Gutenberg licence)"
    plan = run(["Rivers", "-n"], tmp_path)  # the dry run says the same
    assert plan.returncode == 0, plan.stderr
    assert skipped in plan.stdout and "'Chapter one'" in plan.stdout
    proc = run(["Rivers", "-q"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "1 built, 0 up to date, 1 skipped, 0 failed" in proc.stderr and skipped in proc.stderr
    root = tmp_path / "Rivers.narration"
    index = json.loads((root / "course.json").read_text("utf-8"))
    assert [(Path(x["source"]).name, x["status"]) for x in index["lessons"]] == [
        ("01-chapter.xhtml", "built"), ("02-licence.xhtml", "skipped")]
    assert index["skipped"] == ["Rivers/02-licence.xhtml"] and index["failed"] == []
    assert "Project Gutenberg licence" in index["lessons"][1]["error"]
    page = (root / "index.html").read_text("utf-8")
    assert "1 lesson," in page and "02-licence" not in page and "01-chapter/index.html" in page
    m3u = (root / "course.m3u").read_text("utf-8")
    assert "02-licence" not in m3u
    # narrated alone, the file is still an error: there is nothing to make
    alone = run(["Rivers/02-licence.xhtml", "-q"], tmp_path)
    assert alone.returncode != 0 and "Traceback" not in alone.stderr
    assert "02-licence.xhtml: no speakable text in the document (left out: Project Gutenberg licence)" in alone.stderr
