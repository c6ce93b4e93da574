"""narrate the samples end to end on the embedded engine and check what a listener gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import narrator
from narrator.config import load_config
from tests.helpers import decoded_duration

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def narrated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict]]:
    base = tmp_path_factory.mktemp("e2e")
    config = load_config(overrides={"cache_dir": str(base / "cache")})
    out = {}
    for name in ("lesson.html", "english-lesson.html", "word-lesson.html"):
        out_dir = base / name.replace(".html", ".narration")
        manifest = narrator.narrate(SAMPLES / name, config, out_dir=out_dir)
        out[name] = (out_dir, manifest)
    return out


@pytest.mark.parametrize("name", ["lesson.html", "english-lesson.html", "word-lesson.html"])
def test_chapter_files_decode_to_the_manifest_duration(narrated, name: str, tmp_path: Path) -> None:
    out_dir, manifest = narrated[name]
    on_disk = json.loads((out_dir / "manifest.json").read_text("utf-8"))
    assert on_disk == manifest
    assert manifest["version"] == 1 and manifest["chapters"]
    total = 0.0
    for chapter in manifest["chapters"]:
        path = out_dir / chapter["file"]
        assert path.suffix == ".m4a" and path.is_file()
        # its piece of the book: the chapter's samples, then less than one AAC frame of padding
        assert 0 <= decoded_duration(path, tmp_path) - chapter["duration"] < 1024 / manifest["audio"]["sample_rate"] + 0.001
        total += chapter["duration"]
    book = out_dir / manifest["audio"]["book"]
    # the programme's duration is the book's as a player decodes it (issue 10), not the sum
    assert manifest["audio"]["duration"] == pytest.approx(decoded_duration(book, tmp_path), abs=0.0005)
    assert 0 <= manifest["audio"]["duration"] - total < 0.05 * len(manifest["chapters"])
    assert book.suffix == ".m4b"
    # Chapters join in the book on whole AAC frames (1024 samples, see narrator.publishing.book): each
    # starts less than a frame after the previous one ends, and the book ends with the last.
    last = manifest["chapters"][-1]
    book_end = last["start"] + last["duration"]
    assert 0 <= book_end - total < 0.05 * len(manifest["chapters"])
    assert decoded_duration(book, tmp_path) == pytest.approx(book_end, abs=0.05)


@pytest.mark.parametrize("name", ["lesson.html", "english-lesson.html", "word-lesson.html"])
def test_segment_timings_are_contiguous_with_the_configured_pauses(narrated, name: str) -> None:
    _, manifest = narrated[name]
    pauses = load_config().pauses
    for chapter in manifest["chapters"]:
        segs = [s for s in manifest["segments"] if s["chapter"] == chapter["index"]]
        assert segs, chapter
        assert segs[0]["start"] == pytest.approx(pauses.chapter_head / 1000, abs=0.002)
        for a, b in zip(segs, segs[1:]):
            assert a["end"] > a["start"]
            assert b["start"] - a["end"] == pytest.approx(a["pause_after_ms"] / 1000, abs=0.002)
            assert a["pause_after_ms"] in {pauses.sentence, pauses.paragraph, pauses.item,
                                           pauses.after_heading, pauses.before_heading, pauses.section}
        assert chapter["duration"] - segs[-1]["end"] == pytest.approx(pauses.chapter_tail / 1000, abs=0.002)
        for s in segs:
            assert s["book_start"] == pytest.approx(chapter["start"] + s["start"], abs=0.002)


def test_chinese_lesson_has_its_chapters_emotions_and_no_code(narrated) -> None:
    out_dir, manifest = narrated["lesson.html"]
    titles = [c["title"] for c in manifest["chapters"]]
    assert any("什么是光合作用" in t for t in titles) and any("小结" in t for t in titles)
    texts = " ".join(s["text"] for s in manifest["segments"])
    assert "rate = light" not in texts  # code is skipped by default
    assert "叶绿体" in texts and "显微照片" in texts  # image alt is read
    emotions = {s["emotion"] for s in manifest["segments"]}
    assert {"serious", "excited"} <= emotions
    assert all(s["lang"] == "zh" for s in manifest["segments"] if "光合" in s["text"])
    warm = [s for s in manifest["segments"] if "今天的课就到这里" in s["text"]]
    assert warm and warm[0]["emotion"] == "warm"  # data-emotion wins
    assert (out_dir / "index.html").is_file()
    vtts = list((out_dir).rglob("*.vtt"))
    assert vtts and all(v.read_text("utf-8").startswith("WEBVTT") for v in vtts)


def test_word_lesson_reads_no_junk(narrated) -> None:
    _, manifest = narrated["word-lesson.html"]
    texts = [s["text"] for s in manifest["segments"]]
    joined = " ".join(texts)
    assert "·" not in joined and "WordDocument" not in joined and "Normal" not in joined
    assert "Find a common denominator." in texts
    assert [c["title"] for c in manifest["chapters"]][-1] == "Practice"


def test_unchanged_rerun_is_up_to_date(narrated) -> None:
    out_dir, manifest = narrated["english-lesson.html"]
    config = load_config(overrides={"cache_dir": str(out_dir.parent / "cache")})
    before = {p: p.stat().st_mtime_ns for p in out_dir.rglob("*") if p.is_file()}
    again = narrator.narrate(SAMPLES / "english-lesson.html", config, out_dir=out_dir)
    assert again == manifest
    assert {p: p.stat().st_mtime_ns for p in out_dir.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("fmt", ["wav", "ogg", "m4a", "flac"])
def test_other_formats(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "l.html").write_text("<h1>T</h1><h2>One</h2><p>First part. It is short.</p>"
                                     "<h2>Two</h2><p>Second part.</p>")
    config = load_config(overrides={"cache_dir": str(tmp_path / "cache"), "output.format": fmt,
                                    "output.book": "mp3"})
    manifest = narrator.narrate(tmp_path / "l.html", config, out_dir=tmp_path / "out")
    assert len(manifest["chapters"]) == 2
    for chapter in manifest["chapters"]:
        path = tmp_path / "out" / chapter["file"]
        assert path.suffix == "." + fmt
        assert decoded_duration(path, tmp_path) == pytest.approx(chapter["duration"], abs=0.05)
    assert manifest["audio"]["book"].endswith(".mp3")


def test_programme_loudness_by_an_independent_meter(narrated, tmp_path: Path) -> None:
    """The published book, decoded and measured by pyloudnorm, is at the target within 1 LU."""
    import wave

    import numpy as np
    import pyloudnorm

    from tests.helpers import decode_wav

    out_dir, manifest = narrated["english-lesson.html"]
    decoded = decode_wav(out_dir / manifest["audio"]["book"], tmp_path / "book.wav")
    with wave.open(str(decoded)) as w:
        rate = w.getframerate()
        samples = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32768
    loudness = pyloudnorm.Meter(rate).integrated_loudness(samples)
    target = load_config().output.loudness
    assert abs(loudness - target) <= 1.0, loudness
    assert manifest["loudness"]["target_lufs"] == target
    assert abs(manifest["loudness"]["integrated_lufs"] - loudness) <= 1.0


def test_progress_is_visible_when_not_on_a_terminal(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    (tmp_path / "l.html").write_text("<h1>T</h1><p>One. Two. Three.</p>")
    proc = subprocess.run([sys.executable, "-m", "narrator", "l.html"], cwd=tmp_path, capture_output=True,
                          text=True, env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache")))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert "\r" not in proc.stderr  # plain lines, no terminal control
    assert any(line.startswith("synthesize: 4/4") and "elapsed" in line for line in lines), lines
    assert lines[-1].startswith("l.narration: 1 chapter, ")


def test_outputs_get_normal_file_permissions(narrated) -> None:
    """Written atomically, yet readable like any file the user creates (not mkstemp's 0600)."""
    import os

    umask = os.umask(0)
    os.umask(umask)
    out_dir, _ = narrated["english-lesson.html"]
    files = [p for p in out_dir.rglob("*") if p.is_file()]
    assert files
    for path in files:
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path


def test_up_to_date_rerun_says_so(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    (tmp_path / "l.html").write_text("<h1>T</h1><p>One. Two.</p>")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    run = lambda: subprocess.run([sys.executable, "-m", "narrator", "l.html"], cwd=tmp_path,  # noqa: E731
                                 capture_output=True, text=True, env=env)
    first = run()
    assert first.returncode == 0 and "(3 synthesized, 0 cached)" in first.stderr, first.stderr
    config = load_config(overrides={"cache_dir": str(tmp_path / "cache")})
    assert narrator.current_manifest(tmp_path / "l.html", config) is not None
    second = run()
    assert second.returncode == 0 and "(up to date, nothing to do)" in second.stderr, second.stderr
    (tmp_path / "l.html").write_text("<h1>T</h1><p>One. Three.</p>")
    assert narrator.current_manifest(tmp_path / "l.html", config) is None
    third = run()
    assert "(1 synthesized, 2 cached)" in third.stderr, third.stderr


def test_python_api_names_stay_functions_after_a_run(narrated) -> None:
    """`narrator.plan` is the function the README shows, even once the pipeline has run."""
    script = narrator.plan(SAMPLES / "english-lesson.html")
    assert script.chapters and callable(narrator.plan) and callable(narrator.narrate)


def test_switching_engine_makes_the_folder_out_of_date(narrated) -> None:
    out_dir, _ = narrated["english-lesson.html"]
    config = load_config(overrides={"cache_dir": str(out_dir.parent / "cache")})
    assert narrator.current_manifest(SAMPLES / "english-lesson.html", config, out_dir=out_dir) is not None
    served = load_config(overrides={"cache_dir": str(out_dir.parent / "cache"),
                                    "engine.servers": ["http://127.0.0.1:9"]})
    assert narrator.current_manifest(SAMPLES / "english-lesson.html", served, out_dir=out_dir) is None


@pytest.mark.parametrize("book", ["m4b", "mp3"])
def test_manifest_duration_is_the_book_files_real_duration(tmp_path: Path, book: str) -> None:
    config = narrator.load_config(overrides={"cache_dir": str(tmp_path / "cache"), "output.book": book})
    manifest = narrator.narrate(SAMPLES / "english-lesson.html", config, out_dir=tmp_path / "out")
    real = decoded_duration(tmp_path / "out" / manifest["audio"]["book"], tmp_path)
    assert abs(manifest["audio"]["duration"] - real) <= 0.0005  # equal, to the manifest's millisecond
    last = manifest["chapters"][-1]
    assert manifest["audio"]["duration"] >= last["start"] + last["duration"]
