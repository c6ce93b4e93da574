"""Maths words for Finnish, German, French and Spanish lessons (narrator/script/maths_words.py),
exactly: an English reading as maths.py makes it, said with the table's words; the lesson's own
words, Greek letter names and unit symbols kept; None when an English word would be left; the
written form for a voice reading symbols. Expected values are the table's rows put together by hand."""

from __future__ import annotations

import pytest

from narrator.script.maths_words import neutral, translate


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


@pytest.mark.parametrize("english, lang, source, said", [
    # the longest phrase wins: "is less than or equal to", not "is less than" then "or equal to"
    ("x is less than or equal to y", "de", r"x \le y", "x ist kleiner oder gleich y"),
    ("x is less than y", "fr", "x < y", "x est inférieur à y"),
    ("x is greater than or equal to y", "es", r"x \ge y", "x es mayor o igual que y"),
    ("x squared plus 1", "fi", "x^2+1", "x toiseen plus 1"),
    # slots are translated too, and their words put where the language puts them
    ("the sum from i equals 1 to n of i", "de", r"\sum_{i=1}^n i", "die Summe von i gleich 1 bis n über i"),
    ("the sum from i equals 1 to n of i", "fi", r"\sum_{i=1}^n i", "summa, alaraja i on yhtä kuin 1, yläraja n, i"),
    ("the integral from 0 to 1 of x squared d x", "es", r"\int_0^1 x^2 dx",
     "la integral desde 0 hasta 1 de x al cuadrado d x"),
    ("the limit as x tends to 0, of f of x", "es", r"\lim_{x\to 0} f(x)", "el límite cuando x tiende a 0 de f de x"),
    ("the maximum over x of f of x", "fi", r"\max_x f(x)", "maksimi yli x, f x"),
    ("the set of x such that x is greater than 0,", "fr", r"\{x \mid x > 0\}",
     "l'ensemble des x tels que x est supérieur à 0"),
    ("the inner product of u and v, plus 1", "de", r"\langle u,v\rangle+1", "das Skalarprodukt von u und v, plus 1"),
    # numbers in a phrase
    ("a 2 by 3 matrix", "de", "", "eine 2 mal 3 Matrix"),
    ("a long formula: f of x equals an expression of 12 terms", "fr", "",
     "une longue formule : f de x égale une expression de 12 termes"),
    ("a polynomial in x of degree 14 with 13 terms", "fi", "", "muuttujan x polynomi, asteluku 14, 13 termiä"),
    ("the 4th derivative of y", "de", "", "die 4. Ableitung von y"),
    ("the n-th derivative of f", "es", "", "la derivada n-ésima de f"),
    ("capital gamma", "de", r"\Gamma", "groß gamma"),
    ("d y by d x", "fr", "", "d y sur d x"),
    ("partial f by partial x", "de", "", "partiell f nach partiell x"),
    ("x maps to y", "fr", "", "x s'envoie sur y"),
    # "the fraction" has no word: the pause before "over" is kept, the trailing one dropped
    ("the fraction a, over b,", "de", "", "a, durch b"),
    ("x, plus y,", "de", "", "x, plus y"),
])
def test_readings_are_said_in_the_lessons_language(english: str, lang: str, source: str, said: str) -> None:
    assert translate(english, lang, source) == said


@pytest.mark.parametrize("lang", ["de-AT", "DE", "de_CH", "De-de"])
def test_a_regional_tag_is_its_language(lang: str) -> None:
    assert translate("x times y", lang, "") == "x mal y"


@pytest.mark.parametrize("lang", ["it", "sv", "en", "zh", "", "d"])
def test_a_language_without_a_table_gets_nothing(lang: str) -> None:
    assert translate("x plus y", lang, "") is None


def test_words_the_lesson_wrote_are_kept() -> None:
    # "in" written in the source stays "in"; not written, it is the table's
    assert translate("x in A", "de", "x in A") == "x in A"
    assert translate("x in A", "de", r"x \in A") == "x Element von A"
    # a phrase is kept only when all of its words are written
    assert translate("x is less than y", "de", "x less y") == "x ist kleiner als y"
    assert translate("Masse in kg", "de", "Masse in kg") == "Masse in kg"
    # a word written only as a command's name (\min) may stay, untranslated
    assert translate("min x", "de", r"\min x") == "min x"
    assert translate("min x", "de", "x") is None
    # a command's name is not a word the formula wrote: \in does not keep "in"
    assert translate("x in A", "fr", r"\in") == "x appartient à A"


def test_greek_names_and_unit_symbols_are_kept() -> None:
    assert translate("alpha plus lambda", "de", "") == "alpha plus lambda"
    assert translate("5 kg plus 2 \u00b5m", "de", "", ("kg",)) == "5 kg plus 2 \u00b5m"
    assert translate("5 kg plus 2 \u00b5m", "de", "") is None  # kg not said by the reading as a unit
    assert translate("5 KG plus 2", "de", "", ("kg",)) == "5 KG plus 2"


def test_an_english_word_left_over_gives_none() -> None:
    assert translate("x frobnicates y", "de", "x ~ y") is None
    assert translate("x frobnicates", "fi", "") is None


@pytest.mark.parametrize("english, lang, said", [
    # a derivative's order: the number in the language's way, the English ending dropped (French
    # and Spanish: "d'ordre 2", "de orden 21"; "2-ième" and "21-ésima" are not written words)
    # (1st, 2nd and 3rd gave None before: their endings were left as English words)
    ("the 2nd derivative of f", "fr", "la dérivée d'ordre 2 de f"),
    ("the 1st derivative of f", "fr", "la dérivée d'ordre 1 de f"),
    ("the 1st derivative of f", "de", "die 1. Ableitung von f"),
    ("the 3rd derivative of y", "fi", "y:n 3. derivaatta"),
    ("the 21st derivative of g", "es", "la derivada de orden 21 de g"),
    ("the 4th derivative of y", "de", "die 4. Ableitung von y"),
])
def test_a_derivatives_order_is_a_number(english: str, lang: str, said: str) -> None:
    assert translate(english, lang, "") == said


def test_a_phrase_inside_a_word_is_not_translated() -> None:
    # "in" inside "sin", "to" inside "total", "or" inside "order" are no phrases
    assert translate("sine of x", "de", "") == "Sinus von x"
    assert translate("x in index", "de", "index") == "x Element von index"
    assert translate("x-in y", "de", "") == "x-in y"  # "in" after a hyphen is part of a word (German has "in")


def test_neutral_spaces_operators_and_drops_tex_marks() -> None:
    assert neutral("x−2=y^{2}+$a$") == "x - 2 = y 2 + a"
    assert neutral("a≤b") == "a ≤ b"
    assert neutral("a≥b≠c≈d±e×f·g⋅h/i<j>k") == "a ≥ b ≠ c ≈ d ± e × f · g ⋅ h / i < j > k"
    assert neutral("  a   b ") == "a b"
    assert neutral("x_1\\,y") == "x 1 ,y"
    assert neutral("") == ""


def test_a_name_written_as_a_capitalised_command_is_kept() -> None:
    assert translate("Pr of A", "de", r"\Pr(A)") == "Pr von A"
    assert translate("Pr of A", "de", "(A)") is None


def test_a_phrase_said_as_nothing_leaves_no_space_before_a_comma() -> None:
    # Finnish has no word for "of": "x of, y" is "x, y", not "x , y"
    assert translate("x of, y", "fi", "") == "x, y"
    # only spaces and commas are trimmed at the ends, never a capital X
    assert translate("X plus Y", "de", "X+Y") == "X plus Y"
