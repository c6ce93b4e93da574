"""Small lessons for the player and EPUB tests: real HTML through the real parser and planner,
each sentence a tone (no engine needed), published by the real publish()."""

from __future__ import annotations

import array
import math
import struct
import zlib
from pathlib import Path
from typing import Any

from narrator.config import load_config
from narrator.util.wavio import mono_wav
from narrator.values import ChapterAudio, Programme, Script, SegmentTiming

RATE = 22050

STRUCTURED = """<html lang="en"><head><title>Cells</title></head><body>
<h1>Cells</h1>
<p>Cells are <strong>small</strong> and <em>busy</em>. They divide.</p>
<h2>Parts</h2>
<ol start="3"><li>The membrane holds.</li><li>The nucleus leads.<ul><li>It keeps DNA.</li></ul></li></ol>
<ul><li>Bullet one.</li><li>Bullet two.</li></ul>
<blockquote><p>Life is made of cells.</p></blockquote>
<div class="callout note"><p>Remember this fact.</p></div>
<figure><img src="cell.png" alt=""><figcaption>A plant cell.</figcaption></figure>
<table><tr><th>Part</th><th>Job</th></tr><tr><td>Wall</td><td>Support.</td></tr>
<tr><td>Vacuole</td><td>Storage.</td></tr></table>
<h3>Deeper</h3><p>The end.</p>
</body></html>
"""


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A small solid-colour PNG."""
    raw = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def tone_programme(script: Script, tmp: Path, *, seg_seconds: float = 0.6) -> Programme:
    """Each segment a tone of ``seg_seconds``, 0.2 s apart, timings from the frames written."""
    tmp.mkdir(parents=True, exist_ok=True)
    chapters = []
    for chapter in script.chapters:
        frames = array.array("h", bytes(2 * round(0.3 * RATE)))
        timings = []
        for k, seg in enumerate(chapter.segments):
            start = len(frames) / RATE
            step = 2 * math.pi * (220 + 30 * (k % 10)) / RATE
            frames.extend(int(5000 * math.sin(i * step)) for i in range(round(seg_seconds * RATE)))
            timings.append(SegmentTiming(seg.id, start, len(frames) / RATE))
            frames.extend(array.array("h", bytes(2 * round(0.2 * RATE))))
        path = tmp / f"chapter{chapter.index}.wav"
        path.write_bytes(mono_wav(frames.tobytes(), RATE))
        chapters.append(ChapterAudio(chapter.index, chapter.title, path, len(frames) / RATE, tuple(timings)))
    return Programme(RATE, tuple(chapters), {"integrated_lufs": -19.0})


def build_lesson(base: Path, html: str = STRUCTURED, **overrides: Any) -> tuple[Path, dict[str, Any], Script]:
    """Parse, plan and publish ``html`` (with cell.png beside it) into ``base/out``."""
    from narrator.parse import parse_html
    from narrator.publishing.publish import publish
    from narrator.script.planner import plan

    src = base / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "lesson.html").write_text(html, "utf-8")
    (src / "cell.png").write_bytes(png(40, 20, (30, 160, 60)))
    config = load_config(overrides={"output.book": "none", **overrides})
    data = (src / "lesson.html").read_bytes()
    script = plan(parse_html(data, str(src / "lesson.html"), config.parse), config)
    programme = tone_programme(script, base / "wav")
    out = base / "out"
    out.mkdir(parents=True, exist_ok=True)
    manifest = publish(script, programme, out, config, engine_info={"name": "tone"},
                       stats={"segments": len(script.segments)})
    return out, manifest, script
