"""What GitHub Pages needs beside the pages: ``404.html`` and ``robots.txt``.

The 404 page is the document ``404.md`` (``notfound_pagename``), made by
sphinx-notfound-page, which turns the theme's links and assets into absolute paths
under ``notfound_urls_prefix``, since GitHub Pages serves the page at any missing
address. What it leaves undone is done here:

- the links written in the page's own text are relative to ``404/``; they are made
  absolute under the same prefix;
- with ``dirhtml``, its links to the home page come out as ``#``; they become the
  prefix (see :func:`_fix_404_context`, which also sets the page's URLs);
- the ``dirhtml`` builder would write the page to ``404/index.html``, but GitHub Pages
  only serves ``404.html`` at the root: :class:`PagesDirectoryBuilder` writes it there
  (and, looking for it there, leaves it alone when nothing changed).

``robots.txt`` allows everything and names the sitemap, whose URL depends on
``html_baseurl``, so it is written by the build rather than kept in ``_static``.
No ``.nojekyll``: the site is published with the "GitHub Actions" source, which serves
the uploaded files as they are and never runs Jekyll (and the upload leaves out
dotfiles anyway).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.dirhtml import DirectoryHTMLBuilder
from sphinx.builders.html import StandaloneHTMLBuilder

from .outfiles import write_if_changed


def _notfound_page(app: Sphinx) -> str:
    return getattr(app.config, "notfound_pagename", "404")


def _prefix(app: Sphinx) -> str:
    return getattr(app.config, "notfound_urls_prefix", None) or "/"


def _base_url(app: Sphinx) -> str:
    return app.config.html_baseurl.rstrip("/") + "/" if app.config.html_baseurl else ""


def _publishes(app: Sphinx) -> bool:
    """True for the builders whose output is a website (``html``, ``dirhtml``)."""
    return isinstance(app.builder, StandaloneHTMLBuilder) and app.builder.name in ("html", "dirhtml")


def _absolute_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Make the internal links of the 404 page's text absolute under the URL prefix."""
    if docname != _notfound_page(app) or not _publishes(app):
        return
    page_url = _prefix(app).rstrip("/") + "/" + app.builder.get_target_uri(docname)
    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri", "")
        if ref.get("internal") and uri and not uri.startswith("#"):
            ref["refuri"] = urljoin(page_url, uri)


def _fix_404_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Fit the 404 page's context to a page served at every missing address.

    Runs after sphinx-notfound-page (priority 400), before sphinxext-opengraph and the
    theme (500). The page has no canonical address; ``og:url`` is its real file,
    ``404.html``. And links to the home page: with ``dirhtml`` its URI is empty, which
    sphinx-notfound-page's ``pathto`` turns into ``#`` (this same page); here it
    becomes the URL prefix.
    """
    if pagename != _notfound_page(app) or not _publishes(app):
        return
    context["pageurl"] = None
    if base := _base_url(app):
        # sphinxext-opengraph takes per-page og: values from the page's metadata.
        context["meta"] = {**(context.get("meta") or {}), "og:url": f"{base}{pagename}.html"}
    absolute_pathto = context["pathto"]

    def pathto(otheruri: str, resource: bool = False, *args: Any) -> str:
        if not resource and app.builder.get_target_uri(otheruri) == "":
            return _prefix(app)
        return absolute_pathto(otheruri, resource, *args)

    context["pathto"] = pathto


class PagesDirectoryBuilder(DirectoryHTMLBuilder):
    """``dirhtml``, with the 404 page written to ``404.html`` at the root (not ``404/index.html``)."""

    def get_output_path(self, page_name: str, /) -> Path:
        if page_name == getattr(self.config, "notfound_pagename", "404"):
            return Path(self.outdir, f"{page_name}{self.out_suffix}")
        return super().get_output_path(page_name)


#: docutils' HTML5 writer adds this tag, and the theme has its own: one is enough.
_DOCUTILS_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>\n?')


def _one_viewport(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Drop docutils' ``<meta name="viewport">`` from the page's tags (furo writes its own)."""
    if "metatags" in context:
        context["metatags"] = _DOCUTILS_VIEWPORT.sub("", context["metatags"])


def _write_root_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not _publishes(app):
        return
    outdir = Path(app.builder.outdir)
    sources = outdir / "_sources"  # made even when no source is published (html_copy_source)
    if sources.is_dir() and not any(sources.iterdir()):
        sources.rmdir()
    robots = "User-agent: *\nAllow: /\n"
    sitemap = getattr(app.config, "sitemap_filename", None)
    if sitemap and _base_url(app):
        robots += f"\nSitemap: {_base_url(app)}{sitemap}\n"
    write_if_changed(outdir / "robots.txt", robots)


def setup_publishing(app: Sphinx) -> None:
    app.add_builder(PagesDirectoryBuilder, override=True)
    app.connect("doctree-resolved", _absolute_links)
    app.connect("html-page-context", _fix_404_context, priority=450)
    app.connect("html-page-context", _one_viewport)
    app.connect("build-finished", _write_root_files)
