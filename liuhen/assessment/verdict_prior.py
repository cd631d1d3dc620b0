"""The verdict prior: which verdict the labelled situations most like these words had, used only
to withhold a verdict of the rules (liuhen/assessment/doubt.py), never to make one. The same
character n-gram model as the article and item priors (liuhen/assessment/prior.py), over the
three verdicts."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from core.errors import InputError
from core.settings import REPO_ROOT
from liuhen.assessment.prior import NgramPrior, load_prior

VERDICT_PRIOR_FILE = REPO_ROOT / "data/legal/verdict_prior.json"
VERDICTS = ("lawful", "undetermined", "violation")


@cache
def load_verdict_prior(path: Path = VERDICT_PRIOR_FILE) -> NgramPrior | None:
    """The fitted verdict prior, or None when the file is absent. InputError if it is unreadable
    or is not over the three verdicts."""
    prior = load_prior(path, "verdict prior")
    if prior is not None and sorted(prior.classes) != sorted(VERDICTS):
        raise InputError(f"verdict prior: classes {prior.classes}, not the verdicts "
                         f"{list(VERDICTS)}", file=path)
    return prior
