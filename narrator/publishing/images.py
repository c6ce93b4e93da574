"""The images a lesson shows, taken once and checked before anything is narrated.

A lesson is a document anyone may have written (the job server narrates what it is sent), so an
``<img src>`` is a request to read a file, and it is granted only for image files of the
lesson's own folder:

- a relative path, or a ``file:`` URL of this machine, names a file inside the folder of the
  lesson's source file (both resolved through symlinks: a link pointing out is refused); the
  query and fragment are ignored, percent escapes decoded; the source file itself is never
  taken;
- it is an image by its bytes (PNG, JPEG, GIF, WebP, or an SVG that only draws, see
  :mod:`narrator.publishing.svg`); its copy's extension comes from what it is;
- it is at most ``per_image`` bytes (the size is looked at before reading, and no more than
  that is ever read), and the lesson's images together at most ``per_lesson``;
- each file is read once (the same file under several srcs, or two files with the same bytes,
  become one copy);
- ``data:`` URIs of those types (their bytes checked the same way) are written out as files
  too, so the player page and the EPUB show the same files and a server can forbid ``data:``
  images in its Content-Security-Policy;
- ``http:``/``https:`` addresses stay links (``//host/path`` is ``https://host/path``).

Anything else is left out and reported in the script's skip report ("left-out image"), never
raised: a reason names the src only when it is a relative path or a data: URI's media type,
never a file outside the lesson (the job server hands reasons and manifests to its clients).
"""

from __future__ import annotations

import base64
import binascii
import errno
import hashlib
import os
import stat
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from narrator.publishing.filenames import safe_filename
from narrator.publishing.svg import svg_problem, svg_root
from narrator.values import Script, ScriptChapter, Skipped

IMAGES_DIR = "images"
WHAT = "left-out image"
MB = 1_000_000


@dataclass(frozen=True, slots=True)
class ImageLimits:
    """How much a lesson's images may take, in bytes."""

    per_image: int = 10 * MB
    per_lesson: int = 50 * MB


@dataclass(frozen=True, slots=True)
class LessonImages:
    """What the pages show for each src, and the checked bytes of each file to write.

    ``shown`` maps every src of the lesson, as written, to a path under ``images/``, a web
    address, or None (left out); ``files`` maps those ``images/`` paths to their bytes;
    ``local`` maps each src naming a file to the sha256 of what was taken ("" if it was left
    out): a later run compares it with :func:`local_images` to know the folder is up to date.
    """

    shown: Mapping[str, str | None] = field(default_factory=dict)
    files: Mapping[str, bytes] = field(default_factory=dict)
    local: Mapping[str, str] = field(default_factory=dict)


class _Refused(Exception):
    """An image left out; its message is the reason (internal: never leaves this module)."""


# Magic numbers of the raster types a browser and an EPUB reader both show.
_RASTER = (("png", b"\x89PNG\r\n\x1a\n"), ("jpg", b"\xff\xd8\xff"), ("gif", b"GIF87a"), ("gif", b"GIF89a"))
_MEDIA_EXT = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp",
              "image/svg+xml": "svg"}
_NOT_AN_IMAGE = "not an image (PNG, JPEG, GIF, WebP or SVG)"
_SNIFF = 64  # bytes enough to tell the raster types apart


def take_images(script: Script, limits: ImageLimits = ImageLimits()) -> tuple[Script, LessonImages]:
    """Check and read every image the lesson shows; the script comes back with what was left
    out added to its skip report."""
    intake = _Intake(Path(script.source_path) if script.source_path else None, limits)
    skipped: list[Skipped] = []
    for src, where in _sources(script.chapters):
        try:
            intake.shown[src] = intake.take(src)
        except _Refused as why:
            intake.shown[src] = None
            skipped.append(Skipped(where, WHAT, str(why)))
    images = LessonImages(dict(intake.shown), dict(intake.files), intake.local())
    return (replace(script, skipped=script.skipped + tuple(skipped)) if skipped else script), images


def local_images(source_path: str, srcs: Iterable[str], limits: ImageLimits = ImageLimits()) -> dict[str, str]:
    """What :attr:`LessonImages.local` would be now for these srcs of the lesson at
    ``source_path``: each taken again, under the same rules (nothing outside the folder is read)."""
    intake = _Intake(Path(source_path), limits)
    for src in srcs:
        if isinstance(src, str):
            try:
                intake.shown[src] = intake.take(src)
            except _Refused:
                intake.shown[src] = None
    return intake.local()


def _sources(chapters: Sequence[ScriptChapter]) -> list[tuple[str, str]]:
    """Each image src once, first use first, with the source of the block showing it."""
    seen: dict[str, str] = {}
    for chapter in chapters:
        for block in chapter.blocks:
            for src in block.images:
                seen.setdefault(src, block.source or "img")
    return list(seen.items())


def _names_a_file(src: str) -> bool:
    """A src that take() reads from the lesson's folder (not a web address or a data: URI)."""
    try:
        parts = urlsplit(src)
    except ValueError:
        return False
    return parts.scheme in ("", "file") and not (parts.scheme == "" and parts.netloc)


def sniff(data: bytes) -> str | None:
    """The extension of a raster image by its first bytes ("png", "jpg", "gif", "webp"), or None."""
    for ext, magic in _RASTER:
        if data.startswith(magic):
            return ext
    return "webp" if data[:4] == b"RIFF" and data[8:12] == b"WEBP" else None


def _could_be_svg(head: bytes) -> bool:
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<")


class _Intake:
    """One lesson's images as they are taken: files read, bytes kept, the running total."""

    def __init__(self, source: Path | None, limits: ImageLimits) -> None:
        self.limits = limits
        self.source = source
        self.folder: Path | None = None
        self.own: Path | None = None
        if source is not None:
            try:
                self.folder, self.own = source.parent.resolve(), source.resolve()
            except (OSError, ValueError, RuntimeError):
                pass  # no folder: no local file is taken
        self.shown: dict[str, str | None] = {}
        self.files: dict[str, bytes] = {}
        self.by_file: dict[tuple[int, int], str] = {}  # (device, inode) -> images/ path
        self.by_sha: dict[str, str] = {}
        self.total = 0

    def local(self) -> dict[str, str]:
        """src -> sha256 of the file taken for it ("" if left out), for srcs naming a file."""
        sha = {rel: hashlib.sha256(data).hexdigest() for rel, data in self.files.items()}
        return {src: sha.get(shown or "", "") for src, shown in self.shown.items() if _names_a_file(src)}

    def take(self, src: str) -> str:
        """The path or address the pages show for ``src`` (raises _Refused)."""
        try:
            parts = urlsplit(src)
        except ValueError:  # a malformed host ("http://[::1")
            raise _Refused(f"{_label(src)}: an invalid address") from None
        if parts.scheme in ("http", "https"):
            return src
        if parts.scheme == "" and parts.netloc:  # //host/path: a web address, as in a browser
            return "https:" + src
        if parts.scheme == "data":
            return self._data(src)
        if parts.scheme == "file" and parts.netloc not in ("", "localhost"):
            raise _Refused("image on another machine")
        if parts.scheme not in ("", "file"):
            raise _Refused(f"a {parts.scheme[:20]}: address: not a web address or a file of the lesson")
        label = _label(src) if parts.scheme == "" and not src.startswith("/") else "a local path"
        return self._file(parts.path, label)

    def _file(self, url_path: str, label: str) -> str:
        name = unquote(url_path)
        if not name:
            raise _Refused(f"{label}: no file name")
        if self.folder is None or self.source is None:
            raise _Refused("image outside the lesson's folder")
        try:
            path = (self.source.parent / name).resolve()
        except (OSError, ValueError, RuntimeError):  # a NUL, a lone surrogate, a symlink loop
            raise _Refused(f"{label}: an invalid file name") from None
        if not path.is_relative_to(self.folder):
            raise _Refused("image outside the lesson's folder")
        if path == self.own:
            raise _Refused("the lesson's own file, not an image")
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise _Refused(f"{label}: no such file in the lesson's folder") from None
        except (OSError, ValueError) as e:
            raise _Refused(f"{label}: cannot be read ({_problem(e)})") from None
        if not stat.S_ISREG(info.st_mode):
            raise _Refused(f"{label}: not a file")
        if (info.st_dev, info.st_ino) in self.by_file:
            return self.by_file[info.st_dev, info.st_ino]
        if info.st_size > self.limits.per_image:
            raise _Refused(f"{label}: {self._too_large(info.st_size)}")
        data = self._read(path, (info.st_dev, info.st_ino), label)
        rel = self._keep(data, _kind(data, label), path.stem, label)
        self.by_file[info.st_dev, info.st_ino] = rel
        return rel

    def _read(self, path: Path, identity: tuple[int, int], label: str) -> bytes:
        """The file's bytes, read through one descriptor of the file that was checked: not
        following a symlink put in its place, never waiting on a FIFO, never more than the cap."""
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(path, flags)
        except OSError as e:
            raise _Refused(f"{label}: cannot be read ({_problem(e)})") from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or (info.st_dev, info.st_ino) != identity:
                raise _Refused(f"{label}: changed while it was read")
            head = os.read(fd, _SNIFF)
            if sniff(head) is None and not _could_be_svg(head):
                raise _Refused(f"{label}: {_NOT_AN_IMAGE}")  # no need to read the rest
            chunks, size = [head], len(head)
            while size <= self.limits.per_image:
                if not (chunk := os.read(fd, min(1 << 20, self.limits.per_image + 1 - size))):
                    break
                chunks.append(chunk)
                size += len(chunk)
            if size > self.limits.per_image:  # it grew since it was looked at
                raise _Refused(f"{label}: {self._too_large(size)}")
            return b"".join(chunks)
        except OSError as e:
            raise _Refused(f"{label}: cannot be read ({_problem(e)})") from None
        finally:
            os.close(fd)

    def _data(self, src: str) -> str:
        """A data: URI of an image type, decoded and checked like a file, written out as one."""
        header, comma, payload = src[src.index(":") + 1:].partition(",")
        media, *params = [p.strip() for p in header.split(";")]
        media = media.lower() or "text/plain"
        label = f"a data: URI ({_label(media, 40)})"
        if media not in _MEDIA_EXT:
            raise _Refused(f"{label}: {_NOT_AN_IMAGE}")
        is_base64 = any(p.lower() == "base64" for p in params)
        if is_base64:
            payload = "".join(payload.split())  # editors wrap long base64
        # At least this many bytes once decoded (percent escapes take up to 3 characters a byte):
        # nothing too large is decoded.
        least = len(payload.rstrip("=")) * 3 // 4 if is_base64 else len(payload) // 3
        if least > self.limits.per_image:
            raise _Refused(f"{label}: {self._too_large(least)}")
        if not comma:
            raise _Refused(f"{label}: cannot be decoded")
        try:
            data = unquote_to_bytes(payload)
            if is_base64:  # padding may be left out, as browsers allow
                data = base64.b64decode(data + b"=" * (-len(data) % 4), validate=True)
        except (binascii.Error, ValueError):
            raise _Refused(f"{label}: cannot be decoded") from None
        if len(data) > self.limits.per_image:
            raise _Refused(f"{label}: {self._too_large(len(data))}")
        ext = _kind(data, label)
        if ext != _MEDIA_EXT[media]:
            raise _Refused(f"{label}: a {ext.upper()}, not the {media} it declares")
        return self._keep(data, ext, "image", label)

    def _keep(self, data: bytes, ext: str, stem: str, label: str) -> str:
        """The ``images/`` path of checked image bytes: the copy already made of the same bytes,
        or a new one if the lesson's total allows it."""
        sha = hashlib.sha256(data).hexdigest()
        if sha in self.by_sha:
            return self.by_sha[sha]
        if self.total + len(data) > self.limits.per_lesson:
            raise _Refused(f"{label}: the lesson's images would be over {_size(self.limits.per_lesson)} together")
        rel = f"{IMAGES_DIR}/{safe_filename(stem, index=len(self.files) + 1, ext=ext)}"
        self.files[rel] = data
        self.by_sha[sha] = rel
        self.total += len(data)
        return rel

    def _too_large(self, size: int) -> str:
        return f"too large ({_size(size)}; at most {_size(self.limits.per_image)} per image)"


def _kind(data: bytes, label: str) -> str:
    """The extension of image bytes (raises _Refused if they are not an image to publish)."""
    if ext := sniff(data):
        return ext
    root = svg_root(data) if _could_be_svg(data[:_SNIFF]) else None
    if root is None:
        raise _Refused(f"{label}: {_NOT_AN_IMAGE}")
    if problem := svg_problem(root):
        raise _Refused(f"{label}: an SVG that {problem}")
    return "svg"


def _label(text: str, room: int = 80) -> str:
    """``text`` fit to show in one line of a report: control, format and surrogate characters
    replaced, at most ``room`` characters."""
    shown = "".join("?" if unicodedata.category(c).startswith("C") else c for c in text)
    return shown if len(shown) <= room else shown[: room - 3] + "..."


def _problem(e: OSError | ValueError) -> str:
    """An OS error's words without its file name (which may be a path outside the lesson)."""
    if isinstance(e, OSError) and e.errno is not None:
        return os.strerror(e.errno) if e.errno != errno.ELOOP else "a symlink loop"
    return "an invalid file name"


def _size(n: int) -> str:
    """3.2 GB, 2.1 kB, 846 bytes."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"
