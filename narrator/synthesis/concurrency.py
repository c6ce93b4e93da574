"""How many requests a server may have in flight: a fixed number, or found by measurement.

A batching server (index-tts-vllm, vLLM-based OpenAI-compatible servers) makes k takes at once in
much less than k times the time of one, up to the batch its memory allows; beyond that, requests
wait in its queue and only their latency grows. What to send is therefore read off the server's
*throughput*, in seconds of audio per second, not off its latency: the latency of a batching
server grows with the batch long before the server is full, so a latency-gradient rule (TCP Vegas,
Netflix's Gradient2) would hold it back where the gain is largest. The rule here climbs the
throughput hill instead:

- **start**: from 1, the limit doubles while each doubling raises the measured throughput by at
  least ``START_GAIN`` (as TCP's slow start doubles its window), so a server that takes 16 at
  once is found in four or five steps; each step is judged on a short window (as many requests
  as the level, at least ``START_SAMPLES``), so the levels below the best cost little of the
  first minute. On an engine that says its servers batch, the first answer alone ends level 1
  and the limit goes to ``FIRST_GUESS`` (4) at once;
- **steady**: then, continuously, the limit is compared with a level above and one below
  (alternately): up when the level above gives ``UP_GAIN`` more, down when the level below gives
  as much within ``DOWN_TOLERANCE`` (the same work with less waiting); a move that pays is
  followed by another the same way, twice as far. So it follows a shared server whose load
  changes, and settles at the smallest number that keeps the server full;
- **errors** (a failure while more than one request was in flight) step the limit down to 1 at
  once, as TCP does on a timeout (multiplicative decrease to the floor); it climbs again by
  doubling up to just below the level that failed, and that level is tried again only after a
  hold of successful requests that doubles with each failure there;
- **latency**: a request taking more than half of its time limit halves the limit, long before
  requests start timing out in the server's queue.

Throughput is measured per request by Little's law: a request that was in flight for ``latency``
seconds, with on average ``c`` requests of this server in flight meanwhile, shows a throughput of
``c * audio / latency``; a window sums these over requests sent while the server had the full
limit in flight (a window at a lower fill, as at the end of a lesson, says nothing about the
limit). A window's cohort is the first requests sent at the full limit once every request sent
before the window is back: a request sent at once after a step up would wait behind the level
before's half-done requests and look faster than the level is (past the server's batch, where
requests queue). The window closes when the last of the cohort is back (taking the first answers
only would favour short latencies). A steady window has at least ``MIN_SAMPLES`` requests.
The same state serves every lesson of a course (:func:`limit_for`), so a course build
measures once.

No clock of its own: the caller passes the time (monotonic seconds), as in
:mod:`narrator.synthesis.health`, and holds its own lock around every call.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

from narrator.config import MAX_IN_FLIGHT  # the most requests in flight per server, fixed or measured

START_GAIN = 0.10  # a doubling must raise the throughput by 10 % to double again
UP_GAIN = 0.05  # one step up must give 5 % more throughput to be kept
DOWN_TOLERANCE = 0.03  # one step down is kept if it gives at least 97 % of the throughput
START_SAMPLES = 2  # start phase: requests per window at least (else: as many as the limit)
FIRST_GUESS = 4  # after its first answer, where "auto" goes on an engine that says its servers batch
MIN_SAMPLES = 8  # steady phase: requests per window at least (else: as many as the limit)
FULL_FILL = 0.75  # a request counts if the server had this share of the limit in flight meanwhile
LATENCY_SHARE = 0.5  # a request slower than this share of its time limit halves the limit
FIRST_HOLD = 32  # successful requests before a level that failed is tried again (doubling)


@dataclass(frozen=True, slots=True)
class Ticket:
    """One request on its way: the window it may count in, when it left, and the area under the
    in-flight curve at that moment (for the concurrency it saw)."""

    window: int
    level: int
    sent: float
    area: float
    member: bool  # one of the window's cohort: sent with the full limit in flight


@dataclass(eq=False)
class Limit:
    """The number of requests one server may have in flight.

    ``setting`` is a number (fixed; still stepped down to 1 by errors under concurrency and
    brought back one at a time) or "auto" (measured); ``cap`` is what the engine allows (1 for
    servers that must never see two requests at once)."""

    setting: int | str
    cap: int = MAX_IN_FLIGHT
    batches: bool = False  # the engine says its servers batch: one answer is enough at level 1
    value: int = 1
    phase: str = "start"  # "start" (doubling), "steady" (probing around the best), "fixed"
    in_flight: int = 0
    history: list[tuple[float, int]] = field(default_factory=list)  # (time, limit) at each change
    _area: float = 0.0  # integral of in_flight over time
    _stamp: float | None = None
    _window: int = 0
    _samples: list[tuple[float, float, float]] = field(default_factory=list)  # (audio, latency, area)
    _settled: bool = False  # no request sent before this window is in flight: it is the level's
    _older: int = 0  # requests in flight that were sent before this window
    _cohort: int = 0  # members sent in this window
    _back: int = 0  # members answered (or failed) in this window
    _short: int = 0  # members that saw the server less than full (work ran out): not samples
    _successes: int = 0  # fixed setting: answers at this level since the last step
    _base: int = 1  # the level the steady phase stands on
    _base_x: float = 0.0  # its throughput (seconds of audio per second)
    _prev: tuple[int, float] | None = None  # start phase: the level before and its throughput
    _probe: str = ""  # steady phase: "" (measuring the base), "up" or "down"
    _next_probe: str = "up"
    _step: int = 1  # steady phase: how far the next probe goes
    _bad: int = 0  # the lowest level that failed (0: none)
    _hold: int = 0  # successes to wait before trying _bad again
    _hold_next: int = FIRST_HOLD

    def __post_init__(self) -> None:
        self.cap = max(1, min(self.cap, MAX_IN_FLIGHT))
        if self.setting == "auto":
            self.value = 1
        else:
            self.value = max(1, min(int(self.setting), self.cap))
            self.phase = "fixed"
        self._base = self.value
        self._settled = True  # nothing in flight yet: the first requests see the first level

    @property
    def measured(self) -> bool:
        return self.setting == "auto" and self.cap > 1

    # ---- requests -----------------------------------------------------------------------------

    def sent(self, now: float) -> Ticket:
        """A request leaves for the server."""
        self._advance(now)
        self.in_flight += 1
        member = self.measured and self._settled and self.in_flight >= self.value \
            and self._cohort < self._needed()
        if member:
            self._cohort += 1
        return Ticket(self._window, self.value, now, self._area, member)

    def _left_older(self) -> None:
        """A request of an earlier window left: once none is left, the server holds only
        requests of this level (their latencies no longer include the level before's)."""
        self._older = max(0, self._older - 1)
        if self._older == 0:
            self._settled = True

    def _needed(self) -> int:
        if self.phase == "start":
            if self.value == 1 and self.batches:
                return 1  # level 1 is left whatever it measures: one answer will do
            return max(START_SAMPLES, self.value)
        return max(MIN_SAMPLES, self.value)

    def answered(self, ticket: Ticket, now: float, audio: float, time_limit: float) -> None:
        """A request came back with ``audio`` seconds of audio after taking ``now - sent``."""
        self._advance(now)
        self.in_flight -= 1
        latency = max(now - ticket.sent, 1e-6)
        if self._hold > 0:
            self._hold -= 1
        if self.phase == "fixed":
            if self.value < self._fixed_target() and self._count_success():
                self._set(self.value + 1, now)
            return
        if not self.measured:
            return
        if time_limit > 0 and latency > LATENCY_SHARE * time_limit and self.value > 1:
            self._restart(max(1, self.value // 2), now, phase="steady")
            return
        if ticket.window != self._window:
            self._left_older()
            return
        if not ticket.member:
            return
        # every member counts, the slow ones too: a window that took only the first answers
        # would see the short latencies only
        self._back += 1
        seen = (self._area - ticket.area) / latency  # requests in flight on average meanwhile
        if seen < FULL_FILL * ticket.level:
            self._short += 1
        else:
            self._samples.append((audio, latency, self._area - ticket.area))
        if self._back < self._needed():
            return
        if self._short > self._back // 4:  # the work ran out meanwhile: measure again
            self._move(self.value, now)
            return
        audio_sum = sum(a for a, _, _ in self._samples)
        latency_sum = sum(lat for _, lat, _ in self._samples)
        mean_in_flight = sum(ar for _, _, ar in self._samples) / latency_sum
        self._decide(mean_in_flight * audio_sum / latency_sum, now)

    def failed(self, ticket: Ticket | None, now: float) -> None:
        """A request failed (an error answer, a timeout, a rejected take). Under concurrency the
        server may be failing *because* of it: the limit steps down to 1."""
        if ticket is not None:
            self._advance(now)
            self.in_flight -= 1
            if ticket.window != self._window:
                self._left_older()
        level = max(ticket.level if ticket is not None else 1, self.in_flight + 1)
        if level <= 1 or self.value <= 1 and self.in_flight == 0:
            return
        if self._bad == 0 or level <= self._bad:
            self._hold = self._hold_next
            self._hold_next *= 2
        self._bad = level if self._bad == 0 else min(self._bad, level)
        self._restart(1, now, phase="fixed" if self.phase == "fixed" else "start")

    # ---- the rule -----------------------------------------------------------------------------

    def _decide(self, x: float, now: float) -> None:
        """A window at the current level is complete: its throughput is ``x``."""
        level = self.value
        if self._bad and level >= self._bad:
            self._bad = 0  # the level that failed works now (the server's load changed)
        if self.phase == "start":
            top = min(self.cap, self._allowed())
            if self._prev is None or x > self._prev[1] * (1 + START_GAIN):
                self._prev = (level, x)
                if level * 2 <= top or level < top:
                    # slow start doubles; from 1 on a server that says it batches, straight to
                    # FIRST_GUESS (its first answer has shown that it answers at all)
                    leap = FIRST_GUESS if level == 1 and self.batches else 2 * level
                    self._move(min(leap, top), now)
                    return
                self._steady(level, x, now)
                return
            # the doubling gained too little: stand on the better of the two levels
            prev_level, prev_x = self._prev
            self._steady(level if x > prev_x * (1 + DOWN_TOLERANCE) else prev_level,
                         max(x, prev_x), now)
            return
        # steady: a window at the base, then a probe one way; a probe that pays is the new base
        # and the next probe goes the same way twice as far, one that does not sends the next
        # probe the other way from the base, measured again
        if self._probe == "":
            self._base_x = x if self._base_x <= 0 else 0.5 * (self._base_x + x)
            self._try(self._next_probe, now)
            return
        direction = self._probe
        if direction == "up":
            better = x > self._base_x * (1 + UP_GAIN)
        else:
            better = x >= self._base_x * (1 - DOWN_TOLERANCE)
        if better:
            self._base, self._base_x = level, x
            self._step *= 2
            self._try(direction, now)
            return
        self._step = 1
        self._next_probe = "down" if direction == "up" else "up"
        self._probe = ""
        self._move(self._base, now)

    def _try(self, direction: str, now: float) -> None:
        """Probe ``self._step`` (at least an eighth of the base) above or below the base."""
        step = max(self._step, self._base // 8, 1)
        if direction == "up":
            target = min(self._base + step, self.cap, self._allowed())
        else:
            target = max(1, self._base - step)
        if target == self._base:  # nothing to try this way: the other way, after the base again
            self._next_probe = "down" if direction == "up" else "up"
            self._step = 1
            self._probe = ""
            self._move(self._base, now)
            return
        self._probe = direction
        self._move(target, now)

    def _allowed(self) -> int:
        """The highest level to try now: below a level that failed until its hold is over, then
        that level itself (one request more than worked), and anything once it works again."""
        if self._bad:
            return max(1, self._bad - 1) if self._hold > 0 else self._bad
        return self.cap

    def _steady(self, base: int, x: float, now: float) -> None:
        self.phase = "steady"
        self._base, self._base_x, self._probe = base, x, ""
        self._move(base, now)

    def _restart(self, value: int, now: float, *, phase: str) -> None:
        self.phase = phase
        self._prev = None
        self._base, self._base_x, self._probe = value, 0.0, ""
        self._move(value, now)

    def new_run(self) -> None:
        """A new run takes this limit over (the next lesson of a course): nothing of an earlier
        run is in flight any more, and a window it left open (cancelled, interrupted: some of its
        cohort will never answer) would never close, so the level is measured again afresh."""
        self.in_flight = 0
        self._stamp = None
        self._open_window()

    def _move(self, value: int, now: float) -> None:
        """Go to ``value`` and open a new measurement window."""
        self._open_window()
        self._set(value, now)

    def _open_window(self) -> None:
        self._window += 1  # answers of requests sent before are no samples of it
        self._samples.clear()
        self._cohort = self._back = self._short = 0
        self._older = self.in_flight
        self._settled = self._older == 0

    def _set(self, value: int, now: float) -> None:
        value = max(1, min(value, self.cap))
        if value != self.value:
            self.history.append((now, value))
        self.value = value

    # fixed settings come back from a step-down one request at a time per level (additive)
    def _fixed_target(self) -> int:
        target = max(1, min(int(self.setting), self.cap)) if self.setting != "auto" else 1
        return min(target, self._allowed()) if self._bad else target

    def _count_success(self) -> bool:
        self._successes += 1
        if self._successes >= self.value:
            self._successes = 0
            return True
        return False

    def _advance(self, now: float) -> None:
        if self._stamp is not None and now > self._stamp:
            self._area += self.in_flight * (now - self._stamp)
        self._stamp = now if self._stamp is None else max(self._stamp, now)


_LIMITS: weakref.WeakKeyDictionary[Any, Limit] = weakref.WeakKeyDictionary()


def engine_cap(engine: Any) -> int:
    """What ``engine`` allows in flight at once: its ``max_in_flight`` (1 when it does not say:
    an engine is one request at a time unless it declares otherwise)."""
    return max(1, min(int(getattr(engine, "max_in_flight", 1)), MAX_IN_FLIGHT))


def resolve_setting(setting: int | str, engine: Any) -> int | str:
    """The configured ``in_flight`` for ``engine``: "" means the engine's own default."""
    if setting in ("", None):
        return getattr(engine, "in_flight", 1)
    return setting


def says_it_batches(engine: Any, setting: int | str) -> bool:
    """Whether "auto" on ``engine`` goes to ``FIRST_GUESS`` after the first answer: the engine
    says its servers batch (its own default is "auto"). The first request still goes alone, so
    a server that cannot answer at all is found by one request, as before; one that does not
    batch pays latency for one window at FIRST_GUESS and is back at 1, and one that fails under
    concurrency is stepped down to 1 by its first error there."""
    return setting == "auto" and getattr(engine, "in_flight", 1) == "auto"


def limit_for(engine: Any, setting: int | str) -> Limit:
    """The limit of ``engine``'s server, kept for the engine's life (every lesson of a course
    built with the same engines continues from what was measured)."""
    setting = resolve_setting(setting, engine)
    limit = _LIMITS.get(engine)
    if limit is None or limit.setting != setting:
        limit = Limit(setting, engine_cap(engine), says_it_batches(engine, setting))
        try:
            _LIMITS[engine] = limit
        except TypeError:  # not weakly referable: a limit for this run only
            pass
    limit.new_run()
    return limit
