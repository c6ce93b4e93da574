"""Code-like markup quoted in running text, said as a reader says it aloud (issue 19).

    >>> say_markup('<a href="#top">Return to the top</a>')
    'A tag, href hash top: Return to the top, closing A tag'
    >>> say_markup("Use the {{Main}} template when (a<b).")
    'Use the Main template when (a less than b).'

A page teaching HTML has its code read, so a tag is said by its name and attributes and a closing
tag as "closing A tag": never dropped to a letter glued to the word before it ("top</a>" was
"topa"). A tag mentioned alone keeps its plain name ("the <video> tag" is "the video tag"), an
HTML comment is said as one. Wiki templates are said by their name and arguments ("the {{Main}}
template" is "the Main template": braces are never spoken), a TeX argument's braces are dropped,
a generic type "Vec<T>" is "Vec of T" ("<&T>::" is "&T::"), a closure's "|…|" says its bars, a
comparison sign beside a number or a one-letter variable is said in words ("(a<b)", "< 61%"),
and a wildcard after a name ("wrapping_*") is "wrapping star". Only what is said changes; the
planner calls :func:`say_markup` before links, names and numbers are said.
"""

from __future__ import annotations

import re

__all__ = ["may_need", "say_markup"]

_WORDS = {
    "en": {"tag": "tag", "closing": "closing {} tag", "closing_named": "closing {}", "of": " of ",
           "star": "star", "comment": "comment:", ",": ",", "#": "hash ", "|": " vertical bar ",
           "<": "less than", ">": "greater than", "<=": "less than or equal to",
           ">=": "greater than or equal to"},
    "zh": {"tag": "标签", "closing": "结束 {} 标签", "closing_named": "结束 {}", "of": " 的 ",
           "star": "星号", "comment": "注释：", ",": "，", "#": "井号 ", "|": "竖线",
           "<": "小于", ">": "大于", "<=": "小于等于", ">=": "大于等于"},
}
# <a href="x" rel="y">, </A>, <br/>, and the optional-attributes notation of a syntax summary
# (<a href="" [target=""]>); a name of letters and digits, attributes without < or > in them
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,20})((?:\s+[^<>]{0,400}?)?)\s*(/?)>")
_ATTR = re.compile(r"([A-Za-z_:][\w:.-]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>\]]+))?")
# elements whose attributes may stand without a value (<input disabled>, <video controls>)
_ELEMENTS = frozenset("input video audio option select script details button iframe img textarea track".split())
_COMMENT = re.compile(r"<!--(.{0,400}?)-->", re.DOTALL)
_TAG_WORD = re.compile(r"\s*(?:tags?|elements?|标签|元素)\b", re.IGNORECASE)
_TEMPLATE = re.compile(r"\{\{\s*([^{}|]{1,80}?)\s*(?:\|([^{}]{0,400}))?\}\}")
# a group after a space, a bracket or at the start: "\\begin {equation}" in a listing, "the set {1, 2, 3}",
# "{L,R}": its braces are not said (an engine would say "left brace" or nothing); "2^{10}" and
# "\\frac{a}{b}" are maths
_BRACES = re.compile(r"(?:(?<=[\s(\[])|^)\{([^{}]{0,80})\}")
# <<quoted>>: guillemets typed as two angle brackets, a quotation (not a tag in brackets); "a << b"
# (spaced) and "x<<2" (after a word) are shifts
_GUILLEMETS = re.compile(r"(?<![\w<])<<(?=[^\s<=-])([^<>]{1,400}?)(?<=[^\s=-])>>(?![>=\w])")
# a LaTeX document command quoted in prose ("the reference to \\tag{My condition}"): its argument
_DOCUMENT_COMMAND = re.compile(r"(\\(?:tag|label|ref|eqref|cite|emph|textbf|textit|section|subsection"
                               r"|chapter|usepackage|documentclass|input|include|caption|footnote|title"
                               r"|author))\{([^{}]{0,80})\}")
# Vec<T>, HashMap<K, V>, Iterator<Item=T>: a type's parameters (innermost first)
_TYPE = r"[A-Za-z_&'][\w&'=:]{0,30}(?:(?: of | 的 )[A-Za-z_&'][\w&'=:]{0,30}){0,4}"  # "Vec of V" once said
_GENERIC = re.compile(rf"(?<=[A-Za-z0-9_])<({_TYPE}(?:,\s?{_TYPE}){{0,5}})>")
# <&T>::method, <[T]>::len: a type in angle brackets before a path: the brackets are not said
_QUALIFIED = re.compile(r"(?<![\w<])<([&\[\]'A-Za-z_][^<>\s]{0,30})>(?=::)")
# the parameters of a closure elided: |…|
_PIPES = re.compile(r"\|(…|\.\.\.)\|")
# "<" or ">" (or "<=", ">=") with a number or a one-letter variable on one side: "(a<b)", "< 61%",
# "version >=3.1.1"; "File > Save" (words on both sides) is a menu path, said elsewhere
_LEFT_OPERAND = re.compile(r"(?:[0-9)]|(?<![\w.])[A-Za-z])\s*$")
_HINT = re.compile(r"[<>{}|]|_\*")  # nothing else to look at: most text
_WILDCARD = re.compile(r"(?<=[A-Za-z0-9])_\*(?![\w*])")


def may_need(text: str) -> bool:
    """Could :func:`say_markup` change ``text``? (a cheap look: most text has no markup)"""
    return _HINT.search(text) is not None


def say_markup(text: str, lang: str = "en") -> str:
    """``text`` with HTML tags, wiki templates, TeX braces, generic types, comparison signs and
    wildcards said as words (see the module's docstring); text without them comes back as is."""
    if _HINT.search(text) is None:
        return text
    words = _WORDS["zh" if lang.startswith("zh") else "en"]
    if "<" in text:
        if "<<" in text:
            text = _GUILLEMETS.sub(r"«\1»", text)
        if "<!--" in text:
            text = _COMMENT.sub(lambda m: f" {words['comment']} {m.group(1).strip()}{words[',']} ", text)
        text = _TAG.sub(lambda m: _tag(m, words), text)
        for _ in range(4):  # nested parameters: HashMap<K, Vec<V>>
            said = _GENERIC.sub(lambda m: words["of"] + m.group(1), text)
            if said == text:
                break
            text = said
        text = _QUALIFIED.sub(r"\1", text)
    if "|" in text:
        text = _PIPES.sub(lambda m: f" {words['|']}{m.group(1)}{words['|']} ", text)
    if "{" in text:
        text = _TEMPLATE.sub(_template, text)
        text = _BRACES.sub(lambda m: f" {m.group(1).strip()} ", _DOCUMENT_COMMAND.sub(r"\1 \2", text))
    if "<" in text or ">" in text:
        text = _say_comparisons(text, words)
    if "_*" in text:
        text = _WILDCARD.sub(" " + words["star"], text)
    return " ".join(text.split()) if text != text.strip() or "  " in text else text


def _name(name: str) -> str:
    """A tag's name as said: one letter in capitals (engines spell "A", read "a" as a word)."""
    return name.upper() if len(name) == 1 else name.lower()


def _tag(m: re.Match[str], words: dict[str, str]) -> str:
    closing, name, attrs, _self = m.group(1), _name(m.group(2)), m.group(3).strip(), m.group(4)
    if attrs and "=" not in attrs and name.lower() not in _ELEMENTS:
        return m.group()  # "x<y and y>z": a comparison, not a tag
    before = m.string[:m.start()]
    after = m.string[m.end():]
    glued_before = bool(before) and not before[-1].isspace() and before[-1] not in "(（\"“'"
    named_after = _TAG_WORD.match(after) is not None  # "the </a> tag": "tag" is said already
    if closing:
        said = (words["closing_named"] if named_after else words["closing"]).format(name)
        lead = ", " if glued_before else " "
        return lead + said + (", " if after[:1].isalnum() else " ")
    if not attrs:
        if not _self and m.start() and (before[-1:].isalnum() or before[-1:] == "_"):
            return m.group()  # "Vec<T>": a type parameter, said by _GENERIC ("line<br/>" is a tag)
        # "the <video> element": its name; "<b>bold": the name apart from the word after it
        return (" " if glued_before else "") + name + (" " if after[:1].isalnum() else "")
    parts = []
    for a in _ATTR.finditer(attrs):
        value = (a.group(2) or "").strip("\"'").strip()
        if value.startswith("#"):
            value = words["#"] + value[1:]
        parts.append(f"{a.group(1).lower()} {value}".strip())
    said = f"{name} {words['tag']}" + "".join(f", {p}" for p in parts)
    text_after = after.strip() and not after.lstrip().startswith("</")  # "<a name="top"></a>"
    return (", " if glued_before else " ") + said + (": " if text_after else "")


def _template(m: re.Match[str]) -> str:
    """{{Main}} is "Main"; {{See also|Help:Editing}} is "See also, Help:Editing"."""
    args = [a.split("=", 1)[-1].strip() for a in (m.group(2) or "").split("|")]
    return ", ".join([m.group(1).strip()] + [a for a in args if a])


def _say_comparisons(text: str, words: dict[str, str]) -> str:
    """Comparison signs in words where an operand beside them is a number or a variable."""
    out, at = [], 0
    for m in re.finditer(r"(<=|>=|<|>)(?![<>=-])", text):
        sign, before, after = m.group(1), text[:m.start()], text[m.end():]
        if before.endswith(("-", "=", "<", ">")):
            continue  # "->", "=>", "<<": arrows and shifts, said elsewhere
        right = re.match(r"\s*(?:[-+−]?[0-9.(]|[A-Za-z](?!\w))", after)
        if re.match(r"\s*[-+−]?\.?[0-9]", after) or (right and (
                re.search(r"[0-9)]\s*$", before) or (_LEFT_OPERAND.search(before) and re.match(
                    r"\s*[A-Za-z](?!\w)", after)))):  # a number on one side, or variables on both
            out.append(text[at:m.start()].rstrip())
            out.append(f" {words[sign]} ")
            at = m.end()
            while at < len(text) and text[at] == " ":
                at += 1
    out.append(text[at:])
    return "".join(out)
