"""Reading situation files (data/eval/GUIDE.md section 1) and measuring assessments on them.

Figures (``eval-assess``):
- top-1 / top-3 article: a gold (regulation, article) is the first / among the first three
  provisions;
- item accuracy: of the situations whose gold names an item, the share whose first provision
  is one of those items (the definition ``liuhen eval`` uses);
- verdict accuracy; lawful called violation: of the lawful situations, the share judged a
  violation;
- duty precision and recall: a duty matches a gold duty on basis article (R1-7-2 -> R1-7),
  recipient and deadline, normalised (whitespace and 《》 dropped, NFKC);
- quote coverage: the share of provisions, duties, obligations, liability and protections
  that carry a quote found verbatim in the seed text of their article.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.errors import InputError
from liuhen.assessment.models import Assessment, Claim, quote_of
from liuhen.assessment.rules import Rulebook

MAX_LINE_CHARS = 20_000
MAX_LINES = 100_000
MAX_ID_CHARS = 200
MAX_QUERY_CHARS = 2000
# GUIDE section 5 writes R2 第八条's items as "R2-8 (item 2)"; set FR writes the same item as
# article, paragraph and item ("R2-8-1-2"): both accepted, read as R2-8.
_BASIS = re.compile(r"^(R[123])-(\d{1,2})(?:-(\d{1,2})){0,2}(?:\s*\(item \d{1,2}\))?$")


class BatchLine(BaseModel):
    """What ``assess --batch`` needs of a line; other keys are ignored."""

    model_config = ConfigDict(extra="ignore")
    id: str = Field(min_length=1, max_length=MAX_ID_CHARS)
    query: str = Field(min_length=1, max_length=MAX_QUERY_CHARS)


class GoldProvision(BaseModel):
    model_config = ConfigDict(extra="ignore")
    regulation: str = Field(min_length=1, max_length=200)
    article: int = Field(ge=1, le=999)
    item: int | None = Field(default=None, ge=1, le=99)


class GoldDuty(BaseModel):
    model_config = ConfigDict(extra="ignore")
    who: str | None = None
    what: str | None = None
    to: str | None = None
    deadline: str | None = None
    basis: str = Field(pattern=_BASIS.pattern)


class Situation(BatchLine):
    gold: list[GoldProvision] = Field(min_length=1, max_length=20)
    lawful: bool | None
    missing_facts: list[str] = Field(default_factory=list)
    actor_role: str | None = None
    duties: list[GoldDuty] = Field(default_factory=list)
    liability: list[str] = Field(default_factory=list)


def read_lines(path: Path, model: type[BatchLine]) -> list[Any]:
    """Every line of ``path`` as ``model``; InputError naming file:line for a line too long,
    not JSON, missing ``id``/``query`` or out of bounds, and for a repeated id."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", file=path) from error
    out: list[Any] = []
    ids: set[str] = set()
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if number > MAX_LINES:
                    raise InputError(f"more than {MAX_LINES} lines", file=path, line=number)
                if len(line) > MAX_LINE_CHARS:
                    raise InputError(f"line longer than {MAX_LINE_CHARS} characters",
                                     file=path, line=number)
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                except ValueError as error:
                    raise InputError(f"not JSON: {error}", file=path, line=number) from error
                if not isinstance(raw, dict):
                    raise InputError("a line must be a JSON object", file=path, line=number)
                try:
                    parsed = model.model_validate(raw)
                except ValidationError as error:
                    first = error.errors()[0]
                    name = ".".join(str(p) for p in first["loc"])
                    raise InputError(first["msg"], file=path, line=number,
                                     field=name) from error
                if parsed.id in ids:
                    raise InputError(f"id {parsed.id!r} repeated", file=path, line=number,
                                     field="id")
                ids.add(parsed.id)
                out.append(parsed)
        except UnicodeDecodeError as error:
            raise InputError(f"not UTF-8: {error.reason}", file=path) from error
    if not out:
        raise InputError("no situations in the file", file=path)
    return out


def check_gold(situations: Sequence[Situation], book: Rulebook, path: Path) -> None:
    """Every gold regulation, article and item exists; InputError naming it otherwise."""
    for situation in situations:
        for gold in situation.gold:
            alias = book.alias_of(gold.regulation)
            article = next((a for a in book.regulations[alias].articles
                            if a.number.number == gold.article), None)
            if article is None:
                raise InputError(f"situation {situation.id}: {alias} has no article "
                                 f"{gold.article}", file=path, field="gold")
            items = {i.number for p in article.paragraphs for i in p.items}
            if gold.item is not None and gold.item not in items:
                raise InputError(f"situation {situation.id}: {alias} article {gold.article} "
                                 f"has no item {gold.item}", file=path, field="gold")


def _norm(text: str | None) -> str:
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s《》]", "", folded)


def duty_key(article: str, recipient: str | None, deadline: str | None) -> tuple[str, str, str]:
    match = _BASIS.match(article)
    if match:
        article = f"{match.group(1)}-{match.group(2)}"
    return article, _norm(recipient), _norm(deadline)


@dataclass
class Report:
    situations: int = 0
    top1: int = 0
    top3: int = 0
    item_total: int = 0
    item_hits: int = 0
    # The same over the situations whose *first* gold is an item: where the gold's most fitting
    # provision is an article (R1 第三条) and an item only an alternative, ``item_accuracy``
    # counts the engine's agreeing first answer as an item miss; this one does not count them.
    first_item_total: int = 0
    first_item_hits: int = 0
    verdict_hits: int = 0
    lawful_total: int = 0
    lawful_as_violation: int = 0
    duty_true: int = 0
    duty_predicted: int = 0
    duty_gold: int = 0
    claims: int = 0
    quoted: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        def share(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "situations": self.situations,
            "top1_article": share(self.top1, self.situations),
            "top3_article": share(self.top3, self.situations),
            "item_accuracy": share(self.item_hits, self.item_total),
            "item_situations": self.item_total,
            "item_accuracy_first_gold_item": share(self.first_item_hits, self.first_item_total),
            "first_gold_item_situations": self.first_item_total,
            "verdict_accuracy": share(self.verdict_hits, self.situations),
            "lawful_called_violation": share(self.lawful_as_violation, self.lawful_total),
            "lawful_situations": self.lawful_total,
            "duty_precision": share(self.duty_true, self.duty_predicted),
            "duty_recall": share(self.duty_true, self.duty_gold),
            "quote_coverage": share(self.quoted, self.claims),
            "verdict_confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
        }


VERDICT_OF = {True: "lawful", False: "violation", None: "undetermined"}


def evaluate(situations: Iterable[Situation], assess: Callable[[Situation], Assessment],
             book: Rulebook, seed_text: str) -> Report:
    report = Report()
    for situation in situations:
        result = assess(situation)
        score(report, situation, result, book, seed_text)
    return report


def score(report: Report, situation: Situation, result: Assessment, book: Rulebook,
          seed_text: str) -> None:
    report.situations += 1
    gold_articles = {(book.alias_of(g.regulation), g.article) for g in situation.gold}
    gold_items = {(book.alias_of(g.regulation), g.article, g.item) for g in situation.gold
                  if g.item is not None}
    ranked = [(p.alias, p.article) for p in result.provisions]
    problems: list[str] = []
    if ranked[:1] and ranked[0] in gold_articles:
        report.top1 += 1
    else:
        problems.append("top1")
    if set(ranked[:3]) & gold_articles:
        report.top3 += 1
    if gold_items:
        report.item_total += 1
        first = result.provisions[0] if result.provisions else None
        item_hit = first is not None and (first.alias, first.article, first.item) in gold_items
        if item_hit:
            report.item_hits += 1
        else:
            problems.append("item")
        if situation.gold[0].item is not None:
            report.first_item_total += 1
            report.first_item_hits += item_hit
    gold_verdict = VERDICT_OF[situation.lawful]
    report.confusion[(gold_verdict, result.verdict)] += 1
    if result.verdict == gold_verdict:
        report.verdict_hits += 1
    else:
        problems.append("verdict")
    if situation.lawful is True:
        report.lawful_total += 1
        report.lawful_as_violation += result.verdict == "violation"
    predicted = Counter(duty_key(f"{d.basis.alias}-{d.basis.article}", d.recipient,
                                 d.deadline) for d in result.duties)
    gold = Counter(duty_key(d.basis, d.to, d.deadline) for d in situation.duties)
    true = sum((predicted & gold).values())
    report.duty_true += true
    report.duty_predicted += sum(predicted.values())
    report.duty_gold += sum(gold.values())
    if true != sum(predicted.values()) or true != sum(gold.values()):
        problems.append("duties")
    claims: list[Claim] = [*result.provisions, *result.duties, *result.obligations,
                           *result.liability, *result.protections]
    for claim in claims:
        quote = quote_of(claim)
        report.claims += 1
        report.quoted += bool(quote) and quote in seed_text
    if problems:
        report.misses.append({
            "id": situation.id, "problems": problems, "gold_verdict": gold_verdict,
            "verdict": result.verdict,
            "gold": sorted(f"{a}-{n}" for a, n in gold_articles),
            "top": [f"{p.alias}-{p.article}" + (f"-{p.item}" if p.item else "")
                    for p in result.provisions[:3]],
            "extra_duties": sorted(str(k) for k in (predicted - gold)),
            "missed_duties": sorted(str(k) for k in (gold - predicted)),
        })
