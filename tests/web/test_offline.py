"""No page asks for anything but the app's own addresses (the browser's request log): no CDN,
no remote font or script. (Every browser test checks this of its own pages too; this one
walks them all in one place.)"""

from __future__ import annotations

from tests.web.conftest import Browsing

PAGES = ["/", "/ui/search?q=律师宴请法官", "/ui/regulations", "/ui/regulations/R2",
         "/ui/regulations/R2/articles/9", "/ui/incidents", "/ui/incidents/i001",
         "/ui/incidents/new", "/ui/incidents/i001/correct", "/ui/actors",
         "/ui/actors/p-qiangd", "/ui/paths?a=p-qiangd&b=p-zhoumy", "/ui/organs",
         "/ui/organs/bl-al-fy?quarter=2026Q3", "/ui/no-such-page"]


def test_no_page_requests_another_address(web: Browsing) -> None:
    web.login("recorder-key")
    for path in PAGES:
        web.go(path)
        web.page.wait_for_load_state("networkidle")
    assert not web.foreign(), web.foreign()
    asked = set(web.requests)
    assert f"{web.base}/ui/static/style.css" in asked
    assert f"{web.base}/ui/static/app.js" in asked
    assert f"{web.base}/ui/static/fonts/NotoSansSC-Regular.otf" in asked
    assert f"{web.base}/ui/organs/bl-al-fy/chart/2026Q3.png" in asked
