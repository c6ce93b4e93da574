"""How inline runs cover a sentence (narrator.script.planner): emphasis or an inline emotion
sets a sentence's emotion when it covers at least 60 % of its letters (spaces not counted),
summed over every run it spans, in the second sentence of a block as in the first; a language
covering all its words is the sentence's language. Counts worked out in the comments."""

from __future__ import annotations

import pytest

from narrator.config import Config
from narrator.values import Block, Chapter, Document, Run
from narrator.script.planner import plan

STRONG = frozenset({"strong"})
FIRST = Run("Plain words here. ")  # a first sentence: the second starts in a later run


def second(*runs: Run) -> tuple[str, str, tuple[str, ...]]:
    doc = Document("T", "en", (Chapter(1, "", (Block("paragraph", (FIRST, *runs)),)),))
    first, s = plan(doc, Config()).segments
    assert (first.text, first.emotion, first.marks) == ("Plain words here.", "neutral", ())
    return s.emotion, s.lang, s.marks


# "Great fun, dears." has 15 letters and marks (5 + 4 + 6): 60 % is 9
@pytest.mark.parametrize("runs, emotion", [
    # bold over "Great" and " fun," in two runs: 5 + 4 = 9 of 15, just enough
    ((Run("Great", STRONG), Run(" fun,", STRONG), Run(" dears.")), "excited"),
    # bold over "Great fun": 8 of 15, just short
    ((Run("Great fun", STRONG), Run(", dears.")), "neutral"),
])
def test_emphasis_sets_the_emotion_from_sixty_per_cent_of_the_letters(runs: tuple[Run, ...], emotion: str) -> None:
    assert second(*runs) == (emotion, "en", ("strong",))


@pytest.mark.parametrize("runs, emotion", [
    ((Run("Great", emotion="warm"), Run(" fun,", emotion="warm"), Run(" dears.")), "warm"),
    ((Run("Great fun", emotion="warm"), Run(", dears.")), "neutral"),
])
def test_an_inline_emotion_counts_the_same_way(runs: tuple[Run, ...], emotion: str) -> None:
    assert second(*runs) == (emotion, "en", ())


def test_a_language_over_every_word_in_two_runs_is_the_sentence_s() -> None:
    # "Bonjour" (bold, 7 of 15: no emotion) and " mes amis." both lang="fr"
    assert second(Run("Bonjour", STRONG, lang="fr"), Run(" mes amis.", lang="fr")) == ("neutral", "fr", ("strong",))
