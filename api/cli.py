"""The console script ``liuhen``: the commands of liuhen/cli.py plus ``serve``, which runs the
HTTP API. ``serve`` is added here, above both packages, so that liuhen never imports api."""

from __future__ import annotations

from typing import Annotated

import typer

from core.errors import LiuhenError
from core.settings import get_settings
from liuhen.cli import app, err_console, fail

__all__ = ["app"]


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Run the HTTP API on the configured graph store; on first start it loads the
    regulations and the example records."""
    from api.server import serve as serve_api  # FastAPI and the model load only here

    try:
        serve_api(get_settings(), host, port, console=err_console)
    except LiuhenError as error:
        raise fail(error) from error


if __name__ == "__main__":
    app()
