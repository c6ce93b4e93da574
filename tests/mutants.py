"""Hand-made mutants of the server, the queue, the speech check and the book (issue 26): bugs a
developer could really make, each with the tests that must catch it.

    .venv/bin/python tests/mutants.py            # every mutant
    .venv/bin/python tests/mutants.py server-    # those whose name starts so
    .venv/bin/python tests/mutants.py --list

Each mutant is applied to a private copy of the checkout (the working tree is never touched, so
nothing mutated can be committed and others editing the tree see nothing), its tests run there, and
one line says caught (a test failed) or SURVIVED. The exit status is the number that survived.
Add a mutant here with every bug a test was written for.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from checkout import copy_checkout  # noqa: E402


@dataclass(frozen=True)
class Mutant:
    name: str
    file: str  # relative to the checkout
    old: str  # must occur exactly once in the file
    new: str
    tests: tuple[str, ...]  # pytest node ids, relative to the checkout


S = "tests/test_mutations_server.py::"
Q = "tests/test_mutations_queue.py::"
V = "tests/test_mutations_verify.py::"
B = "tests/test_mutations_book.py::"
MUTANTS: list[Mutant] = [
    Mutant("server-delete-skips-token", "narrator/server/app.py",
           'if path.startswith("/api/"):\n            given',
           'if path.startswith("/api/") and request.method != "DELETE":\n            given',
           (S + "test_delete_needs_the_token_and_changes_nothing_without_it",)),
    Mutant("server-chunked-size-unchecked", "narrator/server/app.py",
           "            if len(body) > settings.max_body:\n                return error(413",
           "            if False:\n                return error(413",
           (S + "test_a_chunked_body_without_length_is_held_to_the_limit",)),
    Mutant("server-stop-cancels-instead-of-requeue", "narrator/server/jobs.py",
           'if self._stopping and status == "cancelled":', 'if False:',
           (S + "test_sigterm_stops_gracefully_and_the_running_job_resumes_after_a_restart",)),
    Mutant("server-sigterm-not-handled", "narrator/server/__init__.py",
           "        signal.signal(signal.SIGTERM, _interrupt)\n", "        pass\n",
           (S + "test_sigterm_stops_gracefully_and_the_running_job_resumes_after_a_restart",)),
    Mutant("server-queued-cancel-not-stored", "narrator/server/jobs.py",
           '                self.store.set_status(job_id, "cancelled", "cancelled")\n                self._bump(job_id)',
           '                self._bump(job_id)',
           (S + "test_a_queued_job_cancelled_is_stored_cancelled_and_never_runs",)),
    Mutant("server-editor-containment-removed", "narrator/server/app.py",
           "        target = _inside(STATIC, path)\n",
           "        target = (STATIC / path) if (STATIC / path).is_file() else None\n",
           (S + "test_raw_and_encoded_traversal_never_reaches_files_that_exist",)),
    Mutant("server-inside-not-contained", "narrator/server/app.py",
           "return target if target.is_relative_to(base) and target.is_file() else None",
           "return target if target.is_file() else None",
           (S + "test_raw_and_encoded_traversal_never_reaches_files_that_exist",)),
    Mutant("server-health-running-counts-queued", "narrator/server/app.py",
           'running = len(store.list(status=("running",)))', 'running = len(store.list(status=("queued",)))',
           (S + "test_a_queued_job_cancelled_is_stored_cancelled_and_never_runs",
            "tests/test_server.py::test_listing_and_health")),
    Mutant("queue-asker-trusts-worker-wav", "narrator/synthesis/queue.py",
           "sample_rate=self.setup.sample_rate,", "sample_rate=0,",
           (Q + "test_the_asker_checks_a_worker_s_take_again_and_refuses_a_16_khz_one",)),
    Mutant("queue-voice-filter-removed", "narrator/synthesis/queue.py",
           'and (not wanted_voice or w["voice"] == wanted_voice)]', "]",
           (Q + "test_the_voice_decides_the_setup_not_the_number_of_workers",
            "tests/test_queue.py::test_a_wrong_voice_worker_never_receives_a_take")),
    Mutant("queue-worker-own-key-unchecked", "narrator/synthesis/worker.py",
           "    if mine != key:\n", "    if False:\n",
           (Q + "test_a_worker_never_makes_a_take_under_a_key_its_setup_would_not_give",)),
    Mutant("queue-lost-task-never-resent", "narrator/synthesis/queue.py",
           "if now - max(self.sent[task_id], self.queue_busy) > LOST_SECONDS:", "if False:",
           ("tests/test_queue.py::test_takes_whose_messages_are_lost_are_sent_again",)),
    Mutant("verify-one-attempt-fewer", "narrator/synthesis/verify/checker.py",
           "if state.heard < self.settings.attempts and not repeated:",
           "if state.heard < self.settings.attempts - 1 and not repeated:",
           (V + "test_three_different_failures_the_best_is_kept_after_exactly_the_attempts",)),
    Mutant("verify-latest-failure-is-best", "narrator/synthesis/verify/checker.py",
           "if state.best is None or cand.verdict.rank() > state.best.verdict.rank():", "if True:",
           (V + "test_three_different_failures_the_best_is_kept_after_exactly_the_attempts",)),
    Mutant("verify-latest-failure-kept", "narrator/synthesis/verify/checker.py",
           "        self._keep(job, state.best, state)\n", "        self._keep(job, cand, state)\n",
           (V + "test_three_different_failures_the_best_is_kept_after_exactly_the_attempts",)),
    Mutant("verify-stored-hearing-sha-unchecked", "narrator/synthesis/verify/checker.py",
           'if meta.get("sha256") != hashlib.sha256(data).hexdigest():', "if False:",
           (V + "test_a_stored_hearing_is_not_reused_for_a_take_whose_bytes_changed",)),
    Mutant("book-words-shifted-by-book-start", "narrator/publishing/publish.py",
           'shift = segment["book_start"] - segment["start"]', 'shift = segment["book_start"]',
           (B + "test_the_whole_book_captions_carry_each_word_at_its_time_in_the_book",)),
    Mutant("book-chapter-start-ignores-lead", "narrator/publishing/book.py",
           "starts[c.index] = (offset + piece.lead) / rate", "starts[c.index] = offset / rate",
           (B + "test_a_chapter_opening_loud_starts_in_the_book_where_its_audio_is",)),
    Mutant("epub-total-duration-zero", "narrator/publishing/epub.py",
           "        total += length\n", "        total += 0\n",
           (B + "test_the_epub_s_total_duration_is_the_sum_of_its_overlays",)),
    Mutant("style-emphasis-overrides-heading", "narrator/script/style.py",
           'if block.kind == "heading" or block.kind in _PLAIN_KINDS', "if block.kind in _PLAIN_KINDS",
           ("tests/test_style.py::test_emphasis_covering_a_whole_heading_keeps_the_heading_s_emotion",)),
]


def run(mutant: Mutant, work: Path) -> tuple[bool, float, str]:
    """(caught, seconds, last line of pytest) for one mutant applied to the copy in ``work``."""
    path = work / mutant.file
    original = path.read_text(encoding="utf-8")
    if original.count(mutant.old) != 1:
        raise SystemExit(f"{mutant.name}: the text to change occurs {original.count(mutant.old)} times "
                         f"in {mutant.file} (the code moved: update the mutant)")
    path.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(work) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    began = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-rf", "--tb=short", "-p", "no:cacheprovider",
                               *mutant.tests], cwd=work, env=env, capture_output=True, text=True)
    finally:
        path.write_text(original, encoding="utf-8")
    lines = [l for l in done.stdout.splitlines() if l.strip()]
    failed = [l for l in lines if l.startswith("E ")]  # the first failure says why it was caught
    if done.returncode not in (0, 1):  # 2+: collection or usage error, not a verdict
        raise SystemExit(f"{mutant.name}: pytest exited {done.returncode}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    why = failed[0][1:].strip()[:160] if failed else (lines[-1] if lines else "")
    return done.returncode == 1, time.monotonic() - began, why


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("prefix", nargs="*", help="run the mutants whose name starts with one of these")
    parser.add_argument("--list", action="store_true", help="list the mutants and their tests")
    args = parser.parse_args()
    chosen = [m for m in MUTANTS if not args.prefix or any(m.name.startswith(p) for p in args.prefix)]
    if args.list:
        for m in chosen:
            print(f"{m.name}: {m.file}  ->  {', '.join(t.split('::')[-1] for t in m.tests)}")
        return 0
    survived = 0
    with tempfile.TemporaryDirectory(prefix="narrator-mutants-") as tmp:
        work = Path(tmp)
        copy_checkout(work, ("narrator", "tests", "samples", "tools", "benchmarks"))
        for m in chosen:
            caught, seconds, last = run(m, work)
            survived += not caught
            print(f"{'caught  ' if caught else 'SURVIVED'} {m.name:45} {seconds:6.1f} s  {last}", flush=True)
    print(f"{len(chosen) - survived} of {len(chosen)} caught")
    return survived


if __name__ == "__main__":
    sys.exit(main())
