"""IMS Common Cartridge 1.3 (``.imscc``): narrations as web content that Canvas and Moodle import
through their course-import screens.

Each lesson is one ``webcontent`` resource (its read-along page, chapter audio, captions and
images, under ``web_resources/``, the folder Canvas imports as course files); a course's index
page is the entry page, first in the organization. The manifest is built with lxml. Common
Cartridge has no runtime API: the pages are the narration's own, unchanged.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from narrator.errors import OutputError
from narrator.publishing.scorm import MANIFEST, Lesson, child, compression, href, lesson_files, zip_entry
from narrator.util.atomic import atomic_path

CC = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
LOM = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (f"{CC} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd "
                   f"{LOM} http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd")
ROOT = "web_resources/"


def build_manifest(title: str, lang: str, lessons: Sequence[Lesson], *, identifier: str,
                   index: str | None = None) -> etree._Element:
    """The imsmanifest.xml of a cartridge of ``lessons`` (paths in it under web_resources/);
    ``index`` is the course index page's path, the cartridge's first item, or None."""
    def el(parent: etree._Element, tag: str, text: str | None = None, ns: str = CC,
           **attrs: str) -> etree._Element:
        return child(parent, ns, tag, text, **attrs)

    root = etree.Element(f"{{{CC}}}manifest", nsmap={None: CC, "lomimscc": LOM, "xsi": XSI})
    root.set("identifier", identifier)
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    meta = el(root, "metadata")
    el(meta, "schema", "IMS Common Cartridge")
    el(meta, "schemaversion", "1.3.0")
    lom_title = el(el(el(meta, "lom", ns=LOM), "general", ns=LOM), "title", ns=LOM)
    el(lom_title, "string", title, ns=LOM, language=lang or "en")
    org = el(el(root, "organizations"), "organization", identifier="org", structure="rooted-hierarchy")
    top = el(org, "item", identifier="root")
    resources = el(root, "resources")
    if index is not None:
        el(el(top, "item", identifier="item-index", identifierref="res-index"), "title", title)
        course = el(resources, "resource", identifier="res-index", type="webcontent", href=href(ROOT + index))
        el(course, "file", href=href(ROOT + index))
    for n, lesson in enumerate(lessons, start=1):
        el(el(top, "item", identifier=f"item-{n}", identifierref=f"res-{n}"), "title", lesson.title)
        files = [ROOT + lesson.prefix + f for f in lesson_files(lesson.manifest)]
        res = el(resources, "resource", identifier=f"res-{n}", type="webcontent", href=href(files[0]))
        for f in files:
            el(res, "file", href=href(f))
    return root


def write_cartridge(target: Path, title: str, lessons: Sequence[Lesson], *,
                    index: tuple[str, Path] | None = None) -> None:
    """Write the Common Cartridge of ``lessons`` to ``target``; ``index`` is the course index
    (its path in the cartridge and its file), the entry page."""
    lang = str(lessons[0].manifest.get("lang") or "en") if lessons else "en"
    h = hashlib.sha256(title.encode("utf-8"))
    for lesson in lessons:
        h.update(str((lesson.manifest.get("build") or {}).get("key") or lesson.title).encode("utf-8"))
    manifest = build_manifest(title, lang, lessons, identifier="narrator-cc-" + h.hexdigest()[:16],
                              index=index[0] if index else None)
    xml = etree.tostring(manifest, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    with atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w") as z:
        z.writestr(zip_entry(MANIFEST), xml, zipfile.ZIP_DEFLATED)
        if index is not None:
            z.writestr(zip_entry(ROOT + index[0]), index[1].read_bytes(), zipfile.ZIP_DEFLATED)
        for lesson in lessons:
            for rel in lesson_files(lesson.manifest):
                path = lesson.folder / rel
                try:
                    data = path.read_bytes()
                except OSError as e:
                    raise OutputError(f"{path}: cannot read it for the cartridge ({e.strerror or e})") from None
                z.writestr(zip_entry(ROOT + lesson.prefix + rel), data, compression(rel))


def write_lesson(out_dir: Path, manifest: Mapping[str, Any], name: str) -> str:
    """The narration in ``out_dir`` as a cartridge, ``out_dir/<name>.imscc``; return its name."""
    target = f"{name}.imscc"
    lesson = Lesson(out_dir, "", manifest)
    write_cartridge(out_dir / target, lesson.title, [lesson])
    return target


def write_course(root: Path, title: str, lessons: Sequence[tuple[Path, Mapping[str, Any]]]) -> Path:
    """A course's narrated lessons (folder and manifest each, in order) as one cartridge, the
    course index page first: ``root/<title>.imscc``."""
    from narrator.publishing.filenames import safe_filename

    packed = [Lesson(folder, folder.relative_to(root).as_posix() + "/", m) for folder, m in lessons]
    target = root / f"{safe_filename(title, index=0, ext='', max_bytes=90) or 'course'}.imscc"
    index = ("index.html", root / "index.html") if (root / "index.html").is_file() else None
    write_cartridge(target, title, packed, index=index)
    return target
