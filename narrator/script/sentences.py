"""Sentence boundaries for Chinese and Latin-script text, and splitting of over-long sentences.

    >>> split_sentences("Dr. Smith paid $3.14. 他来了。", max_chars=160, max_chars_cjk=80)
    ['Dr. Smith paid $3.14.', '他来了。']

Everything works on character offsets (:func:`sentence_spans`) so the planner can map a
sentence back onto the inline runs it came from. jieba is imported only when a long Chinese
piece has no clause punctuation to split at.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from narrator.text import HAN, HANGUL, HANGUL_JAMO, KANA, jieba_tokenizer

# Han ideographs (BMP + extensions), kana, hangul: the scripts a "CJK" voice must read.
_HAN = HAN
_KANA = KANA
_HANGUL = HANGUL_JAMO + HANGUL
_CJK_CHARS = _HAN + _KANA + _HANGUL
# Dashes, ellipsis and curly quotes are never part of a Latin token (nor are CJK punctuation marks).
_WIDE_PUNCT = frozenset("\u2014\u2026\u201c\u201d\u2018\u2019")

_CJK_RE = re.compile(f"[{_CJK_CHARS}]")
_HAN_RE = re.compile(f"[{_HAN}]")
_ROMAN_RE = re.compile(r"[IVXLCDM]+")
_KANA_RE = re.compile(f"[{_KANA}]")
_HANGUL_RE = re.compile(f"[{_HANGUL}]")
# A word in any non-CJK alphabet (Latin, Greek, Cyrillic...).
_WORD_RE = re.compile(f"[^\\W\\d_{_CJK_CHARS}]+")
# a Chinese label before what it labels ("資料來源：The Pew Research Center")
_CJK_LABEL = re.compile(f"^\\s*[{_CJK_CHARS}]{{2,8}}[：:]")
_ALNUM_RE = re.compile(r"[^\W_]")
_SPACE_RE = re.compile(r"\s+")
_NONSPACE_AT = re.compile(r"\s*(\S?)")

_CLOSERS = "\u201d\u2019\u300d\u300f\uff09)\\]}\u3011\u300b\u3009\u00bb\u203a\"'\uff3d\uff5d"
# A run of terminators (or a line break) and the closing quotes/brackets that belong to it.
_STOP_RE = re.compile(f"(\n+)|([。！？；!?.…\uff0e]+)([{_CLOSERS}]*)")
_CJK_STOPS = frozenset("。！？；")
# What may follow a stop without ending the sentence: "……，" "Wait..., no".
_CONTINUES = frozenset("，、,;:：；")

# Clause punctuation for splitting long sentences; Latin ",;:" only before a space, maybe after a
# closing quote ("society,” there"), never inside 1,000 / 10:30.
_CLAUSE_RE = re.compile(f"(?:[，、：；]|[,;:](?=[{_CLOSERS}]*(?:\\s|$|[{_CJK_CHARS}]))|[—―]+|–(?=\\s)|--+)"
                        f"[{_CLOSERS}]*")

# Words a long sentence is best cut before (when it must be cut between words).
_CONJ_RE = re.compile(
    r"(?:(?:and|but|or|nor|yet|so|which|who|whom|whose|where|when|while|whereas|because|although"
    r"|though|since|unless|until|after|before|if|as|that)\b"
    r"|并且|而且|但是|可是|因为|所以|因此|然后|以便|或者|以及|同时|但|而|并"
    # Spanish, French, German connectors: a quotation in another language is cut where a clause
    # starts too ("…en algunas actividades | las cuales incluían…"), not inside a name
    r"|(?:pero|porque|aunque|cuando|donde|mientras|que|(?:las|los|la|el|lo)\s+cual(?:es)?"
    r"|mais|parce|lorsque|quand|qui|dont|und|aber|weil|dass|wenn|obwohl|während|denn|sondern)\b)",
    re.IGNORECASE)

def starts_clause(text: str) -> bool:
    """Does ``text`` start with a connector a long sentence is best cut before ("and", "which",
    "las cuales", "因为"...)? A cut there is at a clause boundary, not inside a phrase."""
    return _CONJ_RE.match(text.lstrip()) is not None


# Abbreviations that never end a sentence (lower case, without the final dot): English ones for
# every language, and each language's own (the splitter is told the block's language: "s." and
# "bzw." are German, and "The delay was 5 s. Then" ends in English). No maintained list ships
# with the project's dependencies (pysbd and nltk's punkt are not installed), hence these
# short hand-kept ones.
_ABBREV = frozenset("""
mr mrs ms mx dr prof sr jr st mt ft vs v e.g i.e cf viz al approx ca gen col capt lt sgt rev
hon fig figs vol vols pp p ch chap sec ed eds est dept univ inc ltd co corp bros
jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n ph.d b.a m.a
pg pgs para paras eqn eqns tbl appx sect secs
""".split())
_ABBREV_LANG = {
    "de": "bzw rsp resp vgl evtl ggf sog inkl exkl zzgl bspw insb allg ehem geb gest nr s",
    "fr": "mme mlle mmes av",
    "es": "sra srta sres dña ud uds vd vds aprox pág págs núm",
    "it": "sig sigg sig.ra dott dott.ssa ing avv pag cfr",
    "fi": "esim vrt ks klo puh tri",
}
# Abbreviations that are words too ("modern art."): no end only before a number ("art. 3", "pt. 2").
_ABBREV_BEFORE_NUMBER = frozenset("no nos pt pts ref refs eq eqs tab art arts cl ex fn app n nn l ll r".split())
_BEFORE_NUMBER_LANG = {"de": "abs bd kap", "fr": "env t", "es": "cap", "it": "cap"}
# Abbreviations that end a sentence when a capitalised word follows.
_ABBREV_MAY_END = frozenset("etc a.m p.m ff".split())
_MAY_END_LANG = {"de": "usw usf jh mio mrd tsd", "it": "ecc", "fi": "jne yms tms ym"}
# Abbreviations of two or more parts ("z. B.", "d. h.", "p. ej."): no dot inside ends a sentence,
# nor the last one, except after an era ("300 v. Chr. Danach ..."), which may end one.
_MULTI_LANG = {
    "de": r"[zZ]\.\s?B|z\.\s?T|[dD]\.\s?h|[uU]\.\s?a|[vV]\.\s?a|o\.\s?[äÄ]|s\.\s?[ou]|u\.\s?U|u\.\s?Ä"
          r"|i\.\s?d\.\s?R|m\.\s?E|o\.\s?g|(?P<era>[vn]\.\s?Chr)",
    "fr": r"p\.\s?ex",
    "es": r"p\.\s?ej|(?P<era>[ad]\.\s?C)",
    "it": r"(?P<era>[ad]\.\s?C)",
}
# a German date or century: "am 20. Oktober", "im 19. Jahrhundert" (the day's dot ends nothing)
_DE_ORDINAL_NOUN = re.compile(r"\s*(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
                              r"|November|Dezember|Jahrhundert|Jahrtausend|Jh\.)(?![^\W\d_])")


@dataclass(frozen=True)
class _Rules:
    """Which full stops end no sentence in one language (see :func:`_rules`)."""

    abbrev: frozenset[str]
    before_number: frozenset[str]
    may_end: frozenset[str]
    multi: re.Pattern[str] | None
    ordinal_noun: re.Pattern[str] | None


@functools.lru_cache(maxsize=None)
def _rules(lang: str) -> _Rules:
    """The abbreviation and date rules for ``lang`` ("de-AT" -> German): English ones for every
    language, another language's only for that language."""
    key = normalize_lang(lang)

    def words(table: dict[str, str]) -> frozenset[str]:
        return frozenset(table.get(key, "").split())

    multi = _MULTI_LANG.get(key)
    return _Rules(_ABBREV | words(_ABBREV_LANG), _ABBREV_BEFORE_NUMBER | words(_BEFORE_NUMBER_LANG),
                  _ABBREV_MAY_END | words(_MAY_END_LANG),
                  re.compile(f"(?<![^\\s(\\[])(?:{multi})\\.") if multi else None,
                  _DE_ORDINAL_NOUN if key == "de" else None)


_INITIAL_RE = re.compile(r"[A-Z]")
_PRONOUN_I = re.compile(r"I(?:'|\u2019|\s)")
_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_OPENERS = "\"'(\u201c\u2018[\u300c\u300e\uff08\u00ab"

_CJK_LANGS = frozenset({"zh", "ja", "ko", "yue", "cmn", "wuu", "hak", "nan"})


def is_cjk_lang(lang: str) -> bool:
    """True for languages written in CJK characters (they get the CJK length limit)."""
    return lang.split("-", 1)[0].lower() in _CJK_LANGS


def normalize_lang(lang: str) -> str:
    """The primary subtag, lower case: "zh-CN" -> "zh", "EN_us" -> "en"."""
    return lang.replace("_", "-").split("-", 1)[0].strip().lower()


def detect_lang(text: str, default: str) -> str:
    """The language a sentence should be read in: "zh" ("ja"/"ko" for kana/hangul) when CJK
    characters dominate, else ``default`` when it is a non-CJK language, else "en".

    Dominance compares CJK characters with words of other scripts (a character is about a word
    when read). Text without letters (numbers, symbols) gets ``default``.
    """
    default = normalize_lang(default) or "en"
    if is_cjk_lang(default) and _CJK_LABEL.match(text):  # the label says which language is read
        return default
    cjk = len(_CJK_RE.findall(text))
    words = len(_WORD_RE.findall(text)) if cjk else (1 if _WORD_RE.search(text) else 0)
    if cjk == 0 and words == 0:
        return default
    if cjk > words or (cjk == words and is_cjk_lang(default)):
        hangul = len(_HANGUL_RE.findall(text))
        if hangul * 2 > cjk:
            return "ko"
        if _KANA_RE.search(text):
            return "ja"
        return "zh" if not is_cjk_lang(default) or default in ("ja", "ko") else default
    return "en" if is_cjk_lang(default) else default


def has_speech(text: str) -> bool:
    """True if ``text`` has a letter or digit (punctuation and spaces alone are not read)."""
    return _ALNUM_RE.search(text) is not None


# Emoji and pictographs: shown to the reader, never sent to an engine (which would read "eyes"
# or stumble). Dingbat digits (❶..➓) are numbers and stay.
_EMOJI_RE = re.compile(
    "[\U0001F000-\U0001FAFF\U0001FC00-\U0001FFFD\u2600-\u2775\u2794-\u27BF\u2B00-\u2BFF"
    "\u231A\u231B\u2328\u23CF\u23E9-\u23F3\u23F8-\u23FA\u3030\u303D\u3297\u3299"
    "\uFE0E\uFE0F\u20E3\U000E0020-\U000E007F]+(?:\u200D[^\\s]?)*")
_SPACES_RE = re.compile(r"\s{2,}")


def strip_emoji(text: str) -> str:
    """``text`` without emoji and pictographs (and the spaces they leave); see :func:`has_speech`
    for whether anything readable is left."""
    if not _EMOJI_RE.search(text):
        return text
    return _SPACES_RE.sub(" ", _EMOJI_RE.sub(" ", text)).strip()


def split_sentences(text: str, *, max_chars: int, max_chars_cjk: int, lang: str = "en") -> list[str]:
    """Sentences of ``text``, trimmed, with long ones split to at most the limit (where a split
    point exists): ``max_chars`` for Latin text, ``max_chars_cjk`` for Chinese. ``lang`` (the
    block's language) says which abbreviations and dates end no sentence ("bzw.", "am 20.
    Oktober" in German); English ones count in every language.

    Pieces without letters or digits are dropped.
    """
    return [text[a:b] for a, b in sentence_spans(text, max_chars=max_chars, max_chars_cjk=max_chars_cjk,
                                                 lang=lang)]


def sentence_spans(text: str, *, max_chars: int, max_chars_cjk: int, lang: str = "en") -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``; see :func:`split_sentences`."""
    return [(a, b) for a, b, _cut in sentence_pieces(text, max_chars=max_chars, max_chars_cjk=max_chars_cjk,
                                                     lang=lang)]


def sentence_pieces(text: str, *, max_chars: int, max_chars_cjk: int,
                    keep: Sequence[tuple[int, int]] = (),
                    saved: Sequence[tuple[int, int, int]] = (), lang: str = "en") -> list[tuple[int, int, bool]]:
    """(start, end, cut) of each sentence or piece of one; ``cut`` is True when a long sentence
    was cut right after this piece (it gets a clause pause, not a full stop). A token longer than
    the limit (a hash) is cut at the limit: never sent whole; ``keep`` ranges (formulas, links) are
    never cut inside. ``saved`` (start, end, characters) says that much less is said than shown
    there (a link said as its site): a sentence is measured by what is said. ``lang``: see
    :func:`split_sentences`."""
    out: list[tuple[int, int, bool]] = []
    kept, said = _Ranges([(lo, hi, 0) for lo, hi in keep]), _Ranges(saved)
    for a, b in _sentence_spans(text, max_chars=max_chars, max_chars_cjk=max_chars_cjk, keep=kept,
                                saved=said, rules=_rules(lang)):
        limit = max_chars_cjk if _CJK_RE.search(text, a, b) else max_chars
        if out and out[-1][1] <= a and not _ends_sentence(text[out[-1][0]:out[-1][1]]) \
                and not text[out[-1][1]:a].strip() and "\n" not in text[out[-1][1]:a]:
            out[-1] = (out[-1][0], out[-1][1], True)
        # one token longer than the limit: cut it, at a non-letter if one is near (unless it is
        # kept whole: a link, said short, or a formula, said in pieces of its own)
        while b - a - said.saved(a, b) > limit and \
                not any(hi - lo > limit // 2 for lo, hi in kept.overlapping(a, b)):
            cut = a + limit
            for k in range(a + limit, a + limit // 2, -1):
                if not text[k - 1].isalnum():
                    cut = k
                    break
            out.append((a, cut, True))
            a = _skip_space(text, cut, b)
        if b > a and has_speech(text[a:b]):
            out.append((a, b, False))
    return out


_SENTENCE_END = re.compile(f"(?:[。！？；!?.…\uff0e:：;]|\n)[{_CLOSERS}]*$")


def _ends_sentence(piece: str) -> bool:
    return bool(_SENTENCE_END.search(piece.rstrip()))


class _Ranges:
    """(start, end, characters) ranges of a text, sorted, asked about many sentences: when no
    range holds another (links, formulas), each answer is found by bisection, not by a pass over
    all of them for each sentence (a lesson of 20,000 links)."""

    def __init__(self, ranges: Sequence[tuple[int, int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.los = [lo for lo, _hi, _n in self.ranges]
        self.his = [hi for _lo, hi, _n in self.ranges]
        self.nested = any(h1 > h2 for h1, h2 in zip(self.his, self.his[1:]))
        self.sums = [0, *itertools.accumulate(n for _lo, _hi, n in self.ranges)]

    def saved(self, a: int, b: int) -> int:
        """The characters of the ranges inside [a, b)."""
        if self.nested:
            return sum(n for lo, hi, n in self.ranges if a <= lo and hi <= b)
        i, j = bisect.bisect_left(self.los, a), bisect.bisect_right(self.his, b)
        return self.sums[j] - self.sums[i] if j > i else 0

    def overlapping(self, a: int, b: int) -> list[tuple[int, int]]:
        """(start, end) of the ranges that overlap [a, b)."""
        if self.nested:
            return [(lo, hi) for lo, hi, _n in self.ranges if lo < b and hi > a]
        i, j = bisect.bisect_right(self.his, a), bisect.bisect_left(self.los, b)
        return [(lo, hi) for lo, hi, _n in self.ranges[i:j]]


def _sentence_spans(text: str, *, max_chars: int, max_chars_cjk: int, keep: _Ranges, saved: _Ranges,
                    rules: _Rules) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    short = min(max_chars, max_chars_cjk)
    for a, b in _raw_spans(text, rules):
        said = b - a - saved.saved(a, b)
        if said <= short:
            out.append((a, b))
            continue
        piece = text[a:b]
        limit = max_chars_cjk if is_cjk_lang(detect_lang(piece, "en")) else max_chars
        if said <= limit:
            out.append((a, b))
        else:
            inside = [(lo - a, hi - a) for lo, hi in keep.overlapping(a, b)]
            out.extend((a + x, a + y) for x, y in _split_long(piece, limit, inside, rules))
    return out


def _raw_spans(text: str, rules: _Rules) -> list[tuple[int, int]]:
    """Sentence spans by punctuation alone, trimmed, without the punctuation-only ones."""
    spans: list[tuple[int, int]] = []
    start = 0
    depth = _Depth(text)
    for m in _STOP_RE.finditer(text):
        if m.group(1) is None and (not _is_boundary(text, m, rules) or (
                m.group(2) == "；" and depth.at(start) < depth.at(m.start()))):
            continue  # "（见张三，2019；李四，2020）": a semicolon inside an aside ends nothing
        end = m.start() if m.group(1) is not None else m.end()
        _add_trimmed(text, start, end, spans)
        start = m.end()
    _add_trimmed(text, start, len(text), spans)
    return spans


class _Depth:
    """Brackets opened minus closed in text[:i], counted once from the start of the text (many
    semicolons inside one open bracket: not each counted from the bracket on). Each offset asked
    is at least the largest asked before it or one asked before."""

    _OPEN = frozenset("（(【[")
    _CLOSE = frozenset("）)】]")

    def __init__(self, text: str) -> None:
        self.text = text
        self.memo: dict[int, int] = {0: 0}
        self.pos = 0
        self.depth = 0

    def at(self, i: int) -> int:
        if i not in self.memo:
            for c in self.text[self.pos:i]:
                self.depth += (c in self._OPEN) - (c in self._CLOSE)
            self.pos = i
            self.memo[i] = self.depth
        return self.memo[i]


def _add_trimmed(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    piece = text[a:b]
    stripped = piece.strip()
    if stripped and has_speech(stripped):
        a += len(piece) - len(piece.lstrip())
        spans.append((a, a + len(stripped)))


def _is_boundary(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """Does this run of terminators (plus closers) end a sentence?"""
    stops = m.group(2)
    end = m.end()
    nxt_m = _NONSPACE_AT.match(text, end)
    nxt = nxt_m.group(1) if nxt_m else ""
    if nxt in _CONTINUES:
        return False
    if any(c in _CJK_STOPS for c in stops):
        return True
    if stops == "?" and m.start() > 0 and end < len(text) and _HAN_RE.match(text[m.start() - 1]) \
            and _HAN_RE.match(text[end]):
        return False  # 史蒂夫?乔布斯: a lost middle dot in a name, not the end of a sentence
    directly = text[end] if end < len(text) else ""
    if directly and not directly.isspace() and not _is_cjk_or_punct(directly):
        return False  # 3.14, e.g, example.com, Yahoo!Mail
    if nxt.islower():
        return False  # "Help!" he cried. / approx. five / Wait... what
    if stops == "." or stops == "\uff0e":
        return _period_ends(text, m.start(), nxt, rules)
    if stops[0] in ".…" and nxt_m is not None and nxt == "I" and _PRONOUN_I.match(text, nxt_m.start(1)):
        return False  # "Well... I think so": a hesitation, not an ending
    return True


def _period_ends(text: str, dot: int, nxt: str, rules: _Rules) -> bool:
    """A single period followed by a space: not after an abbreviation or an initial."""
    lo = max(0, dot - 24)
    ws = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot), text.rfind("\u00a0", lo, dot))
    token = text[(ws + 1 if ws >= 0 else lo):dot].lstrip(_OPENERS)
    if not token or _is_cjk_or_punct(token[-1]):
        return True
    low = token.lower()
    for m in rules.multi.finditer(text, max(0, dot - 12), min(len(text), dot + 12)) if rules.multi else ():
        if m.start() <= dot < m.end():
            return m.end() == dot + 1 and m.groupdict().get("era") is not None and (nxt.isupper() or not nxt)
    if rules.ordinal_noun and token.isdigit() and len(token) <= 2 and rules.ordinal_noun.match(text, dot + 1):
        return False
    if nxt and _ROMAN_RE.fullmatch(token) and _line_start(text, dot - len(token)):
        return False  # "IX. Scope": a numbered heading, not a sentence "IX." (nor "\nII.", " II.")
    if low in rules.may_end:
        return nxt.isupper() or not nxt
    if low in rules.abbrev or (_INITIAL_RE.fullmatch(token) and token != "I"):  # "So do I."
        return not nxt  # at the very end of the text it still ends the sentence
    if low in rules.before_number:
        return not nxt.isdigit()
    if _DOTTED_RE.fullmatch(token):
        return not nxt
    return True


def _line_start(text: str, i: int) -> bool:
    """Does offset ``i`` start a line, but for spaces and openers before it ("  (IX.")? Looked
    for 24 characters back at most (a line's start further back has a word in between)."""
    lo = max(0, i - 24)
    nl = text.rfind("\n", lo, i)
    if nl < 0 and lo > 0:
        return False
    return not text[nl + 1:i].strip().lstrip(_OPENERS)


def _is_cjk_or_punct(c: str) -> bool:
    o = ord(c)
    return (0x3000 <= o <= 0x303F or 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF
            or 0x4E00 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x3134F or c in _WIDE_PUNCT)


def _latin_tok(c: str) -> bool:
    """Part of a Latin token (word, number, URL, e-mail): cutting between two of these is forbidden."""
    return not c.isspace() and not _is_cjk_or_punct(c)


def split_long(text: str, limit: int, keep: Sequence[tuple[int, int]] = (), *,
               lang: str = "en") -> list[tuple[int, int]]:
    """Split one over-long sentence into trimmed spans of at most ``limit`` characters, never
    inside a Latin token or number. A token longer than the limit stays whole.

    The cuts are chosen together (dynamic programming), in this order of preference: as few cuts
    between words (not at clause punctuation) as possible, a cut before a conjunction ("and",
    "which", "因为"...) counting half; then as few pieces as possible; then
    no fragment shorter than a quarter of the limit; then pieces cut between words as even as
    possible (a conjunction cut counts as a little more even); then, among equals, the
    longest first pieces (cut at the last clause mark that fits). So "Over the past few decades,
    <180 characters without a comma>" becomes two even halves, not "Over the past few decades,"
    plus two more pieces. Word cuts are whitespace, jieba words for CJK (jieba is loaded only
    when clause punctuation alone cannot do it).

    Clause places are clause punctuation and a full stop inside the sentence that ends no
    abbreviation (the parts of a reference: "... Applications. | pp. 188–203."); the place before
    an aside or a quotation of more than two words counts as a cut before a conjunction (a
    reader pauses there, though less than at a comma). A parenthesis or quotation
    that fits in ``limit`` is kept whole when any other split exists (an opener never closed
    runs to the end: the quotation goes on in the next sentence); one longer than the limit is
    cut inside at clause places, between its words only when it has none that fit. ``lang``
    says which abbreviations end no clause (see :func:`split_sentences`).

    The work is linear in the text for a fixed limit, whatever its brackets (an opener never
    closed in untrusted text runs to the end: masks and stub counts come from one pass).
    """
    return _split_long(text, limit, keep, _rules(lang))


def _split_long(text: str, limit: int, keep: Sequence[tuple[int, int]], rules: _Rules) -> list[tuple[int, int]]:
    n = len(text.rstrip())
    s0 = _skip_space(text, 0, n)
    if n - s0 <= limit:
        return [(s0, n)] if n > s0 else []
    def free_of_keep(cuts: list[int]) -> list[int]:  # never inside a kept range (a formula)
        return [c for c in cuts if not any(lo < c < hi for lo, hi in keep)] if keep else cuts

    spans = _bracket_spans(text)
    stubs = _Stubs(text)
    clause = free_of_keep(_clause_cuts(text, s0, n, rules))
    asides = frozenset(free_of_keep(_aside_cuts(text, s0, n, spans, stubs)))
    short, inside = _inside_brackets(text, spans, limit)
    ok = [c for c in clause if not short[c]]  # not inside a parenthesis or quotation kept whole
    cuts = _best_cuts(text, s0, n, ok, frozenset(ok), limit, stubs, overflow=False, soft=asides)
    if cuts is not None and stubs.count(s0, cuts):
        cuts = None  # "因此，| ...": clause marks alone leave a stub; words may do better
    words: list[int] = []

    def between_words() -> list[int]:  # (before an aside too: a word cut that counts half)
        return words or sorted(asides.union(free_of_keep([w for w in _word_cuts(text) if s0 < w < n])))

    if cuts is None:  # a stretch between clause marks is longer than the limit: cut between words
        words = between_words()
        free = [w for w in words if not inside[w]]
        cuts = _best_cuts(text, s0, n, sorted(set(ok).union(free)), frozenset(ok), limit, stubs,
                          overflow=False, soft=asides)
        if cuts is None:  # a long quotation without a clause mark that fits: between its words
            cuts = _best_cuts(text, s0, n, sorted(set(ok).union(w for w in words if not short[w])),
                              frozenset(ok), limit, stubs, overflow=False, soft=asides)
    if cuts is not None and stubs.count(s0, cuts):
        # "Section 11 | (Public servant obtaining ..., without ...)": a piece of one or two words
        # is worse than a cut at a comma inside the brackets
        words = between_words()
        inner = _best_cuts(text, s0, n, sorted(set(clause).union(words)), frozenset(clause), limit, stubs,
                           overflow=False, soft=asides)
        if inner is not None and not stubs.count(s0, inner):
            cuts = inner
    if cuts is None and len(ok) < len(clause):
        cuts = _best_cuts(text, s0, n, clause, frozenset(clause), limit, stubs, overflow=False)
    if cuts is None:  # nothing fits outside brackets: any clause mark or word, a long token whole
        cuts = _best_cuts(text, s0, n, sorted(set(clause).union(between_words())),
                          frozenset(clause), limit, stubs, overflow=True, soft=asides)
    out: list[tuple[int, int]] = []
    s = s0
    for cut in cuts or [n]:
        end = cut
        while end > s and text[end - 1].isspace():
            end -= 1
        if end > s:
            out.append((s, end))
        s = _skip_space(text, cut, n)
    return [(a, b) for a, b in out if has_speech(text[a:b])] or ([(0, n)] if n else [])


# A reader pauses before an aside or a quotation of more than two words: a cut there is as good
# as one before "and" ("(ELL)", "(2010)" are read with their word; "your grade and | (as stated
# ...)" leaves "and" hanging). Not before "[": "[12]" is a citation mark.
_PAUSE_OPENERS = frozenset("(（“「『《【〔")
# "September 11, 1985": the comma of a date is no clause end
_DATE_COMMA = re.compile(r"\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-9]{1,2},"
                         r"(?=\s+[0-9]{3,4}\b)")
_INNER_STOP = re.compile(r"(?<=[^\W_])(?<![A-Z])\.(?=\s+\S)")


def _aside_cuts(text: str, s0: int, n: int, spans: list[tuple[int, int]], stubs: _Stubs) -> list[int]:
    """Offsets in text[s0:n] right before an aside or a quotation (``spans``: its brackets and
    quotations, :func:`_bracket_spans`) a reader pauses before, sorted."""
    cuts = []
    for a, b in spans:
        if s0 < a < n and text[a] in _PAUSE_OPENERS and not stubs.is_stub(a, b):
            before = text[a - 1]
            if before.isspace():
                if _after_function_word(text, a):
                    continue
            elif text[a].isascii() or not _is_cjk_or_punct(before) or before in _PAUSE_OPENERS:
                continue
            cuts.append(a)
    return sorted(cuts)


_FUNCTION_WORDS = frozenset("""
and or but nor the a an of to in on at by for with from as about into than that this these those
its their his her our your my is are was were be
el la los las lo del al de en para por con un una le les du des au aux et y
""".split())


def _after_function_word(text: str, j: int) -> bool:
    """Is the word before offset ``j`` one that cannot end a piece ("and", "the", "para el")?"""
    word = text[max(0, j - 12):j].split()
    return bool(word) and word[-1].lower() in _FUNCTION_WORDS


def _clause_cuts(text: str, s0: int, n: int, rules: _Rules) -> list[int]:
    """Offsets in text[s0:n] where a long sentence may be cut as at a comma, sorted."""
    cuts = {m.end() for m in _CLAUSE_RE.finditer(text, s0, n) if s0 < m.end() < n}
    if "," in text:
        cuts.difference_update(m.end() for m in _DATE_COMMA.finditer(text, s0, n))
    for m in _INNER_STOP.finditer(text, s0, n):  # "Applications. pp. 188": a part of a reference
        if _period_ends(text, m.start(), "x", rules):
            cuts.add(m.end())
    return sorted(cuts)


_PAIRS = {"(": ")", "（": "）", "[": "]", "【": "】", "“": "”", "「": "」", "『": "』", "《": "》", "‘": "’",
          "〔": "〕"}
_CLOSING = frozenset(_PAIRS.values())
_QUOTE_CLOSERS = frozenset("”」』")


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each parenthesis, bracket or quotation of ``text``, its marks included. An
    opener never closed runs to the end of the text and a closing quotation mark never opened
    from its start (a quotation of several sentences); a stray ")" ("1) mix") opens nothing."""
    n = len(text)
    stack: list[tuple[str, int]] = []
    # where in ``stack`` each closer's openers stand (a closer finds its opener at once, not by
    # a search down a stack of thousands of other openers)
    where: dict[str, list[int]] = {c: [] for c in _CLOSING}
    spans: list[tuple[int, int]] = []
    quote = -1
    for i, ch in enumerate(text):
        if ch in _PAIRS and ch != "‘" or ch == "‘" and not (i and text[i - 1].isalnum()):
            where[_PAIRS[ch]].append(len(stack))
            stack.append((_PAIRS[ch], i))
        elif ch in _CLOSING:
            if ch == "’" and 0 < i < n - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
                continue  # an apostrophe: "don’t"
            at = where[ch][-1] if where[ch] else -1
            if at >= 0:
                spans.append((stack[at][1], i + 1))
                while len(stack) > at:  # openers inside it that were never closed end with it
                    where[stack.pop()[0]].pop()
            elif ch in _QUOTE_CLOSERS:
                spans.append((0, i + 1))
        elif ch == '"':
            if quote >= 0:
                spans.append((quote, i + 1))
                quote = -1
            else:
                quote = i
    spans.extend((at, n) for _closer, at in stack)
    if quote >= 0:  # an odd straight quote: an opener if a word follows it, else a closer
        spans.append((quote, n) if quote + 1 < n and not text[quote + 1].isspace() else (0, quote + 1))
    return spans


def _inside_brackets(text: str, spans: list[tuple[int, int]], limit: int) -> tuple[list[bool], list[bool]]:
    """For each offset 0..len(text): is a cut there inside one of the brackets ``spans`` of at
    most ``limit`` characters (one that can be kept whole), and inside any at all?"""
    # +1 where a span's inside starts, -1 where it ends, summed in one pass: linear however many
    # spans overlap (openers never closed all run to the end of the text)
    starts_short = [0] * (len(text) + 1)
    starts_inside = [0] * (len(text) + 1)
    for a, b in spans:
        if b - a > 1:
            starts_inside[a + 1] += 1
            starts_inside[b] -= 1
            if b - a <= limit:
                starts_short[a + 1] += 1
                starts_short[b] -= 1
    return ([d > 0 for d in itertools.accumulate(starts_short)],
            [d > 0 for d in itertools.accumulate(starts_inside)])


def _best_cuts(text: str, s0: int, n: int, cands: list[int], clause: frozenset[int], limit: int,
               stubs: _Stubs, *, overflow: bool, soft: frozenset[int] = frozenset()) -> list[int] | None:
    """The best list of cut positions (ending with ``n``) for text[s0:n], or None if no split
    into pieces of at most ``limit`` exists (with ``overflow``, a piece may run past the limit
    to the first cut after it: a token longer than the limit). A cut at a ``soft`` place
    (before an aside) counts as one before a conjunction."""
    ends = cands + [n]
    # before a conjunction or an aside, unless a function word is left hanging ("para el | que")
    joints = {j for j in cands if j not in clause and (j in soft or _CONJ_RE.match(text, _skip_space(text, j, n)))
              and not _after_function_word(text, j)}
    short = limit / 4  # a piece shorter than this is a fragment
    bonus = (limit // 8) ** 2  # worth about limit/8 characters of imbalance between two pieces
    # best[k]: (cost, next cut index) for the rest of the text after ends[k]; cost is a tuple
    # (stubs: pieces of one or two words, which a listener cannot follow; word cuts, 2 each or
    # 1 before a conjunction; pieces; fragment penalty; evenness penalty)
    best: list[tuple[tuple[int, int, int, float, int], int] | None] = [None] * len(ends)
    best[-1] = ((0, 0, 0, 0.0, 0), -1)

    def solve(start: int, from_word: bool) -> tuple[tuple[int, int, int, float, int], int] | None:
        lo = bisect.bisect_right(ends, start)
        hi = bisect.bisect_right(ends, start + limit)
        choices = range(hi - 1, lo - 1, -1)
        if hi <= lo:
            if not overflow or lo >= len(ends):
                return None
            choices = range(lo, lo + 1)
        found = None
        for k in choices:  # latest cut first: among equal costs the longest piece wins
            rest = best[k]
            if rest is None:
                continue
            j = ends[k]
            end = j
            while end > start and text[end - 1].isspace():
                end -= 1
            length = end - start
            word = j != n and j not in clause
            (st, w, p, f, e), _ = rest
            even = length * length if word or from_word else 0
            wcost = 0
            if word:
                wcost = 2
                if j in joints:
                    wcost = 1  # "... (ELL) | and new research ...": cut before a conjunction
                    even -= bonus
            stub = stubs.is_stub(start, end)
            cost = (st + stub, w + wcost, p + 1, f + max(0.0, short - length) ** 2, e + even)
            if found is None or cost < found[0]:
                found = (cost, k)
        return found

    for k in range(len(ends) - 2, -1, -1):
        c = ends[k]
        best[k] = solve(_skip_space(text, c, n), c not in clause)
    first = solve(s0, False)
    if first is None:
        return None
    cuts: list[int] = []
    k = first[1]
    while k >= 0:
        cuts.append(ends[k])
        nxt = best[k]
        k = nxt[1] if nxt is not None else -1
    return cuts


# a CJK character that is a letter or digit is counted (see _is_cjk_or_punct for the ranges)
_CJK_OR_PUNCT_RE = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
                              "\uff00-\uffef\U00020000-\U0003134f]")
_WORD_START_RE = re.compile(r"(?<=\s)\S")


class _Stubs:
    """Is a piece of ``text`` a stub: one or two words (a Chinese piece of four characters or
    fewer)? Answered from word starts and CJK characters found in one pass over the text, so
    that asking about many long, overlapping pieces costs no copy of each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = [m.start() for m in _WORD_START_RE.finditer(text)]
        self.cjk = [m.start() for m in _CJK_OR_PUNCT_RE.finditer(text) if m.group().isalnum()]

    def is_stub(self, a: int, b: int) -> int:
        """1 if text[a:b] is a stub, else 0."""
        if a >= b:
            return 1
        words = bisect.bisect_left(self.words, b) - bisect.bisect_right(self.words, a)
        if not self.text[a].isspace():
            words += 1  # a word starts right at ``a``
        if words > 2:
            return 0
        return int(bisect.bisect_left(self.cjk, b) - bisect.bisect_left(self.cjk, a) <= 4)

    def count(self, s0: int, cuts: list[int]) -> int:
        """How many of the pieces that ``cuts`` make from ``s0`` on are stubs."""
        return sum(self.is_stub(a, b) for a, b in zip([s0] + cuts[:-1], cuts))


def _skip_space(text: str, i: int, n: int) -> int:
    while i < n and text[i].isspace():
        i += 1
    return i


def _word_cuts(text: str) -> list[int]:
    """Offsets between words where a cut is allowed, sorted."""
    if _CJK_RE.search(text):
        cuts = {end for _w, _s, end in jieba_tokenizer().tokenize(text)}
    else:
        cuts = {m.start() for m in _SPACE_RE.finditer(text)}
    n = len(text)
    dates = {m.end() for m in _MONTH_DAY.finditer(text)}
    return sorted(c for c in cuts
                  if 0 < c < n and not (_latin_tok(text[c - 1]) and _latin_tok(text[c])) and c not in dates)


# "October | 12, 1993": a date is never cut between its month and its day
_MONTH_DAY = re.compile(r"\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?=\s+[0-9]{1,2}\b)")


