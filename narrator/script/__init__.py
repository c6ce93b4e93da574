"""Document -> Script: sentences with language, emotion, spoken form and the pause after each.

The planner puts together sentence splitting (:mod:`.sentences`), the user's pronunciation
lexicon (:mod:`.lexicon`) and the emotion style sheet (:mod:`.style`).
"""

from narrator.script.planner import plan as plan_script

__all__ = ["plan_script"]
