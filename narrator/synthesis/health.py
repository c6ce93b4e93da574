"""How a failing server rests: the cool-down policy and one server's standing, with no clock of
their own (the caller passes the time), so that they can be checked with a fake one.

A server that fails cools down before it gets more work (exponential backoff with jitter,
``config.engine.backoff`` doubling up to ``backoff_max``), while the others keep working. After
``OUT_AFTER`` consecutive failures it is out of rotation: it is probed with a real job after a
growing cool-down (``probe_after``, doubling), and given up for the run after ``probes`` failed
probes, or at once on a failure that trying again cannot mend.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from narrator.config import EngineConfig

OUT_AFTER = 3  # consecutive failures that take a server out of rotation
JITTER = 0.5  # each backoff cool-down is scaled by uniform(1 - JITTER, 1)


@dataclass(frozen=True, slots=True)
class CoolDown:
    """The policy: seconds a server rests after ``fails`` consecutive failures, by the settings
    of ``engine`` (backoff, backoff_max, probe_after, probes)."""

    engine: EngineConfig

    def delay(self, fails: int, rng: random.Random) -> float | None:
        """The rest after ``fails`` (>= 1) consecutive failures; None: given up for the run."""
        e = self.engine
        probe = fails - OUT_AFTER  # 0 = just taken out of rotation; n = n-th failed probe
        if probe >= e.probes:
            return None
        if probe >= 0:
            return e.probe_after * 2 ** probe
        return min(e.backoff_max, e.backoff * 2 ** (fails - 1)) * rng.uniform(1 - JITTER, 1)


@dataclass(eq=False)
class ServerHealth:
    """One server's standing in a run. Requests are numbered per server; a failure counts
    until a later request of the same server succeeds."""

    policy: CoolDown
    rng: random.Random = field(default_factory=random.Random)
    streak: list[int] = field(default_factory=list)  # numbers of its consecutive failed requests
    ready_at: float = 0.0  # the time before which it gets no work
    dead: bool = False

    def ready(self, now: float) -> bool:
        return not self.dead and now >= self.ready_at

    @property
    def out_of_rotation(self) -> bool:
        """Failed often enough in a row that it only gets probes."""
        return len(self.streak) >= OUT_AFTER

    def failed(self, number: int, now: float, *, retryable: bool = True) -> float | None:
        """Request ``number`` failed at ``now``: the rest it gets, or None if it is given up."""
        if not retryable:
            self.dead = True
            return None
        self.streak.append(number)
        delay = self.policy.delay(len(self.streak), self.rng)
        if delay is None:
            self.dead = True
        else:
            self.ready_at = now + delay
        return delay

    def answered(self, number: int) -> None:
        """Request ``number`` succeeded: the failures before it no longer count."""
        self.streak = [n for n in self.streak if n > number]

    def forgive(self, number: int) -> None:
        """Request ``number`` failed through no fault of the server (the text was at fault)."""
        self.streak = [n for n in self.streak if n != number]
