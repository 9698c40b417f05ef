"""The new site against the old one: its people groups, and every address and anchor it had.

tests/data/old-site.json lists what the old Jekyll site had (made from its sources by
scripts/old_site_inventory.py): each page's addresses and section anchors, and the
people of each group of its latest home page. Each old address must be served (a page,
or a redirect page that leads to one; never the 404 page) and each old anchor must be
an id on the page the address ends on. Each image an old page showed must be shown by
the page its address ends on: tests/data/old_images.yaml names the file each one is now.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, Build
from faimi.images import read_source

OLD_SITE = json.loads((ROOT / "tests" / "data" / "old-site.json").read_text(encoding="utf-8"))
OLD_URLS = [url for page in OLD_SITE["pages"] for url in page["urls"]]
REFRESH = re.compile(r"\d+;\s*url=(.*)", re.IGNORECASE)
#: The file in this repository of each old image.
NEW_FILES: dict[str, str] = yaml.safe_load((ROOT / "tests" / "data" / "old_images.yaml").read_text(encoding="utf-8"))

def served(outdir: Path, url: str) -> Path | None:
    """The file GitHub Pages answers ``url`` with, or None (the 404 page)."""
    path = url.lstrip("/")
    if path == "" or path.endswith("/"):
        candidates = [path + "index.html"]
    elif path.endswith(".html"):
        candidates = [path]
    else:  # /x: x.html, else the folder x/ (Pages redirects to /x/)
        candidates = [path + ".html", path + "/index.html"]
    found = [outdir / c for c in candidates if (outdir / c).is_file()]
    return found[0] if found else None


def landing(outdir: Path, url: str) -> tuple[str, BeautifulSoup] | None:
    """The output path and parsed page a visitor of ``url`` ends on, through redirect pages."""
    file = served(outdir, url)
    for _ in range(3):
        if file is None:
            return None
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        refresh = page.find("meta", attrs={"http-equiv": "refresh"})
        if refresh is None:
            return file.relative_to(outdir).as_posix(), page
        target = REFRESH.match(refresh["content"])[1]
        here = posixpath.dirname(file.relative_to(outdir).as_posix())
        file = served(outdir, "/" + posixpath.normpath(posixpath.join(here, target)).lstrip("./") +
                      ("/" if target.endswith("/") else ""))
    return None


@pytest.mark.parametrize("url", OLD_URLS)
def test_every_old_address_is_served(built_site: Build, url: str) -> None:
    assert landing(built_site.app.outdir, url) is not None, f"{url} ends on the 404 page"


@pytest.mark.parametrize("page", OLD_SITE["pages"], ids=lambda p: p["source"])
def test_old_anchors_land_on_their_sections(built_site: Build, page: dict) -> None:
    where, html = landing(built_site.app.outdir, page["urls"][0])
    missing = [a for a in page["anchors"] if html.find(id=a) is None]
    assert missing == [], f"{page['urls'][0]} -> {where} lacks these anchors"


def test_every_old_image_has_a_file_here() -> None:
    old = [image for page in OLD_SITE["pages"] for image in page.get("images", [])]
    assert len(old) == 30
    assert sorted(NEW_FILES) == sorted(old)
    assert [new for new in NEW_FILES.values() if not (ROOT / new).is_file()] == []


@pytest.mark.parametrize("page", [p for p in OLD_SITE["pages"] if p.get("images")], ids=lambda p: p["source"])
def test_old_images_live_on_where_their_pages_went(built_site: Build, page: dict) -> None:
    """The page an old address ends on shows each image of the old page (a WebP variant
    of its file here, named after the file and its content hash)."""
    where, html = landing(built_site.app.outdir, page["urls"][0])
    shown = {posixpath.basename(img["src"]): img for img in html.select("article img")}

    def variant(old: str) -> dict | None:
        path = ROOT / NEW_FILES[old]
        prefix = f"{path.stem}-{read_source(path).digest}-"
        return next((img for name, img in shown.items() if name.startswith(prefix)), None)

    missing = [old for old in page["images"] if variant(old) is None]
    assert missing == [], f"{page['urls'][0]} -> {where} does not show these images"
    assert all(variant(old)["alt"].strip() for old in page["images"])


@pytest.mark.parametrize("anchor", list(OLD_SITE["home_groups"]))
def test_home_page_groups_match_the_old_home_page(built_site: Build, anchor: str) -> None:
    """Same people, same order, same roles, under the old section's anchor."""
    old = OLD_SITE["home_groups"][anchor]
    section = built_site.html("index").find("section", id=anchor)
    assert section is not None, f"the home page has no section #{anchor}"
    shown = [
        {"name": li.find(class_="faimi-person__name").get_text(),
         **({"role": role.get_text()} if (role := li.find(class_="faimi-person__role")) else {})}
        for li in section.select("ul.faimi-people > li")
    ]
    assert len(shown) == len(old)
    assert shown == old


def test_the_inventory_reads_kramdown_ids_as_kramdown_does() -> None:
    """The inventory script's ids, on headings of the old site's kinds."""
    import sys  # noqa: PLC0415

    sys.path.insert(0, str(ROOT / "scripts"))
    from old_site_inventory import anchors  # noqa: PLC0415

    body = ("## TL;DR\n## Keynote - Dr. Judy Gichoya\n#### “Shortcuts” Causing Bias\n### 2016\n### 2019\n"
            "## Awards 2025\n## Awards 2025\n#### If you subscribe to our [newsletter](/newsletter)\n"
            "### Legislation/white papers:\n## Custom {#my-id}\n```\n## not a heading\n```\n")
    assert anchors(body) == ["tldr", "keynote---dr-judy-gichoya", "shortcuts-causing-bias", "section", "section-1",
                             "awards-2025", "awards-2025-1", "if-you-subscribe-to-our-newsletter",
                             "legislationwhite-papers", "my-id"]
