"""Takes -> Programme: chapter audio with its pauses and exact timings, and one loudness gain for
the whole programme (measured, levelled, kept across rebuilds while it still fits)."""

from narrator.assembly.ahead import Ahead
from narrator.assembly.mixing import assemble, materialise

__all__ = ["Ahead", "assemble", "materialise"]
