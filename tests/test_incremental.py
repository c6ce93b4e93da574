"""Reruns cost only what changed: engine requests counted at real loopback servers."""

from __future__ import annotations

from pathlib import Path

import pytest

import narrator
from narrator.synthesis.cache import Cache
from narrator.config import load_config
from servers.audio import speech_wav
from servers.indextts2_webui import start_webui
from servers.openai_server import start_openai

SPEECH = "/v1/audio/speech"
GEN = "/gradio_api/call/gen_single"

WORDS = ("river cloud stone forest lantern meadow harbor window candle garden bridge "
         "mountain valley feather silver morning").split()


def lesson_300(edit: int | None = None) -> str:
    """A 300-sentence lesson: 10 chapters of 3 paragraphs of 10 distinct sentences."""
    parts, n = ["<h1>Long lesson</h1>"], 0
    for c in range(10):
        parts.append(f"<h2>Part {c + 1}</h2>")
        for _ in range(3):
            sentences = []
            for _ in range(10):
                n += 1
                a, b = WORDS[n % 16], WORDS[(n * 7) % 16]
                text = f"Sentence {n} speaks of the {a} and the {b}."
                if n == edit:
                    text = f"Sentence {n} was edited to mention a {b} instead."
                sentences.append(text)
            parts.append("<p>" + " ".join(sentences) + "</p>")
    return "".join(parts)


@pytest.fixture()
def openai_server():
    server = start_openai(api_key=None)
    yield server
    server.close()


def openai_config(server, cache: Path, **extra):
    return load_config(overrides={"engine.name": "openai", "engine.servers": [server.url],
                                  "engine.openai": {"model": "tts-1", "voice": "alloy", "sample_rate": 24000},
                                  "cache_dir": str(cache), "output.format": "wav", "output.book": "none",
                                  **extra})


def test_unchanged_and_one_edited_sentence(tmp_path: Path, openai_server) -> None:
    src = tmp_path / "lesson.html"
    src.write_text(lesson_300())
    config = openai_config(openai_server, tmp_path / "cache")
    first = narrator.narrate(src, config, out_dir=tmp_path / "out")
    sentences = [s for s in first["segments"] if s["text"].startswith("Sentence ")]
    assert len(sentences) == 300
    full = openai_server.count("POST", SPEECH)
    assert full == len(first["segments"])  # every distinct take once

    # unchanged: zero engine requests (up to date), also into a fresh output folder (cache)
    narrator.narrate(src, config, out_dir=tmp_path / "out")
    again = narrator.narrate(src, config, out_dir=tmp_path / "elsewhere")
    assert openai_server.count("POST", SPEECH) == full
    assert again["stats"]["synthesized"] == 0 and again["stats"]["cached"] == len(first["segments"])

    # one edited sentence: exactly that one is synthesized, every other take reused byte for byte
    cache = Cache(tmp_path / "cache")
    before = {s["id"]: cache.get(s["take"]).read_bytes() for s in first["segments"]}
    src.write_text(lesson_300(edit=150))
    edited = narrator.narrate(src, config, out_dir=tmp_path / "out")
    new_requests = openai_server.seen("POST", SPEECH)[full:]
    changed = [s["text"] for s in edited["segments"] if "edited" in s["text"]]
    assert len(changed) == 1 and changed[0].startswith("Sentence 150 was edited")
    assert [r.json["input"] for r in new_requests] == [s["spoken"] for s in edited["segments"]
                                                       if "edited" in s["text"]]
    n = len(first["segments"])
    assert edited["stats"] == {"segments": n, "synthesized": 1, "cached": n - 1, "failed": 0}
    for old, new in zip(first["segments"], edited["segments"]):
        assert old["id"] == new["id"]
        if old["text"] == new["text"]:
            assert new["take"] == old["take"]
            assert cache.get(new["take"]).read_bytes() == before[old["id"]]
        else:
            assert new["take"] != old["take"]


@pytest.fixture(scope="module")
def webui():
    server = start_webui("2", "en_US")
    yield server
    server.close()


def test_voice_emotion_and_engine_changes_invalidate_exactly_what_they_affect(tmp_path: Path, webui) -> None:
    src = tmp_path / "lesson.html"
    src.write_text("<h1>Lesson</h1><h2>Start</h2><p>We begin calmly today.</p>"
                   "<p><strong>This part is exciting!</strong></p><p>Back to normal now.</p>")
    voice_a, voice_b = tmp_path / "a.wav", tmp_path / "b.wav"
    voice_a.write_bytes(speech_wav("This is voice A."))
    voice_b.write_bytes(speech_wav("This is a different voice, B."))
    cache = tmp_path / "cache"

    def build(voice: Path, out: str, **extra) -> dict:
        config = load_config(overrides={"engine.servers": [webui.url], "engine.voice_file": str(voice),
                                        "cache_dir": str(cache), "output.format": "wav",
                                        "output.book": "none", **extra})
        return narrator.narrate(src, config, out_dir=tmp_path / out)

    calls = lambda: len(webui.recorder.calls)  # noqa: E731
    start = calls()
    first = build(voice_a, "a")
    n = len(first["segments"])
    assert calls() - start == n
    excited = [s["text"] for s in first["segments"] if s["emotion"] == "excited"]
    assert excited == ["This part is exciting!"]

    # a new emotion preset vector: only the excited sentence is synthesized again
    mark = calls()
    build(voice_a, "b", **{"emotions": {"excited": {"indextts2": {"vector": [0.5, 0, 0, 0, 0, 0, 0.3, 0]}}}})
    assert [c["text"] for c in webui.recorder.calls[mark:]] == excited

    # a new voice file: every take is made again
    mark = calls()
    build(voice_b, "c")
    assert sorted(c["text"] for c in webui.recorder.calls[mark:]) == sorted(s["spoken"] for s in first["segments"])

    # back to voice A: nothing to do
    mark = calls()
    build(voice_a, "d")
    assert calls() == mark

    # --force asks again for everything
    build(voice_a, "e", force=True)
    assert calls() - mark == n


def test_cache_command_reports_and_prunes(tmp_path: Path, openai_server) -> None:
    import subprocess
    import sys

    src = tmp_path / "lesson.html"
    src.write_text("<h1>Short</h1><p>One sentence here. And a second one.</p>")
    config = openai_config(openai_server, tmp_path / "cache")
    manifest = narrator.narrate(src, config, out_dir=tmp_path / "out")
    keep = {s["take"] for s in manifest["segments"]}
    stray = Cache(tmp_path / "cache")
    stray.put("f" * 64, speech_wav("A take nobody uses any more."))

    def cache_cmd(*args: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "narrator", "cache", "--cache-dir", str(tmp_path / "cache"), *args],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    assert f"{len(keep) + 1} takes" in cache_cmd()
    out = cache_cmd("--prune", "--keep", str(tmp_path / "out" / "manifest.json"))
    assert "removed 1 takes" in out and f": {len(keep)} takes" in out
    assert stray.get("f" * 64) is None and all(stray.get(k) for k in keep)
    assert "removed 0 takes" in cache_cmd("--prune", "--older-than", "1")
    assert f"removed {len(keep)} takes" in cache_cmd("--prune", "--older-than", "0")


def small_lesson(edit: bool = False, extra: str = "") -> str:
    """Three chapters of five sentences; ``edit`` rewords one sentence of Part 2 and reads it
    excited (a little louder: the programme's measurement moves by about a tenth of a dB)."""
    parts = ["<h1>Rebuilds</h1>"]
    for c in range(3):
        sentences = [f"Sentence {c}-{i} talks quietly about the river and the stone." for i in range(5)]
        if edit and c == 1:
            sentences[2] = f"<strong>Sentence {c}-2 was changed a little!</strong>"
        parts.append(f"<h2>Part {c + 1}</h2><p>{' '.join(sentences)}</p>")
    return "".join(parts) + extra


# A chapter read in a loud voice: enough to move the programme's loudness by dBs, not hundredths.
SHOUTING = ('<h2>Shouting</h2><p data-emotion="angry">'
            + " ".join(f"Stop shouting number {i} at the top of your voice!" for i in range(12)) + "</p>")
LOUD = {"emotions": {"angry": {"espeak": {"volume": 200}}}}


def file_states(out: Path, manifest: dict) -> dict[str, tuple[int, int, bytes]]:
    """(inode, mtime_ns, bytes) of every chapter file and of the book, by manifest name."""
    names = [c["file"] for c in manifest["chapters"]] + [manifest["audio"]["book"]]
    return {n: ((out / n).stat().st_ino, (out / n).stat().st_mtime_ns, (out / n).read_bytes()) for n in names}


def test_one_edit_encodes_only_its_chapter_and_the_book_again(tmp_path: Path, openai_server) -> None:
    src, out = tmp_path / "lesson.html", tmp_path / "out"
    src.write_text(small_lesson())
    config = openai_config(openai_server, tmp_path / "cache", **{"output.format": "mp3", "output.book": "m4b"})
    first = narrator.narrate(src, config, out_dir=out)
    before = file_states(out, first)
    requests = openai_server.count("POST", SPEECH)

    src.write_text(small_lesson(edit=True))
    edited = narrator.narrate(src, config, out_dir=out)
    assert openai_server.count("POST", SPEECH) == requests + 1
    after = file_states(out, edited)
    assert after.keys() == before.keys()
    (changed,) = [c["file"] for c in edited["chapters"] if c["title"] == "Part 2"]
    for name, (inode, mtime, data) in after.items():
        if name in (changed, edited["audio"]["book"]):
            assert data != before[name][2] and inode != before[name][0], name  # encoded anew
        else:
            assert (inode, mtime, data) == before[name], f"{name} was rewritten"
    assert edited["loudness"]["gain_db"] == first["loudness"]["gain_db"]
    old = {c["index"]: c for c in first["chapters"]}
    for c in edited["chapters"]:
        assert (c["pcm_sha256"] == old[c["index"]]["pcm_sha256"]) == (c["file"] != changed)
        assert (c["build"]["book_key"] == old[c["index"]]["build"]["book_key"]) == (c["file"] != changed)


def programme_loudness(out: Path, manifest: dict, tmp_path: Path) -> float:
    """The published book, decoded and measured by pyloudnorm (as a listener's meter would)."""
    import wave

    import numpy as np
    import pyloudnorm

    from helpers import decode_wav

    decoded = decode_wav(out / manifest["audio"]["book"], tmp_path / "book.wav")
    with wave.open(str(decoded)) as w:
        rate = w.getframerate()
        samples = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32768
    return pyloudnorm.Meter(rate).integrated_loudness(samples)


def test_a_kept_gain_holds_the_programme_at_the_target(tmp_path: Path) -> None:
    src, out = tmp_path / "lesson.html", tmp_path / "out"
    config = load_config(overrides={"cache_dir": str(tmp_path / "cache")})
    src.write_text(small_lesson())
    first = narrator.narrate(src, config, out_dir=out)
    src.write_text(small_lesson(edit=True))
    edited = narrator.narrate(src, config, out_dir=out)
    loudness = edited["loudness"]
    # The edit moved the measurement a little: the previous gain was kept, not the new one.
    assert loudness["gain_db"] == first["loudness"]["gain_db"] != loudness["fresh_gain_db"]
    assert abs(loudness["gain_db"] - loudness["fresh_gain_db"]) <= 0.25
    target = config.output.loudness
    assert abs(programme_loudness(out, edited, tmp_path) - target) <= 1.0
    assert abs(loudness["integrated_lufs"] - target) <= 0.25
    assert loudness["true_peak_dbtp"] <= config.output.true_peak


def test_a_loud_new_chapter_does_not_keep_a_stale_gain(tmp_path: Path) -> None:
    src, out = tmp_path / "lesson.html", tmp_path / "out"
    config = load_config(overrides={"cache_dir": str(tmp_path / "cache"), **LOUD})
    src.write_text(small_lesson())
    first = narrator.narrate(src, config, out_dir=out)
    before = file_states(out, first)
    src.write_text(small_lesson(extra=SHOUTING))
    louder = narrator.narrate(src, config, out_dir=out)
    assert louder["chapters"][-1]["title"] == "Shouting"
    loudness = louder["loudness"]
    assert loudness["gain_db"] == loudness["fresh_gain_db"]
    assert first["loudness"]["gain_db"] - loudness["gain_db"] > 1.0  # far beyond the tolerance
    assert abs(programme_loudness(out, louder, tmp_path) - config.output.loudness) <= 1.0
    # With the new gain, every chapter's samples changed: no stale file was kept.
    for name, (inode, _, data) in before.items():
        if name in file_states(out, louder):
            assert (out / name).read_bytes() != data and (out / name).stat().st_ino != inode, name
