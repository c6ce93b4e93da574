"""tools/mutation.py (mutation testing with mutmut, not run by CI) stays runnable: every target
names a module and test files that exist, and its copies never go inside the repository."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import mutation  # noqa: E402


def test_every_target_names_a_module_and_tests_that_exist() -> None:
    for name, target in mutation.TARGETS.items():
        assert (ROOT / target.module).is_file(), (name, target.module)
        for test in target.tests:
            path, _, node = test.partition("::")
            assert (ROOT / path).is_file(), (name, test)
            if node:
                assert f"def {node}(" in (ROOT / path).read_text(encoding="utf-8"), (name, test)


def test_the_copy_is_never_made_inside_the_repository(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "mutation.py"), "cache", "--work", str(ROOT / "mutants")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--work must be outside the repository" in done.stderr
    assert not (ROOT / "mutants").exists()
    listed = subprocess.run([sys.executable, str(ROOT / "tools" / "mutation.py"), "--list"],
                            capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and "narrator/synthesis/cache.py" in listed.stdout
