"""Whether an SVG file may be published beside the player page.

An SVG is a document, not just a picture: opened on its own (the job server serves
``images/``), its scripts run on the server's origin, and its links and style sheets load other
files. So an SVG is taken only when it can do nothing but draw: no script, foreignObject or
embedded documents, no event-handler attributes, no reference outside itself (links only to
``#fragments`` or raster ``data:image`` URIs, CSS ``url()`` only to fragments, no ``@import``),
no DOCTYPE, entities or processing instructions. It is parsed without resolving entities,
loading DTDs or touching the network, and published byte for byte as it was checked.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

SVG_NS = "http://www.w3.org/2000/svg"

# Elements that run code or embed other documents.
# Elements a browser renders (and runs: <meta refresh>, forms, links) inside an SVG document;
# other namespaces (Inkscape's, RDF metadata) are inert data there.
_LIVE_NAMESPACES = frozenset(("http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML"))
_ACTIVE = frozenset(("script", "foreignobject", "iframe", "embed", "object", "handler", "listener"))
# SMIL elements that can set an attribute (a link's href, an event handler) while it plays.
_ANIMATIONS = frozenset(("set", "animate", "animatetransform", "animatemotion", "animatecolor"))
_RASTER_DATA = re.compile(r"data:image/(png|jpeg|gif|webp)[;,]", re.IGNORECASE)
# Browsers drop these from a URL before reading it ("java\tscript:" is "javascript:").
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]")
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"]*)", re.IGNORECASE)
# CSS functions that take a URL as a plain string.
_CSS_STRING_URLS = re.compile(r"(image-set|image|src)\s*\(", re.IGNORECASE)


def _parser() -> Any:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, recover=False, remove_pis=False, remove_comments=False)


def svg_root(data: bytes) -> Any | None:
    """The root element of ``data`` if it is a well-formed SVG document, else None."""
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError):
        return None
    return root if isinstance(root.tag, str) and root.tag == f"{{{SVG_NS}}}svg" else None


def svg_problem(root: Any) -> str | None:
    """What makes the SVG under ``root`` (from :func:`svg_root`) unsafe to publish, as the end of
    "an SVG that ..."; None if it only draws."""
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        return "declares a DOCTYPE or entities"
    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]
    for node in [*outside, *root.iter()]:
        if isinstance(node, etree._ProcessingInstruction):
            return "has a processing instruction"
        if isinstance(node, etree._Entity):
            return "declares a DOCTYPE or entities"
        if not isinstance(node.tag, str):
            continue  # a comment
        if problem := _element_problem(node):
            return problem
    return None


def _element_problem(node: Any) -> str | None:
    qname = etree.QName(node)
    if qname.namespace in _LIVE_NAMESPACES:  # <h:meta http-equiv="refresh">, forms, images...
        return f"has an HTML or MathML element ({qname.localname[:20]})"
    name = qname.localname.lower()
    if name in _ACTIVE:
        return f"has a {name} element"
    if name == "style" and (problem := _css_problem("".join(node.itertext()))):
        return problem
    for key, value in node.attrib.items():
        attr = etree.QName(key).localname.lower()
        if attr.startswith("on"):
            return f"has an event handler ({attr[:20]})"
        if attr == "href" and not _local_reference(value):
            return "refers to another file or address"
        if name in _ANIMATIONS and attr == "attributename" and \
                (value.strip().lower().endswith("href") or value.strip().lower().startswith("on")):
            return "animates a link or an event handler"
        if (attr == "style" or "url(" in value.lower()) and (problem := _css_problem(value)):
            return problem
    return None


def _local_reference(href: str) -> bool:
    """A link to a part of the SVG itself, or to an embedded raster image."""
    url = _URL_JUNK.sub("", href)
    return url == "" or url.startswith("#") or bool(_RASTER_DATA.match(url))


def _css_problem(css: str) -> str | None:
    if "\\" in css:  # escapes can spell "url(" or "@import" past any check
        return "has escaped CSS"
    if "@import" in css.lower() or _CSS_STRING_URLS.search(css):
        return "loads CSS or images from elsewhere"
    if any(not target.strip().startswith("#") for target in _CSS_URL.findall(css)):
        return "loads CSS or images from elsewhere"
    return None
