"""Peak memory of a whole `narrate` run (parse, plan, eSpeak synthesis, assembly, loudness,
encoding, publishing) for a 1-hour and a 10-hour narration (goal: <= 400 MB, independent of length).

Runs in a few minutes: eSpeak is fast, so most of the time goes to encoding 10 hours of audio.
Usage: python benchmarks/bench_memory.py [hours ...]   (default: 1 10)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

# About 18 s of eSpeak speech and pauses per paragraph (measured), so 200 paragraphs ~ 1 hour.
PARAGRAPHS_PER_HOUR = 200
WORDS = ("river cloud stone forest lantern meadow harbor window candle garden bridge mountain "
         "valley feather silver morning teacher student lesson question answer evening").split()


def lesson(hours: float) -> str:
    """A long lesson of distinct sentences (no two takes alike, so nothing is shared)."""
    parts, n = ["<h1>Memory benchmark</h1>"], 0
    paragraphs = int(PARAGRAPHS_PER_HOUR * hours)
    for p in range(paragraphs):
        if p % 40 == 0:
            parts.append(f"<h2>Chapter {p // 40 + 1}</h2>")
        sentences = []
        for _ in range(4):
            n += 1
            w = [WORDS[(n * k) % len(WORDS)] for k in (1, 3, 5, 7, 11)]
            sentences.append(f"Sentence {n} tells of the {w[0]}, the {w[1]} and the {w[2]}, "
                             f"then of a {w[3]} by the {w[4]}.")
        parts.append("<p>" + " ".join(sentences) + "</p>")
    return "".join(parts)


def measure(hours: float, tmp: Path) -> tuple[float, float, float, float]:
    """(hours of audio, peak RSS of narrate in MB, peak RSS of its largest ffmpeg child, wall s)."""
    src = tmp / f"lesson-{hours:g}h.html"
    src.write_text(lesson(hours), encoding="utf-8")
    code = ("import resource, sys, narrator\n"
            "from narrator.config import load_config\n"
            "m = narrator.narrate(sys.argv[1], load_config(overrides={'cache_dir': sys.argv[2]}), out_dir=sys.argv[3])\n"
            "print(m['audio']['duration'], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,\n"
            "      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, str(src), str(tmp / "cache"), str(tmp / f"out-{hours:g}")],
                         capture_output=True, text=True, check=True)
    seconds, rss_kb, child_kb = out.stdout.split()
    return float(seconds) / 3600, int(rss_kb) / 1024, int(child_kb) / 1024, time.perf_counter() - t


def main() -> None:
    hours_list = [float(h) for h in sys.argv[1:]] or [1.0, 10.0]
    with tempfile.TemporaryDirectory(prefix="narrator-mem-") as d:
        for hours in hours_list:
            audio_h, rss_mb, child_mb, wall = measure(hours, Path(d))
            print(f"narration of {audio_h:.1f} h of audio: peak RSS {rss_mb:.0f} MB (goal <= 400 MB; "
                  f"largest ffmpeg child {child_mb:.0f} MB), wall {wall / 60:.1f} min")


if __name__ == "__main__":
    main()
