"""Requests in flight per server (issue 25): fixed, measured ("auto") and always one for the
IndexTTS2 web UI, against stand-ins on loopback (tests/servers/batching.py). The tests assert on
what the servers saw, never on timings: the stand-in's time unit is small so that they are quick."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import pytest

from narrator.config import load_config
from narrator.engines import create_engines
from narrator.errors import ConfigError
from narrator.events import Notice
from narrator.synthesis.cache import Cache
from narrator.synthesis.concurrency import FIRST_GUESS, Limit, limit_for, says_it_batches
from narrator.synthesis.scheduler import synthesize
from narrator.values import Script, ScriptChapter, Segment
from servers.audio import speech_wav
from servers.batching import BatchingServer, Curve, exponent_for
from servers.batching import simulate as on_the_model
from servers.indextts2_webui import start_webui
from servers.vllm_server import VOICE_PATH

FAST = {"engine.backoff": 0.05, "engine.backoff_max": 0.1, "engine.probe_after": 0.1}


def script(n: int, start: int = 0) -> Script:
    texts = [f"Sentence number {i} of the batching test is read here." for i in range(start, start + n)]
    segs = tuple(Segment(id=f"c01-s{i + 1:04d}", chapter=1, text=t, spoken=t, lang="en",
                         emotion="neutral", boundary="sentence", pause_after_ms=250)
                 for i, t in enumerate(texts))
    return Script("Batching", "en", (ScriptChapter(1, "One", segs),))


def vllm_config(url: str, **extra):
    return load_config(overrides={"engine.name": "indextts2-vllm", "engine.servers": [url],
                                  "engine.indextts2-vllm": {"spk_audio_path": VOICE_PATH},
                                  **FAST, **extra})


def openai_config(url: str, **extra):
    return load_config(overrides={"engine.name": "openai", "engine.servers": [url], **FAST, **extra})


def run(config, tmp_path: Path, n: int, events: list | None = None):
    engines = create_engines(config)
    result = synthesize(script(n), engines, Cache(tmp_path / "cache"), config,
                        on_event=(events.append if events is not None else lambda e: None))
    return result, engines


def durations(result) -> list[float]:
    out = []
    for take in result.takes.values():
        with wave.open(io.BytesIO(Path(take.path).read_bytes())) as w:
            out.append(w.getnframes() / w.getframerate())
    return out


@pytest.mark.parametrize("api", ["vllm", "openai"])
def test_auto_is_the_default_of_batching_engines_and_goes_above_one(tmp_path, api):
    """Default settings: the server that makes 8 at once in 8 ** 0.56 the time of one gets more
    than one request at once, every take is made once, decoded, and no take is asked for twice
    at once."""
    with BatchingServer(Curve(unit=0.08, max_batch=8), api=api) as server:
        config = (vllm_config if api == "vllm" else openai_config)(server.url)
        assert config.engine.in_flight == ""  # nothing asked: the engine's default
        result, engines = run(config, tmp_path, 120)
        stats = server.stats()
    assert not result.failed and len(result.takes) == 120 and result.synthesized == 120
    assert stats["max_concurrent"] >= 4, stats["max_concurrent"]
    assert stats["same_key_overlaps"] == [] and stats["errors"] == 0
    assert len(server.texts) == 120 and len(set(server.texts)) == 120
    assert min(durations(result)) > 1.0
    limit = limit_for(engines[0], config.engine.in_flight)
    assert limit.setting == "auto" and max(v for _, v in limit.history) >= 4


def test_auto_asks_once_alone_then_four_and_reaches_the_batch_within_a_few_windows(tmp_path):
    """An engine whose servers batch: "auto" sends its first request alone (a server that cannot
    answer is found by one request, as before), then four at once, and doubles from there after
    short windows: the stand-in (8 at once give 2.5x) sees 8 requests at once within its first
    30 (measuring 8 requests per level from 1, as before, took about 40; counted from the
    arrivals it saw)."""
    with BatchingServer(Curve(unit=0.08, max_batch=8)) as server:
        result, engines = run(vllm_config(server.url), tmp_path, 60)
        stats = server.stats()
    assert not result.failed and stats["errors"] == 0 and stats["same_key_overlaps"] == []
    at_server = [n for _, n in stats["arrivals"]]
    assert at_server[:5] == [1, 1, 2, 3, 4], at_server[:8]  # alone, then four at once
    assert max(at_server[:30]) >= 8, at_server
    assert [v for _, v in limit_for(engines[0], "").history][:2] == [FIRST_GUESS, 8] == [4, 8]


def test_only_an_engine_that_says_its_servers_batch_leaps_to_the_first_guess():
    class Batches:
        in_flight = "auto"

    class OneAtATime:
        in_flight = 1

    assert says_it_batches(Batches(), "auto")
    assert not says_it_batches(OneAtATime(), "auto")  # "auto" asked of an engine that does not say
    assert not says_it_batches(Batches(), 4)
    limit = Limit("auto", 64)  # doubles from 1
    limit.answered(limit.sent(0.0), 1.0, 2.0, 60.0)
    assert limit.value == 1  # a window at level 1 is two answers
    limit.answered(limit.sent(1.0), 2.0, 2.0, 60.0)
    assert limit.value == 2
    limit = Limit("auto", 64, batches=True)
    limit.answered(limit.sent(0.0), 1.0, 2.0, 60.0)
    assert limit.value == FIRST_GUESS
    assert Limit("auto", 3, batches=True).value == 1


# ---- the first minute, on the stand-in's model and a virtual clock ---------------------------

BENCH_CURVE = Curve(unit=0.0, exponent=exponent_for(2.5, 8), max_batch=8, per_audio=0.4)
BENCH_AUDIO = [2.0, 2.9, 2.5, 1.9]  # seconds of audio of the benchmark's four kinds of sentence


def rate(answers, start: float, end: float) -> float:
    """Seconds of audio answered per second between ``start`` and ``end`` (virtual seconds)."""
    return sum(a for t, a, _ in answers if start < t <= end) / (end - start)


def test_auto_reaches_90_percent_of_the_best_fixed_within_the_first_minute():
    """The benchmark's curve (0.4 s per second of audio alone, 8 at once give 2.5x), simulated
    with no clock: the best fixed number's steady throughput is the yardstick. "auto" reaches 90 %
    of it within the first minute, read both ways: its rate over the minute's last 20 s, and its
    average over the whole first minute (the ramp included); twice in_flight = 1 on average; and
    it stays near the best afterwards (probing continuously)."""
    fixed = {n: rate(on_the_model(Limit(n), BENCH_CURVE, BENCH_AUDIO, until=300), 30, 300)
             for n in (1, 2, 4, 6, 8, 12, 16)}
    best = max(fixed.values())
    assert fixed[8] == pytest.approx(best, rel=0.01) and best / fixed[1] == pytest.approx(2.5, rel=0.02)
    limit = Limit("auto", 64, batches=True)
    answers = on_the_model(limit, BENCH_CURVE, BENCH_AUDIO, until=300)
    assert rate(answers, 40, 60) >= 0.9 * best
    assert rate(answers, 0, 60) >= 0.9 * best
    assert rate(answers, 0, 60) >= 2 * fixed[1]
    assert rate(answers, 60, 300) >= 0.95 * best
    reached = next(t for t, _, level in answers if level >= 8)
    assert reached < 20, limit.history  # virtual seconds: a count of service times, not a clock


def test_auto_from_one_also_reaches_90_percent_within_the_first_minute():
    """Without the leap to the first guess (an engine that does not say its servers batch, asked
    "auto"): doubling from 1."""
    best = rate(on_the_model(Limit(8), BENCH_CURVE, BENCH_AUDIO, until=300), 30, 300)
    answers = on_the_model(Limit("auto", 64), BENCH_CURVE, BENCH_AUDIO, until=120)
    assert rate(answers, 40, 60) >= 0.9 * best
    assert rate(answers, 0, 60) >= 0.9 * best


def test_a_fixed_number_is_what_the_server_sees(tmp_path):
    with BatchingServer(Curve(unit=0.03, max_batch=8)) as server:
        result, _ = run(vllm_config(server.url, **{"engine.in_flight": 3}), tmp_path, 40)
        assert server.max_concurrent == 3
        assert sorted(n for _, n in server.arrivals)[-1] == 3
    assert not result.failed


def test_one_is_one(tmp_path):
    """in_flight = 1 keeps the old rule on an engine that batches."""
    with BatchingServer(Curve(unit=0.02, max_batch=8)) as server:
        result, _ = run(vllm_config(server.url, **{"engine.in_flight": 1}), tmp_path, 20)
        assert server.max_concurrent == 1
    assert not result.failed


def test_errors_past_the_limit_step_the_server_down_to_one(tmp_path):
    """The stand-in answers 503 to a fourth request at once. After each such error nothing new
    is sent until the server is empty (down to 1), no segment is lost (the failed request is
    asked again), and the level that failed is not tried again at once."""
    with BatchingServer(Curve(unit=0.03, max_batch=8, error_above=3)) as server:
        result, _ = run(vllm_config(server.url), tmp_path, 80)
        stats = server.stats()
    assert not result.failed and len(result.takes) == 80
    levels = [n for _, n in stats["arrivals"]]  # requests at the server as each one arrived
    assert levels.count(4) == stats["errors"] > 0, "auto never reached the stand-in's limit"
    assert max(levels) == 4  # it never went past the first level that failed
    # An episode: from an error until the server is seen with one request again. Until the
    # client has read the 503, the three other slots may each send one more request, which the
    # full server also refuses (how many depends on how busy this machine is): at most 4 errors
    # in an episode, and every episode ends (down to 1).
    episodes: list[int] = []  # errors in each episode that ended
    errors = 0  # in the episode going on
    for n in levels:
        if n == 4:
            errors += 1
        elif n == 1 and errors:
            episodes.append(errors)
            errors = 0
    assert errors == 0 and sum(episodes) == stats["errors"], levels  # each one went down to 1
    assert max(episodes) <= 4, levels
    assert len(episodes) <= 3, levels  # the failed level is tried again only after a hold of successes
    assert stats["same_key_overlaps"] == []


def test_a_timed_out_request_keeps_its_slot_and_its_sentence_off_the_server(tmp_path):
    """One sentence takes 1 s at the server, past the client's 0.6 s limit: its slot stays
    taken for as long again (the server never has more than the 3 allowed), and the sentence is
    asked again only after its first request has ended there (never twice at once)."""
    texts = [seg.spoken for seg in script(20).segments]
    slow = texts[2]
    with BatchingServer(Curve(unit=0.03, max_batch=8), slow={slow: 1.0}) as server:
        config = vllm_config(server.url, **{"engine.in_flight": 3, "engine.read_timeout": 0.6,
                                            "engine.read_timeout_per_char": 0.0})
        result, _ = run(config, tmp_path, 20)
        stats = server.stats()
    assert server.texts.count(slow) >= 2
    assert stats["same_key_overlaps"] == []
    assert stats["max_concurrent"] <= 3
    assert len(result.takes) + len(result.failed) == 20


def test_the_web_ui_stays_at_one_whatever_is_asked(tmp_path):
    """The IndexTTS2 web UI runs one generation at a time: "auto" and 4 both give one request in
    flight, and asking 4 says so once."""
    voice = tmp_path / "voice.wav"
    voice.write_bytes(speech_wav("This is the voice of the narrator."))
    server = start_webui("2", "zh_CN", delay=0.02)
    try:
        for n, asked in enumerate(("auto", 4)):
            config = load_config(overrides={"engine.name": "indextts2", "engine.servers": [server.url],
                                            "engine.voice_file": str(voice), "engine.in_flight": asked,
                                            **FAST})
            events: list = []
            engines = create_engines(config)
            result = synthesize(script(8, start=10 * n), engines, Cache(tmp_path / f"c{n}"), config,
                                on_event=events.append)
            assert not result.failed and result.synthesized == 8
            assert limit_for(engines[0], asked).value == 1
            warnings = [e.text for e in events if isinstance(e, Notice) and "in_flight" in e.text]
            assert len(warnings) == (1 if asked == 4 else 0), warnings
        assert server.recorder.max_in_flight == 1
    finally:
        server.close()


def test_in_flight_is_checked_in_narrate_toml():
    for bad in ("fast", 0, 65, 2.5, True):
        with pytest.raises(ConfigError, match="in_flight"):
            load_config(overrides={"engine.in_flight": bad})
    assert load_config(overrides={"engine.in_flight": "auto"}).engine.in_flight == "auto"
    assert load_config(overrides={"engine.in_flight": 64}).engine.in_flight == 64


# ---- the rule alone, on a simulated server and a fake clock ----------------------------------


def simulate(limit: Limit, rounds: int, best: int, gain_exponent: float = 0.56,
             error_above: int | None = None) -> list[int]:
    """Rounds in which the limit's requests all leave at once and come back together after the
    batch time of a server whose batch is full at ``best``; returns the limit after each round."""
    now = 0.0
    seen = []
    for _ in range(rounds):
        k = limit.value
        tickets = [limit.sent(now) for _ in range(k)]
        batch = min(k, best)
        took = (batch ** gain_exponent) * (k / batch)  # beyond the batch, requests queue
        now += took
        for t in tickets:
            if error_above is not None and k > error_above:
                limit.failed(t, now)
            else:
                limit.answered(t, now, 2.0, 60.0)
        seen.append(limit.value)
    return seen


def test_the_rule_climbs_to_the_batch_and_stays_near_it():
    """Throughput (relative to the best) over the rounds after the start, probes included."""
    limit = Limit("auto", 64)
    seen = simulate(limit, 200, best=12)
    share = [min(k, 12) ** 0.44 / 12 ** 0.44 for k in seen[40:]]
    assert sum(share) / len(share) >= 0.93, seen
    assert max(seen) <= 32 and sorted(seen[40:])[len(seen[40:]) // 2] in range(10, 17), seen


def test_the_rule_never_leaves_one_without_a_gain():
    """A server that takes one at a time (twice the requests, twice the time) gains nothing."""
    limit = Limit("auto", 64)
    seen = simulate(limit, 150, best=1, gain_exponent=1.0)
    assert max(seen[-50:]) <= 2 and seen[-1] <= 2


def test_the_rule_steps_down_to_one_on_errors_and_holds_below_them():
    limit = Limit("auto", 64)
    seen = simulate(limit, 200, best=16, error_above=6)
    assert 1 in seen
    assert max(seen[-40:]) <= 7  # the failing level is tried again only after a hold


def test_a_fixed_number_comes_back_after_a_step_down():
    limit = Limit(4, 64)
    t = limit.sent(0.0)
    others = [limit.sent(0.0) for _ in range(3)]
    limit.failed(t, 1.0)
    assert limit.value == 1
    for o in others:
        limit.answered(o, 1.0, 1.0, 60.0)
    simulate(limit, 5, best=8)
    assert limit.value == 3  # below the level that failed, until the hold is over
    simulate(limit, 100, best=8)
    assert limit.value == 4  # then the number asked again, which works now


def test_a_run_cut_short_leaves_no_window_open_for_the_next_run():
    """A run cancelled while its window's requests were out (their answers never come) and a new
    run on the same server (the next lesson of the course): the new run measures afresh and
    climbs as a fresh limit does. Counted in answers on a fake clock, not in time."""

    class Engine:  # an engine that does not say its servers batch: doubling from 1
        max_in_flight = 64

    fresh = simulate(Limit("auto", 64), 60, best=12)
    engine = Engine()
    limit = limit_for(engine, "auto")
    for _ in range(3):  # the interrupted run: out, never answered
        limit.sent(0.0)
    again = limit_for(engine, "auto")
    assert again is limit and again.in_flight == 0
    seen = simulate(again, 60, best=12)
    assert max(seen) >= 8 and max(seen) >= max(fresh) // 2, (seen, fresh)
    # the same after a cut in the middle of a climb (a window above 1 half answered): the
    # limit still moves (a window closes and is decided) in the next run
    tickets = [limit.sent(100.0) for _ in range(limit.value)]
    for t in tickets[: len(tickets) // 2]:
        limit.answered(t, 101.0, 2.0, 60.0)
    moves = len(limit.history)
    simulate(limit_for(engine, "auto"), 60, best=12)
    assert len(limit.history) > moves, limit.history


# ---- Celery workers: `narrate worker --in-flight N` ------------------------------------------


def test_a_worker_with_in_flight_keeps_that_many_takes_at_its_server(tmp_path, broker):
    """A `narrate worker --in-flight 4` in front of the batching stand-in: the stand-in sees four
    takes at once (four Celery threads, four messages reserved), never the same take twice at
    once, and the lesson is whole."""
    from tests.servers.queue import Asker, Worker

    lesson = tmp_path / "lesson.html"
    lesson.write_text("<h1>Rivers</h1><p>" + " ".join(
        f"River number {i} runs to the sea." for i in range(16)) + "</p>")
    with BatchingServer(Curve(unit=0.3, max_batch=8)) as server, \
            Worker(broker, server.url, tmp_path / "wcache", "--engine", "indextts2-vllm",
                   "--voice-file", VOICE_PATH, "--in-flight", "4") as worker:
        worker.wait_ready()
        asker = Asker(lesson, "-o", tmp_path / "out", "-q", "--broker", broker, "--engine",
                      "indextts2-vllm", "--voice-file", VOICE_PATH, "--cache-dir",
                      tmp_path / "asker-cache", "-f", "wav", "--book", "none", cwd=tmp_path)
        try:
            assert asker.wait(120) == 0, asker.stderr
        finally:
            asker.kill()
        stats = server.stats()
    assert stats["max_concurrent"] == 4
    assert stats["same_key_overlaps"] == [] and stats["errors"] == 0
    assert len(server.texts) == len(set(server.texts)) >= 17  # the title and the 16 sentences
