"""The queue against the bugs issue 26 found the suite did not notice (each test fails on one
hand-made mutant listed in tests/mutants.py). Real redis-server, real `narrate worker` processes
and IndexTTS2 stand-ins, as in test_queue.py, whose fixtures these tests share."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from narrator.synthesis.cache import Cache
from narrator.util.ffmpeg import ffmpeg_exe
from narrator.util.wavio import wav_info
from tests.servers.queue import wait_until
from test_queue import NARRATE, SAMPLES, cluster, narrate, take_keys, voices  # noqa: F401 - fixtures

pytestmark = pytest.mark.slow


def resampled(wav: Path, rate: int, out: Path) -> bytes:
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-i", str(wav), "-ar", str(rate), "-ac", "1",
                    "-c:a", "pcm_s16le", str(out)], check=True)
    return out.read_bytes()


def test_the_asker_checks_a_worker_s_take_again_and_refuses_a_16_khz_one(cluster, broker, voices, tmp_path):
    """A worker's cache can hold a take its setup would never make (an older version wrote it, a
    disk was copied): the worker answers it from its cache as it is, so the asker, which knows the
    setup's rate, must check the bytes it receives and not keep a 16 kHz take of a 22050 Hz setup."""
    teacher, _ = voices
    (ui,), (worker,) = cluster(1, teacher, delay=0.0)
    lesson = tmp_path / "tides.html"
    lesson.write_text("<p>The sea rises twice a day. The moon pulls the water.</p>")
    first = narrate(lesson, "-o", tmp_path / "first", "-f", "wav", "--broker", broker, "--voice-file", teacher,
                    "--cache-dir", tmp_path / "asker-1", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    keys = take_keys(tmp_path / "first")
    seg, key = next(iter(keys.items()))
    worker_cache = Cache(tmp_path / "wcache0")
    wait_until(lambda: worker_cache.get(key) is not None, "the worker to store its take")
    original = worker_cache.path(key)
    assert wav_info(original.read_bytes()).sample_rate == 22050
    slow = resampled(original, 16000, tmp_path / "slow.wav")
    original.write_bytes(slow)  # the worker's cache now holds a 16 kHz take under the key
    made = len(ui.recorder.calls)

    second = narrate(lesson, "-o", tmp_path / "second", "-f", "wav", "--broker", broker, "--voice-file", teacher,
                     "--cache-dir", tmp_path / "asker-2", cwd=tmp_path)
    errors = tmp_path / "second" / "errors.jsonl"
    assert errors.is_file(), (second.returncode, second.stderr)
    lines = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [line["segment"] for line in lines] == [seg] and "16000 Hz" in json.dumps(lines), lines
    assert second.returncode != 0
    assert len(ui.recorder.calls) == made  # every answer came from the worker's cache
    kept = Cache(tmp_path / "asker-2").get(key)
    assert kept is None  # the asker stored nothing under the key
    for wav in (tmp_path / "asker-2").rglob("*.wav"):
        assert wav.read_bytes() != slow and wav_info(wav.read_bytes()).sample_rate == 22050


def test_the_voice_decides_the_setup_not_the_number_of_workers(cluster, broker, voices, tmp_path):
    """Two workers with another voice started first, one with the asker's: the one is chosen
    (a setup with more workers wins only among those that fit)."""
    teacher, guest = voices
    guest_uis, _ = cluster(2, guest)
    (teacher_ui,), _ = cluster(1, teacher)
    run = narrate(SAMPLES / "word-lesson.html", "-o", tmp_path / "out", "--broker", broker,
                  "--voice-file", teacher, "--cache-dir", tmp_path / "asker-cache", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert [ui.recorder.calls for ui in guest_uis] == [[], []]
    assert len(teacher_ui.recorder.calls) == len(set(take_keys(tmp_path / "out").values()))
    # and the one voice is the one asked for: every generation was given the teacher's recording
    prompts = {Path(c["prompt"]).read_bytes() for c in teacher_ui.recorder.calls}
    assert prompts == {teacher.read_bytes()}


def test_a_worker_never_makes_a_take_under_a_key_its_setup_would_not_give(tmp_path):
    """The worker recomputes the asker's key: a task whose key another language handling or
    other emotion presets give (an asker of another version or setup) is refused before the engine is asked, and nothing is
    stored under that key. The real embedded engine and cache; the task is called in-process (a
    Celery task body is this function)."""
    from narrator.config import load_config
    from narrator.engines import create_engines
    from narrator.synthesis.worker import _Worker, make_take

    config = load_config(None, {"cache.dir": str(tmp_path / "cache")})
    engine = create_engines(config)[0]
    calls: list[str] = []
    real = engine.synthesize

    def counted(text: str, lang: str, emotion: str) -> bytes:
        calls.append(text)
        return real(text, lang, emotion)

    engine.synthesize = counted  # type: ignore[method-assign]
    w = _Worker(engine, config, Cache(tmp_path / "cache"), {"fingerprint": "espeak-test"})
    try:
        spoken, emotion = "The tide comes in twice a day.", config.emotion_names[0]

        def key(emotion_params: object, language_params: object) -> str:
            return w.cache.key("espeak-test", emotion_params, spoken, engine.sample_rate,  # type: ignore[arg-type]
                               language_params, 1)

        own = key(engine.emotion_params(emotion), engine.language_params("en"))
        # an asker whose language handling differs (another voice list), or whose emotion presets do
        foreign = [key(engine.emotion_params(emotion), {"voices": ["en-GB"]}),
                   key(engine.emotion_params("calm"), engine.language_params("en"))]
        assert own not in foreign
        for other in foreign:
            refused = make_take(w, other, spoken, "en", emotion)
            assert refused["ok"] is False and "another cache key" in refused["error"]
            assert refused["retryable"] is False
            assert calls == [] and w.cache.get(other) is None
        made = make_take(w, own, spoken, "en", emotion)  # its own key: made
        assert made["ok"] is True and calls == [spoken]
    finally:
        w.writer.shutdown(wait=True)
        engine.close()
