"""A teacher's corrections file (narrator.script.corrections), exactly: what is read from it and
every problem named, what is written back (comments kept, defaults left out), how a correction
finds its sentence again, and what applying it changes in the script."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from narrator.config import Config
from narrator.errors import ConfigError
from narrator.script.corrections import (
    Corrections,
    Pronunciation,
    SentenceFix,
    apply,
    corrections_path,
    fix_for,
    load,
    match,
    replace_fix,
    save,
    sentence_key,
    still_skipped,
    with_pronunciations,
)
from narrator.values import Block, Run, Script, ScriptChapter, Segment, Skipped


def problems(tmp_path: Path, body: str | bytes) -> list[str]:
    path = tmp_path / "lesson.narration.toml"
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    with pytest.raises(ConfigError) as e:
        load(path)
    assert e.value.source == str(path)
    return e.value.problems


# -- reading ------------------------------------------------------------------------------------


def test_the_file_beside_the_lesson_and_the_sentence_key() -> None:
    assert corrections_path("course/lesson.html") == Path("course/lesson.narration.toml")
    assert corrections_path(Path("a.b/lesson.v2.htm")) == Path("a.b/lesson.v2.narration.toml")
    assert sentence_key("  The  Loire\n is\tlong. ") == "The Loire is long."


def test_a_missing_file_is_no_corrections(tmp_path: Path) -> None:
    found = load(tmp_path / "none.narration.toml")
    assert found == Corrections(path=str(tmp_path / "none.narration.toml")) and not found


def test_every_field_is_read_with_texts_collapsed_and_takes_at_least_the_take(tmp_path: Path) -> None:
    path = tmp_path / "l.narration.toml"
    path.write_text(
        "\ufeff# mine\n[[sentence]]\ntext = \"The  Loire\\n is long.\"\nbefore = ' Rivers. '\nspoken = 'The  Lwahr'\n"
        "emotion = 'calm'\nvoice = 'B'\ntake = 3\ntakes = 2\nskip = true\nreviewed = true\n"
        "[[sentence]]\ntext = 'Yes.'\n"
        "[[pronunciation]]\nword = 'Nguyen'\nsay = 'Win'\nlang = 'en'\nreviewed = true\n"
        "[[pronunciation]]\nword = '重庆'\nsay = 'chong2 qing4'\n", "utf-8")
    found = load(path)
    assert found.sentences == (
        SentenceFix("The Loire is long.", "Rivers.", "The  Lwahr", "calm", "B", 3, 3, True, True),
        SentenceFix("Yes."))
    assert found.pronunciations == (Pronunciation("Nguyen", "Win", "en", True), Pronunciation("重庆", "chong2 qing4"))
    assert found.path == str(path) and found
    assert found.fingerprint() == [
        [("The Loire is long.", "Rivers.", "The  Lwahr", "calm", "B", 3, 3, True, True),
         ("Yes.", "", "", "", "", 1, 1, False, False)],
        [("Nguyen", "Win", "en", True), ("重庆", "chong2 qing4", "*", False)]]
    assert Corrections(pronunciations=(Pronunciation("a", "b"),)) and not Corrections()


def test_every_problem_of_a_file_is_named(tmp_path: Path) -> None:
    assert problems(tmp_path, b"[[sentence]]\ntext = '\xff'\n") == ["not UTF-8 text: save it as UTF-8"]
    assert problems(tmp_path, "text = = 3\n")[0].startswith("cannot read: ")
    assert problems(tmp_path, (
        "[extra]\n[[other]]\n"
        "[[sentence]]\ntext = 'A.'\ntake = 0\n"
        "[[sentence]]\ntext = 'B.'\ntake = true\n"
        "[[sentence]]\ntext = 'C.'\nskip = 1\n"
        "[[sentence]]\ntext = 5\n"
        "[[sentence]]\ntext = '  '\n"
        "[[sentence]]\ntake = 2\n"
        "[[sentence]]\ntext = 'D.'\ncolour = 'red'\nsize = 1\n"
        "[[sentence]]\ntext = 'E.'\nspoken = 3\ntakes = 'x'\n"
        "[[pronunciation]]\nword = 'x'\nsay = ' '\n"
        "[[pronunciation]]\nsay = 'y'\n")) == [
        "unknown section(s): extra, other (known: sentence, pronunciation)",
        "sentence 1: 'take' must be a whole number from 1",
        "sentence 2: 'take' must be a whole number from 1",
        "sentence 3: 'skip' must be true or false",
        "sentence 4: 'text' is missing",
        "sentence 5: 'text' is missing",
        "sentence 6: 'text' is missing",
        "sentence 7: unknown key(s) colour, size (known: text, before, spoken, emotion, voice, take, takes, "
        "skip, reviewed)",
        "sentence 8: 'spoken' must be text",  # the first bad value of an entry
        "pronunciation 2: 'word' is missing",
        "pronunciation of 'x': 'say' is empty"]
    assert problems(tmp_path, "sentence = 3\npronunciation = [1, 'x']\n") == [
        "[[sentence]] must be an array of tables", "pronunciation 1: not a table", "pronunciation 2: not a table"]
    assert problems(tmp_path, "[[pronunciation]]\nword = 'x'\nsay = 'y'\nreviewed = 'yes'\n") == [
        "pronunciation 1: 'reviewed' must be true or false"]


# -- writing ------------------------------------------------------------------------------------


def test_save_writes_only_what_differs_from_the_defaults_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "lesson.narration.toml"
    fixes = Corrections((SentenceFix("Yes."), SentenceFix("No.", take=2, takes=2, reviewed=True)),
                        (Pronunciation("Nguyen", "Win", "en"), Pronunciation("x", "y")))
    save(fixes, path)
    text = path.read_text("utf-8")
    assert text == (
        "# Corrections for lesson: kept by narrate (narrate redo, narrate review) and by hand.\n\n"
        '[[sentence]]\ntext = "Yes."\n\n'
        '[[sentence]]\ntext = "No."\ntake = 2\ntakes = 2\nreviewed = true\n\n'
        '[[pronunciation]]\nword = "Nguyen"\nsay = "Win"\nlang = "en"\n\n'
        '[[pronunciation]]\nword = "x"\nsay = "y"\n')
    assert load(path) == replace(fixes, path=str(path))


def test_save_keeps_the_teachers_comments_and_drops_emptied_sections(tmp_path: Path) -> None:
    path = tmp_path / "lesson.narration.toml"
    path.write_text("# my own notes\n\n[[pronunciation]]\nword = 'a'\nsay = 'b'\n", "utf-8")
    save(Corrections((SentenceFix("Yes.", skip=True),)), path)
    assert path.read_text("utf-8") == '# my own notes\n\n\n[[sentence]]\ntext = "Yes."\nskip = true\n'
    save(Corrections((SentenceFix("Yes.", skip=True),)), path)  # saved again: the same file
    assert path.read_text("utf-8") == '# my own notes\n\n\n[[sentence]]\ntext = "Yes."\nskip = true\n'
    save(Corrections(), path)
    assert path.read_text("utf-8") == "# my own notes\n\n\n"


# -- applying -----------------------------------------------------------------------------------


def seg(sid: str, text: str, *, chapter: int = 1, source: str = "", voice: str = "") -> Segment:
    return Segment(sid, chapter, text, text.lower(), "en", "neutral", "sentence", 300, source=source, voice=voice)


def script(*chapters: tuple[Segment, ...]) -> Script:
    return Script("L", "en", tuple(ScriptChapter(i + 1, f"C{i + 1}", c) for i, c in enumerate(chapters)),
                  warnings=("earlier",), skipped=(Skipped("#x", "code block", "code"),))


def test_pronunciations_join_the_lexicon_and_win(tmp_path: Path) -> None:
    config = Config(lexicon={"en": {"Rhone": "Roan"}, "*": {"GIF": "jif"}})
    assert with_pronunciations(config, Corrections()) is config
    done = with_pronunciations(config, Corrections(pronunciations=(
        Pronunciation("Rhone", "Rone", "en"), Pronunciation("银行", "yin2 hang2", "zh"), Pronunciation("X", "ex", ""))))
    assert done.lexicon == {"en": {"Rhone": "Rone"}, "*": {"GIF": "jif", "X": "ex"}, "zh": {"银行": "yin2 hang2"}}
    assert config.lexicon == {"en": {"Rhone": "Roan"}, "*": {"GIF": "jif"}}  # not changed


def test_a_fix_finds_its_sentence_by_text_and_the_one_before_when_repeated() -> None:
    segs = [seg("a", "Yes."), seg("b", "Why?"), seg("c", "Yes."), seg("d", "No."), seg("e", "Yes.")]
    found, lost = match(segs, [SentenceFix("Why?")])
    assert found == {"b": SentenceFix("Why?")} and lost == []
    after_why = SentenceFix("Yes.", before="Why?")
    found, lost = match(segs, [after_why])
    assert found == {"c": after_why}
    nowhere = SentenceFix("Yes.", before="Maybe.")  # the sentence before changed: every one
    assert match(segs, [nowhere])[0] == {"a": nowhere, "c": nowhere, "e": nowhere}
    first = SentenceFix("Yes.", before="Why? ")  # not a key: matches nothing before, so all
    assert set(match(segs, [first])[0]) == {"a", "c", "e"}
    alone = SentenceFix("Why?", before="Other.")  # one place: before does not matter
    assert match(segs, [alone])[0] == {"b": alone}
    gone = SentenceFix("Gone.")
    assert match(segs, [gone, after_why]) == ({"c": after_why}, [gone])
    # the first segment has no sentence before it, even if the last one's text is the fix's before
    loop = [seg("a", "Yes."), seg("b", "No."), seg("c", "Yes.")]
    assert match(loop, [SentenceFix("Yes.", before="Yes.")])[0].keys() == {"a", "c"}
    assert match(loop, [SentenceFix("Yes.", before="No.")])[0].keys() == {"c"}


def test_apply_changes_the_spoken_form_emotion_take_and_voice_and_reports_the_rest() -> None:
    long = "A sentence that is much longer than sixty characters, so it is cut short."
    s = script((seg("c01-s1", "Yes.", voice="A"), seg("c01-s2", long, source="#p2"), seg("c01-s3", "Stay.")),
               (seg("c02-s1", "Only.", chapter=2),))
    corrections = Corrections((
        SentenceFix("Yes.", spoken="Yeah 2", emotion="calm", take=2, takes=3),
        SentenceFix(long, skip=True),
        SentenceFix("Stay.", emotion="grumpy", voice="B"),
        SentenceFix("Only.", skip=True),
        SentenceFix("Gone sentence that was once in the lesson and is no longer there at all."),
    ), path="/x/lesson.narration.toml")
    said: list[tuple[str, str]] = []
    done = apply(s, corrections, Config(), lambda text, lang: said.append((text, lang)) or text.upper())
    assert said == [("Yeah 2", "en")]
    assert [c.index for c in done.chapters] == [1]  # a chapter with every sentence skipped is gone
    yes, stay = done.chapters[0].segments
    assert (yes.spoken, yes.emotion, yes.take, yes.takes, yes.voice) == ("YEAH 2", "calm", 2, 3, "A")
    assert (stay.spoken, stay.emotion, stay.take, stay.takes, stay.voice) == ("stay.", "neutral", 1, 1, "B")
    assert done.warnings == (
        "earlier",
        "lesson.narration.toml: a correction matches no sentence any more: "
        "'Gone sentence that was once in the lesson and is no longe...'",
        "lesson.narration.toml: unknown emotion 'grumpy' for 'Stay.': read as 'neutral'")
    assert done.skipped == (
        Skipped("#x", "code block", "code"),
        Skipped("#p2", "sentence", "skipped by a correction in lesson.narration.toml: "
                "'A sentence that is much longer than sixty characters, so ...'", len(long)),
        Skipped("c02-s1", "sentence", "skipped by a correction in lesson.narration.toml: 'Only.'", 5))
    assert apply(s, Corrections(), Config(), lambda t, lang: t) is s
    unnamed = apply(s, Corrections((SentenceFix("Nope."),)), Config(), lambda t, lang: t)
    assert unnamed.warnings[-1] == "corrections: a correction matches no sentence any more: 'Nope.'"
    assert unnamed.chapters == s.chapters
    # exactly sixty characters are not cut
    sixty = "x" * 60
    assert apply(s, Corrections((SentenceFix(sixty),)), Config(), str).warnings[-1].endswith(f"{sixty!r}")
    sixty_one = "y" * 61
    assert apply(s, Corrections((SentenceFix(sixty_one),)), Config(), str).warnings[-1].endswith(
        repr("y" * 57 + "..."))


def test_skips_whose_sentence_is_still_on_the_page() -> None:
    block = Block("paragraph", (Run("Stay  here. And  go."),))
    s = Script("L", "en", (ScriptChapter(1, "C", (), (block,)),))
    fixes = [SentenceFix("And go.", skip=True), SentenceFix("Gone.", skip=True), SentenceFix("Stay here.")]
    assert still_skipped(s, fixes) == [fixes[0]]


def test_the_fix_of_a_segment_and_replacing_it() -> None:
    a, b = seg("a", "Why?"), seg("b", "Yes.  Sure.")
    plain = SentenceFix("Yes. Sure.", take=2)
    other = SentenceFix("Yes. Sure.", before="No.", take=3)
    exact = SentenceFix("Yes. Sure.", before="Why?", take=4)
    assert fix_for(Corrections((other, exact)), b, a) is exact
    assert fix_for(Corrections((other, plain)), b, a) is plain  # a fix without before fits anywhere
    assert fix_for(Corrections((other,)), b, a) == SentenceFix("Yes. Sure.", before="Why?")
    assert fix_for(Corrections((other,)), b, None) == SentenceFix("Yes. Sure.")
    c = Corrections((plain, other), path="p")
    new = replace(plain, skip=True)
    assert replace_fix(c, plain, new) == Corrections((new, other), path="p")
    assert replace_fix(c, exact, new) == Corrections((plain, other, new), path="p")  # not there: added
    assert replace_fix(c, plain, other) == Corrections((other, other), path="p")
    # a fix that decides nothing any more leaves the file
    assert replace_fix(c, plain, SentenceFix("Yes. Sure.")) == Corrections((other,), path="p")
    assert replace_fix(c, other, SentenceFix("Yes. Sure.", before="No.")) == Corrections((plain,), path="p")


def test_save_reads_a_file_a_windows_editor_saved_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "lesson.narration.toml"
    path.write_text("\ufeff# mine\n", "utf-8")
    save(Corrections((SentenceFix("Yes."),)), path)
    assert path.read_bytes() == b'# mine\n\n[[sentence]]\ntext = "Yes."\n'


def test_the_first_take_may_be_written_out(tmp_path: Path) -> None:
    path = tmp_path / "lesson.narration.toml"
    path.write_text("[[sentence]]\ntext = 'Yes.'\ntake = 1\ntakes = 1\n", "utf-8")
    assert load(path).sentences == (SentenceFix("Yes."),)
