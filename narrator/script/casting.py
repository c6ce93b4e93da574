"""Who says each sentence: explicit data-voice, speaker labels in dialogues, quotations.

A role is a name from the lesson ("A", "老师", "Teacher", "Maria") or "quote"; "" is the
narrator. The cast in narrate.toml ([voices]) gives roles their voices; this module only finds
the roles, conservatively:

- ``data-voice="name"`` on any element wins (the parser keeps it on blocks and runs).
- A speaker label starts a paragraph, list item or table row: ``A：``, ``Teacher:``,
  ``Narrator —``, ``<b>Maria:</b>``, or a first table cell holding a name. A label makes a line
  of dialogue only inside a *dialogue*: labelled blocks close together (at most two other blocks
  between them, no heading) with two names or more, in which someone speaks again after another
  (A, B, A), or whose names are all plain role names (single letters, 甲/乙, Teacher/学生,
  Speaker 2, a role of the cast). "Note: ...", "Time: 9:00", "Answer:" and a colon in prose
  are never speakers. In a dialogue the label of a role the cast gives a voice is not read
  aloud (``[voices] read_labels``); an uncast role's label is, the narrator saying that line.
- A block quote, and a sentence that is wholly a long quotation, are the role "quote".

>>> from narrator.values import Block, Run
>>> lines = find_lines([Block("paragraph", (Run("A：你好！"),)), Block("paragraph", (Run("B：你好！"),))])
>>> [(l.role_at(2), l.turns[0].end, l.dialogue) for l in lines]
[('A', 2, True), ('B', 2, True)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from narrator.config import NARRATOR_ROLES, QUOTE, Config
from narrator.text import HAN
from narrator.values import NOTE, VOICE, Block, Script

_GAP = 2  # unlabelled blocks allowed between two lines of one dialogue (a translation, a direction)
_NAME_CHARS = 24
_LATIN_NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.\s)?[A-Z][\w'’-]*(?:\s(?:[A-Z][\w'’-]*|\d{1,2}))?")
_CJK_NAME = re.compile(f"[{HAN}]{{1,5}}(?:[0-9A-Z]{{1,2}})?|[A-Z]")
_COLON = re.compile(r"\s*([^\s:：—–\-][^:：—–\n]{0,30}?)\s*[:：]\s*")
_DASH = re.compile(r"\s*([^\s:：—–\-][^:：—–\n]{0,30}?)\s*(?:——|—|--|–)\s*")
_NUMBERED = re.compile(r"(.+?)\s*[0-9]+")
_SPEECH = re.compile(f"[^\\W\\d_]|[{HAN}]")
# Labels that head a field, a note or an exercise, never a speaker (case-folded).
_NOT_SPEAKERS = frozenset("""
note notes nb warning caution important tip tips hint hints example examples answer answers question
questions q a.k.a definition source sources step summary key remember time date place location venue
name class topic subject title goal goals aim aims objective objectives materials material procedure
method result results conclusion homework exercise task tasks vocabulary grammar translation pinyin
meaning usage see figure fig table chapter part section lesson unit level duration reading writing
listening speaking solution explanation reason why how what who when where price cost total author
by update updated edit edited tags tag category email phone address website url link provision
provisions implication implications article clause rule law case facts fact issue issues held judgment
ratio principle principles condition conditions effect effects cause causes
注 注意 注释 注解 提示 例 例如 例句 例子 答 答案 问 问题 定义 来源 资料来源 出处 步骤 总结 时间 地点 日期
主题 目标 教学目标 重点 难点 作业 练习 词汇 生词 语法 翻译 拼音 意思 用法 解 解析 说明 备注 课文 结论 原因
结果 方法 要求 任务 内容 标题 班级 姓名 学号 科目 课题 课时 教具 准备 原文 译文 释义 词义 读音 作者 出自
""".split())
# Words that name a role with a number or a letter after them ("Voice 1", "Speaker B"), not alone.
# Not "role": "Role 1: You are a customer." heads a role-play card, an instruction to read whole.
_NUMBERED_ROLES = frozenset(("speaker", "voice", "person"))
# Names that are roles by themselves: a dialogue of two of them needs no repeated speaker.
_ROLE_WORDS = frozenset("""
teacher student students pupil narrator interviewer interviewee host guest customer waiter waitress
doctor patient mom mum dad mother father boy girl man woman child clerk driver passenger reporter
speaker person shopkeeper seller buyer receptionist caller operator friend
老师 学生 同学 旁白 记者 主持人 顾客 服务员 医生 病人 妈妈 爸爸 男 女 甲 乙 丙 丁 售货员 司机 乘客 经理 客人
""".split())


@dataclass(frozen=True, slots=True)
class Turn:
    """A speaker label in a block's text: ``name`` says what follows ``text[start:end]``."""

    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Line:
    """What casting found for one block: its explicit ``role`` ("" = none), the speaker labels
    in it (``turns``, from its start; a paragraph may hold several lines of a dialogue) and
    whether it is part of a ``dialogue`` (then the labels say who speaks, and between two
    speakers the pause is a turn pause)."""

    role: str = ""
    turns: tuple[Turn, ...] = ()
    dialogue: bool = False

    def role_at(self, offset: int) -> str:
        """Who says the text at ``offset``: the last label before it in a dialogue, else the block's role."""
        if self.role or not self.dialogue:
            return self.role
        return next((t.name for t in reversed(self.turns) if t.start <= offset), "")


class Draft(Protocol):
    """What casting reads and sets on the planner's drafts."""

    marks: tuple[str, ...]
    pause: int
    voice: str

    @property
    def text(self) -> str: ...

    @property
    def block(self) -> int: ...

    @property
    def span(self) -> tuple[int, int]: ...

    @property
    def boundary(self) -> str: ...


# where a later line of a dialogue may start inside a paragraph: after a sentence stop
_AFTER_STOP = re.compile(r"[。！？!?…．.][”’」』\"')）]*\s*")


def label_of(block: Block, known: frozenset[str] = frozenset()) -> tuple[Turn, ...]:
    """The speaker labels of ``block``: one at its start (else none), and, in a paragraph of
    several lines of dialogue, one after a sentence stop when it names a plain role, a role of
    the cast (``known``, case-folded), a Latin-script name or a name said twice in the block."""
    if block.kind not in ("paragraph", "item", "cell") or NOTE in block.context:
        return ()
    text = block.text
    if block.kind == "cell":
        if len(block.cells) < 2:
            return ()
        _, start, end = block.cells[0]
        name = text[start:end].strip().rstrip(":：").strip()
        ok = _is_name(name) and _SPEECH.search(text[block.cells[1][1]:])
        return (Turn(name, 0, block.cells[1][1]),) if ok else ()
    first = _label_at(text, 0)
    if first is None:
        return ()
    found = [first]
    for m in _AFTER_STOP.finditer(text, first.end):
        if m.end() < len(text) and (turn := _label_at(text, m.end(), colon_only=True)) is not None:
            found.append(turn)
    names = [t.name for t in found]
    return tuple(t for i, t in enumerate(found) if i == 0 or _is_role_word(t.name, known)
                 or t.name[0].isascii() or names.count(t.name) > 1)


def _label_at(text: str, at: int, *, colon_only: bool = False) -> Turn | None:
    for pattern in (_COLON,) if colon_only else (_COLON, _DASH):
        m = pattern.match(text, at)
        if m and _is_name(m.group(1)) and _SPEECH.search(text, m.end()):
            return Turn(m.group(1).strip("*_ "), at, m.end())
    return None


def _is_name(name: str) -> bool:
    name = name.strip("*_ ")
    if not name or len(name) > _NAME_CHARS or name.casefold() in _NOT_SPEAKERS:
        return False
    numbered = _NUMBERED.fullmatch(name)  # "Student 2" or "Voice 1" is a speaker, "Section 35" a heading
    if numbered and (base := numbered.group(1).casefold()) not in _ROLE_WORDS and base not in _NUMBERED_ROLES:
        return False
    return bool(_LATIN_NAME.fullmatch(name) or _CJK_NAME.fullmatch(name))


def _is_role_word(name: str, cast: frozenset[str]) -> bool:
    folded = name.casefold()
    base = re.sub(r"\s*[0-9A-Z]{1,2}$", "", name).casefold()  # "Student 2", "学生A"
    return len(name) == 1 or folded in cast or folded in _ROLE_WORDS or (base != folded and base in _ROLE_WORDS) \
        or base in _NUMBERED_ROLES


def find_lines(blocks: Sequence[Block], cast: Iterable[str] = (), *, detect: bool = True) -> list[Line]:
    """One :class:`Line` per block: explicit data-voice roles, and the lines of the dialogues
    found among ``blocks`` (a chapter's, in reading order). ``cast``: the role names of the
    cast (a label naming one of them counts as a plain role name)."""
    known = frozenset(c.casefold() for c in cast)
    labels = [label_of(b, known) if detect else () for b in blocks]
    lines = [Line(b.voice or "") for b in blocks]
    group: list[int] = []

    def close() -> None:
        names = [t.name for i in group for t in labels[i]]
        distinct = set(names)
        # someone speaks again after another (A, B, A)
        again = any(names[k] in names[:k] and names[k - 1] != names[k] for k in range(1, len(names)))
        if len(distinct) >= 2 and (again or all(_is_role_word(n, known) for n in distinct)):
            for i in group:
                lines[i] = Line(blocks[i].voice or "", labels[i], True)
        group.clear()

    gap = 0
    for i, block in enumerate(blocks):
        if labels[i]:
            group.append(i)
            gap = 0
        elif group:
            gap += 1
            if gap > _GAP or block.kind in ("heading", "break"):
                close()
    if group:
        close()
    return lines


# a sentence that is one quotation: opening and closing marks, maybe a stop after it
_QUOTED = re.compile(r'^\s*(["“„«「『])(.+)(["”“»」』])[\s.。!！?？…]*$', re.DOTALL)
_LONG_QUOTE = 40  # characters of a Latin-script quotation that make it a quotation to voice
_LONG_QUOTE_CJK = 16


def sentence_role(block: Block, line: Line, draft: Draft) -> str:
    """The role of one sentence of ``block``: an inline data-voice covering it, else the
    block's role or its speaker, else "quote" for a block quote or a long quotation."""
    inline = next((m[len(VOICE):] for m in draft.marks if m.startswith(VOICE)), None)
    if inline:
        return inline
    if role := line.role_at(draft.span[0]):
        return role
    if block.kind == "quote" or "blockquote" in block.context:
        return QUOTE
    m = _QUOTED.match(draft.text)
    if m and ("q" in draft.marks or len(m.group(2)) >= (
            _LONG_QUOTE_CJK if re.search(f"[{HAN}]", m.group(2)) else _LONG_QUOTE)):
        return QUOTE
    return ""


def cut_labels(spans: list[tuple[int, int, bool]], text: str, labels: Sequence[tuple[int, int]]
               ) -> list[tuple[int, int, bool]]:
    """Sentence spans of a block without the ``labels`` ([start, end) of speaker labels): a
    span holding a label is cut there, its pieces trimmed of spaces."""
    out = []
    for a, b, cut in spans:
        pieces = []
        for lo, hi in labels:
            if lo < b and hi > a:
                pieces.append((a, lo))
                a = hi
        pieces.append((a, b))
        for k, (lo, hi) in enumerate(pieces):
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            if lo < hi:
                out.append((lo, hi, cut if k == len(pieces) - 1 else False))
    return out


class Casting:
    """Casting for one plan: the lines of each chapter, each draft's role, the turn pauses."""

    def __init__(self, config: Config) -> None:
        self.voices = config.voices
        self.turn = config.pauses.turn
        self.roles: dict[str, int] = {}  # role -> sentences it says
        self.explicit: set[str] = set()  # roles named by data-voice
        self.engine = config.engine.resolved_name
        # roles with a voice of their own for the engine that will speak (the narrator's is its own)
        self.voiced = (set(self.voices.table(self.engine)) - {"default"}) | NARRATOR_ROLES

    def chapter(self, blocks: Sequence[Block]) -> list[Line]:
        lines = find_lines(blocks, self.voices.role_names(), detect=self.voices.detect)
        self.explicit.update(b.voice for b in blocks if b.voice)
        return lines

    def unread(self, line: Line) -> list[tuple[int, int]]:
        """Where the block's text is shown, not read: a dialogue's speaker labels of roles the
        cast gives a voice (a role read by the narrator keeps its label: the listener could not
        tell who speaks)."""
        if not line.dialogue or self.voices.read_labels:
            return []
        return [(t.start, t.end) for t in line.turns if t.name.casefold() in self.voiced]

    def assign(self, drafts: Sequence[Draft], block: Block, line: Line) -> None:
        """Set each draft's role; the voice marks are not marks a reader sees."""
        for d in drafts:
            d.voice = sentence_role(block, line, d)
            if any(m.startswith(VOICE) for m in d.marks):
                self.explicit.add(d.voice)
                d.marks = tuple(m for m in d.marks if not m.startswith(VOICE))
            if d.voice:
                self.roles[d.voice] = self.roles.get(d.voice, 0) + 1

    def turns(self, drafts: Sequence[Draft], lines: Sequence[Line]) -> None:
        """The pause between two dialogue lines of different speakers is the turn pause."""
        for d, e in zip(drafts, drafts[1:]):
            if 0 <= d.block < len(lines) and 0 <= e.block < len(lines) and lines[d.block].dialogue \
                    and lines[e.block].dialogue and d.voice != e.voice \
                    and d.boundary in ("sentence", "paragraph", "item"):
                d.pause = self.turn

    def warnings(self, engine: str | None = None) -> list[str]:
        """One line for roles the cast does not name for ``engine`` (default: the configured
        one; read by the narrator), when there is a cast or the document asked for voices by name."""
        engine = engine or self.engine
        unknown = [r for r in self.roles if self.voices.unknown(r, engine)]
        if not self.voices.has_cast(engine):  # no cast: only the voices the lesson asks for by name
            unknown = [r for r in unknown if r in self.explicit]
        if not unknown:
            return []
        listed = ", ".join(f"{r} ({self.roles[r]})" for r in unknown)
        return [f"roles without a voice in [voices], read by the narrator: {listed}"]


def who_says_what(script: Script, config: Config, engine: str | None = None) -> list[str]:
    """Lines for the dry run: each role, the voice it gets and how many sentences it says."""
    counts: dict[str, int] = {}
    for seg in script.segments:
        counts[seg.voice] = counts.get(seg.voice, 0) + 1
    if set(counts) <= {""}:
        return []
    out = []
    for role, n in sorted(counts.items(), key=lambda kv: (kv[0] != "", kv[0])):
        voice = config.voices.voice(role, engine)
        said = "narrator" if not role else role
        who = voice or ("the narrator (not in the cast)" if role and config.voices.unknown(role, engine)
                        else "the narrator")
        out.append(f"{said}: {n} sentence{'s' * (n != 1)}, voice {who}")
    return out
