"""Lesson images (issue 17): only image files of the lesson's own folder, checked by their bytes,
capped, copied once; everything left out is in the skip report without naming a path outside
the lesson."""

from __future__ import annotations

import base64
import json
import os
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from narrator.values import Block, Run, Script, ScriptChapter, Segment
from narrator.publishing.images import ImageLimits, LessonImages, take_images
from tests.lessons import build_lesson, png

PNG = png(4, 3, (200, 30, 30))
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 40 + b"\xff\xd9"
GIF = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
SVG_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
SAFE_SVG = (f'<?xml version="1.0"?>\n<svg {SVG_NS} width="10" height="10">'
            '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>'
            '<style>rect { fill: url(#g); }</style>'
            '<rect id="r" width="10" height="10" fill="url(#g)" style="stroke: url( \'#g\' )"/>'
            '<use href="#r"/><use xlink:href="#r"/>'
            f'<image width="2" height="2" href="data:image/png;base64,{base64.b64encode(PNG).decode()}"/>'
            "</svg>").encode()


def lesson(folder: Path, *srcs: str) -> Script:
    """A planned lesson at ``folder/lesson.html`` whose blocks show ``srcs`` (one block each)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lesson.html").write_text("<p>Look.</p>", "utf-8")
    blocks = tuple(Block("paragraph", (Run("Look."),), source=f"body > p:nth-of-type({i})", images=(src,))
                   for i, src in enumerate(srcs, 1))
    seg = Segment("c01-s0001", 1, "Look.", "Look.", "en", "neutral", "end", 0, block=0, span=(0, 5))
    return Script("Lesson", "en", (ScriptChapter(1, "Lesson", (seg,), blocks),),
                  source_path=str(folder / "lesson.html"), source_sha256="ab" * 32)


def taken(folder: Path, *srcs: str, limits: ImageLimits = ImageLimits()) -> tuple[Script, LessonImages]:
    return take_images(lesson(folder, *srcs), limits)


def reasons(script: Script) -> list[str]:
    return [s.reason for s in script.skipped if s.what == "left-out image"]


# --- files of the lesson's folder ---

def test_an_image_beside_the_lesson_is_copied_with_the_extension_of_its_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "leaf.png").write_bytes(PNG)
    (folder / "photo.png").write_bytes(JPEG)  # a JPEG named .png
    (folder / "sub").mkdir()
    (folder / "sub" / "anim.bin").write_bytes(GIF)
    (folder / "w").write_bytes(WEBP)
    script, images = taken(folder, "leaf.png", "photo.png", "sub/anim.bin", "w", "./sub/../leaf.png")
    assert images.shown == {"leaf.png": "images/01-leaf.png", "photo.png": "images/02-photo.jpg",
                            "sub/anim.bin": "images/03-anim.gif", "w": "images/04-w.webp",
                            "./sub/../leaf.png": "images/01-leaf.png"}
    assert dict(images.files) == {"images/01-leaf.png": PNG, "images/02-photo.jpg": JPEG,
                                  "images/03-anim.gif": GIF, "images/04-w.webp": WEBP}
    assert script.skipped == ()


def test_file_urls_on_this_machine_and_percent_escapes_are_resolved_in_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "my lesson"
    folder.mkdir()
    (folder / "leaf one.png").write_bytes(PNG)
    absolute = quote(str(folder / "leaf one.png"))
    srcs = ["leaf%20one.png", f"file://{absolute}", f"file://localhost{absolute}", str(folder / "leaf one.png")]
    script, images = taken(folder, *srcs)
    assert {images.shown[s] for s in srcs} == {"images/01-leaf-one.png"}
    assert dict(images.files) == {"images/01-leaf-one.png": PNG} and script.skipped == ()


SECRET = PNG + b"secret"  # a real image: the refusal is by where it is, not what it is


@pytest.mark.parametrize("src", [
    "{outside}/secret.png", "../secret.png", "sub/../../secret.png", "%2E%2E/secret.png",
    "file://{outside}/secret.png", "file://otherhost{outside}/secret.png", "link.png", "linked-dir/secret.png",
    "..%2Fsecret.png",
])
def test_files_outside_the_folder_are_refused_without_naming_them(tmp_path: Path, src: str) -> None:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.png").write_bytes(SECRET)
    (tmp_path / "secret.png").write_bytes(SECRET)
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "sub").mkdir()
    (folder / "link.png").symlink_to(outside / "secret.png")
    (folder / "linked-dir").symlink_to(outside)
    src = src.format(outside=outside)
    script, images = taken(folder, src)
    assert images.shown == {src: None} and not images.files
    [entry] = script.skipped
    assert entry.what == "left-out image" and entry.source == "body > p:nth-of-type(1)"
    assert "outside the lesson's folder" in entry.reason or "another machine" in entry.reason
    assert str(tmp_path) not in entry.reason and "secret" not in entry.reason and "private" not in entry.reason


def test_a_symlink_to_a_file_inside_the_folder_is_taken(tmp_path: Path) -> None:
    folder = tmp_path / "lesson"
    (folder / "art").mkdir(parents=True)
    (folder / "art" / "leaf.png").write_bytes(PNG)
    (folder / "shortcut.png").symlink_to(folder / "art" / "leaf.png")
    script, images = taken(folder, "shortcut.png")
    assert dict(images.files) == {"images/01-leaf.png": PNG} and script.skipped == ()


def test_the_lessons_folder_is_found_through_a_symlinked_path(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "leaf.png").write_bytes(PNG)
    (tmp_path / "alias").symlink_to(real)
    script, images = taken(tmp_path / "alias", "leaf.png")
    assert dict(images.files) == {"images/01-leaf.png": PNG} and script.skipped == ()


@pytest.mark.parametrize("src", ["lesson.html", "./lesson.html?x=1", "lesson.html#top", "lesson%2Ehtml"])
def test_the_lessons_own_file_is_never_an_image(tmp_path: Path, src: str) -> None:
    script, images = taken(tmp_path / "lesson", src)
    assert images.shown == {src: None} and not images.files
    assert reasons(script) == ["the lesson's own file, not an image"]


@pytest.mark.parametrize("name, data", [
    ("page.html", b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"),
    ("page.png", b"<html><body onload='alert(1)'></body></html>"),
    ("notes.txt", b"just text"),
    ("empty.png", b""),
    ("fake.svg", b"<svg><script>alert(1)</script>"),  # not even well-formed
    ("plain.svg", b'<svg width="1" height="1"/>'),  # no SVG namespace: a browser does not draw it
])
def test_files_that_are_not_images_by_their_bytes_are_left_out(tmp_path: Path, name: str, data: bytes) -> None:
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / name).write_bytes(data)
    script, images = taken(folder, name)
    assert images.shown == {name: None} and not images.files
    [reason] = reasons(script)
    assert reason.startswith(f"{name}: ") and "not an image" in reason


def test_a_missing_file_a_folder_and_a_fifo_are_reported_and_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "lesson"
    (folder / "dir.png").mkdir(parents=True)
    os.mkfifo(folder / "pipe.png")  # opening it for reading would wait for a writer
    script, images = taken(folder, "gone.png", "dir.png", "pipe.png")
    assert images.shown == {"gone.png": None, "dir.png": None, "pipe.png": None} and not images.files
    assert reasons(script) == ["gone.png: no such file in the lesson's folder",
                               "dir.png: not a file", "pipe.png: not a file"]


def test_an_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "locked.png").write_bytes(PNG)
    (folder / "locked.png").chmod(0)
    if os.geteuid() == 0:
        # root reads every file (and CI runs as root): the read fails as an unreadable one would
        import errno

        import narrator.publishing.images as intake

        def refused(fd: int, n: int) -> bytes:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(intake.os, "read", refused)
    script, images = taken(folder, "locked.png")
    assert images.shown == {"locked.png": None}
    [reason] = reasons(script)
    assert reason.startswith("locked.png: cannot be read") and str(folder) not in reason


@pytest.mark.parametrize("src", ["a\x00.png", "a%00.png", "\ud800.png", "%ud800.png", "?x=1", "#top",
                                 "a" * 5000 + ".png", "/" * 3, "file:", "file://"])
def test_invalid_paths_are_refused_and_never_raise(tmp_path: Path, src: str) -> None:
    script, images = taken(tmp_path / "lesson", src)
    assert images.shown == {src: None} and not images.files
    [reason] = reasons(script)
    assert len(reason) < 200 and str(tmp_path) not in reason


def test_a_long_src_is_named_shortened(tmp_path: Path) -> None:
    src = "d" * 300 + ".png"
    script, _ = taken(tmp_path / "lesson", src)
    [reason] = reasons(script)
    assert reason.startswith("d" * 70) and "..." in reason and len(reason) < 160


# --- web addresses and other schemes ---

def test_web_images_stay_links_and_scheme_relative_ones_are_https(tmp_path: Path) -> None:
    srcs = ["https://cdn.example.com/a.png", "http://example.com/b.png?x=1", "//cdn.example.com/etc/passwd"]
    script, images = taken(tmp_path / "lesson", *srcs)
    assert images.shown == {srcs[0]: srcs[0], srcs[1]: srcs[1],
                            srcs[2]: "https://cdn.example.com/etc/passwd"}
    assert not images.files and script.skipped == ()


@pytest.mark.parametrize("src", ["javascript:alert(1)", "cid:part1@mail", "ftp://example.com/a.png",
                                 "blob:https://example.com/1", "C:\\Users\\me\\a.png"])
def test_other_schemes_are_reported(tmp_path: Path, src: str) -> None:
    script, images = taken(tmp_path / "lesson", src)
    assert images.shown == {src: None} and not images.files
    [reason] = reasons(script)
    assert "not a web address or a file of the lesson" in reason and "alert" not in reason


# --- SVG ---

def test_a_safe_svg_is_copied_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "diagram.xml").write_bytes(SAFE_SVG)
    script, images = taken(folder, "diagram.xml")
    assert dict(images.files) == {"images/01-diagram.svg": SAFE_SVG} and script.skipped == ()


UNSAFE_SVG = {
    "script": "<script>alert(1)</script>",
    "foreignObject": '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>',
    "event handler": '<rect onload="alert(1)"/>',
    "event handler, upper case": '<rect ONCLICK="alert(1)"/>',
    "javascript link": '<a href="javascript:alert(1)"><rect/></a>',
    "javascript link, spaced": '<a xlink:href=" java\tscript:alert(1)"><rect/></a>',
    "external image": '<image href="https://tracker.example/p.png"/>',
    "local file": '<image xlink:href="file:///etc/passwd"/>',
    "svg in a data: URI": '<image href="data:image/svg+xml,&lt;svg/&gt;"/>',
    "html in a data: URI": '<image href="data:text/html,x"/>',
    "css import": "<style>@import 'https://evil.example/x.css';</style>",
    "css url": "<style>rect { fill: url(https://evil.example/x) }</style>",
    "css escape": "<style>rect { background: \\75 rl(https://evil.example/x) }</style>",
    "style attribute url": '<rect style="background:url(//evil.example/x)"/>',
    "presentation attribute url": '<rect fill="url(https://evil.example/x#g)"/>',
    "image-set": "<style>rect { background: image-set('https://evil.example/x' 1x) }</style>",
    "animated link": '<a><set attributeName="href" to="javascript:alert(1)"/><rect/></a>',
    "iframe": '<iframe src="https://evil.example/"/>',
    "html refresh": '<h:meta xmlns:h="http://www.w3.org/1999/xhtml" http-equiv="refresh" content="0;url=https://evil.example/"/>',
    "html form": '<h:form xmlns:h="http://www.w3.org/1999/xhtml" action="https://evil.example/"><h:button/></h:form>',
}


@pytest.mark.parametrize("inner", UNSAFE_SVG.values(), ids=UNSAFE_SVG.keys())
def test_an_unsafe_svg_is_left_out(tmp_path: Path, inner: str) -> None:
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "d.svg").write_bytes(f"<svg {SVG_NS}>{inner}</svg>".encode())
    script, images = taken(folder, "d.svg")
    assert images.shown == {"d.svg": None} and not images.files
    [reason] = reasons(script)
    assert reason.startswith("d.svg: an SVG that ")


@pytest.mark.parametrize("doc", [
    # entities: a billion laughs, an external file
    f'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
    f"<svg {SVG_NS}><text>&b;</text></svg>",
    f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg {SVG_NS}><text>&x;</text></svg>',
    f'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg {SVG_NS}/>',
    f'<?xml-stylesheet href="https://evil.example/x.css"?><svg {SVG_NS}/>',
])
def test_an_svg_with_declarations_or_instructions_is_left_out(tmp_path: Path, doc: str) -> None:
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "d.svg").write_bytes(doc.encode())
    script, images = taken(folder, "d.svg")
    assert images.shown == {"d.svg": None} and not images.files
    [reason] = reasons(script)
    assert reason.startswith("d.svg: an SVG that ") and "passwd" not in reason


# --- data: URIs ---

def data_uri(media: str, data: bytes) -> str:
    return f"data:{media};base64,{base64.b64encode(data).decode()}"


def test_image_data_uris_are_written_out_as_files(tmp_path: Path) -> None:
    wrapped = data_uri("image/png", PNG)
    wrapped = wrapped[:40] + "\n  " + wrapped[40:]  # editors wrap long base64
    srcs = [data_uri("image/png", PNG), data_uri("IMAGE/JPEG", JPEG), "data:image/svg+xml;charset=utf-8," + quote(SAFE_SVG),
            data_uri("image/gif", GIF), wrapped, data_uri("image/webp", WEBP).rstrip("=")]
    script, images = taken(tmp_path / "lesson", *srcs)
    assert images.shown == {srcs[0]: "images/01-image.png", srcs[1]: "images/02-image.jpg",
                            srcs[2]: "images/03-image.svg", srcs[3]: "images/04-image.gif",
                            srcs[4]: "images/01-image.png", srcs[5]: "images/05-image.webp"}
    assert dict(images.files) == {"images/01-image.png": PNG, "images/02-image.jpg": JPEG,
                                  "images/03-image.svg": SAFE_SVG, "images/04-image.gif": GIF,
                                  "images/05-image.webp": WEBP}
    assert script.skipped == ()


@pytest.mark.parametrize("src, why", [
    (data_uri("image/jpeg", PNG), "not the image/jpeg it declares"),
    (data_uri("text/html", b"<script>alert(1)</script>"), "not an image"),
    (data_uri("image/svg+xml", f"<svg {SVG_NS}><script>alert(1)</script></svg>".encode()), "an SVG that "),
    ("data:image/png;base64,@@not base64@@", "cannot be decoded"),
    ("data:image/png;base64", "cannot be decoded"),
    (data_uri("image/bmp", b"BM" + b"\0" * 60), "not an image"),
    (data_uri("image/png", PNG + b"\0" * 2000), "too large"),
])
def test_other_data_uris_are_reported(tmp_path: Path, src: str, why: str) -> None:
    script, images = taken(tmp_path / "lesson", src, limits=ImageLimits(per_image=1000, per_lesson=5000))
    assert images.shown == {src: None} and not images.files
    [reason] = reasons(script)
    assert reason.startswith("a data: ") and why in reason and "alert" not in reason and len(reason) < 200


# --- size caps and copying once ---

def test_an_image_over_the_cap_is_refused_without_being_read(tmp_path: Path) -> None:
    folder = tmp_path / "lesson"
    folder.mkdir()
    with open(folder / "huge.png", "wb") as f:  # 3 GB, sparse: reading it whole would exhaust memory
        f.write(PNG)
        f.truncate(3 << 30)
    (folder / "big.png").write_bytes(PNG + b"\0" * 2000)
    script, images = taken(folder, "huge.png", "big.png", limits=ImageLimits(per_image=1000, per_lesson=10_000))
    assert images.shown == {"huge.png": None, "big.png": None} and not images.files
    assert reasons(script) == ["huge.png: too large (3.2 GB; at most 1 kB per image)",
                               "big.png: too large (2.1 kB; at most 1 kB per image)"]


def test_the_lessons_images_together_are_capped(tmp_path: Path) -> None:
    folder = tmp_path / "lesson"
    folder.mkdir()
    sizes = {}
    for name in "abc":
        data = PNG + name.encode() * 300
        (folder / f"{name}.png").write_bytes(data)
        sizes[name] = len(data)
    srcs = ["a.png", data_uri("image/png", PNG + b"d" * 300), "b.png", "c.png", "a.png?again"]
    cap = 2 * sizes["a"] + 100  # room for two
    assert cap < 1000
    script, images = taken(folder, *srcs, limits=ImageLimits(per_image=1000, per_lesson=cap))
    assert images.shown == {srcs[0]: "images/01-a.png", srcs[1]: "images/02-image.png", srcs[2]: None,
                            srcs[3]: None, srcs[4]: "images/01-a.png"}
    assert sum(len(d) for d in images.files.values()) <= cap
    assert reasons(script) == [f"{s}: the lesson's images would be over {cap} bytes together"
                               for s in ("b.png", "c.png")]


def test_a_file_is_copied_once_whatever_its_query_and_identical_files_share_a_copy(tmp_path: Path) -> None:
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "a.bin").write_bytes(PNG)
    (folder / "copy.png").write_bytes(PNG)
    os.link(folder / "a.bin", folder / "hard.png")
    srcs = ["a.bin?x=1", "a.bin?x=2", "a.bin#f", "copy.png", "hard.png", data_uri("image/png", PNG)]
    # the per-lesson cap counts each distinct image once
    script, images = taken(folder, *srcs, limits=ImageLimits(per_image=len(PNG), per_lesson=len(PNG)))
    assert set(images.shown.values()) == {"images/01-a.png"}
    assert dict(images.files) == {"images/01-a.png": PNG} and script.skipped == ()


def test_take_images_keeps_the_script_and_adds_to_its_skip_report(tmp_path: Path) -> None:
    script = lesson(tmp_path / "lesson", "gone.png", "gone.png")
    from dataclasses import replace

    from narrator.values import Skipped

    script = replace(script, skipped=(Skipped("nav", "page navigation", "links"),))
    after, _ = take_images(script)
    assert after.chapters is script.chapters and after.title == script.title
    assert [s.what for s in after.skipped] == ["page navigation", "left-out image"]  # each src once


# --- through publish and the pipeline ---

HOSTILE = """<html lang="en"><head><title>Cells</title></head><body>
<h1>Cells</h1>
<figure><img src="cell.png" alt=""><figcaption>A plant cell.</figcaption></figure>
<p>Secrets <img src="/etc/passwd" alt=""> and <img src="../../../../../../etc/hostname" alt="">.</p>
<p>Itself <img src="lesson.html" alt="">.</p>
<figure><img src="DATA" alt=""><figcaption>A red square.</figcaption></figure>
<p>Web <img src="//cdn.example.com/x.png" alt="">.</p>
</body></html>
""".replace("DATA", data_uri("image/png", PNG))


def test_publish_writes_only_the_checked_images(tmp_path: Path) -> None:
    out, manifest, _ = build_lesson(tmp_path, HOSTILE, **{"output.epub": True})
    assert sorted(p.name for p in (out / "images").iterdir()) == ["01-cell.png", "02-image.png"]
    assert (out / "images" / "02-image.png").read_bytes() == PNG
    assert manifest["images"] == ["images/01-cell.png", "images/02-image.png"]
    left_out = [s for s in manifest["skipped"] if s["what"] == "left-out image"]
    assert [s["reason"] for s in left_out] == ["image outside the lesson's folder"] * 2 + [
        "the lesson's own file, not an image"]
    assert str(tmp_path) not in json.dumps(manifest["skipped"]) and "passwd" not in json.dumps(manifest)
    page = (out / "index.html").read_text("utf-8")
    assert 'src="images/02-image.png"' in page and "data:image" not in page
    assert 'src="https://cdn.example.com/x.png"' in page and "passwd" not in page
    with zipfile.ZipFile(out / manifest["epub"]) as z:  # the data: image is in the book too
        assert z.read("EPUB/images/02-image.png") == PNG
        assert not [n for n in z.namelist() if "lesson" in n or "passwd" in n]


def test_the_pipeline_reports_left_out_images_with_the_other_skip_notices(tmp_path: Path) -> None:
    import narrator
    from narrator.config import load_config
    from narrator.events import Notice

    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "lesson.html").write_text('<h1>Cells</h1><p>One <img src="../secret.png" alt=""> cell.</p>'
                                        '<p>Two <img src="cell.png" alt=""> cells.</p>', "utf-8")
    (tmp_path / "secret.png").write_bytes(SECRET)
    (folder / "cell.png").write_bytes(PNG)
    config = load_config(overrides={"cache_dir": str(tmp_path / "cache"), "output.book": "none"})
    dry = narrator.plan(folder / "lesson.html", config)
    assert [s.reason for s in dry.skipped] == ["image outside the lesson's folder"]
    events: list[object] = []
    manifest = narrator.narrate(folder / "lesson.html", config, out_dir=tmp_path / "out", on_event=events.append)
    assert [n.text for n in events if isinstance(n, Notice) and n.level == "note"] == [
        f"{folder / 'lesson.html'}: not read: 1 left-out image"]
    assert [(s["what"], s["reason"]) for s in manifest["skipped"]] == [
        ("left-out image", "image outside the lesson's folder")]
    assert manifest["images"] == ["images/01-cell.png"]
    assert sorted(p.name for p in (tmp_path / "out" / "images").iterdir()) == ["01-cell.png"]


def test_an_edited_figure_rebuilds_the_pages_and_nothing_else(tmp_path: Path) -> None:
    """The lesson's bytes are the same, its figure is not: the folder is not up to date, the new
    figure is published, and no sentence is synthesized again. The file outside the folder the
    lesson names is never read to decide it."""
    import narrator
    from narrator.config import load_config

    folder = tmp_path / "lesson"
    folder.mkdir()
    source = folder / "lesson.html"
    source.write_text('<h1>Cells</h1><p>One <img src="cell.png" alt="a cell"> cell.</p>'
                      '<p>Two <img src="later.png" alt=""> <img src="../secret.png" alt=""> cells.</p>', "utf-8")
    (folder / "cell.png").write_bytes(PNG)
    config = load_config(overrides={"cache_dir": str(tmp_path / "cache"), "output.book": "none"})
    out = tmp_path / "out"
    first = narrator.narrate(source, config, out_dir=out)
    assert first.status == "built" and first["stats"]["synthesized"] > 0
    assert narrator.narrate(source, config, out_dir=out).status == "up to date"
    assert narrator.current_manifest(source, config, out_dir=out) is not None

    red, blue = png(4, 3, (10, 10, 240)), png(5, 3, (10, 240, 10))
    (folder / "cell.png").write_bytes(red)
    assert narrator.current_manifest(source, config, out_dir=out) is None
    again = narrator.narrate(source, config, out_dir=out)
    assert again.status == "built" and again["stats"]["synthesized"] == 0
    assert (out / "images" / "01-cell.png").read_bytes() == red

    (folder / "later.png").write_bytes(blue)  # it was missing: now the page can show it
    (tmp_path / "secret.png").write_bytes(blue)
    third = narrator.narrate(source, config, out_dir=out)
    assert third.status == "built" and third["stats"]["synthesized"] == 0
    assert sorted(p.read_bytes() for p in (out / "images").iterdir()) == sorted([red, blue])
    (tmp_path / "secret.png").write_bytes(PNG)  # outside the folder: changes nothing
    assert narrator.narrate(source, config, out_dir=out).status == "up to date"
