"""``liuhen assess`` and ``liuhen eval-assess`` without typer: each returns what to print and
raises ``LiuhenError`` subclasses, so the CLI only wires options and prints."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from core.errors import InputError, LiuhenError
from core.settings import Settings, get_settings
from ingest.library import RegulationLibrary
from liuhen.assessment import Assessment, Assessor, Facts
from liuhen.assessment.evaluation import (
    BatchLine,
    Situation,
    check_gold,
    evaluate,
    read_lines,
)
from search.service import index_from_settings

NO_MODEL = ("", "none", "off")  # as api/state.py: BM25 only
VERDICT_WORDS = {"violation": "违反规定", "lawful": "合规", "undetermined": "尚不能确定"}


@cache
def _assessor(regulations_dir: Path, data_dir: Path, model: str, dense: bool) -> Assessor:
    settings = Settings(regulations_dir=regulations_dir, data_dir=data_dir, model=model)
    library = RegulationLibrary.from_directory(regulations_dir)
    index = index_from_settings(settings, dense=dense)
    return Assessor.from_regulations({r.id: r for r in library.regulations}, index)


def assessor_from_settings(settings: Settings | None = None, *, dense: bool = True) -> Assessor:
    """The engine over ``settings.regulations_dir`` with the search index, built once."""
    settings = settings or get_settings()
    dense = dense and settings.model.strip().lower() not in NO_MODEL
    return _assessor(settings.regulations_dir, settings.data_dir, settings.model, dense)


def parse_facts(raw: str | None) -> Facts | None:
    """``--facts '{"approved": true}'`` -> Facts; InputError naming the bad field."""
    if raw is None:
        return None
    try:
        return Facts.model_validate_json(raw)
    except ValueError as error:
        raise InputError(f"bad facts: {error}", field="facts") from error


def assess_command(text: str, as_json: bool = False, *, facts: str | None = None,
                   settings: Settings | None = None) -> str:
    """``liuhen assess TEXT [--facts JSON] [--json]``."""
    if not text.strip():
        raise InputError("the situation is empty: describe it in words", field="text")
    given = parse_facts(facts)
    result = assessor_from_settings(settings).assess(text, given)
    if as_json:
        return result.model_dump_json(indent=2)
    return format_assessment(result)


def batch_command(file: Path, *, settings: Settings | None = None) -> Iterator[str]:
    """``liuhen assess --batch FILE.jsonl --json``: one assessment JSON per line, with its id.
    Every line is checked (InputError naming file:line) before anything is assessed."""
    lines: list[BatchLine] = read_lines(file, BatchLine)
    engine = assessor_from_settings(settings)
    for line in lines:
        yield engine.assess(line.query, situation_id=line.id).model_dump_json()


def eval_assess_command(file: Path, as_json: bool = False, *,
                        settings: Settings | None = None) -> str:
    """``liuhen eval-assess FILE [--json]``: the figures of liuhen/assessment/evaluation.py."""
    situations: list[Situation] = read_lines(file, Situation)
    engine = assessor_from_settings(settings)
    check_gold(situations, engine.book, file)
    seed_text = "\n".join(r.body() for r in engine.book.regulations.values())
    report = evaluate(situations, lambda s: engine.assess(s.query, situation_id=s.id),
                      engine.book, seed_text)
    figures = report.figures()
    if as_json:
        return json.dumps({"file": str(file), **figures, "misses": report.misses},
                          ensure_ascii=False, indent=2)
    lines = [f"{file}: {figures['situations']} situations"]
    for name in ("top1_article", "top3_article", "item_accuracy",
                 "item_accuracy_first_gold_item", "verdict_accuracy",
                 "lawful_called_violation", "duty_precision", "duty_recall",
                 "quote_coverage"):
        value = figures[name]
        lines.append(f"  {name:<24} {'-' if value is None else f'{value:.3f}'}")
    lines.append("  verdicts (gold->engine): " + ", ".join(
        f"{k} {v}" for k, v in figures["verdict_confusion"].items()))
    for miss in report.misses:
        lines.append(f"  miss {miss['id']}: {','.join(miss['problems'])} "
                     f"gold {miss['gold_verdict']} {miss['gold']} -> {miss['verdict']} "
                     f"{miss['top']}")
    return "\n".join(lines)


def format_assessment(result: Assessment) -> str:
    """The assessment as rich markup, for people."""
    out = [f"[bold]结论：{VERDICT_WORDS[result.verdict]}[/] ({result.verdict})"]
    if result.missing_facts:
        out.append("[yellow]尚缺事实：[/]" + escape("；".join(result.missing_facts)))
    if result.actor_role:
        out.append(f"行为人：{escape(result.actor_role)}  适用：{'、'.join(result.regimes)}")
    out.append("\n[bold]条文[/]")
    for rank, p in enumerate(result.provisions, start=1):
        out.append(f"{rank}. {p.alias} {p.label} [{p.status}] {p.score:.3f}\n"
                   f"   「{escape(p.quote)}」")
    if result.duties:
        out.append("\n[bold]义务[/]")
        for d in result.duties:
            when = d.deadline or d.timing or ""
            out.append(f"- {escape(d.bearer or '（未写明）')}：{escape(d.action)}"
                       + (f" → {escape(d.recipient)}" if d.recipient else "")
                       + (f"（{when}）" if when else "")
                       + f"\n   {d.basis.alias} 第{d.basis.article}条「{escape(d.basis.quote)}」")
    if result.obligations:
        out.append("\n[bold]行为规范[/]")
        out += [f"- {escape(o.bearer)}：{escape(o.action)}（{o.basis.alias} 第{o.basis.article}条）"
                for o in result.obligations]
    if result.liability:
        out.append("\n[bold]责任[/]")
        for item in result.liability:
            cites = "、".join(f"《{c.title}》" + ("" if c.held else "（未收录）")
                              for c in item.cites)
            out.append(f"- {item.basis.alias} 第{item.basis.article}条"
                       + ("（条件性）" if item.conditional else "")
                       + (f"（须{escape(item.condition)}）" if item.condition else "")
                       + f"：{escape(item.consequence)}\n   「{escape(item.basis.quote)}」"
                       + (f"\n   依照 {escape(cites)}" if cites else ""))
    if result.protections:
        out.append("\n[bold]保护[/]")
        out += [f"- {escape(p.bearer)}：「{escape(p.basis.quote)}」（{p.basis.alias} "
                f"第{p.basis.article}条）" for p in result.protections]
    if result.reasons:
        out.append("\n[bold]依据的事实[/]")
        out += [f"- {escape(r)}" for r in result.reasons]
    return "\n".join(out)


def run_assess(text: str | None, batch: Path | None, facts: str | None, as_json: bool,
               console: Console, fail: Callable[[LiuhenError], typer.Exit]) -> None:
    """The ``assess`` command's body (liuhen/cli.py keeps only the options)."""
    try:
        if (text is None) == (batch is None):
            raise InputError("give either TEXT or --batch FILE", field="text")
        if batch is not None:
            if not as_json:
                raise InputError("--batch prints JSON lines: add --json", field="json")
            for line in batch_command(batch):
                typer.echo(line)
            return
        assert text is not None
        output = assess_command(text, as_json, facts=facts)
    except LiuhenError as error:
        raise fail(error) from error
    if as_json:
        typer.echo(output)
    else:
        console.print(output, highlight=False, soft_wrap=True)


def run_eval_assess(file: Path, as_json: bool,
                    fail: Callable[[LiuhenError], typer.Exit]) -> None:
    try:
        output = eval_assess_command(file, as_json)
    except LiuhenError as error:
        raise fail(error) from error
    typer.echo(output)
