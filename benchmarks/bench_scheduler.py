"""How well the scheduler keeps servers busy, against loopback stand-ins with a fixed delay.

Prints:
  1. wall time / server busy time for N segments on one server (goal <= 1.03), next to the score
     of a typical hand-written batch script that sleeps 1.5 s between requests;
  2. speed-up with 4 equal servers over 1 (goal >= 3.6);
  3. 4 servers of unequal speed (1x, 1x, 2x, 4x the delay): throughput against the ideal, the sum
     of the servers' rates.

Run: python benchmarks/bench_scheduler.py [--segments 200] [--delay 0.05]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from narrator.cache import Cache
from narrator.config import load_config
from narrator.document import Script, ScriptChapter, Segment
from narrator.synth import synthesize
from tests.servers.faulty import LoopbackEngine

BATCH_SCRIPT_SLEEP = 1.5  # what hand-written batch scripts put between requests


def make_script(n: int) -> Script:
    segs = tuple(Segment(id=f"c01-s{i + 1:04d}", chapter=1, text=t, spoken=t, lang="en",
                         emotion="neutral", boundary="sentence", pause_after_ms=250)
                 for i, t in enumerate(f"Benchmark sentence number {i:03d} is here." for i in range(n)))
    return Script("bench", "en", (ScriptChapter(1, "Bench", segs),))


class Servers:
    """Stand-in servers, each in its own process (as real servers are: no shared GIL)."""

    def __init__(self, delays: list[float]) -> None:
        self.procs = [subprocess.Popen([sys.executable, "-m", "tests.servers.faulty", "--tone",
                                        "--delay", str(d)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
                      for d in delays]
        self.urls = [p.stdout.readline().strip() for p in self.procs]  # type: ignore[union-attr]

    def stats(self) -> list[dict]:
        import requests

        return [requests.get(u + "/stats", timeout=5).json() for u in self.urls]

    def close(self) -> None:
        for p in self.procs:
            p.terminate()
            p.wait()


def run(script: Script, delays: list[float]) -> tuple[float, list[float], list[int]]:
    """(wall seconds, busy seconds per server, requests per server) of one cold-cache run."""
    servers = Servers(delays)
    try:
        engines = [LoopbackEngine(u, timeout=30) for u in servers.urls]
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            result = synthesize(script, engines, Cache(Path(tmp)), load_config())
            wall = time.perf_counter() - start
        assert not result.failed, result.failed
        for e in engines:
            e.close()
        stats = servers.stats()
        return wall, [s["busy"] for s in stats], [s["requests"] for s in stats]
    finally:
        servers.close()


def plain_loop(script: Script, delay: float) -> float:
    """wall / busy of a bare loop of back-to-back requests: the floor of this HTTP stack."""
    servers = Servers([delay])
    try:
        engine = LoopbackEngine(servers.urls[0], timeout=30)
        start = time.perf_counter()
        for seg in script.segments:
            engine.synthesize(seg.spoken, seg.lang, seg.emotion)
        wall = time.perf_counter() - start
        engine.close()
        return wall / servers.stats()[0]["busy"]
    finally:
        servers.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--segments", type=int, default=200)
    ap.add_argument("--delay", type=float, default=0.05, help="server seconds per request")
    args = ap.parse_args()
    n, d = args.segments, args.delay
    script = make_script(n)
    run(make_script(10), [d])  # warm-up (imports, first connections)

    wall1, busy1, _ = run(script, [d])
    ratio = wall1 / busy1[0]
    batch = (n * (d + BATCH_SCRIPT_SLEEP)) / (n * d)
    print(f"1 server, {n} segments, {d * 1000:.0f} ms each: wall {wall1:.2f} s, server busy {busy1[0]:.2f} s")
    print(f"  wall / busy = {ratio:.3f}   (goal <= 1.03; a batch script sleeping "
          f"{BATCH_SCRIPT_SLEEP} s between requests scores {batch:.1f}; a bare loop of "
          f"back-to-back requests, the floor of this HTTP stack, scores {plain_loop(script, d):.3f})")

    wall4, _, reqs4 = run(script, [d] * 4)
    print(f"4 equal servers: wall {wall4:.2f} s, requests {reqs4}")
    print(f"  speed-up over 1 server = {wall1 / wall4:.2f}   (goal >= 3.6)")

    factors = [1, 1, 2, 4]
    wallu, _, reqsu = run(script, [d * f for f in factors])
    ideal = n / sum(1 / (d * f) for f in factors)
    print(f"4 unequal servers (delays x{factors}): wall {wallu:.2f} s, requests {reqsu}")
    print(f"  ideal (sum of server rates) {ideal:.2f} s; achieved {ideal / wallu:.1%} of ideal throughput")


if __name__ == "__main__":
    main()
