"""Issue 21 item 8: a Chinese page shows its characters where CJK fonts are installed.

With no font for a script, every character is drawn as the same empty box; with one, two
different characters give two different pictures. The test draws two characters of the sample
lesson in the font the player's sentences use, in real Chromium. .ci/run installs Debian's
fonts-wqy-zenhei; without any CJK font the test is skipped (it fails under CI)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import narrator
from narrator.config import load_config

ROOT = Path(__file__).resolve().parents[1]

DRAW = """([a, b]) => {
  const seg = document.querySelector('.seg');
  const font = getComputedStyle(seg).font;
  const picture = ch => {
    const c = document.createElement('canvas'); c.width = 64; c.height = 64;
    const g = c.getContext('2d'); g.font = font.replace(/\\d+(\\.\\d+)?px/, '48px');
    g.fillStyle = '#000'; g.fillText(ch, 4, 52);
    return Array.from(g.getImageData(0, 0, 64, 64).data).join(',');
  };
  return {font, same: picture(a) === picture(b), blank: picture(a) === picture(' ')};
}"""


def cjk_fonts() -> bool:
    fc = shutil.which("fc-list")
    if fc is None:
        return False
    out = subprocess.run([fc, ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    return bool(out.strip())


def test_a_chinese_lesson_renders_glyphs_not_boxes(browser, tmp_path: Path) -> None:
    if not cjk_fonts():
        message = "no CJK font installed (fc-list :lang=zh is empty): apt install fonts-noto-cjk"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    shutil.copy(ROOT / "samples" / "lesson.html", tmp_path / "lesson.html")
    config = load_config(overrides={"cache_dir": str(tmp_path / "cache"), "output.book": "none"})
    narrator.narrate(tmp_path / "lesson.html", config, out_dir=tmp_path / "out")
    page = browser.new_page()
    try:
        page.goto((tmp_path / "out" / "index.html").as_uri())
        drawn = page.evaluate(DRAW, ["光", "合"])
    finally:
        page.close()
    assert not drawn["blank"], drawn["font"]
    assert not drawn["same"], f"光 and 合 are drawn alike in {drawn['font']}: boxes, not glyphs"
