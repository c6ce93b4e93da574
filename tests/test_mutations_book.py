"""The book against the bugs issue 26 found the suite did not notice (each test fails on one
hand-made mutant listed in tests/mutants.py): where a chapter starts in the m4b when it opens
loud (no pause before it), the word times of the whole-book captions, and the EPUB's total
media:duration. Real `narrate` runs with the embedded engine, real ffmpeg decoding, the real
Whisper base model for word times."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import wave
import zipfile
from pathlib import Path

import numpy as np
import pytest

from narrator.util.ffmpeg import ffmpeg_exe
from test_verify import base_model  # noqa: F401 - fixture: Whisper base from the test packages

try:
    from tests.lessons import build_lesson
    from tests.test_epub import TWO_CHAPTERS
except ImportError:
    from lessons import build_lesson  # type: ignore[no-redef]
    from test_epub import TWO_CHAPTERS  # type: ignore[no-redef]

LESSON = ("<h1>Rivers</h1><p>Rivers carry water to the sea. They shape the land.</p>"
          "<h1>Mountains</h1><p>Mountains rise where plates meet. Snow covers their tops.</p>"
          "<h1>Deserts</h1><p>Deserts get little rain. Few plants grow there.</p>")
RATE = 22050


def narrate(tmp_path: Path, toml: str, *extra: str) -> tuple[Path, dict]:
    (tmp_path / "lesson.html").write_text(LESSON, encoding="utf-8")
    (tmp_path / "narrate.toml").write_text(toml, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "narrator", str(tmp_path / "lesson.html"), "-o", str(tmp_path / "out"),
                           "-c", str(tmp_path / "narrate.toml"), "--cache-dir", str(tmp_path / "cache"),
                           "-f", "wav", "-q", *extra], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    return out, json.loads((out / "manifest.json").read_text("utf-8"))


def decoded(path: Path) -> np.ndarray:
    raw = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-ar", str(RATE), "-"],
                         check=True, capture_output=True).stdout
    return np.frombuffer(raw, "<i2").astype(np.float64)


def samples(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        assert w.getframerate() == RATE
        return np.frombuffer(w.readframes(w.getnframes()), "<i2").astype(np.float64)


def book_marks(path: Path) -> list[tuple[int, int]]:
    """(start, end) in ms of the m4b's chapters, as ffmpeg reads them back."""
    meta = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "ffmetadata", "-"],
                          check=True, capture_output=True, text=True).stdout
    found = re.findall(r"\[CHAPTER\]\nTIMEBASE=1/(\d+)\nSTART=(\d+)\nEND=(\d+)", meta)
    return [(round(int(a) * 1000 / int(t)), round(int(b) * 1000 / int(t))) for t, a, b in found]


def test_a_chapter_opening_loud_starts_in_the_book_where_its_audio_is(tmp_path: Path) -> None:
    """With ``pauses.chapter_head = 0`` a chapter opens on speech, so its piece of the book keeps
    some of the encoder's priming before it (the piece's lead): the chapter's start in the
    manifest, the m4b's chapter marks and the book captions must all include it, or every
    sentence is highlighted and every chapter jumped to a little early."""
    out, manifest = narrate(tmp_path, "[pauses]\nchapter_head = 0\n")
    chapters = manifest["chapters"]
    assert len(chapters) == 3
    assert all(c["build"]["book_lead"] > 0 for c in chapters)  # the case this test is about
    book = out / manifest["audio"]["book"]
    audio = np.concatenate([np.zeros(RATE), decoded(book)])  # room to look before the first
    for c in chapters:
        first = samples(out / c["file"])[:RATE // 2]
        at = round(c["start"] * RATE) + RATE
        reach = RATE // 10
        window = audio[at - reach: at + reach + len(first)]
        lag = int(np.argmax(np.correlate(window, first, "valid"))) - reach
        assert abs(lag) <= RATE // 1000, (c["title"], lag)  # within a millisecond (the manifest's unit)
    marks = book_marks(book)
    # the first mark opens the book (the MP4 chapter track starts at 0); the others are where
    # their chapters start
    assert len(marks) == 3 and marks[0][0] == 0
    assert [m[0] for m in marks[1:]] == [round(c["start"] * 1000) for c in chapters[1:]]
    # the book's captions put each sentence where the book has it
    cues = vtt_cues((out / manifest["audio"]["captions"]).read_text("utf-8"))
    by_id = {s["id"]: s for s in manifest["segments"]}
    starts = {c["index"]: c["start"] for c in chapters}
    assert len(cues) == len(by_id)
    for (start, end, _), seg in zip(cues, manifest["segments"]):
        assert seg["book_start"] == pytest.approx(starts[int(seg["id"][1:3])] + seg["start"], abs=0.0011)
        assert start == pytest.approx(seg["book_start"], abs=0.0011) and end == pytest.approx(seg["book_end"], abs=0.0011)
    assert set(by_id) == {s["id"] for s in manifest["segments"]}


def clock(text: str) -> float:
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def vtt_cues(text: str) -> list[tuple[float, float, list[float]]]:
    """(start, end, word tag times) of each cue of a WebVTT file."""
    cues = []
    for block in text.split("\n\n"):
        m = re.search(r"(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})[^\n]*\n(.*)", block, re.S)
        if m:
            cues.append((clock(m.group(1)), clock(m.group(2)),
                         [clock(t) for t in re.findall(r"<(\d\d:\d\d:\d\d\.\d{3})>", m.group(3))]))
    return cues


@pytest.mark.slow
def test_the_whole_book_captions_carry_each_word_at_its_time_in_the_book(tmp_path: Path, base_model: Path) -> None:
    """Word times (from the speech check) are made in each chapter's time base; the book's
    captions must move them by the chapter's start in the book, the same as their cues."""
    toml = f'[verify]\nmodel = "{base_model}"\nthreads = 1\n'
    out, manifest = narrate(tmp_path, toml, "--verify")
    chapter_words: list[list[float]] = []
    for c in manifest["chapters"]:
        chapter_words += [w for _, _, w in vtt_cues((out / c["captions"]).read_text("utf-8"))]
    book = vtt_cues((out / manifest["audio"]["captions"]).read_text("utf-8"))
    segments = manifest["segments"]
    assert len(book) == len(segments) == len(chapter_words)
    assert sum(map(len, chapter_words)) >= 20  # words were heard and timed
    for (start, end, words), seg, own in zip(book, segments, chapter_words):
        shift = seg["book_start"] - seg["start"]
        assert len(words) == len(own)
        assert words == pytest.approx([w + shift for w in own], abs=0.0011), seg["id"]
        assert all(start - 0.0011 <= w <= end + 0.0011 for w in words), seg["id"]
    assert any(seg["book_start"] - seg["start"] > 1 for seg in segments)  # later chapters do move


def test_the_epub_s_total_duration_is_the_sum_of_its_overlays(tmp_path: Path) -> None:
    """epubcheck 4 does not check the package's total media:duration: it must equal the sum of
    the overlays' durations, each the sum of its clips."""
    out, manifest, _ = build_lesson(tmp_path, TWO_CHAPTERS, **{"output.epub": True})
    with zipfile.ZipFile(out / manifest["epub"]) as z:
        package = z.read("EPUB/package.opf").decode()
        overlays = {}
        for c in manifest["chapters"]:
            smil = z.read(f"EPUB/chapter-{c['index']:02d}.smil").decode()
            clips = re.findall(r'clipBegin="([\d.]+)s" clipEnd="([\d.]+)s"', smil)
            overlays[f"mo{c['index']:02d}"] = sum(float(b) - float(a) for a, b in clips)
    total = re.findall(r'<meta property="media:duration">([^<]+)</meta>', package)
    each = dict(re.findall(r'<meta property="media:duration" refines="#(mo\d\d)">([^<]+)</meta>', package))
    assert len(total) == 1 and set(each) == set(overlays) and len(overlays) >= 2
    for mo, seconds in overlays.items():
        assert clock(each[mo]) == pytest.approx(seconds, abs=0.002), mo
    assert clock(total[0]) == pytest.approx(sum(clock(v) for v in each.values()), abs=0.002)
    assert clock(total[0]) == pytest.approx(sum(s["end"] - s["start"] for s in manifest["segments"]), abs=0.01)
    assert clock(total[0]) > 1
