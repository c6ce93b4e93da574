"""Engine registry. Each backend module is imported only when used (keeps `narrate --help` fast)."""

from __future__ import annotations

import importlib

from narrator.choices import ENGINE_MODULES
from narrator.config import Config
from narrator.errors import ConfigError
from narrator.engines.base import Engine, preset_params

__all__ = ["Engine", "ENGINES", "create_engines", "preset_params"]

ENGINES = ENGINE_MODULES  # engine name -> module defining `create(config, server) -> Engine`


def engine_name(config: Config) -> str:
    """The configured engine, resolving "auto": espeak, or indextts2 when servers are given."""
    return config.engine.resolved_name


def create_engines(config: Config, *, check: bool = False) -> list[Engine]:
    """One engine instance per configured server (a single instance for embedded engines).

    ``check``: for `narrate engines`, which checks servers without a voice file."""
    name = engine_name(config)
    module = importlib.import_module(ENGINES[name])
    if name == "espeak":
        return [module.create(config, None)]
    if not config.engine.servers:
        raise ConfigError([f"engine '{name}' needs a server: --server URL or engine.servers"])
    extra = {"voice_required": False} if check and name == "indextts2" else {}
    return [module.create(config, url, **extra) for url in config.engine.servers]
