"""The console script ``liuhen``: the commands of liuhen/cli.py plus ``serve``, which runs the
HTTP API. ``serve`` is added here, above both packages, so that liuhen never imports api."""

from __future__ import annotations

from typing import Annotated

import typer

from core.errors import LiuhenError
from core.settings import get_settings
from liuhen.cli import app, err_console, fail

__all__ = ["app"]

#: Chosen by measurement on the 2-core reference machine (docs/benchmarks.md, "Search
#: throughput (issue 14, session 5)").
DEFAULT_WORKERS = 1


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(
        min=1, max=16, help="processes serving requests; above 1 they share one store (run "
                            "and supervised by this process) and one index on disk")
    ] = DEFAULT_WORKERS,
) -> None:
    """Run the HTTP API on the configured graph store; on first start it loads the
    regulations and the example records."""
    from api.server import serve as serve_api  # FastAPI and the model load only here

    try:
        serve_api(get_settings(), host, port, console=err_console, workers=workers)
    except LiuhenError as error:
        raise fail(error) from error


if __name__ == "__main__":
    app()
