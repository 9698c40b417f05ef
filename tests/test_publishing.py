"""Publishing: redirects from the old site, sitemap, link previews, 404 page, root files.

Every test builds a real copy of the site with the ``dirhtml`` builder and looks at the
output folder the way a browser or a crawler would see it once it is published.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

import yaml
from PIL import Image

from conftest import ROOT, Build, Project, copy_site
from faimi import preview_image
from faimi.preview_image import Card

DEFAULT_BASE = "https://faimi-workshop.github.io/"
SUB_BASE = "https://example.org/sub/"

#: The old site's URLs (shared/reference/faimi-events.yaml, legacy_url) and their pages.
LEGACY = {
    "/2022/": "events/2022-online-workshop",
    "/2023-miccai/": "events/2023-miccai-workshop",
    "/2023-online/": "events/2023-online-workshop",
    "/2024-isbi/": "events/2024-isbi-tutorial",
    "/2024-melba/": "events/2024-melba-special-issue",
    "/2024-miccai/": "events/2024-miccai-workshop",
    "/2024-online/": "events/2024-online-workshop",
    "/2025-london-symposium/": "events/2025-london-symposium",
    "/2025-miccai-tutorial/": "events/2025-miccai-tutorial",
    "/2025-miccai-workshop/": "events/2025-miccai-workshop",
    "/2025-online/": "events/2025-online-workshop",
    "/2026-miccai/": "events/2026-miccai-workshop",
}
#: Old URLs with no page here: GitHub Pages answers them with 404.html.
#: Old addresses that are pages of this site as they were.
LEGACY_PAGES = {"/resources/": "resources/index", "/newsletter/": "newsletter/index"}


def _build_site(root: Path, baseurl: str | None) -> Build:
    with pytest.MonkeyPatch.context() as env:
        if baseurl is None:
            env.delenv("FAIMI_BASEURL", raising=False)
        else:
            env.setenv("FAIMI_BASEURL", baseurl)
        return copy_site(root).build()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built once, with the default base URL."""
    return _build_site(tmp_path_factory.mktemp("default") / "site", None)


@pytest.fixture(scope="module")
def built_sub(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built once for a sub-path, as a fork or a preview would be."""
    return _build_site(tmp_path_factory.mktemp("sub") / "site", SUB_BASE)


@pytest.fixture
def no_baseurl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FAIMI_BASEURL", raising=False)


def out(build: Build) -> Path:
    return Path(build.app.outdir)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def is_redirect(path: Path) -> bool:
    return soup(path).find("meta", attrs={"http-equiv": "refresh"}) is not None


def url_path(relpath: str) -> str:
    """The URL path (under the base) at which a file of the output is served."""
    return relpath.removesuffix("index.html")


def html_files(build: Build) -> dict[str, Path]:
    """Every HTML file of the output, by its path relative to the output folder."""
    root = out(build)
    return {
        path.relative_to(root).as_posix(): path
        for path in root.rglob("*.html")
        if not any(part.startswith((".", "_")) for part in path.relative_to(root).parts)
    }


def pages(build: Build) -> dict[str, Path]:
    """The site's real pages: every HTML file but redirects and the search page."""
    return {
        rel: path for rel, path in html_files(build).items()
        if rel != "search/index.html" and not is_redirect(path)
    }


def file_at(build: Build, href: str, page_url: str) -> Path:
    """The output file a link ``href`` on the page served at ``page_url`` leads to."""
    base = urlsplit(build.app.config.html_baseurl)
    path = urlsplit(urljoin(page_url, href)).path
    assert path.startswith(base.path), f"{href} leaves the site ({path})"
    rel = path[len(base.path):]
    return out(build) / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


def title_of(path: Path) -> str:
    return soup(path).find("h1").get_text().rstrip("¶").strip()


def canonical_of(path: Path) -> str | None:
    link = soup(path).find("link", rel="canonical")
    return link["href"] if link else None


def meta(page: BeautifulSoup, **attrs: str) -> str | None:
    tag = page.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def sitemap_urls(build: Build) -> list[str]:
    tree = ElementTree.parse(out(build) / "sitemap.xml")
    return [loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]


# -- Redirects from the old site ---------------------------------------------------


def test_conf_redirects_the_legacy_event_urls(built: Build) -> None:
    # The old site's other addresses are checked one by one in tests/test_old_site.py.
    assert built.warnings == ""
    assert LEGACY.items() <= built.app.config.faimi_redirects.items()


@pytest.mark.parametrize(("old_url", "docname"), LEGACY.items())
def test_legacy_url_leads_to_its_event_page(built: Build, old_url: str, docname: str) -> None:
    redirect = out(built) / old_url.strip("/") / "index.html"
    page = soup(redirect)
    target = page.find("meta", attrs={"http-equiv": "refresh"})["content"].partition("url=")[2]
    assert not urlsplit(target).scheme and not target.startswith("/"), "target must be relative"
    assert page.find("a")["href"] == target
    assert f"location.replace({json.dumps(target)}" in page.find("script").get_text()
    # /X/ and /X/index.html are both answered by this file; both lead to the page.
    for served_at in (old_url, old_url + "index.html"):
        landed = file_at(built, target, urljoin(DEFAULT_BASE, served_at))
        assert landed == built.page(docname)
    assert title_of(built.page(docname)) == page.find("a").get_text() == page.title.get_text()


@pytest.mark.parametrize("old_url", LEGACY)
def test_redirect_keeps_the_fragment_and_names_the_canonical_page(built: Build, old_url: str) -> None:
    page = soup(out(built) / old_url.strip("/") / "index.html")
    script = page.find("script").get_text()
    assert "location.hash" in script and "location.search" in script
    assert page.find("noscript").find("meta", attrs={"http-equiv": "refresh"}) is not None
    target_page = built.page(LEGACY[old_url])
    assert canonical_of(out(built) / old_url.strip("/") / "index.html") == canonical_of(target_page)
    assert canonical_of(target_page) == DEFAULT_BASE + LEGACY[old_url] + "/"


def test_old_urls_of_pages_that_stayed_are_the_pages(built: Build) -> None:
    for old_url, docname in LEGACY_PAGES.items():
        assert built.page(docname) == out(built) / old_url.strip("/") / "index.html"
        assert not is_redirect(built.page(docname))
    assert (out(built) / "404.html").is_file()


def _add_to_conf(project: Project, text: str) -> int:
    """Append lines to conf.py; return the line number of the first one."""
    conf = project.read("conf.py")
    project.write("conf.py", conf + text)
    return conf.count("\n") + 1


def test_redirect_to_a_missing_page_fails_the_build(site: Project, no_baseurl: None) -> None:
    line = _add_to_conf(site, 'faimi_redirects["/old-event/"] = "events/2025-london-symposum"\n')
    build = site.build()
    assert (
        f"conf.py:{line}: WARNING: faimi_redirects: the old URL '/old-event/' redirects to "
        "'events/2025-london-symposum', which is not a page of the site"
    ) in build.warnings
    assert "did you mean 'events/2025-london-symposium'?" in build.warnings
    assert not (out(build) / "old-event").exists()


def test_sphinx_build_W_fails_on_a_broken_redirect(site: Project, no_baseurl: None) -> None:
    _add_to_conf(site, 'faimi_redirects["/old-event/"] = "events/no-such-event"\n')
    result = site.sphinx_build()
    assert result.returncode != 0
    assert "redirects to 'events/no-such-event', which is not a page of the site" in result.stderr
    assert "Traceback" not in result.stderr


def test_redirect_that_would_replace_a_page_fails(site: Project, no_baseurl: None) -> None:
    site.write("events/old-news.md", "---\norphan: true\n---\n# Old news\n\nStill here.\n")
    line = _add_to_conf(site, 'faimi_redirects["/events/old-news/"] = "index"\n')
    build = site.build()
    assert (
        f"conf.py:{line}: WARNING: faimi_redirects: the old URL '/events/old-news/' is the "
        "address of the page 'events/old-news'; a redirect there would replace that page"
    ) in build.warnings
    assert not is_redirect(build.page("events/old-news"))
    assert title_of(build.page("events/old-news")) == "Old news"


def test_old_url_must_be_a_path(site: Project, no_baseurl: None) -> None:
    _add_to_conf(site, 'faimi_redirects["2022"] = "index"\n')
    build = site.build()
    assert "faimi_redirects: '2022' is not an old URL path" in build.warnings


# -- Sitemap, canonical links, base URL --------------------------------------------


def test_sitemap_lists_every_page_and_nothing_else(built: Build) -> None:
    urls = sitemap_urls(built)
    assert len(urls) == len(set(urls))
    expected = {DEFAULT_BASE + url_path(rel) for rel in pages(built) if rel != "404.html"}
    assert set(urls) == expected
    docs = built.app.env.found_docs - {"404"}
    assert expected == {DEFAULT_BASE + built.app.builder.get_target_uri(doc) for doc in docs}
    assert not (out(built) / "genindex").exists()
    assert not (out(built) / "404").exists()


def test_every_page_has_a_canonical_link_to_its_own_url(built: Build) -> None:
    for rel, path in pages(built).items():
        if rel != "404.html":  # served at every missing address: it has none
            assert canonical_of(path) == DEFAULT_BASE + url_path(rel), rel
    assert canonical_of(out(built) / "404.html") is None


def test_base_url_comes_from_FAIMI_BASEURL(built_sub: Build) -> None:
    assert built_sub.warnings == ""
    assert built_sub.app.config.html_baseurl == SUB_BASE
    assert canonical_of(built_sub.page("index")) == SUB_BASE
    assert canonical_of(out(built_sub) / "2022" / "index.html") == SUB_BASE + "events/2022-online-workshop/"
    urls = sitemap_urls(built_sub)
    assert urls and all(url.startswith(SUB_BASE) for url in urls)
    assert SUB_BASE + "events/" in urls
    robots = (out(built_sub) / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SUB_BASE}sitemap.xml" in robots.splitlines()
    og_image = meta(soup(built_sub.page("index")), property="og:image")
    assert og_image == SUB_BASE + "_static/faimi-og.png"


def test_base_url_without_trailing_slash_is_completed(tmp_path: Path) -> None:
    build = _build_site(tmp_path / "site", "https://example.org/sub")
    assert build.app.config.html_baseurl == SUB_BASE
    assert build.app.config.notfound_urls_prefix == "/sub/"


# -- 404 page, root files --------------------------------------------------------


@pytest.mark.parametrize(("fixture", "prefix"), [("built", "/"), ("built_sub", "/sub/")])
def test_404_page_at_the_root_with_links_under_the_prefix(
    request: pytest.FixtureRequest, fixture: str, prefix: str
) -> None:
    build: Build = request.getfixturevalue(fixture)
    page_404 = out(build) / "404.html"
    page = soup(page_404)
    assert title_of(page_404) == "Page not found"
    # Served at any missing address, however deep: every local URL must be absolute.
    missing_at = urljoin(build.app.config.html_baseurl, "no/such/page/")
    local = [
        tag.get("href") or tag.get("src")
        for tag in page.find_all(["a", "link", "script", "img"])
        if (tag.get("href") or tag.get("src"))
        and not urlsplit(tag.get("href") or tag.get("src")).scheme
        and not (tag.get("href") or "").startswith("#")
    ]
    assert local
    for url in local:
        assert url.startswith(prefix), url
        assert file_at(build, url, missing_at).is_file(), url
    body_links = {a["href"]: a.get_text() for a in page.find("article").find_all("a", href=True)}
    assert body_links[prefix] == "home page"
    assert body_links[prefix + "events/"] == "All FAIMI events"
    assert page.find("a", class_="sidebar-brand")["href"] == prefix


def test_robots_txt_at_the_root_and_no_nojekyll(built: Build) -> None:
    # Published with the "GitHub Actions" source, which never runs Jekyll.
    assert not (out(built) / ".nojekyll").exists()
    robots = (out(built) / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert robots[:2] == ["User-agent: *", "Allow: /"]
    assert f"Sitemap: {DEFAULT_BASE}sitemap.xml" in robots


# -- Link previews, descriptions, third-party requests -------------------------------


def event_descriptions() -> dict[str, str]:
    """Each event page's output file, and the description written in its YAML file."""
    return {
        f"events/{path.stem}/index.html": yaml.safe_load(path.read_text(encoding="utf-8"))["description"]
        for path in (ROOT / "events").glob("*.yaml") if "." not in path.stem  # not NAME.agenda.yaml...
    }


def test_every_page_has_a_description_and_link_preview_tags(built: Build) -> None:
    image = out(built) / "_static" / "faimi-og.png"
    assert image.is_file()
    for rel, path in pages(built).items():
        page = soup(path)
        assert (meta(page, name="description") or "").strip(), rel
        assert (meta(page, property="og:title") or "").strip(), rel
        if rel not in event_descriptions():
            assert meta(page, property="og:image") == DEFAULT_BASE + "_static/faimi-og.png", rel
        assert page.find("link", rel="icon")["href"].endswith("_static/favicon.svg"), rel
        assert len(page.find_all("meta", attrs={"name": "viewport"})) == 1, rel
        assert len(page.find_all("meta", attrs={"name": "description"})) == 1, rel
    # The search page has no text of its own; it is kept out of search engines.
    assert meta(soup(out(built) / "search" / "index.html"), name="robots") == "noindex"
    assert not list(out(built).rglob("social_previews"))  # no generated per-page cards


def test_each_event_page_is_described_by_its_description(built: Build) -> None:
    described = event_descriptions()
    assert len(described) == 12
    for rel, description in described.items():
        page = soup(out(built) / rel)
        assert meta(page, name="description") == description, rel
        assert meta(page, property="og:description") == description, rel


def test_each_event_page_has_its_own_preview_image(built: Build) -> None:
    images: dict[str, bytes] = {}
    for rel in event_descriptions():
        page = soup(out(built) / rel)
        url = meta(page, property="og:image")
        assert url and url.startswith(DEFAULT_BASE + "_previews/"), rel
        file = out(built) / url.removeprefix(DEFAULT_BASE)
        with Image.open(file) as image:
            assert image.size == (1200, 630), rel
        images[rel] = file.read_bytes()
        title = title_of(out(built) / rel)
        assert meta(page, property="og:image:alt").startswith(title + ": "), rel
    assert len(set(images.values())) == len(images)  # no two events share an image


def test_a_preview_image_is_drawn_once_and_again_only_when_its_text_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[Card] = []
    draw = preview_image.draw_card
    monkeypatch.setattr(preview_image, "draw_card", lambda card: drawn.append(card) or draw(card))
    card = Card("FAIMI Workshop at MICCAI 2026", "Workshop", "Sunday 27 September 2026", "Daejeon")
    preview_image.write_card(card, tmp_path / "out" / "a.png", tmp_path / "cache")
    preview_image.write_card(card, tmp_path / "again" / "a.png", tmp_path / "cache")
    assert drawn == [card]
    assert (tmp_path / "again" / "a.png").read_bytes() == (tmp_path / "out" / "a.png").read_bytes()
    moved = Card(card.title, card.kind, "Monday 28 September 2026", card.where)
    preview_image.write_card(moved, tmp_path / "out" / "a.png", tmp_path / "cache")
    assert drawn == [card, moved]
    assert (tmp_path / "again" / "a.png").read_bytes() != (tmp_path / "out" / "a.png").read_bytes()


def _third_party(urls: Iterator[str], base: str) -> list[str]:
    return [
        url for url in urls
        if re.match(r"(https?:)?//", url) and not urljoin("https:", url).startswith(base)
    ]


@pytest.mark.parametrize("fixture", ["built", "built_sub"])
def test_no_page_requests_a_third_party_host(request: pytest.FixtureRequest, fixture: str) -> None:
    build: Build = request.getfixturevalue(fixture)
    base = build.app.config.html_baseurl
    for rel, path in html_files(build).items():
        page = soup(path)
        fetched = (
            value
            for tag in page.find_all(True)
            if tag.name != "a"
            # (a form's "action" is not fetched: the newsletter form posts only when submitted)
            for attr in ("src", "href", "srcset", "poster", "data")
            for value in (tag.get(attr) or "").split(",")
            if value.strip()
        )
        assert _third_party((v.strip().split(" ")[0] for v in fetched), base) == [], rel
    for css in out(build).rglob("*.css"):
        urls = re.findall(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", css.read_text(encoding="utf-8"))
        assert _third_party(iter(urls), base) == [], css
