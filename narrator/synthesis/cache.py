"""Content-addressed store of takes: ``root/ab/abcdef....wav``, keyed by what the audio depends on.

The key is the sha256 of the engine fingerprint, the emotion parameters, the spoken text, the
output sample rate and what the engine sends that depends on the segment's language (only when
something does), and nothing else, so identical sentences anywhere share one take. Entries are
written atomically (temporary file in the same directory, fsync, rename): a killed run never leaves
a visible corrupt entry. They are readable like any new file (umask), so a cache may be shared. Reading an entry touches its mtime, which :meth:`Cache.prune` uses as
"last used" (atime is unreliable under noatime/relatime mounts).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from narrator.util.atomic import atomic_path
from narrator.errors import OutputError
from narrator.util.wavio import file_wav_info

SUFFIX = ".wav"
META_SUFFIX = ".verify.json"  # what speech recognition heard in the take (synthesis.verify)
STALE_TEMP_SECONDS = 3600.0  # temp files this old are leftovers of killed runs


class Cache:
    """The take store under ``root`` (see :meth:`narrator.config.Config.resolved_cache_dir`).

    >>> cache = Cache(Path("~/.cache/narrator").expanduser())  # doctest: +SKIP
    >>> key = cache.key(engine.fingerprint(), {"pitch": 50}, "你好。", 22050)  # doctest: +SKIP
    >>> cache.get(key) or cache.put(key, wav_bytes)  # doctest: +SKIP
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @staticmethod
    def key(fingerprint: str, emotion_params: Mapping[str, Any], spoken: str, sample_rate: int,
            language_params: Mapping[str, Any] | None = None, take: int = 1) -> str:
        """sha256 hex of a canonical JSON of exactly these values.

        ``language_params`` (see ``Engine.language_params``) joins them only when not empty, so
        the keys of engines that ignore the language are the same as without it; ``take`` (a
        teacher's "another take": 2, 3...) only from 2, so first takes keep their keys.
        """
        values: list[Any] = [fingerprint, emotion_params, spoken, int(sample_rate)]
        if language_params:
            values.append(language_params)
        if take > 1:
            values.append({"take": int(take)})
        blob = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                          default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def path(self, key: str) -> Path:
        """Where the entry for ``key`` lives (whether or not it exists)."""
        return self.root / key[:2] / (key + SUFFIX)

    def meta_path(self, key: str) -> Path:
        """Where the verification record of the take for ``key`` lives."""
        return self.root / key[:2] / (key + META_SUFFIX)

    def get(self, key: str) -> Path | None:
        """The entry's path, marked as used; None if absent or unreadable. A corrupt entry is
        removed; an unreadable one (permissions, I/O trouble) is left alone."""
        p = self.path(key)
        try:
            file_wav_info(p)
        except OSError:
            return None
        except ValueError:
            # truncated or garbage (disk trouble, a foreign tool): not a take, so not an entry
            with contextlib.suppress(OSError):
                p.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(p)
        return p

    def put(self, key: str, wav: bytes) -> Path:
        """Store ``wav`` under ``key`` atomically; return the entry's path."""
        p = self.path(key)
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(p, fsync=True) as tmp:
                tmp.write_bytes(wav)
        except OSError as e:
            raise OutputError(f"{e.filename or p}: cannot write to the take cache ({e.strerror or e})") from None
        return p

    def get_meta(self, key: str) -> dict[str, Any] | None:
        """The JSON record stored beside the take for ``key``, or None (absent or unreadable)."""
        try:
            data = json.loads(self.meta_path(key).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def put_meta(self, key: str, record: Mapping[str, Any]) -> None:
        """Store ``record`` beside the take for ``key`` (atomically, like a take)."""
        from narrator.util.atomic import write_atomic

        path = self.meta_path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, json.dumps(record, ensure_ascii=False).encode("utf-8"))
        except OSError as e:
            raise OutputError(f"{path}: cannot write ({e.strerror or e})") from None

    def _entries(self) -> Iterator[os.DirEntry[str]]:
        """Every file in the fan-out folders; OutputError if the cache cannot be read."""
        try:
            fanout = list(os.scandir(self.root))
        except FileNotFoundError:
            return
        except OSError as e:
            raise _error(self.root, "cannot read the take cache", e) from None
        for d in fanout:
            if len(d.name) != 2 or not d.is_dir(follow_symlinks=False):
                continue
            try:
                with os.scandir(d.path) as it:
                    entries = list(it)
            except FileNotFoundError:
                continue
            except OSError as e:
                raise _error(Path(d.path), "cannot read the take cache", e) from None
            yield from entries

    def stats(self) -> tuple[int, int]:
        """(entries, bytes) of the complete takes in the cache."""
        count = size = 0
        for e in self._entries():
            if e.name.endswith(SUFFIX) and not e.name.startswith("."):
                with contextlib.suppress(FileNotFoundError):
                    size += e.stat().st_size
                    count += 1
        return count, size

    def prune(self, *, keep: set[str] | None = None, older_than: float | None = None) -> tuple[int, int]:
        """Remove entries; return (removed entries, removed bytes).

        An entry is removed when it is not in ``keep`` (if given) and has not been used for
        ``older_than`` seconds (if given). With neither, nothing is removed; ``keep=set()``
        empties the cache. Temporary files left by killed runs are cleaned up too.
        """
        now = time.time()
        removed = freed = 0
        for e in self._entries():
            try:
                st = e.stat()
            except FileNotFoundError:
                continue
            if e.name.startswith("."):  # a temporary (entries are named by their key)
                if now - st.st_mtime > STALE_TEMP_SECONDS:
                    with contextlib.suppress(OSError):
                        os.unlink(e.path)
                continue
            if not e.name.endswith(SUFFIX):
                continue
            if keep is None and older_than is None:
                continue
            if keep is not None and e.name[: -len(SUFFIX)] in keep:
                continue
            if older_than is not None and now - st.st_mtime <= older_than:
                continue
            try:
                os.unlink(e.path)
            except FileNotFoundError:
                continue
            except OSError as err:
                raise _error(Path(e.path), "cannot remove take", err) from None
            with contextlib.suppress(OSError):  # its verification record goes with it
                os.unlink(e.path[: -len(SUFFIX)] + META_SUFFIX)
            removed += 1
            freed += st.st_size
        return removed, freed


def _error(path: Path, what: str, e: OSError) -> OutputError:
    return OutputError(f"{path}: {what} ({e.strerror or e})")
