"""A source path that passes <html> without <body> (source_paths.css_path): html is the root too."""

from __future__ import annotations

from narrator.parse.source_paths import css_path


def test_html_is_the_root_like_body() -> None:
    assert css_path([("html", 1, None), ("p", 2, None)], "body") == "body > p:nth-of-type(2)"
    assert css_path([("html", 1, None), ("div", 1, None), ("p", 1, None)], "#editor") == \
        "#editor > div:nth-of-type(1) > p:nth-of-type(1)"
