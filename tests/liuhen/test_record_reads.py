"""The records questions as graph queries, checked against the whole-set answers they
replace: the same incidents, verdicts, routes, people and summaries over the example records,
pages that neither repeat nor skip, and no request that reads every record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import product

import pytest

from core.errors import InputError
from core.settings import Settings
from graph.involvement import involvement_page
from graph.record_reads import neighbourhood_batches
from ingest.records import RecordSet
from liuhen.classify import IncidentEngine
from liuhen.records import readers
from liuhen.records.analysis import incidents_involving, repeat_interveners, trace_paths
from liuhen.records.annotations import interference
from liuhen.records.legal import incident_facts
from liuhen.records.people import circle
from liuhen.records.service import RecordsService
from liuhen.summary import quarterly_summary

TODAY = date(2027, 6, 1)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsService]:
    """The example records in a store of their own, assessed on ingest; the tests only read."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("liuhen"))
    with RecordsService.opened(settings) as opened:
        opened.ingest([settings.example_dir])
        yield opened


@pytest.fixture(scope="module")
def whole(service: RecordsService) -> RecordSet:
    return service.records()


def _all_ids(service: RecordsService, **filters: object) -> list[str]:
    page = service.list_incidents(limit=500, **filters)  # type: ignore[arg-type]
    assert page.next is None
    return [i.id for i in page.items]


def test_the_neighbourhood_holds_every_fact_the_engine_reads(service: RecordsService,
                                                            whole: RecordSet,
                                                            incident_engine: IncidentEngine):
    for incident in whole.incidents.values():
        _, around = service._neighbourhood(incident.id)
        assert incident_facts(incident, around) == incident_facts(incident, whole), incident.id
        assert (incident_engine.assess(incident, around).model_dump()
                == incident_engine.assess(incident, whole).model_dump()), incident.id


def test_a_batch_of_neighbourhoods_gives_each_incident_its_own_assessment(
        service: RecordsService, whole: RecordSet, incident_engine: IncidentEngine) -> None:
    """Read together, the neighbourhoods of several incidents make one set; each incident's
    facts and assessment over it are those over its own neighbourhood."""
    ids = sorted(whole.incidents)
    for size in (7, 100):
        batches = list(neighbourhood_batches(service.store, [*ids, "no-such-incident"],
                                             size=size))
        assert [i for batch, _, _ in batches for i in batch] == [*ids, "no-such-incident"]
        for batch, found, records in batches:
            assert set(found) == set(batch) - {"no-such-incident"}
            for incident_id in found:
                _, own = service._neighbourhood(incident_id)
                incident = records.incidents[incident_id]
                assert incident_facts(incident, records) == incident_facts(incident, own)
                assert (incident_engine.assess(incident, records).model_dump()
                        == incident_engine.assess(incident, own).model_dump()), incident_id


def test_routes_over_the_neighbourhood_equal_the_whole_set_routes(service: RecordsService,
                                                                  whole: RecordSet):
    engine = service.classifier()
    for incident in whole.current_incidents():
        assert service.reporting_route(incident.id) == readers.reporting_route(
            whole, incident.id, engine=engine), incident.id


def test_stored_verdicts_are_the_engines(service: RecordsService, whole: RecordSet):
    engine = service.classifier()
    page = service.list_incidents(limit=500, include_superseded=True)
    assert len(page.items) == len(whole.incidents)
    for item in page.items:
        found = engine.assess(whole.incidents[item.id], whole)
        assert item.assessed and item.verdict == found.verdict, item.id


def test_filters_match_the_records(service: RecordsService, whole: RecordSet):
    engine = service.classifier()
    current = whole.current_incidents()
    judged = {i.id: engine.assess(i, whole) for i in current}
    for verdict in ("violation", "lawful", "undetermined"):
        assert set(_all_ids(service, verdict=verdict)) == {
            i for i, a in judged.items() if a.verdict == verdict}
    assert set(_all_ids(service, regulation="R3")) == {
        i for i, a in judged.items() if "R3" in a.regimes}
    assert set(_all_ids(service, organ="bl-al-fy")) == {
        i.id for i in current if i.organ == "bl-al-fy"}
    assert set(_all_ids(service, case="c01")) == {i.id for i in current if i.case == "c01"}
    assert set(_all_ids(service, actor="p-tianxm")) == {
        i.id for i in current if "p-tianxm" in {a for a, _ in i.roles()}}
    assert set(_all_ids(service, since=date(2026, 7, 1), until=date(2026, 9, 30))) == {
        i.id for i in current if date(2026, 7, 1) <= i.occurred_at.date() <= date(2026, 9, 30)}
    both = _all_ids(service, organ="bl-al-fy", verdict="violation", actor="p-qiangd")
    assert set(both) == {i.id for i in current if i.organ == "bl-al-fy"
                         and judged[i.id].verdict == "violation"
                         and "p-qiangd" in {a for a, _ in i.roles()}}


def test_cursor_pages_neither_repeat_nor_skip(service: RecordsService, whole: RecordSet):
    everything = _all_ids(service)
    walked: list[str] = []
    after = None
    while True:
        page = service.list_incidents(limit=7, after=after)
        walked += [i.id for i in page.items]
        if page.next is None:
            break
        after = page.next
    assert walked == everything and len(set(walked)) == len(whole.current_incidents())
    keys = [(whole.incidents[i].recorded_at, i) for i in walked]
    assert keys == sorted(keys, reverse=True)
    assert [i.id for i in service.list_incidents(limit=7, offset=7).items] == everything[7:14]


def test_pages_are_bounded(service: RecordsService):
    with pytest.raises(InputError) as raised:
        service.list_incidents(offset=10_001)
    assert raised.value.field == "offset"
    with pytest.raises(InputError) as raised:
        service.list_incidents(after="bm90LWEtY3Vyc29y")
    assert raised.value.field == "after"


def test_people_match_the_whole_set(service: RecordsService, whole: RecordSet):
    for actor in ("p-jiangym", "p-qiangd", "p-tianxm", "p-zhoumy"):
        old = incidents_involving(whole, actor)
        new = service.actor_incidents(actor).incidents
        assert sorted(x.model_dump_json() for x in new) == sorted(
            x.model_dump_json() for x in old), actor
    for source, target, organs in (("p-qiangd", "p-zhoumy", True),
                                   ("p-weids", "p-zengxl", False)):
        old_paths = trace_paths(whole, source, target, through_organs=organs, limit=100)
        new_paths = service.actor_paths(source, target, through_organs=organs, limit=100).paths
        assert {tuple(n.id for n in p.nodes) for p in new_paths} == {
            tuple(n.id for n in p.nodes) for p in old_paths}


def test_an_actors_incidents_page_on_to_the_whole_set_in_both_orders(
        service: RecordsService, whole: RecordSet) -> None:
    for actor in ("p-jiangym", "p-qiangd", "p-zhoumy"):
        old = incidents_involving(whole, actor)
        expected = list(dict.fromkeys(x.incident for x in old))
        assert len(expected) >= 2, actor
        for limit in (1, 2, 3):
            for newest in (False, True):
                walked, rows, after = [], [], None
                while True:
                    page = service.actor_incidents(actor, limit=limit, after=after,
                                                   newest=newest)
                    ids = list(dict.fromkeys(x.incident for x in page.incidents))
                    assert len(ids) <= limit
                    walked += ids
                    rows += page.incidents
                    if page.next is None:
                        break
                    after = page.next
                assert walked == (expected[::-1] if newest else expected), (actor, limit)
                assert sorted(x.model_dump_json() for x in rows) == sorted(
                    x.model_dump_json() for x in old), (actor, limit, newest)


def test_an_actors_pages_are_the_same_whatever_the_store_answers_per_read(
        service: RecordsService, whole: RecordSet) -> None:
    """A page is merged from two streams of candidates read ``scan`` at a time; read one or
    two at a time (every stream read again and again, a superseded version settled alone,
    the page filled across reads) the pages are those of the default read. p-xuwb and
    p-linml are in i047, which i047-v2 corrects."""
    for actor in ("p-xuwb", "p-linml", "p-qiangd", "p-zhoumy"):
        expected = list(dict.fromkeys(x.incident for x in incidents_involving(whole, actor)))
        assert len(expected) >= 2 and "i047" not in expected, actor
        people = circle(service.store, actor)
        for limit, scan, newest in product((1, 2, 5), (1, 2, None), (False, True)):
            walked: list[str] = []
            after = None
            while True:
                found, more = involvement_page(service.store, people, after=after,
                                               newest=newest, limit=limit, scan=scan)
                assert len(found) <= limit and (found or not more)
                walked += [x.incident for x in found]
                if not more:
                    break
                after = (found[-1].key, found[-1].incident)
            assert walked == (expected[::-1] if newest else expected), (actor, limit, scan)


def test_an_actors_pages_are_bounded(service: RecordsService) -> None:
    for bad in ({"limit": 0}, {"limit": 501}, {"after": "bm90LWEtY3Vyc29y"},
                {"after": readers.encode_cursor("not-a-time", "x")}):
        with pytest.raises(InputError) as raised:
            service.actor_incidents("p-qiangd", **bad)  # type: ignore[arg-type]
        assert raised.value.field == next(iter(bad)), bad


def test_paths_are_the_same_whichever_end_the_search_starts_from(
        service: RecordsService) -> None:
    """The store searches from the end with fewer relationships; each path still runs from
    the source asked for to the target, and asking the other way round reverses them."""
    for source, target in (("p-qiangd", "p-zhoumy"), ("p-lijj", "p-qiangd")):
        there = service.actor_paths(source, target, limit=100).paths
        back = service.actor_paths(target, source, limit=100).paths
        assert there, (source, target)
        assert all(p.nodes[0].id == source and p.nodes[-1].id == target for p in there)
        assert all(s.source == a.id and s.target == b.id for p in there
                   for s, a, b in zip(p.steps, p.nodes[:-1], p.nodes[1:], strict=True))
        assert {tuple(n.id for n in p.nodes) for p in there} == {
            tuple(n.id for n in reversed(p.nodes)) for p in back}


def test_repeat_interveners_from_stored_interference(service: RecordsService,
                                                     whole: RecordSet):
    engine = service.classifier()
    old = repeat_interveners(whole, lambda i: interference(engine.assess(i, whole)), minimum=2)
    assert service.repeat_interveners(minimum=2) == old


def test_quarterly_from_stored_findings(service: RecordsService, whole: RecordSet):
    engine = service.classifier()
    for organ in ("bl-al-fy", None):
        old = quarterly_summary(whole, organ, 2026, 3, book=engine.engine.book,
                                assess=lambda i: engine.assess(i, whole), today=TODAY)
        assert service.quarterly("2026Q3", organ=organ, today=TODAY) == old


def test_province_and_city_summaries(service: RecordsService, whole: RecordSet):
    everyone = service.quarterly("2026Q3", today=TODAY)
    province = service.quarterly("2026Q3", organ="ql-fy", region=True, today=TODAY)
    assert province.incidents == everyone.incidents and province.count > 7
    assert province.sections[0].recipients == [] and "青岚省" in province.organ_name
    city = service.quarterly("2026Q3", organ="bl-dw", region=True, today=TODAY)
    assert 0 < city.count < province.count
    assert {whole.incidents[i].organ for i in city.incidents} <= {
        o.id for o in whole.organs.values() if o.region in {
            "白鹭市", "安澜县", "清溪县"} or o.id.startswith("bl-")}
