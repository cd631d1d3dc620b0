"""The assessment engine over the example incidents, as the records service feeds it: the
incident's words and the facts its records hold. There is no word list of our own any more
(data/conduct_terms.json held phrases taken from these very incidents, which inflated the
old figures: article@1 0.87, item@1 0.74); these are the engine's, measured honestly.

Measured 2026-11-30 (BM25, no model) on the 70 current example incidents: see
``test_accuracy_on_the_example_incidents`` for the floors."""

from __future__ import annotations

from ingest.records import RecordSet
from liuhen.classify import IncidentEngine, measure
from liuhen.records.legal import incident_facts
from liuhen.records.views import ApplicableArticle


def test_provisions_are_quoted_and_ranked(incident_engine: IncidentEngine,
                                          example: RecordSet):
    found = incident_engine.assess(example.incidents["i012"], example)
    first = found.provisions[0]
    assert (first.alias, first.article, first.item) == ("R1", 8, 3)
    assert first.quote.startswith("授意、纵容身边工作人员")
    assert found.verdict == "violation"
    assert "via_staff = True (given)" in found.reasons  # from the records, not the words


def test_records_facts_are_given_to_the_engine(example: RecordSet):
    # i026: a retired judge of the city court asks about a county case (R2 第八条第（三）项).
    given = incident_facts(example.incidents["i026"], example)
    assert given["regimes"] == ["R2"] and given["insider_relation"] == "superior"
    assert given["retired"] is True and given["actor_role"] == "离退休司法人员"
    # i061: a named report; the engine must verify it before calling it a violation.
    given = incident_facts(example.incidents["i061"], example)
    assert given["complaint"] is True and given["named_report"] is True
    assert given["at_workplace"] is False and given["approved"] is False
    # i058: the officer's own report, the next day (R3 第七条).
    given = incident_facts(example.incidents["i058"], example)
    assert (given["planned"], given["reported"], given["report_days"]) == (False, True, 1)


def test_lawful_conduct_is_called_lawful(incident_engine: IncidentEngine, example: RecordSet):
    for incident, key in (("i062", ("R1", 3)), ("i060", ("R3", 6)), ("i058", ("R3", 7)),
                          ("i068", ("R2", 5))):
        found = incident_engine.assess(example.incidents[incident], example)
        assert found.verdict == "lawful", incident
        assert (found.provisions[0].alias, found.provisions[0].article) == key, incident


def test_the_same_incident_is_assessed_once(incident_engine: IncidentEngine,
                                            example: RecordSet):
    first = incident_engine.assess(example.incidents["i001"], example)
    assert incident_engine.assess(example.incidents["i001"], example) is first


def test_accuracy_on_the_example_incidents(incident_engine: IncidentEngine,
                                           example: RecordSet):
    accuracy = measure(incident_engine, example.current_incidents(), example)
    assert accuracy.incidents >= 60
    assert accuracy.top1_article >= 0.75
    assert accuracy.top3_article >= 0.85
    assert accuracy.top1_item >= 0.65


def test_every_applicable_provision_quotes_the_text(incident_engine: IncidentEngine,
                                                   example: RecordSet):
    from liuhen.assessment.rules import Basis, unit_text
    from liuhen.records.readers import applicable_to_incident, applicable_to_situation
    from liuhen.records.views import Situation

    regulations = incident_engine.engine.book.regulations

    def verbatim(article: ApplicableArticle) -> bool:
        basis = Basis.model_validate({"regulation": article.regulation,
                                      "article": article.article,
                                      "paragraph": article.paragraph, "item": article.item})
        return bool(article.text) and article.text in unit_text(regulations, basis)

    checked = 0
    for incident in example.current_incidents():
        found = applicable_to_incident(example, incident.id, incident_engine, top=5)
        assert all(verbatim(a) for a in found.articles), incident.id
        checked += len(found.articles)
    situation = Situation(text="法官下班后在茶馆偶遇当事人的律师，第二天向纪检监察部门报告",
                          intervener_kind="律师", at_workplace=False)
    assert all(verbatim(a) for a in applicable_to_situation(situation, incident_engine))
    assert checked >= 300
