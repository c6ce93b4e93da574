"""Speech recognition of takes with faster-whisper (CTranslate2), loaded once per process."""

from __future__ import annotations

import io
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from narrator.config import VerifyConfig
from narrator.errors import ConfigError

# Helps the multilingual model write simplified characters for Mandarin.
_ZH_PROMPT = "以下是普通话的句子。"
RATE = 16000  # what Whisper hears
WINDOW = 28.0  # seconds of takes heard at once: Whisper encodes 30 s whatever the audio's length
GAP = 1.0  # seconds of silence between takes heard together
MAX_TOKENS = 400  # Whisper decodes at most 448 tokens per window, the prompt included

_models: dict[tuple[str, str, int], Any] = {}
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Heard:
    """A transcript and its words, times in seconds from the start of the take."""

    text: str
    words: tuple[tuple[str, float, float], ...]
    model: str

    def record(self) -> dict[str, Any]:
        return {"text": self.text, "model": self.model,
                "words": [[w, round(s, 3), round(e, 3)] for w, s, e in self.words]}

    @classmethod
    def from_record(cls, data: Any) -> Heard | None:
        try:
            return cls(str(data["text"]), tuple((str(w), float(s), float(e)) for w, s, e in data["words"]),
                       str(data["model"]))
        except (KeyError, TypeError, ValueError):
            return None


def available() -> bool:
    """True when the [verify] extra is installed."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("faster_whisper", "opencc"))


def require() -> None:
    """ConfigError with the install command when the [verify] extra is missing."""
    if not available():
        raise ConfigError(["checking takes needs the [verify] extra: pip install -e '.[verify]' in narrator's checkout"],
                          "--verify")


class Recognizer:
    """One Whisper model; :meth:`hear` may be called from one thread at a time."""

    def __init__(self, settings: VerifyConfig) -> None:
        self.settings = settings
        self.name = settings.model
        self._model = _load(settings)
        self.multilingual = bool(self._model.model.is_multilingual)

    def can_hear(self, lang: str) -> bool:
        return self.multilingual or lang.split("-")[0].lower() == "en"

    def hear(self, wav: bytes, lang: str, chars: int = 0) -> Heard:
        """What is said in the take ``wav`` (language ``lang``) of a text of ``chars`` characters."""
        return self.hear_many([wav], lang, chars)[0]

    def hear_many(self, wavs: list[bytes], lang: str, chars: int = 0) -> list[Heard]:
        """What is said in each take, heard together: Whisper encodes a 30-second window
        whatever the audio's length, so short takes placed one after another, with a second of
        silence between them, cost about as much as one. Words go to the take whose stretch of
        the window holds their middle; their times are from the start of that take.

        ``chars`` (the length of the texts, 0 = unknown) caps the tokens decoded at about three
        times what the texts need: enough to hear speech after a text, and a recognizer caught
        in a loop on a bad take ("笑笑笑...") stops early."""
        import numpy as np
        from faster_whisper import decode_audio

        language = lang.split("-")[0].lower()
        gap = np.zeros(int(GAP * RATE), dtype=np.float32)
        pieces: list[Any] = []
        starts: list[Any] = []
        pos = 0
        for wav in wavs:
            audio = decode_audio(io.BytesIO(wav), sampling_rate=RATE)
            if pieces:
                pieces.append(gap)
                pos += len(gap)
            starts.append(pos / RATE)
            pieces.append(audio)
            pos += len(audio)
        segments, _ = self._model.transcribe(
            np.concatenate(pieces), language=language, beam_size=1,
            temperature=0.0,  # reproducible: no sampling
            condition_on_previous_text=False, word_timestamps=True,
            no_speech_threshold=self.settings.no_speech,
            max_new_tokens=min(MAX_TOKENS, 3 * chars + 10 * len(wavs)) if chars else None,
            initial_prompt=_ZH_PROMPT if language == "zh" else None)
        texts: list[list[str]] = [[] for _ in wavs]
        words: list[list[tuple[str, float, float]]] = [[] for _ in wavs]
        for seg in segments:
            for w in seg.words or ():
                middle = (w.start + w.end) / 2
                k = max(0, sum(1 for s in starts if s - GAP / 2 <= middle) - 1)
                texts[k].append(w.word)
                words[k].append((w.word.strip(), max(0.0, float(w.start) - starts[k]),
                                 max(0.0, float(w.end) - starts[k])))
        return [Heard("".join(t).strip(), tuple(w), self.name) for t, w in zip(texts, words)]


def _load(settings: VerifyConfig) -> Any:
    threads = settings.threads or max(1, min(4, (os.cpu_count() or 2) // 2))
    device = settings.device
    if device == "auto":
        import ctranslate2

        device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    key = (settings.model, device, threads)
    with _lock:
        if key not in _models:
            from faster_whisper import WhisperModel

            model = settings.model
            if Path(model).expanduser().is_dir():
                model = str(Path(model).expanduser())
            try:
                _models[key] = WhisperModel(model, device=device, cpu_threads=threads,
                                            compute_type="int8" if device == "cpu" else "float16")
            except Exception as e:  # noqa: BLE001 - a bad name, no network, a broken folder
                first = (str(e).strip().splitlines() or [""])[0]  # one line, even from the hub
                fix = "" if Path(model).is_dir() else (
                    f"; a model name is downloaded from the Hugging Face hub on first use: without the "
                    f"internet, download it elsewhere (python -c \"from faster_whisper import download_model; "
                    f"download_model('{settings.model}', output_dir='whisper-{settings.model}')\") and set "
                    f"[verify] model to that folder")
                raise ConfigError([f"model: cannot load {settings.model!r} ({type(e).__name__}: {first}){fix}"],
                                  "[verify]") from None
        return _models[key]
