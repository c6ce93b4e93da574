"""What the job server (`narrate serve`) costs on top of the command, with the same lessons.

Prints:
  (a) submission-to-first-request latency: from the POST of a lesson to the moment the TTS server
      receives its first generation request (median of --submits lessons, one at a time);
  (b) the server's overhead per job against the CLI: the same --lessons lessons narrated by one
      `narrate lessons/ -o course` run and by the job server (all submitted at once), each with a
      cold cache, against one stand-in server at --delay seconds per request (goal: within 2 %).

The stand-in (the OpenAI-compatible one of tests/servers/, eSpeak audio) runs in its own process.
Run: python benchmarks/bench_server.py [--delay 0.3] [--lessons 10] [--submits 5]   (~2 minutes)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench_incremental import StandIn, lesson, narrate_command, write_config  # noqa: E402

class Server:
    """`narrate serve` in its own process."""

    def __init__(self, tmp: Path, config: Path) -> None:
        from servers.indextts2_webui import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [*narrate_command(), "serve", "--data", str(tmp / "data"), "-c", str(config)]
        self.token = subprocess.run([*cmd, "--add-token", "bench"], capture_output=True, text=True,
                                    check=True).stdout.strip()
        self.proc = subprocess.Popen([*cmd, "--port", str(self.port)], stderr=subprocess.DEVNULL)
        while True:
            try:
                self.call("GET", "/api/health")
                return
            except OSError:
                time.sleep(0.05)

    def call(self, method: str, path: str, body: object | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.load(r)

    def wait(self, job_id: str) -> None:
        while self.call("GET", f"/api/narrations/{job_id}")["status"] not in ("done", "failed", "cancelled"):
            time.sleep(0.02)

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait()


def latency(tmp: Path, submits: int) -> None:
    stand_in = StandIn(0.0)
    server = Server(tmp, write_config(tmp / "narrate.toml", stand_in.url, tmp / "cache"))
    try:
        waits = []
        for n in range(submits):
            stand_in.ask("/reset")
            sent = time.time()
            job = server.call("POST", "/api/narrations", {"html": lesson(6, seed=100 + n)})
            while (first := stand_in.ask("/first")) is None:
                time.sleep(0.002)
            waits.append(float(first) - sent)  # type: ignore[arg-type]
            server.wait(job["id"])
    finally:
        server.close()
        stand_in.close()
    print(f"(a) submission to first engine request: median {statistics.median(waits) * 1000:.0f} ms "
          f"(min {min(waits) * 1000:.0f}, max {max(waits) * 1000:.0f}; {submits} lessons of 6 sentences)")


def overhead(tmp: Path, delay: float, lessons: int) -> None:
    texts = [lesson(8, per_chapter=4, seed=n) for n in range(lessons)]
    stand_in = StandIn(delay)
    try:
        cli = tmp / "cli"
        (cli / "lessons").mkdir(parents=True)
        for n, text in enumerate(texts):
            (cli / "lessons" / f"lesson-{n:02d}.html").write_text(text, encoding="utf-8")
        config = write_config(cli / "narrate.toml", stand_in.url, cli / "cache")
        start = time.perf_counter()
        subprocess.run([*narrate_command(), str(cli / "lessons"), "-o", str(cli / "course"), "-c",
                        str(config), "-q"], check=True)
        cli_time = time.perf_counter() - start

        srv = tmp / "srv"
        srv.mkdir()
        server = Server(srv, write_config(srv / "narrate.toml", stand_in.url, srv / "cache"))
        try:
            start = time.perf_counter()
            ids = [server.call("POST", "/api/narrations", {"html": t})["id"] for t in texts]
            for job_id in ids:
                server.wait(job_id)
            server_time = time.perf_counter() - start
        finally:
            server.close()
        requests = int(stand_in.ask("/count"))  # type: ignore[arg-type]
    finally:
        stand_in.close()
    share = server_time / cli_time - 1
    print(f"(b) {lessons} lessons of 8 sentences at {delay:g} s per request ({requests} requests in all):"
          f" CLI course build {cli_time:.1f} s, job server {server_time:.1f} s: overhead "
          f"{share:+.1%} (goal within 2 %)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--delay", type=float, default=0.3)
    ap.add_argument("--lessons", type=int, default=10)
    ap.add_argument("--submits", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="narrator-bench-") as d:
        (Path(d) / "a").mkdir()
        (Path(d) / "b").mkdir()
        latency(Path(d) / "a", args.submits)
        overhead(Path(d) / "b", args.delay, args.lessons)


if __name__ == "__main__":
    main()
