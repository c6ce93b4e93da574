"""A short form that asks a question with choices to tick is an exercise of the lesson, read
with its question and answers; a login or search form of the same size stays page chrome."""

from __future__ import annotations

from narrator.config import Config, ParseConfig
from narrator.parse import parse_html
from narrator.script.planner import plan
from narrator.values import Document

CHROME = "a form with little text (search, login)"


def spoken_of(doc: Document) -> str:
    return " ".join(s.spoken for s in plan(doc, Config()).segments)


def _page(form: str) -> bytes:
    return (f"<html><head><title>Quiz</title></head><body><h1>Quiz</h1>"
            f"<p>Answer the question below.</p>{form}</body></html>").encode()


def test_a_quiz_question_with_choices_is_read() -> None:
    form = ("<form><p>Which number is larger?</p>"
            "<label><input type='radio' name='q' value='a'> Two</label>"
            "<label><input type='radio' name='q' value='b'> Three</label><button>Check</button></form>")
    doc = parse_html(_page(form), "quiz.html", ParseConfig())
    said = spoken_of(doc)
    assert "Which number is larger?" in said and "Two" in said and "Three" in said
    assert "Check" not in said  # the button is a control, reported as one
    assert not any(s.reason == CHROME for s in doc.skipped)
    assert any(s.what == "form control" and "button" in s.source for s in doc.skipped)


def test_boxes_to_tick_are_choices_too() -> None:
    form = ("<form><p>Which are prime?</p><input type='checkbox' name='a'> 4 "
            "<input type='checkbox' name='b'> 5</form>")
    said = spoken_of(parse_html(_page(form), "quiz.html", ParseConfig()))
    assert "Which are prime?" in said


def test_a_login_or_search_form_stays_chrome_whatever_it_has_to_tick() -> None:
    login = ("<form><p>Sign in</p>User <input type='text' name='u'> Password "
             "<input type='password' name='p'><input type='checkbox' name='r'> Remember me "
             "<input type='checkbox' name='s'> Stay signed in</form>")
    doc = parse_html(_page(login), "quiz.html", ParseConfig())
    assert "Remember me" not in spoken_of(doc)
    assert any(s.reason == CHROME for s in doc.skipped)
    search = ("<form><input type='search' name='q'><input type='radio' name='w' value='a'> Web "
              "<input type='radio' name='w' value='b'> Images</form>")
    doc = parse_html(_page(search), "quiz.html", ParseConfig())
    assert "Images" not in spoken_of(doc)
    assert any(s.reason == CHROME for s in doc.skipped)


def test_one_box_to_tick_is_not_a_quiz() -> None:
    form = "<form>Email <input type='email' name='e'> <input type='checkbox' name='ok'> Send me news</form>"
    doc = parse_html(_page(form), "quiz.html", ParseConfig())
    assert "Send me news" not in spoken_of(doc)
    assert any(s.reason == CHROME for s in doc.skipped)


def test_sign_up_search_and_filter_forms_with_choices_stay_chrome() -> None:
    forms = [
        # a newsletter: an address to type, two boxes to tick
        "<form>Email <input type='email' name='e'><input type='checkbox' name='a'> Weekly"
        "<input type='checkbox' name='b'> Monthly</form>",
        # a search box typed as text, with where to search
        "<form><input type='text' name='q'><input type='radio' name='w' value='a'> Web"
        "<input type='radio' name='w' value='b'> This site</form>",
        # a tag filter: choices, no question
        "<form><input type='checkbox' name='t1'> Python <input type='checkbox' name='t2'> Java</form>",
    ]
    for form in forms:
        doc = parse_html(_page(form), "quiz.html", ParseConfig())
        said = spoken_of(doc)
        assert "Weekly" not in said and "This site" not in said and "Java" not in said, form
        assert any(s.reason == CHROME for s in doc.skipped), form


def test_a_poll_about_the_page_itself_stays_chrome() -> None:
    polls = [
        "<form><p>Was this page helpful?</p><input type='radio' name='h' value='y'> Yes"
        "<input type='radio' name='h' value='n'> No</form>",
        "<form><p>Did you find this useful?</p><input type='radio' name='h' value='y'> Yes"
        "<input type='radio' name='h' value='n'> Not really</form>",
        "<form><p>这篇文章对你有帮助吗？</p><input type='radio' name='h' value='y'> 有"
        "<input type='radio' name='h' value='n'> 没有</form>",
        # known by its class: a poll whose question says nothing of the page
        "<form class='page-poll'><p>How was it?</p><input type='radio' name='h' value='y'> Great"
        "<input type='radio' name='h' value='n'> Meh</form>",
        "<form><p>How would you rate this article?</p><input type='radio' name='h' value='y'> Good"
        "<input type='radio' name='h' value='n'> Meh</form>",
        "<form><p>Did this answer your question?</p><input type='radio' name='h' value='y'> Yes"
        "<input type='radio' name='h' value='n'> No</form>",
    ]
    for form in polls:
        doc = parse_html(_page(form), "quiz.html", ParseConfig())
        said = spoken_of(doc)
        assert "Yes" not in said and "Not really" not in said and "没有" not in said and "Meh" not in said, form
        assert any(s.reason == CHROME for s in doc.skipped), form
    # a quiz about usefulness, feedback or rates is still a quiz: it asks about the lesson's subject
    for question in ("Which tool is most useful for measuring an angle?", "Which is a negative feedback loop?",
                     "At what rate this reaction goes, if heated?",
                     "According to the article, which material is most useful for insulation?",
                     "Is the information in the table useful for predicting rainfall?",
                     "Why would an engineer find it useful to measure torque?", "运动对心脏有帮助吗？"):
        quiz = (f"<form><p>{question}</p><input type='radio' name='q' value='a'> A ruler"
                "<input type='radio' name='q' value='b'> A protractor</form>")
        assert "A protractor" in spoken_of(parse_html(_page(quiz), "quiz.html", ParseConfig())), question
    rate = ("<form><p>Rate this lesson: was it clear?</p><input type='radio' name='r' value='1'> Fine"
            "<input type='radio' name='r' value='2'> Unclear</form>")
    assert "Unclear" not in spoken_of(parse_html(_page(rate), "quiz.html", ParseConfig()))


def test_a_quiz_whose_class_mentions_feedback_or_a_poll_like_word_is_read() -> None:
    # class and id words count whole ("apollo" holds "poll"), and a quiz's own feedback is no poll
    for attrs in ("id='apollo-quiz'", "class='quiz-feedback-form'"):
        form = (f"<form {attrs}><p>Which number is larger?</p><input type='radio' name='q' value='a'> Two"
                "<input type='radio' name='q' value='b'> Three</form>")
        assert "Three" in spoken_of(parse_html(_page(form), "quiz.html", ParseConfig())), attrs


def test_a_question_with_choices_and_a_field_to_type_an_address_is_a_sign_up() -> None:
    # "Would you like our newsletter?" with choices and an e-mail, phone or web address field: a
    # sign-up form, chrome
    for kind in ("email", "tel", "url"):
        form = (f"<form><p>Would you like our newsletter?</p><input type='{kind}' name='e'>"
                "<label><input type='radio' name='q' value='a'> Weekly</label>"
                "<label><input type='radio' name='q' value='b'> Monthly</label></form>")
        doc = parse_html(_page(form), "quiz.html", ParseConfig())
        assert "Monthly" not in spoken_of(doc), kind
        assert any(s.reason == CHROME for s in doc.skipped), kind


def test_four_blanks_make_a_form_to_fill_in_whether_text_areas_or_untyped_fields() -> None:
    for blank in ("<textarea name='{n}'></textarea>", "<input name='{n}'>"):
        fields = "".join(f"<p>Item {n}: {blank.format(n=n)}</p>" for n in range(1, 5))
        doc = parse_html(_page(f"<form>{fields}</form>"), "plan.html", ParseConfig())
        assert "Item four:" in spoken_of(doc), blank


def test_a_poll_known_by_its_id_alone_is_chrome() -> None:
    form = ("<form id='feedback'><p>Which part did you read?</p>"
            "<label><input type='radio' name='q' value='a'> Part one</label>"
            "<label><input type='radio' name='q' value='b'> Part two</label></form>")
    doc = parse_html(_page(form), "quiz.html", ParseConfig())
    assert "Part two" not in spoken_of(doc)


def test_a_quiz_with_a_box_for_a_number_is_read() -> None:
    # a number field is an answer to type (maths quizzes have them), not sign-up data
    form = ("<form><p>Which fraction is larger?</p>"
            "<label><input type='radio' name='q' value='a'> Two thirds</label>"
            "<label><input type='radio' name='q' value='b'> One half</label>"
            "<p>By how many sixths?</p><input type='number' name='n'></form>")
    doc = parse_html(_page(form), "quiz.html", ParseConfig())
    said = spoken_of(doc)
    assert "Which fraction is larger?" in said and "One half" in said and "By how many sixths?" in said
    assert not any(s.reason == CHROME for s in doc.skipped)
