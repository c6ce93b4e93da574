"""Jupyter notebooks exported to HTML: nbconvert (classic and lab templates, nbgrader feedback)
and Jupyter Book / MyST-NB pages built from notebooks.

What a listener hears is the notebook's prose: its markdown cells, with their headings as the
chapters, formulas, and the outputs that are lesson text (rendered markdown, LaTeX, HTML tables).
Taken out here, each with its reason:

- the prompts "In [2]:" / "Out[6]:" (execution counters of the kernel);
- the pilcrow / "#" links a heading carries to itself;
- error tracebacks and warnings printed to stderr (a program's error report);
- nbgrader's cell labels and scores ("Grade cell: squares", "Score: 0.0 / 1.0", "(Top)") and the
  score summary on top of a feedback page (a grader's comment is kept: a person wrote it).

Code cells and text outputs are ``<pre>`` blocks that the walker leaves out unless ``read_code``
is on (it names them as code); images of outputs without a description are reported by it too.
"""

from __future__ import annotations

import re
from typing import Any

from narrator.parse import sources as _sources
from narrator.parse.sources import Facts, Source
from narrator.values import Block, Skipped

__all__ = ["Notebook"]

# classic template: div.prompt.input_prompt / .output_prompt; lab: .jp-InputPrompt / .jp-OutputPrompt
_PROMPTS = ".prompt, .input_prompt, .output_prompt, .jp-InputPrompt, .jp-OutputPrompt"
# nbconvert's pilcrow link, Sphinx / Jupyter Book's "#" link
_ANCHORS = "a.anchor-link, a.headerlink"
_ERRORS = (".output_error, .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], "
           "div.output.traceback, div.output.error")
_STDERR = ".output_stderr, div.output.stderr"
_SCORE = re.compile(r"\bScore:\s*\d")
# nbconvert writes the notebook's file stem as <title> (unless the notebook sets a title): one
# token with a digit, "_", "-", "." or a lower-case start ("problem1", "lorenz", "HW_2"); a
# capitalised word such as "Stoichiometry" may be a title its author chose
_FILE_NAME = re.compile(r"^(?:[a-z][\w.-]*|[\w.-]*[\d_.-][\w.-]*)(?:\.ipynb)?$")


class Notebook(Source):
    """An nbconvert export or a page of a Jupyter Book built from a notebook."""

    name = "notebook"

    @classmethod
    def maybe(cls, facts: Facts) -> bool:
        return facts.any_class("jp-Notebook", "cell", "jp-Cell") or facts.any_id("jb-print-docs-body")

    @classmethod
    def detect(cls, soup: Any) -> bool:
        body = soup.body
        if body is not None and "jp-Notebook" in (body.get("class") or []):
            return True
        # a notebook's cells: nbconvert classic or lab, MyST-NB (Jupyter Book)
        return soup.select_one("div.cell.text_cell, div.cell.code_cell, div.jp-Cell, "
                               "div.cell > div.cell_input, #jb-print-docs-body") is not None

    def prepare(self, soup: Any) -> list[Skipped]:
        out: list[Skipped] = []
        out += _sources.take_out(soup.select(_PROMPTS), "notebook prompt",
                        "the execution counter of a code cell (In [n]: / Out[n]:), not lesson text")
        out += _sources.take_out(soup.select(_ANCHORS), "heading link", "the ¶ or # link a heading carries to itself")
        out += _sources.take_out(soup.select(_ERRORS), "error traceback",
                        "a program's error report printed by a code cell, not lesson text")
        out += _sources.take_out(soup.select(_STDERR), "program warnings",
                        "warnings a code cell printed (stderr), not lesson text")
        out += self._nbgrader(soup)
        return out

    @staticmethod
    def _nbgrader(soup: Any) -> list[Skipped]:
        """nbgrader feedback: labels and scores go, the grader's comments stay."""
        cells = soup.select(".nbgrader_cell")
        if not cells:
            return []
        out = _sources.take_out([h for c in cells for h in c.select(":scope > .panel-heading")],
                       "grading label", "nbgrader's name and score of a graded cell, not lesson text")
        summary = [h for h in soup.select(".panel-heading")
                   if _SCORE.search(h.get_text()) and h.select_one("#toc, ol, h1, h2, h3, h4")]
        out += _sources.take_out(summary, "score summary", "the feedback page's list of scores, not lesson text")
        for footer in soup.select(".nbgrader_cell .panel-footer"):
            # the walker takes a "footer" class for page chrome: this one is the grader's words
            footer["class"] = [c for c in footer.get("class") or [] if c != "panel-footer"] + ["grader-note"]
        return out

    def title(self, soup: Any, blocks: list[Block]) -> str | None:
        # nbconvert's <title> is the notebook's file name; its first h1 is the title its author wrote
        if soup.select_one("#jb-print-docs-body, div.cell > div.cell_input") is not None:
            return None  # a Jupyter Book page: <title> holds "Page — Book", the parser finds the page
        first = next((b for b in blocks if b.kind == "heading" and b.text.strip()), None)
        if first is not None and first.level == 1:
            return " ".join(first.text.split())
        head = soup.find("title")
        if head is not None and _FILE_NAME.match(head.get_text().strip()):
            return ""  # "problem1": the notebook's file name, never a title to say
        return None

