"""What a long programme costs after synthesis, and how long the user waits after the last take.

Prints, with their goals:
  (a) a document of --hours of short paragraphs in one chapter (split into parts by the default
      [output] max_chapter_minutes), synthesized once with the embedded eSpeak engine to fill a
      cache, then narrated again into a new folder with every take cached and the default outputs
      (m4a chapters, m4b book, captions, player): the time from the last take to the finished
      narration, per hour of audio (goal <= 15 s on a 2-core machine);
  (b) a shorter document (--served-minutes of audio) narrated through the OpenAI-compatible
      stand-in (tests/servers/openai_server.py, in its own process) answering each request after
      --delay seconds: the time from the last take to the finished narration, and its share of
      the whole run (the per-chapter work is done while later chapters are synthesized).

Run: python benchmarks/bench_long.py [--hours 2] [--served-minutes 40] [--delay 0.3]
     (the eSpeak synthesis of (a) takes about a minute per hour of audio, once per cache folder:
     --cache DIR keeps it between runs)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_incremental import WORDS, StandIn  # noqa: E402  (the same stand-in process)

SECONDS_PER_PARAGRAPH = 3.9  # what eSpeak takes for one of the paragraphs below, pause included


def document(hours: float, title: str = "A long programme") -> str:
    """One chapter of short distinct paragraphs lasting about ``hours``."""
    n = int(hours * 3600 / SECONDS_PER_PARAGRAPH)
    paras = [f"<p>Paragraph {i} tells of the {WORDS[i % 16]} and the {WORDS[(i * 7) % 16]}.</p>"
             for i in range(1, n + 1)]
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{''.join(paras)}</body></html>"


class Clock:
    """An event sink noting when the last take arrived (synthesize done == total)."""

    def __init__(self) -> None:
        self.last_take = 0.0
        self.events: list[tuple[float, object]] = []

    def __call__(self, event: object) -> None:
        now = time.perf_counter()
        if getattr(event, "stage", None) == "synthesize" and event.done == event.total:  # type: ignore[attr-defined]
            self.last_take = now
        self.events.append((now, event))


def run(source: Path, out: Path, overrides: dict[str, object]) -> tuple[float, float, float]:
    """(whole run, last take -> done, audio seconds) of one narrate() call, in seconds."""
    import narrator
    from narrator.config import load_config

    clock = Clock()
    start = time.perf_counter()
    manifest = narrator.narrate(source, load_config(None, overrides), out_dir=out, on_event=clock)
    end = time.perf_counter()
    return end - start, end - clock.last_take, float(manifest["audio"]["duration"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hours", type=float, default=2.0)
    ap.add_argument("--served-minutes", type=float, default=40.0)
    ap.add_argument("--delay", type=float, default=0.3)
    ap.add_argument("--cache", help="cache folder for (a) (default: a temporary one)")
    ap.add_argument("--skip", choices=["a", "b"], action="append", default=[])
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if "a" not in args.skip:
            cache = Path(args.cache) if args.cache else root / "cache"
            source = root / "long.html"
            source.write_text(document(args.hours), encoding="utf-8")
            opts = {"engine.name": "espeak", "cache_dir": str(cache)}
            whole, _, audio = run(source, root / "fill", opts)
            print(f"(a) filled the cache: {audio / 3600:.2f} h of audio in {whole:.0f} s")
            whole, after, audio = run(source, root / "fresh", opts)
            print(f"(a) fully cached rebuild into a new folder: {whole:.1f} s in all, {after:.1f} s "
                  f"after the last take = {after / (audio / 3600):.1f} s per hour of audio (goal <= 15)")
        if "b" not in args.skip:
            stand_in = StandIn(args.delay)
            try:
                source = root / "served.html"
                source.write_text(document(args.served_minutes / 60, "Served"), encoding="utf-8")
                # Chapters of 10 minutes, so that there is per-chapter work to overlap.
                opts = {"engine.name": "openai", "engine.servers": [stand_in.url], "cache_dir": str(root / "cache-b"),
                        "output.max_chapter_minutes": 10}
                whole, after, audio = run(source, root / "served", opts)
                print(f"(b) {audio / 60:.0f} min of audio through the stand-in ({args.delay} s per request): "
                      f"{whole:.1f} s in all, {after:.1f} s from the last take to the finished narration "
                      f"= {100 * after / whole:.1f} % of the run")
            finally:
                stand_in.close()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
