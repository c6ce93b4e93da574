"""`narrate --help` start-up time as a ratio to `python -c pass` (goal <= 4: heavy imports are lazy)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def best_of(cmd: list[str], runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    base = best_of([sys.executable, "-c", "pass"])
    help_ = best_of([sys.executable, "-m", "narrator", "--help"])
    print(f"narrate --help: {help_ * 1000:.0f} ms, python -c pass: {base * 1000:.0f} ms, "
          f"ratio {help_ / base:.2f} (goal <= 4)")


if __name__ == "__main__":
    main()
