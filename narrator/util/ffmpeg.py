"""The one place narrator runs ffmpeg (the binary from the imageio-ffmpeg wheel)."""

from __future__ import annotations

import collections
import functools
import re
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Sequence

from narrator.errors import OutputError


@functools.cache
def ffmpeg_exe() -> str:
    """Path of the ffmpeg binary shipped in the imageio-ffmpeg wheel (no system package)."""
    import imageio_ffmpeg

    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as e:  # no binary for this platform, or a broken install
        raise OutputError(f"ffmpeg is not available: {e}") from None


def build_id() -> str:
    """Names the ffmpeg build (the wheel's binary carries its version in its name): part of the
    key of every encoded file, since another build may encode the same samples differently."""
    return Path(ffmpeg_exe()).name


def run(args: Sequence[str], *, what: str = "ffmpeg") -> subprocess.CompletedProcess[bytes]:
    """Run ffmpeg with ``args`` (without the program name); raise OutputError with its last line."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", *args]
    proc = subprocess.run(cmd, capture_output=True)
    if proc.returncode != 0:
        raise OutputError(f"{what} failed: {last_line(proc.stderr, proc.returncode)}")
    return proc


def run_fed(args: Sequence[str], chunks: Iterable[bytes], *, what: str = "ffmpeg") -> None:
    """Run ffmpeg with ``args`` reading ``pipe:0``, fed ``chunks``; raise OutputError with its
    last line."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *args]
    with tempfile.TemporaryFile() as err:  # a file: a chatty ffmpeg never blocks the feeding
        with subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err) as proc:
            try:
                for chunk in chunks:
                    proc.stdin.write(chunk)  # type: ignore[union-attr]
                proc.stdin.close()  # type: ignore[union-attr]
            except BrokenPipeError:
                pass  # ffmpeg stopped reading: its exit status and log say why
            code = proc.wait()
        if code != 0:
            err.seek(0)
            raise OutputError(f"{what} failed: {last_line(err.read(), code)}")


def scan(args: Sequence[str], pattern: "re.Pattern[bytes]", *, what: str = "ffmpeg") -> list[bytes]:
    """Run ffmpeg and return the first group of every match of ``pattern`` in what it logs, read
    as it comes (a per-frame log of hours of audio never sits in memory whole)."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", *args]
    found: list[bytes] = []
    tail: collections.deque[bytes] = collections.deque(maxlen=5)
    with subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE) as proc:
        for line in proc.stderr:  # type: ignore[union-attr]
            m = pattern.search(line)
            if m:
                found.append(m.group(1))
            elif line.strip():
                tail.append(line)
        code = proc.wait()
    if code != 0:
        raise OutputError(f"{what} failed: {last_line(b''.join(tail), code)}")
    return found


def last_line(stderr: bytes, returncode: int) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else f"exit status {returncode}"
