"""A leading cadre's staff or relatives who act (R1 第八条第（三）项, 第五条第二款): whether the
cadre 授意、纵容 what they did, as the words tell it. Split out of actor_facts.py, which reads
who acted."""

from __future__ import annotations

import re
from collections.abc import Callable

from liuhen.assessment.actor_patterns import (
    CADRE_ACTS_HIMSELF,
    ERRAND_ENDORSED,
    LET_IT_GO,
    SENT_BY_CADRE,
    STAFF_ERRAND_OWNED,
    TOLD_AND_WENT_ON,
    UNKNOWING,
)
from liuhen.assessment.lexicon import Match, Text

# 她说他不知道: the one who did not know named by a pronoun, the cadre the story is about
HE_BEFORE = re.compile(r"(他|她)(说)?(自己)?(也|都|根本|完全|压根)?$")  # (他说自己根本不知道)


def staff_facts(text: Text, f: dict[str, object], record: object, tie: list[Match],
                w: Callable[..., tuple[str, ...]]) -> None:
    """The actor is a cadre's 身边工作人员 or relative (``tie``): R1 第八条第（三）项 turns on
    whether the cadre 授意、纵容 the errand, which the words may tell (instigated)."""
    f["via_staff"] = True
    f["actor_role"] = "领导干部身边工作人员或亲属"
    record("via_staff", tie)  # type: ignore[operator]
    # 不知道 / 不知情 speak of the cadre only with him in the clause (县长并不知道, 她说他不
    # 知道); 陆经理说不知道, 不知道是从哪听来的 are someone else's ignorance of something else
    not_told = [m for m in text.find(w("not_instigated_words"), negatable=False)
                if not UNKNOWING.fullmatch(m.word) or HE_BEFORE.search(text.text[:m.start])
                or any(role in text.text[text.clause_start(m.start):m.start]
                       for role in (*w("leader_roles"), "本人"))]
    told = [m for m in text.find(w("instigate_words"), negatable=False)
            if m.start > tie[0].end and not re.search(  # 问是不是主任的意思: asked only
                r"(是不是|是否|有没有)[^，。；]{0,8}$|谁$",  # (谁让来的: who sent him, asked)
                text.text[text.clause_start(m.start):m.start])
            and not text.closes_a_not_a(m.start)]  # (知不知情: asked, not told)
    knows = [m for m in text.find(("知道", "知情", "亲自"))
             if m.start > tie[0].end and not m.negated and not m.uncertain]
    after_tie = text.text[tie[0].end:]
    tolerated = TOLD_AND_WENT_ON.search(after_tie) or ERRAND_ENDORSED.search(after_tie) or \
        STAFF_ERRAND_OWNED.search(after_tie) or CADRE_ACTS_HIMSELF.search(after_tie) or \
        LET_IT_GO.search(after_tie)
    sent = SENT_BY_CADRE.search(text.text[:tie[0].start])
    if sent:
        f["instigated"] = True  # he sent the staff on the errand: 授意 (R1 第八条第（三）项)
        record("instigated", [Match(sent.group(0), sent.start(), sent.end(),  # type: ignore[operator]
                                    False)])
    elif tolerated:
        # the cadre was told and the pleading went on: 纵容 (R1 第八条第（三）项)
        f["instigated"] = True
        record("instigated", [Match(  # type: ignore[operator]
            tolerated.group(0), tie[0].end + tolerated.start(), tie[0].end + tolerated.end(),
            False)])
    elif not_told:
        f["instigated"] = False
    elif any("是否" not in text.text[slice(*text.sentence_of(m.start))] for m in told or knows):
        # (不清楚是否书记授意: the word asked, not told; 追问是否书记本人的意思。答“是书记让我
        # 打的”: the answer in its own sentence tells it)
        f["instigated"] = True
        record("instigated", told or knows)  # type: ignore[operator]
