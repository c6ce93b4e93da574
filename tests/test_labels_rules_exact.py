"""Picture credits and page-control labels judged line by line (parse/labels.py): a credit names
people and agencies but never describes the picture, has word limits and no prose; a row of
controls is told from a list of words by its separators, counters, icons or its element."""

from __future__ import annotations

from narrator.parse.labels import CREDIT_LIMIT, LABEL_LIMIT, credit_kind, is_control_label


def test_a_photo_line_credits_names_and_agencies_but_a_description_is_read() -> None:
    for credit in ("Photo: Jane Doe / AP", "Photo: 'Jane Doe'", "Photo: ©Jane Doe", "Photo: 2023 NASA",
                   "Photo: 王明", "Photo: Jane Doe of the Times and AP",
                   "Photo: Ann Bo Cy Di Ed Fa Gu Hy"):  # eight names
        assert credit_kind(credit) == "image", credit
    for described in ("Photo: A student measuring rain", "Photo: Ann Bo Cy Di Ed Fa Gu Hy Io",  # nine
                      "Photo: Jane doe"):
        assert credit_kind(described) == "", described


def test_credit_lines_have_word_limits_and_no_prose() -> None:
    assert credit_kind("Photograph by " + " ".join(["Name"] * 16)) == "image"  # 18 words
    assert credit_kind("Photograph by " + " ".join(["Name"] * 17)) == ""  # 19
    assert credit_kind("Source: " + " ".join(["Wikimedia"] * 10)) == "generic"  # 11 words
    assert credit_kind("Source: " + " ".join(["Wikimedia"] * 11)) == ""
    prose = "Source: the river survey. This photo shows the river in spring at dawn"
    assert len(prose) > 60 and credit_kind(prose) == ""
    assert credit_kind("Source: the river survey. Photo by Jane Doe") == "generic"  # 44 characters: a line
    assert credit_kind("Source: " + "x" * 52) == "generic"  # 60 characters
    assert credit_kind("Source: " + "x" * (CREDIT_LIMIT - 8)) == "generic"
    assert credit_kind("Source: " + "x" * (CREDIT_LIMIT - 7)) == ""
    assert credit_kind("   ") == ""


def test_a_copyright_line_naming_an_agency_credits_a_picture_anywhere() -> None:
    for agency in ("© 2023 Getty Images", "(c) 2023 Getty Images", "(C) 2023 Getty Images"):
        assert credit_kind(agency) == "image", agency
    assert credit_kind("© 2023 Jane Doe") == "generic" and credit_kind("(c) 2023 Jane Doe") == "generic"
    assert credit_kind("（新华社记者 李明 摄）") == "image"  # a wrapped line is still unwrapped


def test_rows_of_controls_and_single_labels() -> None:
    assert is_control_label("Show answer") and is_control_label("Next »")
    assert not is_control_label("Next") and is_control_label("Next", on_control=True)
    assert is_control_label("Previous | Next") and is_control_label("Like 12 Share 3")
    assert not is_control_label("copy print share")  # three words of a list
    assert is_control_label("Share ★ Like", on_control=True)
    assert not is_control_label("→ ★") and not is_control_label("")
    assert is_control_label("上一篇 下一篇")
    row = "Share | " * 200
    assert len(row.strip()) > LABEL_LIMIT and not is_control_label(row)


def test_c_in_brackets_is_a_copyright_sign_only_before_a_year_and_a_name() -> None:
    """"(c) 1945" is a quiz answer, not a credit: the sign needs a year and a name after it, and
    never stands in a run of (a)/(b)/(c) options."""
    for answer in ("(c) 1945", "(C) 2019", "(c) 1945.", "(c) 1945 the war ended", "(c)", "(c) Getty Images"):
        assert credit_kind(answer) == "", answer
    assert credit_kind("(c) 2023-2024 Jane Doe") == "generic" and credit_kind("(C) 2019 Getty Images") == "image"
    for run in ("(c) 1945 Berlin (d) 1950 Seoul", "(a) 1914 (b) 1939 (c) 1945 Berlin"):
        assert credit_kind(run) == "", run
    assert credit_kind("(c) 1945 Berlin", previous="(b) 1939 Danzig") == ""
    assert credit_kind("(c) 1945 Berlin", previous="b) 1939 Danzig") == ""
    assert credit_kind("(c) 1945 Berlin", previous="A photo of the ruins") == "generic"
    assert credit_kind("© 1945 Berlin", previous="(b) 1939 Danzig") == "generic"  # a real sign


def test_a_quiz_answer_after_a_picture_is_read() -> None:
    from narrator.config import ParseConfig
    from narrator.parse import parse_html

    def read(html: bytes) -> tuple[list[str], dict[str, str]]:
        doc = parse_html(html, "quiz.html", ParseConfig())
        return [b.text for c in doc.chapters for b in c.blocks], {s.source: s.what for s in doc.skipped}

    texts, skipped = read(b"<h1>Quiz</h1><p>When did the war end?</p><img src='a.png' alt='A map'>"
                          b"<p>(c) 1945</p><p>(C) 2019 Getty Images</p>")
    assert "(c) 1945" in texts and "(C) 2019 Getty Images" not in texts, texts
    assert list(skipped.values()) == ["image credit"], skipped
    texts, skipped = read(b"<h1>Quiz</h1><p>Which city?</p><p>(a) 1914 Sarajevo</p><p>(b) 1939 Danzig</p>"
                          b"<img src='a.png' alt='A map'><p>(c) 1945 Berlin</p>")
    assert "(c) 1945 Berlin" in texts and not skipped, (texts, skipped)
