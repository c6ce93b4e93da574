"""The player in Firefox (Debian's firefox-esr, driven over Marionette), opened from file://:
the captions have their cues, the structure is there, a click plays from the sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from tests.lessons import build_lesson
    from tests.marionette import Firefox
except ImportError:
    from lessons import build_lesson  # type: ignore[no-redef]
    from marionette import Firefox  # type: ignore[no-redef]

pytestmark = pytest.mark.browser


def test_captions_and_clicks_work_from_the_file_system_in_firefox(firefox: Firefox, tmp_path: Path) -> None:
    out, manifest, _ = build_lesson(tmp_path)
    firefox.goto((out / "index.html").as_uri())
    assert firefox.wait("return document.getElementById('player').readyState >= 1")
    cues = firefox.run("""const t = Array.from(document.getElementById('player').textTracks)
        .filter(t => t.mode === 'showing');
        return t.length === 1 ? Array.from(t[0].cues).map(c => [c.id, Math.round(c.startTime * 1000) / 1000,
                                  Math.round(c.endTime * 1000) / 1000, c.text]) : t.length;""")
    assert cues == [[s["id"], s["start"], s["end"], s["text"]] for s in manifest["segments"]]
    assert firefox.run("return Array.from(document.querySelectorAll('main ol > li')).map(e => e.value)") == [3, 4]
    assert firefox.run("return document.querySelectorAll('main table tbody tr').length") == 2
    target = next(s for s in manifest["segments"] if s["text"] == "Bullet two.")
    firefox.run("""const a = document.getElementById('player');
        a.addEventListener('playing', () => { window.started = {t: a.currentTime,
            lit: document.querySelector('.seg.current').id}; }, {once: true});
        document.getElementById(arguments[0]).click();""", target["id"])
    started = firefox.wait("return window.started")
    assert started and started["lit"] == target["id"]
    assert target["start"] - 0.05 <= started["t"] < target["end"]
