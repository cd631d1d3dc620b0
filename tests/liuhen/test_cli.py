"""The liuhen command: every command has help and a README row; errors exit non-zero."""

from __future__ import annotations

import json
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from api.cli import app
from core.settings import REPO_ROOT

runner = CliRunner()


def command_paths() -> list[str]:
    """Every leaf command as it is typed: 'show', 'incident route', ..."""
    root = typer.main.get_command(app)
    found: list[str] = []

    def walk(command: Any, prefix: list[str]) -> None:
        # typer's groups are not click.Group subclasses in every release: ask for commands
        if hasattr(command, "commands"):
            for name, child in command.commands.items():
                walk(child, [*prefix, name])
        else:
            found.append(" ".join(prefix))

    walk(root, [])
    return sorted(found)


@pytest.mark.parametrize("path", command_paths())
def test_every_command_has_help_and_a_readme_row(path: str):
    result = runner.invoke(app, [*path.split(), "--help"])
    assert result.exit_code == 0, result.output
    command = typer.main.get_command(app)
    for name in path.split():
        command = command.commands[name]  # type: ignore[attr-defined]
    assert command.help, f"liuhen {path} has no help text"
    assert f"`liuhen {path}" in (REPO_ROOT / "README.md").read_text("utf-8")


def test_parse_json_round_trips():
    path = REPO_ROOT / "data/regulations/r1_leading_cadres_intervention.txt"
    result = runner.invoke(app, ["parse", str(path), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert len(payload["articles"]) == 13
    assert payload["aliases"] == ["R1"]


def test_parse_bad_file_exits_2_naming_the_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("《空》\n\n没有条文。\n", "utf-8")
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    assert "empty.txt:2" in result.output


def test_record_commands_print_tables_and_json(tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LIUHEN_DATA_DIR", str(tmp_path))
    loaded = runner.invoke(app, ["ingest", str(REPO_ROOT / "data/example")])
    assert loaded.exit_code == 0, loaded.output
    table = runner.invoke(app, ["incident", "route", "i012"])
    assert table.exit_code == 0, table.output
    assert "R1 第七条第二款" in table.output
    as_json = runner.invoke(app, ["incident", "route", "i012", "--json"])
    assert json.loads(as_json.output)["articles_from"] == "assessed"
    # An unknown article is named, without a raw validation error.
    for bad, words in (("R1-99", "R1 has no article 99"), ("R9-1", "unknown regulation")):
        refused = runner.invoke(app, ["incident", "route", "i012", "--article", bad])
        assert refused.exit_code == 2 and words in refused.output, refused.output
        assert "http" not in refused.output
    chart = tmp_path / "chart.png"
    summary = runner.invoke(app, ["report", "2026Q3", "--organ", "bl-al-fy", "--json",
                                  "--chart", str(chart)])
    assert json.loads(summary.output)["count"] == 7
    assert chart.read_bytes().startswith(b"\x89PNG")
    # The organ is checked as the API checks it: an unknown one is an error, not zeros.
    unknown = runner.invoke(app, ["report", "2026Q3", "--organ", "no-such-organ"])
    assert unknown.exit_code == 2 and "no organ" in unknown.output
    # A quarter is summarised after it ends (每季度 sets no day to report before).
    future = runner.invoke(app, ["report", "2999Q1", "--organ", "bl-al-fy"])
    assert future.exit_code == 2 and "ends on 2999-03-31" in future.output
