"""The manifest schema: built from a Script and a Programme, saved, loaded back unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from narrator.values import (
    ChapterAudio,
    Programme,
    Script,
    ScriptChapter,
    Segment,
    SegmentTiming,
)
from narrator.errors import BadInput
from narrator.publishing.manifest import build_manifest, listed_files, load_manifest, save_manifest


def _lesson() -> tuple[Script, Programme]:
    segs1 = (Segment("c01-s0001", 1, "Hi.", "Hi.", "en", "calm", "sentence", 250, ("strong",), "#a"),
             Segment("c01-s0002", 1, "你好。", "ni3 hao3", "zh", "warm", "end", 0, (), "#b"))
    segs2 = (Segment("c02-s0001", 2, "Gone.", "Gone.", "en", "neutral", "end", 0),)
    segs3 = (Segment("c03-s0001", 3, "Last.", "Last.", "en", "serious", "end", 0),)
    script = Script("Title", "en", (ScriptChapter(1, "One", segs1), ScriptChapter(2, "Two", segs2),
                                    ScriptChapter(3, "Three", segs3)), "lesson.html", "cd" * 32)
    programme = Programme(22050, (
        ChapterAudio(1, "One", Path("1.wav"), 3.3333333, (SegmentTiming("c01-s0001", 0.7, 1.23456),
                                                          SegmentTiming("c01-s0002", 1.48456, 2.0004))),
        ChapterAudio(3, "Three", Path("3.wav"), 2.0, (SegmentTiming("c03-s0001", 0.5, 1.5),)),
    ), {"integrated_lufs": -19.02, "gain_db": 1.5})
    return script, programme


def _build(**kw):
    script, programme = _lesson()
    files = {1: {"file": "chapters/01-one.mp3", "captions": "chapters/01-one.vtt"},
             3: {"file": "chapters/03-three.mp3", "captions": None}}
    return build_manifest(script, programme, files=files, audio_format="mp3", book="title.m4b",
                          book_captions="title.vtt", chapters_track="chapters.vtt", player="index.html",
                          engine_info={"name": "espeak", "voice": "en", "fingerprint": "x"},
                          stats={"segments": 4, "synthesized": 1, "cached": 2, "failed": 1},
                          take_keys={"c01-s0001": "k1", "c03-s0001": "k3"}, **kw)


def test_schema_and_values() -> None:
    m = _build(build={"key": "abc", "narrator": "0.1.0"})
    assert m["version"] == 1
    assert m["source"] == {"path": "lesson.html", "sha256": "cd" * 32}
    assert m["audio"] == {"sample_rate": 22050, "format": "mp3", "book": "title.m4b", "duration": 5.333,
                          "captions": "title.vtt", "chapters": "chapters.vtt"}
    assert m["chapters"] == [
        {"index": 1, "title": "One", "file": "chapters/01-one.mp3", "start": 0.0, "duration": 3.333,
         "captions": "chapters/01-one.vtt"},
        {"index": 3, "title": "Three", "file": "chapters/03-three.mp3", "start": 3.333, "duration": 2.0,
         "captions": None}]
    # Chapter 2 failed: neither it nor its segments are listed.
    assert [s["id"] for s in m["segments"]] == ["c01-s0001", "c01-s0002", "c03-s0001"]
    first, second, third = m["segments"]
    assert (first["start"], first["end"], first["book_start"], first["book_end"]) == (0.7, 1.235, 0.7, 1.235)
    assert (second["spoken"], second["lang"], second["emotion"], second["take"]) == ("ni3 hao3", "zh", "warm", None)
    assert first["marks"] == ["strong"] and first["source"] == "#a" and first["pause_after_ms"] == 250
    assert (third["start"], third["book_start"], third["book_end"]) == (0.5, 3.833, 4.833)
    assert m["loudness"] == {"integrated_lufs": -19.02, "gain_db": 1.5}
    assert m["build"] == {"key": "abc", "narrator": "0.1.0"} and m["player"] == "index.html"
    assert _build()["build"] is None


def test_round_trip_through_json(tmp_path: Path) -> None:
    m = _build()
    save_manifest(m, tmp_path / "manifest.json")
    assert load_manifest(tmp_path / "manifest.json") == m
    raw = (tmp_path / "manifest.json").read_text("utf-8")
    assert "你好。" in raw  # readable UTF-8, not \u escapes
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


def test_listed_files() -> None:
    assert listed_files(_build()) == {"title.m4b", "title.vtt", "chapters.vtt", "index.html",
                                      "chapters/01-one.mp3", "chapters/01-one.vtt", "chapters/03-three.mp3"}


@pytest.mark.parametrize("content, message", [
    (None, "no such manifest"), ("{not json", "cannot read manifest"), ("[]", "not a narrator manifest"),
    (json.dumps({"version": 2, "chapters": []}), "version 2 is not supported")])
def test_load_rejects_what_is_not_a_v1_manifest(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "manifest.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(BadInput, match=message) as err:
        load_manifest(path)
    assert str(path) in str(err.value)
