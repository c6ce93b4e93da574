"""Baidu Baike (百度百科) entries, as saved from a browser (the classic ``lemmaWgt`` page).

Recognised by the entry's own parts: the title widget ``dd.lemmaWgt-lemmaTitle-title`` or the
summary ``div.lemma-summary`` together with the basic-information box (``basicInfo-item``).

What is heard: the entry's title (its <h1>), the summary, the basic information as one line per
fact ("国籍：新加坡"), every section with its heading as the site shows it, the entry's own
tables and lists, and the cited sources as notes at the end (each "[14-15]" mark in the text points
to its notes, and is not read). What is not heard, each with its reason in the skip report: the
site around the entry (search bar, flowers, statistics, side panels, footer, tags), the
contents list (目录), the "编辑" / "锁定" / "讨论" buttons, the entry name the site prefixes,
hidden, to every section heading, picture-album links, and the invitation to edit the entry
("立即前往>>").

Links to other entries (``/item/...``) are the entry's words: they are read as text, so a fact
such as "生肖：虎" is not taken for a line of links.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.parse import sources
from narrator.parse.sources import Facts, Source
from narrator.values import Skipped

__all__ = ["Baike"]

# (CSS selector, what, reason): the entry's furniture inside the article
_FURNITURE: tuple[tuple[str, str, str], ...] = (
    (".lemmaWgt-lemmaCatalog, .lemma-catalog", "table of contents",
     "the entry's list of sections (目录): each section is heard as it comes"),
    (".edit-icon, .j-edit-link, .lock-lemma, .lemma-discussion, .add-subLemma",
     "edit link", "the site's 编辑 / 锁定 / 讨论 button beside a heading or the title"),
    ("span.title-prefix", "heading prefix",
     "the entry's name, hidden by the site, in front of each section heading"),
    ("a.lemma-album, .album-list, .summary-pic", "picture album",
     "a link to the entry's photo albums: a picture and a count, nothing to read"),
    (".go-auth-box, .go-auth-con", "site notice",
     "Baidu Baike's invitation to edit the entry ('立即前往>>'), not the entry's text"),
    (".musicHot-header", "content source label",
     "the logo line of the music service the song list comes from"),
    (".lemma-reference dd.toggle, .expand-text, .collapse-text, .toggle-button", "control label",
     "the label of a show/hide control ('展开全部', '收起')"),
    ("table.musicHot-table td.item-index", "list number",
     "the rank printed before each song of a song list: the order is heard"),
    ("#open-tag, .open-tag", "entry tags", "the site's category tags of the entry (词条标签)"),
    (".rs-container-top, .rs-container-foot, .configModuleBanner, "
     "[class*='lemmaWgt-promotion']", "advertisement", "the site's promotion slots"),
    ("dl.lemma-reference dt.reference-title", "notes heading",
     "the sources (参考资料) are read together with the other notes, at the end"),
    ("dl.lemma-reference .reference-item > span.index, dl.lemma-reference a.gotop",
     "note number", "the number and back link of a cited source: its mark in the text is not read "
     "either"),
)
_ENTRY_LINK = re.compile(r"^(?:https?://baike\.baidu\.com)?/(?:item|view)/")
_SUP = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


class Baike(Source):
    """A Baidu Baike entry page."""

    name = "baike"

    def __init__(self) -> None:
        self._root: Any = None
        self._title = ""

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        return facts.any_class("lemmaWgt-lemmaTitle-title", "lemma-summary")

    @classmethod
    def detect(cls, soup: Any) -> bool:
        return (soup.select_one("dd.lemmaWgt-lemmaTitle-title, div.lemma-summary") is not None
                and soup.select_one(".basicInfo-item, .lemmaWgt-lemmaTitle, .lemma-reference") is not None)

    def prepare(self, soup: Any) -> list[Skipped]:
        root = soup.select_one("div.main-content") or soup.select_one("div.lemma-summary")
        if root is None:
            return []
        out: list[Skipped] = []
        h1 = soup.select_one("dd.lemmaWgt-lemmaTitle-title h1")
        summary = soup.select_one("div.lemma-summary")
        if summary is not None and not any(p is root for p in summary.parents) and summary is not root:
            root.insert(0, summary.extract())
        if h1 is not None:
            self._title = " ".join(h1.get_text().split())
            root.insert(0, h1.extract())
        out += _outside(root)
        for css, what, reason in _FURNITURE:
            out += sources.take_out(root.select(css), what, reason)
        for a in root.find_all("a", href=_ENTRY_LINK):
            a.unwrap()  # another entry's name is this entry's text
        for a in root.select("dl.lemma-reference a.text"):
            a.unwrap()  # a cited source's title is the note's text, not a link to weigh
        _basic_info(soup, root)
        _note_marks(soup, root)
        for lst in root.select("dl.lemma-reference ul.reference-list"):
            lst["class"] = [*(lst.get("class") or []), "references"]  # read as notes (parse/notes.py)
        self._root = root
        return out

    def root(self, soup: Any) -> Any | None:
        return self._root

    def title(self, soup: Any, blocks: list[Any]) -> str | None:
        return self._title or None


def _outside(root: Any) -> list[Skipped]:
    """Everything around the entry, level by level up to <body>: the site's page."""
    out: list[Skipped] = []
    node = root
    while node.parent is not None and node.name not in ("body", "html", "[document]"):
        around = [s for s in node.parent.find_all(recursive=False)
                  if s is not node and s.name not in ("script", "style", "link", "meta", "noscript")]
        out += sources.take_out(around, "page chrome", "outside the encyclopedia entry: the site's "
                                "search bar, side panels, statistics and footer")
        node = node.parent
    return [s for s in out if s.chars]  # empty wrappers: nothing a listener could miss


def _basic_info(soup: Any, root: Any) -> None:
    """The basic-information box: each name/value pair becomes one line, "国籍：新加坡" (the
    site pads two-character names with spaces to line them up: "国    籍")."""
    for box in root.select("div.basic-info"):
        names = box.select("dt.basicInfo-item")
        if not names:
            continue
        lines = []
        for dt in names:
            dd = dt.find_next_sibling("dd")
            name = _SPACES.sub("", dt.get_text())
            if dd is None or not dd.get_text(strip=True) or not name:
                continue
            p = soup.new_tag("p")
            p.append(name + "：")
            for br in dd.find_all("br"):
                br.replace_with("、")
            for child in list(dd.contents):
                p.append(child.extract())
            lines.append(p)
        box.clear()
        for p in lines:
            box.append(p)


def _note_marks(soup: Any, root: Any) -> None:
    """A mark "[14-15]" (``sup.sup--normal``) becomes one linked "[n]" per source, the form the
    walker takes for a footnote reference: not read, its notes found by their ids."""
    ids: dict[str, str] = {}
    for li in root.select("dl.lemma-reference li.reference-item[id]"):
        m = _SUP.search(str(li["id"]))
        if m:
            ids.setdefault(m.group(), str(li["id"]))
    for sup in root.select("sup.sup--normal"):
        numbers = [int(n) for n in _SUP.findall(str(sup.get("data-sup") or sup.get_text()))]
        if len(numbers) == 2 and numbers[0] < numbers[1] <= numbers[0] + 50:
            numbers = list(range(numbers[0], numbers[1] + 1))  # "14-15" is a range of sources
        marks = []
        for n in numbers:
            mark = soup.new_tag("sup")
            link = soup.new_tag("a", href="#" + ids.get(str(n), f"reference-{n}"))
            link.string = f"[{n}]"
            mark.append(link)
            marks.append(mark)
        for mark in marks:
            sup.insert_before(mark)
        sup.decompose()
    for a in root.select("a.sup-anchor"):
        if not a.get_text(strip=True):
            a.decompose()  # the mark's empty anchor: a space before the 。 that follows
