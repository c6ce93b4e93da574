"""Document text -> narration units: sentence boundaries, pronunciation lexicon, emotion style.

Light to import (no jieba, bs4 or numpy at module level); :mod:`narrator.planner` puts these together.
"""

from __future__ import annotations

__all__ = ["sentences", "lexicon", "style"]
