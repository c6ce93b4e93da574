"""Script -> Takes: the scheduler (one request in flight per server), the content-addressed
cache, and the checks every take passes before it is kept. Only this stage talks to engines."""

from narrator.synthesis.scheduler import SynthesisResult, synthesize

__all__ = ["synthesize", "SynthesisResult"]
