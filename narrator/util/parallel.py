"""Independent audio jobs (an ffmpeg encode, a gain pass) run side by side, one per core.

The work is in ffmpeg processes and in numpy, which release the GIL, so threads suffice.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_WORKERS = 4  # speech encodes are short; more processes only compete for memory bandwidth


def workers() -> int:
    """How many jobs to run at once: the cores this process may use, at most MAX_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores))


def map_ordered(fn: Callable[[T], R], items: Iterable[T],
                on_done: Callable[[R], object] | None = None) -> list[R]:
    """``[fn(x) for x in items]`` with up to :func:`workers` calls at once. ``on_done`` is called
    with each result as it comes, in the calling thread (progress events). The first error is
    raised once the calls already started have finished; the others never start."""
    todo = list(items)
    if len(todo) <= 1 or workers() == 1:
        results = []
        for x in todo:
            results.append(fn(x))
            if on_done is not None:
                on_done(results[-1])
        return results
    pool = ThreadPoolExecutor(max_workers=workers(), thread_name_prefix="narrator")
    try:
        futures = [pool.submit(fn, x) for x in todo]
        for future in as_completed(futures):
            if on_done is not None:
                on_done(future.result())
        return [f.result() for f in futures]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # after an error, start nothing more
