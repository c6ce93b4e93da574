"""The checker thread: hears each new take beside the scheduler and decides its fate.

The scheduler's writer hands every valid take to :meth:`Checker.submit` instead of caching it.
The checker transcribes it (one model, loaded once, on this thread), compares the transcript with
the spoken text and tells the run what to do through the :class:`Run` protocol: keep the take,
make another one (the job goes back to the head of the queue like a failed request), or give the
segment up (strict mode). The best take heard so far travels with the job, so when no take passes
the best one is kept. What was heard is stored beside the take in the cache
(:meth:`Cache.put_meta`): a take is heard once, ever; thresholds are applied again on every run.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from narrator.config import VerifyConfig
from narrator.synthesis.verify.compare import Verdict, compare
from narrator.synthesis.verify.recognizer import GAP, WINDOW, Heard, Recognizer
from narrator.synthesis.verify.words import timed_words


@dataclass(eq=False)
class Candidate:
    """A take of one job waiting for (or past) its hearing."""

    wav: bytes  # b"" for a cached take until it is heard (read from ``cached`` then)
    duration: float
    rate: int
    cached: Path | None = None  # the take is already the cache entry for its key
    heard: Heard | None = None
    verdict: Verdict | None = None


@dataclass
class JobChecks:
    """Verification state a job carries (scheduler-internal)."""

    heard: int = 0  # takes of this job heard so far
    digests: set[bytes] = field(default_factory=set)
    best: Candidate | None = None
    problems: list[str] = field(default_factory=list)  # one line per failed take


class Run(Protocol):
    """What the checker needs from the scheduler's run."""

    def keep_take(self, job: Any, candidate: Candidate, report: dict[str, Any]) -> None: ...
    def retake(self, job: Any, message: str) -> None: ...
    def reject_take(self, job: Any, message: str) -> None: ...
    def fail_run(self, error: BaseException) -> None: ...


class Checker:
    """One thread hearing takes in arrival order; :meth:`close` waits for it to finish."""

    def __init__(self, settings: VerifyConfig, run: Run, cache: Any) -> None:
        self.settings = settings
        self.run = run
        self.cache = cache
        self.recognizer: Recognizer | None = None
        self.remade = 0  # takes requested again after a failed check
        self._queue: queue.Queue[tuple[Any, Candidate] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="take checker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def submit(self, job: Any, candidate: Candidate) -> None:
        self._queue.put((job, candidate))

    def close(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _loop(self) -> None:
        backlog: list[tuple[Any, Candidate]] = []
        closing = False
        try:
            while True:
                if not backlog:
                    if closing:
                        return
                    item = self._queue.get()
                    if item is None:
                        return
                    backlog.append(item)
                while True:  # whatever else has arrived is heard together when it fits
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is None:
                        closing = True
                        break
                    backlog.append(item)
                batch = self._batch(backlog)
                for job, cand in list(batch):
                    if not cand.wav and cand.cached is not None:  # a cached take, first heard
                        try:
                            cand.wav = cand.cached.read_bytes()
                        except OSError:  # gone since the lookup: make it
                            batch.remove((job, cand))
                            backlog.remove((job, cand))
                            self.run.retake(job, f"{cand.cached}: cached take unreadable")
                if not batch:
                    continue
                self._hear(batch)
                for job, cand in batch:
                    backlog.remove((job, cand))
                    self._decide(job, cand)
        except BaseException as e:  # noqa: BLE001 - end the run rather than hang it
            self.run.fail_run(e)

    @staticmethod
    def _batch(backlog: list[tuple[Any, Candidate]]) -> list[tuple[Any, Candidate]]:
        """The oldest take and the next ones of its language that fit in one window with it."""
        lang = backlog[0][0].lang
        batch: list[tuple[Any, Candidate]] = []
        seconds = 0.0
        for job, cand in backlog:
            if job.lang != lang:
                continue
            if batch and seconds + GAP + cand.duration > WINDOW:
                break
            batch.append((job, cand))
            seconds += cand.duration + GAP
        return batch

    def _hear(self, batch: list[tuple[Any, Candidate]]) -> None:
        if self.recognizer is None:
            # loaded on this thread, when first needed: the servers start working at once, and
            # a run whose takes were all heard before never loads it
            self.recognizer = Recognizer(self.settings)
        lang = batch[0][0].lang
        if not self.recognizer.can_hear(lang):
            return
        heard = self.recognizer.hear_many([cand.wav for _, cand in batch], lang,
                                          sum(len(job.spoken) for job, _ in batch))
        for (job, cand), h in zip(batch, heard):
            cand.heard = h
            cand.verdict = compare(job.spoken, h.text, job.lang, self.settings)

    def _decide(self, job: Any, cand: Candidate) -> None:
        state: JobChecks = job.checks
        digest = hashlib.sha256(cand.wav).digest()
        repeated = digest in state.digests  # the engine is deterministic: same take, same verdict
        state.digests.add(digest)
        state.heard += 1
        if cand.verdict is None or cand.verdict.passed:
            return self._keep(job, cand, state)
        state.problems.append(f"take {state.heard}: {'; '.join(cand.verdict.problems)} "
                              f"(heard {cand.verdict.heard!r})")
        if state.best is None or cand.verdict.rank() > state.best.verdict.rank():  # type: ignore[union-attr]
            state.best = cand
        else:
            cand.wav = b""  # only the best take is held in memory
        if state.heard < self.settings.attempts and not repeated:
            self.remade += 1
            return self.run.retake(job, f"check failed: {state.problems[-1]}")
        if self.settings.strict:
            return self.run.reject_take(job, "no take passed the speech check: "
                                        + " | ".join(state.problems))
        self._keep(job, state.best, state)

    def _keep(self, job: Any, cand: Candidate, state: JobChecks) -> None:
        report: dict[str, Any] = {"attempts": state.heard}
        if cand.heard is not None:
            self.cache.put_meta(job.key, {"sha256": hashlib.sha256(cand.wav).hexdigest(),
                                          "heard": cand.heard.record(), "attempts": state.heard})
        if not (cand.verdict is None or cand.verdict.passed):
            report["problems"] = list(state.problems)
        self.run.keep_take(job, cand, report)


def segment_checks(text: str, spoken: str, lang: str, heard: Heard | None, attempts: int,
                   settings: VerifyConfig) -> tuple[dict[str, Any], list[tuple[str, float, float]]]:
    """(the manifest's ``verify`` record, the displayed words timed) for one segment's take."""
    if heard is None:
        return {"checked": False, "attempts": attempts}, []
    verdict = compare(spoken, heard.text, lang, settings)
    return ({"checked": True, **verdict.record(), "attempts": attempts, "model": heard.model},
            timed_words(text, lang, heard.words))


def stored_hearing(cache: Any, key: str, path: Path) -> tuple[Heard, int] | None:
    """What was heard in the cached take at ``path`` and in how many attempts, if it was heard
    (the record names the take's bytes, so a replaced take is heard again)."""
    meta = cache.get_meta(key)
    if meta is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if meta.get("sha256") != hashlib.sha256(data).hexdigest():
        return None
    heard = Heard.from_record(meta.get("heard"))
    attempts = meta.get("attempts")
    return (heard, attempts if isinstance(attempts, int) else 1) if heard is not None else None
