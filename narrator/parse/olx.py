"""Open edX course export (OLX) files -> HTML: a ``<problem>``, ``<html>`` or ``<vertical>``
component as the learner sees it in the LMS.

A component's text is HTML inside Open edX's own XML elements. The problem's title
(``display_name``) is its heading, its question and the solution it shows after "Show answer"
are read where they stand, the choices of a choice group are a list and a drop-down's are
said in a row. What is no text is
marked for the Open edX source (sources/lms.py), which reports it: the answer widgets
(``data-olx-widget``: text lines, drop-downs, drawing tools) and the grading (``data-olx-grading``:
the answer-checking script, hint feedback shown after an answer). A ``correct`` attribute is
never carried over. An XML file whose root is no OLX element is refused, and so is a pointer
file of an export (``<html filename="intro"/>``, a ``<vertical>`` listing only ``url_name``
children): its error names the files that hold the content, which are never opened from here
(a lesson names no file for narrate to read).
"""

from __future__ import annotations

import re
from typing import Any

from narrator.errors import BadInput
from narrator.text import one_line
from narrator.values import Skipped

__all__ = ["OLX_ROOTS", "olx_to_html"]

OLX_ROOTS = frozenset(("problem", "html", "vertical", "sequential", "chapter", "course", "library",
                       "library_content", "split_test", "conditional", "unit"))
# where a learner answers: Open edX's input types (capa inputtypes)
_WIDGETS = frozenset(("textline", "formulaequationinput", "textbox", "schematic", "imageinput", "jsinput",
                      "crystallography", "vsepr_input", "chemicalequationinput", "editamolecule",
                      "editageneinput", "designprotein2dinput", "annotationinput", "drag_and_drop_input",
                      "matlabinput", "filesubmission", "codeinput", "choicetextgroup", "numericalinput",
                      "stringinput", "javascriptinput", "drag-and-drop-v2"))
# how an answer is checked, and feedback shown only after an answer
_GRADING = frozenset(("answer", "responseparam", "additional_answer", "stringequalhint", "hintgroup",
                      "correcthint", "choicehint", "optionhint", "compoundhint", "booleanresponse",
                      "regexphint", "numericalhint", "formulahint"))
_RENAME = {"choicegroup": "ul", "checkboxgroup": "ul", "choice": "li", "label": "p", "description": "p",
           "hint": "p", "solution": "div", "demandhint": "div", "text": "div"}
# what an export calls a container that only names its parts
_CONTAINERS = {"vertical": "unit", "unit": "unit", "sequential": "subsection", "chapter": "section"}
_NAMED_PARTS = 4  # file names an error lists before "and N more"
_PY_SCRIPT = re.compile(r"python|loncapa", re.IGNORECASE)
_OPTIONS = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")


def olx_root(data: bytes) -> Any:
    """The parsed XML (lxml), or None when ``data`` is not well-formed XML. Entities are not
    expanded, no DTD or network resource is loaded (a lesson is untrusted input)."""
    from lxml import etree  # type: ignore[import-untyped]

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


class OlxHtml(bytes):
    """An OLX component as HTML, with what was left out of it (``skipped``)."""

    skipped: tuple[Skipped, ...] = ()


def olx_to_html(root: Any, path: str) -> OlxHtml:
    """The OLX element ``root`` (from :func:`olx_root`) as HTML bytes, the entity references
    left unread in ``skipped``; BadInput when it is no OLX element."""
    from lxml import etree  # type: ignore[import-untyped]

    tag = _local(root)
    if tag not in OLX_ROOTS:
        raise BadInput(path, f"cannot read .xml: <{one_line(tag, 40)}> is not an Open edX course (OLX) "
                             "element; narrate reads .xml files of Open edX course exports")
    pointer = _pointer(root, tag)
    if pointer:
        raise BadInput(path, pointer)
    unread: dict[str, int] = {}  # entity reference -> times met
    for el in list(root.iter()):
        if el.tag is etree.Entity:  # a DTD's own entity, never expanded in the text (nor read as "&e;")
            ref = one_line(el.text or "&?;", 40)
            unread[ref] = unread.get(ref, 0) + 1
            _remove_keeping_tail(el)
        elif isinstance(el.tag, str):
            _convert(el)
    html = OlxHtml(b"<!DOCTYPE html><html><body>" + etree.tostring(root, method="html", encoding="utf-8")
                   + b"</body></html>")
    # one line per entity, however often it is used (a file may use one thousands of times)
    html.skipped = tuple(Skipped(ref if n == 1 else f"{ref} ({n} times)", "XML entity",
                                 "an entity the file declares for itself is not expanded in its text")
                         for ref, n in unread.items())
    return html


def _pointer(root: Any, tag: str) -> str:
    """Why ``root`` is an export's pointer file, naming where its content is ("" when it has text
    of its own or names no file)."""
    if "".join(t for t in root.itertext() if isinstance(t, str)).strip():
        return ""
    own = _target(root, tag)
    children = [el for el in root if isinstance(el.tag, str)]
    if own and not children:
        return f"an Open edX pointer to {own}: narrate that file"
    parts = [t for t in (_target(el, _local(el)) for el in children) if t]
    if not parts:
        return ""
    named = ", ".join(parts[:_NAMED_PARTS]) + (f" and {len(parts) - _NAMED_PARTS} more"
                                                if len(parts) > _NAMED_PARTS else "")
    what = _CONTAINERS.get(tag, f"<{one_line(tag, 40)}>")
    return f"an Open edX {what} that only names its parts ({named}): narrate those files"


def _target(el: Any, tag: str) -> str:
    """The export file an empty element points to: <html filename="x"> -> html/x.html,
    <problem url_name="q1"> -> problem/q1.xml ("" for none)."""
    if len(el):
        return ""
    filename = one_line(el.get("filename") or "", 80)
    if tag == "html" and filename:
        return f"html/{filename}" + ("" if filename.endswith(".html") else ".html")
    url_name = one_line(el.get("url_name") or "", 80)
    return f"{one_line(tag, 40)}/{url_name}.xml" if url_name else ""


def _remove_keeping_tail(el: Any) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _local(el: Any) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def _convert(el: Any) -> None:
    """Rename one OLX element to the HTML that shows it (in place)."""
    from lxml import etree  # type: ignore[import-untyped]

    name = _local(el)
    attrs = dict(el.attrib)
    el.attrib.clear()
    if name in _WIDGETS:
        el.tag = "div"
        el.set("data-olx-widget", name)
        return
    if name in _GRADING or (name == "script" and _PY_SCRIPT.search(attrs.get("type", ""))):
        el.tag = "div"
        el.set("data-olx-grading", name)
        return
    if name == "optioninput":
        # a drop-down: its choices as the learner sees them, "USA, Germany, England", from its
        # <option> elements (without their hints) or its options="('USA','Germany')"
        choices = [" ".join((o.text or "").split()) for o in el if _local(o) == "option"] or [
            m.group(1) or m.group(2) or "" for m in _OPTIONS.finditer(attrs.get("options", ""))]
        for child in list(el):
            el.remove(child)
        el.tag = "span"
        el.set("data-olx", name)
        el.text = " " + ", ".join(c for c in choices if c) + " "
        return
    if name in OLX_ROOTS or name.endswith("response") or name in _RENAME:
        el.tag = _RENAME.get(name, "div")
        el.set("data-olx", name)
        if name == "solution":
            el.set("class", "solution")
        if name in OLX_ROOTS:
            for key in ("display_name", "url_name"):  # how sources/lms.py knows an OLX element
                if key in attrs:
                    el.set(key, attrs[key])
            if name == "problem" and attrs.get("display_name", "").strip():
                heading = etree.Element("h2")  # the LMS shows a problem's name as its heading
                heading.text = attrs["display_name"].strip()
                heading.tail, el.text = el.text, None
                el.insert(0, heading)
        return
    el.tag = name  # HTML inside the component: as written, without its namespace
    for key, value in attrs.items():
        if key != "correct" and "}" not in key:
            el.set(key, value)
