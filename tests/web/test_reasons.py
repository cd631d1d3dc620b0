"""The engine's reasons on the pages: every fact and conduct it can name has a Chinese name,
and each shape of reason reads in Chinese."""

from __future__ import annotations

import json
import re
import typing

from core.settings import REPO_ROOT
from ingest.library import RegulationLibrary
from ingest.records import RecordSet
from liuhen.assessment.facts import Conduct, Facts
from liuhen.records.service import bm25_classifier
from web.reasons import CONDUCT_NAMES, FACT_NAMES, SIGNAL_NAMES, reason_in_chinese


def test_every_fact_conduct_and_signal_has_a_chinese_name() -> None:
    assert set(Facts.model_fields) <= set(FACT_NAMES)
    assert set(typing.get_args(Conduct)) <= set(CONDUCT_NAMES)
    lexicon = json.loads((REPO_ROOT / "data/legal/lexicon.json").read_text(encoding="utf-8"))
    signals = set(lexicon["conduct"]) | {k for k in lexicon["_patterns"] if k != "_about"}
    assert signals <= set(FACT_NAMES) | set(CONDUCT_NAMES) | set(SIGNAL_NAMES)


def test_each_shape_of_reason_reads_in_chinese() -> None:
    assert reason_in_chinese("via_staff = True (given)") == "通过身边工作人员或亲属：是（记录所载）"
    assert reason_in_chinese("conduct = ['plead', 'probe'] (given)") == \
        "行为：说情、打招呼、打探案情（记录所载）"
    assert reason_in_chinese("R2-9-2: violation (facts: private_meeting)") == \
        "R2 第九条第（二）项：违规（所依事实：私下会见）"
    assert reason_in_chinese("R1-3: lawful") == "R1 第三条：合规"
    assert reason_in_chinese("conduct: 说情、关照") == "行为：说情、关照（原文用语）"
    assert reason_in_chinese("withheld: violation (probability 0.12 < 0.2)") == \
        "暂不认定违规：与本情形最相近的已标注情形中，违规的概率为 0.12（低于 0.2），待查明所缺事实"
    assert reason_in_chinese("something else: 原样") == "something else: 原样"


def test_a_real_assessments_reasons_leave_no_fact_name_behind(library: RegulationLibrary,
                                                              example: RecordSet) -> None:
    engine = bm25_classifier({r.id: r for r in library.regulations})
    found = engine.assess(example.incidents["i012"], example)
    shown = [reason_in_chinese(r) for r in found.reasons]
    assert shown and not any(re.search(r"[a-z]{3,}", line) for line in shown), shown
