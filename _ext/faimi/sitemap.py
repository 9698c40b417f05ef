"""``sitemap.xml``: the address of every page, sorted, for search engines.

Every page of the project is listed (the events of the archive too, which the sidebar
leaves out), except the 404 page, which has no address of its own. The list comes
from the project's documents, not from the pages a build happened to write, so an
incremental build writes the same complete file as a clean one, and a parallel build
the same bytes as a serial one.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

from .outfiles import write_if_changed

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_urls(app: Sphinx) -> list[str]:
    """The absolute URL of every page but the 404 page, sorted."""
    base = app.config.html_baseurl.rstrip("/") + "/"
    skipped = {getattr(app.config, "notfound_pagename", "404")}
    return sorted(base + app.builder.get_target_uri(doc) for doc in app.env.found_docs - skipped)


def sitemap(urls: list[str]) -> bytes:
    root = ElementTree.Element("urlset", xmlns=NAMESPACE)
    for url in urls:
        ElementTree.SubElement(ElementTree.SubElement(root, "url"), "loc").text = url
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _write(app: Sphinx, exception: Exception | None) -> None:
    builder = app.builder
    if exception is not None or not app.config.html_baseurl or not isinstance(builder, StandaloneHTMLBuilder):
        return
    if builder.name not in ("html", "dirhtml"):  # singlehtml, epub...: one file, no site
        return
    write_if_changed(Path(builder.outdir, app.config.sitemap_filename), sitemap(page_urls(app)))


def setup_sitemap(app: Sphinx) -> None:
    app.add_config_value("sitemap_filename", "sitemap.xml", "html", types=[str])
    app.connect("build-finished", _write)
