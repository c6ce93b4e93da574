"""The `narrate` command: arguments in, one library call, exit status out. No logic of its own."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from narrator._version import __version__
from narrator.errors import BadInput, ConfigError, EngineError, Interrupted, NarratorError
from narrator.choices import AUDIO_FORMATS, BOOK_FORMATS, ENGINE_NAMES

if TYPE_CHECKING:
    from narrator.config import Config

EPILOG = """\
commands (each with its own --help):
  narrate engines                          list the engines and check that the servers answer
  narrate worker                           make takes for a queue, next to one TTS server
  narrate serve                            the job server for editors (make tokens with --add-token)
  narrate cache                            show the take cache, or prune it
  narrate redo                             another take, a spoken form or emotion for one sentence
  narrate review                           the review page of a lesson (--list: what needs review)

examples:
  narrate lesson.html                      narrate into lesson.narration/ with eSpeak NG
  narrate lesson.html --dry-run            show chapters, sentences, emotions; no audio
  narrate lesson.html --server http://gpu1:7860 --voice-file teacher.wav
                                           narrate with an IndexTTS2 web UI
  narrate course/ -o build/course          every lesson in a folder, plus a course index
  narrate engines --server http://gpu1:7860    check that servers answer
  narrate course/ --broker redis://hub:6379/0  takes made by `narrate worker`s (several GPUs)
  narrate worker --broker redis://hub:6379/0 --server http://127.0.0.1:7860 --voice-file teacher.wav
                                           serve one GPU server's takes (see `narrate worker --help`)
  narrate cache --prune --older-than 30    drop takes unused for 30 days
  narrate redo lesson.html c03-s0012       another take of that sentence, then rebuild
  narrate redo lesson.html "Loire" --say "Lwahr"   say it differently, then rebuild
  narrate serve                            the job server for editors (TinyMCE plugin)
"""


RESUME = "run the same command again to resume"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="narrate", description="Turn rich-text editor HTML into chaptered, narrated audio.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="lesson file(s) (.html, .docx, .md, .txt), folder(s) or glob(s); several make a course")
    p.add_argument("-o", "--output", metavar="DIR",
                   help="output folder (default: <name>.narration next to the input)")
    p.add_argument("-c", "--config", metavar="FILE",
                   help="narrate.toml to use (default: ./narrate.toml if present)")
    p.add_argument("-n", "--dry-run", action="store_true",
                   help="print the plan (chapters, segments, language, emotion, duration); no audio")
    p.add_argument("-f", "--format", choices=AUDIO_FORMATS,
                   help="chapter audio format (default m4a: AAC, the m4b book's own frames)")
    p.add_argument("--book", choices=BOOK_FORMATS, help="whole-programme file with chapter markers (default m4b)")
    p.add_argument("--epub", action="store_true", default=None,
                   help="also write a read-along EPUB 3 (text highlighted as it is read)")
    p.add_argument("--scorm", nargs="?", const="1.2", choices=("1.2", "2004"), metavar="1.2|2004",
                   help="also write an LMS package, <title>.scorm.zip (SCORM 1.2 unless 2004 is given)")
    p.add_argument("--cartridge", action="store_true", default=None,
                   help="also write an IMS Common Cartridge 1.3 (<title>.imscc) for Canvas and Moodle")
    p.add_argument("--title", help="course title for the course index (default: the folder's name)")
    _engine_options(p)
    p.add_argument("--chapter-level", type=int, metavar="N", help="heading level that starts chapters (1-6; default auto)")
    p.add_argument("--read-code", action="store_true", default=None, help="read code blocks aloud")
    p.add_argument("--no-normalize", action="store_true", help="skip loudness normalization")
    p.add_argument("--force", action="store_true", help="ignore cached takes and up-to-date outputs")
    p.add_argument("--allow-gaps", action="store_true", help="publish chapters whose failed segments become silence")
    p.add_argument("--verify", action="store_true", default=None,
                   help="hear every new take with speech recognition, re-make bad ones, time words ([verify] extra)")
    _common_options(p)
    return p


def _engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-e", "--engine", help=f"{', '.join(ENGINE_NAMES[:-1])} or {ENGINE_NAMES[-1]} "
                                          "(default: espeak, or indextts2 with --server)")
    p.add_argument("--server", action="append", metavar="URL", help="TTS server URL; repeat for several servers")
    p.add_argument("--voice", help="engine voice name")
    p.add_argument("--voice-file", metavar="WAV", help="speaker reference audio (IndexTTS2)")
    p.add_argument("--cache-dir", metavar="DIR", help="take cache (default: $XDG_CACHE_HOME/narrator)")
    p.add_argument("--broker", metavar="URL",
                   help="Redis URL of a queue served by `narrate worker`s (redis://host:6379/0)")
    p.add_argument("--wait-for-server", type=float, metavar="SECONDS",
                   help="keep asking a server that does not answer at the start for this long (default 0)")


def _common_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress display")
    p.add_argument("-v", "--verbose", action="store_true", help="more detail")
    p.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    p.add_argument("--version", action="version", version=f"narrate {__version__}")


def _config(args: argparse.Namespace) -> Config:
    from narrator.config import load_config

    path = getattr(args, "config", None)
    if path is None and Path("narrate.toml").is_file():
        path = "narrate.toml"
    return load_config(path, _overrides(args), labels=OPTION_NAMES)


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    get = lambda name: getattr(args, name, None)  # noqa: E731
    return {
        "output.dir": get("output"), "output.format": get("format"), "output.book": get("book"),
        "engine.name": get("engine"), "engine.servers": get("server"), "engine.voice": get("voice"),
        "engine.voice_file": get("voice_file"), "cache_dir": get("cache_dir"),
        "queue.broker": get("broker"),
        "engine.wait_for_server": get("wait_for_server"),
        "parse.chapter_level": get("chapter_level"), "parse.read_code": get("read_code"),
        "output.normalize": False if get("no_normalize") else None, "output.epub": get("epub"),
        "output.scorm": get("scorm"), "output.cartridge": get("cartridge"),
        "force": get("force") or None, "allow_gaps": get("allow_gaps") or None,
        "verify.enabled": get("verify"),
    }


# Settings that options override, by the option's name: a problem is reported under what the user typed.
OPTION_NAMES = {
    "output.dir": "--output", "output.format": "--format", "output.book": "--book",
    "engine.name": "--engine", "engine.servers": "--server", "engine.voice": "--voice",
    "engine.voice_file": "--voice-file", "cache_dir": "--cache-dir",
    "engine.wait_for_server": "--wait-for-server", "parse.chapter_level": "--chapter-level",
    "parse.read_code": "--read-code", "output.normalize": "--no-normalize", "force": "--force",
    "allow_gaps": "--allow-gaps", "output.epub": "--epub", "verify.enabled": "--verify",
    "output.scorm": "--scorm", "output.cartridge": "--cartridge",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run `narrate` with ``argv`` (default: sys.argv); return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"engines": _cmd_engines, "cache": _cmd_cache, "serve": _cmd_serve,
                "worker": _cmd_worker, "redo": _cmd_redo, "review": _cmd_review}
    if argv and argv[0] in commands:
        command, argv = commands[argv[0]], argv[1:]
    else:
        command = _cmd_narrate
    debug = "--debug" in argv
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return command(argv)
    except ConfigError as e:
        return _fail(e, debug, status=2)
    except Interrupted as e:
        return _fail(Interrupted(f"{e}; {RESUME}"), debug, status=130)
    except KeyboardInterrupt:
        print(f"narrate: interrupted; {RESUME}", file=sys.stderr)
        return 130
    except NarratorError as e:
        return _fail(e, debug)
    except BrokenPipeError:  # `narrate --dry-run | head`: the reader has all it wants
        _silence_stdout()
        return 141  # what a shell reports for a command stopped by SIGPIPE
    except Exception as e:  # a bug: still one line, unless --debug
        if debug:
            raise
        print(f"narrate: internal error: {type(e).__name__}: {e} (rerun with --debug)", file=sys.stderr)
        return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _fail(error: Exception, debug: bool, status: int = 1) -> int:
    if debug:
        import traceback

        traceback.print_exception(error)
    print(f"narrate: {error}", file=sys.stderr)
    return status


def _cmd_narrate(argv: list[str]) -> int:
    from narrator.progress import ProgressDisplay

    args = _parser().parse_args(argv)
    config = _config(args)
    display = ProgressDisplay(quiet=args.quiet, verbose=args.verbose)
    for warning in config.warnings:
        print(f"narrate: warning: {warning}", file=sys.stderr)
    if args.dry_run:
        return _dry_run(args.inputs, config)

    from narrator.course import expand_sources

    sources = expand_sources(args.inputs)
    course = len(sources) > 1 or any(Path(i).is_dir() for i in args.inputs)
    started = time.monotonic()
    try:
        if course:
            return _course(args, sources, config, display)
        from narrator.pipeline import default_out_dir, narrate

        manifest = narrate(sources[0], config, on_event=display)
        fresh = manifest.status == "up to date"
    finally:
        display.close()
    if not args.quiet:
        out = config.output.dir or default_out_dir(sources[0], config)
        stats = manifest.get("stats", {})
        n = len(manifest["chapters"])
        done = ("up to date, nothing to do" if fresh else
                f"{stats.get('synthesized', 0)} synthesized, {stats.get('cached', 0)} cached"
                + _checks(stats))
        print(f"{out}: {n} chapter{'s' if n != 1 else ''}, {_minutes(manifest['audio']['duration'])}"
              f" ({done}) in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0


def _course(args: argparse.Namespace, sources: list[Path], config: Config, display: Any) -> int:
    from narrator.course import narrate_many

    from narrator.course import default_root

    root = Path(args.output) if args.output else default_root(args.inputs)
    result = narrate_many(sources, config, out_root=root, on_event=display, title=args.title)
    built = sum(lesson.status == "built" for lesson in result.lessons)
    fresh = sum(lesson.status == "up to date" for lesson in result.lessons)
    checked = [lesson.manifest["stats"] for lesson in result.lessons if lesson.status == "built"
               and lesson.manifest and "remade" in lesson.manifest.get("stats", {})]
    totals = {k: sum(s.get(k, 0) for s in checked) for k in ("remade", "unverified")}
    skipped = f", {len(result.skipped)} skipped" if result.skipped else ""
    print(f"{root}: {built} built, {fresh} up to date{skipped}, {len(result.failed)} failed"
          + (_checks(totals) if checked else ""), file=sys.stderr)
    for lesson in result.skipped:
        print(f"narrate: {lesson.source}: skipped, {lesson.error}", file=sys.stderr)
    for lesson in result.failed:
        print(f"narrate: {lesson.error}", file=sys.stderr)
    return 1 if result.failed else 0


def _checks(stats: dict[str, Any]) -> str:
    """The speech checks' part of the summary line ("" when takes were not checked)."""
    if "remade" not in stats:
        return ""
    remade, unverified = stats["remade"], stats.get("unverified", 0)
    text = f"; {remade} take{'s' * (remade != 1)} re-made after a failed check"
    if unverified:
        text += (f"; {unverified} segment{'s' * (unverified != 1)} kept although no take passed"
                 " (see errors.jsonl)")
    return text


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


def _dry_run(inputs: list[str], config: Config) -> int:
    from narrator.course import expand_sources
    from narrator.errors import NothingToRead
    from narrator.pipeline import plan
    from narrator.engines import engine_name
    from narrator.script.planner import estimate_seconds

    v = config.verify
    settings = f"speech check of takes: {'on' if v.enabled else 'off'}" + (
        f" (model {v.model}, up to {v.attempts} takes per segment{', strict' if v.strict else ''})"
        if v.enabled else " (--verify turns it on)")
    sources = expand_sources(inputs)
    shown = False
    for source in sources:
        try:
            script = plan(source, config)
        except NothingToRead as e:
            if len(inputs) == 1 and Path(inputs[0]).is_file():
                raise  # one lesson named: an error, as narrating it is
            print(f"{source}: skipped, {e.problem}")  # as a course build would
            continue
        if not shown:  # once there is a plan to show: a refused input is its one error line alone
            print(settings)
            shown = True
        print(f"{source}: {script.title!r} ({script.lang}), {len(script.chapters)} chapter{'s' * (len(script.chapters) != 1)}, "
              f"{len(script.segments)} segments, about {_minutes(estimate_seconds(script, config))}")
        for chapter in script.chapters:
            print(f"\n  {chapter.index:2d}. {chapter.title}")
            for s in chapter.segments:
                text = s.text if len(s.text) <= 70 else s.text[:67] + "..."
                spoken = f"  [spoken: {s.spoken}]" if s.spoken != s.text else ""
                who = f"[{s.voice}] " if s.voice else ""  # who says it (voices per role)
                print(f"      {s.id}  {s.lang:2} {s.emotion:9} +{s.pause_after_ms:4d}ms  {who}{text}{spoken}")
        from narrator.script.casting import who_says_what

        for n, line in enumerate(who_says_what(script, config, engine_name(config))):
            print(("\n  voices:\n" if n == 0 else "") + f"      {line}")
        for warning in script.warnings:
            print(f"\n  warning: {warning}")
        if script.skipped:
            from narrator.parse.skipped import describe

            print(f"\n  not read ({len(script.skipped)}):")
            for item in script.skipped:
                print(f"      {describe(item)}")
    return 0


def _cmd_engines(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="narrate engines",
                                description="List engines and check that the configured servers answer.")
    p.add_argument("-c", "--config", metavar="FILE", help="narrate.toml to use")
    p.add_argument("--text", default="This is a short test sentence.", help="sentence to time")
    _engine_options(p)
    _common_options(p)
    args = p.parse_args(argv)
    config = _config(args)
    if config.queue.broker:
        return _list_workers(config.queue.broker)
    from narrator.engines import ENGINES, create_engines, engine_name

    chosen = engine_name(config)
    print("engines: " + ", ".join(f"{n}{' (selected)' if n == chosen else ''}" for n in ENGINES))
    failures = 0
    for engine in create_engines(config, check=True):
        try:
            details = engine.describe()
            info = ", ".join(f"{k} {v}" for k, v in details.items() if v is not None)
            if "voice_file" in details and details["voice_file"] is None:
                print(f"  {engine.label}: ok{', ' + info if info else ''}; "
                      "no test sentence without a voice file (--voice-file WAV)")
                continue
            started = time.monotonic()  # the test sentence alone (with the voice upload)
            wav = engine.synthesize(args.text, "en", "neutral")
            from narrator.synthesis.checks import validate_take

            duration = validate_take(wav, text=args.text, lang="en", sample_rate=engine.sample_rate,
                                     previous=None)
            took = time.monotonic() - started
            print(f"  {engine.label}: ok{', ' + info if info else ''}; test sentence: "
                  f"{took:.2f} s for {duration:.2f} s of audio (RTF {took / duration:.2f})")
        except NarratorError as e:
            failures += 1
            reason = e.message if isinstance(e, EngineError) else str(e)  # the line names the server already
            print(f"  {engine.label}: FAILED: {reason}")
        finally:
            engine.close()
    return 1 if failures else 0


def _list_workers(broker: str) -> int:
    from narrator.publishing.manifest import without_password
    from narrator.synthesis.queue import connect, live_workers

    workers = live_workers(connect(broker))
    shown = without_password(broker)
    if not workers:
        print(f"{shown}: no live narrate workers")
        return 1
    print(f"{shown}: {len(workers)} live worker{'s' * (len(workers) != 1)}")
    for w in workers:
        state = f"given up: {w['dead']}" if w.get("dead") else f"{w['made']} takes made"
        # an embedded engine is its own server ("espeak"): named once
        setup = [w["server"]] + [x for x in (w["engine"], w.get("voice")) if x and x != w["server"]]
        print(f"  {w['hostname']}: {', '.join(setup)}, queue {w['queue']}, "
              f"fingerprint {w['fingerprint']}; {state}")
        if w.get("voices"):  # voices per role (issue 24): the roles whose takes it makes
            said = (["narrator"] if w.get("narrator", True) else []) + [
                f"{'/'.join(v['roles'])} ({v['value']})" for v in w["voices"]]
            print(f"    voices: {', '.join(said)}")
    return 0


WORKER_EPILOG = """Each GPU machine runs one worker next to its TTS server; narrate (or a course build) pointed at
the same broker sends it the takes for its setup. Start Redis once, somewhere all can reach:
  redis-server --port 6379 --bind 0.0.0.0 --protected-mode no
then on each GPU machine:
  narrate worker --broker redis://hub:6379/0 --server http://127.0.0.1:7860 --voice-file teacher.wav
and anywhere:
  narrate course/ --broker redis://hub:6379/0 --voice-file teacher.wav
"""


def _cmd_worker(argv: list[str]) -> int:
    p = argparse.ArgumentParser(
        prog="narrate worker", epilog=WORKER_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Make takes for the queue at --broker with one TTS server, one at a time "
                    "(a Celery worker; stop it with Ctrl-C: the take in hand is finished first).")
    p.add_argument("-c", "--config", metavar="FILE",
                   help="narrate.toml to use (engine settings, emotion presets, [queue] broker)")
    _engine_options(p)
    p.add_argument("--name", metavar="NAME", help="Celery node name (default: narrate-<pid>@<host>)")
    p.add_argument("--visibility-timeout", type=float, metavar="SECONDS",
                   help="a take unfinished this long after delivery goes to another worker (the "
                        "worker died); must exceed the longest take (default: from the engine "
                        "timeouts)")
    p.add_argument("--role", action="append", default=[], metavar="ROLE",
                   help="say only this role's voice of the cast ([voices]; repeat it; \"narrator\" is "
                        "the worker's own voice): a worker per voice (default: every voice of the cast)")
    p.add_argument("--in-flight", type=int, metavar="N",
                   help="takes made at once, for a server that batches (index-tts-vllm, an "
                        "OpenAI-compatible server): N Celery threads, one message reserved each "
                        "(default: [engine] in_flight if it is a number, else 1)")
    _common_options(p)
    args = p.parse_args(argv)
    config = _config(args)
    if args.in_flight is not None and not 1 <= args.in_flight <= 64:
        p.error("--in-flight needs a number of takes from 1 to 64")
    if not config.queue.broker:
        p.error("needs --broker URL (or [queue] broker in narrate.toml)")
    if args.visibility_timeout is not None and args.visibility_timeout <= 0:
        p.error("--visibility-timeout needs a number of seconds > 0")
    from narrator.synthesis.worker import run_worker

    in_flight = args.in_flight or (config.engine.in_flight if isinstance(config.engine.in_flight, int) else 1)
    return run_worker(config, config.queue.broker, name=args.name or "",
                      visibility_timeout=args.visibility_timeout, in_flight=in_flight, roles=args.role)


def _cmd_redo(argv: list[str]) -> int:
    from narrator.review import correct

    p = argparse.ArgumentParser(
        prog="narrate redo", description="Record a decision about one sentence in the lesson's "
        "corrections file (lesson.narration.toml), then rebuild: only what changed is made again. "
        "Without a decision: another take. Any option of `narrate` (-o, --server, --format...) "
        "applies to the rebuild.")
    p.add_argument("input", metavar="LESSON", help="the lesson file")
    p.add_argument("sentence", metavar="SENTENCE", help="its id (c03-s0012, see --dry-run) or its words")
    p.add_argument("--take", type=int, metavar="N", help="use take N (of those made) instead of another")
    p.add_argument("--say", metavar="TEXT", help='say this instead ("" returns to the planned spoken form)')
    p.add_argument("--emotion", metavar="NAME", help="read it with this emotion (\"\" returns to the document's)")
    p.add_argument("--skip", action="store_true", default=None, help="do not narrate it")
    p.add_argument("--unskip", dest="skip", action="store_false", help="narrate it again")
    p.add_argument("--reviewed", action="store_true", default=None, help="mark it reviewed")
    p.add_argument("--no-build", action="store_true", help="only record the decision")
    args, build = p.parse_known_args(argv)
    build = [args.input, *build]
    config = _config(_parser().parse_args(build))  # the rebuild's settings, checked before anything
    decided = any(v is not None for v in (args.take, args.say, args.emotion, args.skip, args.reviewed))
    fix = correct(args.input, args.sentence, config, another=not decided, take=args.take, say=args.say,
                  emotion=args.emotion, skip=args.skip, reviewed=args.reviewed)
    if "-q" not in build and "--quiet" not in build:
        print(f"{args.input}: {fix.text[:60]!r}: take {fix.take} of {fix.takes}"
              + (f", said as {fix.spoken!r}" if fix.spoken else "") + (", skipped" if fix.skip else ""),
              file=sys.stderr)
    return 0 if args.no_build else _cmd_narrate(build)


def _cmd_review(argv: list[str]) -> int:
    from narrator.review import needs_review

    p = argparse.ArgumentParser(
        prog="narrate review", description="Review a narrated lesson: without --list, open the review "
        "page (every sentence, its takes, compare, choose, another take, spoken form, emotion, "
        "pronunciations, rebuild) on a local server. Any option of `narrate` (-o, --server, "
        "--voice-file...) applies to the rebuilds.")
    p.add_argument("input", metavar="LESSON", help="the lesson file")
    p.add_argument("--list", action="store_true", help="only list the sentences and corrections to review")
    p.add_argument("--port", type=int, default=0, metavar="N", help="port on 127.0.0.1 (default: a free one)")
    p.add_argument("--open", action="store_true", help="open the page in a browser")
    p.add_argument("--pronounce", metavar="WORD=SAY", help="say WORD as SAY everywhere in the lesson "
                   "(a respelling, pinyin with tone numbers, or CMU phonemes), then exit")
    p.add_argument("--forget", metavar="WORD", help="remove the pronunciation of WORD (see --lang), then exit")
    p.add_argument("--lang", default="*", help="with --pronounce or --forget: only in sentences of this language")
    p.add_argument("--reviewed", action="store_true", help="with --pronounce: mark it settled")
    args, build = p.parse_known_args(argv)
    build = [args.input, *build]
    options = _parser().parse_args(build)
    config = _config(options)
    if args.pronounce is not None:
        from narrator.review import pronounce

        word, _, say = args.pronounce.partition("=")
        changed = pronounce(args.input, word, say, config, lang=args.lang, reviewed=args.reviewed)
        if not options.quiet:
            print(f"{args.input}: {word.strip()!r} said {say.strip()!r} in {len(changed)} "
                  f"sentence{'s' * (len(changed) != 1)}" + (" (reviewed)" if args.reviewed else ""),
                  file=sys.stderr)
        return 0
    if args.forget is not None:
        from narrator.review import forget

        if not forget(args.input, args.forget, args.lang):
            raise BadInput(args.input, f"no pronunciation of {args.forget.strip()!r} ({args.lang}) to remove")
        if not options.quiet:
            print(f"{args.input}: {args.forget.strip()!r} said as the lesson says it again", file=sys.stderr)
        return 0
    if args.list:
        items = needs_review(args.input, config, options.output)
        for item in items:
            print(f"{item.id or '-':10} {item.text[:70]!r}: {item.why}")
        if not options.quiet:
            print(f"{args.input}: {len(items)} to review" if items else f"{args.input}: nothing to review",
                  file=sys.stderr)
        return 0
    if not 0 <= args.port <= 65535:
        p.error("--port: 0 (a free port) to 65535")
    from narrator.errors import OutputError
    from narrator.pipeline import default_out_dir, plan
    from narrator.review_server import ReviewServer, open_browser
    from narrator.review_session import LocalBuilder, ReviewSession

    plan(args.input, config)  # a lesson that cannot be read is one error line now, not on the page
    source = Path(args.input)
    out = Path(options.output) if options.output else default_out_dir(source, config)
    session = ReviewSession(source, config, out, LocalBuilder(source, config, out))
    try:
        server = ReviewServer(session, args.port)
    except OSError as e:
        raise OutputError(f"127.0.0.1:{args.port}: cannot listen here ({e.strerror or e})") from None
    print(server.url, flush=True)
    if not options.quiet:
        print(f"narrate review: {args.input}: the review page is at {server.url} (Ctrl+C stops it)",
              file=sys.stderr, flush=True)
    if args.open:
        open_browser(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


def _cmd_cache(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="narrate cache", description="Show the take cache; prune it.")
    p.add_argument("-c", "--config", metavar="FILE", help="narrate.toml to use")
    p.add_argument("--cache-dir", metavar="DIR", help="take cache (default: $XDG_CACHE_HOME/narrator)")
    p.add_argument("--prune", action="store_true", help="remove entries (see --keep, --older-than)")
    p.add_argument("--keep", nargs="+", metavar="MANIFEST", default=None,
                   help="with --prune: keep only takes used by these manifest.json files")
    p.add_argument("--older-than", type=float, metavar="DAYS",
                   help="with --prune: remove takes not used for this many days")
    _common_options(p)
    args = p.parse_args(argv)
    config = _config(args)
    from narrator.synthesis.cache import Cache

    cache = Cache(config.resolved_cache_dir())
    if args.prune:
        if args.keep is None and args.older_than is None:
            p.error("--prune needs --keep MANIFEST... and/or --older-than DAYS")
        if args.older_than is not None and args.older_than < 0:
            p.error("--older-than needs a number of days >= 0")
        from narrator.publishing.manifest import load_manifest, take_keys

        keep = None if args.keep is None else {k for path in args.keep for k in take_keys(load_manifest(path))}
        older = args.older_than * 86400 if args.older_than is not None else None
        removed, freed = cache.prune(keep=keep, older_than=older)
        print(f"{cache.root}: removed {removed} takes ({freed / 1e6:.1f} MB)")
    entries, size = cache.stats()
    print(f"{cache.root}: {entries} takes, {size / 1e6:.1f} MB")
    return 0



def _cmd_serve(argv: list[str]) -> int:
    from narrator.server.submission import Limits

    p = argparse.ArgumentParser(
        prog="narrate serve",
        description="Run the narration job server for editors: an HTTP API (token-protected), "
                    "the TinyMCE plugin at /editor/tinymce/narrate.js, and the narrations' files.",
        epilog="example:\n  narrate serve --server http://gpu1:7860 --voice-file teacher.wav "
               "--allow-origin https://lms.example.edu",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-c", "--config", metavar="FILE", help="narrate.toml to use")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    p.add_argument("--data", metavar="DIR",
                   help="job store, tokens and narrations (default: $XDG_DATA_HOME/narrator/server)")
    p.add_argument("--allow-origin", action="append", default=[], metavar="ORIGIN",
                   help="a web origin whose pages may call the API (repeatable)")
    p.add_argument("--add-token", metavar="NAME",
                   help="make an API token for a site or person, print it and exit (it is stored "
                        "hashed: this is the only time it is shown)")
    p.add_argument("--operator", action="store_true",
                   help="with --add-token: the token sees and cancels every narration")
    p.add_argument("--max-body", type=float, default=5.0, metavar="MB",
                   help="largest accepted request in MB (default 5)")
    p.add_argument("--queue-limit", type=int, default=200, metavar="N",
                   help="queued jobs before new ones are refused with 429 (default 200)")
    p.add_argument("--show-token", action="store_true", help=argparse.SUPPRESS)  # before tokens were hashed
    limits = Limits()
    p.add_argument("--max-depth", type=int, default=limits.max_depth, metavar="N",
                   help=f"deepest element nesting of a lesson (default {limits.max_depth})")
    p.add_argument("--max-chars", type=int, default=limits.max_chars, metavar="N",
                   help=f"characters of text in a lesson (default {limits.max_chars:,})")
    p.add_argument("--max-segments", type=int, default=limits.max_segments, metavar="N",
                   help=f"sentences in a lesson (default {limits.max_segments:,})")
    p.add_argument("--prepare-seconds", type=float, default=limits.prepare_seconds, metavar="S",
                   help=f"time to read and plan one submission (default {limits.prepare_seconds:g})")
    p.add_argument("--keep-days", type=float, default=30.0, metavar="DAYS",
                   help="delete finished narrations this many days after they end (default 30; 0: keep)")
    p.add_argument("-f", "--format", choices=AUDIO_FORMATS, help="default chapter audio format")
    p.add_argument("--book", choices=BOOK_FORMATS, help="default whole-programme file")
    _engine_options(p)
    _common_options(p)
    args = p.parse_args(argv)
    from narrator.server import default_data_dir, serve
    from narrator.server.submission import OPTIONS

    data_dir = Path(args.data) if args.data else default_data_dir()
    if args.show_token:
        raise ConfigError(["--show-token: tokens are kept hashed and cannot be shown again; make a "
                           "new one with --add-token NAME"], source="")
    if args.add_token is not None:
        from narrator.server.tokens import add_token

        print(add_token(data_dir, args.add_token, operator=args.operator))
        return 0
    numbers = {"--max-body": args.max_body, "--queue-limit": args.queue_limit, "--max-depth": args.max_depth,
               "--max-chars": args.max_chars, "--max-segments": args.max_segments,
               "--prepare-seconds": args.prepare_seconds}
    bad = [f"{name}: must be positive" for name, value in numbers.items() if not value > 0]
    if not args.keep_days >= 0:
        bad.append("--keep-days: must be 0 (keep) or more")
    if bad:
        raise ConfigError(bad, source="")
    base = _config(args)  # every problem in narrate.toml and the options, before starting
    del base

    def config_for(options: dict[str, Any]) -> Config:
        from narrator.config import load_config

        path = args.config or ("narrate.toml" if Path("narrate.toml").is_file() else None)
        overrides = {**_overrides(args), **{OPTIONS[k][0]: v for k, v in options.items() if k in OPTIONS}}
        return load_config(path, overrides)

    try:
        serve(config_for, host=args.host, port=args.port, data_dir=data_dir,
              allow_origins=tuple(args.allow_origin), max_body=int(args.max_body * 1024 * 1024),
              queue_limit=args.queue_limit, keep_days=args.keep_days,
              limits=Limits(args.max_depth, args.max_chars, args.max_segments, args.prepare_seconds))
    except KeyboardInterrupt:
        pass
    return 0

if __name__ == "__main__":
    sys.exit(main())
