"""SCORM packages: narrations as SCOs that an LMS (Moodle, Canvas, Blackboard...) imports as they are.

A package holds, per lesson, the read-along page (with the SCORM runtime script added to its copy,
see ``templates/scorm-runtime.js``), its chapter audio, captions and images, and one
``imsmanifest.xml`` built with lxml for SCORM 1.2 or SCORM 2004 4th edition. A single lesson is
one SCO; a course is one SCO per lesson, in the course's order, under one organization.

The narration folders are read as :func:`narrator.publishing.publish.publish` wrote them; the
package is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from lxml import etree  # type: ignore[import-untyped]

from narrator.errors import OutputError
from narrator.util.atomic import atomic_path

VERSIONS = ("1.2", "2004")
RUNTIME = "narrator-scorm.js"
MANIFEST = "imsmanifest.xml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Audio is already compressed: stored as it is, the rest deflated.
_STORED = (".m4a", ".mp3", ".ogg", ".oga", ".flac", ".png", ".jpg", ".jpeg", ".gif", ".webp")

_NS = {
    "1.2": {
        None: "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
        "xsi": XSI,
    },
    "2004": {
        None: "http://www.imsglobal.org/xsd/imscp_v1p1",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
        "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
        "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
        "imsss": "http://www.imsglobal.org/xsd/imsss",
        "xsi": XSI,
    },
}
# Where each namespace's schema is, as ADL's own packages name the files.
_SCHEMAS = {
    "1.2": [("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
            ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd")],
    "2004": [("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
             ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
             ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
             ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
             ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd")],
}


@dataclass(frozen=True, slots=True)
class Lesson:
    """One narration to package: its folder, where it goes in the package ("" for the root, else
    a folder name such as ``"intro"``) and its manifest.json as read."""

    folder: Path
    prefix: str
    manifest: Mapping[str, Any]

    @property
    def title(self) -> str:
        return str(self.manifest.get("title") or self.folder.name)


def lesson_files(manifest: Mapping[str, Any]) -> list[str]:
    """The files a lesson's SCO needs, relative to its folder: the player page first, then the
    chapter audio and captions and the images (not the whole-programme book nor the EPUB)."""
    files = [str(manifest.get("player") or "index.html")]
    for chapter in manifest.get("chapters") or []:
        files += [chapter[key] for key in ("file", "captions", "srt") if isinstance(chapter.get(key), str)]
    files += [p for p in manifest.get("images") or [] if isinstance(p, str)]
    return list(dict.fromkeys(files))


def href(path: str) -> str:
    """A package path as a manifest href: a relative URL (non-ASCII and spaces percent-encoded)."""
    return quote(path, safe="/")


def sco_page(page: str, runtime_src: str, version: str, completion: float) -> str:
    """The player page with the SCORM runtime script loaded first in its <head> (the page's own
    script then finds the position the LMS restored)."""
    tag = (f'<script src="{href(runtime_src)}" data-scorm="{version}" '
           f'data-completion="{completion:g}"></script>\n')
    # The page is narrator's own: its first "</head>" is the real one (the lesson's text is
    # escaped, and its embedded JSON escapes "<").
    at = page.find("</head>")
    if at < 0:
        raise OutputError("the player page has no </head>: cannot add the SCORM runtime")
    return page[:at] + tag + page[at:]


def runtime_script() -> bytes:
    """The SCORM runtime script added to every SCO page."""
    return (resources.files("narrator.publishing") / "templates" / "scorm-runtime.js").read_bytes()


def package_id(title: str, lessons: Sequence[Lesson]) -> str:
    """A stable manifest identifier: the same lessons, built the same, give the same one."""
    h = hashlib.sha256(title.encode("utf-8"))
    for lesson in lessons:
        h.update(b"\0" + lesson.prefix.encode("utf-8") + b"\0")
        h.update(str((lesson.manifest.get("build") or {}).get("key") or lesson.title).encode("utf-8"))
    return "narrator-" + h.hexdigest()[:16]


def child(parent: etree._Element, ns: str, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A new element ``{ns}tag`` under ``parent``, with ``attrs`` and ``text`` (manifests are built
    with lxml, never by joining strings)."""
    node = etree.SubElement(parent, f"{{{ns}}}{tag}")
    for key, value in attrs.items():
        node.set(key, value)
    if text is not None:
        node.text = text
    return node


def build_manifest(title: str, lessons: Sequence[Lesson], version: str, *,
                   identifier: str, extra: Sequence[str] = ()) -> etree._Element:
    """The imsmanifest.xml of a package of ``lessons`` (one SCO each) for SCORM ``version``;
    ``extra`` are further files of the package (a course index), listed as one asset."""
    if version not in VERSIONS:
        raise ValueError(f"SCORM version {version!r} is not one of {', '.join(VERSIONS)}")
    ns = _NS[version]
    cp, adlcp = ns[None], ns["adlcp"]

    def el(parent: etree._Element, tag: str, text: str | None = None, nsuri: str = cp,
           **attrs: str) -> etree._Element:
        return child(parent, nsuri, tag, text, **attrs)

    root = etree.Element(f"{{{cp}}}manifest", nsmap=ns)
    root.set("identifier", identifier)
    root.set("version", "1")
    root.set(f"{{{XSI}}}schemaLocation", " ".join(f"{u} {f}" for u, f in _SCHEMAS[version]))
    meta = el(root, "metadata")
    el(meta, "schema", "ADL SCORM")
    el(meta, "schemaversion", "1.2" if version == "1.2" else "2004 4th Edition")
    orgs = el(root, "organizations", default="org")
    org = el(orgs, "organization", identifier="org")
    el(org, "title", title)
    resources_el = el(root, "resources")
    scorm_type = "scormtype" if version == "1.2" else "scormType"
    for n, lesson in enumerate(lessons, start=1):
        item = el(org, "item", identifier=f"item-{n}", identifierref=f"sco-{n}", isvisible="true")
        el(item, "title", lesson.title)
    if version == "2004":
        # Continue/Previous between the lessons as well as choosing from the table of contents.
        seq = el(org, "sequencing", nsuri=ns["imsss"])
        el(seq, "controlMode", nsuri=ns["imsss"], choice="true", flow="true")
    for n, lesson in enumerate(lessons, start=1):
        files = [lesson.prefix + f for f in lesson_files(lesson.manifest)]
        res = el(resources_el, "resource", identifier=f"sco-{n}", type="webcontent", href=href(files[0]))
        res.set(f"{{{adlcp}}}{scorm_type}", "sco")
        for f in files:
            el(res, "file", href=href(f))
        el(res, "dependency", identifierref="runtime")
        if extra:
            el(res, "dependency", identifierref="course")
    runtime = el(resources_el, "resource", identifier="runtime", type="webcontent")
    runtime.set(f"{{{adlcp}}}{scorm_type}", "asset")
    el(runtime, "file", href=RUNTIME)
    if extra:
        course = el(resources_el, "resource", identifier="course", type="webcontent")
        course.set(f"{{{adlcp}}}{scorm_type}", "asset")
        for f in extra:
            el(course, "file", href=href(f))
    return root


def write_package(target: Path, title: str, lessons: Sequence[Lesson], *, version: str,
                  completion: float, extra: Mapping[str, Path] | None = None) -> None:
    """Write the SCORM ``version`` package of ``lessons`` to ``target`` (a .zip).

    ``completion`` is the share of the audio (0-1] a learner must have played for the lesson to
    be completed; ``extra`` maps further package paths to files (a course's index page).
    """
    extra = dict(extra or {})
    manifest = build_manifest(title, lessons, version, identifier=package_id(title, lessons),
                              extra=sorted(extra))
    xml = etree.tostring(manifest, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    with atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w") as z:
        z.writestr(zip_entry(MANIFEST), xml, zipfile.ZIP_DEFLATED)
        z.writestr(zip_entry(RUNTIME), runtime_script(), zipfile.ZIP_DEFLATED)
        for lesson in lessons:
            files = lesson_files(lesson.manifest)
            runtime_src = "../" * lesson.prefix.count("/") + RUNTIME
            for rel in files:
                path = lesson.folder / rel
                try:
                    data = path.read_bytes()
                except OSError as e:
                    raise OutputError(f"{path}: cannot read it for the SCORM package ({e.strerror or e})") from None
                if rel == files[0]:
                    data = sco_page(data.decode("utf-8"), runtime_src, version, completion).encode("utf-8")
                z.writestr(zip_entry(lesson.prefix + rel), data, compression(rel))
        for name, path in sorted(extra.items()):
            z.writestr(zip_entry(name), path.read_bytes(), compression(name))


def zip_entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed date: the same narration gives the same package bytes."""
    if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
        raise OutputError(f"{name}: not a path inside the package")
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.external_attr = 0o644 << 16
    return info


def compression(name: str) -> int:
    """Deflate text; store what is compressed already (audio, images)."""
    return zipfile.ZIP_STORED if name.lower().endswith(_STORED) else zipfile.ZIP_DEFLATED


def write_lesson(out_dir: Path, manifest: Mapping[str, Any], name: str, *, version: str,
                 completion: float) -> str:
    """Package the narration in ``out_dir`` (its ``manifest`` as about to be saved) as one SCO
    into ``out_dir/<name>.scorm.zip``; return that file's name. ``completion`` is in percent."""
    target = f"{name}.scorm.zip"
    lesson = Lesson(out_dir, "", manifest)
    write_package(out_dir / target, lesson.title, [lesson], version=version, completion=completion / 100)
    return target


def write_course(root: Path, title: str, lessons: Sequence[tuple[Path, Mapping[str, Any]]], *,
                 version: str, completion: float) -> Path:
    """Package a course's narrated lessons (folder and manifest each, in the course's order) as
    one SCO per lesson, with the course index, into ``root/<title>.scorm.zip``."""
    from narrator.publishing.filenames import safe_filename

    packed = [Lesson(folder, folder.relative_to(root).as_posix() + "/", m) for folder, m in lessons]
    target = root / f"{safe_filename(title, index=0, ext='', max_bytes=90) or 'course'}.scorm.zip"
    extra = {"index.html": root / "index.html"} if (root / "index.html").is_file() else {}
    write_package(target, title, packed, version=version, completion=completion / 100, extra=extra)
    return target
