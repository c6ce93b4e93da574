"""Tables: how one is read (a layout container, data read row by row, data too noisy to read
aloud, or a drawing), which of its columns are code, and one data row as the text of one "cell" block.

A drawing is a table whose cells draw lines with characters ("|", "|_____", "+--", "├──", "│")
between short names: a folder tree laid out in cells. Read row by row it is "vertical bar;
vertical bar; default dot HTM" two dozen times; its names read as a list lose which folder holds
which file, the one thing the drawing shows. So it is announced once, by its caption or by what
it draws ("a diagram of folders and files"), and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from narrator.values import Run
from narrator.parse.lines import LINE
from narrator.parse.runs import Piece, make_runs
from narrator.parse.tags import SKIP_TAGS
from narrator.parse.tree import descendants

__all__ = ["Cell", "DRAWING", "DRAWING_FILES", "DRAWN_REASON", "DRAWN_TEXT_REASON", "Table", "code_columns",
           "colspan", "drawing_of", "drawing_sentence", "is_drawn_text", "read_row", "table_kind", "table_summary"]

Cell = tuple[int, int, int, str]  # a cell of a row being read: (column, first piece, colspan, tag)


@dataclass(slots=True)
class Table:
    """A data table being read."""

    headers: list[str] = field(default_factory=list)
    rows: int = 0
    code_cols: frozenset[int] = frozenset()  # columns of code expressions: not read


def colspan(cell: Any) -> int:
    """How many columns a td/th spans (1 to 1,000)."""
    span = cell.attrs.get("colspan") if cell.attrs else None
    try:
        return max(1, min(int(span), 1000)) if span else 1
    except (TypeError, ValueError):
        return 1


def table_summary(table: Any) -> tuple[int, str]:
    """(rows with cells, caption text): what announces a table that is not read."""
    rows = sum(1 for tr in table.find_all("tr") if tr.find(["td", "th"]) is not None)
    cap = table.find("caption")
    return rows, " ".join(cap.get_text().split()) if cap is not None else ""


DRAWING = "drawing"  # context of the block announcing a drawing (DRAWING_FILES: of folders and files)
DRAWING_FILES = "drawing:files"
_BOX = "\u2500-\u257f"  # Unicode box drawing: ─ │ ├ └ ┌ ...
_LEAD = re.compile(rf"^[\s|+\\/`_\-{_BOX}]*")  # the strokes before a cell's name
# "-" alone is a blank in data tables, "+" a diff's added line: neither is a stroke alone
_STROKE = re.compile(rf"[|{_BOX}]|[+`\\]-|_{{3,}}")
_STROKE_CHAR = re.compile(rf"[|+`\\_{_BOX}]")  # what any stroke of _STROKE is made of
_FILE_NAME = re.compile(r"(?:\.\w{1,5}|/)$")  # "default.htm", "src/"
_MAX_NAME = 40  # characters of a name beside the strokes
_MIN_DRAWN = 3  # cells with strokes, at least, and a quarter of the filled ones
DRAWN_REASON = ("a diagram drawn with line-drawing characters in table cells: its lines cannot be said, "
                "and its names read as a list would lose which folder holds which file")
DRAWN_TEXT_REASON = ("a diagram drawn with line-drawing characters in preformatted text: its lines cannot be "
                     "said, and its names read as a list would lose which folder holds which file")


def drawing_of(table: Any) -> str:
    """"" when ``table`` is no drawing, else DRAWING or DRAWING_FILES (its names are files)."""
    drawn = names = files = long = named = 0
    for cell in table.find_all(["td", "th"]):
        text = " ".join(cell.get_text().replace("\xa0", " ").split())
        if not text:
            continue
        lead = _LEAD.match(text)
        rest = text[lead.end():].strip() if lead else text
        short = len(rest) <= _MAX_NAME and len(rest.split()) <= 4
        if lead is not None and _STROKE.search(lead.group()) and short:
            drawn += 1
        elif short:
            names += 1
        else:
            long += 1
        named += bool(rest) and short
        files += bool(rest) and short and _FILE_NAME.search(rest) is not None
    filled = drawn + names + long
    if drawn < _MIN_DRAWN or drawn * 4 < filled or long * 10 > filled:
        return ""
    return DRAWING_FILES if files >= 2 and files * 4 >= named else DRAWING


def is_drawn_text(text: str) -> bool:
    """Is preformatted ``text`` a drawing (a folder tree: "├── src", "|-- main.py" lines between
    names) rather than code? Most lines start with strokes, and every line is short."""
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    drawn = 0
    for line in lines:
        lead = _LEAD.match(line)
        rest = line[lead.end():] if lead else line
        if len(rest) > _MAX_NAME or len(rest.split()) > 4:
            return False
        # a branch: a name after the strokes, not more cells ("| a | b |" is a Markdown table) nor
        # nothing (a result box's "+----+" border draws no branch)
        stroked = lead is not None and _STROKE.search(lead.group()) is not None
        drawn += stroked and bool(rest) and not _STROKE.search(rest)
    return drawn >= _MIN_DRAWN and drawn * 2 >= len(lines)


def drawing_sentence(caption: str, files: bool, lang: str) -> str:
    """The sentence that stands for a drawing: its caption, else what it draws."""
    if lang == "zh":
        what = f"示意图“{caption}”" if caption else ("一幅文件夹和文件的示意图" if files else "一幅用字符画的示意图")
        return f"此处有{what}，不朗读。"
    what = f"The diagram “{caption}”" if caption else (
        "A diagram of folders and files" if files else "A diagram drawn with characters")
    return f"{what} is not read aloud here."


def table_kind(table: Any) -> str:
    """"layout" (a container), "data" (read row by row), "skip" (data noise, e.g. 2,000 numbers)
    or "drawing" (lines drawn with characters between names: a folder tree)."""
    if table.attrs and table.attrs.get("role") in ("presentation", "none"):
        return "layout"
    import bs4

    Tag, NS, Comment = bs4.Tag, bs4.NavigableString, bs4.Comment
    text_len = digits = cells = tiny = empty = longest = 0
    cell_len = -1
    stroked = False  # a line-drawing character somewhere: only then can it be a drawing
    for d in descendants(table):
        if isinstance(d, Tag):
            n = d.name
            if n == "table":
                return "layout"  # nested tables: a page laid out with tables
            if n in ("td", "th"):
                if cell_len >= 0:
                    tiny += 0 < cell_len <= 3
                    empty += cell_len == 0
                    longest = max(longest, cell_len)
                cells += 1
                cell_len = 0
        elif isinstance(d, NS) and not isinstance(d, Comment):
            if isinstance(d.parent, Tag) and d.parent.name in SKIP_TAGS:
                continue
            s = d.strip()
            stroked = stroked or _STROKE_CHAR.search(s) is not None
            text_len += len(s)
            digits += sum(1 for ch in s if ch.isdigit())
            if cell_len >= 0:
                cell_len += len(s)
    if cell_len >= 0:
        tiny += 0 < cell_len <= 3
        empty += cell_len == 0
        longest = max(longest, cell_len)
    # empty cells are blanks to fill in (a form laid out as a table), not data
    filled = cells - empty
    if stroked and filled >= _MIN_DRAWN and longest <= 200 and drawing_of(table):
        return "drawing"
    if cells >= 20 and filled and (digits >= 0.3 * max(text_len, 1) or tiny >= 0.6 * filled):
        return "skip"
    if longest > 1000 or (cells and text_len / cells > 300):
        return "layout"  # long prose in cells: layout, not data
    return "data"


_CODE_TAGS = ("code", "kbd", "samp", "tt", "var")
_IDENTIFIER = re.compile(r"[\w.]+")


def _outer_code(cell: Any) -> list[Any]:
    """The code elements in ``cell`` that are not inside another: the text of a <var> inside a
    <code> is already in the code's (and each element's text is read once, whatever the nesting)."""
    out: list[Any] = []
    stack = list(reversed(cell.contents))
    while stack:
        node = stack.pop()
        if getattr(node, "name", None) in _CODE_TAGS:
            out.append(node)
        elif getattr(node, "contents", None):
            stack.extend(reversed(node.contents))
    return out


def code_columns(table: Any) -> frozenset[int]:
    """Columns of a data table whose non-empty cells are code (all but one in ten) and mostly code expressions
    (operators, calls: "var %= expr", "&mut type"), not names: code is not read, so neither are
    they. A column of identifiers ("RemAssign") is read like inline code in prose."""
    if table.find(_CODE_TAGS) is None:
        return frozenset()  # most tables: no code at all (one look, not a look per cell)
    columns: dict[int, list[str]] = {}  # column -> for each non-empty body cell: prose, expr or name
    for tr in table.find_all("tr"):
        col = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            here, col = col, col + colspan(cell)
            text = " ".join(cell.get_text().split())
            if not text or cell.name == "th":
                continue
            code = [" ".join(c.get_text().split()) for c in _outer_code(cell)]
            rest = text
            for c in code:
                rest = rest.replace(c, "", 1)
            if not code or any(ch.isalnum() for ch in rest):
                kind = "prose"
            else:
                kind = "expr" if any(not _IDENTIFIER.fullmatch(c) for c in code if c) else "name"
            columns.setdefault(here, []).append(kind)
    return frozenset(col for col, kinds in columns.items()
                     if kinds.count("prose") * 10 <= len(kinds) and kinds.count("expr") * 2 >= len(kinds))


def read_row(cells: list[Cell], pieces: list[Piece], table: Table | None,
             in_thead: bool) -> tuple[tuple[Run, ...], tuple[tuple[int, int, int], ...]]:
    """One data-table row (``pieces`` as gathered, ``cells`` where each cell starts in them) as
    the Runs of one "cell" block, and where each cell's label and value are in its text: with a
    header row, "Header: value" pairs. A header row is kept in ``table`` and gives no runs."""
    texts: list[tuple[int, str, list[Piece]]] = []
    for i, (col, start, _w, tag) in enumerate(cells):
        end = cells[i + 1][1] if i + 1 < len(cells) else len(pieces)
        texts.append((col, tag, pieces[start:end]))
    if not texts:
        return (), ()
    plain = [" ".join("".join(p.text for p in ps).split()) for _c, _t, ps in texts]
    is_header = table is not None and table.rows == 0 and (
        all(t == "th" for _c, t, _p in texts) or in_thead)
    if table is not None:
        table.rows += 1
    if is_header and table is not None:
        table.headers = [""] * (max(c for c, _t, _p in texts) + 1)
        for (col, _t, _p), text in zip(texts, plain):
            table.headers[col] = text
        # one header spanning the table is a title, read as a row; real headers label cells
        if sum(1 for h in table.headers if h) >= 2:
            return (), ()
        table.headers = []
    if table is not None and table.code_cols:
        kept = [i for i, t in enumerate(texts) if t[0] not in table.code_cols]
        texts, plain = [texts[i] for i in kept], [plain[i] for i in kept]
    out: list[Piece] = []
    headers = table.headers if table is not None else []
    none: frozenset[str] = frozenset()
    spans: list[tuple[int, int, int]] = []  # where each cell's label and value are in the text
    length = 0
    for (col, _t, ps), text in zip(texts, plain):
        if not text:
            continue
        ps = [Piece(r.text.replace(LINE, " "), r.marks, r.lang, r.emotion, r.math) for r in make_runs(ps)]
        if out:
            out.append(Piece("; ", none, None, None))
            length += 2
        start = length
        head = headers[col] if col < len(headers) else ""
        if head and head != text:
            out.append(Piece(head + ": ", none, None, None))
            length += len(head) + 2
        value = length
        out.extend(ps)
        length += sum(len(p.text) for p in ps)
        spans.append((start, value, length))
    runs = make_runs(out)
    if sum(len(r.text) for r in runs) != length:
        spans = []  # whitespace was collapsed across cells: show the row as one cell
    return runs, tuple(spans)
