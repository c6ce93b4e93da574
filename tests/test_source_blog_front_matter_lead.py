"""Blog posts: front matter running on into the first paragraph is found after what comes before
its first words in the element (a comment, a line break before an inline element): only the front
matter goes, the paragraph's sentence stays."""

from __future__ import annotations

import pytest

from narrator.config import ParseConfig
from narrator.parse import parse_html

TOML = '+++\ntitle = "Rates"\n+++'  # 23 characters


@pytest.mark.parametrize("lead", ["<!-- generated -->", "\n", "\n<!-- x -->\n"])
def test_the_running_on_sentence_stays_after_a_comment_or_a_line_break(lead: str) -> None:
    html = (f"<html><body><div class='content'><p>{lead}<span>{TOML}\nThe body text.</span></p>"
            "<p>More.</p></div></body></html>")
    doc = parse_html(html.encode(), "post.html", ParseConfig())
    assert [b.text for c in doc.chapters for b in c.blocks] == ["Rates", "The body text.", "More."]
    assert [(s.source, s.what, s.chars) for s in doc.skipped] == [("p", "template markup", 23)]
