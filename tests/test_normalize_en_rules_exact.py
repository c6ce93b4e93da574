"""English normalisation rule by rule, exactly as a listener hears it (narrator.normalize.en):
phone numbers (with an area code in brackets too), dates of every shape and the impossible ones,
versions and addresses, ranges and scores, decades, clock times, money with and without a minor
unit, percentages, angles and temperatures, primes, powers of ten, ordinals, sizes and measures,
fractions of a portion, multipliers, Roman numerals after a cue or a king's name, numbered
abbreviations, streets and saints, symbols, identifiers and years against counts."""

from __future__ import annotations

import pytest

from helpers import assert_said
from narrator.normalize.en import normalize_en


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


def _check(cases: list[tuple[str, str]]) -> None:
    assert_said(normalize_en, cases)


def test_phone_numbers_are_read_digit_by_digit() -> None:
    _check([
        ("(555) 123-4567", "five five five, one two three, four five six seven"),
        ("call (555) 123-4567 now", "call five five five, one two three, four five six seven now"),
        ("Call (555)123-4567.", "Call five five five, one two three, four five six seven."),
        ("+1 555-123-4567", "plus one, five five five, one two three, four five six seven"),
        ("see (2) and (1998)", "see (two) and (nineteen ninety eight)"),  # brackets alone: no phone
    ])


def test_dates() -> None:
    _check([
        ("2016-02-29", "february twenty ninth twenty sixteen"),
        ("2016-13-01", "two zero one six, one three, zero one"),   # no 13th month: digits
        ("11/02/2016", "november second twenty sixteen"),
        ("13/02/2016", "the thirteenth of february twenty sixteen"),  # no 13th month: day first
        ("02/13/16", "february thirteenth sixteen"),
        ("1.2.2034", "january second twenty thirty four"),
        ("1.2.34", "one point two point thirty four"),          # a section number
        ("1-2-34", "one, two, three four"),
        ("due 5/6", "due may sixth"),
        ("Monday 4/27", "Monday april twenty seventh"),
        ("4/27–5/3", "april twenty seventh to may third"),
        ("1/2–3/4", "one half–three quarters"),                 # no number past 12: fractions
        ("after 1/2 an hour", "after one half an hour"),
        ("Jan 5, 2020", "january fifth twenty twenty"),
        ("May 5", "may fifth"), ("may 5", "may five"),           # "you may 5": no date
        ("Sept. 9th 2001", "september ninth two thousand and one"),
        ("March 2020", "march twenty twenty"),
        ("the 5 May 2020", "the fifth of may twenty twenty"), ("5 May", "the fifth of may"),
        ("40 May", "forty May"),
        ("Q3 2021", "the third quarter of twenty twenty one"),
        ("500 BC and 1066 AD and 300 B.C.E.", "five hundred BC and ten sixty six AD and three hundred BCE."),
    ])


def test_versions_addresses_and_serials() -> None:
    _check([
        ("3.14.2 and 192.168.1.1 and 1.300.2.3",
         "three point fourteen point two and one hundred and ninety two dot one hundred and sixty eight dot "
         "one dot one and one point three hundred point two point three"),
        ("978-0-13-110362-7", "nine seven eight, zero, one three, one one zero three six two, seven"),
        # a part number after its letters: no range inside it ("A one-two to three")
        ("Room A1-2-3", "Room A one, two, three"), ("kit XR12-3-4", "kit XR one two, three, four"),
        ("0x1F now", "hex one F now"),
    ])


def test_ranges_scores_and_subtractions() -> None:
    _check([
        ("1-2=5", "one minus two equals five"), ("1980-86", "nineteen eighty to eighty six"),
        ("2000–2010", "two thousand to twenty ten"), ("10-12", "ten to twelve"), ("12-10", "twelve - ten"),
        ("$5–$10", "five dollars to ten dollars"), ("5pm-7pm", "five PM to seven PM"),
        ("pp. 10–12", "pages ten to twelve"),
    ])


def test_decades_and_plurals() -> None:
    _check([("1980s and '90s and 500s and 1990 s", "nineteen eighties and nineties and five hundreds and nineteen nineties")])


def test_clock_times() -> None:
    _check([
        ("21:51:31", "twenty one hours fifty one minutes and thirty one seconds"),
        ("1:01:01", "one hour one minute and one second"),
        ("3:00", "three o'clock"), ("3:00 pm", "three PM"), ("3:05", "three oh five"),
        ("3:30 PM EST", "three thirty PM EST"), ("3:75", "three to seventy five"), ("5pm", "five PM"),
        ("5.30pm", "five thirty PM"), ("10 am", "ten AM"), ("12:00 a.m.", "twelve AM"), ("16:9", "sixteen to nine"),
    ])


def test_money() -> None:
    _check([
        ("$5", "five dollars"), ("$1", "one dollar"), ("$0.01", "one cent"), ("$1.50", "one dollar and fifty cents"),
        ("$2.99/mo", "two dollars and ninety nine cents per month"), ("$5 million", "five million dollars"),
        ("€3.5bn", "three point five billion euros"), ("£1.005", "one point zero zero five pounds"),
        ("¥500", "five hundred yen"), ("US$3", "three US dollars"), ("5€", "five euros"), ("1¢", "one cent"),
        ("50¢", "fifty cents"),
    ])


def test_percentages_angles_and_temperatures() -> None:
    _check([
        ("30%", "thirty percent"), ("-5%", "minus five percent"), ("+3 %", "plus three percent"),
        ("45° 30′ 15″ N", "forty five degrees thirty minutes fifteen seconds north"),
        ("1° 1′ 1″", "one degree one minute one second"), ("5°C", "five degrees Celsius"),
        ("-10°F", "minus ten degrees Fahrenheit"), ("1°", "one degree"), ("45 °N", "forty five degrees north"),
        ("90℃", "ninety degrees Celsius"), ("5′ 3″", "five minutes three seconds"), ("1ʰ", "one hour"),
        ("5'11\"", "five feet eleven inches"),
    ])


def test_powers_of_ten_and_ordinals() -> None:
    _check([
        ("1e6", "one times ten to the power six"), ("2.5E-3", "two point five times ten to the power minus three"),
        ("1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 101st 111th",
         "first second third fourth eleventh twelfth thirteenth twenty first twenty second one hundred and first "
         "one hundred and eleventh"),
        ("4rd", "four rd"),   # a wrong suffix: as written
    ])


def test_sizes_and_measures() -> None:
    _check([
        ("2x4", "two by four"), ("1920×1080 px", "one thousand nine hundred and twenty by one thousand and eighty pixels"),
        ("1.5×10", "one point five times ten"), ("3x3x3 m", "three by three by three meters"),
        ("5 kg", "five kilograms"), ("1 kg", "one kilogram"), ("a 5-kg bag", "a five kilogram bag"),
        ("10 m²", "ten square meters"), ("10 m2", "ten square meters"), ("5 m³", "five cubic meters"),
        ("9.8 m/s²", "nine point eight meters per second squared"), ("12 kg/m³", "twelve kilograms per cubic meter"),
        ("100 km/h", "one hundred kilometers per hour"), ("5 in.", "five inches."), ("20/mo", "twenty per month"),
        ("3 Ω", "three ohms"), ("3 ℎ", "three hours"), ("2.5M", "two point five million"), ("3bn", "three billion"),
        ("10+", "ten plus"), ("50x faster", "fifty times faster"), ("y = 2x", "y = two x"),
    ])


def test_fractions() -> None:
    _check([
        ("1/2 cup", "half a cup"), ("1/2 hour", "half an hour"), ("3/4 inch", "three quarters of an inch"),
        ("2/3 page", "two thirds of a page"), ("1/2", "one half"), ("3/4", "three quarters"), ("1/1", "one over one"),
        ("5/0", "five over zero"), ("4 1/2", "four and a half"), ("4 1/4", "four and a quarter"),
        ("4 3/8", "four and three eighths"), ("24/7", "twenty four seven"), ("50/50", "fifty fifty"),
        ("1/10th", "one tenth"), ("½", "one half"), ("2½", "two and a half"), ("1 ⅝", "one and five eighths"),
    ])


def test_roman_numerals() -> None:
    _check([
        ("Chapter IV", "Chapter four"), ("Chapter I think", "Chapter I think"), ("Part I", "Part one"),
        ("Type I error", "Type one error"), ("World War II", "World War two"), ("Henry VIII", "Henry the Eighth"),
        ("Mary I love", "Mary I love"), ("Elizabeth II", "Elizabeth the Second"), ("Rocky II.", "Rocky two."),
        ("Final Fantasy VII", "Final Fantasy seven"), ("MIX", "MIX"), ("Sam and I", "Sam and I"),
        ("Vol. III", "volume three"),
    ])


def test_abbreviations_and_symbols() -> None:
    _check([
        ("No. 4", "number four"), ("Fig. 3", "figure three"), ("Eq. (2)", "equation two"),
        ("St. Louis", "Saint Louis"), ("1428 Elm St.", "fourteen twenty eight Elm Street"), ("Dr. Smith", "Doctor Smith"),
        ("e.g. this", "for example this"), ("etc.", "et cetera."), ("etc. The", "et cetera. The"),
        ("i.e. that", "that is that"), ("Mr. Smith", "mister Smith"), ("w/o sugar", "without sugar"),
        ("401(k)", "four oh one k"), ("#5", "number five"), ("~5", "about five"), ("§ 5", "section five"),
        ("§§ 5", "sections five"), ("© 2020", "copyright twenty twenty"), ("№ 5", "number five"),
        ("Acme® and Acme ®", "Acme and Acme registered"), ("Tom & Jerry", "Tom and Jerry"),
    ])


def test_identifiers_codes_and_signs() -> None:
    _check([
        ("covid-19", "covid nineteen"), ("A380", "A three eight zero"), ("B12", "B twelve"), ("0x", "zero times"),
        ("007 agent", "zero zero seven agent"), ("PIN 1234", "PIN one two three four"),
        ("ID: 5678", "ID: five six seven eight"), ("1234567890", "one two three four five six seven eight nine zero"),
        ("-5", "minus five"), ("+5", "plus five"), ("−5", "minus five"), ("(−2)", "(minus two)"), ("a-2", "a two"),
    ])


def test_a_four_digit_number_is_a_year_or_a_count() -> None:
    _check([
        ("1998", "nineteen ninety eight"), ("in 1998", "in nineteen ninety eight"),
        ("1500 students", "one thousand five hundred students"), ("2048 bytes", "two thousand and forty eight bytes"),
        ("has 1024 entries", "has one thousand and twenty four entries"), ("1998 was", "nineteen ninety eight was"),
        ("1998 sees", "nineteen ninety eight sees"),
    ])
