"""Programme -> files: encoded chapters, the book with chapter markers, captions, the read-along
player page and the manifest (written last)."""

from narrator.publishing.publish import publish

__all__ = ["publish"]
