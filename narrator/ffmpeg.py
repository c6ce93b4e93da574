"""The one place narrator runs ffmpeg (the binary from the imageio-ffmpeg wheel)."""

from __future__ import annotations

import functools
import subprocess
from typing import Sequence

from .errors import OutputError


@functools.cache
def ffmpeg_exe() -> str:
    """Path of the ffmpeg binary shipped in the imageio-ffmpeg wheel (no system package)."""
    import imageio_ffmpeg

    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as e:  # no binary for this platform, or a broken install
        raise OutputError(f"ffmpeg is not available: {e}") from None


def run(args: Sequence[str], *, what: str = "ffmpeg") -> subprocess.CompletedProcess[bytes]:
    """Run ffmpeg with ``args`` (without the program name); raise OutputError with its last line."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", *args]
    proc = subprocess.run(cmd, capture_output=True)
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OutputError(f"{what} failed: {lines[-1] if lines else 'exit status ' + str(proc.returncode)}")
    return proc
