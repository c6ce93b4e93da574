"""Script -> Takes: the scheduler (as many requests in flight per server as it can use: one for
the IndexTTS2 web UI, measured for batching servers), the content-addressed cache, and the checks
every take passes before it is kept. Only this stage talks to engines."""

from narrator.synthesis.scheduler import SynthesisResult, synthesize

__all__ = ["synthesize", "SynthesisResult"]
