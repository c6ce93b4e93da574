"""The names a user chooses from (engines, formats, emotion presets): light enough for --help."""

EMOTIONS: tuple[str, ...] = (
    "neutral", "calm", "warm", "excited", "serious", "sad", "angry", "surprised", "afraid",
)
"""The built-in emotion presets; narrate.toml [emotions.NAME] may add more."""

ENGINE_MODULES: dict[str, str] = {
    "espeak": "narrator.engines.espeak",  # embedded
    "indextts2": "narrator.engines.indextts2",
    "indextts2-vllm": "narrator.engines.vllm",
    "openai": "narrator.engines.openai",
    "http": "narrator.engines.http",
}
"""Engine name -> the module defining ``create(config, server) -> Engine`` (imported only when used)."""
ENGINE_NAMES = tuple(ENGINE_MODULES)
AUDIO_FORMATS = ("mp3", "wav", "ogg", "m4a", "flac")
BOOK_FORMATS = ("m4b", "mp3", "none")

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
INPUT_SUFFIXES = (*HTML_SUFFIXES, ".docx", ".md", ".markdown", ".txt")
"""Lesson files narrate reads: editor HTML, Word .docx, Markdown and plain text."""
