"""Helpers every stage may use: the atomic file writer, a parallel map, the ffmpeg runner, WAV
reading and writing, and the jinja2 environments. Nothing here imports a stage."""
