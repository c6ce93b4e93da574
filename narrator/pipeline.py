"""The run, as one readable function of named stages: read, parse, plan, synthesize, assemble, publish.

This module is the Python API for build scripts (re-exported by ``narrator``)::

    import narrator
    manifest = narrator.narrate("lesson.html", out_dir="build/lesson")
    print(manifest["audio"]["duration"], manifest.status)   # "built" or "up to date"
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from narrator._version import __version__
from narrator.util.atomic import TEMP_PREFIX
from narrator.config import Config, load_config
from narrator.values import Script
from narrator.errors import BadInput, OutputError, SynthesisFailed
from narrator.events import EventSink, Notice, ignore, serialized
from narrator.rebuild import Previous, read_previous

if TYPE_CHECKING:
    from narrator.publishing.images import LessonImages
    from narrator.script.corrections import Corrections

ERRORS = "errors.jsonl"

Status = Literal["built", "up to date"]


def read_source(path: str | os.PathLike[str]) -> bytes:
    """The raw bytes of an input document, or BadInput with one clear line."""
    p = Path(path)
    if not p.exists():
        raise BadInput(str(path), "no such file")
    if p.is_dir():
        raise BadInput(str(path), "is a directory, not a lesson file")
    try:
        return p.read_bytes()
    except OSError as e:
        raise BadInput(str(path), f"cannot read: {e.strerror or e}") from None


def plan(source: str | os.PathLike[str], config: Config | None = None, *, limits: Any = None,
         tick: Callable[[], object] | None = None) -> Script:
    """Parse and plan a document without synthesizing anything (the dry run). ``limits`` (a
    :class:`narrator.parse.ParseLimits`) and ``tick`` bound the work (see :func:`parse_html`)."""
    from narrator.publishing.images import take_images

    config, corrections = with_corrections(source, config or load_config())
    script = _planned(read_source(source), source, config, limits=limits, tick=tick, corrections=corrections)
    return take_images(script)[0]  # the images left out are listed with the rest


def with_corrections(source: str | os.PathLike[str], config: Config) -> tuple[Config, Corrections]:
    """The teacher's corrections kept beside ``source`` (``lesson.narration.toml``; none if
    there is no such file), and ``config`` with their pronunciations in its lexicon."""
    from narrator.script.corrections import corrections_path, load, with_pronunciations

    corrections = load(corrections_path(source))
    return with_pronunciations(config, corrections), corrections


def _planned(data: bytes, source: str | os.PathLike[str], config: Config, *, limits: Any = None,
             tick: Callable[[], object] | None = None, corrections: Corrections | None = None) -> Script:
    """The document in ``data`` parsed and planned (BadInput if nothing in it is speakable)."""
    from narrator.parse import parse_html
    from narrator.script import plan_script

    document = parse_html(data, str(source), config.parse, limits=limits, tick=tick)
    script = plan_script(document, config, tick=tick, corrections=corrections)
    if not script.chapters:
        raise BadInput(str(source), "nothing speakable in this document")
    return script


def default_out_dir(source: str | os.PathLike[str], config: Config) -> Path:
    """``output.dir`` if set, else ``<name>.narration`` next to the input."""
    if config.output.dir:
        return Path(config.output.dir)
    p = Path(source)
    return p.with_name(p.stem + ".narration")


def build_key(source_sha256: str, config: Config, corrections: Corrections | None = None) -> str:
    """Everything that decides a narration's output, hashed: if it matches the manifest, the
    folder is up to date and the lesson is skipped without parsing or touching any engine."""
    from narrator.engines import engine_name

    engine = config.engine
    voice_file = engine.voice_file
    local = Path(voice_file).expanduser() if voice_file else None
    if local is not None and local.is_file():  # a server-side path (vllm) counts by its name
        voice_file += ":" + hashlib.sha256(local.read_bytes()).hexdigest()
    relevant = {
        "narrator": __version__, "source": source_sha256,
        "parse": asdict(config.parse), "text": asdict(config.text), "pauses": asdict(config.pauses),
        "style": {"default": config.style.default, "rules": dict(config.style.rules)},
        "emotions": config.emotions, "lexicon": config.lexicon,
        "engine": {"name": engine_name(config), "voice": engine.voice, "voice_file": voice_file,
                   "options": engine.options},
        "output": asdict(config.output) | {"dir": ""}, "allow_gaps": config.allow_gaps,
    }
    if config.voices != type(config.voices)():  # the cast, its recordings by content (issue 24)
        relevant["voices"] = [dataclasses.asdict(config.voices), _voice_files(config.voices)]
    if config.verify.enabled:  # checked takes and word timings change the narration
        relevant["verify"] = asdict(config.verify)
    if corrections:  # the pronunciations are in the lexicon already
        relevant["corrections"] = corrections.fingerprint()[0]
    blob = json.dumps(relevant, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def _voice_files(voices: Any) -> dict[str, str]:
    """sha256 of each local file the cast names (a voice name or server path counts by its name)."""
    out = {}
    for value in [*voices.cast.values(), *(v for t in voices.engines.values() for v in t.values())]:
        local = Path(value).expanduser()
        if local.is_file():
            out[value] = hashlib.sha256(local.read_bytes()).hexdigest()
    return out


class Narration(dict[str, Any]):
    """What :func:`narrate` returns: the manifest written to ``manifest.json`` (a plain dict of
    it), and ``status``: "built" if this call made the narration, "up to date" if the output
    folder already held it (nothing was parsed, synthesized or written)."""

    def __init__(self, manifest: Mapping[str, Any], status: Status) -> None:
        super().__init__(manifest)
        self.status: Status = status

    @property
    def manifest(self) -> dict[str, Any]:
        return dict(self)


def _current(previous: Previous, out_dir: Path, key: str, config: Config, source: str | os.PathLike[str]) -> bool:
    """``previous`` is a complete narration of this source built with ``key`` (and not --force),
    and the image files the lesson shows are those it copied (a figure edited beside the lesson
    changes the pages, not the lesson's bytes)."""
    if config.force or previous.build_key != key or not previous.complete(out_dir):
        return False
    from narrator.publishing.images import local_images

    build = previous.manifest.get("build")
    recorded = build.get("images") if isinstance(build, dict) else None
    if not isinstance(recorded, dict):
        return not previous.manifest.get("images")  # an older manifest: only if it shows none
    return local_images(str(source), recorded) == recorded


# Temporaries a killed run may have left in an output folder (only narrator's own names).
LEFTOVERS = (TEMP_PREFIX + "*", "chapters/" + TEMP_PREFIX + "*")


def check_out_dir(out_dir: Path, sources: Sequence[str | os.PathLike[str]]) -> None:
    """Refuse an output folder that is the folder of an input: the player page (index.html) and
    the other outputs would overwrite or mix with the lessons, and be narrated next time."""
    out = out_dir.resolve()
    for source in sources:
        if Path(source).resolve().parent == out:
            raise OutputError(f"{out_dir}: is the folder of {source}; "
                              "choose another output folder (-o)")


def prepare_out_dir(out_dir: Path) -> None:
    """Create ``out_dir``, check it is writable, and clear what a killed run left behind."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as e:
        raise OutputError(f"{out_dir}: cannot write output here ({e.strerror or e})") from None
    for pattern in LEFTOVERS:
        for leftover in out_dir.glob(pattern):
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)


def narrate(source: str | os.PathLike[str], config: Config | None = None, *,
            out_dir: str | os.PathLike[str] | None = None,
            engines: Sequence[Any] | Callable[[], Sequence[Any]] | None = None,
            on_event: EventSink = ignore, course_index: str | None = None,
            source_name: str | None = None) -> Narration:
    """Narrate one document into ``out_dir``, unless it already holds this narration; return
    its manifest (a dict, as written to ``out_dir/manifest.json``) with ``.status``.

    ``engines`` lets a caller (a course build) share engine instances between documents: a
    sequence, or a function making them, called only if there is work to do; by default they are
    made from ``config``. ``course_index`` links the player page back to the course index (a URL
    relative to ``out_dir``); ``source_name`` is how the manifest names the source (default: its
    path; the job server does not publish its own folders). ``on_event`` may raise from any event
    (a "plan" event comes regularly while the document is read and planned) to stop the run.
    Raises a :class:`NarratorError` subclass on failure; with :class:`SynthesisFailed`, the
    complete chapters have still been published.
    """
    data = read_source(source)
    config, corrections = with_corrections(source, config or load_config())
    out = Path(out_dir) if out_dir is not None else default_out_dir(source, config)
    key = build_key(hashlib.sha256(data).hexdigest(), config, corrections)
    previous = read_previous(out)  # once: the up-to-date check, then what a rebuild may reuse
    if _current(previous, out, key, config, source):
        on_event(Notice("info", f"{source}: up to date ({out})"))
        return Narration(previous.manifest, "up to date")
    return Narration(_narrate(source, data, config, out, key, previous, engines, on_event, course_index,
                              source_name, corrections),
                     "built")


def current_manifest(source: str | os.PathLike[str], config: Config | None = None, *,
                     out_dir: str | os.PathLike[str] | None = None) -> dict[str, Any] | None:
    """The manifest of an up-to-date narration of ``source``, or None if it must be (re)built.

    A build script can ask this before :func:`narrate` to know whether there is work to do
    (:func:`narrate` itself makes the same check: its result's ``.status`` says which it was).
    """
    config, corrections = with_corrections(source, config or load_config())
    out = Path(out_dir) if out_dir is not None else default_out_dir(source, config)
    key = build_key(hashlib.sha256(read_source(source)).hexdigest(), config, corrections)
    previous = read_previous(out)
    return dict(previous.manifest) if _current(previous, out, key, config, source) else None


def _narrate(source: str | os.PathLike[str], data: bytes, config: Config, out: Path, key: str,
             previous: Previous, engines: Sequence[Any] | Callable[[], Sequence[Any]] | None,
             on_event: EventSink, course_index: str | None = None,
             source_name: str | None = None, corrections: Corrections | None = None) -> dict[str, Any]:
    """Parse, plan, then synthesize and publish (the folder is not up to date)."""
    from narrator.events import Progress
    from narrator.parse.skipped import summary
    from narrator.publishing.images import take_images

    def tick() -> None:  # lets the caller stop a long read or plan (the job server's cancel)
        on_event(Progress("plan", 0, 0))

    script = _planned(data, source, config, tick=tick, corrections=corrections)
    # Images are checked and read now: what is left out is reported with the rest, before synthesis.
    script, images = take_images(script)
    if source_name is not None:
        script = dataclasses.replace(script, source_path=source_name)
    check_out_dir(out, [source])

    own_engines = engines is None
    if engines is None and config.queue.broker:
        from narrator.synthesis.queue import connect

        connect(config.queue.broker)  # an unreachable broker fails before any folder appears
        engines = []  # the workers behind the broker make the takes
    elif engines is None:
        from narrator.engines import create_engines

        # engine options and the voice file are checked before any folder or note appears
        engines = create_engines(config)
    elif callable(engines):
        engines = engines()
    for warning in script.warnings:
        on_event(Notice("warning", f"{source}: {warning}"))
    if line := summary(script.skipped):
        on_event(Notice("note", f"{source}: {line}"))
    try:
        prepare_out_dir(out)
        return _synthesize_and_publish(script, images, engines, config, out, key, previous, on_event,
                                       course_index)
    finally:
        if own_engines:
            for engine in engines:
                engine.close()


def _synthesize_and_publish(script: Script, images: LessonImages, engines: Sequence[Any], config: Config,
                            out: Path, key: str, previous: Previous, on_event: EventSink,
                            course_index: str | None = None) -> dict[str, Any]:
    from narrator.assembly import Ahead, assemble, materialise
    from narrator.synthesis.cache import Cache
    from narrator.publishing import publish
    from narrator.publishing.ahead import EncodeAhead
    from narrator.synthesis import synthesize
    from narrator.synthesis.scheduler import NoServerLeft

    errors_path = out / ERRORS
    on_event = serialized(on_event)
    cache = Cache(config.resolved_cache_dir())
    work = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX + "work-", dir=out))
    # Each chapter is assembled, measured and levelled as soon as its last take exists, while
    # the engine makes the later chapters' takes,
    # and its files are encoded there, on the other cores: the end of the run is left with the
    # last chapters' own work (and whatever a change of the provisional gain asks again).
    encoder = EncodeAhead(script, config, work / "encoded", previous=previous.files)
    ahead = Ahead(script, config, work, previous=previous.audio,
                  rate=engines[0].sample_rate if engines else 0, on_levelled=encoder.chapter,
                  on_event=on_event)
    try:
        if config.queue.broker:
            from narrator.synthesis.queue import synthesize_queued

            result = synthesize_queued(script, cache, config, on_event=on_event, errors_path=errors_path,
                                       interactive=config.queue.interactive)
            for take in result.takes.values():  # assembled and encoded on every core from here
                ahead.take(take)
        else:
            result = synthesize(script, engines, cache, config, on_event=on_event,
                                errors_path=errors_path, on_take=ahead.take)
        if result.stopped:  # every server out before any take existed: nothing to publish
            raise NoServerLeft(result.stopped)
        programme = assemble(script, result.takes, config, work, previous=previous.audio, on_event=on_event,
                             ahead=ahead)
        if not programme.chapters:
            raise SynthesisFailed(sorted(result.failed), str(errors_path), result.failed)
        engine_info = {"name": engines[0].name if engines else result.engine,
                       "voice": config.engine.voice or config.engine.voice_file,
                       "fingerprint": result.fingerprint,  # asking a server again could fail
                       "servers": [e.label for e in engines] or sorted(s for s in result.server_busy if s)}
        if config.queue.broker:  # the takes came from `narrate worker`s behind this broker
            from narrator.publishing.manifest import without_password

            engine_info["broker"] = without_password(config.queue.broker)
        stats = {"segments": len(script.segments), "synthesized": result.synthesized,
                 "cached": result.cached, "failed": len(result.failed)}
        if config.verify.enabled:
            stats |= {"remade": result.remade, "unverified": len(result.unverified)}
        manifest = publish(script, programme, out, config, engine_info=engine_info, stats=stats,
                           take_keys={sid: t.cache_key for sid, t in result.takes.items()},
                           build={"key": key if not result.failed else "", "narrator": __version__,
                                  "images": dict(images.local)},
                           previous=previous.files, ready=encoder,
                           materialise=functools.partial(materialise, script=script, takes=result.takes,
                                                         config=config),
                           segment_info=_segment_info(result, programme, script,
                                                      engines[0] if engines else None),
                           course_index=course_index, images=images, on_event=on_event)
    finally:
        ahead.close()  # nothing is left running on an error
        encoder.close()
        shutil.rmtree(work, ignore_errors=True)
    if result.failed:
        raise SynthesisFailed(sorted(result.failed), str(errors_path), result.failed)
    if not result.unverified:  # segments kept although no take passed the check are listed there
        errors_path.unlink(missing_ok=True)
    return manifest


def _segment_info(result: Any, programme: Any, script: Script, setup: Any) -> dict[str, dict[str, Any]]:
    """Each checked segment's "verify" record and its words timed from the segment's start in
    the chapter (the take's times moved by what assembly trimmed from its start); for a sentence
    with several takes (a teacher's "another take"), the cache keys of all of them, so that
    pruning keeps them (known when the takes are made here; workers' setups are theirs)."""
    from narrator.assembly.mixing import lead_trim
    from narrator.synthesis.takes import TakeKeys

    info: dict[str, dict[str, Any]] = {sid: {"verify": dict(c)} for sid, c in result.checks.items()}
    keys = TakeKeys(setup, result.fingerprint) if setup is not None else None
    for seg in script.segments:
        if seg.takes > 1 and keys is not None:
            info.setdefault(seg.id, {})["takes"] = [keys.key(dataclasses.replace(seg, take=n))
                                                   for n in range(1, seg.takes + 1)]
    for sid, words in result.words.items():
        take = result.takes.get(sid)
        if take is None or sid not in info:
            continue
        trim = lead_trim(take.path, programme.sample_rate)
        info[sid]["words"] = [(w, s - trim, e - trim) for w, s, e in words]
    return info

