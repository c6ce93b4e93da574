"""Progress events the library emits; the CLI (or a build script) decides how to show them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal


@dataclass(frozen=True, slots=True)
class Progress:
    """``done`` of ``total`` units of a stage (segments to synthesize, chapters, files).

    "plan" comes every thousand or so elements read and segments planned, with no total (the
    length of that work is not known ahead): a sink may raise from it to stop the run."""

    stage: Literal["plan", "synthesize", "assemble", "publish"]
    done: int
    total: int
    cached: int = 0
    failed: int = 0
    lesson: str = ""  # in a course build: the lesson it belongs to


@dataclass(frozen=True, slots=True)
class Notice:
    """A message for the user: a lesson skipped as up to date, a server taken out of rotation."""

    level: Literal["info", "note", "warning"]  # note: shown unless quiet (the "not read" summary)
    text: str


Event = Progress | Notice
EventSink = Callable[[Event], None]


def serialized(sink: EventSink) -> EventSink:
    """``sink`` called by one thread at a time (synthesis and the assembly done meanwhile
    report from different threads; a user's sink need not be thread-safe)."""
    import threading

    lock = threading.Lock()

    def call(event: Event) -> None:
        with lock:
            sink(event)

    return call


def ignore(event: Event) -> None:
    """The default sink: library code never prints."""
