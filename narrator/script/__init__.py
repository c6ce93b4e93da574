"""Document -> Script: sentences with language, emotion, spoken form and the pause after each.

The planner puts together sentence splitting (:mod:`.sentences`), the user's pronunciation
lexicon (:mod:`.lexicon`) and the emotion style sheet (:mod:`.style`).
"""

from collections.abc import Callable

from narrator.config import Config
from narrator.script.corrections import Corrections, apply
from narrator.script.planner import abbreviations_for, plan, region_of, spoken_text, split_long_chapters
from narrator.values import Document, Script


def plan_script(document: Document, config: Config, *, tick: Callable[[], object] | None = None,
                corrections: Corrections | None = None) -> Script:
    """Plan ``document`` for narration, a teacher's ``corrections`` applied (their
    pronunciations are already in ``config``: see :func:`corrections.with_pronunciations`), long
    chapters split into parts (see :func:`narrator.script.planner.split_long_chapters`).
    ``tick()`` is called about every 1,000 blocks and segments and may raise to stop planning
    (the job server's cancel and time budget)."""
    script = plan(document, config, tick=tick)
    if corrections:
        doc_lang = document.region or document.lang

        def say(text: str, lang: str) -> str:
            return spoken_text(text, "sentence", lang, abbreviations_for(config.abbreviations, lang, doc_lang),
                               region=region_of(lang, document.region))
        script = apply(script, corrections, config, say)
    return split_long_chapters(script, config)


__all__ = ["plan_script"]
