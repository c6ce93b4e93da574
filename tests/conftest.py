"""Shared fixtures (keep generic: other test files use them too)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium for browser tests; skipped when it is not installed, except in CI
    (.ci/run sets NARRATOR_REQUIRE_BROWSER), where a missing browser is a failure."""
    if not CHROMIUM.is_file():
        message = "needs a headless Chromium at /usr/bin/chromium (Debian package `chromium`)"
        if os.environ.get("NARRATOR_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or fill the user's take cache (~/.cache/narrator): a take made by the
    README's quickstart would otherwise turn a test's "synthesized" into "cached". Subprocesses
    inherit the variable; tests that need their own cache still pass one."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    # Gradio's uploads and outputs (the stand-in IndexTTS2 web UIs) go where pytest cleans up,
    # not into /tmp/gradio, which grew by gigabytes over repeated runs
    os.environ["GRADIO_TEMP_DIR"] = str(tmp_path_factory.mktemp("gradio"))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """A failure is reported as a failure even when pytest cannot show its traceback: on Python 3.11
    an entry can have no line (``tb_lineno`` None, seen in a Playwright test under load), and
    pytest's report of it then stopped the whole run with an INTERNALERROR that named no test."""
    try:
        return (yield)
    except TypeError:
        if call.excinfo is None:
            raise
        tb, lines = call.excinfo.tb, []
        while tb is not None:  # the frames by hand: Python's own traceback module trips on them too
            lines.append(f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno} in {tb.tb_frame.f_code.co_name}")
            tb = tb.tb_next
        text = "\n".join([call.excinfo.exconly(), "raised at (innermost last):", *lines])
        sections = [(f"Captured {key} {when}", content) for when, key, content in item._report_sections]
        return pytest.TestReport(item.nodeid, item.location, dict.fromkeys(item.keywords, 1), "failed", text,
                                 call.when, sections=sections, duration=call.duration, start=call.start,
                                 stop=call.stop)


CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--autoplay-policy=no-user-gesture-required"]


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[object]:
    """Headless Chromium through Playwright, one per test module."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def firefox() -> Iterator[object]:
    """Firefox (Debian's firefox-esr) driven through Marionette, one per test module; skipped when
    it is not installed, except in CI, where a missing browser is a failure."""
    import shutil

    try:
        from tests.marionette import Firefox
    except ImportError:
        from marionette import Firefox  # type: ignore[no-redef]

    exe = shutil.which("firefox-esr") or shutil.which("firefox")
    if exe is None:
        message = "needs Firefox (Debian package `firefox-esr`)"
        if os.environ.get("NARRATOR_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    with Firefox(exe) as ff:
        yield ff


@pytest.fixture
def redis_server() -> str:
    """Debian's redis-server executable. Skipped without it, except in CI, where it is a failure."""
    import shutil

    redis = shutil.which("redis-server")
    if redis is None:
        message = "needs redis-server (Debian package redis-server; .ci/run installs it)"
        if os.environ.get("NARRATOR_REQUIRE_REDIS") or os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return redis


@pytest.fixture
def broker(redis_server: str) -> Iterator[str]:
    """A fresh Redis on a loopback port, no persistence, for one test: its URL."""
    try:
        from tests.servers.queue import start_redis
    except ImportError:
        from servers.queue import start_redis  # type: ignore[no-redef]

    proc, url = start_redis(redis_server)
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture
def said_afresh() -> None:
    """Readings made afresh in a test: the caches of the formula reader and of normalisation
    (functools.lru_cache) emptied first, so that a reading cached by an earlier test cannot hide
    a change to the rules, nor a mutant mutmut made (it forks each from a process that already
    ran the tests). Use with ``pytestmark = pytest.mark.usefixtures("said_afresh")``."""
    from narrator.normalize import en, en_numbers, zh
    from narrator.script import maths, maths_units, maths_words

    for cached in (maths._read, maths_words._table, maths_units._tables, en._normaliser, en._normalise,
                   en_numbers.cardinal, en_numbers.ordinal, en_numbers.year, zh._normalize, zh._value):
        cached.cache_clear()
