"""The order in which a `narrate worker` asks its voices' queues (worker.StickyCycle), without
Redis: ``take`` does what kombu's Redis channel does with the cycle (one BRPOP over every
priority step of every queue, priority first, queues in the cycle's order; then ``rotate`` with
the queue the message came from). Counted in takes, no clock."""

from __future__ import annotations

from collections import deque

import pytest
from kombu.utils.scheduling import cycle_by_name

from narrator.synthesis.worker import INTERACTIVE, VOICE_RUN, StickyCycle, make_app

Waiting = dict[str, dict[int, deque[str]]]  # queue -> priority -> messages


def take(cycle: StickyCycle, waiting: Waiting) -> str | None:
    """The next message a worker gets, as kombu's BRPOP over the cycle's keys gives it."""
    queues = cycle.consume(len(cycle.items))
    for priority in (0, 3, 6, 9):
        for queue in queues:
            messages = waiting[queue].get(priority)
            if messages:
                cycle.rotate(queue)
                return messages.popleft()
    return None


def batch(name: str, n: int) -> dict[int, deque[str]]:
    return {6: deque(f"{name}{i}" for i in range(n))}


def runs(order: list[str]) -> list[tuple[str, int]]:
    """(voice, takes in a row) for each run of one voice in ``order``."""
    out: list[tuple[str, int]] = []
    for message in order:
        voice = message[0]
        if out and out[-1][0] == voice:
            out[-1] = (voice, out[-1][1] + 1)
        else:
            out.append((voice, 1))
    return out


def test_a_voice_whose_queue_keeps_filling_lets_a_waiting_voice_in_after_a_run():
    """Voice A's queue never runs dry (an asker keeps adding to it), voice B has 40 takes waiting:
    B's first take comes after VOICE_RUN of A's, and the voices then take turns in runs of
    VOICE_RUN (stickiness kept: one switch per run, not per take)."""
    cycle = StickyCycle(["A", "B"])
    waiting: Waiting = {"A": batch("A", 1000), "B": batch("B", 40)}
    order = [m for m in (take(cycle, waiting) for _ in range(200)) if m]
    assert runs(order)[:4] == [("A", VOICE_RUN), ("B", VOICE_RUN), ("A", VOICE_RUN), ("B", 8)]
    assert VOICE_RUN == 32
    assert order.count("B0") == 1 and order.index("B0") == VOICE_RUN
    assert not waiting["B"][6]  # every take of B was made within the 200


def test_one_voice_alone_keeps_its_queue_without_a_pause():
    """No other voice waits: a full run changes nothing, the worker stays on its voice; a voice
    whose takes arrive then waits only for the rest of the current run."""
    cycle = StickyCycle(["A", "B", "C"])
    waiting: Waiting = {"A": batch("A", 100), "B": {}, "C": {}}
    order = [take(cycle, waiting) for _ in range(100)]
    assert order == [f"A{i}" for i in range(100)]
    waiting["A"] = batch("A", 100)  # more for A, and C's takes arrive: they wait less than a run
    waiting["C"] = batch("C", 3)
    order = [take(cycle, waiting) for _ in range(VOICE_RUN + 3)]
    assert order[:VOICE_RUN] == [f"A{i}" for i in range(VOICE_RUN - 100 % VOICE_RUN)] + ["C0", "C1", "C2"] \
        + [f"A{i}" for i in range(VOICE_RUN - 100 % VOICE_RUN, VOICE_RUN - 3)]


def test_the_last_voice_goes_first_until_its_takes_run_out():
    """Stickiness: after switching to B, the worker stays on B while B has takes (fewer than a
    run), then goes back to A."""
    cycle = StickyCycle(["A", "B"])
    waiting: Waiting = {"A": batch("A", 5), "B": batch("B", 5)}
    order = [take(cycle, waiting) for _ in range(10)]
    assert runs([m for m in order if m]) == [("A", 5), ("B", 5)]
    cycle = StickyCycle(["A", "B"])
    waiting = {"A": {}, "B": batch("B", 3)}
    assert take(cycle, waiting) == "B0"
    waiting["A"] = batch("A", 3)  # A's takes arrive while B still has some
    assert [take(cycle, waiting) for _ in range(5)] == ["B1", "B2", "A0", "A1", "A2"]


def test_interactive_takes_come_first_whatever_the_voice():
    cycle = StickyCycle(["A", "B"], run=4)
    waiting: Waiting = {"A": batch("A", 50), "B": batch("B", 50)}
    assert [take(cycle, waiting) for _ in range(2)] == ["A0", "A1"]
    waiting["B"][INTERACTIVE] = deque(["Bi"])
    assert take(cycle, waiting) == "Bi"


def test_the_run_is_configurable_and_reaches_kombu():
    cycle = StickyCycle(["A", "B", "C"], run=3)
    waiting: Waiting = {q: batch(q, 9) for q in "ABC"}
    order = [take(cycle, waiting) for _ in range(27)]
    assert runs([m for m in order if m]) == [(q, 3) for q in "ABC" * 3]
    with pytest.raises(ValueError):
        StickyCycle(run=0)
    # make_app hands the number to kombu's Redis channel, which makes its cycle with this call
    for asked in (VOICE_RUN, 5):
        app = make_app("redis://127.0.0.1:1/0", sticky=True, voice_run=asked)
        strategy = app.conf.broker_transport_options["queue_order_strategy"]
        made = cycle_by_name(strategy)()
        assert isinstance(made, StickyCycle) and made.run == asked
    app = make_app("redis://127.0.0.1:1/0")
    assert app.conf.broker_transport_options["queue_order_strategy"] == "priority"
