"""One encode per chapter: a long chapter's book piece encoded in parts side by side, and chapter
files made from their pieces of the book when both share a codec (m4a chapters with the m4b
book, the defaults; mp3 with mp3). Checked by decoding with ffmpeg and comparing bytes."""

from __future__ import annotations

import array
import math
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from narrator.publishing import book as book_module
from narrator.publishing.book import BOOK_CODECS, count_samples, encode_part, frame_samples, join_parts, plan_piece
from narrator.util import ffmpeg
from narrator.util.ffmpeg import ffmpeg_exe
from narrator.util.wavio import mono_wav
from narrator.values import ChapterAudio, SegmentTiming

try:
    from tests.test_publish import make_lesson, run_publish
except ImportError:
    from test_publish import make_lesson, run_publish  # type: ignore[no-redef]


def tone_chapter(path: Path, rate: int, *, tones: int = 8, head: float = 0.5, pause: float = 0.6) -> ChapterAudio:
    """A chapter of ``tones`` one-second tones (each its own pitch) between silent pauses."""
    frames = array.array("h", bytes(2 * round(head * rate)))
    timings = []
    for k in range(tones):
        start = len(frames)
        n = rate
        frames.extend(int(9000 * math.sin(2 * math.pi * (200 + 60 * k) * i / rate) * min(1, i / 200, (n - i) / 200))
                      for i in range(n))
        timings.append(SegmentTiming(f"s{k}", start / rate, len(frames) / rate))
        frames.extend(array.array("h", bytes(2 * round(pause * rate))))
    path.write_bytes(mono_wav(frames.tobytes(), rate))
    return ChapterAudio(1, "One", path, len(frames) / rate, tuple(timings))


def decode(path: Path, fmt: str) -> np.ndarray:
    raw = subprocess.run([ffmpeg_exe(), "-v", "error", "-f", fmt, "-i", str(path), "-f", "s16le", "-ac", "1", "-"],
                         check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype="<i2").astype(np.float64)


def wav_samples(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)


def piece(chapter: ChapterAudio, kind: str, rate: int, dest: Path, part_seconds: float) -> tuple[int, np.ndarray]:
    """(number of parts, decoded samples) of the chapter's piece encoded in parts."""
    plan = plan_piece(chapter, kind, rate, part_seconds)
    parts = [dest.with_name(f"{dest.name}.{i}") for i in range(len(plan.parts))]
    for span, part in zip(plan.parts, parts):
        encode_part(chapter.wav_path, span, part, kind, bitrate="64k", rate=rate)
    made = join_parts(parts, dest, BOOK_CODECS[kind].raw_format, key="k", lead=plan.lead)
    decoded = decode(dest, "aac" if kind == "m4b" else "mp3")
    assert made.samples == len(decoded) and made.lead == 0
    return len(plan.parts), decoded


@pytest.mark.parametrize("kind,rate", [("m4b", 22050), ("mp3", 22050), ("mp3", 44100)])
def test_a_piece_encoded_in_parts_decodes_like_one_encode(tmp_path: Path, kind: str, rate: int) -> None:
    chapter = tone_chapter(tmp_path / "c.wav", rate)
    original = wav_samples(chapter.wav_path)
    n_parts, parts = piece(chapter, kind, rate, tmp_path / "parts", part_seconds=2.0)
    n_one, whole = piece(chapter, kind, rate, tmp_path / "whole", part_seconds=3600.0)
    assert n_one == 1 and n_parts >= 3
    assert abs(len(parts) - len(whole)) < 1152  # no padding inside, only the last part's
    for t in chapter.timings:  # each tone where the chapter has it, as loud, and clean
        a, b = round(t.start * rate), round(t.end * rate)
        ref = original[a:b]
        for decoded in (parts, whole):
            got = decoded[a:b]
            shift = int(np.argmax(np.correlate(got[1000:3000], ref[1000 - 50:3000 + 50], "valid"))) - 50
            assert shift == 0, t
            snr = 10 * np.log10(np.sum(ref ** 2) / np.sum((got - ref) ** 2))
            assert snr > 10, (t, snr)
    # the pauses, where the parts meet, stay silent (no click at a join)
    for t, u in zip(chapter.timings, chapter.timings[1:]):
        gap = parts[round(t.end * rate) + 300: round(u.start * rate) - 300]
        assert np.abs(gap).max() < 200, (t, np.abs(gap).max())


@pytest.mark.parametrize("kind,rate", [("m4b", 22050), ("mp3", 22050), ("mp3", 44100)])
def test_an_encode_decodes_to_the_length_the_cuts_count_on(tmp_path: Path, kind: str, rate: int) -> None:
    chapter = tone_chapter(tmp_path / "c.wav", rate, tones=2)
    codec, frame = BOOK_CODECS[kind], frame_samples(kind, rate)
    # lengths around the frame boundaries that extent and priming would each put them on
    for n in sorted({20 * frame - e + d for e in (codec.extent, codec.priming) for d in (-1, 0, 1)}):
        encode_part(chapter.wav_path, (0, n), tmp_path / "p", kind, bitrate="64k", rate=rate)
        assert count_samples(tmp_path / "p", codec.raw_format) == frame * math.ceil((n + codec.extent) / frame), n


def test_a_chapter_without_room_in_its_pauses_is_one_part(tmp_path: Path) -> None:
    chapter = tone_chapter(tmp_path / "c.wav", 22050, pause=0.1)  # 2205 samples: under two frames + priming
    assert len(plan_piece(chapter, "m4b", 22050, part_seconds=1.0).parts) == 1


def count_encodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the codec of every ffmpeg run that encodes (not the remuxes: codec "copy")."""
    codecs: list[str] = []
    run, run_fed = ffmpeg.run, ffmpeg.run_fed

    def note(args: list[str]) -> None:
        if "-c:a" in args and (codec := args[args.index("-c:a") + 1]) != "copy":
            codecs.append(codec)

    monkeypatch.setattr(ffmpeg, "run", lambda args, **k: (note(list(args)), run(args, **k))[1])
    monkeypatch.setattr(ffmpeg, "run_fed", lambda args, chunks, **k: (note(list(args)), run_fed(args, chunks, **k))[1])
    return codecs


def frames_of(path: Path, raw: str) -> bytes:
    """The bare frame stream of an audio file (its audio stream copied out, no re-encoding)."""
    bare = ["-write_xing", "0", "-id3v2_version", "0"] if raw == "mp3" else []
    return subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(path), "-map", "0:a", "-c:a", "copy", *bare,
                           "-f", raw, "-"], check=True, capture_output=True).stdout


CHAPTERS = [("One", ["a.", "b."]), ("Two", ["c.", "d.", "e."]), ("Three", ["f."])]


def test_default_m4a_chapter_files_are_the_m4b_books_frames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    codecs = count_encodes(monkeypatch)
    script, programme = make_lesson(tmp_path / "w", CHAPTERS)
    manifest = run_publish(script, programme, tmp_path / "out")
    out = tmp_path / "out"
    assert manifest["audio"]["format"] == "m4a" and manifest["audio"]["book"].endswith(".m4b")
    assert codecs == ["aac"] * 3  # one encode per chapter serves its file and the book
    files = [out / c["file"] for c in manifest["chapters"]]
    assert all(f.suffix == ".m4a" for f in files)
    assert frames_of(out / manifest["audio"]["book"], "adts") == b"".join(frames_of(f, "adts") for f in files)
    # and each chapter file plays its segments where the manifest says
    for c, f in zip(programme.chapters, files):
        decoded = decode(f, "mov")
        original = wav_samples(c.wav_path)
        assert 0 <= len(decoded) - len(original) < 1024  # the last frame's padding
        snr = 10 * np.log10(np.sum(original ** 2) / np.sum((decoded[:len(original)] - original) ** 2))
        assert snr > 10


def test_mp3_chapter_files_are_the_mp3_books_frames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    codecs = count_encodes(monkeypatch)
    script, programme = make_lesson(tmp_path / "w", CHAPTERS)
    manifest = run_publish(script, programme, tmp_path / "out", **{"output.format": "mp3", "output.book": "mp3"})
    out = tmp_path / "out"
    assert codecs == ["libmp3lame"] * 3
    files = [out / c["file"] for c in manifest["chapters"]]
    assert frames_of(out / manifest["audio"]["book"], "mp3") == b"".join(frames_of(f, "mp3") for f in files)


def test_other_pairs_and_chapters_opening_loud_get_files_of_their_own(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    codecs = count_encodes(monkeypatch)
    script, programme = make_lesson(tmp_path / "w", CHAPTERS)
    run_publish(script, programme, tmp_path / "a", **{"output.format": "mp3"})  # m4b book: two codecs
    assert sorted(codecs) == ["aac"] * 3 + ["libmp3lame"] * 3
    codecs.clear()
    monkeypatch.setattr(book_module, "leading_zeros", lambda path, limit: 0)  # as if every chapter opened loud
    run_publish(script, programme, tmp_path / "b")
    assert codecs == ["aac"] * 6  # the pieces do not start on the chapters' first samples


def test_a_lost_chapter_file_comes_back_from_the_book_without_encoding(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    script, programme = make_lesson(tmp_path / "w", CHAPTERS)
    out = tmp_path / "out"
    manifest = run_publish(script, programme, out)
    lost = out / manifest["chapters"][1]["file"]
    original = lost.read_bytes()
    lost.unlink()
    codecs = count_encodes(monkeypatch)
    run_publish(script, programme, out)
    assert codecs == []  # remuxed from its frames in the book
    assert lost.read_bytes() == original


def test_publishing_a_long_chapter_encodes_its_piece_in_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        import tests.test_publish as lessons
    except ImportError:
        import test_publish as lessons  # type: ignore[no-redef]

    monkeypatch.setattr(book_module, "PART_SECONDS", 1.0)
    monkeypatch.setattr(lessons, "PAUSE", 0.6)  # pauses with room for a cut
    codecs = count_encodes(monkeypatch)
    script, programme = make_lesson(tmp_path / "w", [("Long", [f"s{i}." for i in range(8)]), ("Short", ["x."])])
    manifest = run_publish(script, programme, tmp_path / "out")
    out = tmp_path / "out"
    assert len(codecs) >= 4  # the long chapter in three parts or more, the short one in one
    files = [out / c["file"] for c in manifest["chapters"]]
    assert frames_of(out / manifest["audio"]["book"], "adts") == b"".join(frames_of(f, "adts") for f in files)
    chapter = programme.chapters[0]
    decoded, original = decode(files[0], "mov"), wav_samples(chapter.wav_path)
    for t in chapter.timings:  # each segment where the manifest has it
        a, b = round(t.start * 22050), round(t.end * 22050)
        ref = original[a:b]
        assert 10 * np.log10(np.sum(ref ** 2) / np.sum((decoded[a:b] - ref) ** 2)) > 10, t


def test_a_new_document_title_remuxes_the_chapter_files_without_encoding(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import mutagen.mp4

    import narrator
    from narrator.config import load_config

    src, out = tmp_path / "lesson.html", tmp_path / "out"
    body = "<h1>One</h1><p>First chapter here.</p><h1>Two</h1><p>Second chapter here.</p>"
    config = load_config(overrides={"cache_dir": str(tmp_path / "cache")})
    src.write_text(f"<html><head><title>Old name</title></head><body>{body}</body></html>")
    narrator.narrate(src, config, out_dir=out)
    src.write_text(f"<html><head><title>New name</title></head><body>{body}</body></html>")
    codecs = count_encodes(monkeypatch)
    manifest = narrator.narrate(src, config, out_dir=out)
    assert codecs == []  # same samples: the files are the previous book's frames with new tags
    for chapter in manifest["chapters"]:
        assert mutagen.mp4.MP4(out / chapter["file"]).tags["\xa9alb"] == ["New name"]
