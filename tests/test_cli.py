"""The command as a user meets it: exit codes and the exact one-line errors, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def narrate(*args: str, cwd: Path, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cwd / "cache"), **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "narrator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def assert_one_line_error(proc: subprocess.CompletedProcess[str], expected: str, status: int = 1) -> None:
    assert proc.returncode == status, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines == [expected], proc.stderr


@pytest.mark.parametrize("name, content, problem", [
    ("missing.html", None, "no such file"),
    ("binary.html", b"\x00\x01\x02PK\x03\x04" * 50, "binary file (NUL bytes), not an HTML document"),
    ("empty.html", b"", "empty document"),
    ("blank.html", b"<html><body><p>&nbsp;</p><p>   </p></body></html>", "empty document: no speakable text"),
    ("scripts.html", b"<html><head><style>p{}</style></head><body><script>var a = 'hello';</script></body></html>",
     "empty document: no speakable text"),
])
def test_bad_input_is_one_line_and_no_audio(tmp_path: Path, name: str, content: bytes | None,
                                            problem: str) -> None:
    if content is not None:
        (tmp_path / name).write_bytes(content)
    proc = narrate(name, cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines == [f"narrate: {name}: {problem}"], proc.stderr
    # never an empty audio file or a half-made output folder with audio in it
    assert not list(tmp_path.rglob("*.mp3")) and not list(tmp_path.rglob("*.m4b"))


def test_directory_given_as_file_with_no_lessons(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    proc = narrate("empty", cwd=tmp_path)
    assert_one_line_error(proc, "narrate: empty: no lessons found (.html, .htm, .xhtml, .docx, .md, .markdown, .txt)")


def test_unwritable_output_directory(tmp_path: Path) -> None:
    (tmp_path / "lesson.html").write_text("<p>Hello there.</p>")
    (tmp_path / "afile").write_text("not a directory")
    proc = narrate("lesson.html", "-o", "afile/out", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("narrate: afile/out: cannot write output here"), proc.stderr


def test_bad_config_lists_every_problem_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "lesson.html").write_text("<p>Hello there.</p>")
    (tmp_path / "narrate.toml").write_text('[output]\nformat = "wmv"\n[pauses]\nsentence = -5\n')
    proc = narrate("lesson.html", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "narrate.toml: " in proc.stderr and "output.format" in proc.stderr and "pauses.sentence" in proc.stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    proc = narrate("missing.html", "--debug", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" in proc.stderr


def test_version_and_help() -> None:
    out = subprocess.run([sys.executable, "-m", "narrator", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("narrate ")
    out = subprocess.run([sys.executable, "-m", "narrator", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for option in ("--output", "--format", "--engine", "--voice", "--config", "--dry-run", "--quiet",
                   "--verbose", "--server", "--force"):
        assert option in out.stdout


def test_help_does_not_import_heavy_modules() -> None:
    code = ("import sys, contextlib, io\nfrom narrator import cli\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
            "    cli.main(['--help'])\n"
            "heavy = [m for m in ('bs4', 'lxml', 'jieba', 'requests', 'pydub', 'numpy', 'jinja2') if m in sys.modules]\n"
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_dry_run_prints_the_plan_without_audio(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "lesson.html", tmp_path / "lesson.html")  # never the checkout's own folder
    proc = narrate("lesson.html", "--dry-run", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "chapters" in out and "segments" in out and "about" in out
    assert "光合作用" in out and " zh " in out
    for emotion in ("serious", "excited"):
        assert emotion in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson.html"]  # nothing written


def test_lexicon_changes_only_the_spoken_text(tmp_path: Path) -> None:
    (tmp_path / "lesson.html").write_text("<h1>Course</h1><p>Welcome to the LMS tour.</p>")
    (tmp_path / "narrate.toml").write_text('[lexicon]\nLMS = "learning management system"\n')
    proc = narrate("lesson.html", "--dry-run", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Welcome to the LMS tour." in proc.stdout
    assert "[spoken: Welcome to the learning management system tour.]" in proc.stdout


def test_output_folder_of_the_input_is_refused(tmp_path: Path) -> None:
    """`-o .` would put the player page (index.html) over a lesson called index.html."""
    (tmp_path / "index.html").write_text("<p>Hello there.</p>")
    before = (tmp_path / "index.html").read_bytes()
    proc = narrate("index.html", "-o", ".", cwd=tmp_path)
    assert_one_line_error(proc, "narrate: .: is the folder of index.html; choose another output folder (-o)")
    assert (tmp_path / "index.html").read_bytes() == before


def test_type_and_range_problems_are_reported_together(tmp_path: Path) -> None:
    (tmp_path / "lesson.html").write_text("<p>Hello there.</p>")
    (tmp_path / "narrate.toml").write_text('[pauses]\nsentence = "long"\n[parse]\nchapter_level = 9\n'
                                           '[engine]\nname = "espeek"\n[output]\nbitrate = "64"\n')
    proc = narrate("lesson.html", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    for key in ("pauses.sentence", "parse.chapter_level", "engine.name", "output.bitrate"):
        assert key in proc.stderr, key
    assert not (tmp_path / "lesson.narration").exists()


def test_a_table_given_as_a_value_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "lesson.html").write_text("<p>Hello there.</p>")
    (tmp_path / "narrate.toml").write_text('output = "x"\n')
    proc = narrate("lesson.html", "-o", "out", cwd=tmp_path)
    assert proc.returncode == 2 and "[output] must be a table" in proc.stderr and "internal" not in proc.stderr


def test_user_temp_files_in_the_output_folder_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "lesson.html").write_text("<p>Hello there.</p>")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".notes.tmp").write_text("mine")
    (tmp_path / "out" / ".narrator-work-x").mkdir()  # what a killed run leaves
    proc = narrate("lesson.html", "-o", "out", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / ".notes.tmp").read_text() == "mine"
    assert not (tmp_path / "out" / ".narrator-work-x").exists()


def test_output_cut_short_by_its_reader_ends_quietly(tmp_path: Path) -> None:
    """`narrate --dry-run | head -1`: the reader closes the pipe; no traceback, no internal error."""
    (tmp_path / "long.html").write_text("".join(f"<p>Sentence number {i} is here.</p>" for i in range(3000)))
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "narrator", "long.html", "--dry-run"], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # as head does after its line
    err = proc.stderr.read().decode()
    status = proc.wait(timeout=120)
    assert first.strip()  # the plan had begun to arrive
    assert err == "" and status == 141


def test_unknown_sections_and_keys_are_errors_with_suggestions(tmp_path: Path) -> None:
    """A typo is not a warning and a run with defaults (mp3 where wav was asked for)."""
    (tmp_path / "lesson.html").write_text("<p>Hello there.</p>")
    (tmp_path / "narrate.toml").write_text('[ouput]\nformat = "wav"\n[text]\nmax_char = 100\n'
                                           '[pauses]\nsentence = -5\n[engine.indextts]\nlayout = "2"\n')
    proc = narrate("lesson.html", "-q", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr  # every problem, on one line
    line = lines[0]
    assert line.startswith("narrate: narrate.toml: ")
    for needle in ("[ouput] unknown section (did you mean 'output'?)",
                   "text.max_char: unknown key (did you mean 'max_chars'?)",
                   "pauses.sentence: must be >= 0 ms",
                   "engine.indextts: unknown engine section (did you mean 'indextts2'?)"):
        assert needle in line, line
    assert not (tmp_path / "lesson.narration").exists()  # nothing was made with the defaults


def test_a_value_given_by_an_option_is_reported_under_the_options_name(tmp_path: Path) -> None:
    (tmp_path / "lesson.html").write_text("<p>Hello there.</p>")
    (tmp_path / "narrate.toml").write_text("[text]\nmax_chars_cjk = 5\n")
    proc = narrate("lesson.html", "--chapter-level", "9", "--server", "notaurl", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == (
        "narrate: narrate.toml: text.max_chars_cjk: must be >= 10; --chapter-level: must be 0 (auto) "
        "or 1-6; --server: 'notaurl': not an http:// or https:// URL (e.g. http://127.0.0.1:7860)")
    assert "max_chars:" not in proc.stderr  # only the wrong setting is named
    (tmp_path / "narrate.toml").unlink()
    proc = narrate("lesson.html", "--wait-for-server", "-1", "--server", "http://:7860", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == (
        "narrate: --wait-for-server: must be >= 0 seconds; --server: 'http://:7860': no host name "
        "in this URL (e.g. http://127.0.0.1:7860)")


def test_narrate_toml_saved_by_a_windows_editor(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys
    from pathlib import Path

    from narrator.config import load_config

    text = '[output]\nformat = "wav"\n'
    for name, data in (("utf16.toml", text.encode("utf-16")), ("bom.toml", b"\xef\xbb\xbf" + text.encode())):
        (tmp_path / name).write_bytes(data)
        assert load_config(tmp_path / name).output.format == "wav"  # read as written
    (tmp_path / "latin1.toml").write_bytes('[output]\n# caf\xe9\nformat = "wav"\n'.encode("latin-1"))
    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "narrator", "x.html", "--config", str(tmp_path / "latin1.toml")],
                       capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [f"narrate: {tmp_path / 'latin1.toml'}: not UTF-8 text (byte 14): save it as UTF-8"]


def test_help_lists_the_commands() -> None:
    import subprocess
    import sys
    from pathlib import Path

    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "narrator", "--help"], capture_output=True, text=True,
                         env=env, timeout=60).stdout
    listed = out.split("commands (each with its own --help):", 1)[1].split("examples:", 1)[0]
    assert [line.split()[1] for line in listed.strip().splitlines()] == ["engines", "worker", "serve", "cache", "redo", "review"]


def test_a_dry_run_of_a_refused_input_prints_only_its_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "bin.html").write_bytes(b"\x00\x01binary")
    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "narrator", "bin.html", "--dry-run"], capture_output=True,
                       text=True, env=env, cwd=tmp_path, timeout=60)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.strip().splitlines() == ["narrate: bin.html: binary file (NUL bytes), not an HTML document"]
