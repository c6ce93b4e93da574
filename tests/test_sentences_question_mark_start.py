"""A question mark opening a text (narrator.script.sentences): nothing stands before it, so it is
no middle dot lost inside a Chinese name, whatever the text ends with; it ends an empty sentence
and is not read."""

from __future__ import annotations

from narrator.script.sentences import split_sentences


def test_a_question_mark_at_the_start_is_no_lost_middle_dot() -> None:
    # the text ends with a Chinese character: only the character before the mark may count
    assert split_sentences("?乔布斯是创始人", max_chars=160, max_chars_cjk=80) == ["乔布斯是创始人"]
    assert split_sentences("李?明是学生", max_chars=160, max_chars_cjk=80) == ["李?明是学生"]
