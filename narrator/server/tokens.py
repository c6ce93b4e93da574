"""The job server's API tokens: one per site or person, kept hashed in a file the operator edits.

``<data>/tokens`` has one line per token, ``NAME ROLE SHA256``::

    # narrate serve tokens: NAME ROLE SHA256 (delete a line to revoke a token)
    lms       site      3f2a...
    alice     operator  9ab0...

A token is 256 random bits shown once, when it is made (``narrate serve --add-token NAME``); only
its sha256 is stored, so the file leaks nothing usable. A narration belongs to the token name that
made it; an ``operator`` token sees and cancels every narration. A data folder of the version
with one token in clear (``token``) has it adopted as the site token "default". The file is read again whenever
it changes, so adding or revoking a token needs no restart.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
import stat
import threading
from dataclasses import dataclass
from pathlib import Path

from narrator.errors import ConfigError, OutputError

log = logging.getLogger(__name__)

TOKENS_FILE = "tokens"
LEGACY_TOKEN_FILE = "token"  # earlier versions: one token, in clear
ROLES = ("site", "operator")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}")
_HEADER = "# narrate serve tokens: NAME ROLE SHA256 (delete a line to revoke a token)\n"


@dataclass(frozen=True)
class Holder:
    """Who a request's token belongs to."""

    name: str
    operator: bool


def digest(token: str) -> str:
    # A token is 256 random bits: a plain hash cannot be reversed, no slow KDF is needed.
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class Tokens:
    """The tokens file of a data folder, read again when it changes."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / TOKENS_FILE
        self._lock = threading.Lock()
        self._seen: tuple[int, int] | None = None
        self._holders: list[tuple[str, Holder]] = []
        _adopt_legacy(data_dir)

    def holder(self, token: str) -> Holder | None:
        """The holder of ``token``, or None (every stored hash is compared in constant time)."""
        wanted = digest(token)
        found = None
        for sha, holder in self._current():
            if hmac.compare_digest(sha, wanted):
                found = holder
        return found

    def count(self) -> int:
        """How many tokens there are (ConfigError if the file is malformed: checked at start)."""
        return len(_read(self.path))

    def _current(self) -> list[tuple[str, Holder]]:
        try:
            st = self.path.stat()
            seen: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:
            seen = None
        with self._lock:
            if seen != self._seen:
                try:
                    self._holders = _read(self.path) if seen else []
                except ConfigError as e:  # edited badly while running: refuse everyone, say why
                    log.error("%s", e)
                    self._holders = []
                self._seen = seen
            return self._holders


def add_token(data_dir: Path, name: str, *, operator: bool = False) -> str:
    """Make a token for ``name``, store its hash, and return it (the only time it is seen)."""
    if not _NAME.fullmatch(name):
        raise ConfigError([f"--add-token {name[:80]!r}: a name is 1-64 letters, digits and _.@- "
                           "(a site or a person)"])
    path = data_dir / TOKENS_FILE
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        _adopt_legacy(data_dir)
        if any(h.name == name for _, h in _read(path)):
            raise ConfigError([f"--add-token {name}: a token of that name exists already in {path} "
                               "(delete its line first to replace it)"])
        token = secrets.token_urlsafe(32)
        _append(path, f"{name} {'operator' if operator else 'site'} {digest(token)}\n")
        return token
    except OSError as e:
        raise OutputError(f"{data_dir}: cannot keep the server's tokens here ({e.strerror or e})") from None


def _read(path: Path) -> list[tuple[str, Holder]]:
    """The file's tokens; a malformed line is a ConfigError naming it (never silently ignored)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError([f"{path}: cannot read the tokens file ({e})"]) from None
    out: list[tuple[str, Holder]] = []
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if (len(fields) != 3 or not _NAME.fullmatch(fields[0]) or fields[1] not in ROLES
                or not re.fullmatch(r"[0-9a-f]{64}", fields[2])):
            raise ConfigError([f"{path}:{number}: expected NAME ROLE SHA256 (ROLE: site or operator)"])
        out.append((fields[2], Holder(fields[0], fields[1] == "operator")))
    return out


def _append(path: Path, line: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "a", encoding="utf-8") as f:
        if f.tell() == 0:
            f.write(_HEADER)
        f.write(line)


def _adopt_legacy(data_dir: Path) -> None:
    """An earlier server's clear-text token becomes the site token "default", hashed: it keeps
    the narrations made with it (the store gives them to "default") and sees no one else's."""
    legacy = data_dir / LEGACY_TOKEN_FILE
    try:
        token = legacy.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return
    path = data_dir / TOKENS_FILE
    if token and not any(h.name == "default" for _, h in _read(path)):
        _append(path, f"default site {digest(token)}\n")
    legacy.unlink(missing_ok=True)
