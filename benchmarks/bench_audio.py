"""Benchmarks for audio assembly and the espeak engine (a script, not a test).

    python benchmarks/bench_audio.py            # all three figures
    python benchmarks/bench_audio.py --hours 1  # a shorter memory run

Prints (1) the time to assemble 10,000 segments divided by the time for 1,000 (goal <= 11),
(2) the peak RSS of assembling a long programme in a child process (goal <= 400 MB for 10 h),
(3) the espeak engine's real-time factor (synthesis seconds / audio seconds).
"""

from __future__ import annotations

import argparse
import io
import resource
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

RATE = 22050


def make_takes(d: Path, count: int = 6, seconds: float = 3.0) -> list[Path]:
    """A handful of speech-like synthetic takes (modulated harmonics with silence at the edges)."""
    import numpy as np

    paths = []
    rng = np.random.default_rng(7)
    n = int(seconds * RATE)
    t = np.arange(n) / RATE
    for k in range(count):
        f0 = 110 + 20 * k
        x = sum(np.sin(2 * np.pi * f0 * h * t) / h for h in range(1, 8))
        x *= 0.5 + 0.5 * np.sin(2 * np.pi * 3 * t) ** 2  # syllable-rate envelope
        x += 0.02 * rng.standard_normal(n)
        x[: RATE // 10] = 0
        x[-RATE // 10:] = 0
        p = d / f"take{k}.wav"
        with wave.open(str(p), "wb") as w:
            w.setnchannels(1), w.setsampwidth(2), w.setframerate(RATE)
            w.writeframes((x / np.abs(x).max() * 12000).astype("<i2").tobytes())
        paths.append(p)
    return paths


def build(n: int, take_paths: list[Path], per_chapter: int = 200):
    """A script of ``n`` segments in chapters of ``per_chapter`` and takes that reuse the files."""
    from narrator.values import Script, ScriptChapter, Segment, Take

    chapters, takes = [], {}
    for c in range(0, n, per_chapter):
        segs = []
        for i in range(c, min(n, c + per_chapter)):
            sid = f"c{c // per_chapter + 1:02d}-s{i:05d}"
            segs.append(Segment(sid, c // per_chapter + 1, "text", "text", "en", "neutral",
                                "sentence", 250 if i % 5 else 600))
            takes[sid] = Take(sid, take_paths[i % len(take_paths)], RATE, 3.0, f"k{i}", "cache")
        chapters.append(ScriptChapter(c // per_chapter + 1, f"Chapter {c // per_chapter + 1}",
                                      tuple(segs)))
    return Script("bench", "en", tuple(chapters)), takes


def assemble_time(n: int, take_paths: list[Path], workdir: Path) -> float:
    from narrator.assembly.mixing import assemble
    from narrator.config import Config

    script, takes = build(n, take_paths)
    t = time.perf_counter()
    assemble(script, takes, Config(), workdir)
    return time.perf_counter() - t


def child_memory_run(segments: int, tmp: str) -> None:
    """Run in a child process: assemble ``segments`` takes and print the peak RSS in MB."""
    d = Path(tmp)
    took = assemble_time(segments, make_takes(d), d / "out")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{peak_kb / 1024:.1f} {took:.1f}")


def espeak_rtf() -> tuple[float, float]:
    from narrator.config import Config
    from narrator.engines.espeak import create

    eng = create(Config(), None)
    texts = [
        ("Narration turns written lessons into audio that students can follow anywhere. "
         "Each chapter becomes a file, and every sentence keeps its exact timing.", "en"),
        ("今天我们学习如何把网页上的课程内容转换成有声读物，每一章都有自己的音频文件。", "zh"),
        ("The examples use Python 3 and the API of the standard library, 以及一些中文说明。", "en"),
    ]
    chars = sum(len(t) for t, _ in texts) * 2
    audio = 0.0
    t = time.perf_counter()
    for _ in range(2):
        for text, lang in texts:
            wav = eng.synthesize(text, lang, "neutral")
            with wave.open(io.BytesIO(wav)) as w:
                audio += w.getnframes() / w.getframerate()
    return (time.perf_counter() - t) / audio, chars


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hours", type=float, default=10.0, help="length of the memory run")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--tmp", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child_memory_run(args.child, args.tmp)
        return

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        takes = make_takes(d)
        assemble_time(200, takes, d / "warm")  # imports, page cache
        t1 = assemble_time(1000, takes, d / "a")
        t10 = assemble_time(10000, takes, d / "b")
        print(f"(1) assembly 1,000 segments: {t1:.2f} s; 10,000: {t10:.2f} s; "
              f"ratio {t10 / t1:.2f} (goal <= 11)")

    segments = int(args.hours * 3600 / 3.0)  # ~3 s per take plus pauses
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, __file__, "--child", str(segments), "--tmp", tmp],
                             capture_output=True, text=True, check=True).stdout.split()
        print(f"(2) peak RSS assembling {segments} takes (~{args.hours:g} h of audio): "
              f"{out[0]} MB in {out[1]} s (goal <= 400 MB)")

    rtf, chars = espeak_rtf()
    print(f"(3) espeak real-time factor on {chars} characters: {rtf:.4f} "
          f"(synthesis seconds per audio second)")


if __name__ == "__main__":
    main()
