"""The take cache on disk, as a user and the next run see it: keys that stay the same across
versions (so a cache is never silently thrown away), speech-check records kept beside their
takes and removed with them, what prune and stats count, and one clear error naming the path
when the cache folder is not a folder."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from narrator.errors import OutputError
from narrator.synthesis.cache import STALE_TEMP_SECONDS, Cache
from narrator.util.wavio import mono_wav


def wav(seconds: float) -> bytes:
    return mono_wav(b"\x02\x00" * int(22050 * seconds), 22050)


def canonical(values: list) -> str:
    blob = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def test_keys_are_those_of_earlier_versions_for_every_kind_of_take() -> None:
    # a first take: exactly the four values (and the language's, when an engine uses it)
    assert Cache.key("fp", {"pitch": 50}, "你好。", 22050) == canonical(["fp", {"pitch": 50}, "你好。", 22050])
    assert Cache.key("fp", {}, "你好。", 22050, {"voice": "zh"}, 1) == canonical(["fp", {}, "你好。", 22050,
                                                                                {"voice": "zh"}])
    # another take of the same sentence: its number joins the values, from take 2 on
    assert Cache.key("fp", {}, "你好。", 22050, None, 2) == canonical(["fp", {}, "你好。", 22050, {"take": 2}])
    assert len({Cache.key("fp", {}, "Hi.", 22050, None, t) for t in (1, 2, 3)}) == 3
    # a value JSON does not know (a voice file's path) is keyed by its text
    assert Cache.key("fp", {"voice": Path("a.wav")}, "Hi.", 22050) == Cache.key("fp", {"voice": "a.wav"}, "Hi.", 22050)


def test_a_take_written_again_replaces_it_and_stats_count_only_takes(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = Cache.key("fp", {}, "Hello.", 22050)
    cache.put(key, wav(1.0))
    path = cache.put(key, wav(0.5))  # the same fan-out folder again
    assert path.read_bytes() == wav(0.5)
    cache.put_meta(key, {"heard": "hello"})
    (path.parent / ".tmp-half.part").write_bytes(b"half")  # a killed run's temporary
    (tmp_path / "notes.txt").write_text("a user's note")
    (tmp_path / "abc").mkdir()  # not a fan-out folder: never looked into
    (tmp_path / "abc" / (key + ".wav")).write_bytes(wav(1.0))
    assert cache.stats() == (1, len(wav(0.5)))


def test_a_fan_out_folder_that_is_a_link_is_not_walked(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    other = Cache(elsewhere)
    key = Cache.key("fp", {}, "Linked.", 22050)
    other.put(key, wav(0.5))
    cache = Cache(tmp_path / "cache")
    cache.root.mkdir()
    (cache.root / key[:2]).symlink_to(elsewhere / key[:2], target_is_directory=True)
    assert cache.stats() == (0, 0)
    assert cache.prune(keep=set()) == (0, 0)
    assert other.get(key) is not None  # another cache's take is never removed through a link


def test_speech_check_records_live_beside_their_takes_and_go_with_them(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    kept, gone = (Cache.key("fp", {}, t, 22050) for t in ("Kept.", "Gone."))
    for key in (kept, gone):
        cache.put(key, wav(0.5))
        cache.put_meta(key, {"heard": "光合作用", "passed": True})
    assert cache.meta_path(kept).parent == cache.path(kept).parent
    assert cache.meta_path(kept).name == kept + ".verify.json"
    assert "光合作用" in cache.meta_path(kept).read_text("utf-8")  # readable, not escaped
    assert cache.get_meta(kept) == {"heard": "光合作用", "passed": True}
    assert cache.prune(keep={kept}) == (1, len(wav(0.5)))
    assert not cache.meta_path(gone).exists() and cache.get_meta(gone) is None
    assert cache.get_meta(kept) is not None
    cache.meta_path(kept).write_text("[1, 2]", "utf-8")
    assert cache.get_meta(kept) is None  # not a record
    cache.meta_path(kept).write_text("{broken", "utf-8")
    assert cache.get_meta(kept) is None


def test_prune_goes_through_every_entry_and_every_folder(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    keys = [Cache.key("fp", {}, f"Sentence {i}.", 22050) for i in range(24)]
    for key in keys:
        cache.put(key, wav(0.2))
    assert len({k[:2] for k in keys}) > 10
    old = time.time() - 10 * 86400
    for key in keys[::2]:
        os.utime(cache.path(key), (old, old))
    # kept ones, young ones and files that are not takes come between those removed
    for key in keys[:6]:
        (cache.path(key).parent / f".tmp-{key[:8]}.part").write_bytes(b"x")
    assert cache.prune(keep=set(keys[:4]), older_than=86400) == (10, 10 * len(wav(0.2)))
    left = {k for k in keys if cache.path(k).exists()}
    assert left == set(keys[:4]) | set(keys[5::2])


def test_only_stale_temporaries_are_cleaned_up(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = Cache.key("fp", {}, "Hello.", 22050)
    cache.put(key, wav(0.5))
    stale, fresh = cache.path(key).parent / ".tmp-a.part", cache.path(key).parent / ".tmp-b.part"
    stale.write_bytes(b"old")
    fresh.write_bytes(b"now")  # another run is writing it right now
    then = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(stale, (then, then))
    assert cache.prune() == (0, 0)  # temporaries are not takes: never counted
    assert not stale.exists() and fresh.exists() and cache.get(key) is not None


def test_a_cache_folder_that_is_a_file_is_one_clear_error(tmp_path: Path) -> None:
    afile = tmp_path / "cache"
    afile.write_text("not a folder")
    cache = Cache(afile)
    key = Cache.key("fp", {}, "Hello.", 22050)
    for action in (cache.stats, lambda: cache.prune(keep=set())):
        with pytest.raises(OutputError) as err:
            action()
        assert str(err.value) == f"{afile}: cannot read the take cache (Not a directory)"
    with pytest.raises(OutputError) as err:
        cache.put(key, wav(0.5))
    assert str(err.value) == f"{afile / key[:2]}: cannot write to the take cache (Not a directory)"
    with pytest.raises(OutputError) as err:
        cache.put_meta(key, {"heard": "x"})
    assert str(err.value) == f"{cache.meta_path(key)}: cannot write (Not a directory)"
    assert cache.get(key) is None and cache.get_meta(key) is None


def many(cache: Cache, n: int = 24) -> list[str]:
    keys = [Cache.key("fp", {}, f"Sentence {i}.", 22050) for i in range(n)]
    for i, key in enumerate(keys):
        cache.put(key, wav(0.1 + 0.01 * i))
        cache.put_meta(key, {"heard": f"sentence {i}"})
    return keys


def test_stats_add_up_every_take_in_every_folder(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    keys = many(cache)
    assert cache.stats() == (len(keys), sum(len(wav(0.1 + 0.01 * i)) for i in range(len(keys))))


def test_emptying_the_cache_removes_every_take_and_record_whatever_the_order(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    keys = many(cache)
    removed, freed = cache.prune(keep=set())
    assert (removed, freed) == (len(keys), sum(len(wav(0.1 + 0.01 * i)) for i in range(len(keys))))
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_stale_temporaries_are_cleaned_up_in_every_folder(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    then = time.time() - STALE_TEMP_SECONDS - 60
    temps = []
    for key in many(cache, 12):
        temp = cache.path(key).parent / f".narrator-{key}.wav.x1y2.tmp"  # what a killed put() leaves
        temp.write_bytes(b"half")
        os.utime(temp, (then, then))
        temps.append(temp)
    assert cache.prune() == (0, 0)
    assert [t for t in temps if t.exists()] == []
    assert cache.stats()[0] == 12


def test_a_record_can_be_stored_in_a_cache_not_made_yet(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "new" / "cache")
    key = Cache.key("fp", {}, "Hello.", 22050)
    cache.put_meta(key, {"heard": "hello"})
    assert cache.get_meta(key) == {"heard": "hello"}
