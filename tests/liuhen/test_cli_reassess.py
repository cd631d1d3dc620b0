"""``liuhen reassess``: stored verdicts brought up to the current engine from the command."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from core.settings import REPO_ROOT
from liuhen.cli import app

runner = CliRunner()


def test_reassess_after_ingest_has_nothing_left(tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LIUHEN_DATA_DIR", str(tmp_path))
    loaded = runner.invoke(app, ["ingest", str(REPO_ROOT / "data/example")])
    assert loaded.exit_code == 0, loaded.output
    again = runner.invoke(app, ["reassess", "--json"])
    assert again.exit_code == 0, again.output
    found = json.loads(again.output)
    assert found["assessed"] == 0 and found["engine"].startswith("a1:")
    refused = runner.invoke(app, ["reassess", "--batch", "0"])
    assert refused.exit_code != 0
