"""The synthetic country of bench/country.py, which the records benchmark loads at up to a
million incidents: at a small size it must validate as the project's records, its organs form
one hierarchy per kind, who intervenes is skewed, and every id keeps to the id rules."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bench.country import Country
from bench.country_texts import TEMPLATE_COUNT, TEMPLATES
from bench.records_load import as_batch, minimal_existing
from ingest.library import article_items
from ingest.models import Regulation
from ingest.record_models import ID_PATTERN, MAX_ID
from ingest.records import BatchPlan, Level, OrganKind, validate_batch

SMALL = 600


@pytest.fixture(scope="module")
def small() -> Country:
    return Country(SMALL, provinces=2)


@pytest.fixture(scope="module")
def whole(small: Country) -> BatchPlan:
    out = BatchPlan()
    for _, plan in small.plans(250):
        for kind in ("organs", "actors", "relations", "cases", "incidents"):
            out.of_kind(kind).extend(plan.of_kind(kind))
    return out


def test_the_whole_small_country_validates_as_one_batch(
    whole: BatchPlan, seeds: dict[str, Regulation]
) -> None:
    plan = validate_batch(as_batch(whole), article_items=article_items(seeds))
    assert len(plan.incidents) == SMALL
    assert plan.counts["actors"] == len(whole.actors) >= 2 * SMALL


def test_a_batch_validates_against_the_minimal_set_the_generator_rebuilds(
    small: Country,
) -> None:
    for kind, plan in small.plans(100):
        if kind == "organs":
            continue
        checked = validate_batch(as_batch(plan), minimal_existing(small, plan))
        assert checked.of_kind(kind) == plan.of_kind(kind)


def test_organs_form_one_tree_per_kind_with_a_party_committee_at_each_level() -> None:
    country = Country(1)  # the full 31 provinces
    organs = {o.id: o for o in country.organs}
    kinds = Counter(o.kind for o in organs.values())
    assert 3_300 <= kinds[OrganKind.COURT] <= 3_700
    assert 3_400 <= kinds[OrganKind.PROCURATORATE] <= 3_800
    assert len([o for o in organs.values() if o.level == Level.PROVINCE
                and o.kind == OrganKind.COURT]) == 31
    for organ in organs.values():
        seen = {organ.id}
        current = organ
        while current.superior is not None:
            superior = organs[current.superior]
            assert superior.kind == current.kind
            assert superior.level is not None and current.level is not None
            assert superior.level.rank == current.level.rank - 1
            assert superior.id not in seen, f"cycle through {superior.id}"
            seen.add(superior.id)
            current = superior
        if organ.kind != OrganKind.LAW_FIRM:
            assert current.level == Level.CENTRAL, f"{organ.id} does not reach the centre"
            if organ.id.endswith("-tjy"):  # a railway procuratorate: no committee of its own
                continue
            committee = organs[organ.party_committee or ""]
            assert committee.kind == OrganKind.PARTY_COMMITTEE
            assert committee.level == organ.level


def test_who_intervenes_is_zipf_skewed(small: Country, whole: BatchPlan) -> None:
    by_intervener = Counter(i.intervener for i in whole.incidents)
    counts = sorted(by_intervener.values(), reverse=True)
    top = sum(counts[: max(1, len(counts) // 100)])
    assert counts[0] >= 10 * counts[len(counts) // 2]
    assert top >= 0.05 * len(whole.incidents)  # 1 % of interveners, 5 % of incidents at least


def test_every_id_keeps_to_the_id_rules(small: Country, whole: BatchPlan) -> None:
    pattern = re.compile(ID_PATTERN)
    biggest = Country(1_000_000, provinces=1)
    ids = [r.id for kind in ("organs", "actors", "relations", "cases", "incidents")
           for r in whole.of_kind(kind)]
    assert len(set(ids)) == len(ids)
    ids += [biggest.incident(999_999).id, biggest.actor(biggest.actor_count - 1).id,
            biggest.case(biggest.case_count - 1).id]
    ids += [r.id for r in biggest.case_relations(biggest.case(biggest.case_count - 1))]
    assert all(len(i) <= MAX_ID and pattern.match(i) for i in ids)


def test_records_are_a_function_of_seed_and_index() -> None:
    one, again, other = Country(300, provinces=1), Country(300, provinces=1), Country(
        300, provinces=1, seed=1)
    assert one.incident(17) == again.incident(17)
    assert one.actor(250) == again.actor(250)
    assert [one.incident(k) for k in range(20)] != [other.incident(k) for k in range(20)]


def test_the_templates_are_a_few_hundred_and_cite_provisions_that_exist(
    seeds: dict[str, Regulation],
) -> None:
    items = article_items(seeds)
    assert 200 <= TEMPLATE_COUNT <= 400
    for template in TEMPLATES:
        for key in template.articles:
            parts = key.split("-")
            article = "-".join(parts[:2])
            assert article in items, key
            if len(parts) == 3:
                assert int(parts[2]) <= (items[article] or 0), key


def test_incidents_spread_over_five_years_in_time_order(whole: BatchPlan) -> None:
    times = [i.occurred_at for i in whole.incidents]
    assert times == sorted(times)
    assert times[0].year == 2021 and times[-1].year == 2025
