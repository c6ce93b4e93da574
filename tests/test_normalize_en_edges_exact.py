"""English normalisation at the edges of its rules, exactly (narrator.normalize.en): the last
minute of an hour and the first impossible one, "oh" before a single-digit minute, cents and
whole amounts, the singular at one, every compass point and vulgar fraction, unit powers and
"per", Roman numerals' values and their cues, the years 1100 and 2099, and the spaces kept or
collapsed around what was said."""

from __future__ import annotations

import pytest

from helpers import assert_said
from narrator.normalize.en import normalize_en


pytestmark = pytest.mark.usefixtures("said_afresh")  # conftest.py: no reading cached by another test


def _check(cases: list[tuple[str, str]]) -> None:
    assert_said(normalize_en, cases)


def test_clock_edges() -> None:
    _check([
        ("24:00", "twenty four o'clock"), ("3:59", "three fifty nine"), ("3:60", "three to sixty"),
        ("3:10", "three ten"), ("5.05pm", "five oh five PM"), ("5.00pm", "five PM"), ("5.10pm", "five ten PM"),
        ("3:30 pm gmt", "three thirty PM GMT"), ("3:30 p.m. e.s.t", "three thirty PM EST"),
    ])


def test_money_edges() -> None:
    _check([
        ("$0", "zero dollars"), ("$.50", "fifty cents"), ("$1.5", "one dollar and fifty cents"), ("$1.00", "one dollar"),
        ("¥1.5", "one point five yen"), ("₩1", "one won"), ("$1,000", "one thousand dollars"),
        ("$5/hr", "five dollars per hour"), ("$1.234", "one point two three four dollars"), ("1€", "one euro"),
    ])


def test_signs_degrees_and_compass_points() -> None:
    _check([
        ("−5%", "minus five percent"), ("−5°C", "minus five degrees Celsius"), ("+5°C", "five degrees Celsius"),
        ("1°F", "one degree Fahrenheit"), ("5°E", "five degrees east"), ("5°W", "five degrees west"),
        ("5°S", "five degrees south"), ("1° 1.5′", "one degree one point five minutes"),
        ("06° 06′", "six degrees six minutes"),
    ])


def test_primes() -> None:
    _check([
        ("1′", "one minute"), ("2ᵈ", "two days"), ("1'2\"", "one foot two inches"), ("5ᵐ", "five minutes"),
        ("3ˢ", "three seconds"), ("1″", "one second"),
    ])


def test_ordinals_and_powers() -> None:
    _check([
        ("2ND", "second"), ("13rd", "thirteen rd"), ("1,000th", "one thousandth"),
        ("1e+5", "one times ten to the power five"), ("3E0", "three times ten to the power zero"),
    ])


def test_sums() -> None:
    _check([
        ("1+2=3", "one plus two equals three"), ("x=5", "x equals five"), ("2*3=6", "two times three equals six"),
        ("6/2=3", "six over two equals three"), ("5−3=2", "five minus three equals two"),
        ("2×3=6", "two times three equals six"),
    ])


def test_fractions_and_vulgar_fractions() -> None:
    _check([
        ("3/2 cup", "three halves cup"), ("1/4 ounce", "one quarter of an ounce"), ("2/2", "two two"),
        ("7/7", "seven seven"), ("¼", "one quarter"), ("¾", "three quarters"), ("⅔", "two thirds"),
        ("⅛", "one eighth"), ("⅜", "three eighths"), ("⅞", "seven eighths"), ("3¾", "three and three quarters"),
    ])


def test_sizes_units_and_per() -> None:
    _check([
        ("2x3 cm", "two by three centimeters"), ("2×10", "two times ten"), ("2×10 cm", "two by ten centimeters"),
        ("2x2 m²", "two by two square meters"), ("5 thousand kg", "five thousand kilograms"),
        ("1 thousand kg", "one thousand kilograms"), ("1 kg/m³", "one kilogram per cubic meter"),
        ("5 km/h²", "five kilometers per hour squared"), ("1-kg", "one kilogram"), ("5 mph", "five miles per hour"),
        ("3 ft", "three feet"), ("1 ft", "one foot"), ("5 mi", "five miles"), ("2 kWh", "two kilowatt hours"),
        ("3 kΩ", "three kilohms"), ("5 cm³", "five cubic centimeters"), ("5 s²", "five seconds squared"),
        ("5 m/s2", "five meters per second squared"), ("5/kg", "five per kilogram"), ("100/day", "one hundred per day"),
        ("(2x", "(two x"), ("=2x", "=two x"),
    ])


def test_hex_eras_and_roman_numerals() -> None:
    _check([
        ("0xff", "hex F F"), ("0x10", "hex one zero"), ("1 A.D", "one AD"), ("Vatican II", "Vatican two"),
        ("Super Bowl XL", "Super Bowl forty"), ("Louis XIV", "Louis the Fourteenth"), ("Henry XL", "Henry XL"),
        ("Paul I", "Paul the First"), ("Paul I said", "Paul I said"), ("Rocky II", "Rocky two"),
        ("Rocky II is", "Rocky II is"), ("Part I.", "Part one."), ("part I", "part I"), ("Type II", "Type two"),
        ("World War I", "World War one"), ("Chapter XLIV", "Chapter forty four"), ("Chapter LXXX", "Chapter eighty"),
    ])


def test_numbered_abbreviations_streets_and_symbols() -> None:
    _check([
        ("Eq. (2a)", "equation two a"), ("Figs. 3", "figures three"), ("p. 5", "page five"), ("Nos. 3", "numbers three"),
        ("approx. 5", "approximately five"), ("on Elm St.", "on Elm Street"), ("on Mulholland Dr.", "on Mulholland Drive"),
        ("Dr. Who", "Doctor Who"), ("vs. them", "versus them"), ("approx.", "approximately."), ("e.g.", "for example."),
        ("etc. the", "et cetera the"), ("® at start", "registered at start"), ("Acme™", "Acme"),
        ("ACME ™ now", "ACME trademark now"),
    ])


def test_letters_and_digits_and_digit_cues() -> None:
    _check([
        ("B747", "B seven four seven"), ("A0", "A zero"), ("A05", "A zero five"), ("3D", "three D"),
        ("COVID19", "COVID nineteen"), ("ext. 1234", "ext. one two three four"), ("tel 1234", "tel one two three four"),
        ("card 1234", "card one two three four"),
        ("123456789", "one hundred and twenty three million four hundred and fifty six thousand seven hundred and "
                      "eighty nine"),
    ])


def test_the_years_a_four_digit_number_may_be() -> None:
    _check([
        ("in 1099", "in one thousand and ninety nine"), ("in 1100", "in eleven hundred"),
        ("in 2099", "in twenty ninety nine"), ("in 2100", "in two thousand one hundred"),
        ("1998 has", "nineteen ninety eight has"), ("(1998)", "(nineteen ninety eight)"),
    ])


def test_months_and_impossible_days() -> None:
    _check([
        ("Apr 31", "april thirty first"), ("31 Apr", "the thirty first of april"),
        ("Feb. 29, 2020", "february twenty ninth twenty twenty"), ("Jan-05", "january fifth"),
        ("32 Jan", "thirty two Jan"), ("0 Jan", "zero Jan"),
    ])


def test_spaces_around_what_is_said() -> None:
    _check([(" 5 kg", " five kilograms"), ("5  kg and  6", "five kg and six")])


def test_user_abbreviations_are_said_first() -> None:
    assert normalize_en("The LMS has 5 units", {"LMS": "L M S"}) == "The L M S has five units"
    assert normalize_en("The LMS is here", {"LMS": "L M S"}) == "The L M S is here"   # no digit, still said
    assert normalize_en("The XLMS is here", {"LMS": "L M S"}) == "The XLMS is here"  # a whole word only
    assert normalize_en("No. 4", {"No.": "numero"}) == "numero four"                 # before the built-in rule


def test_an_address_has_four_parts_of_three_digits_up_to_255() -> None:
    _check([
        ("255.255.255.0", "two hundred and fifty five dot two hundred and fifty five dot two hundred and fifty five dot zero"),
        ("256.1.1.1", "two hundred and fifty six point one point one point one"),
        ("1.0255.1.1", "one point two hundred and fifty five point one point one"),
    ])


def test_a_short_date_is_a_date_only_when_it_can_be_one() -> None:
    cases = [  # (written, month first, day first)
        ("due 5/6", "due may sixth", "due the fifth of june"),
        ("due 5/1", "due may first", "due the fifth of january"),
        ("due 1/5", "due january fifth", "due the first of may"),
        ("due 12/5", "due december fifth", "due the twelfth of may"),
        ("due 13/5", "due thirteen fifths", "due the thirteenth of may"),
        ("due 5/31", "due may thirty first", "due five thirty firsts"),
        ("due 5/32", "due five thirty seconds", "due five thirty seconds"),
        # a range is of dates only with a number past 12 in it
        ("4/12–5/3", "four twelfths–five thirds", "four twelfths–five thirds"),
        ("4/13–5/3", "april thirteenth to may third", "four thirteenths–five thirds"),
    ]
    wrong = [(w, normalize_en(w), normalize_en(w, day_first=True), a, b) for w, a, b in cases
             if (normalize_en(w), normalize_en(w, day_first=True)) != (a, b)]
    assert not wrong, wrong


def test_every_compass_point_after_minutes_and_a_third() -> None:
    _check([
        ("10° 5′ S", "ten degrees five minutes south"), ("10° 5′ E", "ten degrees five minutes east"),
        ("10° 5′ W", "ten degrees five minutes west"), ("⅓", "one third"),
    ])


def test_a_lower_case_may_or_mar_before_a_year_is_the_month() -> None:
    _check([("in may 2020", "in may twenty twenty"), ("mar 2020", "march twenty twenty")])


def test_a_quarters_year_of_two_or_four_digits() -> None:
    # two digits are read as written, a leading zero included; four as a year
    _check([("1Q05", "the first quarter of zero five"), ("2Q2021", "the second quarter of twenty twenty one")])


def test_numeric_dates_at_their_limits() -> None:
    _check([
        ("12/05/2016", "december fifth twenty sixteen"), ("01/01/2016", "january first twenty sixteen"),
        ("01/31/2016", "january thirty first twenty sixteen"),
        ("13/13/2016", "one three, one three, two zero one six"),   # no such month either way
        ("01/32/2016", "zero one, three two, two zero one six"),   # no such day
        ("to mar 5", "to mar five"), ("may 5, 2020", "may fifth twenty twenty"), ("Jan 32", "Jan thirty two"),
        ("1 May", "the first of may"),
    ])
    # day first (en-GB) only when the second number can be a month
    assert normalize_en("05/12/2016", day_first=True) == "the fifth of december twenty sixteen"
    assert normalize_en("05/13/2016", day_first=True) == "may thirteenth twenty sixteen"


def test_a_clock_that_cannot_be_a_time_says_every_part() -> None:
    _check([
        ("25:00", "twenty five to zero zero"), ("1:00:59", "one hour zero minutes and fifty nine seconds"),
        ("1:00:60", "one to zero zero to sixty"),     # its seconds were dropped
        ("3:75 pm", "three to seventy five PM"), ("3:75 EST", "three to seventy five EST"),
    ])


def test_a_measure_after_a_range_of_fractions_and_streets_after_an_ordinal() -> None:
    _check([
        ("3/16–5/16 inch", "three sixteenths–five sixteenths of an inch"),   # fractions, not dates
        ("on 1st Elm St.", "on first Elm Street"), ("iPad Elm St.", "iPad Elm Street"),
    ])


def test_an_ordinal_after_a_dash_starts_a_new_part_not_a_range() -> None:
    _check([("SISAP 2017 – 10th International Conference", "SISAP twenty seventeen – tenth International Conference")])
