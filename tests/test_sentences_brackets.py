"""Where a long sentence is cut around parentheses, quotations and references (issue 19 item 4):
an aside or quotation that fits in one segment is kept whole, one that does not is cut at its
clause ends, and a reference is cut between its parts."""

from __future__ import annotations

from narrator.script.sentences import split_long, split_sentences


def pieces(text: str, limit: int = 160) -> list[str]:
    out = [text[a:b] for a, b in split_long(text, limit)]
    assert all(len(p) <= limit for p in out), out
    assert "".join("".join(out).split()) == "".join(text.split())  # nothing lost, nothing added
    return out


def test_a_quotation_going_on_in_the_next_sentence_is_kept_whole() -> None:
    # the second quotation closes two sentences later: within this sentence it runs to the end,
    # and it fits, so the cut is before it, not at a comma inside it
    text = ("“It is simplicity itself,” said he; “my eyes tell me that on the inside of your left "
            "shoe, just where the firelight strikes it, the leather is scored by six almost parallel cuts.")
    assert pieces(text) == ["“It is simplicity itself,” said he;",
                            "“my eyes tell me that on the inside of your left shoe, just where the firelight "
                            "strikes it, the leather is scored by six almost parallel cuts."]


def test_the_cut_is_before_a_quotation_that_fits_not_inside_it() -> None:
    text = ("Remark With recent versions of GhostScript (>=10.02.0) in your TeX system and dvisvgm "
            "(<3.1.1), tex4th creates a corrupted version of the svg file, by including the following "
            "uncommented string (from GhostScript output) in its first lines: “The old, written in "
            "PostScript, PDF interpreter has been removed entirely.")
    got = pieces(text)
    assert got[-1] == "“The old, written in PostScript, PDF interpreter has been removed entirely."


def test_a_chinese_aside_that_fits_is_kept_whole() -> None:
    # the aside is never closed in the book: it runs to the end and is 80 characters
    text = ("然而這一回瓶子上並沒有「毒藥」的字樣在上，所以阿麗思就大著膽嘗它一嘗，那味儿倒很好吃（有點像櫻桃餅，"
            "又有點像雞蛋糕，有點像菠蘿蜜〔pinapple〕，又有點像烤火雞，有點像冰淇淋，又有點像芝麻醬〔toffy〕，"
            "所以一會儿工夫就唏哩呼嚕地喝完了。")
    got = pieces(text, 80)
    assert got[-1].startswith("（有點像櫻桃餅") and len(got) == 2


def test_an_aside_inside_brackets_is_not_cut_at_its_semicolon() -> None:
    text = ("The figures were collected over three years from the regional offices of the agency "
            "(see Smith and Jones, 2019; Lee, Park and Kim, 2020; the annual report of 2021) and then "
            "checked by two independent reviewers before publication.")
    got = pieces(text, 120)
    assert any("(see Smith and Jones, 2019; Lee, Park and Kim, 2020; the annual report of 2021)" in p
               for p in got), got


def test_a_short_gloss_stays_with_its_word() -> None:
    # "(ELL)" is no aside a reader pauses before: no cut before it
    text = ("Over the past few decades, there have been many changes in the nation’s approach to English "
            "Language Learners (ELL) and new research has come to light on how to best serve these children.")
    assert not any(p.startswith("(ELL)") for p in pieces(text, 120))


def test_a_long_quotation_is_cut_where_a_clause_starts_not_inside_a_name() -> None:
    text = ("* Un líder del equipo de la Película JESUS en las Filipinas compartió: “Nuestro equipo de la "
            "Película JESUS trabajó con el Distrito de Visayas Oriente en algunas actividades las cuales "
            "incluían una reunión de jóvenes del distrito y MEG, un programa de discipulado.")
    got = pieces(text)
    assert not any(p.endswith("el Distrito") for p in got), got
    assert any(p.startswith("las cuales") for p in got), got


def test_a_long_quotation_is_cut_at_its_clause_ends() -> None:
    text = ("Section 12 of the Prevention of Corruption Act, 1988, states that “Whoever abets any offence "
            "punishable under this Act, whether or not that offence is committed in consequence of that "
            "abetment, shall be punishable with imprisonment for a term which shall not be less than three "
            "years, but which may extend to seven years and shall also be liable to fine.”")
    got = pieces(text)
    assert all(p.endswith((",", ".”", "that")) for p in got), got


def test_the_comma_of_a_date_is_no_place_to_cut() -> None:
    text = ("Its aim was to prevent him from attending the Legislative Assembly session scheduled for "
            "September 11, 1985, while he was in illegal custody.")
    got = pieces(text, 104)
    assert not any(p.endswith("September 11,") for p in got), got


def test_a_reference_is_cut_between_its_parts() -> None:
    # "pp." is an abbreviation: the sentence does not end at "Applications." but may be cut there
    text = ("SISAP 2017 – 10th International Conference on Similarity Search and Applications. "
            "pp. 188–203. doi:10.1007/978-3-319-68474-1_13.")
    assert pieces(text, 100) == ["SISAP 2017 – 10th International Conference on Similarity Search and Applications.",
                                 "pp. 188–203. doi:10.1007/978-3-319-68474-1_13."]
    # and never after an abbreviation or an initial
    text = "Jamieson, A. R.; Giger, M. L. (2010). Exploring Nonlinear Feature Space Dimension Reduction. pp. 5–9."
    assert all(not p.endswith(("pp.", "A.", "R.", "L.")) for p in pieces(text, 60))


def test_sentences_inside_a_quotation_still_end() -> None:
    assert split_sentences("“Why? Because it fits.” He left.", max_chars=160, max_chars_cjk=80) == [
        "“Why?", "Because it fits.”", "He left."]


def test_a_cut_before_an_aside_leaves_no_function_word_hanging() -> None:
    text = ("I will always make clear the reason for your grade and (as stated in the grading policy above) "
            "am happy to grade assignments again if you would like to address the feedback I give you.")
    got = pieces(text, 120)
    assert not any(p.endswith(" and") for p in got), got
    # a clause mark before the quotation is a better place than the quotation's opening mark
    text = ("WolframAlpha infers that f(t) is a function of t and alpha is a parameter; it classifies the "
            "query as a “first-order linear ordinary differential equation”, and reports the general solution:")
    assert pieces(text)[0].endswith("parameter;")


def test_a_date_is_not_cut_between_its_month_and_day() -> None:
    text = ("The National Human Rights Commission (“NHRC”) was established on October 12, 1993 under the "
            "Protection of Human Rights Act, 1993 (“Act”).")
    assert not any(p.endswith("October") for p in pieces(text, 90))


def test_a_relative_pronoun_after_its_article_is_no_place_to_cut() -> None:
    text = ("Un lenguaje (del provenzal lenguatge y este del latín lingua) es un sistema de comunicación "
            "estructurado para el que existe un contexto de uso y ciertos principios combinatorios formales.")
    assert not any(p.endswith("para el") for p in pieces(text, 120))


def test_a_chinese_semicolon_inside_a_citation_ends_no_sentence() -> None:
    text = "研究表明，这种方法在多个数据集上都有效（见张三，2019；李四，2020）。下一句。"
    assert split_sentences(text, max_chars=160, max_chars_cjk=80) == [
        "研究表明，这种方法在多个数据集上都有效（见张三，2019；李四，2020）。", "下一句。"]
    # outside brackets it still does
    assert split_sentences("第一条，总则；第二条，细则。", max_chars=160, max_chars_cjk=80) == [
        "第一条，总则；", "第二条，细则。"]
