"""Issue 20: pronunciations per engine and Chinese polyphones. A pronunciation in pinyin or in
phonemes reaches each engine in the syntax it takes (counted and read at the stand-in IndexTTS2
web UIs on loopback, real gradio; eSpeak's takes made by the real library), changes the cache key
only where the engine's text changes, and the polyphones of a lesson are offered for review
until a reviewed pronunciation says how they are read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from narrator.config import load_config
from narrator.normalize.pronounce import homophone, plain, render
from narrator.pipeline import narrate, plan
from narrator.review import needs_review
from narrator.script.corrections import Corrections, Pronunciation, corrections_path, save
from servers.audio import speech_wav
from servers.indextts2_webui import start_webui

LESSON = ("<h1>城市</h1><p>他在重庆的银行工作。</p><p>我们一起走路。</p>"
          "<p lang=\"en\">He had a minute to read the minute details.</p><p lang=\"en\">The end.</p>")
CHONGQING = Pronunciation("重庆", "chong2 qing4", "zh", reviewed=True)
MINUTE = Pronunciation("minute", "M AY0 . N UW1 T", "en", reviewed=True)


def write_lesson(tmp: Path, *words: Pronunciation) -> Path:
    src = tmp / "lesson.html"
    src.write_text(LESSON, "utf-8")
    save(Corrections(pronunciations=words), corrections_path(src))
    return src


def config_for(tmp: Path, server: str | None = None):
    overrides = {"cache_dir": str(tmp / "cache"), "output.format": "wav", "output.book": "none",
                 "output.player": False}
    if server:
        voice = tmp / "voice.wav"
        voice.write_bytes(speech_wav("This is the teacher's voice."))
        overrides |= {"engine.servers": [server], "engine.voice_file": str(voice)}
    return load_config(overrides=overrides)


@pytest.fixture(scope="module", params=["2", "2.5"])
def webui(request):
    server = start_webui(request.param, "zh_CN")
    yield request.param, server
    server.close()


def test_each_indextts_layout_gets_its_own_syntax_and_only_changed_sentences_are_asked_again(
        webui, tmp_path: Path) -> None:
    layout, server = webui
    config = config_for(tmp_path, server.url)
    calls = server.recorder.calls
    src = write_lesson(tmp_path)
    narrate(src, config, out_dir=tmp_path / "out")
    before = len(calls)
    assert before == 5 and not any("<" in c["text"] or "QING" in c["text"] for c in calls)

    # phonemes: IndexTTS-2.5 gets them (one new request); IndexTTS-2 would get the same text: none
    write_lesson(tmp_path, MINUTE)
    narrate(src, config, out_dir=tmp_path / "out")
    new = [c["text"] for c in calls[before:]]
    if layout == "2.5":
        assert new == ["He had a <minute|M AY0 . N UW1 T> to read the <minute|M AY0 . N UW1 T> details."]
    else:
        assert new == []
    before = len(calls)

    # pinyin: both layouts, each in its syntax; only the sentence with the word is asked again
    write_lesson(tmp_path, MINUTE, CHONGQING)
    narrate(src, config, out_dir=tmp_path / "out")
    new = [c["text"] for c in calls[before:]]
    assert len(new) == 1
    assert new[0].startswith("他在<重|CHONG2><庆|QING4>的银行工作" if layout == "2.5" else "他在CHONG2QING4的银行工作")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    first = next(s for s in manifest["segments"] if s["text"].startswith("他在"))
    assert plain(first["spoken"]).startswith("他在重庆的银行工作")  # the written form is kept


def test_espeak_hears_a_homophone_for_pinyin_and_keeps_its_takes_for_phonemes(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    src = write_lesson(tmp_path)
    first = narrate(src, config, out_dir=tmp_path / "out")
    assert synthesized(first) == 5
    src = write_lesson(tmp_path, MINUTE)  # eSpeak takes no phonemes: the same text, the same keys
    assert synthesized(narrate(src, config, out_dir=tmp_path / "out")) == 0
    src = write_lesson(tmp_path, MINUTE, CHONGQING)  # pinyin: 重 becomes a character read only chong2
    assert synthesized(narrate(src, config, out_dir=tmp_path / "out")) == 1
    spoken = next(s.spoken for s in plan(src, config).segments if s.text.startswith("他在"))
    said = render(spoken, "plain")
    assert said.startswith("他在" + homophone("重", "CHONG2") + "庆的银行工作")
    assert said[2] != "重"


def test_rendering_per_format() -> None:
    from narrator.script.lexicon import Lexicon

    lex = Lexicon({"zh": {"行": "hang2", "重庆": "chong2 qing4"}, "en": {"minute": "m ay0 . n uw1 t",
                                                                         "LMS": "L M S"}})
    zh = lex.annotate("他在银行里，重庆。", "zh")
    assert render(zh, "tagged") == "他在银<行|HANG2>里，<重|CHONG2><庆|QING4>。"
    assert render(zh, "pinyin") == "他在银HANG2里，CHONG2QING4。"
    assert render(zh, "plain") == "他在银航里，" + homophone("重", "CHONG2") + "庆。"
    assert render(zh, "plain")[3] == homophone("行", "HANG2") != "行"
    assert plain(zh) == "他在银行里，重庆。"
    en = lex.annotate("A minute, minutes.", "en")
    assert render(en, "tagged") == "A <minute|M AY0 . N UW1 T>, minutes."
    assert render(en, "pinyin") == render(en, "plain") == "A minute, minutes."
    assert lex.apply("The LMS", "en") == "The L M S"  # "L M S" has no stressed vowel: a respelling


def test_polyphones_are_offered_until_a_reviewed_pronunciation_decides(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    src = tmp_path / "lesson.html"
    src.write_text("<p>他在银行工作。</p><p>银行很大。</p><p>这条路很长，长不长？</p><p>我的书。</p>", "utf-8")
    items = needs_review(src, config, tmp_path / "out")
    whys = [i.why for i in items]
    assert any("行 in 银行: read hang2" in w and "1 more sentence" in w for w in whys)
    assert any(w.startswith("多音字 长") for w in whys)
    assert not any("的" in w for w in whys)  # not every 的
    assert [i.id for i in items if "银行" in i.why] == ["c01-s0001"]  # once, at its first sentence

    save(Corrections(pronunciations=(Pronunciation("银行", "yin2 hang2", "zh"),)), corrections_path(src))
    whys = [i.why for i in needs_review(src, config, tmp_path / "out")]
    assert not any("银行: read" in w for w in whys)
    assert any("not yet reviewed" in w for w in whys)  # the teacher's entry, until reviewed

    save(Corrections(pronunciations=(Pronunciation("银行", "yin2 hang2", "zh", reviewed=True),)),
         corrections_path(src))
    whys = [i.why for i in needs_review(src, config, tmp_path / "out")]
    assert not any("银行" in w for w in whys) and any(w.startswith("多音字 长") for w in whys)


def synthesized(narration) -> int:
    """Takes the engine made in this run (the manifest's stats)."""
    return narration["stats"]["synthesized"]


def test_marks_are_never_shown_nor_heard(tmp_path) -> None:
    """The speech check compares what it hears with the sentence as said (no annotation marks),
    and the manifest shows the spoken form without them."""
    import narrator
    from narrator.config import load_config
    from narrator.normalize.pronounce import ANCHOR, END, SEP
    from narrator.script.corrections import Corrections, Pronunciation, corrections_path, save
    from narrator.synthesis.verify.text import tokens

    marked = f"我在银{ANCHOR}行{SEP}HANG2{END}里工作。"
    assert tokens(marked, "zh") == tokens("我在银行里工作。", "zh")
    src = tmp_path / "lesson.html"
    src.write_text("<p>我在银行里工作。</p>", encoding="utf-8")
    save(Corrections(pronunciations=(Pronunciation("行", "hang2", "zh"),)), corrections_path(src))
    config = load_config(overrides={"cache_dir": str(tmp_path / "cache"), "output.format": "wav",
                                    "output.book": "none"})
    spoken = [s["spoken"] for s in narrator.narrate(src, config, out_dir=tmp_path / "out")["segments"]]
    assert spoken == ["我在银行里工作。"]
