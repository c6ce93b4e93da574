"""A DOI an editor's page took for TeX ("...68474-1_13" has a subscript) is read as the
identifier it is (narrator.script.planner): said "DOI", in its sentence, never as a formula
("ten point one zero zero seven over ...")."""

from __future__ import annotations

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

DOI = "10.1007/978-3-319-68474-1_13"


def test_a_doi_taken_for_a_formula_is_said_doi() -> None:
    runs = (Run("Smith J. Neural nets. Springer, 2018. doi:"), Run(DOI, frozenset({"math"}), math=DOI),
            Run(" Read it."))
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", runs),)),))
    assert [(s.text, s.spoken) for s in plan(doc, Config()).segments] == [
        ("Smith J. Neural nets.", "Smith J. Neural nets."),
        # "2018. doi" ends no sentence (a lower-case word follows); the DOI is one identifier
        (f"Springer, 2018. doi:{DOI} Read it.", "Springer, twenty eighteen. DOI Read it.")]


def said(*runs: Run) -> list[str]:
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", runs),)),))
    return [s.spoken for s in plan(doc, Config()).segments]


def test_a_doi_is_found_however_it_is_written_and_other_formulas_stay_formulas() -> None:
    math = frozenset({"math"})
    # "DOI" in capitals, two runs: "DOI: 10.1007/..." is said by its name alone, as in text
    assert said(Run("DOI: "), Run(DOI, math, math=DOI)) == ["DOI"]
    # a real formula in the same reference is still said as one
    assert said(Run("The "), Run("x2", math, math="x^2"), Run(" law. doi:"), Run(DOI, math, math=DOI)) == [
        "The x squared law. DOI"]
