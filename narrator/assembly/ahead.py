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
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from narrator.config import Config
from narrator.events import EventSink, ignore
from narrator.util.parallel import workers
from narrator.assembly.leveling import Done
from narrator.values import ChapterAudio, PreviousAudio, Script, ScriptChapter, Take

if TYPE_CHECKING:
    from narrator.assembly.leveling import Reuse

log = logging.getLogger(__name__)

class Ahead:
    """Chapters assembled, measured, levelled and handed to ``on_levelled`` (the pipeline
    encodes them there) as their takes arrive.

    Levelling needs the programme's gain, which needs every chapter's loudness: chapters are
    levelled in order with a provisional gain, chosen by the rule of
    :func:`~narrator.assembly.leveling.choose_gains` over the chapters measured so far (starting
    from the previous narration's gain): it moves only when the measurement moves by more than
    the tolerance. At the end the same rule decides between it and the whole programme's
    measurement; a chapter levelled with another gain than the one chosen is levelled and
    encoded again (speech of one voice rarely needs it after the first chapters).
    """

    def __init__(self, script: Script, config: Config, workdir: Path, *,
                 previous: PreviousAudio | None, rate: int,
                 on_levelled: Callable[[ChapterAudio, int], None] | None = None,
                 on_event: EventSink = ignore) -> None:
        from narrator.assembly.mixing import Steps

        self.config, self.workdir, self.previous = config, workdir, previous
        self._rate = rate  # 0: the engine does not say; the first take's rate is assumed
        self._open = True
        self._missing = {c.index: {s.id for s in c.segments} for c in script.chapters}
        self._chapters = {c.index: c for c in script.chapters}
        self._order = [c.index for c in script.chapters]
        self._of = {s.id: c.index for c in script.chapters for s in c.segments}
        self._takes: dict[str, Take] = {}
        self._lock = threading.Lock()
        self._level_lock = threading.Lock()  # one thread levels, in chapter order
        self._futures: list[Future[None]] = []
        self._known: object = None
        self._done = Done()
        self._next = 0  # position in _order of the next chapter to level
        self._gain: float | None = None
        self._final: float | None = None
        self._on_levelled = on_levelled
        self.steps = Steps(on_event, len(script.chapters), config.output.normalize)  # shared with assemble()
        self._pool = ThreadPoolExecutor(max_workers=workers(), thread_name_prefix="narrator-ahead")
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
            if missing:
                return
            missing.add("")  # started: later takes of the same segment start nothing
            chapter = self._chapters[index]
            takes = {s.id: self._takes[s.id] for s in chapter.segments}
            self._futures.append(self._pool.submit(self._assemble, chapter, takes))
            self.started += 1

    def _reuse(self) -> "Reuse | None":
        from narrator.assembly.leveling import reusable

        with self._lock:
            if self._known is None:
                self._known = reusable(self.previous, self.config, self._rate) or False
                if self._known:
                    self._gain = self._known.gain_db  # type: ignore[union-attr]
            return self._known or None  # type: ignore[return-value]

    def _assemble(self, chapter: ScriptChapter, takes: dict[str, Take]) -> None:
        from narrator.assembly.loudness import chapter_blocks
        from narrator.assembly.mixing import chapter_audio, raw_path

        known = self._reuse()
        audio = chapter_audio(chapter, takes, self.config, self._rate, self.workdir, known)
        self.steps(chapter.index, "write")
        blocks = None
        if self.config.output.normalize and audio.pending is None:
            blocks = chapter_blocks(raw_path(self.workdir, chapter, True))
            self.steps(chapter.index, "measure")
        with self._lock:
            self._done.assembled[chapter.index] = (audio, blocks)
        if self.config.output.normalize:
            self._level_ready(known)

    def _level_ready(self, known: "Reuse | None") -> None:
        """Level the chapters whose predecessors are all measured, in order (one thread at a time)."""
        from narrator.assembly.leveling import choose_gains, final_gain, level_chapter
        from narrator.assembly.loudness import integrated_loudness
        from narrator.assembly.mixing import raw_path

        if not self._level_lock.acquire(blocking=False):
            return  # the thread holding it looks again before it lets go
        try:
            while True:
                with self._lock:
                    # break, not return: the check after the lock is let go must run
                    if self._next >= len(self._order) or not self._open:
                        break
                    index = self._order[self._next]
                    if index not in self._done.assembled:
                        break
                    # Once every chapter is measured (at once when every take was cached), the
                    # gain is the one the end of the run will choose: nothing is levelled twice.
                    every = all(i in self._done.assembled for i in self._order)
                    blocks = []
                    for i in self._order if every else self._order[:self._next + 1]:
                        audio, b = self._done.assembled[i]
                        b = b if b is not None else (known.blocks.get(audio.samples.raw_sha256)
                                                     if known is not None and audio.samples is not None else None)
                        if b is None:
                            self._open = False  # cannot measure the prefix: leave it all to the end
                            return
                        blocks.append(b)
                    audio = self._done.assembled[index][0]
                    self._next += 1
                if every:
                    if self._final is None:
                        self._final = final_gain(blocks, self.config.output.loudness, known)
                    gain = self._final
                else:
                    # The next of the sequence narrator.assembly.leveling.provisional_gains gives
                    # (which the end of the run computes again over all chapters).
                    measured = integrated_loudness(blocks)
                    fresh = 0.0 if measured <= -70.0 else round(self.config.output.loudness - measured, 2)
                    self._gain = gain = choose_gains(fresh, None, self._gain)[0]
                if audio.pending is not None:
                    continue  # carried over: levelled (or not even written) at the end
                levelled = level_chapter(audio, raw_path(self.workdir, self._chapters[index], True), gain,
                                         self.config.output.true_peak, known, lambda c: None)
                with self._lock:
                    self._done.levelled[index] = (gain, levelled)
                if gain == self._final:  # levelled for good (a provisional level may be redone)
                    self.steps(index, "level")
                if self._on_levelled is not None:
                    self._on_levelled(levelled, self._rate)
        finally:
            self._level_lock.release()
        # A chapter measured while this thread was levelling may be next in order.
        with self._lock:
            more = self._open and self._next < len(self._order) and self._order[self._next] in self._done.assembled
        if more:
            self._level_ready(known)

    def finish(self, rate: int) -> Done:
        """What was done ahead, once all of it is finished; nothing if the programme's rate is
        not the one assumed. Raises the first error."""
        with self._lock:
            futures = list(self._futures)
        self._pool.shutdown(wait=True)  # every take is in: the pool does the rest on every core
        for f in futures:
            f.result()
        with self._lock:
            self._open = False
            done = self._done
            done.provisional = self._gain
        if done.assembled and rate != self._rate:
            log.debug("sample rate is %d, not the one assumed: chapters assembled again", rate)
            return Done()
        return done

    def close(self) -> None:
        """Stop: work under way finishes, nothing more starts (after an error or Ctrl-C)."""
        with self._lock:
            self._open = False
        self._pool.shutdown(wait=True, cancel_futures=True)
