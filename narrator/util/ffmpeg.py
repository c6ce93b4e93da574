"""The one place narrator runs ffmpeg (the binary from the imageio-ffmpeg wheel)."""

from __future__ import annotations

import collections
import functools
import re
import subprocess
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
