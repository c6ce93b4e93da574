"""The user's pronunciation dictionary: what the engine is told to say instead of what is shown.

    >>> lex = Lexicon({"*": {"LMS": "L M S"}, "zh": {"重庆": "崇庆"}})
    >>> lex.apply("The LMS and LMSX", "en")
    'The L M S and LMSX'

Rules: the longest term wins where several match; Latin terms match on word boundaries ("LMS"
is not replaced inside "LMSX"), CJK terms match anywhere; one pass, so a replacement is never
replaced again. Tables are compiled once (one regex per language) and reused for every segment.
"""

from __future__ import annotations

import re
from typing import Mapping

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


class Lexicon:
    """Compiled ``config.lexicon``: lang ("*" = any language) -> {term: spoken form}."""

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

    def apply(self, text: str, lang: str) -> str:
        """``text`` with every term of ``lang``'s table (and the "*" table) replaced, in one pass."""
        compiled = self._for(lang)
        if compiled is None:
            return text
        regex, table = compiled
        return regex.sub(lambda m: table[m.group(0)], text)
