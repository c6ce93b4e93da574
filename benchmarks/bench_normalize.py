"""Text normalisation (issue 18): accuracy on NeMo's test cases per class and language, and speed.

    python benchmarks/bench_normalize.py [--wrong]    # --wrong lists every case read differently

The cases are ../shared/tn/nemo/{en,zh} (or $NARRATOR_TN), compared as the issue says: case,
punctuation and symbols ignored, English "and" ignored, Chinese spaces ignored. Each case goes
through the planner's spoken_text (what an engine is given: links, addresses, paths, maths symbols
and normalize). The English "electronic" class (URLs, e-mail addresses) is shown, and left out of
the second total: a URL is said as its site, which NeMo's spelled-out URLs cannot match. Speed is measured on generated lesson-like sentences with and without digits (and on
the shared corpus's segments when /tmp/tn-eval/data/segments.jsonl is there), each call uncached.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from narrator.normalize import normalize  # noqa: E402
from narrator.script.planner import spoken_text  # noqa: E402

OWNED_ELSEWHERE = {"en": {"electronic"}, "zh": set()}


def suite_dir() -> Path:
    if os.environ.get("NARRATOR_TN"):
        return Path(os.environ["NARRATOR_TN"])
    here = Path(__file__).resolve().parents[2] / "shared" / "tn" / "nemo"
    return here if here.is_dir() else Path("/work/shared/tn/nemo")


def comparable(s: str, lang: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    s = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in s)
    words = s.split()
    if lang == "en":
        return " ".join(w for w in words if w != "and")
    return "".join(words)


def accuracy(lang: str, show_wrong: bool) -> None:
    folder = suite_dir() / lang
    if not folder.is_dir():
        print(f"{lang}: no test cases at {folder}")
        return
    total = right = own_total = own_right = 0
    print(f"\n{lang}: class            right / cases")
    for path in sorted(folder.glob("test_cases_*.txt")):
        cls = path.stem.removeprefix("test_cases_")
        ok = n = 0
        for line in path.read_text("utf-8").splitlines():
            if "~" not in line:
                continue
            written, expected = line.split("~", 1)
            got = spoken_text(written, "sentence", lang)
            n += 1
            if comparable(got, lang) == comparable(expected, lang):
                ok += 1
            elif show_wrong:
                print(f"    {written!r} -> {got!r} (suite: {expected!r})")
        total, right = total + n, right + ok
        if cls not in OWNED_ELSEWHERE[lang]:
            own_total, own_right = own_total + n, own_right + ok
        note = "  (URLs said as their site)" if cls in OWNED_ELSEWHERE[lang] else ""
        print(f"  {cls:<16} {ok:>4} / {n:<4} {100 * ok / n:5.1f} %{note}")
    print(f"  {'TOTAL':<16} {right:>4} / {total:<4} {100 * right / total:5.1f} %")
    if own_total != total:
        print(f"  {'but electronic':<16} {own_right:>4} / {own_total:<4} {100 * own_right / own_total:5.1f} %")


def speed() -> None:
    from narrator.normalize import en

    first = subprocess.run(
        [sys.executable, "-c", "import time; t = time.perf_counter(); "
         "from narrator.normalize import normalize; normalize('5 kg', 'en'); "
         "print(f'{time.perf_counter() - t:.3f}')"],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1], check=False)
    print(f"\nfirst call in a new process (imports num2words, compiles the rules): {first.stdout.strip()} s")
    with_digits = [f"The rate rose by 3.{n % 97}% in experiment {n}, e.g. under {n % 40} kg of load, "
                   f"see Fig. {n % 9} and pp. {n}–{n + 3}." for n in range(4000)]
    without = ["The cell membrane controls what enters and leaves the cell, and Dr. Lee agreed."] * 4000
    groups = {"sentences with digits": with_digits, "sentences without digits": without}
    corpus = Path("/tmp/tn-eval/data/segments.jsonl")
    if corpus.is_file():
        segments = [json.loads(line) for line in corpus.read_text("utf-8").splitlines()]
        groups["corpus segments (en)"] = [s["spoken"] for s in segments if not s["lang"].startswith("zh")]
    for name, texts in groups.items():
        en._normalise.cache_clear()
        chars = sum(map(len, texts))
        t0 = time.perf_counter()
        for text in texts:
            normalize(text, "en")
        seconds = time.perf_counter() - t0
        print(f"{name}: {len(texts)} texts, {chars:,} characters, {chars / seconds:,.0f} characters/s")


if __name__ == "__main__":
    show = "--wrong" in sys.argv
    accuracy("en", show)
    accuracy("zh", show)
    speed()
