"""Maths words for lessons in Finnish, German, French and Spanish; a neutral reading for others.

:mod:`narrator.script.maths` says a formula in English or Chinese. A formula inside a Finnish
sentence said in English words is wrong twice: the words are English, and the Finnish voice
reads them with Finnish letter sounds (eSpeak's fi voice says "x squared plus 1" as "äks
sqˈuared plus yksi"). Given the written form instead, eSpeak drops what it cannot read: "x² + 1"
is "äks kaksi plus yksi", "a < b" is "aa bee" and "x − 2" switches to English for "minus". So a
reading is made in English and then said with this module's words for the lesson's language:
"N equals n times N A" is "N on yhtä kuin n kertaa N A" in Finnish, "N gleich n mal N A" in German.

Only words narrate adds are replaced; what the formula itself wrote (variables, ``\\text{...}``
words, names) stays. When a reading needs a word a language's table does not have, the formula
is given as written (:func:`neutral`): a voice reading symbols in its own language is better
than English words in the middle of the sentence. Languages without a table get that too.

    >>> translate("x squared plus 1", "de", "x^2+1")
    'x Quadrat plus 1'
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

__all__ = ["LANGUAGES", "neutral", "translate"]

# English phrase (as maths.py says it; a "(.+?)" is a slot) -> Finnish, German, French, Spanish.
# Longer phrases are tried first, so "is less than or equal to" wins over "is less than".
_PHRASES: list[tuple[str, str, str, str, str]] = [
    # relations
    ("is less than or equal to", "on pienempi tai yhtä suuri kuin", "ist kleiner oder gleich",
     "est inférieur ou égal à", "es menor o igual que"),
    ("is greater than or equal to", "on suurempi tai yhtä suuri kuin", "ist größer oder gleich",
     "est supérieur ou égal à", "es mayor o igual que"),
    ("is less than", "on pienempi kuin", "ist kleiner als", "est inférieur à", "es menor que"),
    ("is greater than", "on suurempi kuin", "ist größer als", "est supérieur à", "es mayor que"),
    ("is much less than", "on paljon pienempi kuin", "ist viel kleiner als", "est très inférieur à",
     "es mucho menor que"),
    ("is much greater than", "on paljon suurempi kuin", "ist viel größer als", "est très supérieur à",
     "es mucho mayor que"),
    ("is not equal to", "on erisuuri kuin", "ist ungleich", "est différent de", "es distinto de"),
    ("is approximately", "on likimain", "ist ungefähr", "est environ", "es aproximadamente"),
    ("is identical to", "on identtisesti", "ist identisch", "est identique à", "es idéntico a"),
    ("is proportional to", "on verrannollinen suureeseen", "ist proportional zu", "est proportionnel à",
     "es proporcional a"),
    ("is similar to", "on yhdenmuotoinen kuin", "ist ähnlich zu", "est semblable à", "es semejante a"),
    ("is congruent to", "on yhtenevä kuin", "ist kongruent zu", "est congru à", "es congruente con"),
    ("is distributed as", "noudattaa jakaumaa", "ist verteilt nach", "suit la loi", "se distribuye como"),
    ("is perpendicular to", "on kohtisuorassa", "ist senkrecht zu", "est perpendiculaire à",
     "es perpendicular a"),
    ("is parallel to", "on yhdensuuntainen", "ist parallel zu", "est parallèle à", "es paralelo a"),
    ("is a subset of", "on osajoukko joukolle", "ist Teilmenge von", "est inclus dans", "es subconjunto de"),
    ("if and only if", "jos ja vain jos", "genau dann wenn", "si et seulement si", "si y solo si"),
    ("is equivalent to", "on yhtäpitävä", "ist äquivalent zu", "est équivalent à", "es equivalente a"),
    ("equals", "on yhtä kuin", "gleich", "égale", "es igual a"),
    ("implies", "seuraa", "daraus folgt", "implique", "implica"),
    ("tends to", "lähestyy", "gegen", "tend vers", "tiende a"),
    ("maps to", "kuvautuu", "wird abgebildet auf", "s'envoie sur", "se aplica en"),
    ("not in", "ei kuulu joukkoon", "nicht Element von", "n'appartient pas à", "no pertenece a"),
    ("in", "kuuluu joukkoon", "Element von", "appartient à", "pertenece a"),
    # operations
    ("plus or minus", "plus miinus", "plus minus", "plus ou moins", "más menos"),
    ("minus or plus", "miinus plus", "minus plus", "moins ou plus", "menos más"),
    ("plus", "plus", "plus", "plus", "más"),
    ("minus", "miinus", "minus", "moins", "menos"),
    ("times", "kertaa", "mal", "fois", "por"),
    ("divided by", "jaettuna", "geteilt durch", "divisé par", "dividido entre"),
    ("the fraction", "", "", "", ""),
    ("over", "jaettuna", "durch", "sur", "entre"),
    ("squared", "toiseen", "Quadrat", "au carré", "al cuadrado"),
    ("cubed", "kolmanteen", "hoch drei", "au cube", "al cubo"),
    ("to the power", "potenssiin", "hoch", "puissance", "elevado a"),
    ("factorial", "kertoma", "Fakultät", "factorielle", "factorial"),
    ("the square root of", "neliöjuuri", "die Wurzel aus", "racine carrée de", "la raíz cuadrada de"),
    ("the cube root of", "kuutiojuuri", "die dritte Wurzel aus", "racine cubique de", "la raíz cúbica de"),
    ("choose", "yli", "über", "parmi", "sobre"),
    ("union", "yhdiste", "vereinigt", "union", "unión"),
    ("intersection", "leikkaus", "geschnitten", "inter", "intersección"),
    ("the empty set", "tyhjä joukko", "die leere Menge", "l'ensemble vide", "el conjunto vacío"),
    ("for all", "kaikilla", "für alle", "pour tout", "para todo"),
    ("there exists", "on olemassa", "es gibt", "il existe", "existe"),
    ("therefore", "siis", "also", "donc", "por lo tanto"),
    ("because", "koska", "weil", "car", "porque"),
    ("given", "ehdolla", "gegeben", "sachant", "dado"),
    ("divides", "jakaa", "teilt", "divise", "divide a"),
    ("and so on", "ja niin edelleen", "und so weiter", "et ainsi de suite", "etcétera"),
    ("infinity", "ääretön", "unendlich", "l'infini", "infinito"),
    ("percent", "prosenttia", "Prozent", "pour cent", "por ciento"),
    ("per mille", "promillea", "Promille", "pour mille", "por mil"),
    ("degrees Celsius", "celsiusastetta", "Grad Celsius", "degrés Celsius", "grados Celsius"),
    ("degrees Fahrenheit", "fahrenheitastetta", "Grad Fahrenheit", "degrés Fahrenheit", "grados Fahrenheit"),
    ("degrees", "astetta", "Grad", "degrés", "grados"),
    ("degree Celsius", "celsiusaste", "Grad Celsius", "degré Celsius", "grado Celsius"),
    ("degree", "aste", "Grad", "degré", "grado"),
    ("angle", "kulma", "Winkel", "angle", "ángulo"),
    ("triangle", "kolmio", "Dreieck", "triangle", "triángulo"),
    ("gives", "tuottaa", "ergibt", "donne", "da"),
    ("is in equilibrium with", "on tasapainossa", "im Gleichgewicht mit", "en équilibre avec", "en equilibrio con"),
    ("to", "nuoli", "nach", "vers", "a"),  # a lone arrow: f: A → B, 4 Fe + 3 O₂ → 2 Fe₂O₃
    # what maths.py says only for these tables, where "to" would be the arrow's: a ratio (3:2) and a
    # range (\qtyrange{1}{5}{\metre}, "1 bis 5 m")
    ("in ratio to", "suhteessa", "zu", "à", "a"),
    ("up to", "–", "bis", "à", "a"),
    # summaries of long formulas
    ("a long formula:", "pitkä kaava:", "eine lange Formel:", "une longue formule :", "una fórmula larga:"),
    ("a long expression", "pitkä lauseke", "ein langer Ausdruck", "une longue expression",
     "una expresión larga"),
    ("an expression of (\\d+) terms", "lauseke, jossa on \\1 termiä", "ein Ausdruck mit \\1 Termen",
     "une expression de \\1 termes", "una expresión de \\1 términos"),
    ("a polynomial in (\\S+) of degree (\\d+) with (\\d+) terms",
     "muuttujan \\1 polynomi, asteluku \\2, \\3 termiä", "ein Polynom in \\1 vom Grad \\2 mit \\3 Termen",
     "un polynôme en \\1 de degré \\2 à \\3 termes", "un polinomio en \\1 de grado \\2 con \\3 términos"),
    ("a (\\d+) by (\\d+) matrix", "\\1 kertaa \\2 -matriisi", "eine \\1 mal \\2 Matrix",
     "une matrice \\1 par \\2", "una matriz de \\1 por \\2"),
    ("which", "joka", "und das", "ce qui", "lo que"),
    # marks and names
    ("conjugate transpose", "liittomatriisi", "adjungiert", "transconjuguée", "traspuesta conjugada"),
    ("transpose", "transpoosi", "transponiert", "transposée", "traspuesta"),
    ("inverse", "potenssiin miinus 1", "hoch minus 1", "inverse", "inversa"),
    ("superscript", "yläindeksi", "oben", "exposant", "superíndice"),
    ("sub", "alaindeksi", "Index", "indice", "subíndice"),
    ("double prime", "kaksi pilkkua", "zwei Strich", "seconde", "biprima"),
    ("prime", "pilkku", "Strich", "prime", "prima"),
    ("star", "tähti", "Stern", "étoile", "estrella"),
    ("dagger", "risti", "Kreuz", "dague", "daga"),
    ("double dot", "kaksi pistettä", "zwei Punkte", "deux points", "dos puntos"),
    ("dot", "piste", "Punkt", "point", "punto"),
    ("hat", "hattu", "Dach", "chapeau", "gorro"),
    ("bar", "viiva", "quer", "barre", "barra"),
    ("tilde", "tilde", "Tilde", "tilde", "tilde"),
    ("vector", "vektori", "Vektor", "vecteur", "vector"),
    ("perp", "ortogonaalikomplementti", "orthogonal", "orthogonal", "ortogonal"),
    ("capital (\\S+)", "iso \\1", "groß \\1", "\\1 majuscule", "\\1 mayúscula"),
    ("big O", "iso O", "groß O", "grand O", "O grande"),
    ("the real numbers", "reaaliluvut", "die reellen Zahlen", "les réels", "los números reales"),
    ("the complex numbers", "kompleksiluvut", "die komplexen Zahlen", "les complexes", "los números complejos"),
    ("the natural numbers", "luonnolliset luvut", "die natürlichen Zahlen", "les entiers naturels",
     "los números naturales"),
    ("the integers", "kokonaisluvut", "die ganzen Zahlen", "les entiers relatifs", "los números enteros"),
    ("the rational numbers", "rationaaliluvut", "die rationalen Zahlen", "les rationnels", "los números racionales"),
    ("the absolute value of", "itseisarvo", "der Betrag von", "valeur absolue de", "el valor absoluto de"),
    ("the norm of", "normi", "die Norm von", "norme de", "la norma de"),
    ("the inner product of (.+?) and (.+?),", "sisätulo \\1, \\2,", "das Skalarprodukt von \\1 und \\2,",
     "le produit scalaire de \\1 et \\2,", "el producto escalar de \\1 y \\2,"),
    ("the set of (.+?) such that", "niiden \\1 joukko, joille", "die Menge der \\1 mit",
     "l'ensemble des \\1 tels que", "el conjunto de los \\1 tales que"),
    # any number's ending (1st, 2nd, 3rd, 4th): the ending is English, the order a number (French
    # and Spanish say the order of a number: "2-ième" and "1-ésima" are no words, "1re" is feminine)
    ("the (\\d+)(?:st|nd|rd|th) derivative of (\\S+)", "\\2:n \\1. derivaatta", "die \\1. Ableitung von \\2",
     "la dérivée d'ordre \\1 de \\2", "la derivada de orden \\1 de \\2"),
    ("the (\\S+)-th derivative of (\\S+)", "\\2:n \\1:s derivaatta", "die \\1-te Ableitung von \\2",
     "la dérivée \\1-ième de \\2", "la derivada \\1-ésima de \\2"),
    # big operators (their slots: from, to)
    ("the sum from (.+?) to (.+?) of", "summa, alaraja \\1, yläraja \\2,", "die Summe von \\1 bis \\2 über",
     "la somme de \\1 à \\2 de", "la suma desde \\1 hasta \\2 de"),
    ("the sum over (.+?) of", "summa yli \\1,", "die Summe über \\1 von", "la somme sur \\1 de",
     "la suma sobre \\1 de"),
    ("the sum of", "summa", "die Summe von", "la somme de", "la suma de"),
    ("the product from (.+?) to (.+?) of", "tulo, alaraja \\1, yläraja \\2,", "das Produkt von \\1 bis \\2 über",
     "le produit de \\1 à \\2 de", "el producto desde \\1 hasta \\2 de"),
    ("the integral from (.+?) to (.+?) of", "integraali, alaraja \\1, yläraja \\2,",
     "das Integral von \\1 bis \\2 über", "l'intégrale de \\1 à \\2 de", "la integral desde \\1 hasta \\2 de"),
    ("the integral of", "integraali", "das Integral über", "l'intégrale de", "la integral de"),
    ("the limit as (.+?), of", "raja-arvo, kun \\1,", "der Grenzwert für \\1 von", "la limite quand \\1 de",
     "el límite cuando \\1 de"),
    ("the limit of", "raja-arvo", "der Grenzwert von", "la limite de", "el límite de"),
    ("the maximum over (.+?) of", "maksimi yli \\1,", "das Maximum über \\1 von", "le maximum sur \\1 de",
     "el máximo sobre \\1 de"),
    ("the minimum over (.+?) of", "minimi yli \\1,", "das Minimum über \\1 von", "le minimum sur \\1 de",
     "el mínimo sobre \\1 de"),
    ("the maximum of", "maksimi", "das Maximum von", "le maximum de", "el máximo de"),
    ("the minimum of", "minimi", "das Minimum von", "le minimum de", "el mínimo de"),
    ("the determinant of", "determinantti", "die Determinante von", "le déterminant de", "el determinante de"),
    ("the derivative with respect to (.+?) of", "derivaatta muuttujan \\1 suhteen", "die Ableitung nach \\1 von",
     "la dérivée par rapport à \\1 de", "la derivada respecto a \\1 de"),
    ("d (\\S+) by d (\\S+)", "d \\1 per d \\2", "d \\1 nach d \\2", "d \\1 sur d \\2", "d \\1 entre d \\2"),
    ("partial (\\S+) by partial (\\S+)", "osittais \\1 per osittais \\2", "partiell \\1 nach partiell \\2",
     "d rond \\1 sur d rond \\2", "parcial \\1 entre parcial \\2"),
    ("sine", "sini", "Sinus", "sinus", "seno"),
    ("cosine", "kosini", "Kosinus", "cosinus", "coseno"),
    ("tangent", "tangentti", "Tangens", "tangente", "tangente"),
    ("natural log", "luonnollinen logaritmi", "natürlicher Logarithmus", "logarithme népérien",
     "logaritmo natural"),
    ("log", "logaritmi", "Logarithmus", "logarithme", "logaritmo"),
    ("exponential", "eksponenttifunktio", "Exponentialfunktion", "exponentielle", "exponencial"),
    ("if", "kun", "falls", "si", "si"),
    ("otherwise", "muulloin", "sonst", "sinon", "en otro caso"),
    ("and", "ja", "und", "et", "y"),
    ("or", "tai", "oder", "ou", "o"),
    ("not", "ei", "nicht", "non", "no"),
    ("of", "", "von", "de", "de"),
]
LANGUAGES = ("fi", "de", "fr", "es")
"""Languages with maths words of their own here (English and Chinese are maths.py's)."""

# words any language may keep: Greek letter names, single letters, what the formula wrote
_GREEK = frozenset("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho "
                   "sigma tau upsilon phi chi psi omega".split())
_WORD = re.compile(r"[^\W\d_]{2,}")
_SYMBOL = re.compile(r"[µμΩα-ω]")  # µm, kΩ: unit symbols; λ: a Greek letter as written


@lru_cache(maxsize=8)
def _table(lang: str) -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str]], frozenset[str]]:
    k = LANGUAGES.index(lang) + 1
    rows = sorted(_PHRASES, key=lambda r: -len(r[0].replace("(.+?)", "").replace("(\\S+)", "")))
    compiled = [(re.compile(rf"(?<![\w-]){r[0]}(?![\w-])"), r[k]) for r in rows]
    joined = re.compile("|".join(f"(?:{p.pattern})" for p, _ in compiled))
    vocabulary = frozenset(w.lower() for r in _PHRASES for w in _WORD.findall(r[k]))
    return joined, compiled, vocabulary


def translate(english: str, lang: str, source: str, symbols: Collection[str] = ()) -> str | None:
    """``english`` (a reading by maths.py) said with ``lang``'s words, or None when it needs a
    word the table lacks. Words written in ``source`` (the TeX or text read) are kept, and the
    unit ``symbols`` the reading made of it ("kg" of ``\\SI{2}{\\kilogram}``)."""
    base = lang.lower().replace("_", "-").split("-")[0]
    if base not in LANGUAGES:
        return None
    joined, compiled, vocabulary = _table(base)

    def one(m: re.Match[str]) -> str:
        said = m.group()
        if all(w.lower() in written for w in _WORD.findall(said)):
            return said  # the lesson's own words ("in", "plus" in a German sentence)
        for pattern, replacement in compiled:  # which phrase matched: the first that matches all of it
            full = pattern.fullmatch(said)
            if full:
                return full.expand(replacement) if "\\" in replacement else replacement
        return said

    written = {w.lower() for w in _WORD.findall(_macro_free(source))}
    # names written as commands (\min, \sup, \operatorname) may be kept, not translated
    allowed = written | {w.lower() for w in re.findall(r"\\([A-Za-z]{2,})", source)}
    allowed |= {w.lower() for w in symbols}
    said = _repeat(joined, one, english)
    for word in _WORD.findall(said):
        w = word.lower()
        if w not in vocabulary and w not in allowed and w not in _GREEK and not _SYMBOL.search(w):
            return None  # an English word would be left in the sentence
    return " ".join(said.replace(" ,", ",").split()).strip(" ,")


def _repeat(pattern: re.Pattern[str], one: object, text: str) -> str:
    """Replace phrases left to right; a slot's text (the "i equals 1" of "the sum from i equals
    1 to n of") is translated too."""
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        said = one(m)  # type: ignore[operator]
        if said != m.group() and m.lastindex:  # slots: translate what they hold
            said = _slots(pattern, one, m, said)
        out.append(said)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _slots(pattern: re.Pattern[str], one: object, m: re.Match[str], said: str) -> str:
    for group in m.groups():
        if group and pattern.search(group):
            said = said.replace(group, _repeat(pattern, one, group), 1)
    return said


def _macro_free(source: str) -> str:
    """``source`` without TeX command names (\\frac, \\sqrt: not words of the formula)."""
    return re.sub(r"\\[A-Za-z]+", " ", source)


_SPACED = re.compile(r"\s*([=+<>≤≥≠≈±×·⋅/−-])\s*")


def neutral(written: str) -> str:
    """A formula as written, for a voice to read in its own language: operators spaced (eSpeak
    drops "²" in "x²+1" but reads "x² + 1"), the minus sign as a hyphen-minus, no TeX marks."""
    text = written.replace("−", "-")
    text = _SPACED.sub(lambda m: f" {m.group(1)} ", text)
    text = re.sub(r"[\\{}^_$]", " ", text)
    return " ".join(text.split())
