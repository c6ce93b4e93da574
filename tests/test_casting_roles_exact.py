"""Who says each sentence (narrator.script.casting), exactly: the speaker labels found in a block
(name and the span not read), which labelled blocks make a dialogue, each sentence's role, the
labels cut out of sentences, the turn pauses, the warnings and the dry run's lines."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from narrator.config import Config, EngineConfig, Pauses, VoicesConfig
from narrator.script.casting import Casting, Line, Turn, cut_labels, find_lines, label_of, sentence_role, who_says_what
from narrator.values import NOTE, Block, Run, Script, ScriptChapter, Segment


def p(text: str, kind: str = "paragraph", context: frozenset[str] = frozenset()) -> Block:
    return Block(kind, (Run(text),), context=context)  # type: ignore[arg-type]


def row(*cells: str) -> Block:
    """A table row as the parser gives it: the cells' texts joined, (start, value start, end) each."""
    spans, at = [], 0
    for c in cells:
        spans.append((at, at, at + len(c)))
        at += len(c)
    return Block("cell", (Run("".join(cells)),), cells=tuple(spans))


# -- labels -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, turn", [
    ("A：你好！", Turn("A", 0, 2)),
    ("Teacher: Good morning.", Turn("Teacher", 0, 9)),
    ("  Teacher :  Good morning.", Turn("Teacher", 0, 13)),
    ("Narrator — Once upon a time.", Turn("Narrator", 0, 11)),
    ("Maria -- Hello there.", Turn("Maria", 0, 9)),
    ("Maria – Hello there.", Turn("Maria", 0, 8)),
    ("老师——同学们好。", Turn("老师", 0, 4)),
    ("**A:** hello", Turn("A", 0, 4)),
    ("Dr. Smith: Sit down, please.", Turn("Dr. Smith", 0, 11)),
    ("Student 2: I know!", Turn("Student 2", 0, 11)),
    ("Speaker B: Yes.", Turn("Speaker B", 0, 11)),
    ("学生A：我知道。", Turn("学生A", 0, 4)),
    ("Abcdefghijklmnopqrstuvwx: hi", Turn("Abcdefghijklmnopqrstuvwx", 0, 26)),  # 24 characters: a name
])
def test_a_label_at_the_start_names_the_speaker_and_the_span_not_read(text: str, turn: Turn) -> None:
    assert label_of(p(text)) == (turn,)
    assert label_of(p(text, "item")) == (turn,)


@pytest.mark.parametrize("text", [
    "Abcdefghijklmnopqrstuvwxy: hi",  # 25 characters: too long for a name
    "Note: read this.", "NOTE: read this.", "Time: 9:00 in the morning.", "注意：带好课本。",
    "Section 35: Presumption.", "Page 3: the answer.",  # a number after a word that is no role
    "A: 123", "A:", "A: ...",  # nothing said after it
    "the teacher: said it", "He said: this is not a speaker.", ": no name", "- A: item",
    "Mr. and Mrs. Smith: hello",
])
def test_what_is_not_a_speaker_label(text: str) -> None:
    assert label_of(p(text)) == ()


def test_only_paragraphs_items_and_rows_outside_notes_have_labels() -> None:
    assert label_of(p("A: Hello.", "heading")) == ()
    assert label_of(p("A: Hello.", "quote")) == ()
    assert label_of(p("A: Hello.", context=frozenset({NOTE}))) == ()
    assert label_of(p("A: Hello.", context=frozenset({"li"}))) == (Turn("A", 0, 3),)


def test_a_table_row_names_its_speaker_in_the_first_cell() -> None:
    assert label_of(row("Maria", "Hello there.")) == (Turn("Maria", 0, 5),)
    assert label_of(row("Maria：", "你好。")) == (Turn("Maria", 0, 6),)
    assert label_of(row(" 甲 ", "你是学生吗？")) == (Turn("甲", 0, 3),)
    assert label_of(row("Maria", "12:30")) == ()  # nothing said
    assert label_of(row("Total", "Hello")) == ()  # a field
    assert label_of(row("Maria Hello there.")) == ()  # one cell
    assert label_of(row("the man", "Hello.")) == ()


def test_later_labels_in_a_paragraph_follow_a_sentence_stop_and_name_a_role_or_a_repeated_name() -> None:
    assert label_of(p("A：你好！B：你好！")) == (Turn("A", 0, 2), Turn("B", 5, 7))
    assert label_of(p("A: Hi. B: Hello there.")) == (Turn("A", 0, 3), Turn("B", 7, 10))
    assert label_of(p("A: Hi.\nB: Hello there.")) == (Turn("A", 0, 3), Turn("B", 7, 10))
    assert label_of(p("A: “Hi.” B: Hello.")) == (Turn("A", 0, 3), Turn("B", 9, 12))
    # a later label is only a colon one
    assert label_of(p("A: Hi. B — Hello there.")) == (Turn("A", 0, 3),)
    # Chinese names said once after the first are not taken (a colon in prose); said twice, they are
    assert label_of(p("小明：你好。小红：好。")) == (Turn("小明", 0, 3),)
    assert label_of(p("小明：你好。小红：好。小明：再见。")) == (
        Turn("小明", 0, 3), Turn("小明", 11, 14))
    assert label_of(p("小明：你好。老师：好。")) == (Turn("小明", 0, 3), Turn("老师", 6, 9))
    assert label_of(p("小明：你好。王芳：好。"), frozenset({"王芳"})) == (Turn("小明", 0, 3), Turn("王芳", 6, 9))
    assert label_of(p("小明：你好。Maria: Yes.")) == (Turn("小明", 0, 3), Turn("Maria", 6, 13))
    # no label after the last stop, or in the middle of a sentence
    assert label_of(p("A: Hi. B:")) == (Turn("A", 0, 3),)
    assert label_of(p("A: Hi and B: Hello.")) == (Turn("A", 0, 3),)
    assert label_of(p("Hello. B: there.")) == ()  # none at the start: none at all


# -- dialogues ---------------------------------------------------------------------------------------


def dialogue_of(lines: list[Line]) -> list[bool]:
    return [line.dialogue for line in lines]


def test_two_role_names_make_a_dialogue_and_their_labels_stay_with_the_lines() -> None:
    blocks = [p("A: Hello there."), p("B: Hi.")]
    lines = find_lines(blocks)
    assert lines == [Line("", (Turn("A", 0, 3),), True), Line("", (Turn("B", 0, 3),), True)]
    assert [line.role_at(5) for line in lines] == ["A", "B"]


@pytest.mark.parametrize("texts, dialogue", [
    (["Maria: Hello.", "John: Hi."], False),  # two names once each: maybe fields
    (["Maria: Hello.", "John: Hi.", "Maria: Bye."], True),  # someone speaks again after another
    (["Maria: Hello.", "Maria: Again.", "John: Hi."], False),  # the same speaker twice in a row
    (["Teacher: Hello.", "Student 2: Hi."], True),  # role names
    (["Voice 1: Hello.", "Voice 2: Hi."], True),
    (["Teacher: Hello.", "Maria: Hi."], False),
    (["A: Hello.", "A: Hi."], False),  # one speaker alone
    (["A: Hello.", "x", "y", "B: Hi."], True),  # two blocks between lines of a dialogue
    (["A: Hello.", "x", "y", "z", "B: Hi."], False),  # three: two separate labels
])
def test_which_labelled_blocks_make_a_dialogue(texts: list[str], dialogue: bool) -> None:
    blocks = [p(t) for t in texts]
    labelled = [bool(label_of(b)) for b in blocks]
    assert dialogue_of(find_lines(blocks)) == [dialogue and has for has in labelled]


def test_a_heading_closes_a_dialogue_and_the_cast_names_roles() -> None:
    blocks = [p("A: Hello."), p("Title", "heading"), p("B: Hi.")]
    assert dialogue_of(find_lines(blocks)) == [False, False, False]
    blocks = [p("A: Hello."), p("", "break"), p("B: Hi.")]
    assert dialogue_of(find_lines(blocks)) == [False, False, False]
    blocks = [p("Maria: Hello."), p("John: Hi.")]
    assert dialogue_of(find_lines(blocks, ["maria", "JOHN"])) == [True, True]
    assert dialogue_of(find_lines(blocks, ["maria"])) == [False, False]
    # two dialogues apart
    blocks = [p("A: One."), p("B: Two."), p("x"), p("y"), p("z"), p("Maria: Three."), p("John: Four.")]
    assert dialogue_of(find_lines(blocks)) == [True, True, False, False, False, False, False]


def test_explicit_voices_and_detection_off() -> None:
    voiced = p("A: Hello.", context=frozenset({"voice:li"}))
    lines = find_lines([voiced, p("B: Hi.")])
    assert lines[0] == Line("li", (Turn("A", 0, 3),), True) and lines[0].role_at(5) == "li"
    assert find_lines([voiced, p("B: Hi.")], detect=False) == [Line("li"), Line("")]


def test_the_speaker_at_an_offset_is_the_last_label_before_it() -> None:
    line = Line("", (Turn("A", 0, 3), Turn("B", 7, 10)), True)
    assert [line.role_at(k) for k in (0, 6, 7, 12)] == ["A", "A", "B", "B"]
    assert Line("", (Turn("A", 2, 5),), True).role_at(1) == ""
    assert Line("", (Turn("A", 0, 3),), False).role_at(5) == ""


# -- sentences ------------------------------------------------------------------------------------


@dataclass
class Draft:
    text: str
    marks: tuple[str, ...] = ()
    pause: int = 0
    voice: str = ""
    block: int = 0
    span: tuple[int, int] = (0, 0)
    boundary: str = "sentence"


LONG = "This quotation is long enough to voice it."  # 42 characters inside the quotes


@pytest.mark.parametrize("block, text, marks, role", [
    (p("x"), "Plain.", ("voice:wang",), "wang"),
    (p("x"), "Plain.", ("voice:",), ""),
    (p("x", "quote"), "Plain.", (), "quote"),
    (p("x", context=frozenset({"blockquote"})), "Plain.", (), "quote"),
    (p("x"), f"“{LONG}”", (), "quote"),
    (p("x"), f"“{LONG}” ", (), "quote"),
    (p("x"), f"“{LONG}”。", (), "quote"),
    (p("x"), f'"{LONG[:40]}"', (), "quote"),  # 40 characters: long enough
    (p("x"), f'"{LONG[:39]}"', (), ""),  # 39: short
    (p("x"), "“Short one.”", ("q",), "quote"),  # marked as a quotation (<q>)
    (p("x"), "“Short one.”", (), ""),
    (p("x"), "He said “" + LONG + "” to me.", (), ""),  # not wholly a quotation
    (p("x"), "「学而时习之，不亦说乎？有朋自远方」", (), "quote"),  # 16 characters
    (p("x"), "「学而时习之，不亦说乎？有朋自远」", (), ""),  # 15
    (p("x"), "«" + LONG + "»", (), "quote"),
])
def test_the_role_of_a_sentence(block: Block, text: str, marks: tuple[str, ...], role: str) -> None:
    assert sentence_role(block, Line(), Draft(text, marks)) == role


def test_a_speaker_or_block_role_comes_before_quotation() -> None:
    line = Line("", (Turn("A", 0, 3),), True)
    assert sentence_role(p("x", "quote"), line, Draft(f"“{LONG}”", span=(3, 40))) == "A"
    assert sentence_role(p("x"), Line("li"), Draft(f"“{LONG}”")) == "li"
    assert sentence_role(p("x"), Line("li"), Draft("Plain.", ("voice:wang",))) == "wang"


def test_labels_are_cut_out_of_the_sentences_that_hold_them() -> None:
    text = "A: Hi. B: Hello there."
    assert cut_labels([(0, 6, True), (7, 22, True)], text, [(0, 3), (7, 10)]) == [(3, 6, True), (10, 22, True)]
    # one span over both labels: three pieces, only the last keeps the span's cut
    assert cut_labels([(0, 22, True)], text, [(0, 3), (7, 10)]) == [(3, 6, False), (10, 22, True)]
    assert cut_labels([(0, 22, False)], text, [(7, 10)]) == [(0, 6, False), (10, 22, False)]
    # a span that is only a label disappears; spaces around the pieces are trimmed
    assert cut_labels([(0, 3, True), (3, 6, True)], text, [(0, 3)]) == [(3, 6, True)]
    assert cut_labels([(0, 12, True)], "  X:   Hi.  ", [(2, 7)]) == [(7, 10, True)]
    assert cut_labels([(0, 6, True)], text, []) == [(0, 6, True)]
    assert cut_labels([(3, 6, True)], text, [(0, 3)]) == [(3, 6, True)]  # a label that ends where it starts


# -- the casting of a plan ------------------------------------------------------------------------


def casting(engine: EngineConfig | None = None, **voices: object) -> Casting:
    return Casting(Config(voices=VoicesConfig(**voices), pauses=Pauses(turn=777),  # type: ignore[arg-type]
                          engine=engine or EngineConfig()))


def test_assign_counts_roles_and_keeps_explicit_ones_and_strips_voice_marks() -> None:
    c = casting()
    drafts = [Draft("One.", ("voice:wang", "em")), Draft("Two.", ("strong",)), Draft("Three.", ("voice:wang",))]
    c.assign(drafts, p("x"), Line())
    assert [(d.voice, d.marks) for d in drafts] == [("wang", ("em",)), ("", ("strong",)), ("wang", ())]
    assert c.roles == {"wang": 2} and c.explicit == {"wang"}
    line = Line("", (Turn("A", 0, 3),), True)
    c.assign([Draft("Hi.", span=(3, 6))], p("A: Hi."), line)
    assert c.roles == {"wang": 2, "A": 1} and c.explicit == {"wang"}
    lines = c.chapter([p("B: Hi.", context=frozenset({"voice:li"})), p("A: Yes.")])
    assert c.explicit == {"wang", "li"} and lines[1].dialogue


def test_labels_are_unread_only_in_a_dialogue_unless_configured() -> None:
    line = Line("", (Turn("A", 0, 3), Turn("B", 7, 10)), True)
    cast = {"a": "a.wav", "B": "b.wav"}
    assert casting(cast=cast).unread(line) == [(0, 3), (7, 10)]
    assert casting(cast=cast, read_labels=True).unread(line) == []
    assert casting(cast=cast).unread(Line("", (Turn("A", 0, 3),), False)) == []
    assert casting(detect=False).chapter([p("A: Hi."), p("B: Yes.")]) == [Line(), Line()]
    assert casting(cast={"Maria": "m.wav", "John": "j.wav"}).chapter(
        [p("Maria: Hi."), p("John: Yes.")])[0].dialogue


def test_a_label_is_unread_only_when_its_role_has_a_voice_of_its_own() -> None:
    line = Line("", (Turn("A", 0, 3), Turn("B", 7, 10), Turn("Teacher", 12, 21)), True)
    assert casting().unread(line) == []  # no cast: the narrator says every line, labels included
    assert casting(cast={"a": "a.wav"}).unread(line) == [(0, 3)]  # B and Teacher: the narrator's
    assert casting(cast={"default": "n.wav"}).unread(line) == []  # the narrator is no role's own
    # the engine that will speak: eSpeak here (no servers), whose table gives Teacher a voice
    assert casting(engines={"espeak": {"teacher": "+f3"}}).unread(line) == [(12, 21)]
    assert casting(engines={"indextts2": {"A": "a.wav", "B": "b.wav"}}).unread(line) == []
    assert casting(engines={"indextts2": {"A": "a.wav"}}, engine=EngineConfig(servers=("http://x",))
                   ).unread(line) == [(0, 3)]
    # the narrator's own label: its voice is its own, cast or not
    assert casting().unread(Line("", (Turn("Narrator", 0, 9), Turn("旁白", 20, 23)), True)) == [(0, 9), (20, 23)]


def test_the_turn_pause_falls_between_two_speakers_of_a_dialogue() -> None:
    c = casting()
    dia = Line("", (), True)
    lines = [dia, dia, Line(), dia]
    drafts = [Draft("1", voice="A", block=0, pause=1), Draft("2", voice="A", block=0, pause=2),
              Draft("3", voice="B", block=1, pause=3, boundary="comma"),
              Draft("4", voice="A", block=1, pause=4, boundary="paragraph"),
              Draft("5", voice="B", block=2, pause=5, boundary="item"),
              Draft("6", voice="A", block=3, pause=6, boundary="item"),
              Draft("7", voice="B", block=3, pause=7, boundary="item"),
              Draft("8", voice="A", block=9, pause=8)]
    c.turns(drafts, lines)
    # 1-2 same speaker; 2-3 a turn; 3-4 after a comma: none; 4-5 and 5-6 touch a block not in a
    # dialogue; 6-7 a turn at an item boundary; 7-8 a block not in the chapter
    assert [d.pause for d in drafts] == [1, 777, 3, 4, 5, 777, 7, 8]
    drafts = [Draft("1", voice="A", block=-1, pause=1), Draft("2", voice="B", block=0, pause=2)]
    c.turns(drafts, [dia])
    assert drafts[0].pause == 1


def test_warnings_name_the_roles_without_a_voice_with_their_sentences() -> None:
    c = casting(cast={"A": "a.wav"})
    c.assign([Draft("1", ("voice:A",)), Draft("2", ("voice:B",)), Draft("3", ("voice:B",)),
              Draft("4", ("voice:narrator",)), Draft("5", ("voice:quote",))], p("x"), Line())
    c.assign([Draft("6", span=(3, 4))], p("C: 6"), Line("", (Turn("C", 0, 3),), True))
    assert c.warnings() == ["roles without a voice in [voices], read by the narrator: B (2), C (1)"]
    # no cast: only the roles the lesson asked for by name
    c = casting()
    c.assign([Draft("1", ("voice:B",))], p("x"), Line())
    c.assign([Draft("6", span=(3, 4))], p("C: 6"), Line("", (Turn("C", 0, 3),), True))
    assert c.warnings() == ["roles without a voice in [voices], read by the narrator: B (1)"]
    c = casting()
    c.assign([Draft("6", span=(3, 4))], p("C: 6"), Line("", (Turn("C", 0, 3),), True))
    assert c.warnings() == []
    c = casting(engines={"openai": {"C": "nova"}})
    c.assign([Draft("6", span=(3, 4))], p("C: 6"), Line("", (Turn("C", 0, 3),), True))
    assert c.warnings("openai") == [] and c.warnings("espeak") == []  # no cast for espeak: C not asked by name


def test_the_dry_run_lines_say_who_says_what_narrator_first() -> None:
    def seg(n: int, voice: str) -> Segment:
        return Segment(f"s{n}", 1, "x", "x", "en", "neutral", "sentence", 0, voice=voice)

    def script(*voices: str) -> Script:
        return Script("L", "en", (ScriptChapter(1, "C", tuple(seg(n, v) for n, v in enumerate(voices))),))

    config = Config(voices=VoicesConfig(cast={"B": "b.wav", "default": "n.wav"}))
    assert who_says_what(script("", "B", "A", "B", ""), config) == [
        "narrator: 2 sentences, voice n.wav", "A: 1 sentence, voice n.wav", "B: 2 sentences, voice b.wav"]
    plain = Config(voices=VoicesConfig(cast={"B": "b.wav"}))
    assert who_says_what(script("Z", "quote", "narrator", "B"), plain) == [
        "B: 1 sentence, voice b.wav", "Z: 1 sentence, voice the narrator (not in the cast)",
        "narrator: 1 sentence, voice the narrator", "quote: 1 sentence, voice the narrator"]
    assert who_says_what(script("", ""), config) == []
    assert who_says_what(script("A"), Config(voices=VoicesConfig(engines={"openai": {"A": "nova"}})),
                         "openai") == ["A: 1 sentence, voice nova"]


# -- edges ------------------------------------------------------------------------------------------


def test_names_keep_every_letter_of_their_own() -> None:
    assert label_of(p("Xavier: Hello.")) == (Turn("Xavier", 0, 8),)
    assert label_of(p("**Max**: Hello.")) == (Turn("Max", 0, 9),)
    assert label_of(row("Max", "Hello.")) == (Turn("Max", 0, 3),)
    assert label_of(row("Xu:", "你好。")) == (Turn("Xu", 0, 3),)


def test_generic_roles_with_a_number_or_a_letter_are_speakers() -> None:
    # "Voice 1" is a speaker like "Speaker 2" (a listening script's labels)
    assert label_of(p("Voice 1: Hello.")) == (Turn("Voice 1", 0, 9),)
    for texts in (["Voice 1: Hello.", "Voice 2: Hi."], ["Voice A: Hello.", "Voice B: Hi."],
                  ["学生A：你好。", "学生B：你好。"], ["Person 1: Hello.", "Person 2: Hi."]):
        assert dialogue_of(find_lines([p(t) for t in texts])) == [True, True], texts
    # "Role 1:" heads a role-play card (an instruction, its label read with it), not a line
    cards = [p("Role 1: You are a customer. Ask for a refund."), p("Role 2: You are the shop assistant.")]
    assert dialogue_of(find_lines(cards)) == [False, False]
    # a capital after a name does not make it a role
    assert dialogue_of(find_lines([p("Maria K: Hello."), p("John T: Hi.")])) == [False, False]


def test_later_labels_latin_names_by_their_script_and_cast_names() -> None:
    assert label_of(p("A: Hi. Jürgen: Hallo.")) == (Turn("A", 0, 3), Turn("Jürgen", 7, 15))
    assert label_of(p("小明：你好。小A：好。")) == (Turn("小明", 0, 3),)
    lines = find_lines([p("小明：你好。王芳：好。"), p("小明：再见。")], ["王芳"])
    assert lines[0].turns == (Turn("小明", 0, 3), Turn("王芳", 6, 9)) and lines[0].dialogue


def test_cut_labels_at_the_edges_of_a_span_and_of_the_text() -> None:
    text = "A: Hi. B: Hello there."
    assert cut_labels([(0, 7, True)], text, [(7, 10)]) == [(0, 6, True)]  # a label just after the span
    assert cut_labels([(7, 22, True)], text, [(4, 7)]) == [(7, 22, True)]  # one just before it
    assert cut_labels([(0, 6, True)], "Hi. B:", [(4, 6)]) == [(0, 3, False)]  # a label at the very end
    assert cut_labels([(0, 12, True)], "  X:   Hi.  ", [(2, 4)]) == [(7, 10, True)]
    assert cut_labels([(0, 6, True)], " Hi.  ", [(0, 0)]) == [(1, 4, True)]


def test_turn_pauses_in_one_block_at_paragraph_ends_and_at_the_chapter_s_edge() -> None:
    c = casting()
    dia = Line("", (), True)
    drafts = [Draft("1", voice="A", block=0, pause=1), Draft("2", voice="B", block=0, pause=2, boundary="paragraph"),
              Draft("3", voice="A", block=1, pause=3), Draft("4", voice="B", block=2, pause=4)]
    c.turns(drafts, [dia, dia])
    assert [d.pause for d in drafts] == [777, 777, 3, 4]  # block 2 is not among the chapter's lines
    drafts = [Draft("1", voice="A", block=2, pause=1), Draft("2", voice="B", block=0, pause=2)]
    c.turns(drafts, [dia, dia])
    assert [d.pause for d in drafts] == [1, 2]


def test_a_cast_for_one_engine_lists_the_roles_it_does_not_name() -> None:
    c = casting(engines={"openai": {"C": "nova"}})
    c.assign([Draft("6", span=(3, 4))], p("C: 6"), Line("", (Turn("C", 0, 3),), True))
    c.assign([Draft("7", span=(3, 4))], p("D: 7"), Line("", (Turn("D", 0, 3),), True))
    assert c.warnings("openai") == ["roles without a voice in [voices], read by the narrator: D (1)"]
    assert c.warnings("espeak") == []


def test_a_row_s_speaker_keeps_a_closing_capital() -> None:
    assert label_of(row("Speaker X", "Hello.")) == (Turn("Speaker X", 0, 9),)
