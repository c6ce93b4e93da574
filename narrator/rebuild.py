"""The previous narration in an output folder, read once per run and typed.

A rebuild costs what changed: the manifest of the narration being replaced says how each chapter
was made (see the ``build`` entries written by :mod:`narrator.publishing.manifest`). This module
reads it once, into :class:`Previous`; the pipeline then hands each stage only what it may reuse:
assembly gets :class:`~narrator.values.PreviousAudio` (samples, loudness blocks, levels, the
gain), publishing gets :class:`~narrator.values.PreviousFiles` (encoded files, book pieces, the
files to clean up). Nothing read here is trusted blindly: every reused file or sample is checked
against its sha256 by the stage that reuses it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.errors import BadInput
from narrator.publishing.manifest import FILENAME, listed_files, load_manifest, previous_chapter
from narrator.values import PreviousAudio, PreviousFiles

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Previous:
    """The narration an output folder holds (``manifest`` as written), and its reusable parts."""

    manifest: Mapping[str, Any]
    audio: PreviousAudio
    files: PreviousFiles

    @property
    def build_key(self) -> str | None:
        """The key of the build that wrote it (see :func:`narrator.pipeline.build_key`)."""
        build = self.manifest.get("build")
        key = build.get("key") if isinstance(build, dict) else None
        return key if isinstance(key, str) else None

    def complete(self, out_dir: Path) -> bool:
        """Every file the manifest lists is still in ``out_dir``."""
        return all((out_dir / name).is_file() for name in self.files.listed)


NOTHING = Previous({}, PreviousAudio(), PreviousFiles())


def read_previous(out_dir: Path) -> Previous:
    """The narration in ``out_dir``, or :data:`NOTHING` when there is none (or not a readable one)."""
    try:
        manifest: dict[str, Any] = dict(load_manifest(out_dir / FILENAME))
    except BadInput as e:
        if (out_dir / FILENAME).exists():
            log.debug("previous narration not reused: %s", e)
        return NOTHING
    chapters = tuple(previous_chapter(e) for e in manifest.get("chapters") or [])
    audio: dict[str, Any] = manifest["audio"] if isinstance(manifest.get("audio"), dict) else {}
    loudness: dict[str, Any] = manifest["loudness"] if isinstance(manifest.get("loudness"), dict) else {}
    rate = audio.get("sample_rate")
    book = audio.get("book")
    return Previous(
        manifest,
        PreviousAudio(sample_rate=rate if isinstance(rate, int) else None,
                      gain_db=_number(loudness.get("gain_db")),
                      target_lufs=_number(loudness.get("target_lufs")),
                      ceiling_dbtp=_number(loudness.get("ceiling_dbtp")), chapters=chapters),
        PreviousFiles(book=book if isinstance(book, str) else None, chapters=chapters,
                      listed=frozenset(listed_files(manifest))))


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None
