"""parse_html's ``tick`` on a whole web page (narrator/parse/__init__.py): every pass over the
page counts its elements, so a job server's stop request is served within about 1,000 nodes of
whatever pass is running, not only once the walk starts."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html


class Ticks:
    """A ``tick`` that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1


def test_each_pass_over_a_web_page_ticks_for_every_thousand_nodes() -> None:
    n = 2000
    paragraphs = "".join(f"<p>Sentence {i}.</p>" for i in range(n))
    page = (f'<html><head><title>T</title></head><body><div id="main"><h1>Big</h1>{paragraphs}</div>'
            "<script>x</script></body></html>")  # a script: a web page, cut to its main content
    ticks = Ticks()
    doc = parse_html(page.encode(), "page.html", ParseConfig(), tick=ticks)
    assert sum(len(c.blocks) for c in doc.chapters) == n + 1
    # each paragraph is one step of the tree's build, one of the link count, two of the main
    # content's search (bottom-up, then top-down) and three of the walk (element, text, its end):
    # 7 x 2,000 steps at least, a tick every 1,000 (a pass without ticks would give 12 or fewer)
    assert ticks.calls >= 7 * n // 1000
