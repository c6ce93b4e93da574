"""A stand-in for an OpenAI-compatible speech server: ``POST /v1/audio/speech``.

Checks the Bearer key (401 with OpenAI's error shape otherwise), requires model/input/voice,
answers WAV at 24000 Hz (OpenAI's rate) for ``response_format = "wav"`` and 400 for others.
"""

from __future__ import annotations

from tests.servers import Reply, Request, RecordingServer
from tests.servers.audio import speech_wav

RATE = 24000


def start_openai(api_key: str | None = "sk-test", delay: float = 0.0) -> RecordingServer:
    """Start the stand-in on a free loopback port; ``api_key`` None accepts any request."""

    def speech(server: RecordingServer, req: Request) -> Reply:
        if api_key is not None and req.headers.get("authorization") != f"Bearer {api_key}":
            return Reply.json({"error": {"message": "Incorrect API key provided",
                                         "type": "invalid_request_error"}}, 401)
        body = req.json or {}
        missing = [k for k in ("model", "input", "voice") if not body.get(k)]
        if missing:
            return Reply.json({"error": {"message": f"missing {', '.join(missing)}"}}, 400)
        if body.get("response_format", "mp3") != "wav":
            return Reply.json({"error": {"message": "only wav in this stand-in"}}, 400)
        return Reply.wav(speech_wav(body["input"], "en", rate=RATE))

    return RecordingServer({("POST", "/v1/audio/speech"): speech}, delay=delay)
