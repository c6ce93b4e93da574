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
  "1 point possible (graded)", notification boxes) are controls, its question is read.

A Canvas page whose body is Google Docs HTML is read with the Google Docs rules as well.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.values import Block, Skipped
from narrator.parse import sources
from narrator.parse.sources import Facts, Source
from narrator.parse.sources.gdocs import GoogleDocs

__all__ = ["Lms"]

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
_EDX_WIDGETS = (".problem-action-buttons-wrapper", ".action", ".notification", ".problem-progress",
                ".submission-feedback", ".bookmark-button-wrapper", ".sequence-nav", ".unit-navigation",
                "button.bookmark-button", ".problem-header + .sr")
_BB_CHROME = (".contextMenuContainer", "#breadcrumbs", ".attachments", "#pageTitleBar .contextMenu",
              ".details .attachments")


def _text(node: Any) -> str:
    return " ".join(node.get_text().split())


def _kind_of(soup: Any) -> str:
    if soup.find("meta", attrs={"name": "identifier"}) is not None and (
            soup.find("meta", attrs={"name": "workflow_state"}) is not None
            or soup.find("meta", attrs={"name": "editing_roles"}) is not None):
        return "canvas"
    body = soup.body
    classes = " ".join(body.get("class") or ()) if body is not None else ""
    ident = str(body.get("id") or "") if body is not None else ""
    generator = soup.find("meta", attrs={"name": "generator"})
    if ident.startswith("page-mod-") or "path-mod" in classes or (
            generator is not None and "moodle" in str(generator.get("content") or "").lower()):
        return "moodle"
    if soup.find(id="content_listContainer") is not None or soup.find(class_="vtbegenerated") is not None:
        return "blackboard"
    if soup.find(class_="xblock", attrs={"data-block-type": True}) is not None:
        return "openedx"
    return ""


class Lms(Source):
    """A page of an LMS course: the teacher's page without the LMS around it."""

    name = "lms"

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        return ("identifier" in facts.metas or "moodle" in facts.metas.get("generator", "").lower()
                or any(i.startswith("page-mod-") for i in facts.ids)
                or any(c.startswith("path-mod") for c in facts.classes)
                or facts.any_id("content_listContainer") or facts.any_class("vtbegenerated", "xblock"))

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
            out += sources.take_out(soup.select(", ".join(_EDX_WIDGETS)), "problem controls",
                                    "Open edX's buttons, scores and messages around a problem")
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
