"""The house rules for api/, checked: no Cypher, no statements from graph/queries.py, and the
routes stay thin (they call services; they do not reach into the store themselves)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from core.settings import REPO_ROOT

API = REPO_ROOT / "api"
SOURCES = sorted(API.rglob("*.py"))
CYPHER = re.compile(r"\b(MATCH|MERGE|CREATE|DETACH\s+DELETE|RETURN|UNWIND)\b\s*[(\w$]")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_no_cypher_in_api(path: Path) -> None:
    found = [(n, line) for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if CYPHER.search(line)]
    assert not found, found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_api_does_not_import_statements(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names}
    assert "graph.queries" not in imported
    assert not any(isinstance(node, ast.ImportFrom) and node.module == "graph"
                   and any(a.name == "queries" for a in node.names) for node in ast.walk(tree))


def test_routes_do_not_call_the_store() -> None:
    for path in sorted((API / "routes").glob("*.py")):
        text = path.read_text("utf-8")
        assert not re.search(r"\bstore\.(read|write|read_only_query)\(", text), path.name
