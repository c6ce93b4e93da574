"""transcript.html: the whole text of a narration in reading order, with its chapter headings, as
a plain page for learners who read instead of listening (and for screen-reader users, who get
prose rather than a button per sentence). The lesson's layout (lists, tables, figures) is kept;
nothing plays and nothing is highlighted."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from narrator.publishing.player import laid_out, opens_with_title
from narrator.text import one_line
from narrator.values import Script, ScriptChapter

FILENAME = "transcript.html"

_STYLE = """:root { color-scheme: light dark; --bg: #fff; --fg: #1a1a1a; --muted: #5c5c5c; --link: #0b57d0; --rule: #8a8a8a; }
@media (prefers-color-scheme: dark) { :root { --bg: #121212; --fg: #ececec; --muted: #b3b3b3; --link: #8ab4f8; } }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans GB",
       "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; max-width: 46rem; margin: 0 auto;
       padding: 1rem 1rem 4rem; line-height: 1.7; background: var(--bg); color: var(--fg); overflow-wrap: break-word; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
section { border-top: 1px solid var(--rule); margin-top: 2rem; }
blockquote { margin: 1rem 0; padding: .25rem 1rem; border-left: 4px solid var(--rule); }
aside.callout { margin: 1rem 0; padding: .5rem 1rem; border: 1px solid var(--rule); border-left-width: 6px; }
figure { margin: 1rem 0; text-align: center; } img { max-width: 100%; height: auto; }
figcaption, .caption { font-size: .92rem; color: var(--muted); }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
pre { padding: .5rem; white-space: pre-wrap; }
"""


def _opens_with_title(chapter: ScriptChapter) -> bool:
    """The chapter's text starts with its title as a heading (its own, or one the planner added)."""
    if any(s.block == -1 for s in chapter.segments):
        return True
    first = chapter.blocks[0] if chapter.blocks else None
    return first is not None and first.kind == "heading" and one_line(first.text) == one_line(chapter.title)


def render_transcript(manifest: Mapping[str, Any], script: Script | None = None, *,
                      images: Mapping[str, str | None] | None = None, player: str | None = "index.html") -> str:
    """The transcript page of ``manifest``'s chapters (with ``script``'s layout when given; see
    :func:`narrator.publishing.player.render_player` for ``images``); ``player`` links back to
    the read-along page."""
    from narrator.publishing.layout import chapter_html
    from narrator.publishing.speakers import CSS, mark_speakers, role_colours

    lang = manifest.get("lang") or "en"
    title = manifest["title"] or "Lesson"
    timed = {s["id"] for s in manifest["segments"]}
    parts = []
    colours = role_colours(s.get("voice", "") for s in manifest["segments"])
    for c, chapter in laid_out(manifest, script):
        # what was narrated, as the player shows it (a sentence left out of the audio is not shown)
        shown = ScriptChapter(chapter.index, chapter.title,
                              tuple(s for s in chapter.segments if s.id in timed), chapter.blocks)
        heading = "" if _opens_with_title(shown) else f"<h2>{escape(c['title'])}</h2>\n"
        parts.append(f'<section aria-label="{escape(c["title"])}">\n{heading}'
                     f"{mark_speakers(chapter_html(shown, images=images or {}), shown, colours)}\n</section>")
    # the text's own first heading shows the title when it opens with it (as in the player)
    hidden = ' class="visually-hidden"' if opens_with_title(manifest) else ""
    back = f'<p><a href="{escape(player)}">Listen with the read-along player</a></p>\n' if player else ""
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="color-scheme" content="light dark">\n'
            f"<title>{escape(title)}: transcript</title>\n<style>\n{_STYLE}{CSS}</style>\n</head>\n<body>\n<main>\n"
            f"<h1{hidden}>{escape(title)}</h1>\n{back}" + "\n".join(parts) + "\n</main>\n</body>\n</html>\n")
