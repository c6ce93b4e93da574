"""Print page numbers (pages.py): which elements mark where a printed page starts and the label
each gives, on small hand-written markers of EPUB 3, DPUB-ARIA, DAISY 2.02 and DTBook."""

from __future__ import annotations


from helpers import first_element
from narrator.parse.pages import LABEL_MAX, is_page_marker, page_label


def test_the_four_kinds_of_marker_are_markers():
    assert is_page_marker(first_element('<span epub:type="pagebreak" title="12"></span>'))
    assert is_page_marker(first_element('<span role="doc-pagebreak" aria-label="12"></span>'))
    assert is_page_marker(first_element('<span class="page-normal">12</span>'))
    assert is_page_marker(first_element('<span class="page-front">iv</span>'))
    assert is_page_marker(first_element('<span class="page-special">A</span>'))
    assert is_page_marker(first_element("<pagenum>12</pagenum>"))
    # one word among others in the attribute
    assert is_page_marker(first_element('<span epub:type="footnote pagebreak" title="3"></span>'))
    assert is_page_marker(first_element('<span class="x page-normal y">7</span>'))


def test_page_breaks_of_word_processors_and_lookalike_words_are_no_markers():
    assert not is_page_marker(first_element("<span>12</span>"))
    assert not is_page_marker(first_element('<span class="page-break">12</span>'))
    assert not is_page_marker(first_element('<span class="page">12</span>'))
    assert not is_page_marker(first_element('<span epub:type="pagebreaks" title="1"></span>'))
    assert not is_page_marker(first_element('<span role="not-a-pagebreak" title="1"></span>'))
    assert not is_page_marker(first_element('<span epub:type="chapter"></span>'))
    assert not is_page_marker(first_element('<span style="page-break-before:always"></span>'))
    assert not is_page_marker(first_element('<span class=""></span>'))


def test_the_label_is_aria_label_then_title_then_text_then_the_number_in_the_id():
    assert page_label(first_element('<span role="doc-pagebreak" aria-label=" 12 " title="13">14</span>')) == "12"
    assert page_label(first_element('<span role="doc-pagebreak" title="xiv">15</span>')) == "xiv"
    assert page_label(first_element('<span class="page-normal"> 16 </span>')) == "16"
    assert page_label(first_element('<span class="page-normal">A  -\n12</span>')) == "A - 12"
    assert page_label(first_element('<span epub:type="pagebreak" id="page12"></span>')) == "12"
    assert page_label(first_element('<span epub:type="pagebreak" id="PG-xiv"></span>')) == "xiv"
    assert page_label(first_element('<span epub:type="pagebreak" id="p_7"></span>')) == "7"
    assert page_label(first_element('<span epub:type="pagebreak" id="p.8"></span>')) == "8"
    assert page_label(first_element('<span epub:type="pagebreak" id="p9"></span>')) == "9"


def test_a_marker_naming_no_page_gives_an_empty_label():
    assert page_label(first_element('<span epub:type="pagebreak"></span>')) == ""
    assert page_label(first_element('<span epub:type="pagebreak" id="chapter-2"></span>')) == ""
    assert page_label(first_element('<span epub:type="pagebreak" id="page-12345678901234567"></span>')) == ""
    assert page_label(first_element('<span epub:type="pagebreak" aria-label="  " title=""></span>')) == ""


def test_an_element_that_is_no_marker_has_no_label():
    assert page_label(first_element('<span title="12">12</span>')) is None
    assert page_label(first_element('<span class="page-break">12</span>')) is None


def test_a_label_is_cut_to_its_limit():
    long = "x" * 40
    assert page_label(first_element(f'<span epub:type="pagebreak" aria-label="{long}"></span>')) == "x" * LABEL_MAX
    assert LABEL_MAX == 32
    assert page_label(first_element(f'<span epub:type="pagebreak" title="{"y" * 33}"></span>')) == "y" * 32


def test_an_element_holding_more_than_a_label_is_no_marker_whatever_it_says():
    # text: 32 characters are a label, 33 are content
    assert page_label(first_element(f'<span class="page-normal">{"1" * 32}</span>')) == "1" * 32
    assert page_label(first_element(f'<span class="page-normal">{"1" * 33}</span>')) is None
    # nodes: four below the marker are a label, five are content
    assert page_label(first_element('<pagenum><b><i><u>1</u></i></b></pagenum>')) == "1"
    assert page_label(first_element('<pagenum><b><i><u><s>1</s></u></i></b></pagenum>')) is None
    assert page_label(first_element('<div epub:type="pagebreak" title="5"><p>A whole paragraph of the lesson, read.</p></div>')) is None
