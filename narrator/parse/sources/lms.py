"""Course pages from learning management systems: Canvas, Moodle, Blackboard, Open edX.

Each LMS wraps the teacher's page in its own furniture, recognised from the LMS's own markup:

- Canvas course exports (IMS Common Cartridge ``wiki_content`` pages, with Canvas's
  ``identifier``/``workflow_state`` meta tags): a banner at the top that repeats the page title
  beside a logo, and "Click Next to continue" prompts for Canvas's page buttons.
- Moodle pages as saved from the browser: "Skip to main content" links, the navigation drawer,
  blocks and footer around ``#region-main``, activity dates and completion buttons ("Mark as
  done").
- Blackboard content items: the content list (``#content_listContainer``) with its menus and
  "Attached Files" lists.
- Open edX courseware: the unit's xblocks; a problem's widgets (Submit, Save, Show answer,
  "1 point possible (graded)", the notification boxes of a problem) are controls, its question is
  read. The platform's own furniture is never read either: icon-font glyphs (an empty or
  private-use Font Awesome ``<span class="fa fa-check">``, Material Symbols ligatures such as
  ``<span class="material-symbols-outlined">check</span>``) and the screen-reader labels beside
  them, "Bookmark this page", the Previous/Next unit buttons and the labels of Show/Hide toggles.
  An icon that is a table cell's whole content is the cell's value: it is read as what it shows,
  "check mark" or "cross" (a shorter "yes" / "no" would make a table of them look like data noise
  to the walker). These rules are conservative, as they are applied to a lesson: a teacher's own
  ``notification`` or ``action`` box without the platform's buttons, a word in an ``icon`` span
  and a "Next" link to another page are read.
  Open edX is recognised only by its own traces: its courseware markup and ``xblock`` /
  ``xmodule`` classes, its course-export (OLX) attributes (``display_name``, ``url_name``,
  ``data-olx``), ``/jump_to_id/`` links and ``%%USER_ID%%``. A ``/static/`` link or an icon
  class is no such trace: editor HTML (TinyMCE, Markdown output) has them too.
- A bare fragment showing Material Icons / Symbols ligatures (or private-use icon glyphs) without
  loading any font or stylesheet of its own: the glyphs come from the page it is shown in, so
  they are taken out as icons, and nothing else.

A Canvas page whose body is Google Docs HTML is read with the Google Docs rules as well.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.values import Block, Skipped
from narrator.parse import sources
from narrator.parse.chrome import TOGGLE_WORDS
from narrator.parse.sources import Facts, Source
from narrator.parse.sources.gdocs import GoogleDocs

__all__ = ["Lms", "icons"]

# "Click Next to continue", "Select the Next button to go on", "Press Continue to proceed."
_NEXT_PROMPT = re.compile(r"^(?:please\s+)?(?:click|select|press|choose|tap)\s+(?:the\s+)?[\"“']?"
                          r"(?:next|continue)[\"”']?(?:\s+button)?\s+(?:to|and)\s+(?:continue|go on|proceed|"
                          r"move on)[\w ]{0,30}[.!]?$", re.IGNORECASE)
_MOODLE_CHROME = ("#nav-drawer", "#page-header", "#page-footer", "footer#page-footer", ".drawer",
                  "[data-region=drawer]", "[data-region=blocks-column]", "aside.block-region",
                  "#block-region-side-pre", "#block-region-side-post", "nav.navbar", ".activity-navigation",
                  ".secondary-navigation", "#page-navbar", ".breadcrumb")
_MOODLE_ACTIVITY = ("[data-region=activity-information]", ".activity-information", ".completion-info",
                    "[data-region=completion-info]", ".activity-dates", "[data-region=activity-dates]",
                    "form.togglecompletion")
_EDX_WIDGETS = (".problem-action-buttons-wrapper", ".problem-progress", ".submission-feedback",
                ".problem-header + .sr")
# the action bar and message boxes of a problem: generic class names, so only inside a problem
# and only with the platform's own buttons or message span in them
_EDX_PROBLEM = (".problem", "[data-block-type=problem]", "[data-olx=problem]")
_EDX_BOXES = ", ".join(f"{p} .action, {p} .notification" for p in _EDX_PROBLEM)
_EDX_BOOKMARK = ".bookmark-button-wrapper, button.bookmark-button"
_EDX_NAV = (".sequence-nav, .sequence-nav-button, button.button-previous, button.button-next, .sequence-bottom, "
            "nav.sequence-bottom, .unit-navigation, .sequence-navigation")
# Font Awesome (4-6), Bootstrap and Glyphicons, Material Icons / Symbols, edX's own "icon"
_ICON_CLASSES = frozenset(("fa", "fas", "far", "fab", "fal", "fad", "fa-solid", "fa-regular", "fa-brands",
                           "fa-light", "glyphicon", "bi", "icon", "material-icons", "material-icons-outlined",
                           "material-icons-round", "material-icons-sharp", "material-symbols-outlined",
                           "material-symbols-rounded", "material-symbols-sharp"))
_ICON_PREFIXES = ("fa-", "glyphicon-", "bi-")
# only Google's fonts draw a glyph from a ligature, its name as the element's text ("check"); in
# any other icon element a word is text ("<span class="icon">note</span>")
_LIGATURE_CLASSES = frozenset(c for c in _ICON_CLASSES if c.startswith("material-"))
_LIGATURE = re.compile(r"^[a-z0-9_]{1,40}$")
_GLYPH = re.compile(r"^[\ue000-\uf8ff]?$")  # a private-use glyph, or nothing
_SR_ONLY = frozenset(("sr", "sr-only", "visually-hidden", "screen-reader-text", "screenreader-only"))
# what an icon that is a table cell's whole value means
_YES = frozenset(("check", "done", "check_circle", "task_alt", "fa-check", "fa-check-circle", "fa-circle-check",
                  "fa-square-check", "glyphicon-ok", "bi-check", "bi-check-lg", "bi-check-circle"))
_NO = frozenset(("close", "clear", "cancel", "block", "fa-times", "fa-xmark", "fa-close", "fa-circle-xmark",
                 "fa-times-circle", "glyphicon-remove", "bi-x", "bi-x-lg", "bi-x-circle"))
_UNIT_NAV = re.compile(r"^(?:previous|next)(?: (?:unit|page|section))?$", re.IGNORECASE)
_NAV_HINT = re.compile(r"next|prev|sequence|nav")
_BOOKMARK = re.compile(r"^(?:bookmark this page|bookmarked|bookmark)$", re.IGNORECASE)
_BB_CHROME = (".contextMenuContainer", "#breadcrumbs", ".attachments", "#pageTitleBar .contextMenu",
              ".details .attachments")


def _text(node: Any) -> str:
    return " ".join(node.get_text().split())


def _kind_of(soup: Any) -> str:
    """Which LMS wrote the page ("" for none). One pass gathers the page's facts; a search of the
    tree is made only where they say it can find something (a 1 MB page has 40,000 elements)."""
    facts = Facts.of(soup)
    if "identifier" in facts.metas and ("workflow_state" in facts.metas or "editing_roles" in facts.metas):
        return "canvas"
    body = soup.body
    classes = (body.get("class") or ()) if body is not None else ()
    ident = str(body.get("id") or "") if body is not None else ""
    if ident.startswith("page-mod-") or any(c.startswith("path-mod") for c in classes) \
            or "moodle" in facts.metas.get("generator", "").lower():
        return "moodle"
    if facts.any_id("content_listContainer") or facts.any_class("vtbegenerated"):
        return "blackboard"
    if (facts.any_class("xblock") and soup.find(class_="xblock", attrs={"data-block-type": True}) is not None) or (
            not facts.attrs.isdisjoint(("data-usage-id",)) or facts.any_class("xmodule_display", "sequence-nav")
            or facts.any_id("seq_content")) and soup.select_one(
            "[data-usage-id], .course-wrapper #seq_content, .sequence-nav, .xmodule_display") is not None:
        return "openedx"
    if _openedx_component(soup, facts):
        return "openedx"
    if _bare_icon_font(soup, facts):
        return "icons"
    return ""


def _openedx_component(soup: Any, facts: Facts) -> bool:
    """An Open edX course export (OLX) element or a component cut from the LMS or Studio, by
    Open edX's own traces only (a /static/ link or an icon class is in editor HTML too)."""
    if not facts.attrs.isdisjoint(("display_name", "url_name", "data-olx")):
        return True  # OLX: <html display_name="..."> / <problem url_name="...">
    if "head" in facts.tags:
        return False  # whole pages are recognised by their courseware markup (_kind_of)
    if "xblock" in facts.classes or any(c.startswith(("xblock-", "xmodule_")) for c in facts.classes):
        return True
    return ("href" in facts.attrs and soup.select_one('a[href*="/jump_to_id/"]') is not None) \
        or soup.find(string=re.compile("%%USER_ID%%")) is not None


def _bare_icon_font(soup: Any, facts: Facts) -> bool:
    """A fragment without <head> showing icon glyphs (Material ligatures, private-use characters)
    it loads no font or stylesheet for: the page it is shown in draws them."""
    if "head" in facts.tags or "link" in facts.tags or "style" in facts.tags:
        return False
    if _ICON_CLASSES.isdisjoint(facts.classes) and not any(c.startswith(_ICON_PREFIXES) for c in facts.classes):
        return False
    return any(_is_icon(i) and _text(i) for i in soup.find_all(["i", "span"], limit=2000))


class Lms(Source):
    """A page of an LMS course: the teacher's page without the LMS around it."""

    name = "lms"

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        return ("identifier" in facts.metas or "moodle" in facts.metas.get("generator", "").lower()
                or any(i.startswith("page-mod-") for i in facts.ids)
                or any(c.startswith("path-mod") for c in facts.classes)
                or facts.any_id("content_listContainer") or facts.any_class("vtbegenerated", "xblock")
                or not facts.attrs.isdisjoint(("display_name", "url_name", "data-usage-id", "data-olx"))
                or facts.any_class("sequence-nav", "xmodule_display") or facts.any_id("seq_content")
                or "head" not in facts.tags)  # a bare component: detect() looks for Open edX's traces

    @classmethod
    def detect(cls, soup: Any) -> bool:
        return bool(_kind_of(soup))

    def prepare(self, soup: Any) -> list[Skipped]:
        self.lms = _kind_of(soup)
        self._root: Any | None = None
        self._inner: Source | None = GoogleDocs() if GoogleDocs.detect(soup) else None
        out: list[Skipped] = []
        if self.lms == "canvas":
            out += _canvas(soup)
        elif self.lms == "moodle":
            out += sources.take_out(soup.select(", ".join(_MOODLE_ACTIVITY)), "activity controls",
                                    "Moodle's activity dates and completion button, not the page")
            out += sources.take_out([a for a in soup.find_all("a") if str(a.get("href") or "").startswith("#")
                                     and _text(a).lower().startswith("skip to")], "skip link",
                                    "Moodle's link for keyboard users, not the page")
            self._root = soup.select_one("#region-main [role=main]") or soup.select_one("#region-main") \
                or soup.find(attrs={"role": "main"})
            out += sources.take_out(soup.select(", ".join(_MOODLE_CHROME)), "page chrome",
                                    "Moodle's navigation, blocks and footer around the page")
        elif self.lms == "blackboard":
            out += sources.take_out(soup.select(", ".join(_BB_CHROME)), "page chrome",
                                    "Blackboard's menus, breadcrumbs and attached-file lists")
            self._root = soup.find(id="content_listContainer")
        elif self.lms == "openedx":
            out += sources.take_out(soup.select(_EDX_NAV), "unit navigation",
                                    "Open edX's Previous and Next buttons between units")
            out += sources.take_out(soup.select(_EDX_BOOKMARK), "bookmark button",
                                    "Open edX's button to bookmark the page")
            out += sources.take_out(soup.select(", ".join(_EDX_WIDGETS)), "problem controls",
                                    "Open edX's buttons, scores and messages around a problem")
            out += sources.take_out([b for b in soup.select(_EDX_BOXES) if b.find("button") is not None
                                     or b.select_one(".notification-message") is not None], "problem controls",
                                    "Open edX's buttons, scores and messages around a problem")
            out += sources.take_out(soup.select("[data-olx-widget]"), "answer widget",
                                    "where the learner answers a problem (a text line, a drawing tool): "
                                    "a control, not lesson text")
            out += sources.take_out(soup.select("[data-olx-grading]"), "answer checking",
                                    "how Open edX checks an answer, and feedback it shows only after one")
            out += _edx_controls(soup)
            out += icons(soup)
        elif self.lms == "icons":
            out += icons(soup)  # a bare fragment of no LMS: its icon glyphs, nothing else
        if self.lms != "icons":
            out += sources.take_out([p for p in soup.find_all(["p", "div"]) if not p.find(["p", "div"])
                                     and _NEXT_PROMPT.match(_text(p))], "navigation prompt",
                                    "tells the reader to press the LMS's Next button")
        if self._inner is not None:
            out += self._inner.prepare(soup)
        return out

    def root(self, soup: Any) -> Any | None:
        return self._root or (self._inner.root(soup) if self._inner is not None else None)

    def finish(self, blocks: list[Block]) -> list[Block]:
        return self._inner.finish(blocks) if self._inner is not None else blocks

    def title(self, soup: Any, blocks: list[Block]) -> str | None:
        return self._inner.title(soup, blocks) if self._inner is not None else None


def _is_icon(el: Any) -> bool:
    """An icon-font element: an <i> or <span> of an icon font's class whose own text is nothing,
    a private-use character or, for Material Icons / Symbols, a ligature name (any other word in
    such an element is kept)."""
    if el.name not in ("i", "span"):
        return False
    classes = el.get("class") or ()
    if not (_ICON_CLASSES.intersection(classes) or any(c.startswith(_ICON_PREFIXES) for c in classes)):
        return False
    text = _text(el)
    return _GLYPH.match(text) is not None or (
        not _LIGATURE_CLASSES.isdisjoint(classes) and _LIGATURE.match(text) is not None)


def _icon_value(icon: Any) -> str | None:
    """What an icon that is alone in a table cell shows: its own label when it has one, else
    "check mark" or "cross" (in Chinese 对勾 / 叉号); None for any other icon (decoration)."""
    cell = icon.find_parent(["td", "th"])
    if cell is None or _text(cell) != _text(icon):
        return None
    label = icon.get("aria-label") or icon.get("title")
    if isinstance(label, str) and label.strip():
        return label.strip()
    names = {_text(icon), *(icon.get("class") or ())}
    root = icon.find_parent("html")
    chinese = root is not None and str(root.get("lang") or "").lower().startswith("zh")
    if names & _YES:
        return "对勾" if chinese else "check mark"
    if names & _NO:
        return "叉号" if chinese else "cross"
    return None


def icons(soup: Any) -> list[Skipped]:
    """Take out icon-font glyphs (a table cell's check mark or cross is named) and the
    screen-reader labels that stand beside an icon."""
    out: list[Skipped] = []
    found = [el for el in soup.find_all(["i", "span"]) if _is_icon(el)]
    for icon in found:
        if icon.decomposed or icon.parent is None:
            continue
        value = _icon_value(icon)
        nxt = icon.find_next_sibling(True)
        if nxt is not None and _SR_ONLY.intersection(nxt.get("class") or ()) and len(_text(nxt)) <= 40:
            out += sources.take_out([nxt], "icon label", "the screen-reader label of an icon, not lesson text")
        if value is not None:
            icon.replace_with(value)
            continue
        glyph = _text(icon)
        out += sources.take_out([icon], "icon", f"an icon font's glyph{' (' + glyph + ')' if glyph else ''}: "
                                "a picture, not a word")
    return out


def _edx_controls(soup: Any) -> list[Skipped]:
    """Bookmark buttons, Previous/Next unit links and Show/Hide toggle labels, by their words."""
    from narrator.parse.elements import reveals

    out: list[Skipped] = []
    shows = reveals(soup).controls  # toggles of collapsible content: the walker reads what they open
    for el in soup.find_all(["button", "a", "span"]):
        if el.decomposed or el.parent is None:
            continue
        words = _text(el)
        if id(el) in shows:
            if TOGGLE_WORDS.match(words):
                _unbracket(el)
            continue
        # a button, or a link the platform's classes name: a teacher's "Next" link is read
        hints = " ".join(el.get("class") or ()).lower()
        if _BOOKMARK.match(words) and (el.name == "button" or "bookmark" in hints):
            out += sources.take_out([el], "bookmark button", "Open edX's button to bookmark the page")
        elif _UNIT_NAV.match(words) and (el.name == "button" or _NAV_HINT.search(hints) is not None):
            out += sources.take_out([el], "unit navigation", "Open edX's Previous and Next buttons between units")
        elif TOGGLE_WORDS.match(words) and (el.name == "button" or el.get("onclick") or "toggle" in " ".join(
                el.get("class") or ()) or str(el.get("href") or "").startswith(("#", "javascript:"))):
            _unbracket(el)
            out += sources.take_out([el], "toggle label", "the label of a Show/Hide button, not lesson text")
    return out


def _unbracket(el: Any) -> None:
    """Drop the "[" and "]" written around a toggle link ("Hints [show]"), which would be read alone."""
    from bs4 import NavigableString

    before, after = el.previous_sibling, el.next_sibling
    if isinstance(before, NavigableString) and isinstance(after, NavigableString) \
            and before.rstrip().endswith("[") and after.lstrip().startswith("]"):
        before.replace_with(before.rstrip()[:-1].rstrip())
        after.replace_with(after.lstrip()[1:])


def _canvas(soup: Any) -> list[Skipped]:
    """A banner before the page's first heading that repeats the page title (beside a logo)."""
    head = soup.find("title")
    title = _text(head) if head is not None else ""
    body = soup.body or soup
    first_heading = body.find(re.compile(r"^h[1-6]$"))
    if not title or first_heading is None:
        return []
    banners = []
    for el in body.find_all(True):  # document order, up to the heading
        if el is first_heading:
            break
        if el.name in ("table", "div", "p") and el.find_parent("table") is None and _text(el) == title \
                and (el.name == "table" or el.find("img") is not None):
            banners.append(el)
            break
    return sources.take_out(banners, "page banner", "the course's banner: the page title repeated "
                            "beside a logo, before the page's own heading")
