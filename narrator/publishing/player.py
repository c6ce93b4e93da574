"""The read-along player page: the lesson as a reader sees it, synchronised with the audio.

Everything the page needs is in it (no fetch, no <track> files: a page opened from file:// may
load neither), so it works offline from the file system in any browser: captions are built in
the page (addTextTrack + VTTCue) from the embedded sentence timings.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from narrator.values import Block, Run, Script, ScriptChapter, Segment


def _json_for_script(data: Any) -> str:
    """JSON safe inside a <script> element: no "</script>", "<!--" or "&" can appear in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def laid_out(manifest: Mapping[str, Any], script: Script | None) -> Iterator[tuple[Mapping[str, Any], ScriptChapter]]:
    """Each chapter of the manifest with its layout: the script's, or one rebuilt from the
    manifest when the script is not at hand or made no layout (player, transcript, EPUB)."""
    planned = {c.index: c for c in script.chapters} if script is not None else {}
    for c in manifest["chapters"]:
        chapter = planned.get(c["index"])
        if chapter is None or not chapter.blocks:
            chapter = chapter_from_manifest(manifest, c["index"])
        yield c, chapter


def chapter_from_manifest(manifest: Mapping[str, Any], index: int) -> ScriptChapter:
    """A chapter rebuilt from the manifest alone (no layout known): one paragraph per run of
    sentences, the chapter title as its heading."""
    segments = [s for s in manifest["segments"] if s["chapter"] == index]
    title = next((c["title"] for c in manifest["chapters"] if c["index"] == index), "")
    blocks: list[Block] = []
    out: list[Segment] = []
    pending: list[Mapping[str, Any]] = []

    def close(kind: str) -> None:
        if not pending:
            return
        text, spans = "", []
        for s in pending:
            if text:
                text += " "
            spans.append((len(text), len(text) + len(s["text"])))
            text += s["text"]
        for s, span in zip(pending, spans):
            out.append(Segment(s["id"], index, s["text"], s.get("spoken", s["text"]), s.get("lang", ""),
                               s.get("emotion", ""), s.get("boundary", "sentence"), 0,
                               block=len(blocks), span=span, voice=s.get("voice", "")))
        blocks.append(Block(kind, (Run(text),), 1))  # type: ignore[arg-type]
        pending.clear()

    for n, s in enumerate(segments):
        pending.append(s)
        heading = n == 0 and s["text"].strip() == title.strip()
        if heading or s.get("boundary", "sentence") not in ("sentence", "clause"):  # a cut is mid-sentence
            close("heading" if heading else "paragraph")
    close("paragraph")
    return ScriptChapter(index, title, tuple(out), tuple(blocks))


def render_player(manifest: Mapping[str, Any], script: Script | None = None, *,
                  images: Mapping[str, str | None] | None = None,
                  course_index: str | None = None) -> str:
    """The read-along page (templates/player.html.j2) for the chapters of ``manifest``.

    ``script`` gives the lesson's structure (headings, lists, tables, figures...); without it the
    sentences are shown in paragraphs. ``images`` maps image src in the input to the path shown;
    ``course_index`` links the page back to its course.
    """
    from markupsafe import Markup, escape

    from narrator.publishing.layout import chapter_html, has_formula
    from narrator.publishing.speakers import CSS, mark_speakers, role_colours
    from narrator.util.templating import environment

    timings = {s["id"]: s for s in manifest["segments"]}
    # a sentence showing a formula is described by what is said (the formula in words, WCAG
    # 1.1.1); its name stays the text shown, which speech input users say (WCAG 2.5.3)
    said = {s.id: s.spoken for c in (script.chapters if script is not None else ())
            for s in c.segments if has_formula(c, s)}

    def attrs(seg: Segment) -> str:
        t = timings.get(seg.id)
        if t is None:  # not in the audio: shown, not playable
            return ""
        lang = f' lang="{escape(seg.lang)}"' if seg.lang and seg.lang != manifest.get("lang") else ""
        who = f' data-voice="{escape(seg.voice)}"' if seg.voice else ""  # its speaker (issue 24)
        if seg.id in said:
            who += f' aria-description="{escape(said[seg.id])}"'
        return f' role="button" tabindex="0" data-start="{t["start"]}" data-end="{t["end"]}"{lang}{who}'

    chapters = []
    colours = role_colours(s.get("voice", "") for s in manifest["segments"])
    for c, chapter in laid_out(manifest, script):
        html = chapter_html(chapter, images=images, seg_attrs=attrs)
        chapters.append({**c, "html": Markup(mark_speakers(html, chapter, colours))})  # who speaks
    by_chapter: dict[int, list[list[Any]]] = {}
    for s in manifest["segments"]:
        entry = [s["id"], s["start"], s["end"], s["text"]]
        if s.get("words"):  # [text, start, end] per displayed word (checked takes)
            entry.append([[w["text"], w["start"], w["end"]] for w in s["words"]])
        by_chapter.setdefault(s["chapter"], []).append(entry)
    data = {"title": manifest["title"], "lang": manifest.get("lang") or "en", "chapters": [
        {"index": c["index"], "title": c["title"], "file": c["file"], "duration": c["duration"],
         "segments": by_chapter.get(c["index"], []), **_caption_cues(manifest, c["index"])}
        for c in manifest["chapters"]]}
    template = environment("html").get_template("player.html.j2")
    return template.render(title=manifest["title"], lang=manifest.get("lang") or "en",
                           chapters=chapters, course_index=course_index,
                           title_in_text=opens_with_title(manifest), speaker_css=Markup(CSS),
                           data_json=Markup(_json_for_script(data)))


def _caption_cues(manifest: Mapping[str, Any], index: int) -> dict[str, Any]:
    """{"cues": [[id, start, end, text]...]}: the chapter's captions as the caption files lay them
    out (two short lines a cue), when that is not simply one cue per sentence; else {}."""
    from narrator.publishing.captions import Cue, cue_text, layout_cues

    segments = [s for s in manifest["segments"] if s["chapter"] == index]
    cues = layout_cues(Cue(s["id"], s["start"], s["end"], s["text"],
                           tuple((w["text"], w["start"], w["end"]) for w in s.get("words") or ()))
                       for s in segments)
    plain = len(cues) == len(segments) and all(c.id == s["id"] and cue_text(c) == s["text"]
                                               for c, s in zip(cues, segments))
    return {} if plain else {"cues": [[c.id, c.start, c.end, cue_text(c)] for c in cues]}


def opens_with_title(manifest: Mapping[str, Any]) -> bool:
    """The lesson's first sentence is its title (its heading): the page header need not show it too."""
    segments = manifest["segments"]
    return bool(segments) and " ".join(segments[0]["text"].split()) == " ".join(manifest["title"].split())


def player_script_hash() -> str:
    """The CSP source (``'sha256-...'``) of the player page's one script, as every page has it:
    a server can let exactly that script run and no other."""
    import base64
    import hashlib
    from importlib import resources

    from narrator.util.templating import environment

    source = (resources.files("narrator.publishing") / "templates" / "player.html.j2").read_text("utf-8")
    start = source.rindex("<script>")
    fragment = environment("html").from_string(source[start:source.index("</script>", start)]).render()
    digest = hashlib.sha256(fragment.removeprefix("<script>").encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
