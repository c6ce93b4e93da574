"""Every take an engine returns is checked here before it may enter the cache.

A take must be a real RIFF/WAVE file of mono 16-bit PCM at the engine's declared rate, complete
(the data chunk fits in the bytes received), not an error page, long enough and not absurdly long
for its text, and not the audio of another request (a server handing back a stale file).

Streamed WAVs whose sizes are unknown (0xFFFFFFFF, as ffmpeg writes to a pipe) are accepted: their
duration comes from the bytes present, and :func:`normalize_wav` writes the real sizes before the
take is cached. Other sample rates are rejected rather than converted: the cache key includes the
engine's declared rate, so a take at another rate would be stored under a false identity. An
engine that declares 0 ("whatever the server sends") has that 0 in its keys, so any rate is
accepted; assembly resamples takes to the programme's rate.
"""

from __future__ import annotations

from narrator.errors import ImplausibleTake, InvalidTake
from narrator.text import expected_duration
from narrator.util.wavio import wav_info

def _not_audio(wav: bytes) -> str:
    start = wav[:512].lstrip()
    low = start[:64].lower()
    if low.startswith((b"<!doctype", b"<html", b"<?xml", b"<")):
        return "HTML instead of audio"
    if low.startswith((b"{", b"[")):
        snippet = start[:80].decode("utf-8", "replace").replace("\n", " ")
        return f"JSON instead of audio: {snippet}"
    return "not a WAV file"


def _same_text(a: str, b: str) -> bool:
    """Texts that only differ in punctuation, case or spacing may legitimately sound the same."""
    def norm(s: str) -> str:
        return "".join(ch for ch in s.casefold() if ch.isalnum())
    return norm(a) == norm(b)


def validate_take(wav: bytes, *, text: str, lang: str, sample_rate: int,
                  previous: tuple[str, bytes] | None) -> float:
    """Check one take; return its duration in seconds or raise :class:`InvalidTake`.

    ``sample_rate`` is the engine's declared rate (0 = unknown: any rate is accepted).
    ``previous`` is (text, wav) of an earlier take from the same server: byte-identical audio for
    a different text means the server returned another request's audio.

    >>> validate_take(wav, text="Hello.", lang="en", sample_rate=22050, previous=None)  # doctest: +SKIP
    0.71
    """
    if not wav:
        raise InvalidTake("empty response instead of audio")
    try:
        info = wav_info(wav)
    except ValueError as e:
        if wav[:4] != b"RIFF":
            raise InvalidTake(_not_audio(wav)) from None
        raise InvalidTake(f"broken WAV: {e}") from None
    if info.format_tag != 1 or info.bits != 16:
        raise InvalidTake(f"not 16-bit PCM (format {info.format_tag}, {info.bits} bits)")
    if info.channels != 1:
        raise InvalidTake(f"not mono ({info.channels} channels)")
    if sample_rate and info.sample_rate != sample_rate:
        raise InvalidTake(f"sample rate {info.sample_rate} Hz, engine declares {sample_rate} Hz")
    if info.data_size == 0:
        raise InvalidTake("WAV holds no audio")
    duration = info.duration
    shortest, longest = expected_duration(text)
    chars = len(text.strip())
    if duration < shortest:
        raise ImplausibleTake(f"audio too short for its text: {duration:.2f} s for {chars} characters "
                          f"(at least {shortest:.2f} s expected, lang {lang})")
    if duration > longest:
        raise ImplausibleTake(f"audio too long for its text: {duration:.2f} s for {chars} characters "
                          f"(at most {longest:.2f} s expected, lang {lang})")
    if previous is not None and previous[1] == wav and not _same_text(previous[0], text):
        raise InvalidTake(f"same audio as the previous take for a different text ({previous[0][:40]!r})")
    return duration
