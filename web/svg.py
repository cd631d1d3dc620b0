"""Small drawings, generated on the server as inline SVG: an article's neighbourhood in the
graph, an incident's reporting route (organ -> organ, each arrow labelled with the duty, its
deadline and basis), the paths between two actors, and an organ's place in the hierarchy.

Every text that reaches the drawing is escaped here (captions and labels come from records
people typed). Only presentation attributes are used, no ``style``: the pages' CSP allows no
inline styles.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from liuhen.records.views import ActorPaths, Hierarchy, RouteView
from liuhen.regulations.views import NodeView, Subgraph

COLOURS = {
    "Article": "#2f5d8a", "Paragraph": "#4f7fae", "Item": "#7aa2c8", "Regulation": "#8a5a2f",
    "Role": "#3f7f4f", "Term": "#7f3f6f", "Duty": "#a0522d", "actor": "#2f5d8a",
    "organ": "#8a5a2f", "case": "#3f7f4f", "incident": "#a0522d",
}
LABELS_ZH = {"Article": "条", "Paragraph": "款", "Item": "项", "Regulation": "法规",
             "Role": "角色", "Term": "术语", "Duty": "职责", "Heading": "章节",
             "actor": "人员", "organ": "机关", "case": "案件", "incident": "记录"}
#: The regulation graph's relationship types as a reader of Chinese law names them.
RELATIONS_ZH = {"HAS_HEADING": "含章节", "HAS_ARTICLE": "含条", "HAS_PARAGRAPH": "含款",
                "HAS_ITEM": "含项", "NEXT": "下一条", "UNDER": "属于", "CITES": "援引",
                "REFERS_TO": "参照", "DEFINES": "界定", "MENTIONS": "提及",
                "IMPOSES": "规定职责", "BORNE_BY": "由其承担"}


def _width(text: str, size: float) -> float:
    """Rough advance of ``text``: CJK glyphs are square, others about half as wide."""
    return sum(size if ord(c) > 0x2E7F else size * 0.58 for c in text)


def clip(text: str, size: float, width: float) -> str:
    """``text`` cut (with …) to fit ``width`` at font ``size``."""
    if _width(text, size) <= width:
        return text
    out = ""
    for char in text:
        if _width(out + char + "…", size) > width:
            break
        out += char
    return out + "…"


def _text(x: float, y: float, text: str, *, size: float = 12, anchor: str = "middle",
          fill: str = "#1d1d1d", weight: str = "normal", cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="{fill}" font-weight="{weight}"{klass}>{escape(text)}</text>')


def _defs(prefix: str) -> str:
    return (f'<defs><marker id="{prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
            'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            '<path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>')


def _svg(width: float, height: float, body: Sequence[str], *, title: str, cls: str) -> Markup:
    # every text inside went through escape()
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram {cls}" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'font-family="Liuhen Sans, Noto Sans SC, Noto Sans CJK SC, sans-serif">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _edge_end(x1: float, y1: float, x2: float, y2: float, half_w: float,
              half_h: float) -> tuple[float, float]:
    """Where the segment from the centre (x1, y1) to (x2, y2) leaves a box around (x1, y1)."""
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return x1, y1
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return x1 + dx * scale, y1 + dy * scale


@dataclass(frozen=True)
class _Box:
    key: str
    x: float
    y: float
    w: float
    h: float
    lines: tuple[str, ...]
    kind: str
    href: str | None = None
    center: bool = False


def _box(box: _Box) -> str:
    colour = COLOURS.get(box.kind, "#555")
    parts = [f'<g class="node node-{escape(box.kind)}" data-key="{escape(box.key)}">']
    if box.href:
        parts[0] += f'<a href="{escape(box.href)}">'
    parts.append(
        f'<rect x="{box.x - box.w / 2:.1f}" y="{box.y - box.h / 2:.1f}" width="{box.w:.1f}" '
        f'height="{box.h:.1f}" rx="6" fill="{"#fff7e6" if box.center else "#ffffff"}" '
        f'stroke="{colour}" stroke-width="{2.5 if box.center else 1.4}"/>')
    top = box.y - (len(box.lines) - 1) * 8 + 4
    for n, line in enumerate(box.lines):
        parts.append(_text(box.x, top + n * 16, line, size=12 if n else 12.5,
                           fill=colour if n == 0 else "#1d1d1d",
                           weight="bold" if n == 0 else "normal"))
    parts.append("</a></g>" if box.href else "</g>")
    return "".join(parts)


# ------------------------------------------------------------------ neighbourhood


def neighbourhood_svg(graph: Subgraph, link: Callable[[NodeView], str | None],
                      *, limit: int = 18) -> Markup:
    """The article in the middle, its neighbours around it, the relationships as lines."""
    center = graph.center
    others = [n for n in graph.nodes if n.id != center.id][:limit]
    width, height = 960.0, 540.0
    cx, cy = width / 2, height / 2
    boxes: dict[str, _Box] = {center.id: _Box(
        center.id, cx, cy, 170, 44, (clip(center.caption or center.id, 12.5, 150),
                                     LABELS_ZH.get(center.label, center.label)),
        center.label, None, True)}
    for n, node in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * n / max(len(others), 1)
        x, y = cx + 385 * math.cos(angle), cy + 225 * math.sin(angle)
        caption = node.caption or node.id
        boxes[node.id] = _Box(node.id, x, y, 140, 40,
                              (clip(caption, 12.5, 128), LABELS_ZH.get(node.label, node.label)),
                              node.label, link(node))
    body = [_defs("nb")]
    order = {node.id: n for n, node in enumerate(others)}
    # Two nodes may be joined by several relationships (第八条 参照 and 下一条 第九条): one
    # line, one label naming them all, so that labels never sit on each other.
    joined: dict[frozenset[str], list[str]] = {}
    for edge in graph.edges:
        names = joined.setdefault(frozenset((edge.source, edge.target)), [])
        name = RELATIONS_ZH.get(edge.type, edge.type)
        if name not in names:
            names.append(name)
    for edge in graph.edges:
        a, b = boxes.get(edge.source), boxes.get(edge.target)
        names = joined.pop(frozenset((edge.source, edge.target)), [])
        if a is None or b is None or not names:
            continue
        x1, y1 = _edge_end(a.x, a.y, b.x, b.y, a.w / 2, a.h / 2)
        x2, y2 = _edge_end(b.x, b.y, a.x, a.y, b.w / 2, b.h / 2)
        body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                    f'stroke="#888" stroke-width="1" marker-end="url(#nb-arrow)"/>')
        if center.id in (edge.source, edge.target):
            # Neighbours sit on an ellipse, so the spokes of two neighbours lie close together
            # near the centre: labels alternate between two distances along their spoke.
            other = edge.target if edge.source == center.id else edge.source
            along = 0.38 if order.get(other, 0) % 2 == 0 else 0.66
            if edge.source != center.id:
                along = 1 - along
            body.append(_text(x1 + (x2 - x1) * along, y1 + (y2 - y1) * along - 3,
                              "、".join(names), size=10, fill="#555", cls="edge-label"))
    body.extend(_box(b) for b in boxes.values())
    hidden = len(graph.nodes) - 1 - len(others)
    if hidden > 0 or graph.truncated:
        body.append(_text(width - 8, height - 8, f"另有 {max(hidden, 0)} 个节点未画出",
                          size=11, anchor="end", fill="#666"))
    return _svg(width, height, body, title=f"{center.caption or center.id} 的图邻域",
                cls="neighbourhood")


# ------------------------------------------------------------------ reporting route


def route_svg(route: RouteView) -> Markup:
    """Organs (and people) as boxes in columns by how far along the route they are; each
    hop from someone to someone an arrow labelled ① action / deadline or timing · basis
    (duties with nobody named or no recipient are left to the table)."""
    depth: dict[str, int] = {}
    order: list[str] = []
    drawn = [h for h in route.hops if h.sender is not None and h.recipient is not None]
    for hop in drawn:
        assert hop.sender is not None and hop.recipient is not None
        sender, recipient = hop.sender.label, hop.recipient.label
        for label in (sender, recipient):
            if label not in depth:
                depth[label] = 0
                order.append(label)
        if sender != recipient:
            depth[recipient] = max(depth[recipient], depth[sender] + 1)
    columns: dict[int, list[str]] = {}
    for label in order:
        columns.setdefault(min(depth[label], 6), []).append(label)
    col_w, row_h, box_w, box_h = 330.0, 120.0, 210.0, 50.0
    rows = max((len(c) for c in columns.values()), default=1)
    width = 40 + col_w * (max(columns, default=0)) + box_w + 40
    height = 40 + row_h * rows + 20
    boxes: dict[str, _Box] = {}
    for column, labels in columns.items():
        for row, label in enumerate(labels):
            lines: tuple[str, ...] = (clip(label, 12.5, box_w - 14),)
            if _width(label, 12.5) > box_w - 14:
                rest = label[len(lines[0]) - 1:]
                lines = (label[:len(lines[0]) - 1], clip(rest, 12, box_w - 14))
            boxes[label] = _Box(label, 20 + box_w / 2 + col_w * column,
                                40 + box_h / 2 + row_h * row, box_w, box_h, lines, "organ")
    body = [_defs("rt")]
    for hop in drawn:
        assert hop.sender is not None and hop.recipient is not None
        a, b = boxes[hop.sender.label], boxes[hop.recipient.label]
        number = chr(0x2460 + hop.step - 1) if 1 <= hop.step <= 20 else f"{hop.step}."
        duty = f"{number} {hop.action}"
        when = f"{hop.deadline or hop.timing or '—'} · {hop.basis.label}"
        body.append(f'<g class="hop" data-step="{hop.step}">')
        body.append(f"<title>{escape(duty)}；{escape(when)}</title>")
        if a is b:
            x, y = a.x + a.w / 2, a.y
            body.append(f'<path d="M{x:.1f},{y - 10:.1f} C{x + 60:.1f},{y - 40:.1f} '
                        f'{x + 60:.1f},{y + 40:.1f} {x:.1f},{y + 10:.1f}" fill="none" '
                        f'stroke="#555" stroke-width="1.4" marker-end="url(#rt-arrow)"/>')
            lx, ly = x + 66, y
        else:
            x1, y1 = _edge_end(a.x, a.y, b.x, b.y, a.w / 2, a.h / 2)
            x2, y2 = _edge_end(b.x, b.y, a.x, a.y, b.w / 2 + 3, b.h / 2 + 3)
            body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                        f'stroke="#555" stroke-width="1.4" marker-end="url(#rt-arrow)"/>')
            lx, ly = x1 + (x2 - x1) * 0.5, y1 + (y2 - y1) * 0.5
        span = col_w - box_w - 6
        body.append(f'<rect x="{lx - span / 2:.1f}" y="{ly - 24:.1f}" width="{span:.1f}" '
                    f'height="34" rx="3" fill="#ffffff" fill-opacity="0.88"/>')
        body.append(_text(lx, ly - 10, clip(duty, 11, span - 4), size=11, fill="#7a2e00",
                          cls="hop-duty"))
        body.append(_text(lx, ly + 5, clip(when, 10, span - 4), size=10, fill="#333",
                          cls="hop-basis"))
        body.append("</g>")
    body.extend(_box(b) for b in boxes.values())
    return _svg(width, height, body, title=f"记录 {route.incident} 的报告路径", cls="route")


# ------------------------------------------------------------------ actor paths


def paths_svg(found: ActorPaths, link: Callable[[str, str], str | None]) -> Markup:
    """Every shortest path between two actors, merged into one graph: a node's column is
    its distance from the first actor."""
    column_of: dict[str, int] = {}
    kinds: dict[str, tuple[str, str]] = {}
    for path in found.paths:
        for n, node in enumerate(path.nodes):
            column_of.setdefault(node.id, n)
            kinds[node.id] = (node.kind, node.label)
    columns: dict[int, list[str]] = {}
    for node_id, column in column_of.items():
        columns.setdefault(column, []).append(node_id)
    col_w, row_h, box_w, box_h = 220.0, 80.0, 150.0, 42.0
    rows = max((len(c) for c in columns.values()), default=1)
    width = 40 + col_w * max(columns, default=0) + box_w
    height = 30 + row_h * rows
    boxes = {}
    for column, ids in columns.items():
        top = 20 + (rows - len(ids)) * row_h / 2
        for row, node_id in enumerate(ids):
            kind, label = kinds[node_id]
            boxes[node_id] = _Box(node_id, 20 + box_w / 2 + col_w * column,
                                  top + box_h / 2 + row_h * row, box_w, box_h,
                                  (clip(label, 12.5, box_w - 12), LABELS_ZH.get(kind, kind)),
                                  kind, link(kind, node_id))
    body = [_defs("pa")]
    drawn: set[tuple[str, str, str]] = set()
    for path in found.paths:
        for step in path.steps:
            key = (step.source, step.target, step.via)
            if key in drawn or step.source not in boxes or step.target not in boxes:
                continue
            drawn.add(key)
            a, b = boxes[step.source], boxes[step.target]
            x1, y1 = _edge_end(a.x, a.y, b.x, b.y, a.w / 2, a.h / 2)
            x2, y2 = _edge_end(b.x, b.y, a.x, a.y, b.w / 2 + 3, b.h / 2 + 3)
            body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                        f'stroke="#666" stroke-width="1.3" marker-end="url(#pa-arrow)"/>')
            body.append(_text((x1 + x2) / 2, (y1 + y2) / 2 - 4,
                              clip(step.via, 10, col_w - box_w + 20), size=10, fill="#7a2e00",
                              cls="edge-label"))
    body.extend(_box(b) for b in boxes.values())
    return _svg(max(width, 200), max(height, 80), body,
                title=f"{found.source} 与 {found.target} 之间的关系路径", cls="paths")


# ------------------------------------------------------------------ organ hierarchy


def hierarchy_svg(hierarchy: Hierarchy, link: Callable[[str], str], *,
                  max_subordinates: int = 6) -> Markup:
    """The organ's superiors in a column above it (the highest at the top), its subordinates
    in a row below, its same-level party committee beside it; each superior line is labelled
    上级机关, the committee's line 同级党委."""
    box_w, box_h, row_h, gap = 190.0, 40.0, 72.0, 18.0
    shown = hierarchy.subordinates[:max_subordinates]
    columns = max(len(shown), 2)
    width = max(40 + columns * (box_w + gap), 3 * box_w + 200)
    centre_x = width / 2
    levels = list(reversed(hierarchy.superiors))
    height = 30 + row_h * (len(levels) + (2 if shown else 1))
    boxes: list[_Box] = []
    body = [_defs("hi")]

    def organ_box(organ_id: str, name: str, level: str | None, x: float, y: float,
                  *, centre: bool = False) -> _Box:
        lines = (clip(name, 12.5, box_w - 12), level or "层级不明")
        return _Box(organ_id, x, y, box_w, box_h, lines, "organ",
                    None if centre else link(organ_id), centre)

    def arrow(a: _Box, b: _Box, label: str, *, dashed: bool = False) -> None:
        x1, y1 = _edge_end(a.x, a.y, b.x, b.y, a.w / 2, a.h / 2)
        x2, y2 = _edge_end(b.x, b.y, a.x, a.y, b.w / 2 + 3, b.h / 2 + 3)
        dash = ' stroke-dasharray="5 4"' if dashed else ""
        body.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                    f'stroke="#666" stroke-width="1.3"{dash} marker-end="url(#hi-arrow)"/>')
        if label:  # beside an upright line, above a level one
            upright = abs(x2 - x1) < abs(y2 - y1)
            body.append(_text((x1 + x2) / 2 + (6 if upright else 0),
                              (y1 + y2) / 2 - (4 if upright else 7), label, size=10,
                              fill="#7a2e00", anchor="start" if upright else "middle",
                              cls="edge-label"))

    y = 20 + box_h / 2
    above: _Box | None = None
    for superior in levels:
        box = organ_box(superior.id, superior.name, superior.level, centre_x, y)
        boxes.append(box)
        if above is not None:
            arrow(box, above, "上级机关")
        above, y = box, y + row_h
    organ = hierarchy.organ
    own = organ_box(organ.id, organ.name, organ.level, centre_x, y, centre=True)
    boxes.append(own)
    if above is not None:
        arrow(own, above, "上级机关")
    if hierarchy.party_committee is not None:
        committee = hierarchy.party_committee
        side = organ_box(committee.id, committee.name, committee.level,
                         min(centre_x + box_w + 70, width - box_w / 2 - 10), y)
        boxes.append(side)
        arrow(own, side, "同级党委", dashed=True)
    y += row_h
    left = centre_x - (len(shown) - 1) * (box_w + gap) / 2
    for n, subordinate in enumerate(shown):
        box = organ_box(subordinate.id, subordinate.name, subordinate.level,
                        left + n * (box_w + gap), y)
        boxes.append(box)
        arrow(box, own, "上级机关" if n == 0 else "")
    hidden = len(hierarchy.subordinates) - len(shown)
    if hidden > 0:
        body.append(_text(width - 8, height - 6, f"另有 {hidden} 个下级机关见下方列表",
                          size=11, anchor="end", fill="#666"))
    body.extend(_box(b) for b in boxes)
    return _svg(width, height, body, title=f"{organ.name} 的上下级机关", cls="hierarchy")
