"""Search fixtures: a tiny Chinese corpus written as files, and the real model loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.embeddings import SentenceTransformerEmbedder, load_embedder
from search.index import SearchIndex, open_index
from search.model_convert import E5_SMALL
from tests.conftest import REGULATIONS_DIR

TINY = {
    "jia.txt": (
        "测试规定甲",
        [
            "第一条 法官不得接受当事人请客送礼。",
            "第二条 领导干部不得为案件当事人请托说情。",
            "第三条 司法人员应当如实记录内部人员过问案件的情况。",
            "第四条 司法人员有下列行为之一的，予以处分：\n（一）泄露办案工作秘密的；\n"
            "（二）向当事人借款或者借用交通工具的。",
        ],
    ),
    "yi.txt": (
        "测试规定乙",
        [
            "第一条 律师不得以任何方式向法官行贿。",
            "第二条 律师会见当事人，应当遵守看守所的规定。\n律师不得私下会见办案法官。",
            "第三条 本规定自发布之日起施行。",
        ],
    ),
}


def write_regulation(folder: Path, name: str, title: str, articles: list[str]) -> Path:
    body = "\n\n".join(a.replace("\n", "\n\n") for a in articles)
    text = (
        f"---\ntitle: {title}\nshort_title:\naliases:\neffective:\nsource: test\n---\n\n"
        f"《{title}》\n\n{body}\n"
    )
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def write_tiny_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, articles) in TINY.items():
        write_regulation(folder, name, title, articles)
    return folder


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    return write_tiny_corpus(tmp_path / "regulations")


@pytest.fixture(scope="session")
def e5() -> SentenceTransformerEmbedder:
    """The real multilingual-e5-small, converted (into LIUHEN_MODEL_CACHE_DIR) and loaded once."""
    return load_embedder(E5_SMALL)


@pytest.fixture(scope="session")
def seed_index(
    e5: SentenceTransformerEmbedder, tmp_path_factory: pytest.TempPathFactory
) -> SearchIndex:
    """The seed regulations indexed with the real model, in a data directory of its own."""
    return open_index(REGULATIONS_DIR, tmp_path_factory.mktemp("search-data"), e5)
