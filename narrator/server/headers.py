"""What every response of the job server says about its body: its exact type, never to be sniffed,
and a Content-Security-Policy that lets the player page and the editor plugin work and nothing else.

The player page (``/n/<id>/index.html``) may run its own one script (allowed by hash, so a script
that found its way into a lesson's text would not run), show images from the narration and the
web, and play the narration's audio; it may be framed by the allowed origins (the TinyMCE plugin
shows it in a dialog). Every other file is served as inert data in a sandbox, and JSON answers
may not be framed at all.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

# The narration's files, by extension; anything else is a download.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".m4a": "audio/mp4", ".m4b": "audio/mp4", ".mp3": "audio/mpeg", ".ogg": "audio/ogg",
    ".flac": "audio/flac", ".wav": "audio/wav",
    ".vtt": "text/vtt; charset=utf-8", ".srt": "text/plain; charset=utf-8",
    ".epub": "application/epub+zip", ".jsonl": "text/plain; charset=utf-8",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".svg": "image/svg+xml",
    ".js": "text/javascript; charset=utf-8",
}
DOWNLOAD = "application/octet-stream"

_PAGE = re.compile(r"/n/[0-9a-f]{32}/(?:index\.html)?")
INERT = "default-src 'none'; sandbox; frame-ancestors 'none'"
API = "default-src 'none'; frame-ancestors 'none'"


def media_type(path: Path) -> str:
    return TYPES.get(path.suffix.lower(), DOWNLOAD)


@functools.cache
def player_policy(allow_origins: tuple[str, ...]) -> str:
    from narrator.publishing.player import player_script_hash

    ancestors = " ".join(("'self'", *allow_origins))
    return ("default-src 'none'; "
            f"script-src {player_script_hash()}; "
            "style-src 'unsafe-inline'; "  # the page's own <style>; styles cannot run code
            "img-src 'self' https:; "  # data: images are written out as files
            "media-src 'self'; "
            "base-uri 'none'; form-action 'none'; "
            f"frame-ancestors {ancestors}")


def security_headers(path: str, allow_origins: tuple[str, ...]) -> dict[str, str]:
    """The headers for a response to ``path`` (a URL path)."""
    headers = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
    if path.startswith("/n/"):
        # only the narration's own page, /n/<id>/ or /n/<id>/index.html (not ".../x.svg/")
        is_page = _PAGE.fullmatch(path) is not None
        headers["Content-Security-Policy"] = player_policy(allow_origins) if is_page else INERT
    elif path.startswith("/review/"):  # the review page: its own script and style files only
        from narrator.review_session import PAGE_POLICY

        headers["Content-Security-Policy"] = PAGE_POLICY
    elif path in ("/docs", "/docs/oauth2-redirect", "/redoc"):
        pass  # FastAPI's API explorer pages load their own scripts
    else:
        headers["Content-Security-Policy"] = API
    return headers
