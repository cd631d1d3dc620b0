"""The engine's verdict on a recorded incident, stored on its Incident node as derived
properties (never in the hashed payload): what lists, filters, summaries and repeat
interveners read at scale instead of assessing every incident per request.

Contract (the records bench writes these for synthetic incidents; keep the names):
:func:`assessment_row` turns an assessment into one row, and
``graph.record_reads.annotate_incidents(store, rows)`` stores rows
(``RECORD_ANNOTATE_INCIDENTS``). ``assessed_by`` is :func:`engine_version`: a row assessed by
another engine (other rules, lexicon or prior) is stale and ``liuhen reassess`` redoes it.
An incident without ``assessed_by`` has not been assessed: it is never counted as lawful.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from liuhen.assessment import Assessment
from liuhen.assessment.lexicon import LEXICON_FILE
from liuhen.assessment.models import Provision
from liuhen.assessment.prior import ITEM_PRIOR_FILE, PRIOR_FILE
from liuhen.assessment.rules import RULES_FILE
from liuhen.assessment.verdict_prior import VERDICT_PRIOR_FILE

Status = Literal["violation", "undetermined", "lawful"]
REGULATIONS = ("R1", "R2", "R3")
#: R1 第八条 and R2 第九条: a rule-based violation of either is interference (the repeat
#: interveners' measure).
INTERFERENCE_ARTICLES = frozenset({("R1", 8), ("R2", 9)})
#: Bumped when the row's shape or meaning changes (the stored rows are then stale).
ROW_FORMAT = "1"
_SEPARATOR = "|"


# every file the engine's legal answer rests on: the verdict prior withholds verdicts and the
# item prior names items, so a refit of either makes the stored rows stale too
ENGINE_FILES = (RULES_FILE, PRIOR_FILE, ITEM_PRIOR_FILE, VERDICT_PRIOR_FILE, LEXICON_FILE)


def engine_version(files: Iterable[Path] = ENGINE_FILES) -> str:
    """``a1:<16 hex>``: the row format and a hash of the files the engine's legal answer rests
    on (the rulebook, the learned priors, the lexicon)."""
    digest = hashlib.sha256(ROW_FORMAT.encode())
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"-")
    return f"a{ROW_FORMAT}:{digest.hexdigest()[:16]}"


def provision_key(provision: Provision) -> str:
    """R1-8-1 (article and item), R1-7 (article)."""
    return f"{provision.alias}-{provision.article}" + (
        f"-{provision.item}" if provision.item else "")


def regulation_status(found: Assessment, alias: str) -> tuple[Status | None, list[Provision]]:
    """This regulation's part of an assessment: violation if any of its rule provisions is
    one, else undetermined, else lawful (with the provisions of that status); None when the
    engine found none of its provisions."""
    mine = [p for p in found.provisions if p.alias == alias and p.source == "rule"
            and p.status in ("violation", "undetermined", "lawful")]
    if not mine:
        return None, []
    statuses = {p.status for p in mine}
    status: Status = ("violation" if "violation" in statuses else
                      "undetermined" if "undetermined" in statuses else "lawful")
    return status, [p for p in mine if p.status == status]


def interference(found: Assessment) -> bool:
    """A rule-based violation of R1 第八条 or R2 第九条."""
    return any(p.status == "violation" and p.source == "rule"
               and (p.alias, p.article) in INTERFERENCE_ARTICLES for p in found.provisions)


def finding(key: str, status: str, label: str) -> str:
    """One stored finding: ``R1-8-1|violation|第八条第（一）项``."""
    return _SEPARATOR.join((key, status, label))


def parse_finding(text: str) -> tuple[str, str, str]:
    """The (key, status, label) of a stored finding."""
    key, status, label = text.split(_SEPARATOR, 2)
    return key, status, label


def assessment_row(incident_id: str, assessment: Assessment,
                   engine_version: str) -> dict[str, object]:
    """The derived properties of one incident (for ``annotate_incidents``):

    - ``verdict``: violation | lawful | undetermined;
    - ``statuses``: each regulation's status, ``R1:violation`` (regulations the engine found
      none of are absent);
    - ``interference``: a rule-based violation of R1 第八条 or R2 第九条;
    - ``provisions``: the keys of the engine's provisions (rule-based, not context), ranked;
    - ``regimes``: the regulations the facts engage (the ``regulation`` filter);
    - ``findings``: per regulation, the provisions that decide its status, as
      ``key|status|label`` (the quarterly summary's entries);
    - ``missing_facts``: the facts an undetermined verdict waits for;
    - ``assessed_by``: the engine version.
    """
    statuses: list[str] = []
    findings: list[str] = []
    for alias in REGULATIONS:
        status, deciding = regulation_status(assessment, alias)
        if status is None:
            continue
        statuses.append(f"{alias}:{status}")
        findings += [finding(provision_key(p), status, p.label) for p in deciding]
    return {
        "id": incident_id,
        "verdict": assessment.verdict,
        "statuses": statuses,
        "interference": interference(assessment),
        "provisions": list(dict.fromkeys(
            provision_key(p) for p in assessment.provisions
            if p.source == "rule" and p.status != "context")),
        "regimes": list(assessment.regimes),
        "findings": findings,
        "missing_facts": list(assessment.missing_facts),
        "assessed_by": engine_version,
    }
