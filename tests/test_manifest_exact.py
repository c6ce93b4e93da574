"""The manifest as a player, a build script and the next build read it, field by field: every
optional part (book starts, encoded files and book pieces, speech checks, word times, other
takes, voices, SRT files, what was skipped), the build records read back whole or not at all,
the cache keys and files it names, and a broker's password never written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from narrator.publishing.manifest import (
    build_manifest,
    dumps,
    listed_files,
    load_manifest,
    previous_chapter,
    save_manifest,
    take_keys,
    without_password,
    word_times,
)
from narrator.values import (
    BookPiece,
    ChapterAudio,
    FileRecord,
    Level,
    LoudnessBlocks,
    Programme,
    Samples,
    Script,
    ScriptChapter,
    Segment,
    SegmentTiming,
    Skipped,
)

ONE = (Segment("c01-s0001", 1, "Hi.", "Hi.", "en", "calm", "sentence", 250, (), "#a", voice="A", take=2, takes=3),
       Segment("c01-s0002", 1, "Bye.", "Bye.", "en", "warm", "end", 0, (), "#b"))
TWO = (Segment("c02-s0001", 2, "Two.", "Two.", "en", "neutral", "end", 0, (), "#c"),
       Segment("c02-s0002", 2, "Not heard.", "Not heard.", "en", "neutral", "end", 0, (), "#d"))
SCRIPT = Script("Title", "en", (ScriptChapter(1, "One", ONE), ScriptChapter(2, "Two", TWO)), "lesson.html",
                "ab" * 32, skipped=(Skipped("#t", "table", "too wide to read", 120, 7),))
SAMPLES = Samples("recipe1", "raw1", 44100, ((0, 100), (150, 300)))
AUDIO1 = ChapterAudio(1, "One", Path("1.wav"), 2.5, (SegmentTiming("c01-s0001", 0.5, 1.0),
                                                     SegmentTiming("c01-s0002", 1.2, 2.0)),
                      pcm_sha256="pcm1", samples=SAMPLES, blocks=LoudnessBlocks("bs1770", "-20000,-19000"),
                      level=Level(1.5, -1.25))
AUDIO2 = ChapterAudio(2, "Two", Path("2.wav"), 1.5, (SegmentTiming("c02-s0001", 0.25, 1.0),), pcm_sha256="pcm2")
PROGRAMME = Programme(22050, (AUDIO1, AUDIO2), {"integrated_lufs": -19.0})
FILES = {1: {"file": "01.mp3", "captions": "01.vtt", "srt": "01.srt"}, 2: {"file": "02.mp3", "captions": None}}
PIECE = BookPiece("bk1", "bsha1", 1000, 55125, 64)


def build(**kw):
    return build_manifest(SCRIPT, PROGRAMME, files=FILES, audio_format="mp3", book="t.m4b",
                          engine_info={"name": "espeak"}, stats={"segments": 4},
                          take_keys={"c01-s0001": "key1", "c01-s0002": "key2"}, **kw)


def test_every_optional_part_is_written_where_a_player_looks_for_it() -> None:
    m = build(book_starts={1: 0.1, 2: 2.65},
              encoded={1: FileRecord("01.mp3", "fk1", "fsha1"), 2: FileRecord("02.mp3", "fk2", "fsha2")},
              pieces={1: PIECE},
              segment_info={"c01-s0001": {"verify": {"heard": "hi", "passed": True}, "takes": ["key1", "old1"],
                                          "words": [("Hi.", -0.1, 0.3)]},
                            "c02-s0001": {"words": [("Two.", 0.05, 2.0)]}})
    assert m["chapters"] == [
        {"index": 1, "title": "One", "file": "01.mp3", "start": 0.1, "duration": 2.5, "captions": "01.vtt",
         "srt": "01.srt", "pcm_sha256": "pcm1",
         "build": {"recipe": "recipe1", "raw_sha256": "raw1", "frames": 44100, "timings": [[0, 100], [150, 300]],
                   "loudness_blocks": {"meter": "bs1770", "milli_lufs": "-20000,-19000"},
                   "margin_db": 1.5, "true_peak_dbtp": -1.25, "file_key": "fk1", "file_sha256": "fsha1",
                   "book_key": "bk1", "book_sha256": "bsha1", "book_bytes": 1000, "book_samples": 55125,
                   "book_lead": 64}},
        {"index": 2, "title": "Two", "file": "02.mp3", "start": 2.65, "duration": 1.5, "captions": None,
         "pcm_sha256": "pcm2", "build": {"file_key": "fk2", "file_sha256": "fsha2"}},
    ]
    first, second, third = m["segments"]  # c02-s0002 has no time in its chapter: not listed
    assert first == {"id": "c01-s0001", "chapter": 1, "text": "Hi.", "spoken": "Hi.", "lang": "en",
                     "emotion": "calm", "marks": [], "boundary": "sentence", "pause_after_ms": 250,
                     "source": "#a", "start": 0.5, "end": 1.0, "book_start": 0.6, "book_end": 1.1,
                     "take": "key1", "voice": "A", "take_number": 2, "takes": ["key1", "old1"],
                     "verify": {"heard": "hi", "passed": True},
                     "words": [{"text": "Hi.", "start": 0.5, "end": 0.8}]}  # kept inside the segment
    assert second == {"id": "c01-s0002", "chapter": 1, "text": "Bye.", "spoken": "Bye.", "lang": "en",
                      "emotion": "warm", "marks": [], "boundary": "end", "pause_after_ms": 0, "source": "#b",
                      "start": 1.2, "end": 2.0, "book_start": 1.3, "book_end": 2.1, "take": "key2"}
    assert (third["book_start"], third["book_end"], third["take"]) == (2.9, 3.65, None)
    assert third["words"] == [{"text": "Two.", "start": 0.3, "end": 1.0}]
    assert m["title"] == "Title" and m["lang"] == "en"
    assert m["engine"] == {"name": "espeak"} and m["stats"] == {"segments": 4}
    assert m["audio"]["duration"] == 4.0 and m["loudness"] == {"integrated_lufs": -19.0}
    assert m["skipped"] == [{"source": "#t", "what": "table", "reason": "too wide to read", "chars": 120, "rows": 7}]


def test_without_book_starts_chapters_follow_one_another_and_have_no_build_records() -> None:
    m = build()
    assert [(c["start"], c["duration"]) for c in m["chapters"]] == [(0.0, 2.5), (2.5, 1.5)]
    assert all("build" not in c and "pcm_sha256" not in c for c in m["chapters"])
    assert [s["book_start"] for s in m["segments"]] == [0.5, 1.2, 2.75]
    # one take of a sentence asked for three: which take it is, even without the list of keys
    assert m["segments"][0]["take_number"] == 2 and "takes" not in m["segments"][0]
    assert all("words" not in s and "verify" not in s for s in m["segments"])


def test_a_chapter_build_record_reads_back_as_it_was_written(tmp_path: Path) -> None:
    m = build(encoded={1: FileRecord("01.mp3", "fk1", "fsha1"), 2: FileRecord("02.mp3", "fk2", "fsha2")},
              pieces={1: PIECE})
    save_manifest(m, tmp_path / "manifest.json")
    back = load_manifest(tmp_path / "manifest.json")["chapters"]
    one, two = previous_chapter(back[0]), previous_chapter(back[1])
    assert (one.pcm_sha256, one.samples, one.raw_sha256, one.blocks, one.level, one.encoded, one.piece) == (
        "pcm1", SAMPLES, "raw1", LoudnessBlocks("bs1770", "-20000,-19000"), Level(1.5, -1.25),
        FileRecord("01.mp3", "fk1", "fsha1"), PIECE)
    assert (two.pcm_sha256, two.samples, two.raw_sha256, two.blocks, two.level, two.piece) == (
        "pcm2", None, None, None, None, None)
    assert two.encoded == FileRecord("02.mp3", "fk2", "fsha2")


GOOD = {"file": "01.mp3", "pcm_sha256": "pcm1",
        "build": {"recipe": "r", "raw_sha256": "raw", "frames": 10, "timings": [[0, 5], [6, 10]],
                  "loudness_blocks": {"meter": "m", "milli_lufs": "-1"}, "margin_db": 1, "true_peak_dbtp": -1.0,
                  "file_key": "fk", "file_sha256": "fs", "book_key": "bk", "book_sha256": "bs",
                  "book_bytes": 10, "book_samples": 20, "book_lead": 0}}


def spoiled(**changes: object) -> dict:
    build = dict(GOOD["build"]) | changes
    return {**GOOD, "build": {k: v for k, v in build.items() if v is not ...}}


def test_a_good_build_record_is_read_whole() -> None:
    got = previous_chapter(GOOD)
    assert got.samples == Samples("r", "raw", 10, ((0, 5), (6, 10)))
    assert (got.blocks, got.level) == (LoudnessBlocks("m", "-1"), Level(1.0, -1.0))
    assert got.encoded == FileRecord("01.mp3", "fk", "fs") and got.piece == BookPiece("bk", "bs", 10, 20, 0)
    assert got.pcm_sha256 == "pcm1" and got.raw_sha256 == "raw"


@pytest.mark.parametrize("changes, lost", [
    ({"recipe": 5}, "samples"), ({"recipe": ...}, "samples"), ({"frames": "10"}, "samples"),
    ({"timings": "0-5"}, "samples"), ({"timings": [[0, 5, 6]]}, "samples"), ({"timings": [[0, "5"]]}, "samples"),
    ({"timings": [(0, 5)]}, "samples"), ({"raw_sha256": 1}, "samples"),
    ({"loudness_blocks": "m"}, "blocks"), ({"loudness_blocks": {"meter": 1, "milli_lufs": "-1"}}, "blocks"),
    ({"loudness_blocks": {"meter": "m", "milli_lufs": -1}}, "blocks"),
    ({"margin_db": "1"}, "level"), ({"true_peak_dbtp": None}, "level"),
    ({"file_key": 3}, "encoded"), ({"file_sha256": ...}, "encoded"),
    ({"book_key": ...}, "piece"), ({"book_bytes": "many"}, "piece"), ({"book_bytes": -1}, "piece"),
    ({"book_samples": None}, "piece"), ({"book_lead": ...}, "piece"), ({"book_sha256": ...}, "piece"),
])
def test_a_damaged_build_record_loses_only_the_part_it_damages(changes: dict, lost: str) -> None:
    got = previous_chapter(spoiled(**changes))
    whole = previous_chapter(GOOD)
    for part in ("samples", "blocks", "level", "encoded", "piece"):
        assert (getattr(got, part) is None) == (part == lost), part
        if part != lost:
            assert getattr(got, part) == getattr(whole, part)


def test_what_is_not_a_chapter_entry_reads_as_nothing_to_reuse() -> None:
    for entry in (None, [], "x", {"build": "x", "pcm_sha256": 5}, {"file": 5, "build": GOOD["build"]}):
        got = previous_chapter(entry)
        assert got.pcm_sha256 is None and got.encoded is None
    assert previous_chapter({"file": 5, "build": GOOD["build"]}).piece == BookPiece("bk", "bs", 10, 20, 0)
    assert previous_chapter({"build": {"book_key": "k", "book_sha256": "s", "book_bytes": "12",
                                       "book_samples": 3.0, "book_lead": "1"}}).piece == BookPiece("k", "s", 12, 3, 1)


def test_word_times_move_to_the_segment_and_stay_inside_it() -> None:
    assert word_times([("a", 0.0, 0.4), ("b", 0.5, 0.9)], 10.0, 11.0) == [("a", 10.0, 10.4), ("b", 10.5, 10.9)]
    assert word_times([("a", -0.5, 0.2), ("b", 0.8, 1.7), ("c", 1.5, 2.0)], 10.0, 11.0) == [
        ("a", 10.0, 10.2), ("b", 10.8, 11.0), ("c", 11.0, 11.0)]
    assert word_times([("a", 0.5, 0.2)], 10.0, 11.0) == [("a", 10.5, 10.5)]  # never ends before it starts


def test_a_brokers_password_is_never_shown() -> None:
    assert without_password("redis://user:secret@host:6379/0") == "redis://user@host:6379/0"
    assert without_password("redis://:secret@host:6379/0") == "redis://host:6379/0"
    assert without_password("amqp://a:b:c@d@host/vh") == "amqp://a@host/vh"  # the last @ ends the user part
    for kept in ("redis://host:6379/0", "redis://user@host/1", "memory://"):
        assert without_password(kept) == kept


def test_the_files_and_takes_a_manifest_names() -> None:
    m = dict(build(segment_info={"c01-s0001": {"takes": ["key1", "old1", 7]}}))
    m |= {"epub": "t.epub", "scorm": "t-scorm.zip", "cartridge": "t.imscc", "player": "index.html",
          "images": ["images/a.png", None]}
    m["audio"] = dict(m["audio"], captions="t.vtt", chapters=None, srt="t.srt")
    assert listed_files(m) == {"t.m4b", "t.vtt", "t.srt", "t.epub", "t-scorm.zip", "t.imscc", "index.html",
                               "images/a.png", "01.mp3", "01.vtt", "01.srt", "02.mp3"}
    assert listed_files({"chapters": ["x", {"file": 3}], "images": None}) == set()
    assert take_keys(m) == {"key1", "old1", "key2"}
    assert take_keys({"segments": ["x", {"take": 5, "takes": "key9"}]}) == set()


def test_the_manifest_text_is_readable_json_ending_with_a_newline(tmp_path: Path) -> None:
    text = dumps({"title": "光合作用", "b": [1]})
    assert text == '{\n  "title": "光合作用",\n  "b": [\n    1\n  ]\n}\n'
    save_manifest({"version": 1, "chapters": [], "title": "é"}, tmp_path / "m.json")
    assert (tmp_path / "m.json").read_bytes() == '{\n  "version": 1,\n  "chapters": [],\n  "title": "é"\n}\n'.encode()
    assert json.loads((tmp_path / "m.json").read_text("utf-8"))["title"] == "é"


def test_chapters_follow_one_another_over_three_chapters_and_a_segment_without_time_is_skipped() -> None:
    three = (Segment("c03-s0001", 3, "Lost.", "Lost.", "en", "neutral", "sentence", 0),
             Segment("c03-s0002", 3, "Three.", "Three.", "en", "neutral", "end", 0))
    script = Script("T", "en", SCRIPT.chapters + (ScriptChapter(3, "Three", three),), "l.html", "ab" * 32)
    audio3 = ChapterAudio(3, "Three", Path("3.wav"), 1.0, (SegmentTiming("c03-s0002", 0.5, 0.9),))
    orphan = ChapterAudio(9, "Not in the script", Path("9.wav"), 0.5, ())
    m = build_manifest(script, Programme(22050, (AUDIO1, AUDIO2, audio3, orphan)),
                       files={**FILES, 3: {"file": "03.mp3", "captions": None}, 9: {"file": "09.mp3", "captions": None}},
                       audio_format="mp3", book=None, engine_info={}, stats={})
    assert [(c["index"], c["start"]) for c in m["chapters"]] == [(1, 0.0), (2, 2.5), (3, 4.0), (9, 5.0)]
    # the segment said nowhere is left out, the one after it is listed
    assert [(s["id"], s["book_start"]) for s in m["segments"] if s["chapter"] == 3] == [("c03-s0002", 4.5)]
    assert not [s for s in m["segments"] if s["chapter"] == 9]


def test_a_sentence_with_one_other_take_says_which_take_it_is() -> None:
    two = (Segment("c01-s0001", 1, "Hi.", "Hi.", "en", "calm", "end", 0, take=2, takes=2),)
    script = Script("T", "en", (ScriptChapter(1, "One", two),), "l.html", "ab" * 32)
    m = build_manifest(script, Programme(22050, (ChapterAudio(1, "One", Path("1.wav"), 1.0,
                                                                (SegmentTiming("c01-s0001", 0.0, 1.0),)),)),
                       files={1: {"file": "01.mp3", "captions": None}}, audio_format="mp3", book=None,
                       engine_info={}, stats={}, segment_info={"c01-s0001": {"takes": ["k1", "k2"]}})
    assert (m["segments"][0]["take_number"], m["segments"][0]["takes"]) == (2, ["k1", "k2"])


def test_what_is_not_a_manifest_is_named_in_one_line(tmp_path: Path) -> None:
    from narrator.errors import BadInput

    for content, problem in ((None, "no such manifest"), ("[]", "not a narrator manifest"),
                             ('{"version": 1, "chapters": {}}', "not a narrator manifest")):
        path = tmp_path / "manifest.json"
        path.unlink(missing_ok=True)
        if content is not None:
            path.write_text(content, "utf-8")
        with pytest.raises(BadInput) as err:
            load_manifest(path)
        assert str(err.value) == f"{path}: {problem}"
