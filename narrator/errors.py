"""One exception root for everything narrator raises on purpose."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence


class NarratorError(Exception):
    """Root of all narrator errors. ``str(err)`` is a one-line message fit for a user."""


class BadInput(NarratorError, ValueError):
    """The input document cannot be narrated (missing, binary, empty, undecodable...)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class TooLarge(BadInput):
    """The input is beyond a limit on the work it may cause (nesting, size, segments, time);
    the message names the limit."""


class NothingToRead(BadInput):
    """The document has text, but none of it is the lesson's: all of it was left out, each part
    with its reason (a licence, a page's chrome, code). A course build skips such a file."""


class ConfigError(NarratorError, ValueError):
    """narrate.toml or an option is invalid; ``problems`` lists every problem found.

    ``source`` (the file) prefixes the message; "" when only options are at fault."""

    def __init__(self, problems: list[str], source: str = "configuration") -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__((f"{source}: " if source else "") + "; ".join(self.problems))


class EngineError(NarratorError):
    """A TTS engine failed to produce a take. ``retryable`` says whether trying again may help."""

    retryable = True

    def __init__(self, message: str, *, server: str | None = None) -> None:
        super().__init__(message)
        self.message = message  # the problem, without the server
        self.server = server  # the server (or engine) that had it, if known

    def __str__(self) -> str:
        return self.message if self.server is None else f"{self.server}: {self.message}"

    def naming(self, label: str) -> str:
        """The message naming its server, or ``label`` (the engine that raised it) if unknown."""
        return f"{self.server or label}: {self.message}"


class ServerUnreachable(EngineError):
    """Nothing has ever answered at the server's address in this run (connection refused,
    unknown host, no route): the server is not there, unless it is still booting. Once a server
    has answered, the same faults are plain (retried) EngineErrors: it is restarting."""


class EngineUnavailable(EngineError):
    """The engine cannot be used at all here (library missing, server layout unknown, bad voice file)."""

    retryable = False


class InvalidTake(EngineError):
    """The engine answered, but the audio is not a plausible take for the text."""


class ImplausibleTake(InvalidTake):
    """Well-formed audio whose length does not fit its text. Returned twice byte for byte for
    the same request, it is the text (not the server) that is at fault."""


class SynthesisFailed(NarratorError):
    """Some segments could not be synthesized after every retry (details in errors.jsonl)."""

    def __init__(self, failed: list[str], errors_path: str | None = None,
                 reasons: Mapping[str, Sequence[str]] | None = None) -> None:
        shown = ", ".join(failed[:10]) + (" ..." if len(failed) > 10 else "")
        where = f" (see {errors_path})" if errors_path else ""
        # the reason is printed, not only filed: the last error of the first failed segment
        first = (reasons or {}).get(failed[0], ()) if failed else ()
        why = f"; {failed[0]}: {first[-1]}" if first else ""
        super().__init__(f"{len(failed)} segment(s) failed: {shown}{where}{why}")
        self.failed = list(failed)
        self.errors_path = errors_path
        self.reasons = dict(reasons or {})


class OutputError(NarratorError, OSError):
    """The output cannot be written (unwritable directory, ffmpeg failure...)."""


@contextlib.contextmanager
def output_errors(where: object, doing: str = "cannot write output") -> Iterator[None]:
    """Turn an OSError raised inside into one :class:`OutputError` line naming the file: used
    once at each stage's boundary (assembly, publishing)."""
    try:
        yield
    except NarratorError:
        raise
    except OSError as e:
        raise OutputError(f"{e.filename or where}: {doing} ({e.strerror or e})") from None


class Interrupted(NarratorError):
    """The run was stopped by the user (Ctrl-C); takes made so far are kept in the cache."""
