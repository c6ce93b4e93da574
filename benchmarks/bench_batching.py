"""Requests in flight on a batching server: in_flight = 1, fixed numbers, and "auto" (issue 25).

The batching stand-in (tests/servers/batching.py, in a process of its own as a real server is)
serves a request alone in ``--rtf`` seconds per second of its audio (0.4: about 1 s for these
sentences, an IndexTTS2-class GPU) and 8 at once in 8 ** 0.56 times that, so 8 in flight give
2.5 times the throughput of 1 and more only wait in its queue: the best fixed concurrency is 8. Prints, in seconds of audio per second (the stand-in's eSpeak audio):

  1. in_flight = 1 and fixed numbers around the batch, each over the same sentences;
  2. "auto" over a longer run: its throughput over the first minute of work and after it, the
     time at which the limit first reached a level giving 90 % of the best fixed throughput, and
     the limits it went through (goals: 90 % of the best fixed within the first minute, and at
     least 2x in_flight = 1);
  3. the IndexTTS2 web UI stand-in at 0.5 s per generation with in_flight = 1 and "auto": the same
     throughput, one request at a time.

Run: python benchmarks/bench_batching.py [--rtf 0.4] [--fixed 60] [--auto 240]   (about 10 min)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from narrator.config import load_config  # noqa: E402
from narrator.engines import create_engines  # noqa: E402
from narrator.synthesis.cache import Cache  # noqa: E402
from narrator.synthesis.concurrency import limit_for  # noqa: E402
from narrator.synthesis.scheduler import synthesize  # noqa: E402
from narrator.values import Script, ScriptChapter, Segment  # noqa: E402
from tests.servers.vllm_server import VOICE_PATH  # noqa: E402

GAIN, BATCH = 2.5, 8


def make_script(n: int, offset: int = 0) -> Script:
    words = ("short", "rather longer than the others", "of middling length", "brief")
    texts = [f"Sentence {i} of the benchmark is {words[i % 4]}." for i in range(offset, offset + n)]
    segs = tuple(Segment(id=f"c01-s{i + 1:04d}", chapter=1, text=t, spoken=t, lang="en",
                         emotion="neutral", boundary="sentence", pause_after_ms=250)
                 for i, t in enumerate(texts))
    return Script("bench", "en", (ScriptChapter(1, "Bench", segs),))


class Stand_in:
    def __init__(self, rtf: float) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.servers.batching", "--per-audio", str(rtf),
                                      "--gain", str(GAIN), "--max-batch", str(BATCH)],
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(10)


def run(url: str, in_flight: int | str, script: Script) -> tuple[float, float, list, float]:
    """(seconds of audio, wall seconds, the limit's history, start time) of one synthesis."""
    config = load_config(overrides={"engine.name": "indextts2-vllm", "engine.servers": [url],
                                    "engine.indextts2-vllm": {"spk_audio_path": VOICE_PATH},
                                    "engine.in_flight": in_flight})
    engines = create_engines(config)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.monotonic()
        result = synthesize(script, engines, Cache(Path(tmp)), config, on_take=lambda take: takes.append(
            (time.monotonic(), take.duration)))
        wall = time.monotonic() - start
    assert not result.failed, result.failed
    audio = sum(t.duration for t in result.takes.values())
    history = limit_for(engines[0], config.engine.in_flight).history
    return audio, wall, history, start


takes: list[tuple[float, float]] = []


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rtf", type=float, default=0.4, help="the stand-in's seconds per second of audio, alone")
    p.add_argument("--fixed", type=int, default=60, help="sentences per fixed-concurrency run")
    p.add_argument("--auto", type=int, default=240, help="sentences of the auto run")
    p.add_argument("--webui", type=int, default=30, help="sentences per web UI run")
    args = p.parse_args()
    server = Stand_in(args.rtf)
    try:
        # the stand-in makes each sentence's eSpeak audio once: make it before anything is timed
        run(server.url, 16, make_script(args.auto))
        print(f"batching stand-in: {args.rtf} s per second of audio alone, {BATCH} at once give {GAIN}x")
        fixed: dict[int, float] = {}
        for n in (1, 2, 4, 6, 8, 10, 12, 16):
            audio, wall, _, _ = run(server.url, n, make_script(args.fixed))  # the auto run's first ones
            fixed[n] = audio / wall
            print(f"  in_flight = {n:2d}: {fixed[n]:6.2f} s of audio per second ({fixed[n] / fixed[1]:.2f}x in_flight = 1)")
        best_n = max(fixed, key=lambda n: fixed[n])
        best = fixed[best_n]
        print(f"  best fixed: {best_n} ({best:.2f})")
        takes.clear()
        audio, wall, history, start = run(server.url, "auto", make_script(args.auto))
        minute = sum(d for t, d in takes if t - start <= 60.0)
        later = sum(d for t, d in takes if t - start > 60.0)
        last = max(t for t, _ in takes)
        good = [n for n, x in fixed.items() if x >= 0.9 * best]
        reached = next((t - start for t, v in history if v >= min(good)), None)
        print(f"  auto, {args.auto} sentences: {audio / wall:.2f} overall = {audio / wall / best:.0%} of the best "
              f"fixed, {audio / wall / fixed[1]:.2f}x in_flight = 1")
        first = min(60.0, last - start)
        print(f"    first {first:.0f} s of work: {minute / first:.2f} ({minute / first / best:.0%} of the best fixed)"
              + (f"; after it: {later / (last - start - 60):.2f} ({later / (last - start - 60) / best:.0%})"
                 if last - start > 60 else ""))
        print(f"    limit first at a level giving >= 90 % of the best fixed ({min(good)}): "
              + (f"{reached:.1f} s" if reached is not None else "never"))
        print("    limits: " + ", ".join(f"{t - start:.0f}s:{v}" for t, v in history))
    finally:
        server.close()
    webui(args.webui)


def webui(n: int) -> None:
    from tests.servers.audio import speech_wav
    from tests.servers.indextts2_webui import start_webui

    server = start_webui("2", "zh_CN", delay=0.5)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            voice = Path(tmp) / "voice.wav"
            voice.write_bytes(speech_wav("This is the voice of the narrator."))
            print("IndexTTS2 web UI stand-in: 0.5 s per generation")
            for i, asked in enumerate((1, 1, "auto")):  # the first run warms up (voice upload)
                config = load_config(overrides={"engine.name": "indextts2", "engine.servers": [server.url],
                                                "engine.voice_file": str(voice), "engine.in_flight": asked})
                engines = create_engines(config)
                start = time.monotonic()
                result = synthesize(make_script(n, 5000), engines, Cache(Path(tmp) / str(i)), config)
                wall = time.monotonic() - start
                audio = sum(t.duration for t in result.takes.values())
                if i == 0:
                    continue
                print(f"  in_flight = {asked}: {audio / wall:.2f} s of audio per second, "
                      f"limit {limit_for(engines[0], asked).value}, most in flight at the server "
                      f"{server.recorder.max_in_flight}")
    finally:
        server.close()


if __name__ == "__main__":
    main()
