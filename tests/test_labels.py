"""Issue 9, item 3: image credits and the labels of page controls are not read as lesson text,
and each is listed in the skipped report with its reason. When in doubt, keep: a caption that
describes its picture, a sentence that starts with "Source:" in a lesson about sources, a word of
a vocabulary list that happens to be "copy" or "next". Small hand-written inputs, English and Chinese."""

from __future__ import annotations

import pytest

from narrator.config import ParseConfig
from narrator.parse import parse_html
from narrator.parse.labels import credit_kind, is_control_label


def _read(markup: str) -> tuple[str, list]:
    doc = parse_html(markup.encode("utf-8"), "lesson.html", ParseConfig())
    text = " ".join("".join(r.text for r in b.runs) for ch in doc.chapters for b in ch.blocks)
    return " ".join(text.split()), list(doc.skipped)


def _whats(skipped: list) -> list[str]:
    return [s.what for s in skipped]


@pytest.mark.parametrize("markup, credit, kept", [
    ('<h1>Volcanoes</h1><figure><img src="v.jpg" alt="Etna erupting"><figcaption>Etna erupting at night.'
     '</figcaption><p class="credit">Photo: Jane Doe / AP</p></figure><p>Lava is molten rock.</p>',
     "Photo: Jane Doe / AP", "Etna erupting at night."),
    ('<p><img src="a.png" alt=""></p><p>Image courtesy of NASA</p><p>Stars are suns.</p>',
     "Image courtesy of NASA", "Stars are suns."),
    ('<figure><img src="b.png" alt=""><figcaption>Source: Wikimedia Commons</figcaption></figure>'
     '<p>Birds migrate.</p>', "Source: Wikimedia Commons", "Birds migrate."),
    ('<p>Cities grew fast.</p><p>© 2023 Getty Images</p><p>Factories needed workers.</p>',
     "© 2023 Getty Images", "Factories needed workers."),
    ('<p style="text-align:center"><img src="c.jpg"></p><p style="text-align:center">（图源：新华社）</p>'
     '<p>长江是中国最长的河流。</p>', "图源", "长江是中国最长的河流。"),
    ('<p>我们参观了博物馆。</p><p>图片来源：视觉中国</p><p>摄影：李明</p><p>展品很多。</p>',
     "图片来源", "展品很多。"),
    ('<div class="wp-caption"><img src="d.jpg" alt="A farm"><p class="wp-caption-text">Credit: Bob Lee'
     '</p></div><p>Farms feed towns.</p>', "Credit: Bob Lee", "Farms feed towns."),
])
def test_image_credit_is_skipped_with_its_reason(markup: str, credit: str, kept: str) -> None:
    text, skipped = _read(markup)
    assert credit not in text
    assert kept in text
    credits = [s for s in skipped if s.what == "image credit"]
    assert credits and all("image credit" in s.reason for s in credits)


@pytest.mark.parametrize("markup, kept", [
    # a lesson about sources: prose that starts with "Source:" is lesson text
    ('<h1>Primary sources</h1><p>Source: a letter written by a soldier in 1916 to his mother, kept in '
     'the county archive, tells us how the trenches felt.</p>', "Source: a letter written"),
    ('<p>Source: Wikimedia Commons</p><p>Where did the picture come from?</p>', "Source: Wikimedia Commons"),
    # a caption that describes its picture is read
    ('<figure><img src="e.jpg" alt=""><figcaption>Photo: a student measuring rainfall in the garden'
     '</figcaption></figure>', "a student measuring rainfall"),
    ('<p>Photographs were rare in 1850, so painters drew the war.</p>', "Photographs were rare"),
    ('<figure><img src="f.jpg" alt=""><figcaption>图1 长江三峡的风光</figcaption></figure>', "长江三峡的风光"),
])
def test_text_that_only_looks_like_a_credit_is_read(markup: str, kept: str) -> None:
    text, skipped = _read(markup)
    assert kept in text
    assert "image credit" not in _whats(skipped)


@pytest.mark.parametrize("markup, label, kept", [
    ('<p>What is 6 × 7?</p><details><summary>Show answer</summary><p>It is 42.</p></details>',
     "Show answer", "It is 42."),
    ('<p>Rivers carve valleys over time.</p><p><a href="/story/1">Read more »</a></p>', "Read more", "Rivers carve"),
    ('<div class="code"><span class="copy-btn">Copy</span></div><p>Run the program.</p>', "Copy", "Run the program."),
    ('<p>The end of part one.</p><p><a href="p1.html">« Previous</a> | <a href="p3.html">Next »</a></p>',
     "Previous", "The end of part one."),
    ('<p>Plants need light.</p><div class="social"><a href="#">Like 12</a> <a href="#">Share (3)</a></div>',
     "Like", "Plants need light."),
    ('<p>Click to expand</p><p>Photosynthesis makes sugar.</p>', "Click to expand", "Photosynthesis"),
    ('<p>Print this page</p><p>Cells divide.</p>', "Print this page", "Cells divide."),
    ('<p>春天来了。</p><p><a href="javascript:void(0)">展开全文</a></p><p>返回顶部</p>', "展开全文", "春天来了。"),
    ('<p>答案如下。</p><div class="toggle">点击查看</div><p>答案是四十二。</p>', "点击查看", "答案是四十二。"),
    ('<p>完。</p><p><a href="a.html">上一篇</a> <a href="b.html">下一篇</a></p><p>分享 (3) 点赞 12</p>',
     "上一篇", "完。"),
])
def test_control_labels_are_skipped_with_their_reason(markup: str, label: str, kept: str) -> None:
    text, skipped = _read(markup)
    assert label not in text
    assert kept in text
    assert "control label" in _whats(skipped)
    assert all(s.reason for s in skipped)


@pytest.mark.parametrize("markup, kept", [
    # words of a lesson: a vocabulary list, prose that names a button, a heading
    ('<h2>Verbs</h2><ul><li>copy</li><li>print</li><li>share</li></ul>', "copy print share"),
    ('<h2>Verbs</h2><p>copy print share</p><p>Say each verb.</p>', "copy print share"),
    ('<p>Press <b>Show answer</b> when you are ready, then read the answer aloud.</p>', "Show answer"),
    ('<p>Read the <a href="ch2.html">next</a> chapter before Monday.</p>', "next chapter"),
    ('<h2>Next</h2><p>We look at rivers.</p>', "Next"),
    ('<p>点击“提交”按钮，然后展开全文阅读。</p>', "展开全文"),
    ('<ul><li>上一篇课文讲了春天。</li></ul>', "上一篇课文"),
])
def test_lesson_words_that_name_controls_are_read(markup: str, kept: str) -> None:
    text, skipped = _read(markup)
    assert kept in text
    assert "control label" not in _whats(skipped)


def test_rules_in_words() -> None:
    assert credit_kind("Photo by Jane Doe on Unsplash") == "image"
    assert credit_kind("（新华社记者 李明 摄）") == "image"
    assert credit_kind("Source: Wikimedia Commons") == "generic"  # a credit only beside a picture
    assert credit_kind("Image: a diagram of the water cycle") == ""
    assert is_control_label("Copy") is False and is_control_label("Copy", True) is True
    assert is_control_label("Share Tweet Email", True) and is_control_label("12 likes")
    assert not is_control_label("913-451-5921") and not is_control_label("3.14 | 2.72")  # numbers, no label
    assert not is_control_label("copy print share")  # three words of a list, unless on a control
    assert not is_control_label("Next, add the flour.")
