"""The contract every GraphStore passes, shipped once and run against each backend.

A backend's test class inherits :class:`GraphStoreContract` and supplies two fixtures:

- ``store``: an empty graph with the schema ensured, for tests that write;
- ``seeded``: a graph holding the seed regulations (data/regulations), shared by the
  read-only tests of the class.

Expectations are computed from the parsed models, so the suite checks parse -> graph ->
read back, not numbers copied from a run.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from core.errors import InputError, NotFoundError, WriteRefusedError
from graph import queries
from graph.chains import append_incidents, current_heads
from graph.loader import write_regulations
from graph.record_reads import (
    IncidentQuery,
    annotate_incidents,
    incident_count,
    incident_page,
    incident_versions,
    neighbourhood,
    organs_upwards,
    quarter_rows,
    repeat_intervener_rows,
)
from graph.records import ingest_files
from graph.schema import Label, article_id
from graph.store import GraphStore
from graph.trace import trace_rows
from ingest.combine import combine_duplicates
from ingest.corpus import read_corpus
from ingest.integrity import ChainHead, chain_incidents
from ingest.models import Regulation
from ingest.records import load_records
from liuhen.regulations import views
from liuhen.regulations.service import RegulationsService
from liuhen.regulations.views import NodeRef
from tests.conftest import EXAMPLE, R1, R2, R3, REGULATIONS_DIR
from tests.graph.chain_fixtures import new_incident

PARTY_DISCIPLINE = "中国共产党纪律处分条例"
CIVIL_SERVANTS = "行政机关公务员处分条例"
# Writes of every kind, sent through the read-only path: the database must refuse each one.
WRITES = [
    pytest.param("CREATE (:Regulation {id: 'x'})", id="create"),
    pytest.param("MERGE (r:Regulation {id: 'x'}) RETURN r", id="merge"),
    pytest.param("MATCH (a:Article) SET a.text = 'x'", id="set"),
    pytest.param("MATCH (a:Article) REMOVE a.text", id="remove"),
    pytest.param("MATCH (n) DETACH DELETE n", id="delete-all"),
    pytest.param("MATCH (n) WITH n LIMIT 1 DETACH DELETE n RETURN 1 AS gone", id="delete-one"),
    pytest.param("MATCH (a:Article) WITH a LIMIT 1 CREATE (a)-[:NEXT]->(a)", id="relationship"),
    pytest.param("UNWIND [1, 2] AS i CREATE (:Role {id: toString(i)})", id="unwind-create"),
]
INJECTIONS = [
    '"}) DETACH DELETE n //',
    "' OR 1=1",
    "') MATCH (n) DETACH DELETE n //",
    "x` MATCH (n) DETACH DELETE n //",
    "\\",
    "$id",
]


@cache
def seed_regulations() -> tuple[Regulation, ...]:
    regulations, _ = combine_duplicates(read_corpus(REGULATIONS_DIR).regulations)
    return tuple(regulations)


def seed(title: str) -> Regulation:
    return next(r for r in seed_regulations() if r.normalized_title == title)


def expected_counts(regulations: tuple[Regulation, ...]) -> dict[str, int]:
    articles = [a for r in regulations for a in r.articles]
    return {
        Label.ARTICLE: len(articles),
        Label.PARAGRAPH: sum(len(a.paragraphs) for a in articles),
        Label.ITEM: sum(len(p.items) for a in articles for p in a.paragraphs),
        Label.DUTY: sum(len(a.duties) for a in articles),
        Label.HEADING: sum(len(r.headings) for r in regulations),
        "CITES": sum(len(a.citations) for a in articles),
        "REFERS_TO": sum(len(a.references) for a in articles),
        "DEFINES": sum(len(a.definitions) for a in articles),
        "NEXT": sum(len(r.articles) - 1 for r in regulations),
    }


def counts(store: GraphStore) -> Counter[str]:
    graph = RegulationsService(store).graph_counts()
    return Counter(graph.nodes) + Counter(graph.relationships)


class GraphStoreContract:
    """Tests every GraphStore implementation must pass."""

    # --- the store itself ------------------------------------------------------------------

    def test_ensure_schema_is_idempotent(self, store: GraphStore) -> None:
        store.ensure_schema()
        store.ensure_schema()
        assert store.read(queries.PING) == [{"ok": 1}]

    def test_read_refuses_a_writing_statement(self, store: GraphStore) -> None:
        with pytest.raises(ValueError, match="writes"):
            store.read(queries.MARK_LOADED, {"rows": []})

    def test_parameters_must_be_the_declared_ones(self, store: GraphStore) -> None:
        with pytest.raises(ValueError, match="takes"):
            store.read(queries.ROLE, {"role": "x", "extra": 1})
        with pytest.raises(ValueError, match="takes"):
            store.read(queries.ROLE, {})

    @pytest.mark.parametrize(
        "value",
        [
            pytest.param('引号"与\\反斜杠', id="quote-backslash"),
            pytest.param("两行\n文字\t制表", id="newline-tab"),
            pytest.param("《中华人民共和国刑法》第二十条", id="cjk"),
            *(pytest.param(text, id=f"injection-{i}") for i, text in enumerate(INJECTIONS)),
        ],
    )
    def test_string_values_round_trip(self, store: GraphStore, value: str) -> None:
        store.write(queries.UPSERT_ROLES, {"rows": [{"id": value, "kind": "organ"}]})
        rows = store.read(queries.node(Label.ROLE), {"id": value})
        assert rows == [{"id": value, "caption": value}]
        assert counts(store) == Counter({Label.ROLE: 1})

    @pytest.mark.parametrize("statement", WRITES)
    def test_read_only_query_refuses_writes(self, store: GraphStore, statement: str) -> None:
        write_regulations(store, [seed(R2)])
        before = counts(store)
        with pytest.raises(WriteRefusedError):
            store.read_only_query(statement)
        assert counts(store) == before

    def test_read_only_query_reads(self, store: GraphStore) -> None:
        write_regulations(store, [seed(R2)])
        rows = store.read_only_query(
            "MATCH (r:Regulation {id: $id})-[h:HAS_ARTICLE]->(a:Article {key: '9'}) "
            "RETURN r.title AS title, a AS article, h AS link, count(*) AS n",
            {"id": seed(R2).id},
        )
        assert len(rows) == 1 and rows[0]["title"] == R2 and rows[0]["n"] == 1
        assert rows[0]["article"]["labels"] == ["Article"]
        assert rows[0]["article"]["properties"]["label"] == "第九条"
        assert rows[0]["link"] == {"type": "HAS_ARTICLE", "properties": {}}

    @pytest.mark.parametrize("statement", ["MATCH (", "RETURN $missing + 1 AS x"])
    def test_read_only_query_rejects_bad_statements(
        self, store: GraphStore, statement: str
    ) -> None:
        with pytest.raises(InputError):
            store.read_only_query(statement)

    def test_read_only_query_parameter_names_are_identifiers(self, store: GraphStore) -> None:
        with pytest.raises(InputError, match="identifier"):
            store.read_only_query("RETURN 1 AS x", {"x=1 MATCH (n) DETACH DELETE n //": 1})

    def test_load_counts_match_the_models(self, store: GraphStore) -> None:
        regulations = seed_regulations()
        write_regulations(store, regulations)
        found = counts(store)
        for key, value in expected_counts(regulations).items():
            assert found[key] == value, key
        assert found["HAS_ARTICLE"] == found[Label.ARTICLE]
        assert found["HAS_PARAGRAPH"] == found[Label.PARAGRAPH]
        assert found["HAS_ITEM"] == found[Label.ITEM]
        assert found["IMPOSES"] == found[Label.DUTY]

    def test_loading_twice_gives_the_same_graph(self, store: GraphStore) -> None:
        regulations = seed_regulations()
        first = write_regulations(store, regulations)
        before = counts(store)
        again = write_regulations(store, regulations)
        assert again.written == [] and again.unchanged == first.written
        assert counts(store) == before
        forced = write_regulations(store, regulations, force=True, batch_size=7)
        assert forced.written == first.written
        assert counts(store) == before

    def test_changed_text_replaces_the_old_articles(self, store: GraphStore) -> None:
        r1 = seed(R1)
        write_regulations(store, [r1])
        shorter = r1.model_copy(update={"articles": r1.articles[:-1]})
        write_regulations(store, [shorter])
        assert counts(store)[Label.ARTICLE] == len(r1.articles) - 1
        last = r1.articles[-1].number.key
        with pytest.raises(NotFoundError, match=r1.articles[-1].label):
            RegulationsService(store).get_article(r1.id, last)

    def test_citation_moves_to_the_text_when_it_arrives(self, store: GraphStore) -> None:
        write_regulations(store, [seed(R1)])
        before = RegulationsService(store).citations_into(CIVIL_SERVANTS)
        assert not before.has_text and before.citing
        civil = seed(CIVIL_SERVANTS)
        write_regulations(store, [civil])
        after = RegulationsService(store).citations_into(CIVIL_SERVANTS)
        assert after.has_text
        assert after.citing == before.citing
        stand_ins = RegulationsService(store).list_regulations(include_cited=True)
        assert CIVIL_SERVANTS not in {r.id for r in stand_ins}
        cites = RegulationsService(store).citations_from(R1, "9")
        assert civil.id in {c.target_id for c in cites}

    def test_clear_empties_the_graph(self, store: GraphStore) -> None:
        write_regulations(store, [seed(R2)])
        store.clear()
        assert counts(store) == Counter()
        write_regulations(store, [seed(R2)])
        assert counts(store)[Label.ARTICLE] == len(seed(R2).articles)

    # --- services over the seeds -----------------------------------------------------------

    def test_every_article_reads_back_as_parsed(self, seeded: GraphStore) -> None:
        for regulation in seed_regulations():
            for article in regulation.articles:
                view = RegulationsService(seeded).get_article(regulation.id, article.number.key)
                assert view.text == article.text
                assert view.headings == list(article.headings)
                assert [(p.number, p.text, [(i.number, i.marker, i.text) for i in p.items])
                        for p in view.paragraphs] == [
                    (p.number, p.text, [(i.number, i.marker, i.text) for i in p.items])
                    for p in article.paragraphs
                ]
                assert [(c.title, c.start, c.paragraph, c.item) for c in view.citations] == [
                    (c.title, c.location.start, c.location.paragraph, c.location.item)
                    for c in article.citations
                ]
                assert sorted(
                    (r.start, r.kind, r.target_key, r.target_paragraph) for r in view.references
                ) == sorted(
                    (r.location.start, r.kind, r.target_article.key, r.target_paragraph)
                    for r in article.references
                )
                assert [(d.term, d.text) for d in view.definitions] == [
                    (d.term, d.text) for d in article.definitions
                ]
                assert sorted((m.role, m.start) for m in view.roles) == sorted(
                    (m.role, m.location.start) for m in article.roles
                )
                assert [(d.actor, d.deadline, d.action) for d in view.duties] == [
                    (d.actor, d.deadline, d.action) for d in article.duties
                ]

    def test_article_by_alias_and_chinese_numeral(self, seeded: GraphStore) -> None:
        view = RegulationsService(seeded).get_article("R1", "第八条")
        assert view.regulation_title == R1
        assert view.label == "第八条"
        assert [len(p.items) for p in view.paragraphs] == [5]
        assert (view.previous, view.next) == ("7", "9")

    def test_unknown_regulation_names_what_was_asked(self, seeded: GraphStore) -> None:
        with pytest.raises(NotFoundError, match="不存在的规定"):
            RegulationsService(seeded).get_article("不存在的规定", "1")

    def test_unknown_article_names_regulation_and_article(self, seeded: GraphStore) -> None:
        with pytest.raises(NotFoundError, match=r"has no 第九十九条 \(it has 第一条 to 第十三条\)"):
            RegulationsService(seeded).get_article("R1", "99")

    def test_cited_only_regulation_has_no_articles(self, seeded: GraphStore) -> None:
        with pytest.raises(NotFoundError, match="cited, but its text is not in the store"):
            RegulationsService(seeded).get_article(PARTY_DISCIPLINE, "1")

    def test_malformed_article_number_is_bad_input(self, seeded: GraphStore) -> None:
        with pytest.raises(InputError, match="not an article number"):
            RegulationsService(seeded).get_article("R1", "' OR 1=1")

    @pytest.mark.parametrize("text", INJECTIONS)
    def test_injection_changes_nothing_and_is_not_found(
        self, seeded: GraphStore, text: str
    ) -> None:
        before = counts(seeded)
        for call in (
            lambda: RegulationsService(seeded).get_article(text, "1"),
            lambda: RegulationsService(seeded).table_of_contents(text),
            lambda: RegulationsService(seeded).citations_into(text),
            lambda: RegulationsService(seeded).definitions(term=text),
            lambda: RegulationsService(seeded).duties_of_role(text),
            lambda: RegulationsService(seeded).find_path(
                NodeRef(label="Article", id=text), NodeRef(label="Role", id="司法人员")
            ),
        ):
            with pytest.raises(NotFoundError):
                call()
        assert counts(seeded) == before

    def test_label_outside_the_allow_list_is_refused(self, seeded: GraphStore) -> None:
        with pytest.raises(InputError, match="unknown node label"):
            RegulationsService(seeded).find_path(
                NodeRef(label="Article`) DETACH DELETE n //", id="x"),
                NodeRef(label="Role", id="司法人员"),
            )

    def test_table_of_contents_nests_headings(self, seeded: GraphStore) -> None:
        civil = seed(CIVIL_SERVANTS)
        toc = RegulationsService(seeded).table_of_contents(CIVIL_SERVANTS)
        assert [h.title for h in toc.headings] == [h.title for h in civil.headings
                                                   if h.depth == 1]

        def walk(headings: list[views.TocHeading]) -> list[str]:
            keys: list[str] = []
            for heading in headings:
                keys += [a.key for a in heading.articles] + walk(heading.children)
            return keys

        assert [a.key for a in toc.articles] + walk(toc.headings) == [
            a.number.key for a in civil.articles
        ]
        flat = RegulationsService(seeded).table_of_contents("R1")
        assert flat.headings == [] and len(flat.articles) == len(seed(R1).articles)

    def test_which_articles_cite_the_party_discipline_rules(self, seeded: GraphStore) -> None:
        cited = RegulationsService(seeded).citations_into(f"《{PARTY_DISCIPLINE}》")
        assert not cited.has_text
        expected = {
            (r.id, a.number.key)
            for r in seed_regulations()
            for a in r.articles
            if any(c.normalized_title == PARTY_DISCIPLINE for c in a.citations)
        }
        assert {(c.regulation_id, c.article_key) for c in cited.citing} == expected
        assert {(R1, "9"), (R2, "10"), (R3, "11")} <= expected

    def test_citations_out_of_an_article(self, seeded: GraphStore) -> None:
        cites = RegulationsService(seeded).citations_from("R1", "9")
        assert cites[0].title == PARTY_DISCIPLINE and not cites[0].has_text
        civil = [c for c in cites if c.title == CIVIL_SERVANTS]
        assert civil and all(c.has_text and c.target_id == seed(CIVIL_SERVANTS).id
                             for c in civil)
        assert {c.paragraph for c in cites} == {1, 2}

    def test_definitions(self, seeded: GraphStore) -> None:
        defined = RegulationsService(seeded).definitions(term="司法人员")
        assert [(d.regulation_id, d.article_key) for d in defined] == [(R3, "14")]
        assert defined[0].text.startswith("本规定所称“司法人员”")
        in_r3 = RegulationsService(seeded).definitions(regulation="R3")
        assert [d.term for d in in_r3] == ["司法人员", "特殊关系人", "中介组织"]
        assert len(RegulationsService(seeded).definitions()) == sum(
            len(a.definitions) for r in seed_regulations() for a in r.articles
        )
        with pytest.raises(NotFoundError, match="no definition of '干预'"):
            RegulationsService(seeded).definitions(term="干预")

    def test_duties_of_a_role(self, seeded: GraphStore) -> None:
        duties = RegulationsService(seeded).duties_of_role("司法人员")
        assert [(d.regulation_id, d.article_key, d.deadline) for d in duties] == [
            (R3, "7", "三日内")
        ]
        assert "纪检监察部门报告" in duties[0].action
        with pytest.raises(NotFoundError, match="no role called '宇航员'"):
            RegulationsService(seeded).duties_of_role("宇航员")

    def test_neighbourhood_of_an_article(self, seeded: GraphStore) -> None:
        r1 = seed(R1)
        one = RegulationsService(seeded).neighbourhood("R1", "8", hops=1)
        ids = {n.id for n in one.nodes}
        assert one.center.id == article_id(r1.id, "8")
        assert {r1.id, article_id(r1.id, "7"), article_id(r1.id, "9"),
                article_id(r1.id, "8") + ".p1", "领导干部"} <= ids
        assert article_id(r1.id, "8") + ".p1.i1" not in ids
        two = RegulationsService(seeded).neighbourhood("R1", "8", hops=2)
        assert article_id(r1.id, "8") + ".p1.i1" in {n.id for n in two.nodes}
        assert not two.truncated
        node_ids = {n.id for n in two.nodes}
        assert all(e.source in node_ids and e.target in node_ids for e in two.edges)
        small = RegulationsService(seeded).neighbourhood("R1", "8", hops=2, max_nodes=5)
        assert len(small.nodes) == 5 and small.truncated
        with pytest.raises(InputError, match="hops"):
            RegulationsService(seeded).neighbourhood("R1", "8", hops=9)

    def test_path_between_two_articles(self, seeded: GraphStore) -> None:
        source = RegulationsService(seeded).article_node("R1", "9")
        target = RegulationsService(seeded).article_node("R2", "10")
        path = RegulationsService(seeded).find_path(source, target)
        # Both cite 《中国共产党纪律处分条例》: two hops.
        assert path.length == 2
        assert [n.id for n in path.nodes][0::2] == [source.id, target.id]
        assert {e.type for e in path.edges} <= {"CITES", "MENTIONS"}
        assert RegulationsService(seeded).find_path(source, source).length == 0
        with pytest.raises(NotFoundError, match="within 1 hops"):
            RegulationsService(seeded).find_path(source, target, max_hops=1)

    def test_list_regulations(self, seeded: GraphStore) -> None:
        texted = RegulationsService(seeded).list_regulations()
        assert [r.id for r in texted] == sorted(r.id for r in seed_regulations())
        assert all(r.has_text and r.article_count > 0 for r in texted)
        everything = RegulationsService(seeded).list_regulations(include_cited=True)
        assert PARTY_DISCIPLINE in {r.id for r in everything}
        page = RegulationsService(seeded).list_regulations(
            include_cited=True, limit=2, offset=1)
        assert [r.id for r in page] == [r.id for r in everything[1:3]]

    # ------------------------------------------------------------ records reads

    def test_records_reads_answer_from_the_store(self, store: GraphStore) -> None:
        """Every records read statement runs on this backend and answers from the store:
        pages in keyset order, filters on stored verdicts, a quarter held to its bounds, an
        incident's neighbourhood, the organ hierarchy and paths between two actors."""
        ingest_files(store, [EXAMPLE])
        example = load_records([EXAMPLE]).as_set()
        current = example.current_incidents()
        annotate_incidents(store, [
            {"id": i.id, "verdict": "violation" if n % 2 else "lawful", "statuses": [],
             "interference": n % 2 == 1, "provisions": [], "regimes": ["R1"],
             "findings": [], "missing_facts": [], "assessed_by": "contract"}
            for n, i in enumerate(sorted(current, key=lambda i: i.id))])
        every = IncidentQuery()
        walked = []
        after = None
        while True:
            page = incident_page(store, every, after=after, skip=0, limit=9)
            walked += [(s.incident.recorded_at.isoformat(), s.incident.id) for s in page]
            if len(page) < 9:
                break
            after = walked[-1]
        assert walked == sorted(((i.recorded_at.isoformat(), i.id) for i in current),
                                reverse=True)
        assert incident_count(store, every, cap=1000) == len(current)
        lawful = IncidentQuery(verdict="lawful", organ="bl-al-fy")
        assert {s.incident.id for s in incident_page(store, lawful, after=None, skip=0,
                                                     limit=500)} == {
            i.id for n, i in enumerate(sorted(current, key=lambda i: i.id))
            if n % 2 == 0 and i.organ == "bl-al-fy"}
        quarter = quarter_rows(store, None, "2026-07-01", "2026-10-01", limit=1000)
        assert [r["id"] for r in quarter] == [i.id for i in sorted(
            (i for i in current if "2026-07-01" <= i.recorded_at.isoformat() < "2026-10-01"),
            key=lambda i: (i.recorded_at, i.id))]
        found = neighbourhood(store, "i012")
        assert found is not None and found[1].incidents["i012"] == example.incidents["i012"]
        assert set(found[1].organs) >= {"bl-al-fy", "bl-fy", "ql-fy", "bl-al-dw", "bl-al-zfw"}
        assert incident_versions(store, "i047") == ["i047", "i047-v2"]
        assert set(organs_upwards(store, ["bl-al-fy"])) >= {"bl-fy", "ql-fy"}
        assert trace_rows(store, "p-qiangd", "p-zhoumy", max_hops=6, limit=10,
                          through_organs=False)
        assert repeat_intervener_rows(store, minimum=1, listed=5, limit=5)

    # ------------------------------------------------------------ records writes

    def test_a_group_append_is_all_or_nothing(self, store: GraphStore) -> None:
        """The group commit's statement on this backend: a group on two organs moves both
        heads and stores every incident; a group chained on a head that moved stores none."""
        ingest_files(store, [EXAMPLE])
        organs = ["bl-al-fy", "bl-fy"]
        before = current_heads(store, organs)
        incidents = [new_incident("contract-g1", organ=organs[0]),
                     new_incident("contract-g2", organ=organs[1]),
                     new_incident("contract-g3", organ=organs[0])]
        records, _ = chain_incidents(incidents, before)
        assert append_incidents(store, list(zip(incidents, records, strict=True)),
                                sealer=None)
        after = current_heads(store, organs)
        assert after[organs[0]].length == before.get(
            organs[0], ChainHead(organ=organs[0], length=0, hash="")).length + 2
        assert after[organs[0]].hash == records[2].hash
        assert after[organs[1]].hash == records[1].hash
        stale = [new_incident("contract-g4", organ=organs[1])]
        stale_records, _ = chain_incidents(stale, before)
        assert not append_incidents(store, list(zip(stale, stale_records, strict=True)),
                                    sealer=None)
        assert {s.incident.id for s in incident_page(
            store, IncidentQuery(organ=organs[1]), after=None, skip=0, limit=500)
            } >= {"contract-g2"}
        assert current_heads(store, [organs[1]])[organs[1]] == after[organs[1]]
