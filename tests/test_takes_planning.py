"""Which takes a narration asks for and which it reuses (synthesis/takes.py), with a real cache
on disk and real WAV files: one request per distinct spoken text, emotion, language, voice and
take; cached takes reused unless forced or judged; failures written to errors.jsonl; a server
given the queued job in its own voice first."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from narrator.errors import ConfigError, OutputError
from narrator.normalize.pronounce import annotation
from narrator.synthesis.cache import Cache
from narrator.config import VoicesConfig
from narrator.synthesis.takes import VOICE_SCAN, Tally, TakeKeys, cast_of, lookup, plan_takes, record_errors, voice_pick
from narrator.util.wavio import mono_wav
from narrator.values import Segment


class Setup:
    """An engine's key parts; counts how often it is asked for each emotion's and language's."""

    sample_rate = 22050
    pronunciations = "pinyin"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def emotion_params(self, emotion: str) -> Mapping[str, Any]:
        self.asked.append("emotion:" + emotion)
        return {"emotion": emotion}

    def language_params(self, lang: str) -> Mapping[str, Any]:
        self.asked.append("lang:" + lang)
        return {"voice": lang} if lang == "zh" else {}

    def voice_key(self, voice: str) -> str:
        return "sha-of-" + voice


def seg(sid: str, spoken: str, *, lang: str = "en", emotion: str = "calm", take: int = 1, voice: str = "",
        chapter: int = 1) -> Segment:
    return Segment(sid, chapter, spoken.upper(), spoken, lang, emotion, "sentence", 0, take=take, voice=voice)


def put(cache: Cache, key: str, seconds: float = 0.5, rate: int = 22050) -> Path:
    return cache.put(key, mono_wav(b"\x01\x00" * int(rate * seconds), rate))


def test_one_take_per_distinct_request_and_the_rest_share_it(tmp_path: Path) -> None:
    setup = Setup()
    segments = [seg("a", "Hello."), seg("b", "Hello."), seg("c", "Hello.", emotion="warm"),
                seg("d", "Hello.", lang="zh"), seg("e", "Hello.", take=2), seg("f", "Bye.")]
    takes, wanted, to_hear = plan_takes(segments, setup, "fp", Cache(tmp_path))
    assert takes == {} and to_hear == {}
    assert [[s.id for s in w.segments] for w in wanted.values()] == [["a", "b"], ["c"], ["d"], ["e"], ["f"]]
    first = next(iter(wanted.values()))
    assert (first.spoken, first.lang, first.emotion, first.take, first.voice) == ("Hello.", "en", "calm", 1, "")
    assert [w.take for w in wanted.values()] == [1, 1, 1, 2, 1]
    # each emotion's and each language's parameters are asked for once
    assert sorted(setup.asked) == ["emotion:calm", "emotion:warm", "lang:en", "lang:zh"]
    # the keys are the cache's: the same text under another fingerprint is another take
    assert Cache.key("fp", {"emotion": "calm"}, "Hello.", 22050) in wanted
    assert Cache.key("fp", {"emotion": "calm"}, "Hello.", 22050, {"voice": "zh"}) in wanted
    assert Cache.key("fp", {"emotion": "calm"}, "Hello.", 22050, None, 2) in wanted
    assert Cache.key("other", {"emotion": "calm"}, "Hello.", 22050) not in wanted


def test_cached_takes_are_reused_with_their_rate_and_length_unless_forced(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = Cache.key("fp", {"emotion": "calm"}, "Hello.", 22050)
    path = put(cache, key, seconds=0.5)
    segments = [seg("a", "Hello."), seg("b", "Hello."), seg("c", "New.")]
    takes, wanted, _ = plan_takes(segments, Setup(), "fp", cache)
    assert sorted(takes) == ["a", "b"]
    assert (takes["a"].path, takes["a"].sample_rate, takes["a"].duration, takes["a"].cache_key,
            takes["a"].source) == (path, 22050, 0.5, key, "cache")
    assert [w.spoken for w in wanted.values()] == ["New."]
    takes, wanted, _ = plan_takes(segments, Setup(), "fp", cache, force=True)
    assert takes == {} and [[s.id for s in w.segments] for w in wanted.values()] == [["a", "b"], ["c"]]
    assert lookup(cache, key) == (path, 22050, 0.5)
    assert lookup(cache, "0" * 64) is None


def test_a_judge_keeps_hears_or_remakes_each_cached_take(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    texts = {"keep": "One.", "hear": "Two.", "remake": "Three."}
    keys = {v: Cache.key("fp", {"emotion": "calm"}, t, 22050) for v, t in texts.items()}
    for key in keys.values():
        put(cache, key)
    judged: list[str] = []

    def verdict(key: str, hit: Any, segment: Segment) -> str:
        judged.append(segment.id)
        return next(v for v, k in keys.items() if k == key)

    segments = [seg(v, t) for v, t in texts.items()] + [seg("never-cached", "Four.")]
    takes, wanted, to_hear = plan_takes(segments, Setup(), "fp", cache, verdict=verdict)
    assert list(takes) == ["keep"]
    assert sorted(w.segments[0].id for w in wanted.values()) == ["hear", "never-cached", "remake"]
    assert list(to_hear) == [keys["hear"]] and to_hear[keys["hear"]][0] == cache.path(keys["hear"])
    assert judged == ["keep", "hear", "remake"]  # a take not in the cache is not judged


def test_a_role_said_in_its_own_voice_has_its_own_take(tmp_path: Path) -> None:
    cast = {"": "", "A": "alice.wav", "B": ""}
    segments = [seg("n", "Hi."), seg("a", "Hi.", voice="A"), seg("b", "Hi.", voice="B")]
    takes, wanted, _ = plan_takes(segments, Setup(), "fp", Cache(tmp_path), voice_of=cast.__getitem__)
    assert [([s.id for s in w.segments], w.voice) for w in wanted.values()] == [(["n", "b"], ""), (["a"], "alice.wav")]
    # the narrator's keys are those without a cast; the role's holds its voice's key
    assert Cache.key("fp", {"emotion": "calm"}, "Hi.", 22050) in wanted
    assert Cache.key("fp", {"emotion": "calm"}, "Hi.", 22050, {"voice": "sha-of-alice.wav"}) in wanted
    keys = TakeKeys(Setup(), "fp", cast.__getitem__)
    assert keys.voice(seg("a", "x", voice="A")) == ("alice.wav", "sha-of-alice.wav")
    assert TakeKeys(Setup(), "fp").voice(seg("a", "x", voice="A")) == ("", "")


def test_a_voice_for_an_engine_without_voices_is_a_config_error() -> None:
    class Plain:
        name = "espeak"
        sample_rate = 22050

        def emotion_params(self, emotion: str) -> Mapping[str, Any]:
            return {}

        def language_params(self, lang: str) -> Mapping[str, Any]:
            return {}

    keys = TakeKeys(Plain(), "fp", {"A": "alice.wav", "": ""}.__getitem__)
    assert keys.voice(seg("n", "x")) == ("", "")  # the narrator's own voice needs no voices
    with pytest.raises(ConfigError, match="espeak engine has no voices per role"):
        keys.voice(seg("a", "x", voice="A"))


def test_pronunciation_marks_are_sent_in_the_engine_syntax() -> None:
    marked = "银" + annotation("行", "hang2") + "。"
    keys = TakeKeys(Setup(), "fp")
    assert keys.spoken(seg("a", "Plain text.")) == "Plain text."
    sent = keys.spoken(seg("a", marked))
    assert "\ufff9" not in sent and sent.startswith("银") and "hang2" in sent.lower()
    assert keys.key(seg("a", marked)) == Cache.key("fp", {"emotion": "calm"}, sent, 22050)


def test_errors_jsonl_gets_one_line_per_segment_with_every_error(tmp_path: Path) -> None:
    path = tmp_path / "errors.jsonl"
    path.write_text('{"earlier": 1}\n', encoding="utf-8")
    segments = [seg("c01-s0001", "Hello.", chapter=1), seg("c02-s0003", "你好。", chapter=2)]
    record_errors(path, segments, 3, [("http://a", "timed out", 0.0), ("http://b", "HTTP 500", 86461.0)])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == '{"earlier": 1}'  # appended, never rewritten
    second = json.loads(lines[2])
    assert second == {"segment": "c02-s0003", "chapter": 2, "text": "你好。", "spoken": "你好。", "attempts": 3,
                      "errors": [{"server": "http://a", "message": "timed out", "time": "1970-01-01T00:00:00Z"},
                                 {"server": "http://b", "message": "HTTP 500", "time": "1970-01-02T00:01:01Z"}]}
    assert "你好" in lines[2]  # readable, not escaped
    assert json.loads(lines[1])["segment"] == "c01-s0001"
    with pytest.raises(OutputError, match="cannot write"):
        record_errors(tmp_path, segments, 1, [])  # a folder: one clear error


def test_the_tally_counts_kept_takes_and_records_those_that_never_passed(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    errors = tmp_path / "errors.jsonl"
    tally = Tally(cache, total=5, cached=1, errors_path=errors)
    assert (tally.done, tally.cached, tally.synthesized) == (1, 1, 0)
    two = [seg("a", "One."), seg("b", "One.")]
    made = tally.keep_heard(two, "k1", tmp_path / "t.wav", 22050, 1.5, cached=False, heard="one",
                            attempts=2, report={"attempts": 2})
    assert [(t.segment_id, t.source, t.cache_key, t.duration) for t in made] == [("a", "engine", "k1", 1.5),
                                                                                ("b", "engine", "k1", 1.5)]
    assert tally.takes["b"] == made[1] and tally.synthesized == 2 and tally.cached == 1
    assert tally.hearings["k1"] == ("one", 2) and tally.unverified == [] and not errors.exists()
    tally.keep_heard([seg("c", "Two.")], "k2", tmp_path / "u.wav", 22050, 1.0, cached=True, heard=None,
                     attempts=3, report={"attempts": 3, "problems": ["heard 'too'"]})
    assert tally.cached == 2 and tally.synthesized == 2 and tally.takes["c"].source == "cache"
    assert tally.unverified == ["c"] and tally.hearings["k2"] == (None, 3)
    line = json.loads(errors.read_text(encoding="utf-8"))
    assert line["segment"] == "c" and line["attempts"] == 3
    assert line["errors"][0]["message"] == "kept although no take passed the speech check: heard 'too'"


@dataclass
class Job:
    voice: str
    mine: bool = True


def test_a_server_takes_a_job_in_its_voice_then_one_nobody_holds_then_the_first() -> None:
    may = lambda job: job.mine  # noqa: E731
    queue = [Job("b", mine=False), Job("a"), Job("c"), Job("b"), Job("d")]
    assert voice_pick(queue, "b", {"a", "b"}, may) == 3  # its own voice, one it may take
    assert voice_pick(queue, "x", {"a", "x"}, may) == 2  # "c": no server holds it
    assert voice_pick(queue, "x", {"a", "b", "c", "d", "x"}, may) == 1  # else the first it may take
    assert voice_pick([Job("a", mine=False)], "a", set(), may) is None
    assert voice_pick([], "a", set(), may) is None
    # bounded work: a job past the first VOICE_SCAN is never looked at
    far = [Job("a", mine=False)] * VOICE_SCAN + [Job("a")]
    assert voice_pick(far, "a", set(), may) is None
    assert voice_pick(far[1:], "a", set(), may) == VOICE_SCAN - 1


class WithVoices:
    def __init__(self, voices: VoicesConfig) -> None:
        self.voices = voices


def test_the_cast_for_an_engine_comes_from_its_table_or_the_common_one() -> None:
    assert cast_of(WithVoices(VoicesConfig()), "espeak") is None  # no cast: the narrator's keys
    only_openai = WithVoices(VoicesConfig(engines={"openai": {"A": "nova"}}))
    assert cast_of(only_openai, "espeak") is None
    voice_of = cast_of(only_openai, "openai")
    assert voice_of is not None and voice_of("a") == "nova" and voice_of("B") == ""
    both = cast_of(WithVoices(VoicesConfig(cast={"A": "alice.wav", "default": "me.wav"},
                                           engines={"openai": {"A": "nova"}})), "indextts2")
    assert both is not None and (both("A"), both(""), both("Z")) == ("alice.wav", "me.wav", "me.wav")


def test_the_judge_sees_the_cached_take_and_each_plan_names_its_segment_and_key(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = Cache.key("fp", {"emotion": "calm"}, "One.", 22050)
    path = put(cache, key, seconds=0.5)
    seen: list[Any] = []
    takes, wanted, _ = plan_takes([seg("a", "One."), seg("b", "Two.")], Setup(), "fp", cache,
                                  verdict=lambda k, hit, s: seen.append(hit) or "keep")
    assert seen == [(path, 22050, 0.5)]
    assert takes["a"].segment_id == "a"
    assert [(k, w.key) for k, w in wanted.items()] == [(Cache.key("fp", {"emotion": "calm"}, "Two.", 22050),) * 2]


def test_each_roles_voice_is_asked_for_once() -> None:
    asked: list[str] = []
    keys = TakeKeys(Setup(), "fp", lambda role: asked.append(role) or "v.wav")
    for _ in range(3):
        keys.key(seg("a", "Hi.", voice="A"))
        keys.key(seg("n", "Hi."))
    assert asked == ["A", ""]


def test_a_role_voice_with_an_unnamed_engine_says_the_selected_engine() -> None:
    class Nameless:
        sample_rate = 22050

        def emotion_params(self, emotion: str) -> Mapping[str, Any]:
            return {}

        def language_params(self, lang: str) -> Mapping[str, Any]:
            return {}

    with pytest.raises(ConfigError, match="the selected engine has no voices per role"):
        TakeKeys(Nameless(), "fp", {"A": "x.wav"}.__getitem__).voice(seg("a", "x", voice="A"))


def test_errors_jsonl_that_cannot_be_written_says_why_in_words(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as err:
        record_errors(tmp_path, [seg("a", "x")], 1, [])
    assert str(err.value) == f"{tmp_path}: cannot write (Is a directory)"


def test_the_tally_adds_up_over_several_segments(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    tally = Tally(cache, total=4, cached=0, errors_path=tmp_path / "errors.jsonl")
    assert (tally.cache, tally.total, tally.failed, tally.seen, tally.takes) == (cache, 4, {}, {}, {})
    for sid in ("a", "b"):
        made = tally.keep_heard([seg(sid, sid)], "k" + sid, tmp_path / f"{sid}.wav", 24000, 1.0, cached=False,
                                heard=None, attempts=3, report={"attempts": 3, "problems": ["silence"]})
        assert (made[0].path, made[0].sample_rate) == (tmp_path / f"{sid}.wav", 24000)
    assert tally.synthesized == 2 and tally.unverified == ["a", "b"]
    first = json.loads((tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["errors"][0]["server"] == ""  # no server to blame: the check, not a request


def test_a_server_past_the_scanned_jobs_still_gets_the_first_it_may_take() -> None:
    queue = [Job("z")] + [Job("a", mine=False)] * VOICE_SCAN + [Job("a")]
    assert voice_pick(queue, "a", {"z"}, lambda job: job.mine) == 0


def test_an_engine_that_declares_no_pronunciation_syntax_gets_plain_text() -> None:
    class NoSyntax:
        sample_rate = 22050

        def emotion_params(self, emotion: str) -> Mapping[str, Any]:
            return {}

        def language_params(self, lang: str) -> Mapping[str, Any]:
            return {}

    marked = "银" + annotation("行", "hang2") + "。"
    # plain text says the reading with a homophone (what eSpeak and the like pronounce right)
    assert TakeKeys(NoSyntax(), "fp").spoken(seg("a", marked)) == "银航。"
