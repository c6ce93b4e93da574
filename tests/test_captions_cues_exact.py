"""Caption files as a player reads them, to the character: WebVTT and SRT timestamps to the
millisecond, escaping, cue ids, voice spans, word-time tags only inside their cue, and the times
of laid-out caption cues (by the words when the take was checked, else by the share of the text)."""

from __future__ import annotations

import re

from narrator.publishing.captions import Cue, caption_cues, layout_cues, timestamp, to_srt, to_vtt


def test_timestamps_are_hours_minutes_seconds_and_milliseconds() -> None:
    assert timestamp(0) == "00:00:00.000"
    assert timestamp(3661.2344) == "01:01:01.234"
    assert timestamp(7322.5, sep=",") == "02:02:02,500"
    assert timestamp(59.9996) == "00:01:00.000"  # rounded to the millisecond, carried into the minute
    assert timestamp(-2.0) == "00:00:00.000"  # never a negative time


def test_a_vtt_file_holds_each_cue_with_its_times_escaped_text_and_a_safe_id() -> None:
    cues = [
        Cue("c01-s0001", 0.0, 1.5, "Fish & <chips>"),
        Cue("", 3661.2344, 3662.0, "Second\n\n  line"),  # a blank line would end the cue
        Cue("a-->b", 5.0, 5.0, "Zero length"),  # an id with an arrow would read as a timing line
        Cue("empty", 6.0, 7.0, "   "),  # nothing to show: no cue
        Cue("early", -0.5, 0.2, "Before the start"),
    ]
    assert to_vtt(cues) == (
        "WEBVTT\n\n"
        "c01-s0001\n00:00:00.000 --> 00:00:01.500\nFish &amp; &lt;chips&gt;\n\n"
        "01:01:01.234 --> 01:01:02.000\nSecond line\n\n"
        "00:00:05.000 --> 00:00:05.001\nZero length\n\n"  # a cue ends after it starts
        "early\n00:00:00.000 --> 00:00:00.200\nBefore the start\n"
    )
    assert to_vtt([]) == "WEBVTT\n"


def test_an_srt_file_numbers_the_shown_cues_and_keeps_text_as_it_is() -> None:
    cues = [
        Cue("x", 1.25, 2.0, "Salt & <pepper>"),
        Cue("y", 2.0, 2.0, " "),
        Cue("z", 62.0, 64.5, "two lines", lines=("First line", "", "second line")),
    ]
    assert to_srt(cues) == (
        "1\n00:00:01,250 --> 00:00:02,000\nSalt & <pepper>\n\n"
        "2\n00:01:02,000 --> 00:01:04,500\nFirst line\nsecond line\n"
    )
    assert to_srt([Cue("y", 0, 1, "")]) == ""


def test_voices_wrap_a_cue_and_the_cues_laid_out_from_it() -> None:
    cues = [Cue("s1", 0, 1, "Hello"), Cue("s1-2", 1, 2, "there"), Cue("s2", 2, 3, "Bye")]
    blocks = to_vtt(cues, {"s1": "Teacher <A>"}).split("\n\n")
    assert blocks[1].splitlines()[-1] == "<v Teacher &lt;A&gt;>Hello</v>"
    assert blocks[2].splitlines()[-1] == "<v Teacher &lt;A&gt;>there</v>"
    assert blocks[3].splitlines()[-1] == "Bye"


def test_word_time_tags_are_strictly_inside_the_cue_and_increasing() -> None:
    words = (("one", 1.0, 1.4), ("two", 1.5, 1.9), ("three", 1.45, 2.4), ("&", 2.5, 2.6), ("four", 3.0, 3.2))
    cue = Cue("k", 1.0, 3.0, "one two three & four", words)
    text = to_vtt([cue]).split("\n")[-2]
    # "three" starts before "two" (not increasing), "four" at the cue's end: neither is tagged
    assert text == "one <00:00:01.500>two three <00:00:02.500>&amp; four"
    # words that are not the cue's text: the text without tags
    wrong = Cue("k", 1.0, 3.0, "one two", (("one", 1.0, 1.2), ("six", 1.5, 1.9)))
    assert to_vtt([wrong]).split("\n")[-2] == "one two"


def spoken_at(sentence: str, part: str, start: float, end: float) -> float:
    """When ``part`` of ``sentence`` is reached at an even pace from ``start`` to ``end``."""
    return start + (end - start) * sentence.index(part) / len(sentence)


LONG = ("As the vapour rises into the cold upper air, it cools and condenses into tiny droplets that "
        "gather together and form the clouds we see in the sky, and then the rain falls back to the sea.")


def test_caption_cues_without_word_times_start_at_their_share_of_the_sentence() -> None:
    cues = caption_cues(Cue("s", 10.0, 22.0, LONG))
    assert len(cues) >= 2
    assert cues[0].start == 10.0 and cues[-1].end == 22.0
    for cue in cues[1:]:
        assert abs(cue.start - spoken_at(LONG, cue.text, 10.0, 22.0)) < 1e-9, cue
    assert [c.id for c in cues] == ["s"] + [f"s-{k}" for k in range(2, len(cues) + 1)]
    assert layout_cues([Cue("s", 10.0, 22.0, LONG), Cue("t", 22.0, 23.5, "Done.")]) == \
        cues + [Cue("t", 22.0, 23.5, "Done.")]


def test_caption_cues_follow_the_spoken_words_and_ignore_words_of_another_text() -> None:
    said = LONG.split()
    words = tuple((w, 30.0 + 0.4 * i, 30.0 + 0.4 * i + 0.3) for i, w in enumerate(said))
    end = 30.0 + 0.4 * len(said)
    cues = caption_cues(Cue("w", 30.0, end, LONG, words))
    assert len(cues) >= 2
    for cue in cues[1:]:
        first = len(LONG[:LONG.index(cue.text)].split())
        assert cue.start == words[first][1]  # as its first word is said
        assert [w[0] for w in cue.words] == cue.text.split()
    # the first word said before the sentence's own start: the cue still starts with the sentence
    early = (("As", 29.0, 29.5),) + words[1:]
    assert caption_cues(Cue("w", 30.0, end, LONG, early))[0].start == 30.0
    # one word is not in the text (another sentence's words): times by share, no word tags
    other = words[:5] + (("elephant", 32.0, 32.3),) + words[6:]
    laid = caption_cues(Cue("w", 30.0, end, LONG, other))
    for cue in laid[1:]:
        assert abs(cue.start - spoken_at(LONG, cue.text, 30.0, end)) < 1e-9
    assert sum(len(c.words) for c in laid) == 5  # only the words found before the stranger


def test_a_laid_out_cue_shows_at_most_two_lines_of_42_characters() -> None:
    for cue in caption_cues(Cue("s", 0.0, 12.0, LONG)):
        shown = to_vtt([cue]).split("\n")[4:-1]  # after the id and the times
        assert 1 <= len(shown) <= 2
        assert all(len(line) <= 42 for line in shown), shown
        assert (len(shown) == 2) == (len(cue.lines) == 2)
        assert re.sub(r"\s+", " ", " ".join(shown)) == cue.text


def lines_of(sentence: str, seconds: float = 1.5) -> list[tuple[str, ...]]:
    return [c.lines or (c.text,) for c in caption_cues(Cue("a", 0.0, seconds, sentence))]


def test_lines_break_after_punctuation_before_a_conjunction_and_never_after_an_article() -> None:
    assert lines_of("Warm air rises over the wide sea, clouds form high above the land and hills.") == [
        ("Warm air rises over the wide sea,", "clouds form high above the land and hills.")]
    assert lines_of("Warm rain falls over hills which rivers carry water down to seas.") == [
        ("Warm rain falls over hills", "which rivers carry water down to seas.")]
    assert lines_of("Every spring the farmers in the valley plant rice in the wet fields.") == [
        ("Every spring the farmers in the valley", "plant rice in the wet fields.")]


def test_a_line_may_be_exactly_42_characters() -> None:
    assert lines_of("Rivers carry all the water down the hills.") == [("Rivers carry all the water down the hills.",)]
    assert lines_of("Rivers carry all the water down the hills, then it rains.") == [
        ("Rivers carry all the water down the hills,", "then it rains.")]


def test_a_word_longer_than_a_line_is_shown_whole_on_a_line_of_its_own() -> None:
    url = "https://example.org/lessons/water-cycle/evaporation-and-condensation.html"
    for sentence in (f"Read {url} before class.", f"{url} is where the lesson lives."):
        cues = caption_cues(Cue("u", 0.0, 6.0, sentence))
        assert " ".join(" ".join(c.lines or (c.text,)) for c in cues) == sentence
        assert any(url in (c.lines or (c.text,)) for c in cues)
        assert all(len(line) <= 42 for c in cues for line in (c.lines or (c.text,)) if line != url)


def test_the_first_caption_starts_with_the_sentence_even_before_its_first_word() -> None:
    said = LONG.split()
    words = tuple((w, 30.4 + 0.4 * i, 30.4 + 0.4 * i + 0.3) for i, w in enumerate(said))
    cues = caption_cues(Cue("w", 30.0, 30.4 + 0.4 * len(said), LONG, words))
    assert len(cues) >= 2 and cues[0].start == 30.0  # the pause before the first word is its too
    assert cues[1].start == words[len(cues[0].text.split())][1]


def test_a_fast_long_sentence_takes_as_few_captions_as_fit() -> None:
    sentence = ("The water that falls as rain on the high hills runs down into streams and rivers, which carry "
                "it back to the sea where the sun warms it again, and the whole cycle starts over once more.")
    cues = caption_cues(Cue("f", 0.0, 2.5, sentence))  # 180 characters: three cues of two lines at most
    assert len(cues) == 3
    assert " ".join(c.text for c in cues) == sentence


def test_voices_follow_real_segment_ids_and_their_laid_out_parts() -> None:
    cues = [Cue("c01-s0001", 0, 1, "Hello"), Cue("c01-s0001-2", 1, 2, "there"), Cue("c01-s0002", 2, 3, "Bye"),
            Cue("c01-s0003-2", 3, 4, "again")]
    blocks = to_vtt(cues, {"c01-s0001": "A", "c01-s0003": "B"}).split("\n\n")
    assert [b.splitlines()[-1] for b in blocks[1:]] == ["<v A>Hello</v>", "<v A>there</v>", "Bye", "<v B>again</v>"]


def test_no_caption_is_cut_shorter_than_a_second_to_end_at_a_comma() -> None:
    sentence = "The water cycle moves water from the sea to the sky and back to the land again, every day."
    cues = caption_cues(Cue("s", 5.0, 7.2, sentence))
    assert len(cues) == 2 and all(c.end - c.start >= 1.0 for c in cues), cues
    assert cues[1].text.endswith("again, every day.")  # not "every day." alone for a quarter second


def test_two_lines_of_plain_words_are_balanced() -> None:
    for sentence in ("Seven green frogs swim slowly across small ponds near tall trees today",
                     "Bright yellow ducks paddle gently over quiet water beside old stone walls"):
        (first, second), = lines_of(sentence)
        assert abs(len(first) - len(second)) <= 7, (first, second)


def test_words_said_at_the_same_moment_get_one_time_tag() -> None:
    words = (("a", 1.0, 1.2), ("b", 1.5, 1.6), ("c", 1.5, 1.9))
    assert to_vtt([Cue("k", 1.0, 3.0, "a b c", words)]).split("\n")[-2] == "a <00:00:01.500>b c"


def test_a_long_address_shares_its_caption_with_the_words_around_it() -> None:
    url = "https://example.org/lessons/water-cycle/evaporation-and-condensation.html"
    assert lines_of(f"Read {url} before class.", 6.0) == [("Read", url), ("before class.",)]
    assert lines_of(f"{url} is where the lesson lives.", 6.0) == [(url, "is"), ("where the lesson lives.",)]
