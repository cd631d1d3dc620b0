"""Every quote of the seed in docs/legal-model.md's tables is the seed's own words.

The table rows say which words of the text each reading rests on (`R3-5-2: "为当事人推荐…"`); a
quote elided with an ellipsis is verbatim in each of its parts. Five rows written in earlier
sessions paraphrased the text (特殊关系人，是指…, 依法履行职责的人员) until this test read them."""

from __future__ import annotations

import re

from tests.conftest import REPO_ROOT, SEED_FILE, need

QUOTE = re.compile(r"R\d-[\d-]+:? \"([^\"]+)\"")


def _quotes() -> list[str]:
    rows = (REPO_ROOT / "docs/legal-model.md").read_text(encoding="utf-8").splitlines()
    return [q for row in rows if row.startswith("|") for q in QUOTE.findall(row)]


def test_the_tables_quote_the_seed() -> None:
    quotes = _quotes()
    assert len(quotes) > 150  # the tables are read, not an empty match
    seed = need(SEED_FILE).read_text(encoding="utf-8")
    not_verbatim = [part for quote in quotes for part in re.split(r"…+", quote)
                    if part and part not in seed]
    assert not_verbatim == []
