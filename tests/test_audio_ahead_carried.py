"""A chapter measured while another thread levels, after a chapter carried over from the
previous narration (narrator.assembly.ahead): the thread that lets go of the levelling looks
again and levels it, measuring the programme so far with the carried chapter's recorded blocks.
Takes are tones written here; ffmpeg measures them."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from narrator.assembly import ahead as ahead_module
from narrator.assembly.ahead import Ahead
from narrator.assembly.mixing import assemble
from narrator.config import Config
from narrator.util.wavio import mono_wav
from narrator.values import FileRecord, PreviousAudio, Script, ScriptChapter, Segment, Take
from test_audio_ahead_exact import GatedLock

RATE = 8000


def write_take(folder: Path, sid: str, amplitude: int, hz: float) -> Take:
    t = np.arange(RATE // 2) / RATE
    pcm = np.rint(amplitude * np.sin(2 * np.pi * hz * t)).astype("<i2").tobytes()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{sid}.wav").write_bytes(mono_wav(pcm, RATE))
    return Take(sid, folder / f"{sid}.wav", RATE, 0.0, f"key-{sid}", "engine")


def make_script() -> Script:
    return Script("Lesson", "en", tuple(ScriptChapter(c, f"Chapter {c}", tuple(
        Segment(f"c{c:02d}-s{k:04d}", c, f"Sentence {k}.", f"Sentence {k}.", "en", "neutral", "sentence", 250)
        for k in (1, 2))) for c in (1, 2)))


def previous_of(programme) -> PreviousAudio:  # type: ignore[no-untyped-def]
    """The narration as the next run reads it back from its manifest (through JSON)."""
    from narrator.publishing.manifest import chapter_build, previous_chapter

    entries = json.loads(json.dumps([{"index": c.index, "pcm_sha256": c.pcm_sha256,
                                      "build": chapter_build(c, FileRecord("", "", ""), None)}
                                     for c in programme.chapters]))
    return PreviousAudio(programme.sample_rate, programme.loudness["gain_db"], programme.loudness["target_lufs"],
                         programme.loudness["ceiling_dbtp"], tuple(previous_chapter(e) for e in entries))


def test_a_chapter_measured_during_the_look_after_a_carried_chapter_is_levelled_ahead(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    takes = {f"c{c:02d}-s{k:04d}": write_take(tmp_path / "takes", f"c{c:02d}-s{k:04d}", 4000, hz)
             for c in (1, 2) for k, hz in ((1, 440.0), (2, 660.0))}
    previous = previous_of(assemble(make_script(), takes, Config(), tmp_path / "first"))
    # chapter 2's second take made again, a little quieter: chapter 1 is carried over
    takes["c02-s0002"] = write_take(tmp_path / "again", "c02-s0002", 3900, 660.0)
    monkeypatch.setattr(ahead_module, "workers", lambda: 2)
    work = tmp_path / "work"
    work.mkdir()
    ahead = Ahead(make_script(), Config(), work, previous=previous, rate=RATE)
    gate = GatedLock()
    ahead._level_lock = gate  # type: ignore[assignment]
    ahead.take(takes["c01-s0001"])
    ahead.take(takes["c01-s0002"])
    assert gate.releasing.wait(60)  # chapter 1 looked at (carried over: nothing to level yet)
    ahead.take(takes["c02-s0001"])
    ahead.take(takes["c02-s0002"])  # measured now; its thread finds the levelling taken
    done = ahead.finish(RATE)
    assert done.assembled[1][0].pending is not None and done.assembled[2][0].pending is None
    assert sorted(done.levelled) == [2]  # levelled ahead by the thread that looked again
