"""Every statement of the graph/queries package: values only as parameters, only allow-listed labels
and types, and (for all Neo4j can receive) zero diagnostics from Neo4j's own parser and
semantic analysis (@neo4j-cypher/language-support, tools/cypher-lint)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess

import pytest

from core.errors import InputError
from core.settings import REPO_ROOT
from graph import queries
from graph.queries import Backend, Query
from graph.schema import LABELS, REL_TYPES

LINT_DIR = REPO_ROOT / "tools/cypher-lint"
LINT_CACHE_KEY = "liuhen/cypher-lint-clean"
STATEMENTS = list(queries.all_statements())
NEO4J_STATEMENTS = [q for q in STATEMENTS if Backend.NEO4J in q.backends]

_NODE_LABELS = re.compile(r"\(\s*\w*\s*((?::\s*`?\w+`?\s*)+)")
_REL_TYPES = re.compile(r"\[\s*\w*\s*:\s*([`\w|]+)")
_BACKTICKED = re.compile(r"`([^`]*)`")
_STRING_LITERAL = re.compile(r"'[^']*'|\"[^\"]*\"")


def test_statement_names_are_unique() -> None:
    names = [q.name for q in STATEMENTS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("query", STATEMENTS, ids=lambda q: q.name)
def test_only_allow_listed_labels_and_types(query: Query) -> None:
    text = _STRING_LITERAL.sub("''", query.text)
    for group in _NODE_LABELS.findall(text):
        for name in re.findall(r"`?(\w+)`?", group):
            assert name in LABELS, f"{query.name}: label {name}"
    for group in _REL_TYPES.findall(text):
        for name in group.replace("`", "").split("|"):
            assert name in REL_TYPES, f"{query.name}: relationship type {name}"
    for name in _BACKTICKED.findall(text):
        assert name in LABELS | REL_TYPES, f"{query.name}: `{name}` is not allow-listed"


@pytest.mark.parametrize("query", STATEMENTS, ids=lambda q: q.name)
def test_values_only_as_parameters(query: Query) -> None:
    # No literal strings but the FalkorDB procedure option 'both'; parameters declared.
    literals = [s for s in _STRING_LITERAL.findall(query.text) if s != "'both'"]
    assert literals == [], f"{query.name} has literal values {literals}"
    assert set(re.findall(r"\$(\w+)", query.text)) == set(query.parameters)


@pytest.mark.parametrize(
    "name", ["Article`) DETACH DELETE n //", "article", "", "Organ:Article", "Law"]
)
def test_formatting_refuses_labels_outside_the_allow_list(name: str) -> None:
    with pytest.raises(InputError, match="unknown node label"):
        queries.label(name)
    with pytest.raises(InputError):
        queries.neighbours(name)
    with pytest.raises(InputError):
        queries.shortest_path(Backend.NEO4J, "Article", name)


@pytest.mark.parametrize("name", ["HAS_ITEM`]->() DETACH DELETE n //", "has_item", "", "Article"])
def test_formatting_refuses_types_outside_the_allow_list(name: str) -> None:
    with pytest.raises(InputError, match="unknown relationship type"):
        queries.rel_type(name)


def test_a_parameter_not_declared_is_refused() -> None:
    with pytest.raises(ValueError, match="declares"):
        Query("bad", "MATCH (n:Article {id: $id}) RETURN n.id")


PROBES = [
    Query("probe_syntax", "MATCH (a:Article RETURN a"),
    Query("probe_label", "MATCH (a:Law) RETURN a.id"),
    Query("probe_deprecated", "MATCH (a:Article) RETURN id(a)"),
    Query("probe_cartesian", "MATCH (a:Article), (b:Article) RETURN a.id, b.id"),
]


def _lint(statements: list[Query]) -> dict[str, list[object]]:
    """Diagnostics by statement name, from one run of tools/cypher-lint/lint.mjs."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.fail("Node.js and npm are needed to lint Cypher (tools/cypher-lint)")
    if not (LINT_DIR / "node_modules/@neo4j-cypher/language-support").is_dir():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=LINT_DIR, check=True, timeout=300,
        )
    payload = {
        "labels": sorted(LABELS),
        "relationshipTypes": sorted(REL_TYPES),
        "statements": [
            {"name": q.name, "text": q.text, "parameters": dict.fromkeys(q.parameters)}
            for q in statements
        ],
    }
    done = subprocess.run(
        [node, "lint.mjs"], cwd=LINT_DIR, input=json.dumps(payload), capture_output=True,
        text=True, check=True, timeout=600,
    )
    return {r["name"]: r["diagnostics"] for r in json.loads(done.stdout)}


def _fingerprint(query: Query) -> str:
    """Changes with the statement, the allow-lists or the pinned linter."""
    digest = hashlib.sha256((LINT_DIR / "package-lock.json").read_bytes())
    digest.update(json.dumps([query.text, sorted(query.parameters), sorted(LABELS),
                              sorted(REL_TYPES)]).encode())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def diagnostics(request: pytest.FixtureRequest) -> dict[str, list[object]]:
    """Lint results for every Neo4j statement and the probes. The linter takes ~0.2 s a
    statement, so a statement already linted clean in this checkout is taken from the
    pytest cache (keyed by its text, the allow-lists and package-lock.json)."""
    cache = getattr(request.config, "cache", None)  # absent under -p no:cacheprovider
    clean: dict[str, bool] = cache.get(LINT_CACHE_KEY, {}) if cache else {}
    todo = [q for q in NEO4J_STATEMENTS if not clean.get(_fingerprint(q))]
    found = _lint(todo + PROBES)
    if cache is not None:
        clean.update({_fingerprint(q): True for q in todo if not found[q.name]})
        cache.set(LINT_CACHE_KEY, clean)
    return {q.name: found.get(q.name, []) for q in NEO4J_STATEMENTS} | {
        q.name: found[q.name] for q in PROBES
    }


def test_neo4j_lints_every_statement_it_can_receive(
    diagnostics: dict[str, list[object]],
) -> None:
    problems = {
        q.name: diagnostics[q.name] for q in NEO4J_STATEMENTS if diagnostics[q.name]
    }
    assert problems == {}


def test_the_linter_does_catch_mistakes(diagnostics: dict[str, list[object]]) -> None:
    assert all(diagnostics[q.name] for q in PROBES)
