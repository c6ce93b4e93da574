"""tools/mutation.py (mutation testing with mutmut, not run by CI) stays runnable: every target
names a module and test files that exist, and its copies never go inside the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import mutation  # noqa: E402


def test_every_target_names_a_module_and_tests_that_exist() -> None:
    for name, target in mutation.TARGETS.items():
        assert (ROOT / target.module).is_file(), (name, target.module)
        assert any(any(ROOT.glob(t.partition("::")[0])) for t in target.tests), name
        for test in target.tests:
            path, _, node = test.partition("::")
            if "*" in path:  # a stage's glob: new test files named for the stage are picked up
                continue
            assert (ROOT / path).is_file(), (name, test)
            if node:
                assert f"def {node}(" in (ROOT / path).read_text(encoding="utf-8"), (name, test)
        for slow in target.slow:  # a deselected test renamed would be run for every mutant again
            path, _, node = slow.partition("::")
            assert f"def {node}(" in (ROOT / path).read_text(encoding="utf-8"), (name, slow)


def test_every_module_of_the_stages_in_scope_has_a_target_and_owns_only_its_mutants() -> None:
    modules = {t.module for t in mutation.TARGETS.values()}
    for folder in ("parse", "parse/sources", "script", "normalize", "assembly"):
        for path in (ROOT / "narrator" / folder).glob("*.py"):
            if path.name != "__init__.py" or len(path.read_text(encoding="utf-8").splitlines()) >= 40:
                assert f"narrator/{folder}/{path.name}" in modules, path
    assert mutation._owns("narrator/parse/lines.py", "narrator.parse.lines.x__concat__mutmut_17")
    assert mutation._owns("narrator/parse/__init__.py", "narrator.parse.x_parse__mutmut_1")
    assert not mutation._owns("narrator/parse/__init__.py", "narrator.parse.lines.x__concat__mutmut_17")
    assert not mutation._owns("narrator/parse/lines.py", "narrator.parse.linesx.x_a__mutmut_1")


def test_every_harmless_entry_names_a_target() -> None:
    assert set(mutation.HARMLESS) <= set(mutation.TARGETS), set(mutation.HARMLESS) - set(mutation.TARGETS)


def test_the_copy_is_never_made_inside_the_repository(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "mutation.py"), "cache", "--work", str(ROOT / "mutants")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--work must be outside the repository" in done.stderr
    assert not (ROOT / "mutants").exists()
    listed = subprocess.run([sys.executable, str(ROOT / "tools" / "mutation.py"), "--list"],
                            capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and "narrator/synthesis/cache.py" in listed.stdout



def test_a_copy_a_run_is_using_is_never_replaced(tmp_path: Path) -> None:
    # a second run in the same --work would delete the first one's files under its feet; refused
    # before anything is copied or deleted (so this needs no mutmut)
    busy = tmp_path / "takes"
    busy.mkdir()
    (busy / "results").write_text("the first run's")
    (tmp_path / ".takes.pid").write_text(str(os.getpid()))  # this test's process: alive
    assert mutation.run(["takes"], tmp_path, fresh=True) is None
    assert (busy / "results").read_text() == "the first run's"
    # a group naming a target whose copy a process works in (mutmut, its parent killed) is refused too
    copy = tmp_path / "leveling"
    copy.mkdir()
    (copy / "results").write_text("the first run's")
    worker = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], cwd=copy, stdin=subprocess.PIPE)
    try:
        assert mutation.run(["loudness", "leveling"], tmp_path, fresh=True) is None
    finally:
        worker.communicate(b"")
    assert (copy / "results").read_text() == "the first run's" and not (tmp_path / "loudness").exists()


def test_a_refreshed_copy_holds_the_checkout_and_keeps_its_verdicts(tmp_path: Path) -> None:
    # a copy left by an earlier run: old code, an old test list, mutmut's record of which tests
    # reach what, and its verdicts (33: no tests under the old list)
    work = tmp_path / "script-maths"
    (work / "narrator").mkdir(parents=True)
    (work / "narrator" / "stale.py").write_text("old = 1\n")
    (work / "pyproject.toml").write_text('[project]\nname = "old"\n\n[tool.mutmut]\npytest_add_cli_args_test_selection = []\n')
    meta = work / "mutants" / "narrator" / "script" / "maths.py.meta"
    meta.parent.mkdir(parents=True)
    meta.write_text(json.dumps({"exit_code_by_key": {"a": 1, "b": 0, "c": 33, "d": None}, "durations_by_key": {}}))
    (work / "mutants" / "mutmut-stats.json").write_text("{}")
    mutation.refresh(work, [mutation.TARGETS["script-maths"]])
    assert not (work / "narrator" / "stale.py").exists()
    assert (work / "narrator" / "script" / "maths.py").read_bytes() == (ROOT / "narrator" / "script" / "maths.py").read_bytes()
    section = (work / "pyproject.toml").read_text()
    assert section.count("[tool.mutmut]") == 1 and '"tests/test_maths_survivors_s38_d.py"' in section
    assert not (work / "mutants" / "mutmut-stats.json").exists()
    codes = json.loads(meta.read_text())["exit_code_by_key"]
    assert codes == {"a": 1, "b": 0, "c": None, "d": None}
