"""Source paths as the manifest and the skip report show them (narrator/parse/source_paths.py)."""

from __future__ import annotations

from narrator.parse.source_paths import MAX_PATH, Step, css_path


def divs(n: int) -> list[Step]:
    return [("div", k + 1, None) for k in range(n)]


def test_the_root_alone_and_an_element_with_an_id() -> None:
    assert css_path([], "body") == "body"
    assert css_path([("div", 1, None), ("p", 2, "intro")], "body") == "#intro"


def test_a_path_starts_at_the_nearest_id_or_at_the_root() -> None:
    assert css_path([("div", 1, "main"), ("section", 1, None), ("p", 3, None)], "body") == \
        "#main > section:nth-of-type(1) > p:nth-of-type(3)"
    assert css_path([("html", 1, None), ("body", 1, None), ("p", 2, None)], "#editor") == "#editor > p:nth-of-type(2)"
    assert css_path([("body", 1, None), ("ul", 2, None), ("li", 4, None)], "body") == \
        "body > ul:nth-of-type(2) > li:nth-of-type(4)"
    # a fragment walked without html and body still starts at the root
    assert css_path([("div", 1, None), ("p", 1, None)], "body") == "body > div:nth-of-type(1) > p:nth-of-type(1)"


def test_a_path_keeps_at_most_max_path_steps() -> None:
    assert MAX_PATH == 8
    assert css_path(divs(7), "body") == " > ".join(["body"] + [f"div:nth-of-type({k})" for k in range(1, 8)])
    assert css_path(divs(8), "body") == " > ".join(f"div:nth-of-type({k})" for k in range(1, 9))
    assert css_path([("div", 1, "top"), *divs(10)], "body") == " > ".join(
        f"div:nth-of-type({k})" for k in range(3, 11))
