"""Stopping the work done ahead (narrator.assembly.ahead.Ahead.close, after an error or Ctrl-C):
close() returns only once the chapter under way is finished, so the caller may clean up or
report without a pool thread still writing. Takes are tones written here; ffmpeg measures them."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from narrator.assembly import ahead as ahead_module
from narrator.assembly.ahead import Ahead
from narrator.config import Config
from narrator.util.wavio import mono_wav
from narrator.values import ChapterAudio, Script, ScriptChapter, Segment, Take

RATE = 8000


def make_takes(folder: Path) -> dict[str, Take]:
    """Chapter 1's two takes: 0.5 s of a 440 Hz tone each."""
    folder.mkdir(parents=True, exist_ok=True)
    t = np.arange(RATE // 2) / RATE
    pcm = np.rint(3000 * np.sin(2 * np.pi * 440.0 * t)).astype("<i2").tobytes()
    takes = {}
    for k in (1, 2):
        sid = f"c01-s{k:04d}"
        (folder / f"{sid}.wav").write_bytes(mono_wav(pcm, RATE))
        takes[sid] = Take(sid, folder / f"{sid}.wav", RATE, 0.0, f"key-{sid}", "engine")
    return takes


def make_script() -> Script:
    chapters = tuple(ScriptChapter(c, f"Chapter {c}", tuple(
        Segment(f"c{c:02d}-s{k:04d}", c, f"Sentence {k}.", f"Sentence {k}.", "en", "neutral", "sentence", 250)
        for k in (1, 2))) for c in (1, 2))
    return Script("Lesson", "en", chapters)


def test_close_waits_for_the_chapter_under_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead_module, "workers", lambda: 1)
    levelling, finished = threading.Event(), threading.Event()
    ahead: Ahead

    def slow_encoder(chapter: ChapterAudio, rate: int) -> None:
        # chapter 1 is being handed on when the run stops: it goes on until it sees the stop
        # (close() says so first thing), then ends; close() must not return before that
        levelling.set()
        for _ in range(60_000):
            if not ahead._open:
                break
            threading.Event().wait(0.001)
        finished.set()

    work = tmp_path / "work"
    work.mkdir()
    ahead = Ahead(make_script(), Config(), work, previous=None, rate=RATE, on_levelled=slow_encoder)
    takes = make_takes(tmp_path / "takes")
    ahead.take(takes["c01-s0001"])
    ahead.take(takes["c01-s0002"])
    assert levelling.wait(60)
    ahead.close()
    assert finished.is_set()  # the pool's thread finished its chapter before close() returned
    assert (work / "ch01.wav").exists()
