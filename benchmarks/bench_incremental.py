"""What a rebuild costs when little or nothing changed, through the `narrate` command.

Prints, with their goals:
  (a) a 300-sentence lesson narrated through the OpenAI-compatible stand-in
      (tests/servers/openai_server.py, one server, plus the stand-in's own eSpeak time) with the
      `openai` engine and the default outputs (m4a chapters, m4b book): after one sentence is
      edited, the rebuild's engine requests (goal = 1) and its wall time as a fraction of the full
      build's (goal <= 5 %). Once per --delays value (seconds per request): 0.3 s by default, and
      1.5 s, what a request costs IndexTTS2 on an RTX 4090 (RTF 0.33: a ~4.5 s sentence in ~1.5 s);
  (b) a no-op rebuild of a course of 50 unchanged lessons (`narrate lessons/ -o course`), timed
      on the second run (goal: seconds, not minutes), and its engine requests (expected 0).

The stand-in runs in its own process, like a real server; every build is a fresh `narrate`
process, so its start-up time is included, as a user would see it.

Run: python benchmarks/bench_incremental.py [--delays 0.3,1.5] [--lessons 50]   (about 12 minutes;
     --delays 0.3 alone: about 3)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORDS = ["river", "cloud", "stone", "forest", "lantern", "meadow", "harbor", "window", "candle",
         "garden", "bridge", "mountain", "valley", "feather", "silver", "morning"]

# The stand-in in its own process (bench_server.py and bench_long.py use it too): GET /count
# answers how many speech requests it received, GET /first when the first came (unix time),
# GET /reset forgets them.
SERVER = """
import sys, threading, time
from servers import Reply
from servers.openai_server import start_openai
server = start_openai(api_key=None, delay=float(sys.argv[1]))
speech = server.routes[("POST", "/v1/audio/speech")]
seen = []
def timed(s, req):
    seen.append(time.time())
    return speech(s, req)
server.routes[("POST", "/v1/audio/speech")] = timed
server.routes[("GET", "/first")] = lambda s, req: Reply.json(seen[0] if seen else None)
server.routes[("GET", "/reset")] = lambda s, req: Reply.json(seen.clear())
server.routes[("GET", "/count")] = lambda s, req: Reply.json(len(seen))
print(server.url, flush=True)
threading.Event().wait()
"""


class StandIn:
    def __init__(self, delay: float) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
        self.proc = subprocess.Popen([sys.executable, "-c", SERVER, str(delay)], env=env,
                                     stdout=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()  # type: ignore[union-attr]

    def ask(self, path: str) -> object:
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return json.load(r)

    def count(self) -> int:
        return int(self.ask("/count"))  # type: ignore[call-overload]

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait()


def lesson(sentences: int, per_paragraph: int = 10, per_chapter: int = 30, edit: int | None = None,
           seed: int = 0) -> str:
    """A lesson of distinct sentences, ``per_chapter`` to a chapter; sentence ``edit`` reworded."""
    parts = [f"<h1>Lesson {seed}</h1>"]
    for start in range(0, sentences, per_chapter):
        parts.append(f"<h2>Part {start // per_chapter + 1}</h2>")
        for p in range(start, min(sentences, start + per_chapter), per_paragraph):
            texts = []
            for n in range(p + 1, min(sentences, p + per_paragraph, start + per_chapter) + 1):
                a, b = WORDS[(n + seed) % 16], WORDS[(n * 7 + seed) % 16]
                texts.append(f"Sentence {n} of lesson {seed} was edited to mention a {b} instead."
                             if n == edit else f"Sentence {n} of lesson {seed} speaks of the {a} and the {b}.")
            parts.append("<p>" + " ".join(texts) + "</p>")
    return "".join(parts)


def narrate_command() -> list[str]:
    exe = Path(sys.executable).with_name("narrate")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "narrator"]


def narrate(*args: str | Path, config: Path) -> float:
    """Wall seconds of one `narrate` run (which must succeed)."""
    start = time.perf_counter()
    proc = subprocess.run([*narrate_command(), *map(str, args), "-c", str(config), "-q"],
                          capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"narrate {' '.join(map(str, args))} failed:\n{proc.stderr}")
    return took


def write_config(path: Path, server: str, cache: Path) -> Path:
    path.write_text(f'[engine]\nname = "openai"\nservers = ["{server}"]\n'
                    '[engine.openai]\nmodel = "tts-1"\nvoice = "alloy"\nsample_rate = 24000\n'
                    f'[cache]\ndir = "{cache}"\n', encoding="utf-8")
    return path


# What each per-request delay stands for, as printed.
DELAY_NOTES = {0.3: "a fast TTS server",
               1.5: "IndexTTS2 on an RTX 4090: RTF 0.33, a ~4.5 s sentence in ~1.5 s"}


def one_edit(tmp: Path, delay: float) -> tuple[int, float, float, int, int]:
    """(engine requests of the rebuild, rebuild s, full build s, full build requests, segments)."""
    server = StandIn(delay)
    try:
        config = write_config(tmp / "narrate.toml", server.url, tmp / "cache")
        src, out = tmp / "lesson.html", tmp / "lesson.narration"
        src.write_text(lesson(300), encoding="utf-8")
        full = narrate(src, "-o", out, config=config)
        full_requests = server.count()
        src.write_text(lesson(300, edit=150), encoding="utf-8")
        rebuild = narrate(src, "-o", out, config=config)
        requests = server.count() - full_requests
    finally:
        server.close()
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    return requests, rebuild, full, full_requests, len(manifest["segments"])


def one_edits(tmp: Path, delays: list[float]) -> None:
    print("(a) rebuild after a one-sentence edit of a 300-sentence lesson (openai engine, 1 stand-in "
          "server + its eSpeak; m4a chapters + m4b book):", flush=True)
    for n, delay in enumerate(delays):
        (tmp / str(n)).mkdir()
        requests, rebuild, full, full_requests, segments = one_edit(tmp / str(n), delay)
        note = DELAY_NOTES.get(delay, "")
        print(f"    {delay:g} s per request{f' ({note})' if note else ''}, {segments} segments:\n"
              f"      engine requests {requests} (goal = 1){'' if requests == 1 else '  <-- NOT MET'}; "
              f"rebuild {rebuild:.1f} s / full build {full:.1f} s ({full_requests} requests) = "
              f"{rebuild / full:.1%} (goal <= 5 %)", flush=True)


def noop_course(tmp: Path, lessons: int) -> None:
    server = StandIn(0.0)  # the first build is not timed; the no-op one must not ask at all
    try:
        config = write_config(tmp / "narrate.toml", server.url, tmp / "cache")
        src = tmp / "lessons"
        src.mkdir()
        for i in range(1, lessons + 1):
            (src / f"lesson-{i:02d}.html").write_text(lesson(12, per_chapter=6, seed=i), encoding="utf-8")
        first = narrate(src, "-o", tmp / "course", config=config)
        before = server.count()
        noop = narrate(src, "-o", tmp / "course", config=config)
        requests = server.count() - before
    finally:
        server.close()
    course = json.loads((tmp / "course" / "course.json").read_text("utf-8"))
    assert [x["status"] for x in course["lessons"]] == ["up to date"] * lessons, course
    print(f"(b) no-op rebuild of a course of {lessons} unchanged lessons (`narrate lessons/ -o course`): "
          f"{noop:.2f} s, {requests} engine requests (goal: seconds, not minutes)  [first build {first:.0f} s]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--delays", default="0.3,1.5",
                    help="stand-in seconds per request in (a), comma-separated: one run each")
    ap.add_argument("--lessons", type=int, default=50)
    args = ap.parse_args()
    delays = [float(d) for d in args.delays.split(",") if d.strip()]
    with tempfile.TemporaryDirectory(prefix="narrator-bench-") as d:
        for part in ("a", "b"):
            (Path(d) / part).mkdir()
        one_edits(Path(d) / "a", delays)
        noop_course(Path(d) / "b", args.lessons)


if __name__ == "__main__":
    main()
