"""A seeded synthetic country as the project's record models (issue 13): the organ hierarchy of
31 provinces (about 3,500 courts and 3,600 procuratorates at county, city, province and national
level, the public-security and justice organs, the governments, the party committees and their
political-legal committees above them, and law firms), two actors per incident (officials,
judicial leaders and officers, lawyers, staff, relatives, intermediaries, parties) with their
relations, cases, and incidents over five years written from country_texts.TEMPLATES, with a
Zipf-skewed choice of who intervenes.

Nothing is held but the organs: every actor, case and incident is a pure function of the seed
and its index (``actor(i)``, ``case(c)``, ``incident(k)``), so a million incidents stream in
batches (``plans``) and a test rebuilds any record it needs.

    country = Country(10_000)
    for plan in country.plans(5_000): ...
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bench.country_texts import (
    AT_WORK,
    CAUSES,
    CHANNEL_OPENINGS,
    GIVEN,
    LAWFUL_CLOSING,
    NOT_AT_WORK,
    PLACE_HEADS,
    PLACE_TAILS,
    PLACES,
    SURNAMES,
    TEMPLATES,
    VIOLATION_CLOSING,
    Template,
    organ_name,
    position_of,
    template_key,
)
from ingest.records import (
    Actor,
    ActorKind,
    ArticleRef,
    BatchPlan,
    Case,
    Channel,
    Incident,
    Level,
    Organ,
    OrganKind,
    Origin,
    Relation,
    RelationKind,
    Stage,
)

MASK = (1 << 64) - 1
START = datetime(2021, 1, 1)
SPAN = datetime(2026, 1, 1) - START  # five years, 2021-2025
ZIPF_EXPONENT = 1.1
SCATTER = 1_000_003  # a prime: spreads Zipf ranks over a pool without clustering by index
# Share of the actors in each pool, in index order (officials first: staff and relatives point
# at them, so a batch's relations only name actors already written).
POOLS = (("official", 0.05), ("leader", 0.02), ("officer", 0.12), ("lawyer", 0.05),
         ("staff", 0.03), ("relative", 0.10), ("outsider", 0.03), ("party", 0.60))
# Units and the organs each holds (suffix, kind); the party committee first.
UNIT_ORGANS = (("dw", OrganKind.PARTY_COMMITTEE), ("zfw", OrganKind.POLITICAL_LEGAL_COMMITTEE),
               ("fy", OrganKind.COURT), ("jcy", OrganKind.PROCURATORATE),
               ("gaj", OrganKind.PUBLIC_SECURITY), ("sfj", OrganKind.JUSTICE_ADMINISTRATION),
               ("zf", OrganKind.GOVERNMENT))
LEVELS = (Level.CENTRAL, Level.PROVINCE, Level.CITY, Level.COUNTY)
CASE_ORGANS = {"fy", "jcy", "gaj", "tjy"}  # where officers handle cases
# How often each template base is drawn: pleas and contacts are common, documents rare.
BASE_WEIGHTS = {"r1-8-1": 8, "r1-8-2": 3, "r1-8-3": 4, "r1-8-4": 2, "r1-8-5": 2, "r1-3": 5,
                "r2-9-1": 6, "r2-9-2": 3, "r2-9-3": 2, "r2-9-4": 3, "r2-9-5": 2, "r2-4": 5,
                "r2-5": 5, "r3-5-1": 3, "r3-5-2": 2, "r3-5-3": 5, "r3-5-4": 2, "r3-5-5": 1,
                "r3-5-6": 4, "r3-7": 5, "r3-6-workplace": 8, "r3-6-approved": 3, "r3-10": 2}


def mix(*parts: int) -> int:
    """splitmix64 over the parts: a seed for one record, independent of every other."""
    z = 0x9E3779B97F4A7C15
    for part in parts:
        z = (z + part * 0xBF58476D1CE4E5B9 + 0x9E3779B97F4A7C15) & MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
    return z


def zipf_rank(u: float, n: int, s: float = ZIPF_EXPONENT) -> int:
    """A rank in [0, n) with P(rank r) ~ 1/(r+1)^s (inverse of the continuous CDF)."""
    a = 1.0 - s
    x = ((n ** a - 1.0) * u + 1.0) ** (1.0 / a)
    return min(n - 1, max(0, int(x) - 1))


def _name_from(bits: int) -> str:
    """A two- or three-character name drawn from the bits of a hash."""
    surname = SURNAMES[bits % len(SURNAMES)]
    first = GIVEN[(bits >> 8) % len(GIVEN)]
    second = GIVEN[(bits >> 16) % len(GIVEN)] if (bits >> 24) % 3 else ""
    return surname + first + second


@dataclass
class Unit:
    """A place with a party committee: the centre, a province, a city or a county."""

    id: str
    name: str
    level: Level
    parent: Unit | None
    organs: dict[str, str] = field(default_factory=dict)  # suffix -> organ id


class Country:
    """The synthetic country for ``incidents`` incidents (actors 2x, cases 0.4x)."""

    def __init__(self, incidents: int, *, seed: int = 0, provinces: int = 31) -> None:
        if incidents < 1:
            raise ValueError("a country needs at least one incident")
        self.incident_count = incidents
        self.seed = seed
        self.actor_count = max(2 * incidents, 400)
        self.case_count = max(1, incidents * 2 // 5)
        self.organs: list[Organ] = []
        self.units: list[Unit] = []
        self._organ_unit: dict[str, Unit] = {}
        self._build_organs(provinces)
        self.case_organs = [o.id for o in self.organs if o.id.rsplit("-", 1)[1] in CASE_ORGANS]
        self.office_organs = [o.id for o in self.organs if o.id.rsplit("-", 1)[1] in
                              ("dw", "zfw", "zf")]
        self.judicial_organs = [o.id for o in self.organs if o.id.rsplit("-", 1)[1] in
                                CASE_ORGANS | {"sfj"}]
        self.firms = [o.id for o in self.organs if o.kind == OrganKind.LAW_FIRM]
        self.pool_start: dict[str, int] = {}
        self.pool_size: dict[str, int] = {}
        start = 0
        for name, share in POOLS:
            size = max(1, int(self.actor_count * share))
            self.pool_start[name], self.pool_size[name] = start, size
            start += size
        self.actor_count = start
        self._starts = [self.pool_start[name] for name, _ in POOLS]
        self.organ_names = {o.id: o.name for o in self.organs}
        self._expected = {t.base: tuple(ArticleRef.parse(a) for a in t.articles)
                          for t in TEMPLATES}
        self._base_cumulative: list[float] = []
        total = 0.0
        for template in TEMPLATES:
            total += BASE_WEIGHTS[template.base]
            self._base_cumulative.append(total)

    # ------------------------------------------------------------------ organs

    def _build_organs(self, provinces: int) -> None:
        rng = random.Random(mix(self.seed, 1))
        used: set[str] = set()

        def place(suffix: str) -> str:
            # Two characters while they last (about 760), then three (about 25,000).
            for attempt in range(100_000):
                middle = rng.choice(PLACE_HEADS) if attempt >= 20 else ""
                name = rng.choice(PLACE_HEADS) + middle + rng.choice(PLACE_TAILS)
                if name not in used:
                    used.add(name)
                    return name + suffix
            raise RuntimeError("out of place names")

        centre = self._unit("c", "中央", Level.CENTRAL, None)
        for p in range(1, provinces + 1):
            province = self._unit(f"p{p:02d}", place("省"), Level.PROVINCE, centre)
            for c in range(1, rng.randint(8, 14) + 1):
                city = self._unit(f"{province.id}c{c:02d}", place("市"), Level.CITY, province)
                for f in range(1, 3):  # two law firms per city, outside the hierarchy
                    self._add(Organ(id=f"{city.id}-ls{f}", name=f"{city.name}{place('')}律师事务所",
                                    kind=OrganKind.LAW_FIRM, region=city.name), city)
                if c % 2 == 0:  # a special (railway) procuratorate under half of the cities
                    self._add(Organ(id=f"{city.id}-tjy", name=f"{city.name}铁路运输检察院",
                                    kind=OrganKind.PROCURATORATE, level=Level.COUNTY,
                                    region=city.name, superior=city.organs["jcy"],
                                    party_committee=None), city)
                for k in range(1, rng.randint(6, 12) + 1):
                    self._unit(f"{city.id}k{k:02d}", place("县"), Level.COUNTY, city)

    def _unit(self, unit_id: str, name: str, level: Level, parent: Unit | None) -> Unit:
        unit = Unit(unit_id, name, level, parent)
        self.units.append(unit)
        committee = f"{unit_id}-dw"
        for suffix, kind in UNIT_ORGANS:
            superior = parent.organs[suffix] if parent is not None else None
            self._add(Organ(id=f"{unit_id}-{suffix}", name=organ_name(suffix, name, level),
                            kind=kind, level=level, region=name if parent else "",
                            superior=superior, party_committee=committee), unit)
        return unit

    def _add(self, organ: Organ, unit: Unit) -> None:
        self.organs.append(organ)
        self._organ_unit[organ.id] = unit
        unit.organs.setdefault(organ.id.rsplit("-", 1)[1], organ.id)

    def unit_of(self, organ_id: str) -> Unit:
        return self._organ_unit[organ_id]

    # ------------------------------------------------------------------ actors

    def pool_of(self, index: int) -> str:
        return POOLS[bisect.bisect_right(self._starts, index) - 1][0]

    def pick(self, pool: str, rng: random.Random, *, skewed: bool = True) -> int:
        """An actor index of ``pool``: Zipf-skewed by rank (scattered over the pool), or
        uniform."""
        size = self.pool_size[pool]
        rank = zipf_rank(rng.random(), size) if skewed else rng.randrange(size)
        return self.pool_start[pool] + (rank * SCATTER) % size

    @staticmethod
    def _name(rng: random.Random) -> str:
        return _name_from(rng.getrandbits(32))

    def patron(self, index: int) -> int:
        """The official a staff member or relative belongs to."""
        return self.pool_start["official"] + mix(self.seed, 3, index) % self.pool_size["official"]

    def name_of(self, index: int) -> str:
        """The actor's name (a hash of the seed and the index: cheap enough to call for
        every name an incident's text mentions)."""
        return _name_from(mix(self.seed, 8, index))

    def _core(self, index: int) -> tuple[str, str, str | None, str, str | None, random.Random]:
        """Pool, name, organ, position and managing organ of an actor; the cheap part of
        :meth:`actor`, which incidents and cases use."""
        rng = random.Random(mix(self.seed, 2, index))
        pool = self.pool_of(index)
        name = self.name_of(index)
        organ: str | None = None
        managed_by: str | None = None
        position = ""
        if pool in ("official", "leader", "officer"):
            organs = {"official": self.office_organs, "leader": self.judicial_organs,
                      "officer": self.case_organs}[pool]
            organ = organs[rng.randrange(len(organs))]
            unit = self.unit_of(organ)
            position = position_of(pool, organ.rsplit("-", 1)[1], unit.name, unit.level, rng)
            if pool != "officer":
                manager = unit if pool == "leader" or unit.parent is None else unit.parent
                managed_by = manager.organs["dw"]
        elif pool == "lawyer":
            organ, position = self.firms[rng.randrange(len(self.firms))], "律师"
        elif pool == "staff":
            organ = self._core(self.patron(index))[2]
            position = rng.choice(("秘书", "驾驶员"))
        return pool, name, organ, position, managed_by, rng

    def actor(self, index: int) -> Actor:
        pool, name, organ, position, managed_by, _ = self._core(index)
        return Actor(id=f"a{index}", name=name, position=position, organ=organ,
                     kinds=self._kinds(pool, index), managed_by=managed_by)

    @staticmethod
    def _kinds(pool: str, index: int) -> tuple[ActorKind, ...]:
        return {
            "official": (ActorKind.LEADING_CADRE,),
            "leader": (ActorKind.LEADING_CADRE, ActorKind.JUDICIAL_INSIDER),
            "officer": (ActorKind.JUDICIAL_INSIDER, ActorKind.JUDICIAL_OFFICER,
                        ActorKind.CASE_HANDLER),
            "lawyer": (ActorKind.LAWYER,), "staff": (ActorKind.STAFF,),
            "relative": (ActorKind.RELATIVE,),
            "outsider": ((ActorKind.INTERMEDIARY,) if index % 2 else
                         (ActorKind.SPECIAL_RELATION,)),
            "party": (ActorKind.PARTY,),
        }[pool]

    def actor_relations(self, index: int) -> list[Relation]:
        pool = self.pool_of(index)
        if pool not in ("staff", "relative"):
            return []
        rng = random.Random(mix(self.seed, 6, index))
        patron = f"a{self.patron(index)}"
        if pool == "staff":
            return [Relation(id=f"r-s{index}", kind=RelationKind.STAFF_OF, subject=f"a{index}",
                             object=patron, detail=rng.choice(("秘书", "驾驶员", "工作人员")))]
        return [Relation(id=f"r-r{index}", kind=RelationKind.RELATIVE, subject=f"a{index}",
                         object=patron, detail=rng.choice(("配偶", "子女", "兄弟姐妹", "父母")))]

    # ------------------------------------------------------------------ cases

    def _case_core(self, number: int) -> tuple[str, int, Stage, str, tuple[str, ...], int]:
        """Organ, handler index, stage, cause, parties and year of a case."""
        rng = random.Random(mix(self.seed, 4, number))
        officer = self.pick("officer", rng, skewed=False)
        organ = self._core(officer)[2]
        assert organ is not None
        suffix = organ.rsplit("-", 1)[1]
        stage = {"fy": rng.choice((Stage.TRIAL, Stage.TRIAL, Stage.ENFORCEMENT)),
                 "jcy": Stage.PROSECUTION_REVIEW, "tjy": Stage.PROSECUTION_REVIEW,
                 "gaj": rng.choice((Stage.INVESTIGATION, Stage.FILING))}[suffix]
        parties = tuple(dict.fromkeys(f"a{self.pick('party', rng, skewed=False)}"
                                      for _ in range(rng.randint(1, 2))))
        return organ, officer, stage, rng.choice(CAUSES), parties, 2020 + rng.randint(1, 5)

    def case(self, number: int) -> Case:
        organ, officer, stage, cause, parties, year = self._case_core(number)
        word = {Stage.TRIAL: "刑初", Stage.ENFORCEMENT: "执", Stage.PROSECUTION_REVIEW: "诉",
                Stage.INVESTIGATION: "侦", Stage.FILING: "立"}[stage]
        return Case(id=f"k{number}", number=f"（{year}）{organ.split('-')[0]}{word}{number}号",
                    organ=organ, stage=stage, cause=cause, parties=parties,
                    handlers=(f"a{officer}",))

    def case_relations(self, case: Case) -> list[Relation]:
        out = [Relation(id=f"r-p{case.id}-{n}", kind=RelationKind.PARTY_TO, subject=party,
                        object=case.id) for n, party in enumerate(case.parties)]
        rng = random.Random(mix(self.seed, 7, int(case.id[1:])))
        if rng.random() < 0.6:
            out.append(Relation(id=f"r-l{case.id}", kind=RelationKind.LAWYER_OF,
                                subject=f"a{self.pick('lawyer', rng)}", object=case.parties[0],
                                case=case.id, detail="诉讼代理人或辩护人"))
        return out

    # ------------------------------------------------------------------ incidents

    def template_of(self, number: int) -> tuple[Template, str, random.Random]:
        rng = random.Random(mix(self.seed, 5, number))
        base = bisect.bisect_left(self._base_cumulative,
                                  rng.random() * self._base_cumulative[-1])
        request, opening = rng.randrange(3), rng.randrange(4)
        return TEMPLATES[base], template_key(base, request, opening), rng

    def incident(self, number: int) -> Incident:
        template, key, rng = self.template_of(number)
        request_index, opening_index = (int(part) for part in key.split(".")[1:])
        case_number = rng.randrange(self.case_count)
        organ, officer, stage, cause, parties, _ = self._case_core(case_number)
        instigator: int | None = None
        if template.pool == "proxy":
            index = self.pick(rng.choice(("staff", "relative")), rng)
            instigator = self.patron(index)
        elif template.pool == "party":
            index = int(parties[0][1:])
        else:
            pool = {"official": "official", "insider": "leader"}.get(
                template.pool, rng.choice(("lawyer", "outsider")))
            index = self.pick(pool, rng)
        pool, name, intervener_organ, position, _, _ = self._core(index)
        occurred = START + SPAN * ((number + rng.random()) / self.incident_count)
        occurred = occurred.replace(second=0, microsecond=0)
        channel = template.channels[opening_index % len(template.channels)]
        places = (NOT_AT_WORK if template.at_workplace is False else
                  AT_WORK if template.at_workplace else PLACES)
        place = rng.choice(places)
        unit = self.unit_of(organ)
        who = position or self._kinds(pool, index)[0].value
        words = {"party": self.name_of(int(parties[0][1:])), "cause": cause,
                 "handler": self.name_of(officer),
                 "instigator": self.name_of(instigator) if instigator is not None else "",
                 "who": f"{who}{name}", "place": place,
                 "organ_name": self.organ_names.get(intervener_organ or "", unit.name),
                 "date": f"{occurred.year}年{occurred.month}月{occurred.day}日"}
        request = template.requests[request_index].format(**words)
        opening = CHANNEL_OPENINGS[channel][opening_index % 2].format(**words)
        closing = LAWFUL_CLOSING if template.lawful else VIOLATION_CLOSING
        handler = f"a{officer}"
        return Incident(
            id=f"i{number}", organ=organ, case=f"k{case_number}", stage=stage,
            intervener=f"a{index}",
            instigator=f"a{instigator}" if instigator is not None else None, handler=handler,
            in_name_of=intervener_organ if template.in_name_of else None, channel=Channel(channel),
            request=request, occurred_at=occurred, recorded_by=handler,
            recorded_at=occurred + timedelta(hours=rng.randint(1, 48)),
            place=f"{unit.name}{place}", at_workplace=template.at_workplace,
            approved=template.approved, origin=Origin(template.origin),
            reporter=self._name(rng) if template.origin == "实名举报" else "",
            description=f"{opening}{request}。{closing}",
            expected_articles=self._expected[template.base],
        )

    # ------------------------------------------------------------------ batches

    def plans(self, size: int) -> Iterator[tuple[str, BatchPlan]]:
        """The whole country as write plans in an order where every reference is already
        written: organs, actors (with staff and relatives' relations), cases (with parties
        and lawyers), incidents; ``size`` records per plan."""
        yield "organs", BatchPlan(organs=list(self.organs))
        for start in range(0, self.actor_count, size):
            actors = [self.actor(i) for i in range(start, min(start + size, self.actor_count))]
            relations = [r for i in range(start, start + len(actors))
                         for r in self.actor_relations(i)]
            yield "actors", BatchPlan(actors=actors, relations=relations)
        for start in range(0, self.case_count, size):
            cases = [self.case(c) for c in range(start, min(start + size, self.case_count))]
            yield "cases", BatchPlan(cases=cases,
                                     relations=[r for c in cases for r in self.case_relations(c)])
        for start in range(0, self.incident_count, size):
            yield "incidents", BatchPlan(incidents=[
                self.incident(k) for k in range(start, min(start + size, self.incident_count))])
