"""Issue 18, items 1, 2 and 5 for English: numbers, units, money, dates, times, Roman numerals,
symbols and abbreviations said as a teacher says them (narrator.normalize).

NeMo's own English test cases (../shared/tn/nemo/en, or $NARRATOR_TN) are run here: skipped without
them, failing under CI. The cases judged wrong in the suite itself (a matter of taste, or
against the issue's own conventions) are listed in SUITE_WRONG and count as failures."""

from __future__ import annotations

import os
import random
import re
import unicodedata
from pathlib import Path

import pytest

from corpus import TN_CASES
from narrator.normalize import normalize
from narrator.script.planner import spoken_text


SUITE = TN_CASES

# written -> why the suite's reading is not the one narrate wants (counted as failures)
SUITE_WRONG = {
    "13000": "read digit by digit by NeMo; a teacher says thirteen thousand",
    "123000": "read digit by digit by NeMo; a teacher says one hundred twenty three thousand",
    "3 cc/s": "NeMo says 'per S'; /s after a unit is per second",
    "4.4x": "NeMo says 'x'; the issue wants 50x as 'fifty times'",
    "80 s": "NeMo says 'S'; 80 s after a number is eighty seconds",
    "45º&C": "NeMo says 'forty five degree' (singular)",
    "111st": "NeMo reads digit by digit here but '21th' as 'twenty one th': inconsistent",
    "from 2-10": "NeMo says 'two - ten'; a teacher says 'from two to ten'",
    "2-5": "NeMo says 'two - five'; the issue wants 10-12 as 'ten to twelve'",
    "2x8": "NeMo says 'two x eight'; dimensions are 'two by eight'",
    "170 - 45190": "NeMo reads 45190 digit by digit",
    "Sam II": "NeMo says 'Sam second'; a regnal number is 'the second', else a cardinal",
    "C. S. Lewis": "NeMo joins initials ('CS'); the scorer cannot tell 'C S' from 'CS'",
    # a URL is said as its site (issue 18: "URLs (said as their host)"); NeMo spells it all
    **{url: "NeMo spells the whole URL; a teacher says the site" for url in (
        "http://www.ourdailynews.com.sm", "https://www.ourdailynews.com.sm", "www.ourdailynews.com.sm",
        "www.ourdailynews.com/123-sm", "ourdailynews.com/12-sm",
        "https://developer.nvidia.com/drive-sim-early-access-program",
        "https://developer.nvidia.com/cv-cuda/early-access", "https://www.nvidia.com/dgx-basepod",
        "https://www.nvidia.com/dgx-basepod.sm/3", "http://www.nvidia.com/rtx-6000",
        "https://www.nvidia.com/dgx-basepod/")},
    "file:///c/code/NeMo/docs/build/html/processing/intro.html": "a local file is said as its path",
    "file:///photos/image.jpg": "a local file is said as its path (and .jpg is J P G, not 'jpeg')",
    "sdf@gmail.com/123-sm": "an e-mail address has no path: the rest is said as text",
    "sdf@gmail.abc/123-sm": "an e-mail address has no path: the rest is said as text",
    "sdf@gmail.abc/123456-sm": "an e-mail address has no path: the rest is said as text",
    "test.abc": ".abc is no top-level domain: a word with a full stop",
    "ourdailynews.abc": ".abc is no top-level domain: a word with a full stop",
    "rtxprohelp@exchange.nvidia.com": "NeMo splits the name into words; narrate cannot know them",
    "enterpriseservices@nvidia.com": "NeMo splits the name into words; narrate cannot know them",
}


def _comparable(s: str) -> str:
    """The issue's comparison: case, punctuation and the English "and" ignored."""
    s = unicodedata.normalize("NFKC", s).lower()
    s = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in s)
    return " ".join(w for w in s.split() if w != "and")


def _cases() -> list[tuple[str, str, str]]:
    folder = SUITE / "en"
    if not folder.is_dir():
        message = f"NeMo test cases not found at {folder} (set NARRATOR_TN)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    cases = []
    for path in sorted(folder.glob("test_cases_*.txt")):
        for line in path.read_text("utf-8").splitlines():
            if "~" in line:
                written, spoken = line.split("~", 1)
                cases.append((path.stem.removeprefix("test_cases_"), written, spoken))
    return cases


def test_nemo_english_suite_at_least_95_percent() -> None:
    """Every case, as the engine gets it (links, addresses and paths are the planner's), passes
    unless judged wrong in the suite, and at least 95 % of the cases other than addresses pass."""
    cases = _cases()
    wrong = [(w, spoken_text(w), e) for _, w, e in cases if _comparable(spoken_text(w)) != _comparable(e)]
    assert len(cases) > 300
    unexpected = [x for x in wrong if x[0] not in SUITE_WRONG]
    assert not unexpected, unexpected  # every case not judged wrong in the suite passes
    # the share, judged cases counted as failures, on all but the addresses (the "electronic"
    # class: URLs said as their site by the issue's choice, so NeMo's spelled URLs cannot match)
    spoken = [c for c in cases if c[0] != "electronic"]
    share = 1 - sum(1 for w, _, _ in wrong if any(w == c[1] for c in spoken)) / len(spoken)
    assert share >= 0.95, share


def test_nemo_cases_are_idempotent() -> None:
    for _, written, _ in _cases():
        once = normalize(written, "en")
        assert normalize(once, "en") == once, written


# the English rows of issue 18's table, and the classes the issue names
@pytest.mark.parametrize("written, said", [
    ("100 ms", "one hundred milliseconds"),
    ("21.5 kg", "twenty one point five kilograms"),
    ("3 V", "three volts"),
    ("1000 Hz", "one thousand hertz"),
    ("10 kΩ", "ten kilohms"),
    ("5 µm", "five micrometers"),
    ("1 kg", "one kilogram"),
    ("50x", "fifty times"),
    ("HTTP 500s", "HTTP five hundreds"),
    ("10–12", "ten to twelve"),
    ("pp. 10–12", "pages ten to twelve"),
    ("pg. 109", "page one hundred and nine"),
    ("114º", "one hundred and fourteen degrees"),
    ("114°", "one hundred and fourteen degrees"),
    ("24′ 06″", "twenty four minutes six seconds"),
    ("03ʰ 36ᵐ", "three hours thirty six minutes"),
    ("Add 3/4 cup of flour", "Add three quarters of a cup of flour"),
    # a day without its year: only where a date is plain; otherwise a fraction
    ("Our second assignment (4/27–5/3)", "Our second assignment (april twenty seventh to may third)"),
    ("Midterm on 5/6", "Midterm on may sixth"), ("Monday, 4/27: quiz", "Monday, april twenty seventh: quiz"),
    ("Use 1/2–3/4 cup", "Use one half–three quarters of a cup"), ("5/6 of them", "five sixths of them"),
    ("drills 3/16–5/16 inch", "drills three sixteenths–five sixteenths of an inch"),
    ("due 13/45", "due thirteen forty fifths"),
    ("after 1/2 an hour", "after one half an hour"), ("Since 3/4 of students", "Since three quarters of students"),
    ("Sat 1/2 of the time", "Sat one half of the time"), ("until 3/4 cup", "until three quarters of a cup"),
    ("1/2 hour", "half an hour"),
    ("1/3 of the class", "one third of the class"),
    ("a 50/50 chance", "a fifty fifty chance"),
    ("revenue of 2.5M dollars", "revenue of two point five million dollars"),
    ("about 3bn people", "about three billion people"),
    ("a 4×4 grid", "a four by four grid"),
    ("3×4=12", "three times four equals twelve"),
    ("11/02/2016", "november second twenty sixteen"),
    ("2009-03-31", "march thirty first two thousand and nine"),
    ("63–120 %", "sixty three to one hundred and twenty percent"),
    ("+35%", "plus thirty five percent"),
    ("29:1", "twenty nine to one"),
    ("Sheet No. 4", "Sheet number four"),
    ("e.g. this", "for example this"),
    ("i.e. that", "that is that"),
    ("Fig. 3", "figure three"),
    ("Eq. (2)", "equation two"),
    ("cats vs. dogs", "cats versus dogs"),
    ("38°C", "thirty eight degrees Celsius"),
    ("1st and 22nd", "first and twenty second"),
    ("1/2", "one half"),
    ("3/4", "three quarters"),
    ("1980-1986", "nineteen eighty to nineteen eighty six"),
    ("1998", "nineteen ninety eight"),
    ("in 2005", "in two thousand and five"),
    ("1980s", "nineteen eighties"),
    ("'90s", "nineties"),
    ("3:30 pm", "three thirty PM"),
    ("21:51:31", "twenty one hours fifty one minutes and thirty one seconds"),
    ("$1,925.21", "one thousand nine hundred and twenty five dollars and twenty one cents"),
    ("£5", "five pounds"),
    ("€20/mo", "twenty euros per month"),
    ("$0.05", "five cents"),
    ("5 ft 3 in", "five feet three inches"),
    ("12 lb", "twelve pounds"),
    ("60 mph", "sixty miles per hour"),
    ("100 km/h", "one hundred kilometers per hour"),
    ("98.6°F", "ninety eight point six degrees Fahrenheit"),
    ("a 5-kg bag", "a five kilogram bag"),
    ("Henry VIII", "Henry the Eighth"),
    ("Chapter IV", "Chapter four"),
    ("World War II", "World War two"),
    ("card ending in 8876", "card ending in eight eight seven six"),
    ("call 555-123-4567", "call five five five, one two three, four five six seven"),
    ("Dr. Lee", "Doctor Lee"),
    ("1428 Elm St.", "fourteen twenty eight Elm Street"),
    ("St. Louis", "Saint Louis"),
    ("approx. 5 kg", "approximately five kilograms"),
    ("apples, pears, etc.", "apples, pears, et cetera."),
    ("§ 4", "section four"),
    ("#1 hit", "number one hit"),
    ("©2024 Acme™", "copyright twenty twenty four Acme"),
    ("R&D", "R and D"),
    ("-40°F", "minus forty degrees Fahrenheit"),
    ("version 3.14.2", "version three point fourteen point two"),
    # an ordinal after a dash starts a new part of a reference: no range (issue 19)
    ("SISAP 2017 – 10th International Conference", "SISAP twenty seventeen – tenth International Conference"),
    ("pp. 188–203", "pages one hundred and eighty eight to two hundred and three"),
])
def test_issue_rows(written: str, said: str) -> None:
    assert normalize(written, "en") == said


@pytest.mark.parametrize("text", [
    "Sam and I went home.", "In this lesson I show the proof.", "Part I think is easy.", "MIX the CIVIL war",
    "I", "Washington DC", "Type C", "you may go", "Mary I love you", "x² + y² = r²", "H₂O", "√x",
])
def test_words_and_maths_left_alone(text: str) -> None:
    assert normalize(text, "en") == text


def test_roman_numbers_and_the_pronoun() -> None:
    assert normalize("Type I error", "en") == "Type one error"
    assert normalize("Elizabeth I.", "en") == "Elizabeth the First."
    assert normalize("PART XL", "en") == "PART forty"
    assert normalize("Rocky II.", "en") == "Rocky two."


def test_day_first_english() -> None:
    assert normalize("11/02/2016", "en-GB") == "the eleventh of february twenty sixteen"
    assert normalize("15/01/2020", "en") == "the fifteenth of january twenty twenty"


def test_superscripts_and_speak_symbols_output() -> None:
    # before speak_symbols: a power stays for it; after it: its digits are said
    assert normalize("3×10⁻⁴", "en") == "three×ten⁻⁴"
    assert normalize("x to the power 12", "en") == "x to the power twelve"
    assert normalize("41,459.00 km³", "en") == "forty one thousand four hundred and fifty nine point zero zero cubic kilometers"


def test_user_abbreviations() -> None:
    assert normalize("ST 5", "en", abbreviations={"ST": "state"}) == "state five"
    assert normalize("the ST office", "en", abbreviations={"ST": "state"}) == "the state office"
    assert normalize("the ST office", "en") == "the ST office"
    assert normalize("STEM", "en", abbreviations={"ST": "state"}) == "STEM"


def test_text_without_digits_is_returned_as_it_is() -> None:
    prose = ["Lorem ipsum dolor sit amet, consectetur adipisicing elit.",
             "The cell membrane controls what enters and leaves.", "什么是光合作用？", ""]
    for text in prose:
        assert normalize(text, "en") is text


def test_no_digit_is_left() -> None:
    for text in ["a1b2c3", "x86-64", "1.2.3.4.5.6", "12:34:56:78", "3/0", "9" * 40, "1,2,3", "v2.0-rc1"]:
        assert not re.search(r"[0-9]", normalize(text, "en")), text


def test_fuzz_never_raises_and_is_idempotent() -> None:
    alphabet = "0123456789 .,:;-–/+%$£€°º′″ʰᵐ²³xXkmgsVHzΩµ&#§©®™~()'IVXLCM aeiouAStDrNoFigpp"
    rng = random.Random(18)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        once = normalize(text, "en")
        assert isinstance(once, str)
        assert normalize(once, "en") == once, (text, once)


def test_other_languages() -> None:
    # a French voice says its own numbers: English words would be worse than the digits
    assert normalize("Il a 5 ans", "fr") == "Il a 5 ans"
    assert normalize("温度是38°C", "zh") == "温度是三十八摄氏度"  # zh.py's
    assert normalize("It is 38°C", "en-GB") == "It is thirty eight degrees Celsius"


def test_abbreviations_from_narrate_toml(tmp_path: Path) -> None:
    from narrator.config import load_config
    from narrator.errors import ConfigError

    path = tmp_path / "narrate.toml"
    path.write_text('[abbreviations.en]\n"ST" = "state"\n', "utf-8")
    table = load_config(path).abbreviations["en"]
    assert normalize("ST 5", "en", abbreviations=table) == "state five"
    path.write_text('[abbreviations]\nen = 5\n[abbreviations.EN1]\nx = "y"\n[abbreviation.en]\n', "utf-8")
    with pytest.raises(ConfigError) as problem:
        load_config(path)
    message = str(problem.value)
    assert "[abbreviations.en] expected a table" in message
    assert "[abbreviations.EN1] unknown language" in message
    assert "did you mean 'abbreviations'" in message


def test_importing_the_package_loads_no_rules() -> None:
    import subprocess
    import sys

    code = ("import sys, narrator.normalize; "
            "print('num2words' in sys.modules, 'narrator.normalize.en' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.split() == ["False", "False"]


def test_a_caret_that_starts_no_exponent_is_left_to_the_maths() -> None:
    assert normalize(r"x^\ast and 5 kg", "en") == r"x^\ast and five kilograms"  # it once recursed forever
