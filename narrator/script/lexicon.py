"""The user's pronunciation dictionary: what the engine is told to say instead of what is shown.

    >>> lex = Lexicon({"*": {"LMS": "L M S"}, "zh": {"重庆": "崇庆"}})
    >>> lex.apply("The LMS and LMSX", "en")
    'The L M S and LMSX'

Rules: the longest term wins where several match; Latin terms match on word boundaries ("LMS"
is not replaced inside "LMSX"), CJK terms match anywhere; one pass, so a replacement is never
replaced again. Tables are compiled once (one regex per language) and reused for every segment.

An entry whose spoken form is pinyin with tone numbers ("重庆" = "chong2 qing4") or ARPAbet
phonemes ("minute" = "M AY0 . N UW1 T") is an annotation, not a respelling: :meth:`Lexicon.apply`
leaves it to :meth:`Lexicon.annotate`, which marks the term in the finished spoken text (after
numbers are said, which would turn "chong2" into "chong二"); each engine gets the mark in its
own syntax (:mod:`narrator.normalize.pronounce`).

    >>> from narrator.normalize.pronounce import render
    >>> lex = Lexicon({"zh": {"银行": "yin2 hang2"}})
    >>> render(lex.annotate("他在银行。", "zh"), "tagged")
    '他在<银|YIN2><行|HANG2>。'
"""

from __future__ import annotations

import re
from typing import Mapping

from narrator.normalize.pronounce import annotation, kind
from narrator.script.sentences import normalize_lang

# Letters and digits of Latin-like scripts: a Latin term must not touch one of these.
_WORDCH = r"0-9A-Za-z_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"


def _is_wordch(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c == "_") or "\u00c0" <= c <= "\u04ff"


def _pattern(term: str) -> str:
    body = re.escape(term)
    if _is_wordch(term[0]):
        body = f"(?<![{_WORDCH}])" + body
    if _is_wordch(term[-1]):
        body = body + f"(?![{_WORDCH}])"
    return body


class _Tables:
    """Per-language term tables ("*" = any language), compiled lazily, one regex each."""

    def __init__(self, tables: Mapping[str, Mapping[str, str]]) -> None:
        common = {t: s for t, s in (tables.get("*") or {}).items() if t}
        self._merged: dict[str, dict[str, str]] = {}
        for lang, table in tables.items():
            if lang == "*":
                continue
            # A language's own entry beats the same term under "*".
            self._merged.setdefault(normalize_lang(lang), dict(common)).update(
                {t: s for t, s in table.items() if t})
        self._common = common
        self._compiled: dict[str, tuple[re.Pattern[str], dict[str, str]] | None] = {}
        self._common_re = self._compile(common)

    @staticmethod
    def _compile(table: dict[str, str]) -> tuple[re.Pattern[str], dict[str, str]] | None:
        if not table:
            return None
        terms = sorted(table, key=lambda t: (-len(t), t))  # longest first: alternation is ordered
        return re.compile("|".join(_pattern(t) for t in terms)), table

    def _for(self, lang: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
        lang = normalize_lang(lang)
        if lang not in self._merged:
            return self._common_re
        if lang not in self._compiled:
            self._compiled[lang] = self._compile(self._merged[lang])
        return self._compiled[lang]

    def __bool__(self) -> bool:
        return bool(self._common or any(self._merged.values()))

    def sub(self, text: str, lang: str) -> str:
        compiled = self._for(lang)
        if compiled is None:
            return text
        regex, table = compiled
        return regex.sub(lambda m: table[m.group(0)], text)


class Lexicon:
    """Compiled ``config.lexicon``: lang ("*" = any language) -> {term: spoken form}."""

    def __init__(self, tables: Mapping[str, Mapping[str, str]]) -> None:
        respell: dict[str, dict[str, str]] = {}
        notes: dict[str, dict[str, str]] = {}
        for lang, table in tables.items():
            for term, say in table.items():
                if not term:
                    continue
                if kind(term, say) == "respelling":
                    respell.setdefault(lang, {})[term] = say
                else:
                    notes.setdefault(lang, {})[term] = annotation(term, say)
        # A language's annotation beats a respelling of its term under "*": the term is kept.
        for lang, table in notes.items():
            if lang != "*":
                for term in table:
                    respell.setdefault(lang, {}).setdefault(term, term)
        self._respell = _Tables(respell)
        self._notes = _Tables(notes)

    def __bool__(self) -> bool:
        return bool(self._respell or self._notes)

    def apply(self, text: str, lang: str) -> str:
        """``text`` with every respelling of ``lang``'s table (and the "*" table) in place of its
        term, in one pass. Annotations are left to :meth:`annotate`."""
        return self._respell.sub(text, lang)

    def annotate(self, spoken: str, lang: str) -> str:
        """``spoken`` (the finished spoken text) with the pinyin and phoneme entries marked
        (:func:`narrator.normalize.pronounce.annotation`), in one pass."""
        return self._notes.sub(spoken, lang)
