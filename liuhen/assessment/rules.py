"""The legal rules as data (``data/legal/rules.json``), validated against the parsed seed text.

Every rule names its basis (regulation alias, article, paragraph, item) and quotes the words
that carry it. :func:`load_rulebook` resolves each basis through the project's own parser and
refuses a rule whose regulation, article, paragraph or item does not exist, or whose quote is
not in that unit's text, with an ``InputError`` naming the rule.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.errors import InputError
from core.settings import REPO_ROOT
from ingest.models import Article, ArticleNumber, Regulation, normalize_title

RULES_FILE = REPO_ROOT / "data/legal/rules.json"
ALIASES = ("R1", "R2", "R3")
Alias = Literal["R1", "R2", "R3"]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Basis(_Strict):
    regulation: Alias
    article: int = Field(ge=1, le=99)
    paragraph: int | None = Field(default=None, ge=1, le=20)
    item: int | None = Field(default=None, ge=1, le=20)

    @property
    def key(self) -> str:
        """R1-8 (article), R1-7-2 (article and paragraph) or R1-8-1 (article and item)."""
        tail = self.item if self.item is not None else (
            self.paragraph if self.paragraph not in (None, 1) else None)
        return f"{self.regulation}-{self.article}" + (f"-{tail}" if tail is not None else "")

    @property
    def article_key(self) -> str:
        return f"{self.regulation}-{self.article}"


class ProvisionRule(_Strict):
    id: str
    kind: Literal["general", "lawful", "limit", "record", "retaliation", "conduct",
                  "not_recorded", "definition", "refusal", "handling", "contact", "former"]
    conduct: str | None = None
    basis: Basis
    quote: str = Field(min_length=2)


class DutyRule(_Strict):
    id: str
    when: tuple[str, ...]
    bearer: str | None
    action: str
    recipient: str | None
    deadline: Literal["三日内", "一个月内"] | None
    timing: str | None = None
    basis: Basis
    quote: str = Field(min_length=2)


class ObligationRule(_Strict):
    id: str
    when: tuple[str, ...]
    bearer: str
    action: str
    basis: Basis
    quote: str = Field(min_length=2)


class LiabilityRule(_Strict):
    id: str
    when: tuple[str, ...]
    conduct: str
    consequence: str
    # the text's own condition on the consequence (R1 第九条 "造成后果或者恶劣影响的"), quoted
    # verbatim: the conduct alone does not bring it
    condition: str | None = Field(default=None, min_length=2)
    basis: Basis
    quote: str = Field(min_length=2)


class ProtectionRule(ObligationRule):
    """A protection has an obligation's shape: who must (not) do what, on which basis."""


class RulesFile(_Strict):
    about: str = Field(alias="_about")
    regulations: tuple[Alias, ...]
    provisions: tuple[ProvisionRule, ...]
    duties: tuple[DutyRule, ...]
    obligations: tuple[ObligationRule, ...]
    liability: tuple[LiabilityRule, ...]
    protections: tuple[ProtectionRule, ...]


AnyRule = ProvisionRule | DutyRule | ObligationRule | LiabilityRule | ProtectionRule


@dataclass(frozen=True)
class Rulebook:
    """The rules with the three seed regulations they were checked against."""

    rules: RulesFile
    regulations: Mapping[str, Regulation]  # alias -> parsed regulation
    held_titles: frozenset[str]  # normalised titles of every regulation the project holds

    def provision(self, rule_id: str) -> ProvisionRule:
        for rule in self.rules.provisions:
            if rule.id == rule_id:
                return rule
        raise InputError(f"no provision rule {rule_id!r}", field="rule")

    def conduct_rule(self, alias: str, conduct: str) -> ProvisionRule | None:
        return next((r for r in self.rules.provisions if r.kind == "conduct"
                     and r.basis.regulation == alias and r.conduct == conduct), None)

    def title(self, alias: str) -> str:
        return self.regulations[alias].title

    def alias_of(self, regulation: str) -> str:
        """R1/R2/R3 for an alias or a title (with or without 《》). InputError if unknown."""
        wanted = normalize_title(regulation)
        for alias, parsed in self.regulations.items():
            if wanted in (alias, normalize_title(alias), parsed.normalized_title):
                return alias
        raise InputError(f"unknown regulation {regulation!r}: expected one of R1, R2, R3 "
                         "or their full titles", field="regulation")

    def article(self, basis: Basis) -> Article:
        return resolve_article(self.regulations, basis)

    def unit_text(self, basis: Basis) -> str:
        return unit_text(self.regulations, basis)


def resolve_article(regulations: Mapping[str, Regulation], basis: Basis) -> Article:
    """The parsed article a basis names; InputError naming it if there is none."""
    regulation = regulations.get(basis.regulation)
    if regulation is None:
        raise InputError(f"unknown regulation {basis.regulation!r}", field="regulation")
    try:
        return regulation.article(ArticleNumber(number=basis.article))
    except KeyError:
        raise InputError(f"{basis.regulation} has no article {basis.article} (第"
                         f"{basis.article}条)", field="article") from None


def unit_text(regulations: Mapping[str, Regulation], basis: Basis) -> str:
    """The text of the article, paragraph or item a basis names (InputError if absent)."""
    article = resolve_article(regulations, basis)
    if basis.paragraph is None and basis.item is None:
        return article.text
    paragraph_number = basis.paragraph or 1
    paragraph = next((p for p in article.paragraphs if p.number == paragraph_number), None)
    if paragraph is None:
        raise InputError(f"{basis.regulation} 第{basis.article}条 has no paragraph "
                         f"{paragraph_number}", field="paragraph")
    if basis.item is None:
        return paragraph.text
    item = next((i for i in paragraph.items if i.number == basis.item), None)
    if item is None:
        raise InputError(f"{basis.regulation} 第{basis.article}条 has no item {basis.item}",
                         field="item")
    return item.text


def load_rulebook(
    regulations: Mapping[str, Regulation],
    held: Mapping[str, Regulation] | None = None,
    path: Path = RULES_FILE,
) -> Rulebook:
    """Read and check the rules. ``regulations`` maps R1/R2/R3 to the parsed seed texts;
    ``held`` is every regulation the project holds (for liability's held/not held).

    Raises InputError naming the file and rule for a malformed rule, an unknown basis or a
    quote that is not verbatim in its unit.
    """
    try:
        raw = json.loads(path.read_text("utf-8"))
        rules = RulesFile.model_validate(raw)
    except OSError as error:
        raise InputError(f"cannot read rules: {error.strerror}", file=path) from error
    except (ValueError, ValidationError) as error:
        raise InputError(f"malformed rules: {error}", file=path) from error
    missing = [a for a in rules.regulations if a not in regulations]
    if missing:
        raise InputError(f"rules need regulations {missing} that are not loaded", file=path)
    for rule in all_rules(rules):
        try:
            text = unit_text(regulations, rule.basis)
        except InputError as error:
            raise InputError(f"rule {rule.id}: {error.message}", file=path,
                             field="basis") from error
        if rule.quote not in text:
            raise InputError(f"rule {rule.id}: quote {rule.quote!r} is not in the text of "
                             f"{rule.basis.key}", file=path, field="quote")
    held_titles = frozenset(r.normalized_title for r in (held or regulations).values())
    return Rulebook(rules, dict(regulations), held_titles)


def all_rules(rules: RulesFile) -> list[AnyRule]:
    return [*rules.provisions, *rules.duties, *rules.obligations, *rules.liability,
            *rules.protections]
