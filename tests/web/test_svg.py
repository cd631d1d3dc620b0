"""The drawings as SVG text: what a reader sees is in Chinese, in the right places, and
nothing typed by a person reaches the markup unescaped."""

from __future__ import annotations

import re

from ingest.records import Level, Organ, OrganKind
from liuhen.records.views import Hierarchy
from liuhen.regulations.views import EdgeView, NodeView, Subgraph
from web.svg import RELATIONS_ZH, hierarchy_svg, neighbourhood_svg


def _court(organ_id: str, name: str, level: Level, superior: str | None = None) -> Organ:
    return Organ(id=organ_id, name=name, kind=OrganKind.COURT, level=level, superior=superior)


def _text_y(svg: str, text: str) -> float:
    found = re.search(r'<text x="[\d.]+" y="([\d.]+)"[^>]*>' + re.escape(text) + "</text>", svg)
    assert found, f"{text!r} is not drawn"
    return float(found.group(1))


def test_hierarchy_draws_superiors_above_and_the_committee_beside() -> None:
    province = _court("p", "青岚省高级人民法院", Level.PROVINCE)
    city = _court("c", "白鹭市中级人民法院", Level.CITY, "p")
    county = _court("x", "安澜县人民法院<script>", Level.COUNTY, "c")
    committee = Organ(id="pc", name="中共安澜县委", kind=OrganKind.PARTY_COMMITTEE,
                      level=Level.COUNTY)
    drawing = str(hierarchy_svg(
        Hierarchy(organ=county, superiors=[city, province], subordinates=[],
                  party_committee=committee, same_level=[]),
        lambda organ_id: f"/ui/organs/{organ_id}"))
    assert _text_y(drawing, "青岚省高级人民法院") < _text_y(drawing, "白鹭市中级人民法院") \
        < _text_y(drawing, "安澜县人民法院&lt;script&gt;")
    assert "<script>" not in drawing
    assert drawing.count(">上级机关</text>") == 2
    assert ">同级党委</text>" in drawing
    assert 'href="/ui/organs/p"' in drawing
    assert 'href="/ui/organs/x"' not in drawing  # the organ shown is not a link to itself


def test_hierarchy_names_how_many_subordinates_are_left_out() -> None:
    city = _court("c", "白鹭市中级人民法院", Level.CITY)
    counties = [_court(f"x{n}", f"第{n}县人民法院", Level.COUNTY, "c") for n in range(9)]
    drawing = str(hierarchy_svg(Hierarchy(organ=city, superiors=[], subordinates=counties,
                                          party_committee=None, same_level=[]),
                                lambda organ_id: f"/ui/organs/{organ_id}"))
    assert "另有 3 个下级机关" in drawing
    assert "第5县人民法院" in drawing and "第6县人民法院" not in drawing


def test_neighbourhood_labels_relationships_in_chinese_once_per_pair() -> None:
    center = NodeView(label="Article", id="R1-9", caption="第九条")
    before = NodeView(label="Article", id="R1-8", caption="第八条")
    role = NodeView(label="Role", id="role", caption="领导干部")
    graph = Subgraph(center=center, hops=1, nodes=[center, before, role], truncated=False,
                     edges=[EdgeView(type="NEXT", source="R1-8", target="R1-9"),
                            EdgeView(type="REFERS_TO", source="R1-9", target="R1-8"),
                            EdgeView(type="MENTIONS", source="R1-9", target="role")])
    drawing = str(neighbourhood_svg(graph, lambda node: None))
    assert not any(name in drawing for name in ("NEXT", "REFERS_TO", "MENTIONS"))
    assert drawing.count('class="edge-label"') == 2
    assert f">{RELATIONS_ZH['NEXT']}、{RELATIONS_ZH['REFERS_TO']}</text>" in drawing
    assert f">{RELATIONS_ZH['MENTIONS']}</text>" in drawing
