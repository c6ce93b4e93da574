"""The IndexTTS2 web UI engine against the Gradio stand-in (real gradio 5.45 on loopback)."""

from __future__ import annotations

import io
import time
import wave
from pathlib import Path

import pytest

from narrator.config import load_config
from narrator.engines import indextts2
from narrator.errors import ConfigError, EngineError, EngineUnavailable
from servers import Reply, RecordingServer
from servers.audio import speech_wav
from servers.indextts2_webui import free_port, start_webui

EN = "Hello there, this is a test of the narrator."
ZH = "今天我们学习第一课，请大家认真听。"


def decode(wav: bytes) -> tuple[int, float]:
    """(sample rate, seconds) of a mono 16-bit WAV; asserts the format."""
    with wave.open(io.BytesIO(wav)) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        return w.getframerate(), w.getnframes() / w.getframerate()


@pytest.fixture(scope="session")
def voice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("voice") / "narrator-voice.wav"
    path.write_bytes(speech_wav("This is the voice of the narrator."))
    return path


@pytest.fixture(scope="session")
def webui_zh():
    server = start_webui("2", "zh_CN")
    yield server
    server.close()


@pytest.fixture(scope="session")
def webui_en25():
    server = start_webui("2.5", "en_US")
    yield server
    server.close()


def config(voice: Path, **extra):
    overrides = {"engine.name": "indextts2", "engine.voice_file": str(voice)}
    overrides.update(extra)
    return load_config(overrides=overrides)


def test_layout_2_zh_labels_one_upload_and_real_audio(webui_zh, voice):
    rec = webui_zh.recorder
    calls_before, uploads_before = len(rec.calls), rec.count("POST", "/gradio_api/upload")
    engine = indextts2.create(config(voice), webui_zh.url)
    try:
        texts = [(EN, "en", "neutral"), (ZH, "zh", "excited"), ("A calm sentence.", "en", "calm"),
                 ("Another neutral sentence here.", "en", "neutral")]
        for text, lang, emotion in texts:
            wav = engine.synthesize(text, lang, emotion)
            rate, seconds = decode(wav)
            assert rate == engine.sample_rate == 22050
            assert 0.04 * len(text) < seconds < 0.6 * len(text)
            assert wav == speech_wav(text, "en")  # the audio generated for this very text
        info = engine.describe()
    finally:
        engine.close()
    assert rec.count("POST", "/gradio_api/upload") - uploads_before == 1
    calls = rec.calls[calls_before:]
    assert [c["text"] for c in calls] == [t for t, _, _ in texts]
    # Radio(type="index") turned our zh_CN label into its index: wrong labels are refused
    assert [c["method"] for c in calls] == [0, 2, 2, 0]
    assert calls[1]["vec"] == [0.6, 0, 0, 0, 0, 0, 0.2, 0] and calls[1]["emo_weight"] == 0.7
    assert calls[2]["vec"] == [0, 0, 0, 0, 0, 0, 0, 0.6]
    assert len({c["prompt"] for c in calls}) == 1 and calls[0]["prompt"].endswith("narrator-voice.wav")
    assert all(c["max_tokens"] == 170 for c in calls)  # max(160, 2*80) + 10
    assert calls[0]["sampling"] == [True, 0.8, 30, 0.8, 0.0, 3, 10.0, 1500]
    assert calls[0]["language"] is None
    assert info["layout"] == "2" and info["locale"] == "zh_CN" and info["endpoint"] == "/gen_single"


def test_layout_25_en_language_follows_segment(webui_en25, voice):
    engine = indextts2.create(config(voice, **{"engine.indextts2": {"duration_factor": 1.25}}),
                              webui_en25.url)
    rec = webui_en25.recorder
    before = len(rec.calls)
    try:
        for text, lang in ((ZH, "zh"), (EN, "en-US"), ("Bonjour à tous.", "fr")):
            rate, seconds = decode(engine.synthesize(text, lang, "warm"))
            assert rate == 22050 and seconds > 0.5
        info = engine.describe()
        fp = engine.fingerprint()
    finally:
        engine.close()
    calls = rec.calls[before:]
    assert [c["language"] for c in calls] == ["ZH", "EN", "ZH"]  # unknown -> the UI's default
    assert all(c["method"] == 2 and c["duration_factor"] == 1.25 for c in calls)
    assert calls[0]["vec"] == [0.35, 0, 0, 0, 0, 0, 0, 0.35]
    assert info["layout"] == "2.5" and info["locale"] == "en_US" and info["inputs"] == 26
    assert fp.startswith("indextts2/2.5/")


def test_user_vectors_are_sent_and_kept_within_limits(webui_zh, voice):
    emotions = {
        "excited": {"indextts2": {"vector": [0.1, 0, 0, 0, 0, 0, 0.5, 0], "weight": 0.4}},
        "angry": {"indextts2": {"vector": [0, 1, 0, 0, 0.6, 0, 0, 0]}},  # sum 1.6 -> scaled to 0.8
        "neutral": {"indextts2": {"vector": [0, 0, 0, 0, 0, 0, 0, 0.3]}},  # a vector makes it method 2
    }
    engine = indextts2.create(config(voice, emotions=emotions), webui_zh.url)
    rec = webui_zh.recorder
    before = len(rec.calls)
    try:
        for emotion in ("excited", "angry", "neutral"):
            engine.synthesize("Short sentence for emotions.", "en", emotion)
    finally:
        engine.close()
    excited, angry, neutral = rec.calls[before:]
    assert excited["vec"] == [0.1, 0, 0, 0, 0, 0, 0.5, 0] and excited["emo_weight"] == 0.4
    assert angry["method"] == 2 and sum(angry["vec"]) == pytest.approx(0.8, abs=1e-3)
    assert angry["vec"][1] == pytest.approx(0.5, abs=1e-3)
    assert neutral["method"] == 2 and neutral["vec"][7] == 0.3


def test_login(voice, monkeypatch):
    server = start_webui("2", "en_US", auth=("ann", "s3cret"))
    try:
        ok = indextts2.create(config(voice, **{"engine.indextts2": {"username": "ann",
                                                                     "password": "s3cret"}}), server.url)
        assert decode(ok.synthesize(EN, "en", "neutral"))[0] == 22050
        monkeypatch.setenv("NARRATOR_INDEXTTS2_USER", "ann")
        monkeypatch.setenv("NARRATOR_INDEXTTS2_PASSWORD", "s3cret")
        from_env = indextts2.create(config(voice), server.url)
        assert decode(from_env.synthesize(EN, "en", "calm"))[0] == 22050
        assert server.recorder.count("POST", "/login") == 2
        assert [c["method"] for c in server.recorder.calls] == [0, 2]

        monkeypatch.setenv("NARRATOR_INDEXTTS2_PASSWORD", "wrong")
        with pytest.raises(EngineUnavailable) as bad:
            indextts2.create(config(voice), server.url).synthesize(EN, "en", "neutral")
        assert str(bad.value).startswith(server.url) and "password" in str(bad.value)
        monkeypatch.delenv("NARRATOR_INDEXTTS2_USER")
        with pytest.raises(EngineUnavailable, match="login required"):
            indextts2.create(config(voice), server.url).synthesize(EN, "en", "neutral")
        assert len(server.recorder.calls) == 2
    finally:
        server.close()


def test_proxy_style_file_url_is_rebuilt(voice):
    # file URLs name another origin, as when the UI runs behind a reverse proxy
    server = start_webui("2", "zh_CN", root_path="http://proxy.invalid:9")
    try:
        engine = indextts2.create(config(voice), server.url)
        wav = engine.synthesize(EN, "en", "neutral")
        assert wav == speech_wav(EN, "en")
        downloads = [p for m, p in server.recorder.requests if p.startswith("/gradio_api/file=")]
        assert len(downloads) == 1 and downloads[0].endswith(".wav")
    finally:
        server.close()


def test_generation_error_is_retryable_and_recovers(webui_zh, voice):
    engine = indextts2.create(config(voice), webui_zh.url)
    try:
        engine.synthesize("Warm up call.", "en", "neutral")
        webui_zh.fail_next = 1
        with pytest.raises(EngineError) as err:
            engine.synthesize(EN, "en", "neutral")
        assert err.value.retryable and not isinstance(err.value, EngineUnavailable)
        msg = str(err.value)
        assert msg.startswith(webui_zh.url) and "\n" not in msg and "error" in msg
        assert decode(engine.synthesize(EN, "en", "neutral"))[0] == 22050  # next attempt works
    finally:
        webui_zh.fail_next = 0
        engine.close()


def test_dead_server_is_retryable_error(voice):
    url = f"http://127.0.0.1:{free_port()}"
    engine = indextts2.create(config(voice), url)
    with pytest.raises(EngineError) as err:
        engine.synthesize(EN, "en", "neutral")
    assert err.value.retryable and str(err.value).startswith(url) and "connect" in str(err.value)


def test_not_indextts2_and_unknown_layout_are_unavailable(voice):
    config_answer = {"components": [{"id": i, "type": "textbox", "props": {}} for i in range(10)],
                     "dependencies": [{"api_name": "gen_single", "inputs": list(range(10))}]}
    with RecordingServer({("GET", "/config"): lambda s, r: Reply.json(config_answer)}) as odd, \
            RecordingServer({}) as other:
        with pytest.raises(EngineUnavailable, match="unknown /gen_single layout"):
            indextts2.create(config(voice), odd.url).synthesize(EN, "en", "neutral")
        with pytest.raises(EngineUnavailable) as err:
            indextts2.create(config(voice), other.url).synthesize(EN, "en", "neutral")
        assert str(err.value).startswith(other.url) and "404" in str(err.value)
        assert odd.count("POST", "/gradio_api/upload") == 0


def test_missing_voice_file_and_bad_options(tmp_path, voice):
    missing = tmp_path / "nope.wav"
    with pytest.raises(ConfigError, match="nope.wav") as missing_err:  # the file's problem, exit 2
        indextts2.create(config(missing), "http://127.0.0.1:1")
    assert str(missing_err.value).startswith("voice file ") and "127.0.0.1" not in str(missing_err.value)
    bad = config(voice, **{"engine.indextts2": {"layout": "3", "temprature": 0.7, "top_k": "x"}},
                 emotions={"sad": {"indextts2": {"vector": [2, 0]}}})
    with pytest.raises(ConfigError) as err:
        indextts2.create(bad, "http://127.0.0.1:1")
    text = str(err.value)
    for needle in ("layout", "temprature", "top_k", "emotions.sad.indextts2.vector"):
        assert needle in text
    with pytest.raises(ConfigError, match="voice_file"):
        indextts2.create(load_config(overrides={"engine.name": "indextts2"}), "http://127.0.0.1:1")


def test_fingerprint_ignores_url_but_not_voice_or_settings(webui_zh, voice, tmp_path):
    live = indextts2.create(config(voice), webui_zh.url)
    pinned = indextts2.create(config(voice, **{"engine.indextts2": {"layout": "2"}}),
                              f"http://127.0.0.1:{free_port()}")  # no server needed when pinned
    assert live.fingerprint() == pinned.fingerprint()
    other_voice = tmp_path / "other.wav"
    other_voice.write_bytes(speech_wav("Another voice entirely."))
    assert indextts2.create(config(other_voice, **{"engine.indextts2": {"layout": "2"}}),
                            webui_zh.url).fingerprint() != live.fingerprint()
    hotter = indextts2.create(config(voice, **{"engine.indextts2": {"layout": "2",
                                                                     "temperature": 1.1}}), webui_zh.url)
    assert hotter.fingerprint() != live.fingerprint()
    assert live.emotion_params("neutral") == {"method": "voice"}
    assert live.emotion_params("sad")["vector"] == [0, 0, 0.6, 0, 0, 0.2, 0, 0]


def test_standin_runs_one_generation_at_a_time(webui_zh, voice):
    import threading

    webui_zh.delay = 0.3
    rec = webui_zh.recorder
    rec.max_in_flight = 0
    engines = [indextts2.create(config(voice), webui_zh.url) for _ in range(3)]
    errors: list[Exception] = []

    def run(engine, i):
        try:
            engine.synthesize(f"Parallel request number {i}.", "en", "neutral")
        except Exception as e:  # collected for the assertion below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(e, i)) for i, e in enumerate(engines)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        webui_zh.delay = 0.0
    assert not errors
    assert rec.max_in_flight == 1  # the Gradio queue's default concurrency limit


def test_language_is_in_the_keys_of_25_only_and_the_same_pinned_or_read(webui_zh, webui_en25, voice):
    unused = f"http://127.0.0.1:{free_port()}"
    read = indextts2.create(config(voice), webui_en25.url)
    pinned = indextts2.create(config(voice, **{"engine.indextts2": {"layout": "2.5"}}), unused)
    assert read.fingerprint() == pinned.fingerprint()
    for engine in (read, pinned):
        assert engine.language_params("fr-FR") == {"language": "FR"}
        assert engine.language_params("en") != engine.language_params("zh")
    assert indextts2.create(config(voice), webui_zh.url).language_params("fr") == {}  # IndexTTS-2


@pytest.mark.timeout(120)
def test_a_server_restarting_at_the_start_is_waited_for(webui_zh, voice, tmp_path):
    """The setup's fingerprint needs the server's /config: a run that starts while the only server
    restarts waits for it when asked to (engine.wait_for_server) and then finds every take in
    the cache."""
    import threading

    import narrator
    from narrator.synthesis.cache import Cache
    from narrator.values import Script, ScriptChapter, Segment
    from narrator.events import Notice
    from narrator.synthesis.scheduler import synthesize
    from servers.faulty import refused_url

    texts = ["We begin with a short sentence.", "Then another one follows it."]
    script = Script("T", "en", (ScriptChapter(1, "One", tuple(
        Segment(id=f"c01-s{i + 1:04d}", chapter=1, text=t, spoken=t, lang="en", emotion="neutral",
                boundary="sentence", pause_after_ms=250) for i, t in enumerate(texts))),))
    settings = config(voice, **{"cache_dir": str(tmp_path / "cache"), "engine.backoff": 0.5,
                                "engine.wait_for_server": 60,
                                "engine.backoff_max": 2.0, "engine.probe_after": 2.0,
                                "engine.probes": 4, "output.format": "wav", "output.book": "none"})
    cache = Cache(tmp_path / "cache")
    first = synthesize(script, [indextts2.create(settings, webui_zh.url)], cache, settings)
    assert first.synthesized == 2

    port = free_port()
    started: dict = {}
    up = threading.Thread(target=lambda: (time.sleep(1.0),
                                          started.setdefault("s", start_webui("2", "en_US", port=port))))
    up.start()
    try:
        events: list = []
        again = synthesize(script, [indextts2.create(settings, f"http://127.0.0.1:{port}")], cache,
                           settings, on_event=events.append)
        assert again.cached == 2 and again.synthesized == 0 and not again.failed
        assert any(isinstance(e, Notice) and "asking again" in e.text for e in events)
        up.join()
        restarted = started["s"]
        assert restarted.recorder.calls == []  # every take came from the cache
        # with a first server still down, the run ends well too (the manifest needs no server)
        src = tmp_path / "lesson.html"
        src.write_text("<p>We begin with a short sentence. Then another one follows it.</p>")
        two = config(voice, **{"cache_dir": str(tmp_path / "cache"), "output.format": "wav",
                               "output.book": "none", "engine.backoff": 0.5,
                               "engine.servers": [refused_url(), restarted.url]})
        manifest = narrator.narrate(src, two, out_dir=tmp_path / "out")
        assert manifest["engine"]["fingerprint"] == again.fingerprint
    finally:
        up.join()
        if "s" in started:
            started["s"].close()


@pytest.fixture(scope="session")
def webui_2d():
    server = start_webui("2-duration", "en_US")
    yield server
    server.close()


def test_web_ui_started_with_version_2_gets_26_values_and_duration_factor(webui_2d, voice):
    """The 2026-08 web UI with --version 2: /gradio_api/info lists 25 parameters (its gr.State is
    left out), but gen_single takes 26 values, null in the state's place."""
    import requests

    info = requests.get(webui_2d.url + "/gradio_api/info", timeout=10).json()
    assert len(info["named_endpoints"]["/gen_single"]["parameters"]) == 25
    emotions = {"calm": {"indextts2": {"speed": 0.8}}}
    engine = indextts2.create(config(voice, emotions=emotions), webui_2d.url)
    rec = webui_2d.recorder
    before = len(rec.calls)
    try:
        for emotion in ("neutral", "excited", "calm"):
            wav = engine.synthesize(EN, "en", emotion)
            assert decode(wav)[0] == 22050 and wav == speech_wav(EN, "en")
        described = engine.describe()
        fp = engine.fingerprint()
        params = {e: engine.emotion_params(e) for e in ("neutral", "excited", "calm")}
    finally:
        engine.close()
    neutral, excited, calm = rec.calls[before:]
    assert [c["state"] for c in (neutral, excited, calm)] == [None, None, None]
    assert neutral["duration_factor"] == 1.0
    assert excited["duration_factor"] == pytest.approx(1 / 1.08, abs=1e-3)  # the preset is faster
    assert calm["duration_factor"] == 1.25  # the user's speed 0.8: slower
    assert excited["sampling"] == [True, 0.8, 30, 0.8, 0.0, 3, 10.0, 1500]
    assert [c["method"] for c in (neutral, excited, calm)] == [0, 2, 2]
    assert described["layout"] == "2-duration" and described["inputs"] == 26
    assert described["locale"] == "en_US"
    assert fp.startswith("indextts2/2-duration/")
    # the speed is part of the take's identity where the server can deliver it
    assert "speed" not in params["neutral"] and params["calm"]["speed"] == 0.8
    assert params["excited"]["speed"] == 1.08


def test_all_three_layouts_are_told_apart_and_pinned_layouts_must_match(webui_zh, webui_en25,
                                                                         webui_2d, voice):
    for server, name in ((webui_zh, "2"), (webui_en25, "2.5"), (webui_2d, "2-duration")):
        engine = indextts2.create(config(voice), server.url)
        try:
            assert engine.describe()["layout"] == name
        finally:
            engine.close()
    wrong = indextts2.create(config(voice, **{"engine.indextts2": {"layout": "2"}}), webui_2d.url)
    with pytest.raises(EngineUnavailable, match="pinned to 2 but the server has the 2-duration layout"):
        wrong.synthesize(EN, "en", "neutral")
    # IndexTTS-2's own web UI has no duration_factor: the presets' speeds are not in its keys
    old = indextts2.create(config(voice), webui_zh.url)
    assert "speed" not in old.emotion_params("excited")
    before = len(webui_zh.recorder.calls)
    old.synthesize(EN, "en", "excited")
    assert webui_zh.recorder.calls[before]["duration_factor"] is None


def test_preset_speed_is_checked(voice):
    bad = config(voice, emotions={"calm": {"indextts2": {"speed": 5}}})
    with pytest.raises(ConfigError, match="emotions.calm.indextts2.speed"):
        indextts2.create(bad, "http://127.0.0.1:1")
