"""Chapters assembled, measured and levelled while synthesis goes on (narrator.assembly.ahead),
on takes written here (tones at 8 kHz) and measured by the real ffmpeg: which chapters start
when, the gain each chapter is levelled with ahead (the provisional one, or the final one once
every chapter is measured), and that the programme assembled with the work done ahead is the
one assembled without it, to the byte.

With one worker thread (``workers`` patched to 1) the pool runs chapters in the order their
last take arrives, so which chapters are measured when a chapter is levelled is known.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from narrator.assembly import ahead as ahead_module
from narrator.assembly import loudness
from narrator.assembly.ahead import Ahead
from narrator.assembly.leveling import final_gain, provisional_gains
from narrator.assembly.mixing import assemble
from narrator.config import Config, OutputConfig
from narrator.events import Progress
from narrator.util.wavio import mono_wav
from narrator.values import ChapterAudio, FileRecord, PreviousAudio, Script, ScriptChapter, Segment, Take

RATE = 8000
TARGET = Config().output.loudness
# chapter -> amplitude of its tones: chapter 2 is 12 dB louder than chapter 1, chapter 3 like 2,
# so the programme's measurement moves by more than the tolerance after chapter 2 and after 3
AMPLITUDE = {1: 2000, 2: 8000, 3: 8000}


def tone(amplitude: int, hz: float = 440.0) -> np.ndarray:
    """0.2 s of quiet, 0.6 s of tone, 0.2 s of quiet."""
    t = np.arange(int(0.6 * RATE)) / RATE
    x = np.rint(amplitude * np.sin(2 * np.pi * hz * t)).astype(np.int16)
    quiet = np.zeros(int(0.2 * RATE), dtype=np.int16)
    return np.concatenate((quiet, x, quiet))


def make_takes(folder: Path, amplitudes: dict[int, int] = AMPLITUDE) -> dict[str, Take]:
    folder.mkdir(parents=True, exist_ok=True)
    takes = {}
    for c, amplitude in amplitudes.items():
        for k, hz in ((1, 440.0), (2, 660.0)):
            sid = f"c{c:02d}-s{k:04d}"
            path = folder / f"{sid}.wav"
            path.write_bytes(mono_wav(tone(amplitude, hz).astype("<i2").tobytes(), RATE))
            takes[sid] = Take(sid, path, RATE, 0.0, f"key-{sid}", "engine")
    return takes


def workdir(path: Path) -> Path:
    """The run's work folder (the pipeline makes it before synthesis starts)."""
    path.mkdir(parents=True, exist_ok=True)
    return path


def make_script() -> Script:
    chapters = []
    for c in AMPLITUDE:
        segs = tuple(Segment(f"c{c:02d}-s{k:04d}", c, f"Sentence {k}.", f"Sentence {k}.", "en", "neutral",
                             "sentence", 250) for k in (1, 2))
        chapters.append(ScriptChapter(c, f"Chapter {c}", segs))
    return Script("Lesson", "en", tuple(chapters))


@pytest.fixture(scope="module")
def takes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Take]:
    return make_takes(tmp_path_factory.mktemp("takes"))


@pytest.fixture
def one_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead_module, "workers", lambda: 1)


def wav_bytes(programme_chapters: tuple[ChapterAudio, ...]) -> list[bytes]:
    return [c.wav_path.read_bytes() for c in programme_chapters]


def test_a_chapter_starts_when_its_last_take_exists_and_only_once(tmp_path, takes, one_worker) -> None:
    ahead = Ahead(make_script(), Config(output=OutputConfig(normalize=False)), tmp_path, previous=None, rate=RATE)
    try:
        ahead.take(Take("elsewhere", takes["c01-s0001"].path, RATE, 0.0, "k", "engine"))  # not in the script
        ahead.take(takes["c01-s0001"])
        assert ahead.started == 0
        ahead.take(takes["c01-s0002"])
        assert ahead.started == 1
        ahead.take(takes["c01-s0002"])  # the same segment again (another take of it)
        ahead.take(takes["c02-s0001"])
        assert ahead.started == 1
        ahead.close()
        ahead.take(takes["c02-s0002"])  # after close: nothing starts
        assert ahead.started == 1
    finally:
        ahead.close()


def test_chapters_are_levelled_with_the_provisional_gain_then_the_final_one(tmp_path, takes, one_worker) -> None:
    levelled: list[tuple[int, float, int]] = []
    events: list[Progress] = []
    ahead = Ahead(make_script(), Config(), workdir(tmp_path / "work"), previous=None, rate=RATE,
                  on_levelled=lambda c, rate: levelled.append((c.index, c.pcm_sha256, rate)),  # type: ignore[arg-type]
                  on_event=lambda e: events.append(e) if isinstance(e, Progress) else None)
    for sid in sorted(takes):
        ahead.take(takes[sid])
    done = ahead.finish(RATE)
    assert sorted(done.assembled) == [1, 2, 3] and ahead.started == 3
    blocks = [done.assembled[i][1] for i in (1, 2, 3)]
    for i in (1, 2, 3):
        raw = tmp_path / "work" / f".ch{i:02d}.raw.wav"
        assert np.array_equal(done.assembled[i][1], loudness.chapter_blocks(raw))  # measured ahead
        assert done.assembled[i][0].pending is None
    provisional = provisional_gains(blocks, TARGET, None)
    final = final_gain(blocks, TARGET, None)
    assert len({provisional[0], provisional[1], final}) == 3  # the measurement moved after chapters 2 and 3
    # chapters 1 and 2 with the gain of the chapters measured before them; chapter 3 with the final
    assert {i: g for i, (g, _) in done.levelled.items()} == {1: provisional[0], 2: provisional[1], 3: final}
    assert done.provisional == provisional[1]
    for i, (gain, chapter) in done.levelled.items():
        want = loudness.apply_gain(tmp_path / "work" / f".ch{i:02d}.raw.wav", tmp_path / f"want{i}.wav", gain,
                                   -1.0 - loudness.SAMPLE_MARGIN_DB)
        assert chapter.pcm_sha256 == want and chapter.wav_path.read_bytes() == (tmp_path / f"want{i}.wav").read_bytes()
    assert levelled == [(i, done.levelled[i][1].pcm_sha256, RATE) for i in (1, 2, 3)]  # handed on in order
    # each chapter written and measured; levelled for good only with the final gain (chapter 3)
    assert [(e.done, e.total) for e in events] == [(n, 9) for n in range(1, 8)]


def test_the_programme_assembled_with_the_work_done_ahead_is_the_one_without(tmp_path, takes, one_worker) -> None:
    reference = assemble(make_script(), takes, Config(), tmp_path / "ref")
    events: list[Progress] = []
    ahead = Ahead(make_script(), Config(), workdir(tmp_path / "work"), previous=None, rate=RATE,
                  on_event=lambda e: events.append(e) if isinstance(e, Progress) else None)
    for sid in sorted(takes):
        ahead.take(takes[sid])
    programme = assemble(make_script(), takes, Config(), tmp_path / "work", ahead=ahead)
    assert programme.loudness == reference.loudness
    assert [(c.timings, c.pcm_sha256, c.level) for c in programme.chapters] == [
        (c.timings, c.pcm_sha256, c.level) for c in reference.chapters]
    assert wav_bytes(programme.chapters) == wav_bytes(reference.chapters)
    assert [(e.done, e.total) for e in events][-1] == (9, 9)  # chapter 1 levelled again at the end
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == ["ch01.wav", "ch02.wav", "ch03.wav"]


def test_when_every_chapter_is_measured_at_once_the_final_gain_is_used_and_nothing_is_redone(
        tmp_path, takes, monkeypatch) -> None:
    # two workers may measure in any order, but chapter 1 is levelled only once all three are in
    # when its takes come last
    monkeypatch.setattr(ahead_module, "workers", lambda: 1)
    ahead = Ahead(make_script(), Config(), workdir(tmp_path / "work"), previous=None, rate=0)
    order = ["c02-s0001", "c02-s0002", "c03-s0001", "c03-s0002", "c01-s0001", "c01-s0002"]
    for sid in order:
        ahead.take(takes[sid])
    done = ahead.finish(RATE)  # rate 0: the first take's rate was assumed, and it is the programme's
    blocks = [done.assembled[i][1] for i in (1, 2, 3)]
    final = final_gain(blocks, TARGET, None)
    assert {i: g for i, (g, _) in done.levelled.items()} == {1: final, 2: final, 3: final}
    assert done.provisional is None  # no provisional gain was ever needed


def test_work_done_ahead_at_another_rate_is_dropped(tmp_path, takes, one_worker) -> None:
    ahead = Ahead(make_script(), Config(output=OutputConfig(normalize=False)), tmp_path, previous=None,
                  rate=16000)
    for sid in sorted(takes):
        ahead.take(takes[sid])
    done = ahead.finish(RATE)
    assert (done.assembled, done.levelled, done.provisional) == ({}, {}, None)
    ahead = Ahead(make_script(), Config(output=OutputConfig(normalize=False)), workdir(tmp_path / "b"), previous=None,
                  rate=RATE)
    for sid in sorted(takes):
        ahead.take(takes[sid])
    done = ahead.finish(RATE)
    assert sorted(done.assembled) == [1, 2, 3] and done.levelled == {}
    assert all(blocks is None for _, blocks in done.assembled.values())  # nothing measured without normalizing
    assert done.assembled[1][0].wav_path.read_bytes() == (tmp_path / "b" / "ch01.wav").read_bytes()


def test_an_error_ahead_is_raised_by_finish(tmp_path, takes, one_worker) -> None:
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF not a wave file")
    ahead = Ahead(make_script(), Config(), workdir(tmp_path / "work"), previous=None, rate=RATE)
    ahead.take(takes["c01-s0001"])
    ahead.take(Take("c01-s0002", broken, RATE, 0.0, "k", "engine"))
    with pytest.raises(Exception) as e:
        ahead.finish(RATE)
    assert "broken.wav" in str(e.value)


def previous_of(programme) -> PreviousAudio:
    """What the next run reads back of a narration, through the manifest's JSON form."""
    from narrator.publishing.manifest import chapter_build, previous_chapter

    entries = json.loads(json.dumps([{"index": c.index, "pcm_sha256": c.pcm_sha256,
                                      "build": chapter_build(c, FileRecord("", "", ""), None)}
                                     for c in programme.chapters]))
    return PreviousAudio(programme.sample_rate, programme.loudness["gain_db"], programme.loudness["target_lufs"],
                         programme.loudness["ceiling_dbtp"], tuple(previous_chapter(e) for e in entries))


def test_chapters_carried_over_are_neither_written_nor_levelled_ahead(tmp_path, takes, one_worker) -> None:
    first = assemble(make_script(), takes, Config(), tmp_path / "first")
    previous = previous_of(first)
    # chapter 2's second take made again, a little quieter: only chapter 2 is assembled
    x = tone(AMPLITUDE[2], 660.0).astype(np.float64) * 0.97
    other = tmp_path / "other.wav"
    other.write_bytes(mono_wav(np.rint(x).astype("<i2").tobytes(), RATE))
    changed = {**takes, "c02-s0002": Take("c02-s0002", other, RATE, 0.0, "other", "engine")}
    levelled: list[tuple[int, str]] = []
    ahead = Ahead(make_script(), Config(), workdir(tmp_path / "work"), previous=previous, rate=RATE,
                  on_levelled=lambda c, rate: levelled.append((c.index, c.pcm_sha256)))
    # chapter 2 comes last: every chapter is measured by then, so it is levelled with the gain the
    # end chooses, the previous narration's
    for sid in sorted(changed, key=lambda sid: (sid.startswith("c02"), sid)):
        ahead.take(changed[sid])
    programme = assemble(make_script(), changed, Config(), tmp_path / "work", previous=previous, ahead=ahead)
    reference = assemble(make_script(), changed, Config(), tmp_path / "ref", previous=previous)
    assert levelled == [(2, programme.chapters[1].pcm_sha256)]  # levelled once, ahead, for good
    assert [c.pending is not None for c in programme.chapters] == [True, False, True]
    assert programme.loudness == reference.loudness
    assert programme.loudness["gain_db"] == first.loudness["gain_db"]  # the previous gain still fits
    assert [c.pcm_sha256 for c in programme.chapters] == [c.pcm_sha256 for c in reference.chapters]
    assert programme.chapters[1].wav_path.read_bytes() == reference.chapters[1].wav_path.read_bytes()


def levelled_ahead(folder: Path, amplitudes: dict[int, int]) -> tuple[dict[int, float], list[np.ndarray]]:
    """The gain each chapter was levelled with ahead, its takes coming chapter by chapter, and
    the chapters' blocks."""
    takes = make_takes(folder / "takes", amplitudes)
    ahead = Ahead(make_script(), Config(), workdir(folder / "work"), previous=None, rate=RATE)
    for sid in sorted(takes):
        ahead.take(takes[sid])
    done = ahead.finish(RATE)
    return {i: g for i, (g, _) in done.levelled.items()}, [done.assembled[i][1] for i in (1, 2, 3)]


def test_a_silent_first_chapter_is_levelled_with_no_gain(tmp_path, one_worker) -> None:
    gains, blocks = levelled_ahead(tmp_path, {1: 100, 2: 4000, 3: 4000})  # 100: under the silence threshold
    assert len(blocks[0]) == 0
    assert gains == {1: 0.0, 2: provisional_gains(blocks, TARGET, None)[1], 3: final_gain(blocks, TARGET, None)}


def test_a_small_move_of_the_measurement_keeps_the_provisional_gain(tmp_path, one_worker) -> None:
    # chapter 2 is 0.2 dB louder than chapter 1: the measurement moves by less than the tolerance
    gains, blocks = levelled_ahead(tmp_path, {1: 4000, 2: 4100, 3: 4000})
    first = round(TARGET - loudness.integrated_loudness(blocks[:1]), 2)
    second = round(TARGET - loudness.integrated_loudness(blocks[:2]), 2)
    assert first != second and abs(first - second) <= 0.25
    assert gains == {1: first, 2: first, 3: final_gain(blocks, TARGET, None)}


def test_close_cancels_the_chapters_not_started(tmp_path, takes, one_worker) -> None:
    import threading

    running, release, cancelled = threading.Event(), threading.Event(), threading.Event()

    def hold(chapter: ChapterAudio, rate: int) -> None:  # chapter 1 is being levelled: hold it there
        running.set()
        assert release.wait(60)

    ahead = Ahead(make_script(), Config(), workdir(tmp_path / "work"), previous=None, rate=RATE, on_levelled=hold)
    for sid in sorted(takes):
        ahead.take(takes[sid])
    assert running.wait(60) and ahead.started == 3
    ahead._futures[2].add_done_callback(lambda f: cancelled.set() if f.cancelled() else None)
    closing = threading.Thread(target=ahead.close)
    closing.start()
    try:
        assert cancelled.wait(60)  # chapter 3 never starts
    finally:
        release.set()
        closing.join()
    assert ahead._futures[1].cancelled()
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == [".ch01.raw.wav", "ch01.wav"]


class GatedLock:
    """The levelling lock, holding its first release until another thread has found it taken:
    the moment a chapter is measured while the thread levelling looks the other way."""

    def __init__(self) -> None:
        import threading

        self.lock = threading.Lock()
        self.releasing, self.refused = threading.Event(), threading.Event()
        self.first = True

    def acquire(self, blocking: bool = True) -> bool:
        got = self.lock.acquire(blocking)
        if not got:
            self.refused.set()
        return got

    def release(self) -> None:
        if self.first:
            self.first = False
            self.releasing.set()
            assert self.refused.wait(60)
        self.lock.release()


def test_a_chapter_measured_while_another_thread_levels_is_levelled_by_it(tmp_path, takes, monkeypatch) -> None:
    # two workers: chapter 2 is measured just as the thread that levelled chapter 1 lets go of
    # the levelling; that thread looks again and levels chapter 2 (nobody else would, ahead)
    monkeypatch.setattr(ahead_module, "workers", lambda: 2)
    ahead = Ahead(make_script(), Config(), workdir(tmp_path / "work"), previous=None, rate=RATE)
    gate = GatedLock()
    ahead._level_lock = gate  # type: ignore[assignment]
    ahead.take(takes["c01-s0001"])
    ahead.take(takes["c01-s0002"])
    assert gate.releasing.wait(60)  # chapter 1 levelled, chapter 2 not even started
    ahead.take(takes["c02-s0001"])
    ahead.take(takes["c02-s0002"])
    done = ahead.finish(RATE)
    assert sorted(done.assembled) == [1, 2] and sorted(done.levelled) == [1, 2]


def test_takes_after_finish_start_nothing(tmp_path, takes, one_worker) -> None:
    ahead = Ahead(make_script(), Config(output=OutputConfig(normalize=False)), workdir(tmp_path / "w"),
                  previous=None, rate=RATE)
    for sid in ("c01-s0001", "c01-s0002"):
        ahead.take(takes[sid])
    done = ahead.finish(RATE)
    ahead.take(takes["c02-s0001"])
    ahead.take(takes["c02-s0002"])  # the pool is shut down: nothing may be handed to it
    assert ahead.started == 1 and sorted(done.assembled) == [1]


def test_the_provisional_gain_starts_from_the_previous_narration_s(tmp_path, one_worker) -> None:
    takes = make_takes(tmp_path / "takes", {1: 4000, 2: 4100, 3: 4100})
    first = assemble(make_script(), takes, Config(), tmp_path / "first")
    gain = first.loudness["gain_db"]
    # chapter 1 made again 0.1 dB louder: it alone measures within the tolerance of the previous
    # gain, which it is levelled with, not with its own measurement
    changed = {**takes, **make_takes(tmp_path / "louder", {1: 4050})}
    ahead = Ahead(make_script(), Config(), workdir(tmp_path / "work"), previous=previous_of(first), rate=RATE)
    for sid in sorted(changed):
        ahead.take(changed[sid])
    done = ahead.finish(RATE)
    assert done.assembled[1][1] is not None and done.assembled[2][1] is None  # 2 and 3 carried over
    fresh1 = round(TARGET - loudness.integrated_loudness([done.assembled[1][1]]), 2)
    assert fresh1 != gain and abs(fresh1 - gain) <= 0.25
    assert sorted(done.levelled) == [1] and done.levelled[1][0] == gain
