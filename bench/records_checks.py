"""What the records bench checks after its writes (bench/records_bench.py): a module of its
own, free of the bench's script imports, so that tests/bench can import it."""

from __future__ import annotations

from typing import Any


def intact(results: dict[str, Any]) -> str:
    """Chains intact and stored == acknowledged, from the verify runs around the writes; where
    verify did not finish (1,000,000 incidents), the incidents counted before and after."""
    single = results.get("record_1", {})
    one = len(single.get("ms", [])) + ("first_ms" in single)  # the warm-up record too
    eight = results.get("record_8", {})
    if "acknowledged" not in eight:
        return "not checked (the 8-client run did not finish)"
    stopped = ("; a run stopped at its cap may leave one call per client in flight, stored "
               "but not acknowledged" if "over_s" in eight or "over_s" in results.get(
                   "record_1", {}) else "")
    acknowledged = one + len(eight["acknowledged"])
    before, after = results.get("verify", {}), results.get("verify_after", {})
    if "records" not in before or "records" not in after:
        counted = results.get("count", {}), results.get("count_after", {})
        if not all("incidents" in c for c in counted):
            return "not checked (neither verify nor the count finished)"
        stored = counted[1]["incidents"] - counted[0]["incidents"]
        return (f"chains not verified (verify did not finish); incidents stored during the "
                f"writes {stored:,}, acknowledged {acknowledged:,} "
                f"({'equal' if stored == acknowledged else 'DIFFER'}){stopped}")
    expected = before["records"] + acknowledged
    return (f"verify {'ok' if after['ok'] else 'NOT ok: ' + after.get('kinds', '?')}; "
            f"stored {after['records']:,}, "
            f"acknowledged {expected:,} "
            f"({'equal' if after['records'] == expected else 'DIFFER'}){stopped}")
