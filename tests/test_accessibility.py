"""WCAG 2.1 AA for the read-along page and the course index, checked the way auditors check:
axe-core (the npm package, installed by .ci/run into tests/.node) run in real browsers, Debian's
Chromium through Playwright and Debian's Firefox ESR over Marionette (Playwright's Firefox needs a
patched build that cannot be installed here), in light and dark schemes; then what a scanner
cannot see, tested in the browser: keyboard-only use with a visible focus, the polite
announcement of the sentence being read (and turning it off), named controls, 320 CSS px (400 %
zoom) without horizontal scrolling, contrast of the highlight, reduced motion, no autoplay,
alt text, maths' spoken form, languages, the transcript view."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

try:
    from tests.lessons import STRUCTURED, build_lesson
    from tests.marionette import Firefox
except ImportError:
    from lessons import STRUCTURED, build_lesson  # type: ignore[no-redef]
    from marionette import Firefox  # type: ignore[no-redef]

pytestmark = pytest.mark.browser

NODE_MODULES = Path(__file__).parent / ".node" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

CHINESE = """<html lang="zh-CN"><head><title>光合作用</title></head><body>
<h1>光合作用</h1>
<p>植物利用阳光制造养分。叶子是绿色的，因为叶绿素吸收红光和蓝光。</p>
<h2>过程</h2>
<ol><li>吸收二氧化碳。</li><li>释放氧气。</li></ol>
<p lang="en">Photosynthesis turns light into sugar.</p>
<table><tr><th>物质</th><th>作用</th></tr><tr><td>水</td><td>提供氢。</td></tr></table>
</body></html>
"""

RICH = """<html lang="en"><head><title>Circles</title></head><body>
<h1>Circles</h1>
<p>A circle is the set of points at one distance from its centre. Its area is \\(A = \\pi r^2\\) for a radius r.</p>
<figure><img src="cell.png" alt="A green circle drawn on squared paper"><figcaption>Figure 1. A circle.</figcaption></figure>
<h2>Words to know</h2>
<ul><li>Radius: from the centre to the edge.<ul><li>Half the diameter.</li></ul></li><li>Diameter: across the middle.</li></ul>
<ol><li>Measure the radius.</li><li>Square it.</li><li>Multiply by pi.</li></ol>
<table><tr><th>Quantity</th><th>Formula</th><th>Note</th></tr>
<tr><td>Circumference</td><td>Two pi r.</td><td>Pneumonoultramicroscopicsilicovolcanoconiosis is a long word.</td></tr>
<tr><td>Area</td><td>Pi r squared.</td><td>See https://example.org/a/very/long/path/that/does/not/break/easily/at/all for more.</td></tr></table>
<h2>Practice</h2>
<p>Find the area of a circle of radius three. Then find its circumference. Check both answers with a friend.</p>
<p>Draw three circles of different sizes. Label each radius. Compare the areas you find.</p>
</body></html>
"""

LESSONS = {"english": STRUCTURED, "chinese": CHINESE, "rich": RICH}


def _require(ok: bool, message: str) -> None:
    if not ok:
        if os.environ.get("NARRATOR_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def axe_source() -> str:
    _require(AXE.is_file(), f"needs axe-core in {NODE_MODULES} (.ci/run installs it with npm)")
    return AXE.read_text("utf-8")


@pytest.fixture(scope="module")
def lessons(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    built = {}
    for name, html in LESSONS.items():
        out, manifest, _ = build_lesson(tmp_path_factory.mktemp(name), html)
        built[name] = (out / "index.html", manifest)
    return built


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course of two lessons (one English, one Chinese) made by the real CLI (embedded engine)."""
    base = tmp_path_factory.mktemp("course")
    (base / "src").mkdir()
    (base / "src" / "01-circles.html").write_text(RICH.replace('<figure><img src="cell.png"', '<figure><img src="x.png"'), "utf-8")
    (base / "src" / "02-photosynthesis.html").write_text(CHINESE, "utf-8")
    run = subprocess.run([sys.executable, "-m", "narrator", str(base / "src"), "-o", str(base / "out")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return base / "out" / "index.html"


AXE_RUN = """async tags => {
    const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ') + ': '
                                   + n.failureSummary).slice(0, 5)}));
}"""


def axe_chromium(page: Any, axe_source: str) -> list[dict[str, Any]]:
    page.add_script_tag(content=axe_source)
    return page.evaluate(AXE_RUN, WCAG_AA)


@contextmanager
def open_player(browser: Any, path: Path, *, scheme: str = "light", **context: Any) -> Iterator[tuple[Any, list[str]]]:
    """The player page at ``path`` in a new browser context, its audio's metadata loaded, and the
    page's script errors; the context is closed afterwards."""
    ctx = browser.new_context(color_scheme=scheme, **context)
    try:
        page = ctx.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri())
        page.wait_for_function("document.getElementById('player').readyState >= 1")
        yield page, errors
    finally:
        ctx.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(LESSONS))
def test_axe_finds_no_wcag_aa_violation_in_chromium(browser, axe_source, lessons, name, scheme) -> None:
    path, manifest = lessons[name]
    with open_player(browser, path, scheme=scheme) as (page, errors):
        assert axe_chromium(page, axe_source) == []
        # with a sentence highlighted (its colours are checked too) and with the transcript shown
        target = manifest["segments"][min(2, len(manifest["segments"]) - 1)]
        page.evaluate("t => { document.getElementById('player').currentTime = t; }", target["start"] + 0.05)
        page.wait_for_function("id => { const e = document.querySelector('.seg.current'); return e && e.id === id; }",
                               arg=target["id"])
        assert axe_chromium(page, axe_source) == []
        page.click("#transcript-toggle")
        page.wait_for_selector("#transcript .chapter")
        assert axe_chromium(page, axe_source) == []
        assert errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_aa_violation_in_the_course_index(browser, axe_source, course, scheme) -> None:
    ctx = browser.new_context(color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.goto(course.as_uri())
        assert page.locator("main ol a").count() == 2
        assert axe_chromium(page, axe_source) == []
        # and the lessons' own pages, made by the CLI with the embedded engine
        page.click("main ol a >> nth=1")
        page.wait_for_function("document.getElementById('player') && document.getElementById('player').readyState >= 1")
        assert axe_chromium(page, axe_source) == []
    finally:
        ctx.close()


# -- Firefox --------------------------------------------------------------------------------------


def firefox(scheme: str) -> Firefox:
    """Firefox with the content's prefers-color-scheme set as a user's system setting gives it."""
    exe = shutil.which("firefox-esr") or shutil.which("firefox")
    _require(exe is not None, "needs Firefox (Debian package `firefox-esr`)")
    assert exe is not None
    return Firefox(exe, {"layout.css.prefers-color-scheme.content-override": 0 if scheme == "dark" else 1})


def axe_firefox(ff: Firefox, axe_source: str) -> list[dict[str, Any]]:
    ff.run("const s = document.createElement('script'); s.textContent = arguments[0]; document.head.appendChild(s);",
           axe_source)
    return ff.run(f"return ({AXE_RUN})(arguments[0]);", WCAG_AA)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_aa_violation_in_firefox(axe_source, lessons, course, scheme) -> None:
    with firefox(scheme) as ff:
        for path in [*(p for p, _ in lessons.values()), course]:
            ff.goto(path.as_uri())
            assert ff.run("return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'") == scheme
            assert axe_firefox(ff, axe_source) == [], path


# -- beyond the scanner ---------------------------------------------------------------------------


def wait_lit(page: Any, seg_id: str) -> None:
    page.wait_for_function("id => { const e = document.querySelector('.seg.current'); return e && e.id === id; }",
                           arg=seg_id, timeout=15000)


def _rgb(css: str) -> tuple[float, ...]:
    inner = css[css.index("(") + 1:css.index(")")].replace("/", " ").replace(",", " ").split()
    return tuple(float(x) for x in inner[:3])


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two CSS rgb() colours."""
    def lum(css: str) -> float:
        c = [x / 255 for x in _rgb(css)]
        c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_control_is_reached_and_used_by_keyboard_with_a_visible_focus(browser, lessons) -> None:
    path, manifest = lessons["rich"]
    with open_player(browser, path) as (page, errors):
        seen: list[dict[str, Any]] = []
        for _ in range(40):
            page.keyboard.press("Tab")
            seen.append(page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
                return {id: e.id, tag: e.tagName, cls: e.className, outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                        color: s.outlineColor, bg: getComputedStyle(document.body).backgroundColor}; }"""))
            if seen[-1]["cls"] == "seg":
                break
        ids = [s["id"] for s in seen]
        chapters = [f"nav-{c['index']}" for c in manifest["chapters"]]
        for control in ["speed", "captions-on", "announce-on", "transcript-toggle", *chapters]:
            assert control in ids, (control, ids)
        assert seen[0]["cls"] == "skip" and seen[-1]["cls"] == "seg"
        for s in seen:
            if s["tag"] == "AUDIO":
                continue  # its own controls draw their focus
            assert s["outline"] != "none" and s["width"] >= 2, s
            assert contrast(s["color"], s["bg"]) >= 3, s
        # used by keyboard alone: the sentence plays, captions turn off, the transcript opens
        page.evaluate("""() => { const a = document.getElementById('player');
            a.addEventListener('playing', () => { window.started = document.querySelector('.seg.current').id; }, {once: true}); }""")
        page.keyboard.press("Enter")
        assert page.wait_for_function("window.started").json_value() == seen[-1]["id"]
        page.keyboard.press("Space")  # Space on the sentence plays it from its start again
        page.focus("#captions-on")
        page.keyboard.press("Space")
        assert page.evaluate("""Array.from(document.getElementById('player').textTracks)
            .filter(t => t.mode === 'showing').length""") == 0
        page.focus("#transcript-toggle")
        page.keyboard.press("Enter")
        assert page.is_visible("#transcript") and not page.is_visible("#text")
        assert page.get_attribute("#transcript-toggle", "aria-expanded") == "true"
        page.focus(f"#nav-{manifest['chapters'][-1]['index']}")
        page.keyboard.press("Enter")
        last = manifest["chapters"][-1]["file"]
        page.wait_for_function("f => decodeURIComponent(document.getElementById('player').src).endsWith(f)", arg=last)
        assert errors == []


def test_the_sentence_being_read_is_announced_politely_and_can_be_turned_off(browser, lessons) -> None:
    path, manifest = lessons["english"]
    with open_player(browser, path) as (page, errors):
        region = page.locator("#announcer")
        assert region.get_attribute("aria-live") == "polite"
        page.evaluate("""() => { window.said = [];
            new MutationObserver(() => window.said.push(document.getElementById('announcer').textContent))
              .observe(document.getElementById('announcer'), {childList: true, characterData: true, subtree: true}); }""")
        segs = [s for s in manifest["segments"] if s["chapter"] == manifest["chapters"][0]["index"]]
        page.focus(f"#{segs[1]['id']}")
        page.keyboard.press("Enter")
        wait_lit(page, segs[2]["id"])
        page.wait_for_function("t => document.getElementById('announcer').textContent === t", arg=segs[2]["text"])
        said = page.evaluate("window.said")
        assert said == [segs[1]["text"], segs[2]["text"]]  # once per sentence, in order
        page.click("#announce-on")
        assert region.text_content() == ""
        wait_lit(page, segs[3]["id"])
        assert region.text_content() == ""
        page.evaluate("document.getElementById('player').pause()")
        assert errors == []


def test_controls_have_names(browser, lessons) -> None:
    path, manifest = lessons["english"]
    with open_player(browser, path) as (page, _):
        assert page.get_by_role("combobox", name="Speed").count() == 1
        assert page.get_by_role("checkbox", name="Captions").is_checked()
        assert page.get_by_role("checkbox", name="Announce each sentence").is_checked()
        assert page.get_by_role("button", name="Show transcript").count() == 1
        assert page.locator("audio[aria-label='Lesson audio']").count() == 1
        nav = page.get_by_role("navigation", name="Chapters")
        for c in manifest["chapters"]:
            assert nav.get_by_role("button", name=c["title"], exact=True).count() == 1


@pytest.mark.parametrize("name", list(LESSONS))
def test_at_320_css_pixels_nothing_scrolls_sideways(browser, lessons, name) -> None:
    """400 % zoom of a 1280 x 1024 window is 320 x 256 CSS pixels (WCAG 1.4.10 Reflow)."""
    path, _ = lessons[name]
    with open_player(browser, path, viewport={"width": 320, "height": 256}) as (page, _):
        def overflow() -> int:
            return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow() <= 0
        # a sticky header would hide the text at this size
        assert page.evaluate("getComputedStyle(document.querySelector('header')).position") != "sticky"
        page.click("#transcript-toggle")
        assert overflow() <= 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colours_meet_contrast_including_the_highlight(browser, lessons, scheme) -> None:
    path, manifest = lessons["rich"]
    with open_player(browser, path, scheme=scheme) as (page, _):
        target = manifest["segments"][1]
        page.evaluate("t => { document.getElementById('player').currentTime = t; }", target["start"] + 0.05)
        wait_lit(page, target["id"])
        s = page.evaluate("""() => { const e = document.querySelector('.seg.current'), c = getComputedStyle(e),
            f = document.querySelector('figcaption'), k = document.getElementById('keys');
            return {fg: c.color, bg: c.backgroundColor, edge: c.boxShadow, page: getComputedStyle(document.body).backgroundColor,
                    text: getComputedStyle(document.body).color, caption: getComputedStyle(f).color,
                    keys: getComputedStyle(k).color, link: getComputedStyle(document.querySelector('.chapter-link')).color}; }""")
        assert (s["page"] == "rgb(18, 18, 18)") == (scheme == "dark")
        assert contrast(s["fg"], s["bg"]) >= 4.5  # the highlighted sentence's text
        assert contrast(s["edge"], s["page"]) >= 3  # the highlight's edge marks it against the page
        for key in ("text", "caption", "keys", "link"):
            assert contrast(s[key], s["page"]) >= 4.5, key


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_reduced_motion_stops_smooth_scrolling(browser, lessons, motion) -> None:
    path, manifest = lessons["rich"]
    with open_player(browser, path, viewport={"width": 320, "height": 256}, reduced_motion=motion) as (page, _):
        first = manifest["chapters"][0]["index"]  # the file loaded
        last = [s for s in manifest["segments"] if s["chapter"] == first][-1]
        ys = page.evaluate("""t => new Promise(done => { const ys = [];
            addEventListener('scroll', () => ys.push(scrollY));
            addEventListener('scrollend', () => done(ys), {once: true});
            document.getElementById('player').currentTime = t; })""", last["start"] + 0.05)
        wait_lit(page, last["id"])
        assert ys and ys[-1] > 0
        if motion == "reduce":
            assert len(set(ys)) == 1, ys  # one jump
        else:
            assert len(set(ys)) > 2, ys  # smooth: positions in between


def test_the_player_never_autoplays(browser, lessons) -> None:
    path, manifest = lessons["english"]
    ctx = browser.new_context()
    try:
        target = manifest["segments"][-1]
        # where the learner left off, as the page remembers it, and a count of play() calls
        saved = json.dumps({"chapter": target["chapter"], "time": target["start"] + 0.05})
        ctx.add_init_script(f"""localStorage.setItem('narrator:position:' + location.pathname, {json.dumps(saved)});
            window.plays = 0; const play = HTMLMediaElement.prototype.play;
            HTMLMediaElement.prototype.play = function () {{ window.plays++; return play.apply(this, arguments); }};""")
        page = ctx.new_page()
        page.goto(path.as_uri())
        wait_lit(page, target["id"])  # the page resumed where the learner was...
        page.wait_for_function("document.getElementById('player').readyState >= 1")
        assert page.evaluate("window.plays") == 0  # ...and waits for them: nothing plays by itself
        assert page.evaluate("document.getElementById('player').paused")
        assert page.locator("[autoplay]").count() == 0
    finally:
        ctx.close()


def test_images_keep_their_alt_text_and_maths_has_its_spoken_form(browser, lessons) -> None:
    path, _ = lessons["rich"]
    with open_player(browser, path) as (page, _):
        figure = page.locator("main figure")
        assert figure.locator("img").get_attribute("alt") == ""  # not said twice: the text beside it says it
        assert "A green circle drawn on squared paper" in figure.inner_text()
        # the formula's sentence: seen and named as written (speech input says what it sees),
        # described to a screen reader as the narrator says it
        maths = page.get_by_role("button", name="Its area is A = πr² for a radius r.")
        assert maths.count() == 1
        assert maths.get_attribute("aria-description") == "Its area is A equals pi r squared for a radius r."
        tree = page.accessibility.snapshot(root=maths.element_handle()) if hasattr(page, "accessibility") else None
        if tree is not None:
            assert tree.get("description") == "Its area is A equals pi r squared for a radius r."
        # the transcript (no controls) gives the spoken form as text a screen reader reads instead
        page.click("#transcript-toggle")
        said = page.locator("#transcript .visually-hidden", has_text="A equals pi r squared")
        assert said.count() == 1


def test_the_page_and_each_sentence_have_their_language(browser, lessons) -> None:
    path, manifest = lessons["chinese"]
    with open_player(browser, path) as (page, _):
        assert manifest["lang"].startswith("zh")
        assert page.get_attribute("html", "lang") == manifest["lang"]
        english = next(s for s in manifest["segments"] if s["text"].startswith("Photosynthesis"))
        assert page.get_attribute(f"#{english['id']}", "lang") == "en"
    path, manifest = lessons["english"]
    with open_player(browser, path) as (page, _):
        assert page.get_attribute("html", "lang") == "en"
        assert page.locator(".seg[lang]").count() == 0


def test_the_transcript_view_gives_the_text_in_reading_order_with_chapter_headings(browser, lessons) -> None:
    path, manifest = lessons["rich"]
    with open_player(browser, path) as (page, _):
        # what each sentence shows on the page, in reading order
        shown = page.evaluate("""ids => ids.map(id => Array.from(document.querySelectorAll('#text [data-seg="' + id + '"]'))
            .map(e => e.innerText).join(' '))""", [s["id"] for s in manifest["segments"]])
        toggle = page.get_by_role("button", name="Show transcript")
        assert toggle.get_attribute("aria-expanded") == "false" and not page.is_visible("#transcript")
        toggle.click()
        view = page.locator("#transcript")
        assert view.is_visible() and not page.is_visible("#text")
        assert view.locator("[role=button], [tabindex], .seg").count() == 0  # plain reading
        text = " ".join(view.inner_text().split())
        at = 0
        for piece in shown:  # every sentence, in reading order
            for part in piece.split():
                k = text.find(part, at)
                assert k >= 0, piece
                at = k
        headings = view.locator("h2, h3, h4").all_inner_texts()
        for c in manifest["chapters"]:
            assert c["title"] in headings
        page.get_by_role("button", name="Hide transcript").click()
        assert page.is_visible("#text") and not page.is_visible("#transcript")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(LESSONS))
def test_transcript_html_gives_the_text_in_reading_order_and_passes_axe(browser, axe_source, lessons, name, scheme) -> None:
    path, manifest = lessons[name]
    ctx = browser.new_context(color_scheme=scheme)
    try:
        page = ctx.new_page()
        page.goto(path.as_uri())
        shown = page.evaluate("""ids => ids.map(id => Array.from(document.querySelectorAll('#text [data-seg="' + id + '"]'))
            .map(e => e.innerText).join(' '))""", [s["id"] for s in manifest["segments"]])
        page.goto((path.parent / "transcript.html").as_uri())
        assert page.get_attribute("html", "lang") == manifest["lang"]
        assert page.locator("script, audio, [role=button]").count() == 0  # a page to read
        text = " ".join(page.locator("main").inner_text().split())
        at = 0
        for piece in shown:  # every sentence, in reading order
            for part in piece.split():
                k = text.find(part, at)
                assert k >= 0, piece
                at = k
        headings = [" ".join(h.split()) for h in page.locator("h2, h3").all_inner_texts()]
        for c in manifest["chapters"]:
            assert " ".join(c["title"].split()) in headings
        assert page.get_attribute("main a", "href") == "index.html"
        assert axe_chromium(page, axe_source) == []
    finally:
        ctx.close()


# -- the EPUB -------------------------------------------------------------------------------------

OPF = "{http://www.idpf.org/2007/opf}"
SMIL = "{http://www.w3.org/ns/SMIL}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ACE = NODE_MODULES / ".bin" / "ace-cli"


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    built = {}
    for name in ("rich", "chinese"):
        out, manifest, _ = build_lesson(tmp_path_factory.mktemp(f"epub-{name}"), LESSONS[name], **{"output.epub": True})
        built[name] = (out / manifest["epub"], manifest)
    return built


def opf(book: Path) -> Any:
    import zipfile
    from xml.etree import ElementTree

    with zipfile.ZipFile(book) as z:
        return ElementTree.fromstring(z.read("EPUB/package.opf")), {n: z.read(n) for n in z.namelist()}


@pytest.mark.parametrize("name", ["rich", "chinese"])
def test_the_epub_passes_daisy_ace_with_no_serious_or_critical_violation(books, chromium, tmp_path, name) -> None:
    _require(ACE.is_file(), f"needs DAISY's Ace in {NODE_MODULES} (.ci/run installs @daisy/ace-cli with npm)")
    book, _ = books[name]
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(chromium)}  # Debian's Chromium, not a download
    run = subprocess.run([str(ACE), "--force", "--silent", "--outdir", str(tmp_path / "ace"), str(book)],
                         capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads((tmp_path / "ace" / "report.json").read_text("utf-8"))
    found = [(x["earl:test"]["earl:impact"], x["earl:test"]["dct:title"], x["earl:result"].get("earl:pointer"))
             for a in report["assertions"] for x in a["assertions"]]
    assert [f for f in found if f[0] in ("serious", "critical")] == []
    assert found == []  # nor a moderate or minor one
    assert report["earl:result"]["earl:outcome"] == "pass"
    # Ace read the metadata it asks for (an EPUB without it has "serious" violations)
    assert "schema:accessibilityFeature" in report["a11y-metadata"]["present"]


@pytest.mark.parametrize("name", ["rich", "chinese"])
def test_the_epub_passes_epubcheck(books, name) -> None:
    try:
        from tests.test_epub import epubcheck_command
    except ImportError:
        from test_epub import epubcheck_command  # type: ignore[no-redef]
    book, _ = books[name]
    proc = subprocess.run([*epubcheck_command(), str(book)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0 and "0 fatals / 0 errors / 0 warnings" in proc.stdout + proc.stderr, proc.stdout


def meta(root: Any, prop: str) -> list[str]:
    return [m.text for m in root.iter(f"{OPF}meta") if m.get("property") == prop]


@pytest.mark.parametrize("name", ["rich", "chinese"])
def test_the_epub_has_accessibility_metadata_and_navigation(books, name) -> None:
    from xml.etree import ElementTree

    book, manifest = books[name]
    root, files = opf(book)
    has_images = any(n.startswith("EPUB/images/") for n in files)
    assert has_images == (name == "rich")
    assert sorted(meta(root, "schema:accessMode")) == sorted(["auditory", "textual"] + (["visual"] if has_images else []))
    sufficient = meta(root, "schema:accessModeSufficient")
    assert "textual" in sufficient and "textual,auditory" in sufficient
    assert ("auditory" in sufficient) == (not manifest["skipped"])  # the audio alone only if all is heard
    features = meta(root, "schema:accessibilityFeature")
    assert {"synchronizedAudioText", "structuralNavigation", "tableOfContents", "readingOrder"} <= set(features)
    assert meta(root, "schema:accessibilityHazard") == ["none"]
    assert len(meta(root, "schema:accessibilitySummary")[0]) > 80
    nav = ElementTree.fromstring(files["EPUB/nav.xhtml"])
    toc = next(n for n in nav.iter(f"{XHTML}nav") if n.get("{http://www.idpf.org/2007/ops}type") == "toc")
    assert toc.get("role") == "doc-toc"
    assert [a.text for a in toc.iter(f"{XHTML}a")] == [c["title"] for c in manifest["chapters"]]
    assert nav.get("lang") == manifest["lang"]


@pytest.mark.parametrize("name", ["rich", "chinese"])
def test_the_epub_reading_order_is_the_audio_order(books, name) -> None:
    """Spine order = chapter order; in each chapter the sentences appear in the text in the order
    their audio clips play (a reader following along, or a screen reader, never jumps)."""
    from xml.etree import ElementTree

    book, manifest = books[name]
    root, files = opf(book)
    items = {i.get("id"): i for i in root.iter(f"{OPF}item")}
    spine = [items[r.get("idref")].get("href") for r in root.iter(f"{OPF}itemref")]
    chapters = sorted(manifest["chapters"], key=lambda c: c["start"])
    assert spine == [f"chapter-{c['index']:02d}.xhtml" for c in chapters]
    heard = []
    for doc in spine:
        smil = ElementTree.fromstring(files["EPUB/" + doc.replace(".xhtml", ".smil")])
        pars = [(p.find(f"{SMIL}text").get("src").split("#")[1], float(p.find(f"{SMIL}audio").get("clipBegin").rstrip("s")))
                for p in smil.iter(f"{SMIL}par")]
        assert [t for _, t in pars] == sorted(t for _, t in pars)  # clips play forwards
        page = ElementTree.fromstring(files["EPUB/" + doc])
        order = [e.get("id") for e in page.iter() if e.get("id")]
        targets = [i for i, _ in pars]
        assert [i for i in order if i in set(targets)] == targets  # text order = audio order
        heard += targets
    assert heard == [s["id"] for s in sorted(manifest["segments"], key=lambda s: s["book_start"])]
