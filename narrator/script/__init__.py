"""Document -> Script: sentences with language, emotion, spoken form and the pause after each.

The planner puts together sentence splitting (:mod:`.sentences`), the user's pronunciation
lexicon (:mod:`.lexicon`) and the emotion style sheet (:mod:`.style`).
"""

from collections.abc import Callable

from narrator.config import Config
from narrator.script.planner import plan, split_long_chapters
from narrator.values import Document, Script


def plan_script(document: Document, config: Config, *, tick: Callable[[], object] | None = None) -> Script:
    """Plan ``document`` for narration, long chapters split into parts (see
    :func:`narrator.script.planner.split_long_chapters`). ``tick()`` is called about every 1,000
    blocks and segments and may raise to stop planning (the job server's cancel and time budget)."""
    return split_long_chapters(plan(document, config, tick=tick), config)


__all__ = ["plan_script"]
