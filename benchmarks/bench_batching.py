"""Requests in flight on a batching server: in_flight = 1, fixed numbers, and "auto" (issue 25).

The batching stand-in (tests/servers/batching.py, in a process of its own as a real server is)
serves a request alone in ``--rtf`` seconds per second of its audio (0.4: about 1 s for these
sentences, an IndexTTS2-class GPU) and 8 at once in 8 ** 0.56 times that, so 8 in flight give
2.5 times the throughput of 1 and more only wait in its queue: the best fixed concurrency is 8.

``--scale S`` runs the stand-in S times faster than that GPU and reports every time and
throughput in the GPU's seconds (wall seconds times S), so the ratios are those of the unscaled
run as long as narrate's own time per request stays small beside the stand-in's (at the default
4 a request alone takes about 0.25 s; ``--scale 1`` runs the GPU's timing itself, about 6 min).
Prints, in seconds of audio per second:

  1. in_flight = 1 and fixed numbers around the batch: each one's steady throughput (from the
     first answers at full level to the last ones sent at it);
  2. "auto" over two minutes of work, its first minute read both ways against the best fixed
     number's steady throughput: its average over the whole first minute (its ramp and its
     first answers' wait included: the best fixed number's own first minute loses about 3 % to
     that wait), and the rate it reached within it (over the minute's last 20 s; and when a
     10 s window first reached 90 %); then the second minute, and the limits it went through
     (goals: 90 % of the best fixed within the first minute, at least 2x in_flight = 1);
  3. the IndexTTS2 web UI stand-in at 0.25 s per generation with in_flight = 1 and "auto": the
     same throughput, one request at a time.

Run: nice -n 5 python benchmarks/bench_batching.py [--scale 4] [--rtf 0.4]   (about 3 min)
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
FIXED = (1, 2, 4, 8, 12)
MINUTE = 60.0  # the GPU's seconds


def texts(n: int, offset: int = 0) -> list[str]:
    words = ("short", "rather longer than the others", "of middling length", "brief")
    return [f"Sentence {i} of the benchmark is {words[i % 4]}." for i in range(offset, offset + n)]


def make_script(n: int, offset: int = 0) -> Script:
    segs = tuple(Segment(id=f"c01-s{i + 1:04d}", chapter=1, text=t, spoken=t, lang="en",
                         emotion="neutral", boundary="sentence", pause_after_ms=250)
                 for i, t in enumerate(texts(n, offset)))
    return Script("bench", "en", (ScriptChapter(1, "Bench", segs),))


class StandIn:
    """The batching stand-in in a process of its own, its speech for ``prepare`` made first."""

    def __init__(self, per_audio: float, prepare: list[str], tmp: Path) -> None:
        listing = tmp / "texts.txt"
        listing.write_text("\n".join(prepare) + "\n", "utf-8")
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.servers.batching", "--per-audio", str(per_audio),
                                      "--gain", str(GAIN), "--max-batch", str(BATCH), "--prepare", str(listing)],
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(10)


class Run:
    """One synthesis: each take's (time after the start in the GPU's seconds, seconds of audio)
    and the limit's changes."""

    def __init__(self, url: str, in_flight: int | str, n: int, scale: float) -> None:
        config = load_config(overrides={"engine.name": "indextts2-vllm", "engine.servers": [url],
                                        "engine.indextts2-vllm": {"spk_audio_path": VOICE_PATH},
                                        "engine.in_flight": in_flight})
        engines = create_engines(config)
        self.takes: list[tuple[float, float]] = []
        with tempfile.TemporaryDirectory() as tmp:
            start = time.monotonic()
            result = synthesize(make_script(n), engines, Cache(Path(tmp)), config,
                                on_take=lambda take: self.takes.append(
                                    ((time.monotonic() - start) * scale, take.duration)))
        assert not result.failed, result.failed
        self.takes.sort()
        self.history = [((t - start) * scale, v) for t, v in limit_for(engines[0], in_flight).history]

    def rate(self, start: float, end: float) -> float:
        """Seconds of audio per GPU second answered in (start, end], in the GPU's units."""
        return sum(d for t, d in self.takes if start < t <= end) / (end - start)

    def steady(self, level: int) -> float:
        """From the level-th answer (the server full) to the level-th from last (still full)."""
        times = [t for t, _ in self.takes]
        return self.rate(times[level - 1], times[-level])


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rtf", type=float, default=0.4, help="the GPU's seconds per second of audio, alone")
    p.add_argument("--scale", type=float, default=4.0, help="the stand-in runs this many times faster")
    p.add_argument("--webui", type=int, default=16, help="sentences per web UI run")
    args = p.parse_args()
    # about two minutes of work at the curve's best (sentences of about 2.3 s of audio) and some
    n_auto = int(2 * MINUTE * GAIN / args.rtf / 2.3) + 20
    with tempfile.TemporaryDirectory() as tmp:
        server = StandIn(args.rtf / args.scale, texts(n_auto), Path(tmp))
        try:
            print(f"batching stand-in: {args.rtf} s per second of audio alone, {BATCH} at once give {GAIN}x; "
                  f"run {args.scale:g} times faster, figures in the unscaled GPU's seconds")
            fixed: dict[int, float] = {}
            for n in FIXED:
                # about 40 GPU seconds each, at what that level gives on the curve
                x = min(n, BATCH) ** (1 - 0.5593) / args.rtf
                run = Run(server.url, n, max(4 * n, int(40 * x / 2.3)), args.scale)
                fixed[n] = run.steady(n)
                print(f"  in_flight = {n:2d}: {fixed[n]:5.2f} s of audio per second "
                      f"({fixed[n] / fixed[1]:.2f}x in_flight = 1)")
            best_n = max(fixed, key=lambda n: fixed[n])
            best = fixed[best_n]
            print(f"  best fixed: {best_n} ({best:.2f})")
            auto = Run(server.url, "auto", n_auto, args.scale)
            average = auto.rate(0, MINUTE)
            late = auto.rate(MINUTE - 20, MINUTE)
            window = next((end for end in (10 + 0.5 * i for i in range(int((MINUTE - 10) * 2) + 1))
                           if auto.rate(end - 10, end) >= 0.9 * best), None)
            print(f"  auto, first minute of work: average {average:.2f} = {average / best:.0%} of the best fixed "
                  f"({average / fixed[1]:.2f}x in_flight = 1); reached {late:.2f} = {late / best:.0%} "
                  f"(40-60 s); a 10 s window first at >= 90 %: "
                  + (f"{window:.1f} s" if window is not None else "never"))
            second = auto.rate(MINUTE, 2 * MINUTE)
            print(f"  auto, second minute: {second:.2f} = {second / best:.0%} of the best fixed")
            print("    limits: " + ", ".join(f"{t:.0f}s:{v}" for t, v in auto.history))
        finally:
            server.close()
    webui(args.webui)


def webui(n: int, rounds: int = 3) -> None:
    """in_flight = 1 and "auto" taking turns (``rounds`` times each, after a warm-up that
    uploads the voice), so that a shared machine's load falls on both alike."""
    from tests.servers.audio import speech_wav
    from tests.servers.indextts2_webui import start_webui

    server = start_webui("2", "zh_CN", delay=0.25)
    rates: dict[int | str, list[float]] = {1: [], "auto": []}
    limits: set[int] = set()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            voice = Path(tmp) / "voice.wav"
            voice.write_bytes(speech_wav("This is the voice of the narrator."))
            print("IndexTTS2 web UI stand-in: 0.25 s per generation")
            turns: list[int | str] = [1] + ["auto", 1] * rounds
            for i, asked in enumerate(turns):
                config = load_config(overrides={"engine.name": "indextts2", "engine.servers": [server.url],
                                                "engine.voice_file": str(voice), "engine.in_flight": asked})
                engines = create_engines(config)
                start = time.monotonic()
                result = synthesize(make_script(2 if i == 0 else n, 5000 + 100 * i), engines,
                                    Cache(Path(tmp) / str(i)), config)
                wall = time.monotonic() - start
                if i == 0:
                    continue
                rates[asked].append(sum(t.duration for t in result.takes.values()) / wall)
                limits.add(limit_for(engines[0], asked).value)
        for asked, xs in rates.items():
            print(f"  in_flight = {asked}: {sum(xs) / len(xs):.2f} s of audio per second "
                  f"(runs {', '.join(f'{x:.2f}' for x in xs)})")
        print(f"  limits chosen: {sorted(limits)}; most requests in flight at the server: "
              f"{server.recorder.max_in_flight}")
    finally:
        server.close()


if __name__ == "__main__":
    main()
