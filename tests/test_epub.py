"""The read-along EPUB 3: built from a real lesson, checked by the W3C's epubcheck (Debian package
`epubcheck`), and read back like an e-reader would (overlays -> text fragments and audio clips)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

try:
    from tests.lessons import STRUCTURED, build_lesson
except ImportError:
    from lessons import STRUCTURED, build_lesson  # type: ignore[no-redef]

JAR = Path("/usr/share/java/epubcheck.jar")
SMIL = "{http://www.w3.org/ns/SMIL}"
XHTML = "{http://www.w3.org/1999/xhtml}"
TWO_CHAPTERS = STRUCTURED.replace("<h3>Deeper</h3><p>The end.</p>",
                                  '<h2>Words</h2><p>细胞很小。 <span lang="fr">La cellule &amp; moi.</span></p>')


def epubcheck_command() -> list[str]:
    """How to run epubcheck here: the jar with java (binfmt may not run /usr/bin/epubcheck)."""
    java = shutil.which("java")
    if JAR.is_file() and java:
        return [java, "-jar", str(JAR)]
    message = "needs epubcheck (Debian package `epubcheck`)"
    if os.environ.get("NARRATOR_REQUIRE_EPUBCHECK") or os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out, manifest, _ = build_lesson(tmp_path_factory.mktemp("epub"), TWO_CHAPTERS, **{"output.epub": True})
    return out, manifest


def test_the_epub_passes_epubcheck(book) -> None:
    out, manifest = book
    command = epubcheck_command()
    assert manifest["epub"] == "cells.epub"
    proc = subprocess.run([*command, str(out / manifest["epub"])], capture_output=True, text=True, timeout=600)
    report = proc.stdout + proc.stderr
    assert proc.returncode == 0, report
    assert "0 fatals / 0 errors / 0 warnings" in report, report


def test_the_container_follows_the_ocf_rules(book) -> None:
    out, manifest = book
    with zipfile.ZipFile(out / manifest["epub"]) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/epub+zip"
        assert first.extra == b""
        # the chapter audio is the narration's own file, byte for byte
        for c in manifest["chapters"]:
            assert z.read(f"EPUB/{c['file']}") == (out / c["file"]).read_bytes()


def test_every_sentence_is_highlighted_while_its_audio_plays(book) -> None:
    """Each overlay <par> points at the sentence's span in the chapter document and at exactly
    that sentence's stretch of the chapter audio, in reading order, for every sentence."""
    out, manifest = book
    pars = []
    with zipfile.ZipFile(out / manifest["epub"]) as z:
        package = z.read("EPUB/package.opf").decode()
        for c in manifest["chapters"]:
            n = c["index"]
            doc = ElementTree.fromstring(z.read(f"EPUB/chapter-{n:02d}.xhtml"))
            # a sentence is one span, or one per table cell it crosses (the header labels it
            # speaks are in the table head)
            spans: dict[str, list[str]] = {}
            for e in doc.iter(f"{XHTML}span"):
                if e.get("data-seg"):
                    spans.setdefault(e.get("data-seg"), []).append("".join(e.itertext()))
            ids = {e.get("id") for e in doc.iter(f"{XHTML}span") if e.get("id")}
            smil = ElementTree.fromstring(z.read(f"EPUB/chapter-{n:02d}.smil"))
            assert f'media-overlay="mo{n:02d}"' in package
            for par in smil.iter(f"{SMIL}par"):
                text, audio = par.find(f"{SMIL}text"), par.find(f"{SMIL}audio")
                page, _, frag = text.get("src").partition("#")
                assert page == f"chapter-{n:02d}.xhtml" and audio.get("src") == c["file"]
                assert frag in ids
                pieces = spans[frag]
                pars.append((frag, pieces[0] if len(pieces) == 1 else pieces, float(audio.get("clipBegin").rstrip("s")),
                             float(audio.get("clipEnd").rstrip("s"))))
    cells = {"Part: Wall; Job: Support.": ["Wall", "Support."], "Part: Vacuole; Job: Storage.": ["Vacuole", "Storage."]}
    assert pars == [(s["id"], cells.get(s["text"], s["text"]), s["start"], s["end"]) for s in manifest["segments"]]
    assert re.search(r'<meta property="media:active-class">[^<]+</meta>', package)


def test_cli_epub_option_and_formats_it_cannot_hold(tmp_path: Path) -> None:
    (tmp_path / "lesson.html").write_text("<h1>Hi</h1><p>One sentence here. Another one.</p>", "utf-8")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    run = lambda *a: subprocess.run([sys.executable, "-m", "narrator", *a], cwd=tmp_path, env=env,  # noqa: E731
                                    capture_output=True, text=True, timeout=600)
    bad = run("lesson.html", "--epub", "-f", "wav", "-q")
    assert bad.returncode == 2, bad.stderr
    # reported under the options that set the values (issue 10)
    assert "--epub: needs --format mp3, m4a or ogg (not wav)" in bad.stderr
    assert not (tmp_path / "lesson.narration" / "manifest.json").exists()
    ok = run("lesson.html", "--epub", "-q")
    assert ok.returncode == 0, ok.stderr
    book = tmp_path / "lesson.narration" / "hi.epub"
    with zipfile.ZipFile(book) as z:
        assert z.read("mimetype") == b"application/epub+zip"
        assert "One sentence here." in z.read("EPUB/chapter-01.xhtml").decode()
