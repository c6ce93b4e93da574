"""`narrate engines`: lists the engines and checks each configured server the way a user would run
it, against real loopback stand-ins (the IndexTTS2 Gradio web UI in both layouts and locales, an
OpenAI-compatible server, a plain POST-text-get-WAV server) and against servers that are down."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from servers.audio import SAMPLE_RATE, speech_wav
from servers.faulty import FaultPlan, FaultyServer, refused_url
from servers.indextts2_webui import start_webui
from servers.openai_server import start_openai

ENGINES = ("espeak", "indextts2", "indextts2-vllm", "openai", "http")
TIMING = re.compile(r"test sentence: (\d+\.\d+) s for (\d+\.\d+) s of audio")
TEST_TEXT = "This is a short test sentence."


@pytest.fixture(scope="module")
def voice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("voice") / "teacher.wav"
    path.write_bytes(speech_wav("This is the voice of the narrator."))
    return path


@pytest.fixture(scope="module")
def webuis():
    """(IndexTTS-2 with zh_CN labels, IndexTTS-2.5 with en_US labels)."""
    zh = start_webui("2", "zh_CN")
    try:
        en = start_webui("2.5", "en_US")
    except BaseException:
        zh.close()
        raise
    yield zh, en
    zh.close()
    en.close()


def engines(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `narrate engines ...` in an empty folder (no narrate.toml is picked up by accident)."""
    cwd = tmp_path / "cwd"
    cwd.mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "narrator", "engines", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120, check=False, env={**os.environ, **(env or {})})


def server_lines(stdout: str, url: str) -> list[str]:
    return [line for line in stdout.splitlines() if url in line]


def check_listing(stdout: str, selected: str) -> None:
    first = stdout.splitlines()[0]
    assert first.startswith("engines: "), stdout
    names = [n.strip() for n in first.removeprefix("engines: ").split(",")]
    assert [n.removesuffix(" (selected)") for n in names] == list(ENGINES)
    assert f"{selected} (selected)" in names


def check_ok(stdout: str, url: str) -> tuple[float, float]:
    """The server's one line says ok; returns (seconds taken, seconds of audio)."""
    lines = server_lines(stdout, url)
    assert len(lines) == 1, stdout
    assert re.search(r":\s+ok\b", lines[0]), lines[0]
    m = TIMING.search(lines[0])
    assert m, lines[0]
    took, audio = float(m.group(1)), float(m.group(2))
    assert took > 0 and audio > 0.5  # a real sentence came back
    return took, audio


def check_failed(stdout: str, url: str, *needles: str) -> str:
    lines = server_lines(stdout, url)
    assert len(lines) == 1, stdout
    line = lines[0]
    assert "FAILED" in line and "ok" not in line.split("FAILED")[0], line
    assert line.count(url) == 1, line  # the server is named once, the reason follows
    for needle in needles:
        assert needle in line, line
    return line


@pytest.mark.timeout(120)
def test_both_webui_layouts_and_locales_are_identified_and_timed(tmp_path: Path, webuis, voice: Path) -> None:
    zh, en = webuis
    calls = len(zh.recorder.calls), len(en.recorder.calls)
    run = engines(tmp_path, "--server", zh.url, "--server", en.url, "--voice-file", str(voice))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    check_listing(run.stdout, "indextts2")

    zh_line, = server_lines(run.stdout, zh.url)
    en_line, = server_lines(run.stdout, en.url)
    assert "layout 2," in zh_line and "locale zh_CN" in zh_line, zh_line
    assert "layout 2.5," in en_line and "locale en_US" in en_line, en_line
    check_ok(run.stdout, zh.url)
    check_ok(run.stdout, en.url)
    # one real generation of the test sentence per server
    assert zh.recorder.texts[calls[0]:] == [TEST_TEXT]
    assert en.recorder.texts[calls[1]:] == [TEST_TEXT]


@pytest.mark.timeout(120)
def test_the_reported_time_is_the_servers_generation_time(tmp_path: Path, webuis, voice: Path) -> None:
    zh, _ = webuis
    zh.delay = 0.6  # a slower GPU
    try:
        run = engines(tmp_path, "--server", zh.url, "--voice-file", str(voice),
                      "--text", "Timing this sentence now.")
    finally:
        zh.delay = 0.0
    assert run.returncode == 0, run.stdout + run.stderr
    took, _ = check_ok(run.stdout, zh.url)
    assert took >= 0.6
    assert zh.recorder.texts[-1] == "Timing this sentence now."


@pytest.mark.timeout(60)
def test_a_dead_server_is_one_failed_line_and_exit_1(tmp_path: Path, voice: Path) -> None:
    dead = refused_url()
    run = engines(tmp_path, "--server", dead, "--voice-file", str(voice))
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    check_listing(run.stdout, "indextts2")
    check_failed(run.stdout, dead, "cannot connect")


@pytest.mark.timeout(120)
def test_one_dead_server_among_good_ones(tmp_path: Path, webuis, voice: Path) -> None:
    zh, _ = webuis
    dead = refused_url()
    run = engines(tmp_path, "--server", zh.url, "--server", dead, "--voice-file", str(voice))
    assert run.returncode == 1, run.stdout + run.stderr
    check_ok(run.stdout, zh.url)
    check_failed(run.stdout, dead, "cannot connect")


@pytest.mark.timeout(120)
def test_a_server_is_checked_without_a_voice_file(tmp_path: Path, webuis) -> None:
    zh, en = webuis
    calls = len(zh.recorder.calls)
    run = engines(tmp_path, "--server", zh.url, "--server", en.url)
    assert run.returncode == 0, run.stdout + run.stderr
    zh_line, = server_lines(run.stdout, zh.url)
    en_line, = server_lines(run.stdout, en.url)
    assert ": ok" in zh_line and "layout 2," in zh_line and "locale zh_CN" in zh_line, zh_line
    assert ": ok" in en_line and "layout 2.5," in en_line and "locale en_US" in en_line, en_line
    assert "no test sentence without a voice file" in zh_line
    assert len(zh.recorder.calls) == calls  # nothing was generated


def test_a_missing_voice_file_is_the_files_problem(tmp_path: Path, webuis) -> None:
    zh, _ = webuis
    for command in (["engines"], [str(tmp_path / "lesson.html")]):
        (tmp_path / "lesson.html").write_text("<p>Hello there.</p>")
        run = subprocess.run([sys.executable, "-m", "narrator", *command, "--server", zh.url,
                              "--voice-file", "teacher.wav"], cwd=tmp_path, capture_output=True,
                             text=True, timeout=120, check=False)
        assert run.returncode == 2, run.stdout + run.stderr
        assert run.stderr.strip().splitlines() == ["narrate: voice file teacher.wav: no such file or directory"]
    assert not (tmp_path / "lesson.narration").exists()


HTTP_CONFIG = f"""\
[engine]
name = "http"
[engine.http]
url = "/tts"
body = "{{{{ text }}}}"
sample_rate = {SAMPLE_RATE}
[engine.http.headers]
X-Lang = "{{{{ lang }}}}"
"""


@pytest.mark.timeout(60)
def test_http_engine_from_narrate_toml(tmp_path: Path) -> None:
    config = tmp_path / "narrate.toml"
    config.write_text(HTTP_CONFIG, encoding="utf-8")
    with FaultyServer() as good, FaultyServer(FaultPlan(always="error500")) as broken:
        run = engines(tmp_path, "--config", str(config), "--server", good.url, "--server", broken.url)
        assert good.requests == [TEST_TEXT]
    assert run.returncode == 1, run.stdout + run.stderr
    check_listing(run.stdout, "http")
    check_ok(run.stdout, good.url)
    check_failed(run.stdout, broken.url, "HTTP 500", "CUDA out of memory")


@pytest.mark.timeout(60)
def test_openai_server_key_checked(tmp_path: Path) -> None:
    server = start_openai(api_key="sk-test")
    try:
        ok = engines(tmp_path, "--engine", "openai", "--server", server.url,
                     env={"OPENAI_API_KEY": "sk-test"})
        bad = engines(tmp_path, "--engine", "openai", "--server", server.url,
                      env={"OPENAI_API_KEY": "sk-wrong"})
    finally:
        server.close()
    assert ok.returncode == 0, ok.stdout + ok.stderr
    check_listing(ok.stdout, "openai")
    check_ok(ok.stdout, server.url)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    check_failed(bad.stdout, server.url, "HTTP 401", "credentials")


@pytest.mark.timeout(60)
def test_embedded_engine_without_servers(tmp_path: Path) -> None:
    run = engines(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    check_listing(run.stdout, "espeak")
    lines = [line for line in run.stdout.splitlines()[1:] if line.strip()]
    assert len(lines) == 1 and lines[0].strip().startswith("espeak: ok"), run.stdout
    assert TIMING.search(lines[0])
