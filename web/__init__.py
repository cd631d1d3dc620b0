"""The web application of liuhen: Chinese pages for researchers and discipline staff, served
by the API app under ``/ui`` (``/`` redirects there). See web/site.py."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import RedirectResponse


def install(app: FastAPI) -> None:
    """Mount the pages at ``/ui`` on the API app and send ``/`` to the search page."""
    from web.site import PREFIX, create_site

    app.mount(PREFIX, create_site(app), name="web")

    @app.get("/", include_in_schema=False)
    async def landing() -> RedirectResponse:
        return RedirectResponse(f"{PREFIX}/", status_code=307)
