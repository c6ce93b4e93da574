"""Small test helpers shared by the end-to-end tests (decode audio like a user's player would)."""

from __future__ import annotations

import subprocess
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

from narrator.util.ffmpeg import ffmpeg_exe


def decode_wav(path: Path, dest: Path) -> Path:
    """Decode any audio file with ffmpeg to 16-bit PCM WAV at ``dest``."""
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-i", str(path), "-c:a", "pcm_s16le", str(dest)],
                   check=True, capture_output=True)
    return dest


def decoded_duration(path: Path, tmp: Path) -> float:
    """Seconds of audio a decoder gets out of ``path``."""
    out = decode_wav(path, tmp / (path.name + ".decoded.wav"))
    with wave.open(str(out)) as w:
        return w.getnframes() / w.getframerate()


def wav_bytes_of(path: Path, tmp: Path) -> bytes:
    """The decoded PCM frames of ``path`` (compare outputs without container metadata)."""
    out = decode_wav(path, tmp / (path.name + ".pcm.wav"))
    with wave.open(str(out)) as w:
        return w.readframes(w.getnframes())


def assert_said(say: Callable[[str], str], cases: list[tuple[str, str]]) -> None:
    """Every written text of ``cases`` is said as given by ``say``; all the wrong ones are listed."""
    wrong = [(written, said, want) for written, want in cases if (said := say(written)) != want]
    assert not wrong, "\n".join(f"{w!r}: got {g!r}, want {s!r}" for w, g, s in wrong)


def page(body: str, head: str = "") -> Any:
    """The parsed tree (as parse_html builds it) of a page with ``body`` (and ``head``)."""
    from narrator.parse.tree import parse_tree

    return parse_tree(f"<html>{f'<head>{head}</head>' if head else ''}<body>{body}</body></html>")


def first_element(markup: str) -> Any:
    """The first element inside <body> of a page holding ``markup``."""
    return page(markup).body.find(True)

