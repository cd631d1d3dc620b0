"""The bench's after-the-writes line (bench/records_checks.py ``intact``): stored against
acknowledged from verify where it finished, from the incident counts where it did not."""

from __future__ import annotations

from typing import Any

from bench.records_checks import intact

WRITES: dict[str, Any] = {"record_1": {"ms": [1.0] * 30, "first_ms": 5.0},
                          "record_8": {"acknowledged": ["x"] * 100}}


def test_verify_decides_where_it_finished() -> None:
    results = WRITES | {"verify": {"records": 1000, "ok": True},
                        "verify_after": {"records": 1131, "ok": True}}
    assert intact(results) == "verify ok; stored 1,131, acknowledged 1,131 (equal)"
    results["verify_after"] = {"records": 1130, "ok": False, "kinds": "broken_link 1"}
    assert intact(results) == ("verify NOT ok: broken_link 1; stored 1,130, acknowledged "
                               "1,131 (DIFFER)")


def test_the_counts_decide_where_verify_did_not_finish() -> None:
    counted = WRITES | {"verify": {"over_s": 60}, "count": {"incidents": 1_000_000},
                        "count_after": {"incidents": 1_000_131}}
    assert intact(counted) == ("chains not verified (verify did not finish); incidents stored "
                               "during the writes 131, acknowledged 131 (equal)")
    counted["count_after"] = {"incidents": 1_000_132}
    assert intact(counted).endswith("stored during the writes 132, acknowledged 131 (DIFFER)")
    assert intact(WRITES).startswith("not checked")
