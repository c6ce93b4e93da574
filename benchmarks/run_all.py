"""Run every benchmark (benchmarks/bench_*.py) in turn, each in its own process, and print all figures.

Takes about 30 minutes on 2 cores: bench_memory.py 12 min (narrates 1 h and 10+ h of audio),
bench_incremental.py 12 min, bench_verify.py 5 min, bench_audio.py 2.5 min, bench_scheduler.py 1.5 min,
the others seconds.
Each script's output is shown as it runs, then all figures again at the end.

Run: python benchmarks/run_all.py [NAME ...]   (e.g. `scheduler incremental` runs only those two)
Exit status: 1 if any script failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> int:
    wanted = sys.argv[1:]
    scripts = sorted(HERE.glob("bench_*.py"))
    if wanted:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in wanted or s.stem in wanted]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
               PYTHONUNBUFFERED="1")
    results: list[tuple[str, float, int, list[str]]] = []
    start = time.perf_counter()
    for script in scripts:
        print(f"== {script.name}", flush=True)
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        lines = []
        for line in proc.stdout:  # type: ignore[union-attr]
            print("   " + line, end="", flush=True)
            lines.append(line.rstrip("\n"))
        status = proc.wait()
        results.append((script.name, time.perf_counter() - t, status, lines))
    print(f"\n== all figures ({len(results)} scripts, {(time.perf_counter() - start) / 60:.1f} min)")
    for name, took, status, lines in results:
        print(f"{name} ({took:.0f} s){'' if status == 0 else f'  FAILED, exit status {status}'}")
        for line in lines if status == 0 else lines[-5:]:
            print("   " + line)
    return 1 if any(status for _, _, status, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())
