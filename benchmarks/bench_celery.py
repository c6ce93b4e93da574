"""Takes through Celery and Redis against the local scheduler, on the same servers.

For 1, 2 and 4 stand-in servers with a fixed delay per request (tests/servers/faulty.py, each in
its own process, tone audio), the same cold-cache script is made twice:
  local   synthesize() with one engine per server (the in-process scheduler);
  queue   synthesize_queued() with one `narrate worker` subprocess per server behind a Redis
          started here (the `http` engine, same servers).
Prints, per worker count: both wall times, queue / local (goal <= 1.05), the queue's throughput
speed-up over one worker (goal >= 0.9 x workers) and the queue's overhead per take in ms:
(queue wall - local wall) x workers / takes, i.e. the time a server sat idle per take because
of the queue. Needs redis-server on PATH.

Run: python benchmarks/bench_celery.py [--segments 48] [--delay 0.25]   (about 2 minutes)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from narrator.config import load_config
from narrator.engines import create_engines
from narrator.synthesis.cache import Cache
from narrator.synthesis.queue import synthesize_queued
from narrator.synthesis.scheduler import synthesize
from narrator.values import Script, ScriptChapter, Segment
from tests.servers.queue import Worker, start_redis

HTTP_ENGINE = """\
[engine]
name = "http"
retries = 3
[engine.http]
method = "POST"
url = "/tts"
body = "{{ text }}"
sample_rate = 22050
[engine.http.headers]
X-Lang = "{{ lang }}"
"""


def make_script(n: int, tag: str) -> Script:
    segs = tuple(Segment(id=f"c01-s{i + 1:04d}", chapter=1, text=t, spoken=t, lang="en",
                         emotion="neutral", boundary="sentence", pause_after_ms=250)
                 for i, t in enumerate(f"Queue benchmark {tag} sentence {i:03d} is here."
                                       for i in range(n)))
    return Script("bench", "en", (ScriptChapter(1, "Bench", segs),))


def start_servers(n: int, delay: float) -> tuple[list[subprocess.Popen[str]], list[str]]:
    procs = [subprocess.Popen([sys.executable, "-m", "tests.servers.faulty", "--tone", "--delay",
                               str(delay)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
             for _ in range(n)]
    return procs, [p.stdout.readline().strip() for p in procs]  # type: ignore[union-attr]


def stop(procs: list[subprocess.Popen[str]]) -> None:
    for p in procs:
        p.terminate()
    for p in procs:
        p.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--segments", "--takes", type=int, default=48)
    ap.add_argument("--delay", type=float, default=0.25)
    args = ap.parse_args()
    if shutil.which("redis-server") is None:
        sys.exit("bench_celery: needs redis-server (Debian package redis-server)")
    redis, broker = start_redis()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            toml = tmp / "narrate.toml"
            toml.write_text(HTTP_ENGINE)
            for n in (1, 2, 4):
                servers, urls = start_servers(n, args.delay)
                workers = [Worker(broker, url, tmp / f"worker-cache-{i}", "-c", str(toml))
                           for i, url in enumerate(urls)]
                for w in workers:
                    w.wait_ready()
                try:
                    config = load_config(toml, {"engine.servers": urls})
                    engines = create_engines(config)
                    started = time.monotonic()
                    local = synthesize(make_script(args.segments, f"local{n}"), engines,
                                       Cache(tmp / f"local-{n}"), config)
                    local_wall = time.monotonic() - started
                    for e in engines:
                        e.close()
                    qconfig = load_config(toml, {"queue.broker": broker})
                    started = time.monotonic()
                    queued = synthesize_queued(make_script(args.segments, f"queue{n}"),
                                               Cache(tmp / f"queue-{n}"), qconfig)
                    queue_wall = time.monotonic() - started
                    assert not local.failed and not queued.failed
                    assert queued.synthesized == args.segments
                    rows.append((n, local_wall, queue_wall))
                finally:
                    for w in workers:
                        w.stop()
                    stop(servers)
    finally:
        redis.terminate()
        redis.wait()

    one = rows[0][2]
    print(f"{args.segments} takes, {args.delay * 1000:.0f} ms per request")
    print("workers  local s  queue s  queue/local (goal <= 1.05)  speed-up (goal >= 0.9 x n)"
          "  overhead ms/take")
    for n, local_wall, queue_wall in rows:
        speedup = one / queue_wall
        overhead = (queue_wall - local_wall) * n / args.segments * 1000
        print(f"{n:7d}  {local_wall:7.2f}  {queue_wall:7.2f}  {queue_wall / local_wall:26.3f}  "
              f"{speedup:6.2f} ({speedup / n:.2f} x n){'':9s}  {overhead:8.1f}")
    print("queue wall includes finding the workers (one Celery broadcast, ended when all answered)")


if __name__ == "__main__":
    main()
