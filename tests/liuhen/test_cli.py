"""The liuhen command: every command has help and a README row; errors exit non-zero."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from liuhen.cli import app
from liuhen.settings import REPO_ROOT

runner = CliRunner()


def command_names() -> list[str]:
    return sorted(
        (command.name or command.callback.__name__).replace("_", "-")
        for command in app.registered_commands
        if command.callback is not None
    )


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_and_a_readme_row(name: str):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    click_command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    assert click_command.help, f"liuhen {name} has no help text"
    assert f"`liuhen {name}" in (REPO_ROOT / "README.md").read_text("utf-8")


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
