"""How well the synthesis scheduler keeps TTS servers busy (loopback stand-ins with a fixed delay).

Prints, with their goals:
  1. wall time / server busy time for 200 segments on one server with 50 ms per request
     (goal <= 1.03), then the same for 30 segments at a more realistic 500 ms per request; each
     next to the floor of the HTTP stack (a bare loop of back-to-back requests with the same
     client) and to what a hand-written batch script sleeping 1.5 s between requests scores;
  2. speed-up with 4 equal servers over 1 (goal >= 3.6);
  3. 4 servers of unequal speed (1x, 1x, 2x, 4x the delay): throughput against the ideal.

"Server busy" is measured by the server itself (tests/servers/faulty.py, GET /stats): for each
request, from the moment its request line arrives to the moment the last byte of the answer is
written, i.e. the time the server spends on that request from receiving it to finishing the
answer. wall / busy - 1 is then the share of the run in which the server sat idle waiting for
its client. (narrator's own SynthesisResult.server_busy is timed by the client around the whole
HTTP call, so it would hide the client's overhead; it is not used here.)

The stand-ins run in their own processes (as real servers do: no shared GIL) and answer with
tone audio, so their own CPU time is small. Other processes on the machine add noise: the 50 ms
figures are the best of two runs, interleaved.

Run: python benchmarks/bench_scheduler.py [--segments 200] [--delay 0.05] [--slow-segments 30]
     [--slow-delay 0.5]   (about 90 s)
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from narrator.synthesis.cache import Cache
from narrator.config import load_config
from narrator.values import Script, ScriptChapter, Segment
from narrator.synthesis.scheduler import synthesize
from tests.servers.faulty import LoopbackEngine

BATCH_SCRIPT_SLEEP = 1.5  # what hand-written batch scripts put between requests


def make_script(n: int) -> Script:
    segs = tuple(Segment(id=f"c01-s{i + 1:04d}", chapter=1, text=t, spoken=t, lang="en",
                         emotion="neutral", boundary="sentence", pause_after_ms=250)
                 for i, t in enumerate(f"Benchmark sentence number {i:03d} is here." for i in range(n)))
    return Script("bench", "en", (ScriptChapter(1, "Bench", segs),))


class Servers:
    """Stand-in servers, each in its own process."""

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
        assert all(s["max_in_flight"] == 1 for s in stats), stats  # one request in flight per server
        return wall, [s["busy"] for s in stats], [s["requests"] for s in stats]
    finally:
        servers.close()


def bare_loop(script: Script, delay: float) -> tuple[float, float]:
    """(wall, busy) of a plain loop of back-to-back requests: the floor of this HTTP stack."""
    servers = Servers([delay])
    try:
        engine = LoopbackEngine(servers.urls[0], timeout=30)
        start = time.perf_counter()
        for seg in script.segments:
            engine.synthesize(seg.spoken, seg.lang, seg.emotion)
        wall = time.perf_counter() - start
        engine.close()
        return wall, servers.stats()[0]["busy"]
    finally:
        servers.close()


def one_server(n: int, d: float, repeats: int) -> float:
    """Print the one-server figures for ``n`` segments of ``d`` seconds; return narrate's wall."""
    script = make_script(n)
    best = bare = (math.inf, 1.0)
    for _ in range(repeats):  # interleaved, so both see the same background load
        wall, busy, _ = run(script, [d])
        best = min(best, (wall / busy[0], wall))
        w, b = bare_loop(script, d)
        bare = min(bare, (w / b, w))
    ratio, wall = best
    idle = (wall - wall / ratio) / n * 1000
    bare_idle = (bare[1] - bare[1] / bare[0]) / n * 1000
    batch = bare[0] + BATCH_SCRIPT_SLEEP / d
    runs = f"best of {repeats}" if repeats > 1 else "1 run"
    print(f"1 server, {n} segments x {d * 1000:.0f} ms: narrate wall / server busy = {ratio:.3f}  "
          f"(goal <= 1.03)  [wall {wall:.2f} s, server idle {idle:.2f} ms per request; {runs}]")
    print(f"    floor, a bare loop of back-to-back requests: {bare[0]:.3f} (idle {bare_idle:.2f} ms "
          f"per request), so narrate's own share is {ratio - bare[0]:+.3f};  a batch script "
          f"sleeping {BATCH_SCRIPT_SLEEP} s between requests: {batch:.1f}")
    return wall


def best_makespan(n: int, delays: list[float]) -> float:
    """The shortest run possible with whole requests: min T such that sum floor(T / d) >= n."""
    candidates = sorted({k * d for d in delays for k in range(1, n + 1)})
    return next(t for t in candidates if sum(math.floor(t / d + 1e-9) for d in delays) >= n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--segments", type=int, default=200)
    ap.add_argument("--delay", type=float, default=0.05, help="server seconds per request")
    ap.add_argument("--slow-segments", type=int, default=30)
    ap.add_argument("--slow-delay", type=float, default=0.5, help="the realistic delay (0 = skip)")
    args = ap.parse_args()
    n, d = args.segments, args.delay
    run(make_script(10), [d])  # warm-up (imports, first connections)

    wall1 = one_server(n, d, repeats=2)
    if args.slow_delay > 0:
        one_server(args.slow_segments, args.slow_delay, repeats=1)

    script = make_script(n)
    wall4, _, reqs4 = run(script, [d] * 4)
    print(f"4 equal servers x {d * 1000:.0f} ms: speed-up over 1 server = {wall1 / wall4:.2f}  "
          f"(goal >= 3.6)  [wall {wall4:.2f} s, requests {reqs4}]")

    factors = [1, 1, 2, 4]
    delays = [d * f for f in factors]
    wallu, _, reqsu = run(script, delays)
    ideal = n / sum(1 / x for x in delays)
    print(f"4 unequal servers x {'/'.join(f'{x * 1000:.0f}' for x in delays)} ms: "
          f"{ideal / wallu:.1%} of ideal throughput  [wall {wallu:.2f} s; ideal {ideal:.2f} s = "
          f"segments / sum of server rates, {best_makespan(n, delays):.2f} s with whole requests; "
          f"requests {reqsu}]")


if __name__ == "__main__":
    main()
