"""What the work done ahead shows of itself (narrator.assembly.ahead): its pool's threads are
named for it (a thread dump, or a log line with %(threadName)s, says whose they are), and work
dropped because the programme's sample rate is not the one assumed is said in the --debug log.
Takes are tones written here; ffmpeg measures them."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np
import pytest

from narrator.assembly import ahead as ahead_module
from narrator.assembly.ahead import Ahead
from narrator.config import Config, OutputConfig
from narrator.util.wavio import mono_wav
from narrator.values import ChapterAudio, Script, ScriptChapter, Segment, Take

RATE = 8000


def chapter_one(folder: Path) -> tuple[Script, list[Take]]:
    folder.mkdir(parents=True, exist_ok=True)
    t = np.arange(RATE // 2) / RATE
    pcm = np.rint(3000 * np.sin(2 * np.pi * 440.0 * t)).astype("<i2").tobytes()
    takes = []
    for k in (1, 2):
        (folder / f"c01-s{k:04d}.wav").write_bytes(mono_wav(pcm, RATE))
        takes.append(Take(f"c01-s{k:04d}", folder / f"c01-s{k:04d}.wav", RATE, 0.0, f"key{k}", "engine"))
    script = Script("Lesson", "en", (ScriptChapter(1, "One", tuple(
        Segment(f"c01-s{k:04d}", 1, "Hi.", "Hi.", "en", "neutral", "sentence", 250) for k in (1, 2))),))
    return script, takes


def test_the_threads_working_ahead_are_named_for_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead_module, "workers", lambda: 1)
    names: list[str] = []

    def encoder(chapter: ChapterAudio, rate: int) -> None:
        names.append(threading.current_thread().name)

    script, takes = chapter_one(tmp_path / "takes")
    (tmp_path / "work").mkdir()
    ahead = Ahead(script, Config(), tmp_path / "work", previous=None, rate=RATE, on_levelled=encoder)
    for take in takes:
        ahead.take(take)
    ahead.finish(RATE)
    assert len(names) == 1 and names[0].startswith("narrator-ahead_")


def test_work_dropped_for_another_sample_rate_is_said_in_the_debug_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(ahead_module, "workers", lambda: 1)
    script, takes = chapter_one(tmp_path / "takes")
    (tmp_path / "work").mkdir()
    ahead = Ahead(script, Config(output=OutputConfig(normalize=False)), tmp_path / "work", previous=None, rate=RATE)
    for take in takes:
        ahead.take(take)
    with caplog.at_level(logging.DEBUG, logger="narrator.assembly.ahead"):
        done = ahead.finish(16000)
    assert not done.assembled
    assert [r.getMessage() for r in caplog.records if r.name == "narrator.assembly.ahead"] == [
        "sample rate is 16000, not the one assumed: chapters assembled again"]
