"""A stand-in for index-tts-vllm's api_server_v2: ``POST /tts_url`` -> audio/wav, ``GET /health``.

Errors answer 500 ``{"status": "error", "error": ...}`` as the real one does, including for an
unknown speaker path and for emotion vectors summing over 1.5.
"""

from __future__ import annotations

from tests.servers import Reply, Request, RecordingServer
from tests.servers.audio import speech_wav

VOICE_PATH = "/srv/voices/narrator.wav"  # the server-side speaker file the stand-in knows


def _tts(server: RecordingServer, req: Request) -> Reply:
    try:
        body = req.json
    except ValueError:
        return Reply.json({"status": "error", "error": "invalid JSON"}, 500)
    if not isinstance(body, dict) or not body.get("text"):
        return Reply.json({"status": "error", "error": "text is required"}, 500)
    if body.get("spk_audio_path") != VOICE_PATH:
        return Reply.json({"status": "error",
                           "error": f"speaker audio not found: {body.get('spk_audio_path')}"}, 500)
    vec = body.get("emo_vec") or []
    if sum(vec) > 1.5:
        return Reply.json({"status": "error", "error": "emo_vec sum must be <= 1.5"}, 500)
    return Reply.wav(speech_wav(body["text"], "en"))


def _health(server: RecordingServer, req: Request) -> Reply:
    return Reply.json({"status": "ok"})


def start_vllm(delay: float = 0.0) -> RecordingServer:
    """Start the stand-in on a free loopback port; close() it when done."""
    return RecordingServer({("POST", "/tts_url"): _tts, ("GET", "/health"): _health}, delay=delay)
