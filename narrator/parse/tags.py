"""The tag names the walk (html.py) sorts elements by: blocks, what is never read and how the
skip report calls it, lists, headings and the containers a block's context remembers."""

from __future__ import annotations

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = frozenset(("address", "article", "aside", "blockquote", "body", "center", "dd", "details",
                        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
                        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
                        "legend", "li", "listing", "main", "menu", "ol", "p", "pre", "section",
                        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption",
                        "xmp", "plaintext"))
SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "head", "title", "meta", "link",
                       "base", "nav", "input", "button", "select", "option", "optgroup", "textarea",
                       "iframe", "object", "embed", "svg", "math", "canvas", "video", "audio", "source",
                       "track", "map", "area", "rt", "rp", "datalist", "output", "progress", "meter",
                       "dialog", "frame", "frameset", "noframes", "applet", "param", "xml", "colgroup",
                       "col"))
LISTS = frozenset(("ul", "ol", "dir", "menu"))
# Skipped elements worth reporting (what a teacher would call them); script, style, head... are not
# content and go unreported.
REPORTED: dict[str, tuple[str, str]] = {
    "nav": ("page navigation", "navigation links"),
    "iframe": ("embedded content", "embedded pages, audio and video cannot be narrated"),
    "object": ("embedded content", "embedded pages, audio and video cannot be narrated"),
    "embed": ("embedded content", "embedded pages, audio and video cannot be narrated"),
    "video": ("video", "audio and video cannot be narrated"),
    "audio": ("audio", "audio and video cannot be narrated"),
    "canvas": ("drawing", "a canvas has no text"),
    "template": ("template markup", "template markup is not shown to readers"),
    "dialog": ("dialog", "a dialog is part of the page's controls"),
    "button": ("form control", "a control label, not lesson text"),
    "select": ("form control", "a control label, not lesson text"),
    "textarea": ("form control", "a control label, not lesson text"),
    "math": ("formula", "formula markup"),
    "svg": ("drawing", "a drawing"),
}
ONLY_WITH_TEXT = frozenset(("template", "dialog", "svg", "canvas", "button", "select", "textarea", "math"))
STRUCK = frozenset(("s", "strike", "del"))
CONTEXT_NAMES = frozenset(("blockquote", "figcaption", "li", "th", "aside", "figure",
                           "caption", "dd", "dt", "pre", "header", "details", "summary"))
UNWRAP_NS = ("o:", "w:", "st1:", "st2:", "m:")  # Word namespaces whose elements hold real text
