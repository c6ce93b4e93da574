"""Assembly while synthesis goes on: each chapter is written and measured as soon as its last
take exists, so that after the last take only the last chapters' own work is left.

    ahead = Ahead(script, config, workdir, previous=previous_audio, rate=engine.sample_rate)
    synthesize(..., on_take=ahead.take)      # called for every take, cached or made
    programme = assemble(..., ahead=ahead)   # uses what is done, waits for what is under way

Deterministic: a chapter made ahead is the chapter :func:`~narrator.assembly.assemble` would
make from the same takes (same code, same recipe); the programme's gain is still chosen once
over all chapters. If the programme's sample rate (the most common among all takes) turns out
not to be the one assumed, the work done ahead is dropped and done again.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from narrator.config import Config
from narrator.util.parallel import workers
from narrator.values import ChapterAudio, PreviousAudio, Script, ScriptChapter, Take

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

Done = dict[int, tuple[ChapterAudio, "np.ndarray | None"]]


class Ahead:
    """Chapters assembled (and their loudness blocks measured) as their takes arrive."""

    def __init__(self, script: Script, config: Config, workdir: Path, *,
                 previous: PreviousAudio | None, rate: int) -> None:
        self.config, self.workdir, self.previous = config, workdir, previous
        self._rate = rate  # 0: the engine does not say; the first take's rate is assumed
        self._open = True
        self._missing = {c.index: {s.id for s in c.segments} for c in script.chapters}
        self._chapters = {c.index: c for c in script.chapters}
        self._of = {s.id: c.index for c in script.chapters for s in c.segments}
        self._takes: dict[str, Take] = {}
        self._lock = threading.Lock()
        self._futures: dict[int, Future[tuple[ChapterAudio, "np.ndarray | None"]]] = {}
        self._known: object = None
        # Leave a core to the engine's side of the run (requests, checks, the cache writer).
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers() - 1), thread_name_prefix="narrator-ahead")
        self.started = 0  # chapters handed to the pool (tests count them)

    def take(self, take: Take) -> None:
        """A take exists (from the cache or an engine): start its chapter if it was the last."""
        with self._lock:
            index = self._of.get(take.segment_id)
            if index is None or not self._open:
                return
            if self._rate <= 0:
                self._rate = take.sample_rate
            self._takes[take.segment_id] = take
            missing = self._missing[index]
            missing.discard(take.segment_id)
            if missing or index in self._futures:
                return
            chapter = self._chapters[index]
            takes = {s.id: self._takes[s.id] for s in chapter.segments}
            self._futures[index] = self._pool.submit(self._assemble, chapter, takes)
            self.started += 1

    def _assemble(self, chapter: ScriptChapter, takes: dict[str, Take]) -> tuple[ChapterAudio, "np.ndarray | None"]:
        from narrator.assembly.leveling import reusable
        from narrator.assembly.loudness import chapter_blocks
        from narrator.assembly.mixing import chapter_audio, raw_path

        with self._lock:
            if self._known is None:
                self._known = reusable(self.previous, self.config, self._rate) or False
            known = self._known or None
        audio = chapter_audio(chapter, takes, self.config, self._rate, self.workdir, known)  # type: ignore[arg-type]
        if not self.config.output.normalize or audio.pending is not None:
            return audio, None  # a carried-over chapter's blocks are in the previous manifest
        return audio, chapter_blocks(raw_path(self.workdir, chapter, True))

    def finish(self, rate: int) -> Done:
        """What was done ahead (chapter index -> (audio, loudness blocks)), once all of it is
        done; nothing if the programme's rate is not the one assumed. Raises the first error."""
        with self._lock:
            futures = dict(self._futures)
            self._open = False  # takes arriving from now on are not for ahead work
        self._pool.shutdown(wait=True)
        done: Done = {i: f.result() for i, f in futures.items()}
        if done and rate != self._rate:
            log.debug("sample rate is %d, not the one assumed: chapters assembled again", rate)
            return {}
        return done

    def close(self) -> None:
        """Stop: work under way finishes, nothing more starts (after an error or Ctrl-C)."""
        with self._lock:
            self._open = False
        self._pool.shutdown(wait=True, cancel_futures=True)
