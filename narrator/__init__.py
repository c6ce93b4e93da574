"""narrator: rich-text editor HTML -> chaptered, emotion-tagged narration.

    >>> import narrator
    >>> manifest = narrator.narrate("lesson.html")          # doctest: +SKIP
    >>> manifest["chapters"][0]["title"]                     # doctest: +SKIP

Heavy modules are imported lazily so `narrate --help` stays instant.
"""

from __future__ import annotations

import logging

from narrator.errors import (BadInput, ConfigError, EngineError, NarratorError, NothingToRead, OutputError,
                     SynthesisFailed)

from narrator._version import __version__
__all__ = ["narrate", "plan", "narrate_many", "current_manifest", "Config", "load_config",
           "NarratorError", "BadInput", "NothingToRead", "ConfigError", "EngineError", "OutputError", "SynthesisFailed",
           "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):  # lazy: the pipeline pulls in bs4, lxml, jieba...
    if name in ("narrate", "plan", "current_manifest"):
        from narrator import pipeline

        return getattr(pipeline, name)
    if name == "narrate_many":
        from narrator.course import narrate_many

        return narrate_many
    if name in ("Config", "load_config"):
        from narrator import config

        return getattr(config, name)
    raise AttributeError(name)
