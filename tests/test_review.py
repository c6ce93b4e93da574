"""Issue 20: listen, fix, redo. Corrections kept beside the lesson, takes kept, one request per
change, counted at a stand-in IndexTTS2 web UI on loopback that samples (another take differs)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import narrator
from narrator.config import load_config
from narrator.script.corrections import Corrections, Pronunciation, corrections_path, load, save
from narrator.synthesis.cache import Cache
from servers.audio import speech_wav
from servers.indextts2_webui import start_webui

LESSON = ("<h1>Rivers</h1><h2>The Loire</h2><p>The Loire is the longest river in France.</p>"
          "<p>It flows past many castles. It reaches the sea at Saint-Nazaire.</p>"
          "<h2>The Rhone</h2><p>The Rhone starts in a glacier.</p><p>Yes.</p><p>It ends in a delta.</p><p>Yes.</p>")


@pytest.fixture(scope="module")
def webui():
    server = start_webui("2", "en_US", sampling=True)
    yield server
    server.close()


@pytest.fixture()
def lesson(tmp_path: Path, webui):
    src = tmp_path / "lesson.html"
    src.write_text(LESSON)
    voice = tmp_path / "voice.wav"
    voice.write_bytes(speech_wav("This is the teacher's voice."))
    options = ["--server", webui.url, "--voice-file", str(voice), "--cache-dir", str(tmp_path / "cache"),
               "-o", str(tmp_path / "out"), "--format", "wav", "--book", "none"]
    config = load_config(overrides={"engine.servers": [webui.url], "engine.voice_file": str(voice),
                                    "cache_dir": str(tmp_path / "cache"), "output.format": "wav",
                                    "output.book": "none"})
    return src, options, config


def narrate_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "narrator", *args], capture_output=True, text=True, timeout=300)


def manifest(tmp: Path) -> dict:
    return json.loads((tmp / "out" / "manifest.json").read_text())


def segment(m: dict, text: str) -> dict:
    return next(s for s in m["segments"] if s["text"] == text)


def test_another_take_choose_and_say_each_cost_one_request(lesson, webui, tmp_path: Path) -> None:
    src, options, config = lesson
    calls = lambda: len(webui.recorder.calls)  # noqa: E731
    start = calls()
    first = narrator.narrate(src, config, out_dir=tmp_path / "out")
    assert calls() - start == len({(s["spoken"], s["emotion"]) for s in first["segments"]})  # "Yes." once
    loire = segment(first, "The Loire is the longest river in France.")

    # another take: one request, for that sentence; both takes kept, the new one chosen
    mark = calls()
    done = narrate_cli("redo", str(src), loire["id"], *options)
    assert done.returncode == 0, done.stderr
    assert [c["text"] for c in webui.recorder.calls[mark:]] == [loire["spoken"]]
    second = segment(manifest(tmp_path), loire["text"])
    assert second["take_number"] == 2 and second["take"] != loire["take"]
    assert second["takes"] == [loire["take"], second["take"]]
    cache = Cache(tmp_path / "cache")
    assert cache.get(loire["take"]) is not None and cache.get(second["take"]) is not None
    assert cache.get(loire["take"]).read_bytes() != cache.get(second["take"]).read_bytes()
    fixes = load(corrections_path(src)).sentences
    assert [(f.text, f.take, f.takes) for f in fixes] == [(loire["text"], 2, 2)]

    # back to the first take: no request at all, the manifest names the first take again
    mark = calls()
    done = narrate_cli("redo", str(src), "longest river", "--take", "1", *options)
    assert done.returncode == 0, done.stderr
    assert calls() == mark
    assert segment(manifest(tmp_path), loire["text"])["take"] == loire["take"]

    # said another way: one request, with the new spoken form (numbers in words)
    mark = calls()
    done = narrate_cli("redo", str(src), loire["id"], "--say", "The Lwahr is 1006 km long.", *options)
    assert done.returncode == 0, done.stderr
    assert [c["text"] for c in webui.recorder.calls[mark:]] == ["The Lwahr is one thousand and six kilometers long."]
    assert segment(manifest(tmp_path), loire["text"])["spoken"] == "The Lwahr is one thousand and six kilometers long."


def test_corrections_survive_an_edit_elsewhere_and_lost_ones_are_reported(lesson, webui, tmp_path: Path) -> None:
    src, options, config = lesson
    narrator.narrate(src, config, out_dir=tmp_path / "out")
    from narrator.review import correct

    correct(src, "It flows past many castles.", config, another=True)
    correct(src, "The Rhone starts in a glacier.", config, emotion="calm")
    correct(src, "It ends in a delta.", config, skip=True)
    built = narrator.narrate(src, config, out_dir=tmp_path / "out")
    castles = segment(built, "It flows past many castles.")
    assert castles["take_number"] == 2
    assert segment(built, "The Rhone starts in a glacier.")["emotion"] == "calm"
    assert all(s["text"] != "It ends in a delta." for s in built["segments"])

    # another paragraph is edited: only its sentence is asked for; the chosen take stays
    src.write_text(LESSON.replace("It reaches the sea at Saint-Nazaire.", "It meets the Atlantic."))
    mark = len(webui.recorder.calls)
    rebuilt = narrator.narrate(src, config, out_dir=tmp_path / "out")
    assert [c["text"] for c in webui.recorder.calls[mark:]] == ["It meets the Atlantic."]
    assert segment(rebuilt, "It flows past many castles.")["take"] == castles["take"]

    # the sentence of a correction is gone: the run says so, and the review list names it
    src.write_text(LESSON.replace("It flows past many castles. ", ""))
    done = narrate_cli(str(src), *options)
    assert done.returncode == 0, done.stderr
    assert "a correction matches no sentence any more: 'It flows past many castles.'" in done.stderr
    listed = narrate_cli("review", str(src), "--list", "-o", str(tmp_path / "out"))
    assert "the correction matches no sentence any more" in listed.stdout


def test_a_sentence_said_twice_is_corrected_where_it_is(lesson, tmp_path: Path) -> None:
    src, _, config = lesson
    from narrator.review import correct

    script = narrator.plan(src, config)
    second_yes = [s for s in script.segments if s.text == "Yes."][1]
    correct(src, second_yes.id, config, say="Yes indeed.")
    said = [s.spoken for s in narrator.plan(src, config).segments if s.text == "Yes."]
    assert said == ["Yes.", "Yes indeed."]


def test_pronunciations_apply_everywhere_and_only_there(lesson, webui, tmp_path: Path) -> None:
    src, _, config = lesson
    narrator.narrate(src, config, out_dir=tmp_path / "out")
    save(Corrections(pronunciations=(Pronunciation("Rhone", "Rone", "en"),)), corrections_path(src))
    mark = len(webui.recorder.calls)
    built = narrator.narrate(src, config, out_dir=tmp_path / "out")
    assert sorted(c["text"] for c in webui.recorder.calls[mark:]) == ["The Rone", "The Rone starts in a glacier."]
    assert segment(built, "The Rhone starts in a glacier.")["spoken"] == "The Rone starts in a glacier."


def test_errors_are_one_line(lesson, tmp_path: Path) -> None:
    src, options, _ = lesson
    done = narrate_cli("redo", str(src), "no such words anywhere", *options)
    assert done.returncode == 1 and done.stderr.strip().splitlines() == [
        f"narrate: {src}: no sentence says: 'no such words anywhere'"]
    done = narrate_cli("redo", str(src), "Yes.", "--take", "3", "--no-build")
    assert done.returncode == 1 and "it has 1 take" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    corrections_path(src).write_text("[[sentence]]\ntext = 'Yes.'\ntake = 'two'\n")
    done = narrate_cli(str(src), "--dry-run")
    assert done.returncode == 2 and "'take' must be a whole number from 1" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_pronunciation_is_listed_until_it_is_marked_reviewed(lesson, tmp_path: Path) -> None:
    src, _, _ = lesson
    done = narrate_cli("review", str(src), "--pronounce", "Rhone=Rone", "--lang", "en")
    assert done.returncode == 0 and "said 'Rone' in 2 sentences" in done.stderr, done.stderr
    listed = narrate_cli("review", str(src), "--list")
    assert "pronunciation 'Rone' (en) not yet reviewed" in listed.stdout
    done = narrate_cli("review", str(src), "--pronounce", "Rhone=Rone", "--lang", "en", "--reviewed")
    assert done.returncode == 0, done.stderr
    assert [(w.word, w.say, w.reviewed) for w in load(corrections_path(src)).pronunciations] == [("Rhone", "Rone", True)]
    assert "Rhone" not in narrate_cli("review", str(src), "--list").stdout
    done = narrate_cli("review", str(src), "--pronounce", "Rhone=")
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    # removed: said as the lesson says it again; removing it twice is one clear line
    done = narrate_cli("review", str(src), "--forget", "Rhone", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert load(corrections_path(src)).pronunciations == ()
    assert all("Rone" not in s.spoken for s in narrator.plan(src, load_config()).segments)
    done = narrate_cli("review", str(src), "--forget", "Rhone", "--lang", "en")
    assert done.returncode == 1 and done.stderr.strip().splitlines() == [
        f"narrate: {src}: no pronunciation of 'Rhone' (en) to remove"]


def test_a_skipped_sentence_is_found_again_by_its_words(lesson, tmp_path: Path) -> None:
    src, _, _ = lesson
    done = narrate_cli("redo", str(src), "It ends in a delta.", "--skip", "--no-build")
    assert done.returncode == 0, done.stderr
    planned = narrator.plan(src, load_config())
    assert "It ends in a delta." not in [s.text for s in planned.segments]
    assert [k.reason for k in planned.skipped if k.what == "sentence"] == [
        "skipped by a correction in lesson.narration.toml: 'It ends in a delta.'"]
    listed = narrate_cli("review", str(src), "--list").stdout
    assert "'It ends in a delta.': corrected (skipped), not yet reviewed" in listed
    assert "matches no sentence" not in listed
    # it is not in the script any more, so only its words find it
    done = narrate_cli("redo", str(src), "in a delta", "--unskip", "--no-build")
    assert done.returncode == 0, done.stderr
    assert load(corrections_path(src)).sentences == ()  # nothing decided any more
    assert "It ends in a delta." in [s.text for s in narrator.plan(src, load_config()).segments]


def test_narrating_again_finds_the_skipped_sentence_not_a_live_one_with_its_words(lesson, tmp_path: Path) -> None:
    src, _, config = lesson
    from narrator.review import correct

    second_yes = [s for s in narrator.plan(src, config).segments if s.text == "Yes."][1]
    correct(src, second_yes.id, config, skip=True)
    assert [s.text for s in narrator.plan(src, config).segments].count("Yes.") == 1
    correct(src, "Yes.", config, skip=False)  # the live "Yes." has the same words
    assert [s.text for s in narrator.plan(src, config).segments].count("Yes.") == 2
    assert load(corrections_path(src)).sentences == ()
