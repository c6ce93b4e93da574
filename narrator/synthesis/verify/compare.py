"""Does a take say its text? A transcript compared with the text, with the reasons it fails."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from narrator.config import VerifyConfig
from narrator.synthesis.verify.align import align
from narrator.synthesis.verify.text import character_based, tokens

# The end of a text checked for truncation: its last 3 words, or last 4 characters in Chinese.
ENDING_WORDS = 3
ENDING_CHARS = 4
# Speech after the text is a problem only from this many tokens on (one misheard word is not).
EXTRA_FLOOR_WORDS = 2
EXTRA_FLOOR_CHARS = 3


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a check found. ``error_rate`` is the word (or Chinese character) error rate."""

    passed: bool
    error_rate: float
    metric: str  # "wer" or "cer"
    problems: tuple[str, ...]  # empty when passed
    heard: str  # the transcript

    @property
    def score(self) -> float:
        """1 - error rate, at least 0: higher is better."""
        return max(0.0, 1.0 - self.error_rate)

    def record(self) -> dict[str, Any]:
        return {"passed": self.passed, "score": round(self.score, 3), "metric": self.metric,
                "error_rate": round(self.error_rate, 3), "problems": list(self.problems),
                "heard": self.heard}

    def rank(self) -> tuple[bool, float]:
        """Sort key: passing takes first, then by fewer errors."""
        return (self.passed, -self.error_rate)


def compare(text: str, heard: str, lang: str, settings: VerifyConfig) -> Verdict:
    """Judge the transcript ``heard`` of a take of ``text`` (language ``lang``)."""
    chars = character_based(lang, text)
    metric = "cer" if chars else "wer"
    ref, hyp = tokens(text, lang), tokens(heard, lang)
    if not ref:
        return Verdict(True, 0.0, metric, (), heard)  # nothing to say: nothing to check
    if not hyp:
        return Verdict(False, 1.0, metric, ("silence: no speech heard",), heard)
    distance, pairs = align(ref, hyp)
    rate = distance / len(ref)
    problems = []
    limit = settings.max_cer if chars else settings.max_wer
    if rate > limit:
        problems.append(f"{metric.upper()} {rate:.2f} > {limit:.2f}")
    # Truncation: the last tokens of the text are not heard at all (a misheard word still counts
    # as spoken there: the alignment pairs it with what was heard in its place).
    ending = min(ENDING_CHARS if chars else ENDING_WORDS, max(1, len(ref) // 2))
    last = set(range(len(ref) - ending, len(ref)))
    spoken = sum(1 for i, j in pairs if i in last and j is not None)
    if spoken / ending < settings.ending:
        problems.append(f"ending missing: heard {spoken} of the last {ending} "
                        f"{'characters' if chars else 'words'}")
    # Extra speech: tokens heard after the last one paired with the text (babble, repetition).
    after = 0
    for i, j in reversed(pairs):
        if i is not None and j is not None:
            break
        if i is None:
            after += 1
    floor = EXTRA_FLOOR_CHARS if chars else EXTRA_FLOOR_WORDS
    if after >= floor and after > settings.extra * len(ref):
        problems.append(f"extra speech after the text: {after} "
                        f"{'characters' if chars else 'words'}")
    return Verdict(not problems, rate, metric, tuple(problems), heard)
