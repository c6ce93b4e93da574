"""Issue 9, item 7: the dry run's duration estimate stays within 15 % of the narration eSpeak makes.

Three small hand-written lessons (English, Chinese, and numbers with a formula) are narrated for
real with the embedded eSpeak engine; the manifest's audio duration is the result."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from narrator.config import Config
from narrator.pipeline import plan
from narrator.script.planner import estimate_seconds

LESSONS = {
    "english": """<h1>Volcanoes</h1><p>A volcano is an opening in the crust of a planet. Hot rock, ash and
gases escape through it when the pressure below becomes too great.</p><h2>Kinds of volcano</h2>
<ul><li>Shield volcanoes have gentle slopes.</li><li>Cinder cones are small and steep.</li>
<li>Stratovolcanoes are tall, with layers of ash and lava.</li></ul><p>Why do some eruptions explode
while others flow? The answer lies in how thick the magma is, and how much gas it holds.</p>""",
    "chinese": """<h1>水的三态</h1><p>水在自然界中有三种状态：固态、液态和气态。冰融化成水，水蒸发成水蒸气，
水蒸气遇冷又凝结成小水滴。</p><h2>生活中的例子</h2><p>冬天窗户上的冰花，夏天早晨草叶上的露珠，都是水的状态变化。
请同学们想一想，还有哪些例子？</p>""",
    "numbers": r"""<h2>Measuring a room</h2><p>The room is 4.5 metres long and 3.2 metres wide, so its area
is \(4.5 \times 3.2 = 14.4\) square metres.</p><p>In 2024, paint cost $12 a litre, and one litre covers
about 10 square metres.</p><p>房间的面积是14.4平方米，需要大约1.5升油漆。</p>""",
}


@pytest.mark.parametrize("name", sorted(LESSONS))
def test_estimate_is_within_15_percent_of_espeak(name: str, tmp_path: Path) -> None:
    src = tmp_path / f"{name}.html"
    src.write_text(LESSONS[name], encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "narrator", str(src), "-o", str(out), "-q", "--engine", "espeak",
                          "--format", "wav", "--book", "none", "--cache-dir", str(tmp_path / "cache")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    real = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["audio"]["duration"]
    estimate = estimate_seconds(plan(src, Config()), Config())
    assert real > 10  # a real narration, not an empty file
    assert abs(estimate - real) <= 0.15 * real, (estimate, real)
