"""Issue 24, items 1 and 2: who says each sentence, from the lesson itself and the cast.

The dialogue cases are modelled on real lessons gathered outside the repository
(tools/extra-corpus/SOURCES.tsv names them): zabuun's ESL dialogues (bold ``A:``/``B:`` lines
joined by <br> in one paragraph, or loose in the page), learn-mandarin-client's readings (list
items ``魏大音：...`` and their English translation ``Wei Dayin: ...``) and Chinese tutor notes
in Markdown (``甲：`` lines in one paragraph). The prose cases are what the shared corpus of real
editor documents has: field labels, law notes ("Section 35: ... Provision: ..."), "Note:".
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from narrator.config import Config, ParseConfig, VoicesConfig, load_config
from narrator.parse import parse_html
from narrator.script import plan_script
from narrator.script.corrections import Corrections, SentenceFix
from narrator.values import Segment


def segments(html: str, config: Config | None = None, corrections: Corrections | None = None) -> list[Segment]:
    config = config or Config()
    doc = parse_html(html.encode(), "lesson.html", ParseConfig())
    return list(plan_script(doc, config, corrections=corrections).segments)


def who(html: str, config: Config | None = None) -> list[tuple[str, str]]:
    return [(s.voice, s.text) for s in segments(html, config) if s.boundary != "heading"]


def cast(*roles: str) -> Config:
    """A cast giving each of ``roles`` a voice of its own: their labels are shown, not read."""
    return Config(voices=VoicesConfig(cast={r: f"+f{i}" for i, r in enumerate(roles, 1)}))


def test_bold_labels_joined_by_line_breaks_are_two_speakers_and_not_read() -> None:
    # zabuun: <b>A:</b> ...<br> <b>B:</b> ... in one paragraph
    html = ("<h1>At a Restaurant</h1><p> <b>A:</b> Welcome to the Silver Wok. How can I help you?<br>"
            " <b>B:</b> Hello, I was hoping you have a table.<br> <b>A:</b> How many guests?<br>"
            " <b>B:</b> It's a birthday dinner.</p>")
    segs = [s for s in segments(html, cast("A", "B")) if s.boundary != "heading"]
    assert [(s.voice, s.text) for s in segs] == [
        ("A", "Welcome to the Silver Wok."), ("A", "How can I help you?"),
        ("B", "Hello, I was hoping you have a table."), ("A", "How many guests?"),
        ("B", "It's a birthday dinner.")]
    assert all("A:" not in s.spoken and "B:" not in s.spoken for s in segs)
    pauses = [s.pause_after_ms for s in segs]
    turn = Config().pauses.turn
    assert pauses[:4] == [Config().pauses.sentence, turn, turn, turn]  # between speakers: a turn


def test_without_a_voice_of_its_own_a_speaker_s_label_is_said() -> None:
    # one voice for everyone: the label is the only way the listener knows who speaks
    html = "<p><b>A:</b> Welcome. How can I help?<br> <b>B:</b> A table, please.<br> <b>A:</b> Of course.</p>"
    segs = segments(html)
    assert [(s.voice, s.text) for s in segs] == [
        ("A", "A: Welcome."), ("A", "How can I help?"), ("B", "B: A table, please."), ("A", "A: Of course.")]
    assert [s.spoken.split(" ")[0] for s in segs] == ["A:", "How", "B:", "A:"]
    # a cast voicing A alone: A's label is shown only, B's still said
    assert [s.text for s in segments(html, cast("A"))] == ["Welcome.", "How can I help?", "B: A table, please.",
                                                           "Of course."]


def test_chinese_list_items_and_their_translation() -> None:
    # learn-mandarin-client: <li>魏大音：...</li>, then <li>Wei Dayin: ...</li>
    html = ("<h1>Studying Dialogue</h1><ul><li>魏大音：蓝明玉，你上个星期考试考得怎么样？</li>"
            "<li>蓝明玉：因为你帮我复习，所以考得不错。</li><li>魏大音：是吗？</li></ul>"
            "<h1>Translation</h1><ul><li>Wei Dayin: Lan Mingyu, how did your test last week go?</li>"
            "<li>Lan Mingyu: Because you helped me review, I did pretty well.</li>"
            "<li>Wei Dayin: Really?</li></ul>")
    got = who(html, cast("魏大音", "蓝明玉", "Wei Dayin", "Lan Mingyu"))
    assert got[:4] == [("魏大音", "蓝明玉，你上个星期考试考得怎么样？"), ("蓝明玉", "因为你帮我复习，所以考得不错。"),
                       ("魏大音", "是吗？"), ("Wei Dayin", "Lan Mingyu, how did your test last week go?")]
    assert got[-1] == ("Wei Dayin", "Really?")


def test_chinese_lines_in_one_paragraph_and_role_names() -> None:
    # Markdown notes: "甲：...\n乙：...\n甲：..." is one paragraph; 老师/学生 are roles by name
    html = ("<h1>T</h1><p>甲：他又开始唱歌了。\n乙：我听见了。我受不了了。\n甲：压力之下。</p>"
            "<p>老师：你好。</p><p>学生：老师好！</p>")
    assert who(html, cast("甲", "乙", "老师", "学生")) == [("甲", "他又开始唱歌了。"), ("乙", "我听见了。"), ("乙", "我受不了了。"), ("甲", "压力之下。"),
                         ("老师", "你好。"), ("学生", "老师好！")]


def test_a_table_of_speakers_and_lines() -> None:
    html = ("<h1>T</h1><table><tr><th>说人</th><th>句子</th></tr><tr><td>甲</td><td>你是学生吗？</td></tr>"
            "<tr><td>乙</td><td>是，你呢？</td></tr><tr><td>甲</td><td>我是老师。</td></tr></table>")
    assert who(html, cast("甲", "乙")) == [("甲", "你是学生吗？"), ("乙", "是，你呢？"), ("甲", "我是老师。")]


@pytest.mark.parametrize("html", [
    # a colon in prose
    "<p>He said: this is not a speaker. The answer is simple: practise.</p>",
    # notes and field labels, even in a row, even repeated (Notion law notes in the corpus)
    "<p>Note: the tones matter.</p><p>Tip: say it twice.</p><p>Note: again.</p>",
    "<p>Section 35: Presumption of culpable mental state.</p><p>Provision: In trials under this Act, "
    "the court shall presume it.</p><p>Section 54: Presumption regarding possession.</p>"
    "<p>Provision: The court shall presume it.</p>",
    "<p>Time: 9:00 in the morning.</p><p>Place: the main hall.</p><p>Topic: greetings.</p>",
    "<p>时间：上午九点。</p><p>地点：礼堂。</p><p>注意：带好课本。</p>",
    # one label alone is not a dialogue
    "<p>Maria: I will be late today.</p><p>The class starts at nine.</p>",
    # two names once each, not role names: may be field labels
    "<p><b>Materials:</b> flour and eggs.</p><p><b>Procedure:</b> Mix them well.</p>",
])
def test_prose_that_looks_like_dialogue_is_the_narrators(html: str) -> None:
    segs = segments(html)
    assert all(s.voice == "" for s in segs), [(s.voice, s.text) for s in segs]
    assert segs[0].text.split(":")[0] in html  # labels stay read


def test_explicit_data_voice_wins_and_the_nearest_counts() -> None:
    html = ('<div data-voice="li"><p>A：你好！</p><p>B：你好！</p><p>A：再见。</p>'
            '<p>Plain text here. <span data-voice="wang">Wang says this.</span></p></div>')
    assert who(html, cast("A", "B", "li", "wang")) == [("li", "你好！"), ("li", "你好！"), ("li", "再见。"), ("li", "Plain text here."),
                         ("wang", "Wang says this.")]
    assert all(not any(m.startswith("voice:") for m in s.marks) for s in segments(html))


def test_quotations_take_the_quote_role() -> None:
    html = ("<p>Wittgenstein wrote it down.</p><blockquote>The limits of my language mean the limits "
            "of my world.</blockquote><p>“This is a quotation long enough to be read in its own voice.”</p>"
            "<p>“Short one.”</p>")
    assert [s.voice for s in segments(html)] == ["", "quote", "quote", ""]


def test_labels_are_read_when_configured_and_detection_can_be_off(tmp_path: Path) -> None:
    html = "<p>A：你好！</p><p>B：你好！</p>"
    toml = tmp_path / "narrate.toml"
    toml.write_text('[voices]\nread_labels = true\nA = "voices/li.wav"\n', "utf-8")
    assert [s.text for s in segments(html, load_config(toml))] == ["A：你好！", "B：你好！"]
    toml.write_text("[voices]\ndetect = false\n", "utf-8")
    assert [s.voice for s in segments(html, load_config(toml))] == ["", ""]


def test_the_cast_and_unknown_roles(tmp_path: Path) -> None:
    toml = tmp_path / "narrate.toml"
    toml.write_text('[voices]\nA = "voices/li.wav"\nquote = "voices/archive.wav"\ndefault = "n.wav"\n'
                    '[voices.openai]\nA = "nova"\n', "utf-8")
    config = load_config(toml)
    assert config.voices.voice("A", "indextts2") == "voices/li.wav"
    assert config.voices.voice("a", "openai") == "nova"
    assert config.voices.voice("B", "indextts2") == "n.wav"  # unknown: the narrator
    assert config.voices.voice("", "indextts2") == "n.wav"
    assert config.voices.unknown("B", None) and not config.voices.unknown("Narrator", None)
    doc = parse_html("<p>A：你好！</p><p>B：你好！</p><p>A：再见。</p>".encode(), "l.html", ParseConfig())
    script = plan_script(doc, config)
    assert any("roles without a voice in [voices], read by the narrator: B (1)" in w for w in script.warnings)


@pytest.mark.parametrize("body, problem", [
    ('[voices]\nA = 3\n', "voices.A: expected a voice file or voice name"),
    ('[voices.espeek]\nA = "x"\n', "voices.espeek"),
    ('[voices]\nread_labels = "yes"\n', "voices.read_labels: expected true or false"),
])
def test_a_wrong_cast_is_one_clear_line(tmp_path: Path, body: str, problem: str) -> None:
    toml = tmp_path / "narrate.toml"
    toml.write_text(body, "utf-8")
    lesson = tmp_path / "l.html"
    lesson.write_text("<p>Hi.</p>", "utf-8")
    done = subprocess.run([sys.executable, "-m", "narrator", str(lesson), "--dry-run", "-c", str(toml)],
                          capture_output=True, text=True)
    assert done.returncode != 0 and problem in done.stderr and "Traceback" not in done.stderr


def test_a_correction_names_the_voice() -> None:
    html = "<p>A：你好！</p><p>B：你好！</p><p>A：再见。</p>"
    fixes = Corrections((SentenceFix("再见。", voice="B"),))
    assert [s.voice for s in segments(html, cast("A", "B"), corrections=fixes)] == ["A", "B", "B"]


def test_dry_run_shows_who_says_what(tmp_path: Path) -> None:
    lesson = tmp_path / "l.html"
    lesson.write_text("<p>Teacher: Good morning, class.</p><p>Student: Good morning!</p>", "utf-8")
    toml = tmp_path / "narrate.toml"
    toml.write_text('[voices]\nTeacher = "+f3"\n', "utf-8")
    done = subprocess.run([sys.executable, "-m", "narrator", str(lesson), "--dry-run", "-c", str(toml)],
                          capture_output=True, text=True, check=True)
    assert "[Teacher] Good morning, class." in done.stdout
    assert "[Student] Student: Good morning!" in done.stdout  # no voice of its own: its label is said
    assert "Teacher: 1 sentence, voice +f3" in done.stdout
    assert "Student: 1 sentence, voice the narrator (not in the cast)" in done.stdout
