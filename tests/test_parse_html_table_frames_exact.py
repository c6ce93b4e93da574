"""What a data table's own elements give besides its rows (narrator/parse/html.py): words loose in
the table or its body, a block placed between rows, the table's voice and language reaching every
row through <tbody>, footer rows, and rows wrapped in another element."""

from __future__ import annotations

from narrator.config import ParseConfig
from narrator.parse import parse_html

ROWS = "<tr><td>Item a</td><td>3 apples</td></tr><tr><td>Item b</td><td>5 apples</td></tr>"
READ = ["Item a; 3 apples", "Item b; 5 apples"]
TABLE = "body > table:nth-of-type(1)"


def blocks(markup: str) -> list[tuple[str, int, str, str]]:
    doc = parse_html(markup.encode(), "dir/lesson.html", ParseConfig())
    return [(b.kind, b.level, b.text, b.source) for c in doc.chapters for b in c.blocks]


def test_words_loose_in_a_table_or_its_body_are_a_cell_of_it() -> None:
    assert blocks(f"<table>Loose words{ROWS}</table>") == [
        ("cell", 0, "Loose words", TABLE),
        ("cell", 0, READ[0], TABLE + " > tr:nth-of-type(1)"), ("cell", 0, READ[1], TABLE + " > tr:nth-of-type(2)")]
    body = TABLE + " > tbody:nth-of-type(1)"
    assert blocks(f"<table><tbody>Loose words{ROWS}</tbody></table>") == [
        ("cell", 0, "Loose words", body),
        ("cell", 0, READ[0], body + " > tr:nth-of-type(1)"), ("cell", 0, READ[1], body + " > tr:nth-of-type(2)")]


def test_a_block_between_a_tables_rows_is_a_cell_of_it() -> None:
    assert blocks(f"<table><div>A note in the table</div>{ROWS}</table>")[0] == (
        "cell", 0, "A note in the table", TABLE + " > div:nth-of-type(1)")


def test_the_tables_voice_and_language_reach_its_rows_through_its_body() -> None:
    doc = parse_html(f'<table data-emotion="warm" lang="fr"><tbody>{ROWS}</tbody></table>'.encode(), "x.html",
                     ParseConfig())
    assert [(b.text, b.emotion, b.lang) for c in doc.chapters for b in c.blocks] == [
        (READ[0], "warm", "fr"), (READ[1], "warm", "fr")]


def test_footer_rows_are_rows_read_with_the_column_names() -> None:
    table = (f"<table><thead><tr><th>Name</th><th>Count</th></tr></thead><tbody>{ROWS}</tbody>"
             "<tfoot><tr><td>Total</td><td>8 apples</td></tr></tfoot></table>")
    assert [b[2:] for b in blocks(table)] == [
        ("Name: Item a; Count: 3 apples", TABLE + " > tbody:nth-of-type(1) > tr:nth-of-type(1)"),
        ("Name: Item b; Count: 5 apples", TABLE + " > tbody:nth-of-type(1) > tr:nth-of-type(2)"),
        ("Name: Total; Count: 8 apples", TABLE + " > tfoot:nth-of-type(1) > tr:nth-of-type(1)")]


def test_rows_wrapped_in_another_element_are_still_rows() -> None:
    # a wrapper round the rows (a <div>, a <section>): each row is read whole, with the column names
    head = "<tr><th>Name</th><th>Count</th></tr>"
    for wrapper in ("div", "section"):
        table = f"<table>{head}<{wrapper}>{ROWS}</{wrapper}></table>"
        assert [b[2] for b in blocks(table)] == ["Name: Item a; Count: 3 apples", "Name: Item b; Count: 5 apples"]
    assert [b[2:] for b in blocks(f"<table><tbody><div>{ROWS}</div></tbody></table>")] == [
        (READ[0], TABLE + " > tbody:nth-of-type(1) > div:nth-of-type(1) > tr:nth-of-type(1)"),
        (READ[1], TABLE + " > tbody:nth-of-type(1) > div:nth-of-type(1) > tr:nth-of-type(2)")]
