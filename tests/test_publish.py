"""publish(): real chapter WAVs (tones) through real ffmpeg, read back like a user's player would."""

from __future__ import annotations

import array
import json
import math
import re
import subprocess
import wave
from collections.abc import Sequence
from pathlib import Path

import pytest

from narrator.config import load_config
from narrator.util.wavio import mono_wav
from narrator.values import (
    ChapterAudio,
    Programme,
    Script,
    ScriptChapter,
    Segment,
    SegmentTiming,
)
from narrator.errors import OutputError
from narrator.events import Progress
from narrator.util.ffmpeg import ffmpeg_exe
from narrator.publishing.publish import publish
from narrator.rebuild import read_previous
from helpers import decoded_duration

RATE = 22050
HEAD, PAUSE, TAIL = 0.3, 0.2, 0.4


def _tone(seconds: float, freq: float) -> array.array:
    n = round(seconds * RATE)
    step = 2 * math.pi * freq / RATE
    return array.array("h", (int(6000 * math.sin(i * step)) for i in range(n)))


def make_lesson(tmp: Path, chapters: Sequence[tuple[str, Sequence[str]]], *, title: str = "Lesson",
                seg_seconds: float = 0.5, publish_only: Sequence[int] | None = None,
                lang: str = "en") -> tuple[Script, Programme]:
    """A Script and a Programme built by hand: each segment a tone, pauses as silence, timings
    counted from the frames written (as assembly does)."""
    tmp.mkdir(parents=True, exist_ok=True)
    script_chapters, audio_chapters = [], []
    for ci, (ch_title, texts) in enumerate(chapters, start=1):
        segs = tuple(Segment(id=f"c{ci:02d}-s{si:04d}", chapter=ci, text=text, spoken=text, lang=lang,
                             emotion="neutral", boundary="sentence" if si < len(texts) else "end",
                             pause_after_ms=int(PAUSE * 1000), source=f"#p{ci}-{si}")
                     for si, text in enumerate(texts, start=1))
        script_chapters.append(ScriptChapter(ci, ch_title, segs))
        frames = array.array("h", bytes(2 * round(HEAD * RATE)))
        timings = []
        for k, seg in enumerate(segs):
            start = len(frames) / RATE
            frames.extend(_tone(seg_seconds, 220 + 40 * k))
            timings.append(SegmentTiming(seg.id, start, len(frames) / RATE))
            frames.extend(array.array("h", bytes(2 * round((PAUSE if k < len(segs) - 1 else TAIL) * RATE))))
        wav_path = tmp / f"chapter{ci}.wav"
        wav_path.write_bytes(mono_wav(frames.tobytes(), RATE))
        if publish_only is None or ci in publish_only:
            audio_chapters.append(ChapterAudio(ci, ch_title, wav_path, len(frames) / RATE, tuple(timings)))
    script = Script(title, lang, tuple(script_chapters), source_path=str(tmp / "lesson.html"),
                    source_sha256="ab" * 32)
    return script, Programme(RATE, tuple(audio_chapters), {"integrated_lufs": -19.0})


def run_publish(script: Script, programme: Programme, out: Path, **overrides) -> dict:
    config = load_config(overrides=overrides)
    out.mkdir(parents=True, exist_ok=True)
    return publish(script, programme, out, config, engine_info={"name": "tone", "fingerprint": "f"},
                   stats={"segments": len(script.segments)},
                   take_keys={s.id: "key-" + s.id for s in script.segments}, build={"key": "k1"},
                   previous=read_previous(out).files)


CHAPTERS = [("Introduction", ["Hello there.", "This is a test."]),
            ("第二章 总结", ["Fish & chips <b>bold</b>.", "Second.", "Third."])]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, Script, Programme]:
    base = tmp_path_factory.mktemp("pub")
    script, programme = make_lesson(base / "wav", CHAPTERS)
    manifest = run_publish(script, programme, base / "out")
    return base / "out", manifest, script, programme


def test_chapter_files_decode_to_the_manifest_durations(published, tmp_path: Path) -> None:
    out, manifest, _, programme = published
    assert [c["file"] for c in manifest["chapters"]] == ["chapters/01-introduction.m4a",
                                                           "chapters/02-第二章-总结.m4a"]
    for chapter, audio in zip(manifest["chapters"], programme.chapters):
        assert chapter["duration"] == round(audio.duration, 3)
        # A chapter file is its piece of the book: the chapter's samples from the first on, and
        # less than one AAC frame of padding after them.
        padding = decoded_duration(out / chapter["file"], tmp_path) - chapter["duration"]
        assert -0.0005 <= padding < 1024 / RATE
    # the programme lasts as long as its book plays (issue 10): the chapters, the small gaps
    # that start each on a whole codec frame, and the last frame's padding
    book = decoded_duration(out / manifest["audio"]["book"], tmp_path)
    assert manifest["audio"]["duration"] == pytest.approx(book, abs=0.0005)
    assert 0 <= manifest["audio"]["duration"] - programme.duration < FRAME * len(manifest["chapters"])
    check_book_layout(manifest)


# The book joins chapters on whole codec frames (AAC: 1024 samples, mp3: 576 or 1152): each
# chapter starts after the previous one's end, less than one frame later.
FRAME = 1152 / RATE


def check_book_layout(manifest: dict) -> None:
    chapters = manifest["chapters"]
    assert chapters[0]["start"] == 0.0
    for a, b in zip(chapters, chapters[1:]):
        assert 0 <= b["start"] - (a["start"] + a["duration"]) < FRAME + 0.002, (a, b)


def book_end(manifest: dict) -> float:
    return manifest["chapters"][-1]["start"] + manifest["chapters"][-1]["duration"]


def chapter_marks(manifest: dict) -> list[tuple[str, float, float]]:
    """(title, start, end) of the book's chapter marks: each runs to the next one's start."""
    chapters = manifest["chapters"]
    ends = [c["start"] for c in chapters[1:]] + [book_end(manifest)]
    return [(c["title"], c["start"], end) for c, end in zip(chapters, ends)]


def test_manifest_on_disk_matches_and_lists_exact_timings(published) -> None:
    out, manifest, script, programme = published
    assert json.loads((out / "manifest.json").read_text("utf-8")) == manifest
    assert manifest["version"] == 1 and manifest["title"] == "Lesson"
    assert manifest["source"] == {"path": script.source_path, "sha256": "ab" * 32}
    assert manifest["engine"]["name"] == "tone" and manifest["build"] == {"key": "k1"}
    assert manifest["loudness"] == {"integrated_lufs": -19.0}
    assert manifest["audio"]["book"] == "lesson.m4b" and manifest["audio"]["format"] == "m4a"
    timings = {t.segment_id: (t.start, t.end, c) for c in programme.chapters for t in c.timings}
    assert [s["id"] for s in manifest["segments"]] == [s.id for s in script.segments]
    offset = {c["index"]: c["start"] for c in manifest["chapters"]}
    for seg in manifest["segments"]:
        start, end, chapter = timings[seg["id"]]
        assert (seg["start"], seg["end"]) == (round(start, 3), round(end, 3))
        assert seg["book_start"] == pytest.approx(offset[chapter.index] + start, abs=0.001)
        assert seg["take"] == "key-" + seg["id"]


def _ffmetadata_chapters(path: Path) -> list[tuple[str, int, int, int]]:
    """(title, START, END, timebase denominator) per chapter, as ffmpeg reads them."""
    text = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "ffmetadata", "-"],
                          check=True, capture_output=True).stdout.decode("utf-8")
    chapters = []
    for block in text.split("[CHAPTER]")[1:]:
        fields = dict(line.split("=", 1) for line in block.strip().splitlines() if "=" in line)
        num, den = map(int, fields["TIMEBASE"].split("/"))
        assert num == 1, fields["TIMEBASE"]
        chapters.append((fields["title"], int(fields["START"]), int(fields["END"]), den))
    return chapters


def test_m4b_book_has_the_chapters(published, tmp_path: Path) -> None:
    """An m4b stores where each chapter starts (a player shows a chapter running to the next
    one): ffmpeg and mutagen read the same starts, each chapter ends exactly where the next
    starts, and the last one ends with the programme."""
    from mutagen.mp4 import MP4

    out, manifest, _, programme = published
    book = out / manifest["audio"]["book"]
    chapters = _ffmetadata_chapters(book)
    titles = ["Introduction", "第二章 总结"]
    assert [c[0] for c in chapters] == titles
    mp4 = MP4(str(book))
    assert [(c.title, round(c.start, 3)) for c in mp4.chapters] == [
        (title, round(start / den, 3)) for title, start, _, den in chapters]
    for (_, start, _, den), want in zip(chapters, manifest["chapters"]):
        assert start / den == pytest.approx(want["start"], abs=0.002)
    for (_, _, end, den), (_, next_start, _, next_den) in zip(chapters, chapters[1:]):
        assert (end, den) == (next_start, next_den)
    _, _, last_end, den = chapters[-1]
    assert last_end / den == pytest.approx(book_end(manifest), abs=0.002)
    assert last_end / den == pytest.approx(mp4.info.length, abs=0.002)  # the audio track's length
    assert book_end(manifest) - 0.002 <= decoded_duration(book, tmp_path) < book_end(manifest) + FRAME


def test_mp3_book_has_chap_frames_and_an_ordered_toc(tmp_path: Path) -> None:
    from mutagen.id3 import ID3, CTOCFlags

    script, programme = make_lesson(tmp_path / "wav", [("One = #1; a\\b", ["A."]), ("Two", ["B.", "C."])],
                                    title="My Book")
    manifest = run_publish(script, programme, tmp_path / "out", **{"output.book": "mp3"})
    assert manifest["audio"]["book"] == "my-book.mp3"
    book = tmp_path / "out" / "my-book.mp3"
    tags = ID3(str(book))
    (toc,) = tags.getall("CTOC")
    assert toc.flags & CTOCFlags.TOP_LEVEL and toc.flags & CTOCFlags.ORDERED
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    assert list(toc.child_element_ids) == sorted(chaps) and len(chaps) == 2
    got = [(str(chaps[i].sub_frames["TIT2"]), chaps[i].start_time, chaps[i].end_time)
           for i in toc.child_element_ids]
    check_book_layout(manifest)
    assert got == [(title, round(start * 1000), round(end * 1000)) for title, start, end in chapter_marks(manifest)]
    assert got[0][1] == 0 and got[-1][2] == round(book_end(manifest) * 1000)
    assert str(tags["TIT2"]) == "My Book" and str(tags["TALB"]) == "My Book"
    assert book_end(manifest) - 0.002 <= decoded_duration(book, tmp_path) < book_end(manifest) + FRAME


@pytest.mark.parametrize("fmt", ["wav", "ogg", "m4a", "flac"])
def test_other_formats_decode_to_the_manifest_duration(tmp_path: Path, fmt: str) -> None:
    script, programme = make_lesson(tmp_path / "wav", [("Only", ["One.", "Two."])])
    manifest = run_publish(script, programme, tmp_path / "out", **{"output.format": fmt,
                                                                   "output.book": "none"})
    (chapter,) = manifest["chapters"]
    assert chapter["file"] == f"chapters/01-only.{fmt}" and manifest["audio"]["book"] is None
    assert decoded_duration(tmp_path / "out" / chapter["file"], tmp_path) == pytest.approx(
        chapter["duration"], abs=0.03)
    assert not list((tmp_path / "out").glob("*.m4b"))


_CUE_TIME = re.compile(r"^(\d{2}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2}):(\d{2}):(\d{2})\.(\d{3})$")


def parse_vtt(text: str) -> list[tuple[str, float, float, str]]:
    """A strict little WebVTT reader: (id, start, end, text) per cue."""
    assert text.startswith("WEBVTT\n\n")
    cues = []
    for block in text[len("WEBVTT\n\n"):].strip("\n").split("\n\n"):
        lines = block.split("\n")
        cue_id = lines.pop(0) if "-->" not in lines[0] else ""
        m = _CUE_TIME.match(lines[0])
        assert m, lines[0]
        h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, m.groups())
        assert m1 < 60 and s1 < 60 and m2 < 60 and s2 < 60
        cues.append((cue_id, round(h1 * 3600 + m1 * 60 + s1 + ms1 / 1000, 3),
                     round(h2 * 3600 + m2 * 60 + s2 + ms2 / 1000, 3), "\n".join(lines[1:])))
    return cues


def test_captions_are_valid_webvtt_with_the_segment_timings(published) -> None:
    out, manifest, _, programme = published
    for chapter, audio in zip(manifest["chapters"], programme.chapters):
        assert chapter["captions"] == chapter["file"].removesuffix(".m4a") + ".vtt"
        cues = parse_vtt((out / chapter["captions"]).read_text("utf-8"))
        assert [(c[0], c[1], c[2]) for c in cues] == [
            (t.segment_id, round(t.start, 3), round(t.end, 3)) for t in audio.timings]
    book = parse_vtt((out / manifest["audio"]["captions"]).read_text("utf-8"))
    assert [(c[0], c[1], c[2]) for c in book] == [(s["id"], s["book_start"], s["book_end"])
                                                  for s in manifest["segments"]]
    assert book[2][3] == "Fish &amp; chips &lt;b&gt;bold&lt;/b&gt;."
    track = parse_vtt((out / "chapters.vtt").read_text("utf-8"))
    assert [(c[3], c[1]) for c in track] == [(c["title"], c["start"]) for c in manifest["chapters"]]
    assert manifest["audio"]["chapters"] == "chapters.vtt"


def parse_srt(text: str) -> list[tuple[int, float, float, str]]:
    """SubRip as an LMS reads it: blocks of number, "HH:MM:SS,mmm --> HH:MM:SS,mmm", text."""
    cues = []
    for block in text.strip().split("\n\n"):
        lines = block.split("\n")
        m = re.fullmatch(r"(\d+):(\d\d):(\d\d),(\d{3}) --> (\d+):(\d\d):(\d\d),(\d{3})", lines[1])
        assert m, block
        h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, m.groups())
        cues.append((int(lines[0]), round(h1 * 3600 + m1 * 60 + s1 + ms1 / 1000, 3),
                     round(h2 * 3600 + m2 * 60 + s2 + ms2 / 1000, 3), "\n".join(lines[2:])))
    return cues


def test_srt_captions_beside_each_webvtt_file(published) -> None:
    out, manifest, _, programme = published
    for chapter, audio in zip(manifest["chapters"], programme.chapters):
        assert chapter["srt"] == chapter["file"].removesuffix(".m4a") + ".srt"
        cues = parse_srt((out / chapter["srt"]).read_text("utf-8"))
        texts = {s["id"]: s["text"] for s in manifest["segments"]}
        assert cues == [(k, round(t.start, 3), round(t.end, 3), texts[t.segment_id])
                        for k, t in enumerate(audio.timings, 1)]
    assert manifest["audio"]["srt"] == "lesson.srt"
    book = parse_srt((out / "lesson.srt").read_text("utf-8"))
    assert [c[1:] for c in book] == [(s["book_start"], s["book_end"], s["text"]) for s in manifest["segments"]]
    assert book[2][3] == "Fish & chips <b>bold</b>."  # SRT has no escaping


def test_republishing_gives_identical_bytes(published, tmp_path: Path) -> None:
    out, _, script, programme = published
    again = tmp_path / "again"
    run_publish(script, programme, again)
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_no_temporary_files_and_manifest_written_last(published) -> None:
    out, _, _, _ = published
    files = [p for p in out.rglob("*") if p.is_file()]
    assert all(not p.name.startswith(".") and not p.name.endswith(".tmp") for p in files), files
    manifest_time = (out / "manifest.json").stat().st_mtime_ns
    assert all(p.stat().st_mtime_ns <= manifest_time for p in files)
    assert {p.name for p in out.iterdir()} == {"chapters", "lesson.m4b", "lesson.vtt", "lesson.srt", "chapters.vtt",
                                               "index.html", "transcript.html", "manifest.json"}


def test_failed_chapter_is_not_published(tmp_path: Path) -> None:
    script, programme = make_lesson(tmp_path / "wav", [("A", ["a1."]), ("B", ["b1.", "b2."]), ("C", ["c1."])],
                                    publish_only=[1, 3])
    manifest = run_publish(script, programme, tmp_path / "out")
    assert [c["index"] for c in manifest["chapters"]] == [1, 3]
    assert [s["id"] for s in manifest["segments"]] == ["c01-s0001", "c03-s0001"]
    check_book_layout(manifest)
    assert sorted(p.name for p in (tmp_path / "out" / "chapters").glob("*.m4a")) == ["01-a.m4a", "03-c.m4a"]


def test_rerun_with_new_titles_removes_stale_files_only(tmp_path: Path) -> None:
    out = tmp_path / "out"
    script, programme = make_lesson(tmp_path / "w1", [("Old title", ["x."])])
    run_publish(script, programme, out)
    (out / "chapters" / "notes.txt").write_text("mine")
    script, programme = make_lesson(tmp_path / "w2", [("New title", ["x."])], title="Other")
    manifest = run_publish(script, programme, out)
    assert sorted(p.name for p in (out / "chapters").iterdir()) == ["01-new-title.m4a", "01-new-title.srt",
                                                                    "01-new-title.vtt", "notes.txt"]
    assert not (out / "lesson.srt").exists() and (out / "other.srt").is_file()
    assert not (out / "lesson.m4b").exists() and (out / "other.m4b").is_file()
    assert manifest["chapters"][0]["file"] == "chapters/01-new-title.m4a"


def test_failure_leaves_no_manifest_and_no_temporary_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    script, programme = make_lesson(tmp_path / "wav", [("A", ["a."]), ("B", ["b."])])
    run_publish(script, programme, out)
    programme.chapters[1].wav_path.write_bytes(b"not audio at all")
    with pytest.raises(OutputError, match="02-b.m4a"):
        run_publish(script, programme, out)
    # The old manifest no longer describes the folder, so it is gone rather than lying.
    assert not (out / "manifest.json").exists()
    assert [p for p in out.rglob("*") if p.name.startswith(".") or p.name.endswith(".tmp")] == []


def test_progress_events_and_optional_outputs(tmp_path: Path) -> None:
    script, programme = make_lesson(tmp_path / "wav", [("A", ["a."]), ("B", ["b."])])
    events = []
    config = load_config(overrides={"output.captions": False, "output.player": False,
                                    "output.format": "wav", "output.book": "none"})
    (tmp_path / "out").mkdir()
    manifest = publish(script, programme, tmp_path / "out", config, engine_info={}, stats={},
                       on_event=events.append)
    progress = [e for e in events if isinstance(e, Progress)]
    assert progress and progress[-1].done == progress[-1].total and progress[-1].stage == "publish"
    assert manifest["player"] is None and manifest["chapters"][0]["captions"] is None
    assert manifest["build"] is None
    assert sorted(p.name for p in (tmp_path / "out").rglob("*")) == [
        "01-a.wav", "02-b.wav", "chapters", "manifest.json"]


def test_player_page_shows_injected_markup_as_text(tmp_path: Path) -> None:
    evil = "</script><script>window.pwned=1</script><!--"
    script, programme = make_lesson(tmp_path / "wav", [(evil, ["<img src=x onerror=alert(1)> & done."])])
    run_publish(script, programme, tmp_path / "out")
    page = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "<script>window.pwned" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; done." in page
    data = re.search(r'<script type="application/json" id="narration-data">(.*?)</script>', page, re.DOTALL)
    assert data and json.loads(data.group(1))["chapters"][0]["title"] == evil


def test_caption_text_formats() -> None:
    from narrator.publishing.captions import Cue, timestamp, to_vtt

    assert timestamp(3725.0456) == "01:02:05.046" and timestamp(0) == "00:00:00.000"
    assert timestamp(36000.0, sep=",") == "10:00:00,000"
    cues = [Cue("a-->b", 1.0, 1.0, "two\n\nlines & <i>"), Cue("x", 2, 3, "   ")]
    assert to_vtt(cues) == "WEBVTT\n\n00:00:01.000 --> 00:00:01.001\ntwo lines &amp; &lt;i&gt;\n"
    assert to_vtt([]) == "WEBVTT\n"
    from narrator.publishing.captions import to_srt

    assert to_srt(cues) == "1\n00:00:01,000 --> 00:00:01,001\ntwo lines & <i>\n"
    assert to_srt([Cue("", 0, 61.5, "a"), Cue("", 3600, 3601, "b")]) == (
        "1\n00:00:00,000 --> 00:01:01,500\na\n\n2\n01:00:00,000 --> 01:00:01,000\nb\n")
    assert to_srt([]) == ""


def test_player_shows_a_spoken_chapter_title_once_as_the_heading(tmp_path: Path) -> None:
    script, programme = make_lesson(tmp_path / "wav", [("Welcome", ["Welcome", "Body text."])])
    run_publish(script, programme, tmp_path / "out", **{"output.book": "none"})
    page = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert '<h2><span class="seg" id="c01-s0001"' in page
    assert page.count(">Welcome<") == 2  # the chapter list entry and the heading, no third copy
    assert 'id="c01-s0002"' in page


def all_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


@pytest.mark.parametrize("book", ["m4b", "mp3"])
def test_republishing_over_a_previous_narration_gives_the_bytes_of_a_fresh_one(
        tmp_path: Path, book: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from narrator.publishing import book as book_module

    first = [("One", ["a.", "b."]), ("Two", ["c.", "d."]), ("Three", ["e."])]
    second = [("One", ["a.", "b."]), ("Two", ["c.", "d.", "x."]), ("Three", ["e."])]  # chapter 2 edited
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    script, programme = make_lesson(tmp_path / "w1", first)
    run_publish(script, programme, out, **{"output.book": book})
    kept = {n: (out / n).stat().st_ino for n in ("chapters/01-one.m4a", "chapters/03-three.m4a")}
    encoded: list[int] = []
    original = book_module.plan_piece  # planned once for each piece encoded
    monkeypatch.setattr(book_module, "plan_piece", lambda c, *a, **k: (encoded.append(c.index), original(c, *a, **k))[1])

    script, programme = make_lesson(tmp_path / "w2", second)
    manifest = run_publish(script, programme, out, **{"output.book": book})
    assert encoded == [2]  # the book took chapters 1 and 3 from the previous book
    assert {n: (out / n).stat().st_ino for n in kept} == kept  # and their files were kept
    encoded.clear()
    run_publish(script, programme, fresh, **{"output.book": book})
    assert encoded == [1, 2, 3]
    assert all_files(out) == all_files(fresh)
    check_book_layout(manifest)


@pytest.mark.parametrize("book", ["m4b", "mp3"])
def test_the_book_plays_each_chapter_at_its_manifest_start(tmp_path: Path, book: str) -> None:
    import numpy as np

    script, programme = make_lesson(tmp_path / "w", [("One", ["a.", "b."]), ("Two", ["c.", "d.", "e."]),
                                                     ("Three", ["f."])], seg_seconds=0.37)
    manifest = run_publish(script, programme, tmp_path / "out", **{"output.book": book})
    decoded = tmp_path / "book.wav"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-i", str(tmp_path / "out" / manifest["audio"]["book"]),
                    "-c:a", "pcm_s16le", str(decoded)], check=True, capture_output=True)
    with wave.open(str(decoded)) as w:
        played = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
    for entry, audio in zip(manifest["chapters"], programme.chapters):
        with wave.open(str(audio.wav_path)) as w:
            x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
        at = round(entry["start"] * RATE)  # the manifest gives milliseconds: +-11 samples

        def error(lag: int) -> float:
            y = played[at + lag:at + lag + len(x)]
            return float(np.sqrt(np.mean((y - x[:len(y)]) ** 2)))

        # Codec noise is ~5 % of these tones at 64 kbit/s (as in the chapter files); one sample
        # off would add ~8 % more.
        best = min(range(max(-12, -at), 13), key=error)
        assert abs(best) <= 12 and error(best) < 0.08 * np.sqrt(np.mean(x ** 2)), (entry, best, error(best))
