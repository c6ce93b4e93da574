"""Long programmes: chapters split into parts, format limits, progress through assembly and
publishing, and chapters assembled while later ones are still being synthesized."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest

import narrator
from narrator.config import load_config
from narrator.errors import OutputError
from narrator.events import Progress
from narrator.progress import ProgressDisplay
from narrator.script.planner import estimate_seconds
from servers import RecordingServer, Reply
from servers.audio import speech_wav

SPEECH = "/v1/audio/speech"


def long_page(paragraphs: int = 120) -> str:
    body = "".join(f"<p>Paragraph {i} has a first sentence. And paragraph {i} has a second one.</p>"
                   for i in range(1, paragraphs + 1))
    return f"<html><head><title>Rivers</title></head><body><h1>Rivers</h1>{body}</body></html>"


def test_a_long_chapter_is_split_into_parts_at_paragraph_ends(tmp_path: Path) -> None:
    src = tmp_path / "long.html"
    src.write_text(long_page())
    whole = narrator.plan(src, load_config(overrides={"output.max_chapter_minutes": 0}))
    config = load_config(overrides={"output.max_chapter_minutes": 1})
    parts = narrator.plan(src, config)
    assert len(whole.chapters) == 1 and len(parts.chapters) > 2
    assert [c.title for c in parts.chapters] == ["Rivers"] + [f"Rivers (part {n})" for n in
                                                              range(2, len(parts.chapters) + 1)]
    # Nothing lost or reordered, and the made-up titles are never spoken.
    assert [s.text for s in parts.segments] == [s.text for s in whole.segments]
    assert not any("(part" in s.spoken for s in parts.segments)
    # Each part starts a paragraph (its first sentence) and fits the limit by the estimate.
    for chapter in parts.chapters:
        assert chapter.segments[0].text.startswith(("Rivers", "Paragraph")), chapter.segments[0].text
        one = narrator.values.Script(parts.title, parts.lang, (chapter,))
        assert estimate_seconds(one, config) <= 60
    assert [s.boundary for c in parts.chapters for s in c.segments[-1:]] == ["end"] * len(parts.chapters)


def test_a_chapter_longer_than_a_wav_file_can_hold_is_refused(tmp_path: Path, monkeypatch) -> None:
    # 4 GiB of audio cannot be written here: the limit is lowered to 1.5 s at 22050 Hz instead
    # (the only stand-in in this test; the audio, engine and writer are real).
    import narrator.util.wavio as wavio

    monkeypatch.setattr(wavio, "WAV_MAX_BYTES", 66_150)
    src, out = tmp_path / "long.html", tmp_path / "out"
    src.write_text(long_page(3))
    config = load_config(overrides={"cache_dir": str(tmp_path / "cache"), "output.format": "wav",
                                    "output.max_chapter_minutes": 0})
    with pytest.raises(OutputError, match="longer than a WAV file can hold"):
        narrator.narrate(src, config, out_dir=out)
    assert not (out / "manifest.json").exists()
    assert not list((out / "chapters").glob("*.wav")) if (out / "chapters").exists() else True


def test_progress_counts_through_assembly_and_publishing_with_an_eta(tmp_path: Path) -> None:
    src, out = tmp_path / "lesson.html", tmp_path / "out"
    src.write_text("<h1>One</h1><p>First chapter here.</p><h1>Two</h1><p>Second chapter here.</p>"
                   "<h1>Three</h1><p>Third chapter here.</p>")
    events: list[Progress] = []
    stream = io.StringIO()
    display = ProgressDisplay(stream, interval=0.0)

    def sink(event: object) -> None:
        display(event)  # type: ignore[arg-type]
        if isinstance(event, Progress):
            events.append(event)

    narrator.narrate(src, load_config(overrides={"cache_dir": str(tmp_path / "cache")}), out_dir=out,
                     on_event=sink)
    for stage in ("assemble", "publish"):
        seen = [(e.done, e.total) for e in events if e.stage == stage and e.done]  # 0: stage started
        total = seen[-1][1]
        # one event per unit of work, counting up to the total: writing, measuring and levelling
        # each of 3 chapters; each chapter file (its book piece was encoded ahead), the join
        # and the rest
        assert [d for d, _ in seen] == list(range(1, total + 1)), stage
        assert total == (9 if stage == "assemble" else 3 + 1 + 1)
    lines = stream.getvalue().splitlines()
    assert any(line.startswith("assemble: 1/9") and "ETA" in line for line in lines)
    assert any(line.startswith("publish: 5/5") for line in lines)


def test_chapters_are_assembled_while_later_chapters_are_synthesized(tmp_path: Path) -> None:
    """The server holds the last chapter's request until chapter 1 has been encoded (its book
    piece, which its m4a file is remuxed from): the run finishes only if assembly and encoding
    do not wait for synthesis to end. Every chapter is encoded once."""
    src, out = tmp_path / "lesson.html", tmp_path / "out"
    # Chapters of the same loudness (one shared paragraph: one request), so that the gain
    # chosen after chapter 1 holds to the end and nothing done ahead has to be done again.
    para = "<p>The river carries water to the sea, and the sea gives it back as rain.</p>"
    src.write_text(f"<h1>One</h1>{para}<h1>Two</h1>{para}<h1>Three</h1>{para}")
    seen_before_last: list[bool] = []

    def speech(server: RecordingServer, req) -> Reply:  # noqa: ANN001
        text = (req.json or {}).get("input", "")
        if text.strip(" .") == "Three":  # the last chapter's first request
            found = threading.Event()
            for _ in range(600):  # until chapter 1 is encoded (or give up after a minute)
                if encodes:  # chapter 1 assembled, levelled and encoded
                    found.set()
                    break
                found.wait(0.1)
            seen_before_last.append(found.is_set())
        return Reply.wav(speech_wav(text, "en", rate=24000))

    import narrator.util.ffmpeg as ffmpeg

    encodes: list[str] = []
    real_run, real_fed = ffmpeg.run, ffmpeg.run_fed

    def counting_run(args, **kw):  # noqa: ANN001, ANN003 - the real ffmpeg, counted once done
        done = real_run(args, **kw)
        if kw.get("what", "").startswith("encoding"):
            encodes.append(kw["what"])
        return done

    def counting_fed(args, chunks, **kw):  # noqa: ANN001, ANN003
        real_fed(args, chunks, **kw)
        if kw.get("what", "").startswith("encoding"):  # not the remuxes into chapter files
            encodes.append(kw["what"])

    ffmpeg.run, ffmpeg.run_fed = counting_run, counting_fed
    server = RecordingServer({("POST", SPEECH): speech})
    try:
        config = load_config(overrides={"engine.name": "openai", "engine.servers": [server.url],
                                        "engine.openai": {"model": "tts-1", "voice": "alloy", "sample_rate": 24000},
                                        "cache_dir": str(tmp_path / "cache")})
        manifest = narrator.narrate(src, config, out_dir=out)
    finally:
        server.close()
        ffmpeg.run, ffmpeg.run_fed = real_run, real_fed
    assert seen_before_last == [True]
    # one encode per chapter (its book piece; its file is that, remuxed), however much was done ahead
    assert len(encodes) == 3 and len(set(encodes)) == 3, encodes
    assert all((out / c["file"]).suffix == ".m4a" and (out / c["file"]).is_file() for c in manifest["chapters"])
    assert [c["title"] for c in manifest["chapters"]] == ["One", "Two", "Three"]
