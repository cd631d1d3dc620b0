"""Finding the words of ``data/legal/lexicon.json`` in a situation, with negation.

A word counts where it stands on jieba word boundaries (so 书记 is not found inside 书记员),
or where it is three characters or longer. A word is *negated* when a negator (没有, 未, 并未,
不 ...) stands before it in the same clause, unless the negator belongs to a fixed phrase that
negates nothing (没想到, 不明情况, 不知道 ...).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jieba

from core.errors import InputError
from core.settings import REPO_ROOT

LEXICON_FILE = REPO_ROOT / "data/legal/lexicon.json"
CLAUSE_BREAK = re.compile(r"[，。；！？、,.;!?\n：:“”\"（）()—]")
SENTENCE_BREAK = re.compile(r"[。；！？;!?\n]")
# Where a clause ends for Text.clause_end: the stops and commas, not an enumeration's 、
_CLAUSE_STOP = re.compile(r"[，。；！？,.;!?\n]")
# A "not yet" verb phrase closed by 的: it modifies a noun (还没宣判的评议结果, 尚未定稿的审查报告),
# and negates nothing outside itself.
_MODIFIER = re.compile(r"(还没有?|还未|尚未|未经)[^的，。；]{1,8}的")
# A disposal after the negated phrase (没有任何理由就把…, 未经研究便将…): a predicate of its own.
_NEW_DISPOSAL = re.compile(r"(就|便|直接|却|径直)(把|将)")
# Words that put a whole sentence in doubt: another explanation is open.
POSSIBILITY = ("也可能", "可能只是", "不排除", "或许只是", "说不定")
# 是发函还是打电话说的，不清楚: two ways it may have gone, neither known
EITHER_UNKNOWN = re.compile(r"是[^，。；？]{1,12}还是[^，。；？]{1,12}[，,]?(我们)?"
                            r"(都|也|谁也|谁都)?(不清楚|不知道|说不清|不好说|搞不清|拿不准)")
# A word followed at once by one of these heads is part of a name, not an act: the type of a
# case (借款案, 受贿罪, 买卖纠纷), a contract in dispute (借款合同), an institution
# (认罪认罚从宽制度), a department (控告申诉部门) or a person (缓刑犯, 取保人员); 控告申诉接待室
# is a room; 朋友圈 is a feed, not a friend. The case a situation is about is not the conduct
# it reports.
# 案件督办室, 案件管理中心: an organ's office for cases, after the organ's name
_OFFICE_OF_CASES = re.compile(r"案件?(督办|管理|质量|评查|监督)(室|处|科|中心|办公室|部)")
NAME_HEAD = re.compile(r"(案件?|纠纷|罪|制度|(申诉)?(部门|接待室|接待大厅|窗口)|科室|犯(?!罪)|"
                       r"人员|办公会|圈|合同|协议)")


# Inside a disclosure construction (告诉她判决前不能透露合议庭的意见), a negator before its verb
# denies the disclosure itself.
_INNER_NEGATION = re.compile(r"(不能|不得|不可|不会|不便|无法|没有|没|未|不)"
                             r"(告诉|透露|转告|透给|说给|发给|通知|泄露)")
_INNER_NEGATION_COUNTS = frozenset({"leak"})
_MODAL_NEGATIONS = ("不能", "不得", "不便", "不可", "无法")
# A modal negation, then to whom or for whom (不能给法院, 不便替他): the verb after is ruled
# out.
_MODAL_BEFORE_OBJECT = re.compile(r"(不能|不得|不便|不可|无法)(给|向|跟|对|为|替|帮)"
                                  r"[^，。；]{0,8}$")
_A_NOT_A_NEGATORS = "不没"
# A clause that asks whether the conduct counts as something (这算按程序了解情况吗？)
_ASKED_YES_NO = re.compile(r"(这|那|他|她|它)?(算|算是|属于|构成)[^，。；！？?]{0,30}吗[？?]|"
                           # 这事要补报吗？: whether to do it is asked, nothing done
                           r"(这事|这个|那个)?(还)?(要|需要|该|应该|得)[^，。；！？?]{0,12}吗[？?]")
# Right after the word: 报备没有？, 报了没有，他说…: whether it was done is asked
_ASKED_AFTER = re.compile(r"(了)?(没有|没)([？?]|[，,](他|她)(说|回|笑|没回|没答|不答))")


def _a_not_a_before(text: str, position: int) -> bool:
    """The word at ``position`` closes an A-not-A question (报没报告, 记不记): whether it was
    done is asked, not denied."""
    return position >= 2 and text[position - 1] in _A_NOT_A_NEGATORS \
        and text[position - 2] == text[position]


def _a_not_a_inside(text: str, start: int) -> bool:
    """The word at ``start`` opens with the negator of an A-not-A question (要不要记,
    需不需要登记, 用不用登记): the word is the question's second half, not a refusal."""
    return start >= 1 and start + 1 < len(text) and text[start] in _A_NOT_A_NEGATORS \
        and text[start - 1] == text[start + 1]


@dataclass(frozen=True)
class Match:
    word: str
    start: int
    end: int
    negated: bool
    uncertain: bool = False


class Lexicon:
    """The word lists, and a jieba tokenizer of its own that knows them (the global jieba
    dictionary, which search uses, is left alone)."""

    def __init__(self, raw: dict[str, object]) -> None:
        self.raw = raw
        self.negators = tuple(sorted(_strings(raw, "negators"), key=len, reverse=True))
        self.exceptions = tuple(_strings(raw, "negator_exceptions"))
        self.uncertain = tuple(_strings(raw, "uncertain"))
        self.post_negators = tuple(_strings(raw, "post_negators"))
        patterns = raw.get("_patterns", {})
        self.patterns: dict[str, tuple[re.Pattern[str], ...]] = {}
        if isinstance(patterns, dict):
            for name, values in patterns.items():
                if name.startswith("_") or not isinstance(values, list):
                    continue
                try:
                    self.patterns[name] = tuple(re.compile(str(v)) for v in values)
                except re.error as error:
                    raise InputError(f"lexicon pattern {name!r}: {error}",
                                     file=LEXICON_FILE) from error
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.initialize()
        for word in self.all_words():
            self.tokenizer.add_word(word, freq=2000)

    def words(self, *path: str) -> tuple[str, ...]:
        node: object = self.raw
        for key in path:
            if not isinstance(node, dict) or key not in node:
                raise InputError(f"lexicon has no list {'/'.join(path)!r}", file=LEXICON_FILE)
            node = node[key]
        if not isinstance(node, list):
            raise InputError(f"lexicon entry {'/'.join(path)!r} is not a list",
                             file=LEXICON_FILE)
        return tuple(str(w) for w in node)

    def all_words(self) -> set[str]:
        out: set[str] = set()

        def walk(node: object, top: bool) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if not (top and key.startswith("_")):
                        walk(value, False)
            elif isinstance(node, list):
                out.update(str(w) for w in node)

        walk(self.raw, True)
        return out

    def analyse(self, text: str) -> Text:
        return Text(self, text)


class Text:
    """One situation: its jieba boundaries, clauses and the lexicon words in it."""

    def __init__(self, lexicon: Lexicon, text: str) -> None:
        self.lexicon = lexicon
        self.text = text
        self.boundaries = {0, len(text)}
        position = 0
        for token in lexicon.tokenizer.cut(text, HMM=False):
            position += len(token)
            self.boundaries.add(position)
        self._cache: dict[tuple[str, ...], list[Match]] = {}

    def find(self, words: Iterable[str], *, negatable: bool = True) -> list[Match]:
        """Every occurrence of ``words``, in text order; where two overlap the longer is
        kept, and of two as long the one further left (发文件: 发文, whatever the order of
        the words: a set's order changed with the interpreter's hash seed, and with it the
        words an answer's reasons quoted)."""
        key = tuple(words)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        found: list[Match] = []
        taken: set[int] = set()
        candidates = sorted((-len(word), start, word) for word in set(key)
                            for start in _occurrences(self.text, word))
        for _, start, word in candidates:
            end = start + len(word)
            if taken & set(range(start, end)):
                continue
            if len(word) < 3 and not (start in self.boundaries or end in self.boundaries):
                continue
            if _in_a_name(self.text, word, end) or _a_not_a_inside(self.text, start):
                continue
            taken |= set(range(start, end))
            found.append(Match(word, start, end,
                               negatable and self.negated(start, end),
                               negatable and self.is_uncertain(start, end)))
        found.sort(key=lambda m: m.start)
        self._cache[key] = found
        return found

    def find_pattern(self, name: str) -> list[Match]:
        """Every match of the lexicon's ``_patterns[name]`` expressions, with negation."""
        found: list[Match] = []
        for pattern in self.lexicon.patterns.get(name, ()):
            for m in pattern.finditer(self.text):
                word_end = min(b for b in self.boundaries if b >= m.end())
                if name not in _FRAMES and _in_a_name(self.text, self.text[m.start():word_end],
                                                       word_end):
                    continue  # 向…借 reaching into 借款案: the name of the case
                if _a_not_a_inside(self.text, m.start()):
                    continue  # 要不要把他的电话登记: asked, not refused
                negated = self.negated(m.start(), m.end()) or (
                    name in _INNER_NEGATION_COUNTS and bool(_INNER_NEGATION.search(m.group(0))))
                found.append(Match(m.group(0), m.start(), m.end(), negated,
                                   self.is_uncertain(m.start(), m.end())))
        found.sort(key=lambda m: m.start)
        return found

    def closes_a_not_a(self, position: int) -> bool:
        """知不知情, 报没报告: the word at ``position`` closes an A-not-A question."""
        return _a_not_a_before(self.text, position)

    def present(self, words: Iterable[str]) -> list[Match]:
        """Occurrences neither negated nor put in doubt (是否, 有没有 ...)."""
        return [m for m in self.find(words) if not m.negated and not m.uncertain]

    def negated_hits(self, words: Iterable[str]) -> list[Match]:
        return [m for m in self.find(words) if m.negated]

    def clause_start(self, position: int) -> int:
        breaks = [m.end() for m in CLAUSE_BREAK.finditer(self.text, 0, position)]
        return breaks[-1] if breaks else 0

    def clause_end(self, position: int) -> int:
        stop = _CLAUSE_STOP.search(self.text, position)
        return stop.start() if stop else len(self.text)

    def sentence_of(self, position: int) -> tuple[int, int]:
        before = [m.end() for m in SENTENCE_BREAK.finditer(self.text, 0, position)]
        after = SENTENCE_BREAK.search(self.text, position)
        return (before[-1] if before else 0, after.start() if after else len(self.text))

    def is_uncertain(self, position: int, end: int | None = None) -> bool:
        """A doubt word before ``position`` in its clause (是否, 有没有 ...), an A-not-A question
        (报没报告), a question right after the word (``end``: 报备没有？), a clause asking
        whether it counts (这算按程序了解吗？, 这事要补报吗？), or a possibility in its sentence
        (也可能只是没归档): what the sentence says is not established."""
        if _a_not_a_before(self.text, position):
            return True
        if end is not None and _ASKED_AFTER.match(self.text, end):
            return True  # 跟院里报备没有？: whether it was done is asked
        start = self.clause_start(position)
        if start > 0 and self.text[start - 1] == "“":
            start = self.clause_start(start - 1)  # 问这是不是“领导打招呼”: the quote is asked
        if any(word in self.text[start:position] for word in self.lexicon.uncertain):
            return True
        asked = _ASKED_YES_NO.match(self.text, start)
        if asked and position < asked.end():
            return True  # 这算按程序了解情况吗？: the words are asked about
        sentence_start, sentence_end = self.sentence_of(position)
        sentence = self.text[sentence_start:sentence_end]
        return any(w in sentence for w in POSSIBILITY) or bool(EITHER_UNKNOWN.search(sentence))

    def negated(self, position: int, end: int | None = None) -> bool:
        """A negator stands before ``position`` in its clause (fixed phrases excepted), or a
        closing negation (没有表态, 没有涉及 ...) follows the word in its clause."""
        if _a_not_a_before(self.text, position):
            return False
        if end is not None:
            after = CLAUSE_BREAK.search(self.text, end)
            while after and after.group(0) == "、":
                # 对定罪量刑、证据没有任何意见: a closing negation governs the enumeration
                after = CLAUSE_BREAK.search(self.text, after.end())
            tail = self.text[end:after.start() if after else len(self.text)]
            if any(word in tail for word in self.lexicon.post_negators):
                return True
        start = self.clause_start(position)
        while start > 0 and self.text[start - 1] == "、":
            # 没有对起诉谁、以什么罪名提出意见: a negation governs the whole enumeration
            start = self.clause_start(start - 1)
        prefix = self.text[start:position]
        masked = prefix
        for phrase in self.lexicon.exceptions:
            masked = masked.replace(phrase, "＿" * len(phrase))
        if prefix.endswith(_MODAL_NEGATIONS) and not prefix.endswith(("能不能", "可不可")):
            return True  # 不能透露, 不便回答: the act is ruled out, not done
        if _MODAL_BEFORE_OBJECT.search(prefix) and not re.search(r"(能不能|可不可)", prefix):
            return True  # 我不能给法院打招呼: ruled out with whom it would be done named between
        # 还没宣判的评议结果, 未经批准的会见, 把尚未定稿的报告复印: a "not yet" inside a modifier
        # (…的) of a noun; the thing itself, and what is done with it, are there
        masked = _MODIFIER.sub(lambda m: "＿" * len(m.group(0)), masked)
        last = max((masked.rfind(n) for n in self.lexicon.negators), default=-1)
        if last >= 0 and _NEW_DISPOSAL.search(masked, last):
            return False  # 没有任何理由就把他调离: the negator's object is 理由, not 调离
        return last >= 0


# Patterns that frame the account (据说, 听人说) rather than name conduct: 据说接待室有个… is
# no 接待室 named 据说接待室
_FRAMES = frozenset({"hearsay"})


def _in_a_name(text: str, word: str, end: int) -> bool:
    """``word`` (ending at ``end``) is the first part of a name (NAME_HEAD), unless it is a
    verb taking 案 as its object (别立案, 办案, 结案) or meeting someone of a case (偶遇案件当事人,
    碰到案件的律师: no case is named 偶遇案)."""
    if NAME_HEAD.search(word) or not NAME_HEAD.match(text, end):
        return False
    if _OFFICE_OF_CASES.match(text, end):
        return False  # 政法委案件督办室, 检察院案件管理中心: an office of the organ, no case
    return not (text[end] == "案" and word[-1] in "立办结查审破销撤报遇到见上")


def _occurrences(text: str, word: str) -> list[int]:
    """Start of every occurrence of ``word`` (plain ``str.find``: compiling a regular
    expression per word overflows ``re``'s cache and costs most of an assessment)."""
    out, start = [], text.find(word) if word else -1
    while start >= 0:
        out.append(start)
        start = text.find(word, start + 1)
    return out


def _strings(raw: dict[str, object], key: str) -> list[str]:
    value = raw.get(key, [])
    return [str(v) for v in value] if isinstance(value, list) else []


@cache
def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    """The lexicon, read once per process. InputError if the file is unreadable."""
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read the lexicon: {error}", file=path) from error
    if not isinstance(raw, dict):
        raise InputError("the lexicon is not a JSON object", file=path)
    return Lexicon(raw)
