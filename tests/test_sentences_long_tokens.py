"""A token longer than the limit (a hash, a run of letters), cut at the limit
(narrator.script.sentences.sentence_pieces): what is left after the last cut is a piece only when
it has something to say, never a run of punctuation sent to an engine on its own."""

from __future__ import annotations

from narrator.script.sentences import sentence_pieces, split_sentences


def test_punctuation_left_after_cutting_a_long_token_is_no_piece() -> None:
    assert sentence_pieces("abcdefghij!!!!!", max_chars=10, max_chars_cjk=10) == [(0, 10, True)]
    assert split_sentences("abcdefghij!!!!!", max_chars=10, max_chars_cjk=10) == ["abcdefghij"]
    # letters left after the cut are a piece, ending the sentence
    assert sentence_pieces("abcdefghijkl!", max_chars=10, max_chars_cjk=10) == [(0, 10, True), (10, 13, False)]
