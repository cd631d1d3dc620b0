"""The words an answer quotes as its reasons do not depend on the interpreter's hash seed:
where two cue words as long as each other overlap (发文件: 发文 and 文件), the one further
left is the one found. Before, a set's order decided, and the same incident's reasons read
名义、发函、文件 in one process and 名义、发函、发文 in another (docs/benchmarks.md, session 22)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from core.settings import REPO_ROOT

SITUATION = "县委办公室以县委名义发文件给县法院，要求依法办理此案并报告结果"
EXTRACT = (
    "import json, sys\n"
    "from liuhen.assessment.extractor import Extractor\n"
    "from liuhen.assessment.lexicon import load_lexicon\n"
    "found = Extractor(load_lexicon()).extract(sys.argv[1]).evidence\n"
    "print(json.dumps(found, ensure_ascii=False, sort_keys=True))\n"
)


def test_the_words_found_are_the_same_under_every_hash_seed() -> None:
    answers = set()
    for seed in range(6):  # the start code gave two answers over these six seeds
        done = subprocess.run([sys.executable, "-c", EXTRACT, SITUATION], cwd=REPO_ROOT,
                              env=os.environ | {"PYTHONHASHSEED": str(seed)},
                              capture_output=True, text=True, check=True, timeout=120)
        answers.add(done.stdout.strip().splitlines()[-1])
    assert len(answers) == 1, answers
    assert json.loads(answers.pop())["org_letter"] == ["名义", "发文"]
