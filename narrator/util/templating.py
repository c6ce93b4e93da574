"""The one jinja2 environment factory: the player page and captions (HTML, autoescaped) and
the request templates of the generic HTTP engine (plain text, strict)."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def environment(kind: str = "html") -> Any:
    """``html``: templates/ with autoescape on. ``text``: string templates, no escaping,
    undefined names are errors (a typo in a request template must not send an empty field)."""
    import jinja2

    if kind == "html":
        loader = jinja2.FileSystemLoader(str(resources.files("narrator.publishing") / "templates"))
        env = jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape(["html", "j2"]),
                                 undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    elif kind == "text":
        env = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined,
                                 keep_trailing_newline=True)
    else:
        raise ValueError(kind)
    env.filters["clock"] = clock
    env.filters["tojson_compact"] = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return env


def clock(seconds: float) -> str:
    """A duration as people read it: ``m:ss``, or ``h:mm:ss`` from an hour on."""
    total = max(0, round(float(seconds)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
