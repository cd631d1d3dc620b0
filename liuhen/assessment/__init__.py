"""One assessment engine for every legal statement liuhen makes: rules as data
(``data/legal/rules.json``), facts read from the user's words (or given), a verdict per
data/eval/GUIDE.md, and duties, liability and protections, each quoted from the seed text."""

from liuhen.assessment.engine import Assessor
from liuhen.assessment.facts import Facts
from liuhen.assessment.models import Assessment

__all__ = ["Assessment", "Assessor", "Facts"]
