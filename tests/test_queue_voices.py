"""Voices per role through the queue (issue 24): `narrate worker`s whose setup names their voices.

Real parts only: a redis-server per test on loopback, real `narrate worker` subprocesses (Celery),
Gradio IndexTTS2 stand-ins in this process that model the cost of loading another speaker prompt
(switch_delay) and log the prompt of every generation, and `narrate` runs as subprocesses. A
bilingual dialogue with three roles (A, B, 老师) and the narrator: every take must be made with
its role's recording (compared by content), each server must switch voice at most as often as it
has voices to say, the keys must be those of a local run, and a role whose voice no worker has
must fail in one line. The measurement behind the routing's design (a worker per voice against a
worker with every voice, on the same two servers) is printed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.servers.audio import speech_wav
from tests.servers.indextts2_webui import start_webui
from tests.servers.queue import Asker, Worker

pytestmark = pytest.mark.slow
REDIS = shutil.which("redis-server")
SWITCH = 0.25  # seconds a stand-in takes to load another speaker prompt
DELAY = 0.05  # seconds per generation besides

LESSON = """<html lang="zh"><body><h1>第五课 问路</h1>
<p>Listen to two people asking the way. The teacher speaks at the end.</p>
<p>A：请问，火车站怎么走？</p><p>B：一直往前走，到路口往左拐。</p>
<p>A：远不远？</p><p>B：不远，走路十分钟。</p>
<p>A：附近有公共汽车吗？</p><p>B：有，三路车就到火车站。</p>
<p>A：太好了，谢谢你！</p><p>B：不客气。</p>
<p>A：Excuse me, how do I get to the station?</p><p>B：Go straight on and turn left at the crossing.</p>
<p>A：Is it far?</p><p>B：No, ten minutes on foot.</p>
<p>老师：这个对话很有用。</p><p>老师：Please read it again with a partner.</p>
<p>That is all for today.</p>
</body></html>"""
ROLES = {"A": "li", "B": "wang", "老师": "teacher"}


def sha(path: Path | str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def switches(prompts: list[str]) -> int:
    return sum(1 for a, b in zip(prompts, prompts[1:]) if a != b)


@pytest.fixture(scope="module")
def voices(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("voices")
    out = {}
    for name, words in (("narrator", "I am the narrator."), ("li", "I am Li, who asks the way."),
                        ("wang", "I am Wang, who knows it."), ("teacher", "I am your teacher.")):
        out[name] = folder / f"{name}.wav"
        out[name].write_bytes(speech_wav(words))
    return out


@pytest.fixture
def servers():
    started = [start_webui("2", "zh_CN", delay=DELAY), start_webui("2", "zh_CN", delay=DELAY)]
    for s in started:
        s.switch_delay = SWITCH
    yield started
    for s in started:
        s.close()


@pytest.fixture
def workers():
    """Start `narrate worker`s with ``start(...)`` (each ready when returned); all stopped after."""
    running: list[Worker] = []

    def start(broker: str, specs: list[tuple[str, Path, tuple[str, ...]]]) -> list[Worker]:
        new = [Worker(broker, server, cache, *extra) for server, cache, extra in specs]
        running.extend(new)
        for w in new:
            w.wait_ready()
        return new

    yield start
    for w in running:
        w.stop()


def write_toml(folder: Path, voices: dict[str, Path], roles: dict[str, str] = ROLES) -> Path:
    toml = folder / "narrate.toml"
    cast = "".join(f'"{role}" = "{voices[name]}"\n' for role, name in roles.items())
    toml.write_text(f'[engine]\nname = "indextts2"\nvoice_file = "{voices["narrator"]}"\n[voices]\n{cast}',
                    "utf-8")
    return toml


def span(servers) -> float:
    """Seconds from the first generation's start to the last one's end, over all servers."""
    calls = [c for s in servers for c in s.recorder.calls]
    return max(c["ended"] for c in calls) - min(c["started"] for c in calls)


def modelled(servers) -> float:
    """Seconds the busiest server spends generating and switching voice, from the counts the
    stand-ins logged and their modelled costs: the part of its time the routing decides, free of
    this machine's load (a wall-clock comparison is not a test: CI may run on a busy machine)."""
    return max(len(s.recorder.calls) * DELAY + s.switches * SWITCH for s in servers)


def reset(servers) -> None:
    for s in servers:
        s.recorder.calls.clear()
        s.prompt, s.switches = None, 0


def narrate_queued(lesson: Path, out: Path, broker: str, toml: Path, cache: Path) -> tuple[Asker, float]:
    """A `narrate` run through the broker: (its Asker, once ended, and its wall time in seconds)."""
    started = time.monotonic()
    asker = Asker(lesson, "-o", out, "--broker", broker, "-c", toml, "--cache-dir", cache,
                  "--format", "mp3", "--book", "none", cwd=lesson.parent)
    asker.wait(600)
    return asker, asker.ended - started


def check_voices(servers, manifest: dict, voices: dict[str, Path]) -> list[str]:
    """Assert every take was made with its role's recording and each server kept its voices;
    return a line per server."""
    said_by = {s["spoken"]: s.get("voice", "") for s in manifest["segments"]}
    file_of = {"": voices["narrator"], **{role: voices[name] for role, name in ROLES.items()}}
    calls = [c for s in servers for c in s.recorder.calls]
    assert len(calls) == len({s["take"] for s in manifest["segments"]})  # one generation per take
    for call in calls:
        assert sha(call["prompt"]) == sha(file_of[said_by[call["text"]]]), call["text"]
    lines = []
    for s in servers:
        prompts = [c["prompt"] for c in s.recorder.calls]
        assert s.switches == switches(prompts)
        lines.append(f"{s.url}: {len(prompts)} takes in {len(set(prompts))} voices, {s.switches} switches")
    return lines


def test_each_role_is_said_by_workers_that_have_its_voice(broker, servers, workers, voices, tmp_path):
    toml = write_toml(tmp_path, voices)
    workers(broker, [(s.url, tmp_path / f"wcache{i}", ("-c", str(toml))) for i, s in enumerate(servers)])
    listed = subprocess.run([sys.executable, "-m", "narrator", "engines", "--broker", broker], capture_output=True,
                            text=True, timeout=120)
    assert listed.stdout.count(f"voices: narrator, A ({voices['li']}), B ({voices['wang']}), "
                               f"老师 ({voices['teacher']})") == 2, listed.stdout
    lesson = tmp_path / "lesson.html"
    lesson.write_text(LESSON, "utf-8")
    asker, took = narrate_queued(lesson, tmp_path / "out", broker, toml, tmp_path / "cache")
    assert asker.proc.returncode == 0, asker.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert {s.get("voice", "") for s in manifest["segments"]} == {"", "A", "B", "老师"}
    report = check_voices(servers, manifest, voices)
    for s in servers:  # switch-aware: a server changes voice at most as often as it has voices
        prompts = [c["prompt"] for c in s.recorder.calls]
        assert prompts and s.switches <= len(set(prompts)), prompts
    order = [s.get("voice", "") for s in manifest["segments"]]
    print(f"\n{'; '.join(report)}; in document order {switches(order)} switches; {took:.1f} s")

    # the keys are the local scheduler's: a cache filled by one serves the other
    import narrator
    from narrator.config import load_config

    config = load_config(toml, overrides={"cache_dir": str(tmp_path / "local-cache"), "output.format": "mp3",
                                          "output.book": "none",
                                          "engine.servers": [s.url for s in servers]})
    local = narrator.narrate(lesson, config, out_dir=tmp_path / "local")
    assert [s["take"] for s in local["segments"]] == [s["take"] for s in manifest["segments"]]
    vtt = (tmp_path / "out" / manifest["chapters"][0]["captions"]).read_text("utf-8")
    assert "<v A>请问，火车站怎么走？</v>" in vtt and "<v 老师>这个对话很有用。</v>" in vtt


def test_a_worker_per_voice_against_workers_with_every_voice(broker, servers, workers, voices, tmp_path):
    """The measurement behind the design: the same lesson on the same two servers, first with a
    worker per voice (two on each server), then with one worker per server saying every voice."""
    toml = write_toml(tmp_path, voices)
    lesson = tmp_path / "lesson.html"
    lesson.write_text(LESSON, "utf-8")
    per_voice = [(servers[0].url, "narrator"), (servers[0].url, "A"), (servers[1].url, "B"),
                 (servers[1].url, "老师")]
    setups = {
        "a worker per voice": [(url, tmp_path / f"pv{i}", ("-c", str(toml), "--role", role))
                               for i, (url, role) in enumerate(per_voice)],
        "workers with every voice": [(s.url, tmp_path / f"ev{i}", ("-c", str(toml)))
                                     for i, s in enumerate(servers)],
    }
    runs = {}
    for name, specs in setups.items():
        started = workers(broker, specs)
        reset(servers)
        asker, took = narrate_queued(lesson, tmp_path / name, broker, toml, tmp_path / f"cache {name}")
        assert asker.proc.returncode == 0, asker.stderr
        manifest = json.loads((tmp_path / name / "manifest.json").read_text("utf-8"))
        runs[name] = (check_voices(servers, manifest, voices), [s.switches for s in servers], span(servers),
                      modelled(servers))
        for w in started:
            w.stop()
    (pv_lines, pv_switches, pv_time, pv_work), (ev_lines, ev_switches, ev_time, ev_work) = runs.values()
    print(f"\na worker per voice: {'; '.join(pv_lines)}; servers at work {pv_time:.2f} s"
          f"\nworkers with every voice: {'; '.join(ev_lines)}; servers at work {ev_time:.2f} s"
          f"\ntime the servers were at work (first start to last end), every voice / per voice: "
          f"{ev_time / pv_time:.2f}; the busiest server's modelled work {ev_work:.2f} s / {pv_work:.2f} s")
    assert all(n <= 4 for n in ev_switches), ev_switches  # at most once per voice
    assert sum(ev_switches) < sum(pv_switches), (ev_switches, pv_switches)
    # the per-voice servers spend seconds on switches, and the busiest one bounds the run
    assert ev_work < pv_work, (ev_work, pv_work)


def test_a_role_whose_voice_no_worker_has_fails_in_one_line(broker, servers, workers, voices, tmp_path):
    toml = write_toml(tmp_path, voices)
    workers(broker, [(servers[0].url, tmp_path / "wcache", ("-c", str(toml), "--role", "narrator",
                                                            "--role", "A", "--role", "B"))])
    lesson = tmp_path / "lesson.html"
    lesson.write_text(LESSON, "utf-8")
    asker, _ = narrate_queued(lesson, tmp_path / "out", broker, toml, tmp_path / "cache")
    assert asker.proc.returncode == 1
    lines = [line for line in asker.stderr.splitlines() if line.startswith("narrate:")]
    assert len(lines) == 1 and "Traceback" not in asker.stderr, asker.stderr
    assert "role 老师" in lines[0] and str(voices["teacher"]) in lines[0], lines[0]
    assert not any(s.recorder.calls for s in servers)  # nothing was sent before the check


def test_a_workers_roles_are_listed_as_narrate_toml_spells_them(tmp_path):
    from narrator.config import load_config
    from narrator.errors import ConfigError
    from narrator.synthesis.worker import served_voices

    toml = tmp_path / "narrate.toml"
    toml.write_text('[voices]\nTeacher = "+f3"\nStudent = "+m2"\n"老师" = "+f3"\n', "utf-8")
    config = load_config(toml)

    class Named:  # an engine whose voices are names (eSpeak's variants): the key is the name
        @staticmethod
        def voice_key(value: str) -> str:
            return value

    own, cast = served_voices(config, Named(), "espeak", ["teacher", "STUDENT"])
    assert not own and sorted(v.roles for v in cast) == [("Student",), ("Teacher",)]  # 老师 shares the voice, not asked for
    with pytest.raises(ConfigError) as refused:
        served_voices(config, Named(), "espeak", ["Techer"])
    assert refused.value.problems == ["--role Techer: the cast ([voices]) names no such role"]
