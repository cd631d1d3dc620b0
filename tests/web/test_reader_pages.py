"""检索 and 法规阅读 in the browser: the landing page, search with filters and a shareable
address, the keyboard, the regulation list, table of contents and article pages, the font,
and print."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from tests.web.conftest import Browsing

QUERY = "领导干部打电话给法官，要求对被告人从轻判处"


def test_root_lands_on_the_search_page(web: Browsing) -> None:
    web.go("/")
    assert web.page.url == web.base + "/ui/"
    assert web.page.title() == "检索 · 留痕"
    assert web.page.evaluate("document.activeElement.id") == "q"  # autofocus
    assert web.page.locator("ul.examples a").count() == 3


def test_search_shows_the_answer_linked_to_its_article(web: Browsing) -> None:
    web.go("/ui/")
    web.page.fill("#q", QUERY)
    web.page.click("#search-form button[type=submit]")
    web.page.wait_for_selector("#results")
    query = parse_qs(urlparse(web.page.url).query)
    assert query["q"] == [QUERY]  # the search has its own address
    # The engine's verdict (the page used to show the search's hits as undetermined).
    assert web.page.locator("[data-verdict]").get_attribute("data-verdict") == "violation"
    assert web.page.locator("[data-source]").get_attribute("data-source") == "engine"
    assert web.page.locator("table.duties").count() >= 1  # the duties, each quoted
    best = web.page.locator(".answer h2 a")
    href = best.get_attribute("href") or ""
    assert href.startswith("/ui/regulations/R")
    assert web.page.locator(".answer blockquote").inner_text().strip()
    assert web.page.locator("#results .provision").count() == 6
    best.click()
    web.page.wait_for_selector("article.article")
    assert urlparse(web.page.url).path == urlparse(href).path
    anchor = urlparse(href).fragment
    if anchor:  # the matched paragraph or item is highlighted
        assert web.page.locator(f"#{anchor}").count() == 1


def test_the_shared_address_repeats_the_search_with_its_filter(web: Browsing) -> None:
    web.go("/ui/")
    web.page.fill("#q", "律师宴请法官并送礼")
    web.page.check("input[name=regulation][value=R3]")
    web.page.press("#q", "Enter")
    web.page.wait_for_selector("#results")
    shared = web.page.locator("#share-link").get_attribute("href") or ""
    links = web.page.locator("#results .provision a")
    assert links.count() > 0
    assert all("/ui/regulations/R3/" in (links.nth(n).get_attribute("href") or "")
               for n in range(links.count()))
    web.go(shared)
    assert web.page.locator("input[name=regulation][value=R3]").is_checked()
    assert not web.page.locator("input[name=regulation][value=R1]").is_checked()
    assert web.page.input_value("#q") == "律师宴请法官并送礼"


def test_the_search_page_works_from_the_keyboard(web: Browsing) -> None:
    web.go(f"/ui/search?q={QUERY}")
    web.page.locator("h1").first.click(force=True)  # focus away from the box
    web.page.keyboard.press("/")
    assert web.page.evaluate("document.activeElement.id") == "q"
    web.page.keyboard.press("Control+A")
    web.page.keyboard.type("法官私下会见当事人的律师")
    web.page.keyboard.press("Enter")
    web.page.wait_for_url("**/ui/search?q=*")
    assert web.page.input_value("#q") == "法官私下会见当事人的律师"
    web.page.focus("#q")
    web.page.keyboard.press("ArrowDown")
    first = web.page.evaluate("document.activeElement.getAttribute('href')")
    web.page.keyboard.press("ArrowDown")
    second = web.page.evaluate("document.activeElement.getAttribute('href')")
    assert first and second and first != second
    web.page.keyboard.press("ArrowUp")
    assert web.page.evaluate("document.activeElement.getAttribute('href')") == first
    web.page.keyboard.press("Enter")
    web.page.wait_for_selector("article.article")
    # Tab order: the skip link comes first and leads to the content.
    web.go("/ui/regulations")
    web.page.keyboard.press("Tab")
    assert web.page.evaluate("document.activeElement.textContent") == "跳到正文"


def test_regulation_list_toc_and_article(web: Browsing) -> None:
    web.go("/ui/regulations")
    assert web.page.locator("ul.regulations li").count() == 4
    web.page.click("text=R1")
    assert web.page.url.endswith("/ui/regulations/R1")
    assert web.page.locator("ol.toc-articles li").count() == 13
    assert "领导干部" in web.page.locator("dl.terms").inner_text()  # R1 第十二条 defines it
    web.page.click("ol.toc-articles >> text=第九条")
    assert web.page.url.endswith("/ui/regulations/R1/articles/9")
    assert web.page.locator("article h1").inner_text() == "第九条"
    assert web.page.locator(".paragraph").count() == 2
    out = web.page.locator(".references-out")
    assert "本规定第八条" in out.inner_text()
    cited = web.page.locator(".citations li.cited")
    assert "中国共产党纪律处分条例" in web.page.locator(".citations").inner_text()
    held = web.page.locator(".citations li.held")
    assert held.count() == 1 and "行政机关公务员处分条例" in held.inner_text()
    assert cited.count() > held.count()
    held.locator("summary").click()
    assert held.locator("details li").count() == 55  # the held text's articles
    drawing = web.page.locator("svg.neighbourhood")
    assert drawing.locator("g.node").count() > 5
    assert drawing.locator("line").count() > 5
    # the drawing links on: to article 8, which article 9 refers to
    drawing.locator("a[href='/ui/regulations/R1/articles/8']").first.click()
    assert web.page.url.endswith("/ui/regulations/R1/articles/8")
    assert web.page.locator("ol.items li").count() == 5
    assert web.page.locator("#p1-i1").count() == 1
    assert "R1 第九条" in web.page.locator(".references-in").inner_text()


def test_article_pages_have_one_address(web: Browsing) -> None:
    web.go("/ui/regulations/R1/articles/第八条")
    assert web.page.url == web.base + "/ui/regulations/R1/articles/8"
    response = web.go("/ui/regulations/R1/articles/99")
    assert response.status == 404
    assert "第十三条" in web.page.locator(".error .message").inner_text()


def test_articles_print_without_navigation(web: Browsing) -> None:
    web.go("/ui/regulations/R3/articles/7")
    assert web.page.locator("header.top").is_visible()
    web.page.emulate_media(media="print")
    assert not web.page.locator("header.top").is_visible()
    assert not web.page.locator("nav.pager").is_visible()
    assert web.page.locator("article .text").is_visible()
    web.page.emulate_media(media="screen")


def test_chinese_is_set_in_the_font_the_app_serves(web: Browsing) -> None:
    web.go("/ui/regulations/R2/articles/9")
    loaded = web.page.evaluate(
        "document.fonts.load('16px \"Liuhen Sans\"', '司法').then(f => f.length)")
    assert loaded == 1
    assert web.page.evaluate("document.fonts.check('16px \"Liuhen Sans\"', '司法')")
    assert any(u.endswith("/ui/static/fonts/NotoSansSC-Regular.otf") for u in web.requests)
