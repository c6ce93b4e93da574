"""The read-along player page: the lesson text in sentences, synchronised with the audio."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def _json_for_script(data: Any) -> str:
    """JSON safe inside a <script> element: no "</script>", "<!--" or "&" can appear in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _paragraphs(segments: list[Mapping[str, Any]]) -> list[list[Mapping[str, Any]]]:
    """Segments grouped into paragraphs: a new one after any boundary but a sentence's."""
    blocks: list[list[Mapping[str, Any]]] = [[]]
    for seg in segments:
        blocks[-1].append(seg)
        if seg.get("boundary", "sentence") not in ("sentence", "clause"):  # a cut is mid-sentence
            blocks.append([])
    return [b for b in blocks if b]


def render_player(manifest: Mapping[str, Any]) -> str:
    """The read-along page (templates/player.html.j2): works from file:// with no server."""
    from markupsafe import Markup

    from narrator.util.templating import environment

    by_chapter: dict[int, list[Mapping[str, Any]]] = {}
    for seg in manifest["segments"]:
        by_chapter.setdefault(seg["chapter"], []).append(seg)
    chapters = []
    for c in manifest["chapters"]:
        segments = by_chapter.get(c["index"], [])
        # The spoken chapter title is shown as the heading itself, not repeated as a paragraph.
        heading = segments[0] if segments and segments[0]["text"].strip() == c["title"].strip() else None
        chapters.append({**c, "segments": segments, "heading": heading,
                         "blocks": _paragraphs(segments[1:] if heading else segments)})
    data = {"title": manifest["title"], "chapters": [
        {"index": c["index"], "title": c["title"], "file": c["file"], "captions": c["captions"],
         "duration": c["duration"], "segments": [[s["id"], s["start"], s["end"]] for s in c["segments"]]}
        for c in chapters]}
    template = environment("html").get_template("player.html.j2")
    return template.render(title=manifest["title"], lang=manifest.get("lang") or "en",
                           chapters=chapters, data_json=Markup(_json_for_script(data)))
