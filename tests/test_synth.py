"""The scheduler against real loopback servers: faults, dead servers, caching, one request per server."""

from __future__ import annotations

import _thread
import json
import logging
import threading
import time
from pathlib import Path

import pytest

from narrator.synthesis.cache import Cache
from narrator.config import load_config
from narrator.values import Script, ScriptChapter, Segment
from narrator.engines import http
from narrator.engines.espeak import EspeakEngine
from narrator.errors import Interrupted
from narrator.events import Progress
from narrator.synthesis.scheduler import synthesize
from tests.servers.audio import SAMPLE_RATE, speech_wav
from tests.servers.faulty import FaultPlan, FaultyServer, LoopbackEngine, refused_url

# short cool-downs, set the way a user would in narrate.toml [engine]
FAST = {"engine.backoff": 0.02, "engine.backoff_max": 0.2, "engine.probe_after": 0.1, "engine.probes": 3}

EN = ["The river runs quietly past the old mill.", "Please open your books to page twelve.",
      "We will study three new words today.", "A good question is half of the answer.",
      "The weather turned cold before noon.", "Listen carefully and repeat after me.",
      "Every chapter ends with a short review.", "Numbers are easier when you say them aloud.",
      "The teacher wrote a long sentence on the board.", "Yes."]
ZH = ["今天我们学习第一课。", "请大家打开课本。", "这个问题很有意思。", "明天会下雨吗？",
      "我们一起读一遍。", "老师在黑板上写字。", "他每天早上跑步。", "这本书非常有用。",
      "请回答下面的问题。", "好。"]


def make_script(texts: list[tuple[str, str]], per_chapter: int = 10) -> Script:
    chapters = []
    for c in range(0, len(texts), per_chapter):
        idx = c // per_chapter + 1
        segs = tuple(Segment(id=f"c{idx:02d}-s{i + 1:04d}", chapter=idx, text=t, spoken=t, lang=lang,
                             emotion="neutral", boundary="sentence", pause_after_ms=250)
                     for i, (t, lang) in enumerate(texts[c:c + per_chapter]))
        chapters.append(ScriptChapter(idx, f"Chapter {idx}", segs))
    return Script("Test", "en", tuple(chapters))


def forty() -> list[tuple[str, str]]:
    texts = [(t, "en") for t in EN] + [(t, "zh") for t in ZH]
    texts += [(f"Sentence number {w} of the second half.", "en") for w in
              ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")]
    texts += [(f"第{n}句话在这里。", "zh") for n in "一二三四五六七八九十"]
    return texts


def config(retries: int = 6, force: bool = False, **extra):
    return load_config(overrides={"engine.retries": retries, "force": force, **FAST, **extra})


def engines(*urls: str, timeout: float = 1.0) -> list[LoopbackEngine]:
    return [LoopbackEngine(u, timeout=timeout, connect_timeout=0.5) for u in urls]


def take_bytes(result) -> dict[str, bytes]:
    return {sid: Path(t.path).read_bytes() for sid, t in result.takes.items()}


@pytest.fixture(scope="module")
def clean_takes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The reference: the forty segments from a fault-free server."""
    script = make_script(forty())
    with FaultyServer() as server:
        result = synthesize(script, engines(server.url), Cache(tmp_path_factory.mktemp("clean")),
                            config())
    assert not result.failed and len(result.takes) == 40
    return take_bytes(result)


@pytest.mark.timeout(120)
def test_thirty_percent_faults_give_the_same_takes_as_a_clean_run(tmp_path, clean_takes):
    script = make_script(forty())
    # every fault kind happens at least once, on top of 30 % random faults
    a = FaultPlan(rate=0.3, seed=1, script={2: "hang", 4: "reset", 6: "truncated", 8: "wrong_take"})
    b = FaultPlan(rate=0.3, seed=2, script={2: "error500", 4: "busy503", 6: "html", 9: "die"})
    with FaultyServer(a, hang_seconds=1.0, down_seconds=0.3) as sa, \
            FaultyServer(b, hang_seconds=1.0, down_seconds=0.3) as sb:
        result = synthesize(script, engines(sa.url, sb.url, timeout=0.5), Cache(tmp_path / "c"),
                            config(retries=8), errors_path=tmp_path / "errors.jsonl")
        kinds = {k for _, k in sa.faults + sb.faults}
        faults = len(sa.faults) + len(sb.faults)
        requests = len(sa.requests) + len(sb.requests)
    assert kinds == {"hang", "reset", "truncated", "wrong_take", "error500", "busy503", "html", "die"}
    assert faults >= 0.2 * requests
    assert dict(result.failed) == {}
    assert not (tmp_path / "errors.jsonl").exists()
    assert list(result.takes) == [s.id for s in script.segments]  # script order
    assert take_bytes(result) == clean_takes
    assert result.synthesized == 40 and result.cached == 0


def test_another_requests_audio_is_rejected(tmp_path, clean_takes):
    script = make_script(forty()[:5])
    with FaultyServer(FaultPlan(script={2: "wrong_take", 4: "wrong_take"})) as server:
        result = synthesize(script, engines(server.url), Cache(tmp_path), config())
        assert [k for _, k in server.faults] == ["wrong_take", "wrong_take"]
        assert len(server.requests) == 7
    assert take_bytes(result) == {sid: clean_takes[sid] for sid in result.takes}


@pytest.mark.timeout(60)
def test_refusing_server_fails_every_segment_into_errors_jsonl(tmp_path):
    script = make_script(forty()[:6])
    url = refused_url()
    errors = tmp_path / "out" / "errors.jsonl"
    result = synthesize(script, engines(url), Cache(tmp_path / "c"), config(retries=3), errors_path=errors)
    assert sorted(result.failed) == [s.id for s in script.segments]
    lines = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert sorted(line["segment"] for line in lines) == [s.id for s in script.segments]
    by_id = {line["segment"]: line for line in lines}
    first = script.segments[0]
    assert by_id[first.id]["text"] == first.text and by_id[first.id]["chapter"] == 1
    for line in lines:
        assert 1 <= len(line["errors"]) <= 3
        assert all(e["time"] and e["message"] for e in line["errors"])
    assert any(e["server"] == url and url in e["message"] for line in lines for e in line["errors"])
    assert result.takes == {} and result.synthesized == 0


@pytest.mark.timeout(60)
def test_hanging_server_ends_in_bounded_time_with_failures(tmp_path):
    script = make_script(forty()[:4])
    with FaultyServer(FaultPlan(always="hang"), hang_seconds=2.0) as server:
        result = synthesize(script, engines(server.url, timeout=0.3), Cache(tmp_path),
                            config(retries=2), errors_path=tmp_path / "errors.jsonl")
        seen = len(server.requests)
    assert sorted(result.failed) == [s.id for s in script.segments]
    assert all("timed out" in m for msgs in result.failed.values() for m in msgs if "no usable" not in m)
    assert len((tmp_path / "errors.jsonl").read_text().splitlines()) == 4
    assert seen <= 4 * 2  # attempts are bounded


@pytest.mark.timeout(60)
def test_dead_server_work_moves_to_the_healthy_one(tmp_path, clean_takes):
    script = make_script(forty()[:20])
    with FaultyServer() as healthy:
        result = synthesize(script, engines(refused_url(), healthy.url), Cache(tmp_path),
                            config(retries=4))
        assert len(healthy.requests) == 20
    assert dict(result.failed) == {}
    assert take_bytes(result) == {sid: clean_takes[sid] for sid in result.takes}
    assert len(result.takes) == 20


def test_one_request_per_server_all_servers_used_duplicates_once(tmp_path):
    texts = forty()[:20]
    texts = texts + texts[:6]  # six sentences occur twice
    script = make_script(texts)
    servers = [FaultyServer(delay=0.02).start() for _ in range(3)]
    try:
        # a limit no busy machine reaches: a timed-out request would be asked again elsewhere
        # (test_a_timed_out_request_never_overlaps_the_next_one_on_its_server)
        result = synthesize(script, engines(*(s.url for s in servers), timeout=60.0), Cache(tmp_path),
                            config())
        assert [s.max_in_flight for s in servers] == [1, 1, 1]
        assert all(len(s.requests) > 0 for s in servers)
        asked = [t for s in servers for t in s.requests]
        assert sorted(asked) == sorted({t for t, _ in texts})  # each unique sentence exactly once
        assert all(result.server_busy[s.url] > 0 for s in servers)
    finally:
        for s in servers:
            s.stop()
    segs = script.segments
    assert len(result.takes) == 26 and result.synthesized == 26
    for i in range(6):  # a repeated sentence shares the first one's take
        assert result.takes[segs[20 + i].id].path == result.takes[segs[i].id].path


def test_a_timed_out_request_never_overlaps_the_next_one_on_its_server(tmp_path):
    """The server goes on making the take the client gave up on after 1 s (it answers only at
    1.4 s): nothing more is sent to it before then, and the sentence is asked again there (the
    only server) after the others."""
    script = make_script(forty()[:4])
    with FaultyServer(FaultPlan(script={1: "hang"}), hang_seconds=1.4) as server:
        result = synthesize(script, engines(server.url, timeout=1.0), Cache(tmp_path), config())
        assert server.faults == [(1, "hang")]
        assert server.max_in_flight == 1
    assert not result.failed and len(result.takes) == 4
    assert server.requests.count(server.requests[0]) == 2  # the sentence that timed out, asked again


def test_rerun_is_served_from_cache_and_force_asks_again(tmp_path):
    script = make_script(forty()[:8])
    cache = Cache(tmp_path)
    with FaultyServer() as server:
        first = synthesize(script, engines(server.url), cache, config())
        assert len(server.requests) == 8
        events: list[Progress] = []
        again = synthesize(script, engines(server.url), cache, config(),
                           on_event=events.append)
        assert len(server.requests) == 8  # zero new requests
        assert again.cached == 8 and again.synthesized == 0
        assert all(t.source == "cache" for t in again.takes.values())
        assert take_bytes(again) == take_bytes(first)
        assert events[-1] == Progress("synthesize", 8, 8, cached=8, failed=0)
        forced = synthesize(script, engines(server.url), cache, config(force=True))
        assert len(server.requests) == 16
        assert forced.synthesized == 8 and forced.cached == 0


def test_progress_counts_up_to_the_total(tmp_path):
    script = make_script(forty()[:12])
    events: list = []
    with FaultyServer() as a, FaultyServer() as b:
        synthesize(script, engines(a.url, b.url), Cache(tmp_path), config(),
                   on_event=events.append)
    progress = [e for e in events if isinstance(e, Progress)]
    assert [p.done for p in progress] == list(range(13))
    assert all(p.total == 12 for p in progress)


@pytest.mark.timeout(60)
def test_ctrl_c_stops_promptly_and_keeps_cached_takes(tmp_path):
    script = make_script(forty())
    calls = {"n": 0}
    counting = threading.Lock()

    def audio(text: str, lang: str) -> bytes:
        # counted under a lock: requests run on several server threads, and an unlocked
        # `+= 1` can skip 5 under load (then nothing interrupts and the run just finishes)
        with counting:
            calls["n"] += 1
            fifth = calls["n"] == 5
        if fifth:
            _thread.interrupt_main()  # what Ctrl-C does to the main thread
        return speech_wav(text, lang, SAMPLE_RATE)

    cache = Cache(tmp_path)
    with FaultyServer(audio=audio, delay=0.05) as server:
        with pytest.raises(Interrupted):
            synthesize(script, engines(server.url), cache, config())
        at_interrupt = len(server.requests)
        # the event that matters: every thread of the run has ended, so no request can follow
        for thread in threading.enumerate():
            if thread.name.startswith("synth "):
                thread.join(60)  # a deadline for a hung run, not a guess at its speed
                assert not thread.is_alive(), f"{thread.name} still running after Ctrl-C"
        assert len(server.requests) <= at_interrupt + 1  # at most the one in flight
    assert at_interrupt < 40
    entries, _ = cache.stats()
    assert entries >= 4


def test_unavailable_or_foreign_servers_are_dropped_and_faster_servers_do_more(tmp_path):
    script = make_script(forty()[:20])
    with FaultyServer(delay=0.01) as fast, FaultyServer(delay=0.08) as slow, \
            FaultyServer() as foreign:
        gone = LoopbackEngine(fast.url.replace("127.0.0.1", "localhost") + "/missing", timeout=1.0)
        other = LoopbackEngine(foreign.url, fingerprint="another-voice")
        events: list = []
        result = synthesize(script, [*engines(fast.url, slow.url), gone, other], Cache(tmp_path),
                            config(), on_event=events.append)
        assert foreign.requests == []  # set up differently: never asked for audio
        assert len(fast.requests) > len(slow.requests) > 0
        assert len(fast.requests) + len(slow.requests) + 1 >= 20
    assert dict(result.failed) == {} and len(result.takes) == 20
    warnings = [e.text for e in events if getattr(e, "level", "") == "warning"]
    assert any(foreign.url in w and "set up differently" in w for w in warnings)
    assert any("HTTP 404" in w for w in warnings)


def pcm(wav_bytes: bytes) -> bytes:
    """The samples of a WAV, decoded by ffmpeg (not by narrator's own WAV code)."""
    import subprocess

    import imageio_ffmpeg

    return subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", "pipe:0",
                           "-f", "s16le", "-acodec", "pcm_s16le", "-ac", "1", "-ar", "22050", "pipe:1"],
                          input=wav_bytes, capture_output=True, check=True).stdout


def test_one_sentence_in_two_languages_is_two_takes(tmp_path):
    from narrator.engines.espeak import synthesize_wav

    text = "Paris est magnifique."
    script = make_script([(text, "fr"), (text, "en"), (text, "en-US")])
    engine = EspeakEngine(config())
    result = synthesize(script, [engine], Cache(tmp_path), config())
    fr, en, en_us = (result.takes[s.id] for s in script.segments)
    assert fr.cache_key != en.cache_key  # eSpeak reads them with different voices
    # each take holds what eSpeak says with the voice named here, asked for directly
    french, american = pcm(synthesize_wav(text, "fr")), pcm(synthesize_wav(text, "en-us"))
    assert french != american
    assert pcm(Path(fr.path).read_bytes()) == french
    assert pcm(Path(en.path).read_bytes()) == american
    assert en_us.cache_key == en.cache_key  # the same voice: one take
    assert result.synthesized == 3 and len({fr.path, en.path}) == 2


class CountingEspeak(EspeakEngine):
    """The real eSpeak engine, counting what it is asked to say."""

    def __init__(self, settings) -> None:  # type: ignore[no-untyped-def]
        super().__init__(settings)
        self.calls: list[tuple[str, str]] = []

    def synthesize(self, text: str, lang: str, emotion: str) -> bytes:
        self.calls.append((text, emotion))
        return super().synthesize(text, lang, emotion)


def test_one_sentence_in_two_emotions_is_two_takes_and_a_preset_change_remakes_only_its_own(tmp_path):
    from narrator.engines.espeak import DEFAULTS, synthesize_wav

    texts = ["The storm is coming tonight.", "We made it home."]
    segs = tuple(Segment(id=f"c01-s{i + 1:04d}", chapter=1, text=t, spoken=t, lang="en", emotion=e,
                         boundary="sentence", pause_after_ms=250)
                 for i, (t, e) in enumerate((t, e) for t in texts for e in ("neutral", "excited")))
    script = Script("Test", "en", (ScriptChapter(1, "Chapter 1", segs),))
    cache = Cache(tmp_path / "cache")
    engine = CountingEspeak(config())
    first = synthesize(script, [engine], cache, config())
    assert sorted(engine.calls) == sorted((s.text, s.emotion) for s in segs)  # four takes
    assert len({t.cache_key for t in first.takes.values()}) == 4
    for s in segs:  # each take is eSpeak with its emotion's controls, decoded by ffmpeg
        p = DEFAULTS[s.emotion]
        assert pcm(Path(first.takes[s.id].path).read_bytes()) == pcm(synthesize_wav(
            s.text, "en-us", rate=p["rate"], pitch=p["pitch"], volume=p["volume"], pitch_range=p["range"]))
    before = {sid: Path(t.path).read_bytes() for sid, t in first.takes.items()}

    # a new "excited" preset in narrate.toml: only the excited sentences are spoken again
    toml = tmp_path / "narrate.toml"
    toml.write_text("[emotions.excited.espeak]\npitch = 90\nrate = 140\n")
    changed = load_config(toml, overrides={**FAST})
    engine = CountingEspeak(changed)
    second = synthesize(script, [engine], cache, changed)
    assert sorted(engine.calls) == sorted((t, "excited") for t in texts)
    assert second.synthesized == 2 and second.cached == 2
    for s in segs:
        old, new = first.takes[s.id], second.takes[s.id]
        if s.emotion == "neutral":
            assert new.cache_key == old.cache_key and Path(new.path).read_bytes() == before[s.id]
        else:
            assert new.cache_key != old.cache_key
            assert pcm(Path(new.path).read_bytes()) == pcm(synthesize_wav(
                s.text, "en-us", rate=140, pitch=90, volume=DEFAULTS["excited"]["volume"],
                pitch_range=DEFAULTS["excited"]["range"]))


@pytest.mark.timeout(60)
def test_a_take_rejected_twice_byte_for_byte_fails_its_sentence_not_the_server(tmp_path):
    word = "abcdefghij" * 500  # eSpeak speaks it in 67 s, too fast for 5000 letters: always rejected
    texts = [("The first sentence is fine.", "en"), (word, "en")] + [(t, "en") for t in EN[:8]]
    script = make_script(texts)
    errors = tmp_path / "errors.jsonl"
    events: list = []
    result = synthesize(script, [EspeakEngine(config())], Cache(tmp_path / "c"), config(retries=10),
                        errors_path=errors, on_event=events.append)
    bad = script.segments[1].id
    assert list(result.failed) == [bad]
    assert len(result.takes) == 9 and result.synthesized == 9
    assert not [e for e in events if getattr(e, "level", "") == "warning"]  # eSpeak stayed in
    [line] = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert line["segment"] == bad and line["attempts"] == 2
    assert "too short for its text" in line["errors"][0]["message"]
    assert "the text is at fault, not the server" in line["errors"][1]["message"]


@pytest.mark.timeout(30)
def test_cool_downs_and_probes_come_from_the_config(tmp_path, caplog):
    script = make_script(forty()[:6])
    settings = load_config(overrides={"engine.retries": 10, "engine.backoff": 0.0,
                                      "engine.probe_after": 0.0, "engine.probes": 1})
    caplog.set_level(logging.DEBUG, logger="narrator.synthesis.scheduler")
    with FaultyServer(FaultPlan(always="error500")) as server:
        result = synthesize(script, engines(server.url), Cache(tmp_path), settings)
        assert len(server.requests) == 4  # 3 failures take it out of rotation, 1 failed probe: dead
    assert len(result.failed) == 6
    # the rests the server was given: the configured ones (none), not the defaults (seconds)
    rests = [r.getMessage().rsplit("resting ", 1)[1] for r in caplog.records if "resting" in r.getMessage()]
    assert rests == ["0.0 s", "0.0 s", "0.0 s"]


def test_keys_do_not_depend_on_what_ran_before(tmp_path):
    """An engine that declares no sample rate keys its takes the same from the first request on:
    a lesson rerun alone finds every take that a course build made for it after another lesson."""
    settings = config(**{"engine.name": "http", "engine.http": {
        "url": "/tts", "body": "{{ text }}", "headers": {"X-Lang": "{{ lang }}"}}})
    lesson1 = make_script([(t, "en") for t in EN[:3]])
    lesson2 = make_script([(t, "en") for t in EN[3:6]])
    cache = Cache(tmp_path)
    with FaultyServer(audio=lambda text, lang: speech_wav(text, lang, 16000)) as server:
        shared = http.create(settings, server.url)  # a course build shares its engines
        synthesize(lesson1, [shared], cache, settings)
        course = synthesize(lesson2, [shared], cache, settings)
        alone = synthesize(lesson2, [http.create(settings, server.url)], cache, settings)
        assert len(server.requests) == 6
    assert alone.cached == 3 and alone.synthesized == 0
    assert [t.cache_key for t in alone.takes.values()] == [t.cache_key for t in course.takes.values()]
    assert {t.sample_rate for t in course.takes.values()} == {16000}
