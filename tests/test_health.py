"""The server cool-down policy (synthesis/health.py) with a fake clock: times are plain numbers
passed in, and the jitter is drawn from a stand-in that returns either end of its range."""

from __future__ import annotations

import random

from narrator.config import EngineConfig
from narrator.synthesis.health import JITTER, OUT_AFTER, CoolDown, ServerHealth


class Draw:
    """A random source whose uniform(a, b) always gives ``a`` (side="low") or ``b`` (side="high")."""

    def __init__(self, side: str) -> None:
        self.side = side

    def uniform(self, a: float, b: float) -> float:
        return a if self.side == "low" else b


POLICY = CoolDown(EngineConfig(backoff=1.0, backoff_max=1.5, probe_after=5.0, probes=2))


def test_backoff_doubles_to_its_cap_then_probes_double_then_the_server_is_given_up() -> None:
    assert OUT_AFTER == 3
    delays = [POLICY.delay(fails, Draw("high")) for fails in range(1, 7)]  # type: ignore[arg-type]
    # two backoffs (1 s, then 2 s capped at 1.5 s), then probes after 5 s and 10 s, then none
    assert delays == [1.0, 1.5, 5.0, 10.0, None, None]


def test_jitter_only_shortens_a_backoff_never_a_probe() -> None:
    low = [POLICY.delay(fails, Draw("low")) for fails in range(1, 5)]  # type: ignore[arg-type]
    assert low == [1.0 * (1 - JITTER), 1.5 * (1 - JITTER), 5.0, 10.0]
    rng = random.Random(7)
    for _ in range(200):
        d = POLICY.delay(1, rng)
        assert d is not None and 1.0 * (1 - JITTER) <= d <= 1.0


def test_a_failing_server_rests_on_the_callers_clock() -> None:
    health = ServerHealth(POLICY, Draw("high"))  # type: ignore[arg-type]
    assert health.ready(0.0)
    assert health.failed(1, now=100.0) == 1.0
    assert not health.ready(100.5) and health.ready(101.0)
    assert health.failed(2, now=101.0) == 1.5
    assert not health.out_of_rotation
    assert health.failed(3, now=103.0) == 5.0  # third in a row: out of rotation, probed after 5 s
    assert health.out_of_rotation and not health.ready(107.9) and health.ready(108.0)
    assert health.failed(4, now=108.0) == 10.0
    assert health.failed(5, now=118.0) is None  # the second failed probe: given up for the run
    assert health.dead and not health.ready(10_000.0)


def test_an_answer_ends_the_run_of_failures_before_it_only() -> None:
    health = ServerHealth(POLICY, Draw("high"))  # type: ignore[arg-type]
    for number in (1, 2, 4):
        health.failed(number, now=0.0)
    assert health.out_of_rotation
    health.answered(3)  # request 3 succeeded: 1 and 2 no longer count, 4 (sent later) does
    assert health.streak == [4] and not health.out_of_rotation
    assert health.failed(5, now=50.0) == 1.5  # the second failure in a row again
    health.forgive(4)  # request 4 failed through the text's fault
    assert health.streak == [5]


def test_a_failure_that_retrying_cannot_mend_gives_the_server_up_at_once() -> None:
    health = ServerHealth(POLICY)
    assert health.failed(1, now=0.0, retryable=False) is None
    assert health.dead and health.streak == []
