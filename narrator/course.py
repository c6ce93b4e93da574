"""Course builds: many lessons, one command, each into its own folder, plus a course index."""

from __future__ import annotations

import dataclasses
import glob
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Sequence

from narrator.config import Config, load_config
from narrator.errors import BadInput, ConfigError, Interrupted, NarratorError, NothingToRead
from narrator.events import Event, EventSink, Notice, Progress, ignore

from narrator.choices import INPUT_SUFFIXES as LESSON_SUFFIXES


@dataclass(frozen=True, slots=True)
class LessonResult:
    """How one lesson of a course build went; ``manifest`` is None when it failed."""

    source: str
    out_dir: Path
    status: Literal["built", "up to date", "failed", "skipped"]
    title: str = ""
    duration: float = 0.0
    error: str = ""
    manifest: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class CourseResult:
    """Every lesson of a course build, in order, and the folder holding them and the index."""

    out_root: Path
    lessons: tuple[LessonResult, ...]
    title: str = ""

    @property
    def failed(self) -> tuple[LessonResult, ...]:
        return tuple(lesson for lesson in self.lessons if lesson.status == "failed")

    @property
    def skipped(self) -> tuple[LessonResult, ...]:
        """Lessons with nothing to narrate (all their text left out, with the reasons)."""
        return tuple(lesson for lesson in self.lessons if lesson.status == "skipped")


def _is_output(folder: Path) -> bool:
    """A folder narrator wrote (a narration or a course): its HTML is a player, not a lesson."""
    return (folder / "manifest.json").is_file() or (folder / "course.json").is_file()


def _lessons_in(folder: Path) -> list[Path]:
    """The lesson files under ``folder`` (HTML, .docx, .md, .txt), sorted, skipping narrator's
    own output folders."""
    found: list[Path] = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and not path.name.startswith(".") and not _is_output(path):
            found += _lessons_in(path)
        elif (path.is_file() and path.suffix.lower() in LESSON_SUFFIXES
              and not path.name.startswith((".", "~$"))):  # hidden files, Word's lock files
            found.append(path)
    return found


def expand_sources(args: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Files as given, directories as their lesson files (sorted, recursive), globs expanded."""
    found: list[Path] = []
    for arg in args:
        text = str(arg)
        p = Path(text)
        if p.is_dir():
            found += [] if _is_output(p) else _lessons_in(p)
        elif not p.exists() and glob.has_magic(text):
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True))
            if not matches:
                raise BadInput(text, "no file matches this pattern")
            found += [m for m in matches if m.is_file()]
        else:
            found.append(p)
    unique = list(dict.fromkeys(found))
    if not unique:
        raise BadInput(" ".join(map(str, args)),
                       f"no lessons found ({', '.join(LESSON_SUFFIXES)})")
    return unique


def default_root(inputs: Sequence[str]) -> Path:
    """Where a course goes without -o: next to a single input folder, else ./course.narration."""
    if len(inputs) == 1 and Path(inputs[0]).is_dir():
        folder = Path(inputs[0]).resolve()
        return folder.with_name(folder.name + ".narration")
    return Path("course.narration")


def lesson_dirs(sources: Sequence[Path]) -> list[str]:
    """A distinct, safe folder name per lesson: its file stem, numbered (-2, -3) when stems repeat."""
    from narrator.publishing.filenames import safe_filename

    names: list[str] = []
    for src in sources:
        base = safe_filename(src.stem, index=0, ext="").strip("-.") or "lesson"
        name, n = base, 2
        while name in names:
            name, n = f"{base}-{n}", n + 1
        names.append(name)
    return names


def narrate_many(sources: Sequence[str | os.PathLike[str]], config: Config | None = None, *,
                 out_root: str | os.PathLike[str], on_event: EventSink = ignore,
                 title: str | None = None) -> CourseResult:
    """Narrate each lesson into ``out_root/<lesson>/``; one failing lesson never stops the others.

    The course index is titled ``title``, by default the name of the folder holding the lessons;
    every lesson's player links back to it.

    Up-to-date lessons are skipped before any parsing or engine contact, so a no-op rebuild of a
    whole course takes seconds. Engines are created once, on the first lesson that needs them.
    """
    from narrator.pipeline import check_out_dir, narrate, prepare_out_dir

    config = config or load_config()
    out_root = Path(out_root)
    paths = expand_sources(sources)
    check_out_dir(out_root, paths)
    if config.queue.broker:
        from narrator.synthesis.queue import connect

        connect(config.queue.broker)  # one line for the course, not one failure per lesson
    prepare_out_dir(out_root)
    engines: list[Any] = []

    def shared_engines() -> list[Any]:
        """The course's engines, made on the first lesson that needs them."""
        if not engines and not config.queue.broker:  # behind a broker, its workers make takes
            from narrator.engines import create_engines

            engines.extend(create_engines(config))
        return engines

    results: list[LessonResult] = []
    # LMS packages are the course's, one for all its lessons (written below), not each lesson's.
    lesson_config = dataclasses.replace(config, output=dataclasses.replace(config.output, scorm="", cartridge=False))
    try:
        for src, name in zip(paths, lesson_dirs(paths)):
            out = out_root / name
            try:
                manifest = narrate(src, lesson_config, out_dir=out, engines=shared_engines,
                                   on_event=_for_lesson(on_event, name), course_index="../index.html")
                if manifest.status == "built":
                    on_event(Notice("info", f"{src}: built"))
                results.append(LessonResult(str(src), out, manifest.status, manifest.get("title", ""),
                                            manifest.get("audio", {}).get("duration", 0.0),
                                            manifest=manifest.manifest))
            except (ConfigError, Interrupted):
                raise  # the whole course stops: a bad setting fails every lesson alike
            except NothingToRead as e:
                # an e-book's licence file, a page of code: nothing of a lesson, said why
                on_event(Notice("info", f"{src}: skipped, {e.problem}"))
                results.append(LessonResult(str(src), out, "skipped", error=e.problem))
            except NarratorError as e:
                # the problem itself is reported once, with the course's result (result.failed)
                on_event(Notice("info", f"{src}: failed"))
                results.append(LessonResult(str(src), out, "failed", error=str(e)))
    finally:
        for engine in engines:
            engine.close()
    result = CourseResult(out_root, tuple(results), title or course_title(paths, out_root))
    write_index(result, config)
    built = [(lesson.out_dir, lesson.manifest) for lesson in result.lessons if lesson.manifest]
    if config.output.scorm:
        from narrator.publishing.scorm import write_course

        write_course(out_root, result.title, built, version=config.output.scorm,
                     completion=config.output.scorm_completion)
    if config.output.cartridge:
        from narrator.publishing import cartridge

        cartridge.write_course(out_root, result.title, built)
    return result


def _for_lesson(on_event: EventSink, lesson: str) -> EventSink:
    """``on_event`` with each progress event marked with the lesson it belongs to."""
    def sink(event: Event) -> None:
        on_event(dataclasses.replace(event, lesson=lesson) if isinstance(event, Progress) else event)
    return sink


def course_title(sources: Sequence[Path], out_root: Path) -> str:
    """The name of the folder that holds all the lessons (else the course folder's name)."""
    folders = [str(p.resolve().parent) for p in sources]
    common = Path(os.path.commonpath(folders)) if folders else None
    name = common.name if common is not None else ""
    return name or out_root.resolve().name.removesuffix(".narration") or "Lessons"


def write_index(course: CourseResult, config: Config) -> None:
    """course.json, course.m3u and index.html in the course folder (each written atomically)."""
    from narrator.util.atomic import write_atomic
    from narrator.util.templating import environment

    root = course.out_root
    lessons: list[dict[str, Any]] = []
    for lesson in course.lessons:
        rel = lesson.out_dir.relative_to(root).as_posix()
        m = lesson.manifest or {}
        lessons.append({
            "source": lesson.source, "title": lesson.title or Path(lesson.source).stem,
            "lang": m.get("lang"),  # the index page marks each title's language (screen readers)
            "status": lesson.status, "error": lesson.error, "path": rel,
            "manifest": f"{rel}/manifest.json" if m else None,
            "player": f"{rel}/index.html" if m and config.output.player else None,
            "duration": round(lesson.duration, 3),
            "chapters": [{"title": c["title"], "file": f"{rel}/{c['file']}", "duration": c["duration"]}
                         for c in m.get("chapters", [])],
        })
    index = {"version": 1, "title": course.title or root.name.removesuffix(".narration"), "lessons": lessons,
             "duration": round(sum(entry["duration"] for entry in lessons), 3),
             "failed": [entry["source"] for entry in lessons if entry["status"] == "failed"],
             "skipped": [entry["source"] for entry in lessons if entry["status"] == "skipped"]}
    write_atomic(root / "course.json", json.dumps(index, ensure_ascii=False, indent=2).encode())
    m3u = ["#EXTM3U"]
    for entry in lessons:
        for ch in entry["chapters"]:
            m3u += [f"#EXTINF:{round(ch['duration'])},{entry['title']} - {ch['title']}", ch["file"]]
    write_atomic(root / "course.m3u", ("\n".join(m3u) + "\n").encode())
    page = environment("html").get_template("course.html.j2").render(course=index)
    write_atomic(root / "index.html", page.encode())
