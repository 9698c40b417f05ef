"""Page weight: no page costs a visitor more than 400 KB gzipped, with everything it loads.

Each page's HTML is added up with the style sheets, scripts, icons and images it
references, each gzipped (as GitHub Pages serves text; images count as they are),
taking the larger candidate of an image's ``srcset``, as a high-density screen would.
"""

from __future__ import annotations

import gzip
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import Build

BUDGET = 400 * 1024


def references(page: BeautifulSoup) -> set[str]:
    """The local files a browser fetches to show ``page``."""
    found: set[str] = set()
    for link in page.find_all("link", href=True):
        if {"stylesheet", "icon"} & set(link.get("rel", [])):
            found.add(link["href"])
    found |= {script["src"] for script in page.find_all("script", src=True)}
    for img in page.find_all("img"):
        candidates = [part.split()[0] for part in img.get("srcset", "").split(",") if part.strip()]
        found.add(candidates[-1] if candidates else img["src"])
    return {ref for ref in found if not urlsplit(ref).scheme}


def weight(outdir: Path, html: Path) -> dict[str, int]:
    """Each file the page loads (the page included), and its size on the wire."""
    page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    sizes = {html.relative_to(outdir).as_posix(): len(gzip.compress(html.read_bytes()))}
    for ref in references(page):
        ref_path = urlsplit(ref).path  # the 404 page's links start at the site's root ("/")
        base = outdir if ref_path.startswith("/") else html.parent
        path = Path(posixpath.normpath(base.joinpath(ref_path.lstrip("/")).as_posix()))
        data = path.read_bytes()
        sizes[path.relative_to(outdir).as_posix()] = (
            len(data) if path.suffix in {".webp", ".png", ".jpg", ".jpeg"} else len(gzip.compress(data)))
    return sizes


def test_every_page_is_within_its_weight(built_site: Build) -> None:
    outdir = built_site.app.outdir
    pages = sorted(outdir.rglob("*.html"))
    assert len(pages) > 20
    heavy = {}
    for html in pages:
        sizes = weight(outdir, html)
        if sum(sizes.values()) > BUDGET:
            heavy[html.relative_to(outdir).as_posix()] = sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
    assert heavy == {}, f"pages over {BUDGET // 1024} KB gzipped, with their heaviest files: {heavy}"


@pytest.mark.parametrize("docname", ["index", "resources/index", "events/2025-miccai-workshop"])
def test_weight_counts_what_the_page_loads(built_site: Build, docname: str) -> None:
    sizes = weight(built_site.app.outdir, built_site.page(docname))
    assert any(name.endswith(".css") for name in sizes) and any(name.endswith(".js") for name in sizes)
    assert 10_000 < sum(sizes.values()) < BUDGET


def test_no_large_image_reaches_the_output(built_site: Build) -> None:
    """Originals (JPEG/PNG, often several MB) stay in the repository: pages get WebP variants."""
    outdir = built_site.app.outdir
    images = [p for p in outdir.rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp", ".gif"}]
    # _previews/: the link-preview images drawn by the build (PNG, which every link
    # preview reads; small), not originals.
    originals = [rel for p in images if p.suffix.lower() != ".webp"
                 and not (rel := p.relative_to(outdir).as_posix()).startswith(("_static/", "_previews/"))]
    assert originals == []
    assert [p.name for p in images if p.stat().st_size > 150_000] == []
