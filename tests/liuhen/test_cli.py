"""The liuhen command: every command has help and a README row; errors exit non-zero."""

from __future__ import annotations

import json
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from liuhen.cli import app
from liuhen.settings import REPO_ROOT

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
