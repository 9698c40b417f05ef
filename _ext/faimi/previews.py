"""Link previews of event pages: the event's own description and a preview image.

Search engines and link previews show a page's ``<meta name="description">`` and
``og:description``: on an event page both are the event's ``description``, written
for exactly this (sphinxext-opengraph would otherwise take the page's first words,
the summary box flattened). Each event page also gets its own ``og:image``, drawn
at build time (:mod:`faimi.preview_image`) into ``_previews/`` of the output and
cached in the doctree folder, so a rebuild draws only the images whose text changed.
"""

from __future__ import annotations

from html import escape
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

from .events import EventRecord, events, when
from .preview_image import HEIGHT, WIDTH, Card, write_card

FOLDER = "_previews"


def card(record: EventRecord, title: str) -> Card:
    event = record.event
    return Card(title=title, kind=event.kind_label, when=nodes.paragraph("", "", *when(event)).astext(),
                where=event.place or "")


def image_path(docname: str) -> str:
    """The image's path in the output, the same for every HTML builder."""
    return f"{FOLDER}/{PurePosixPath(docname).name}.png"


def _preview(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Runs before sphinxext-opengraph (priority 500), which takes ``og:`` values from
    the page's metadata and adds no description where the page has one."""
    record = events(app.env).get(pagename)
    if record is None or doctree is None or not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    title = app.env.titles[pagename].astext()
    shown = card(record, title)
    write_card(shown, Path(app.outdir, image_path(pagename)), Path(app.doctreedir, "faimi-previews"))
    site = getattr(app.config, "ogp_site_url", "") or app.config.html_baseurl or ""
    context["meta"] = {
        **(context.get("meta") or {}),  # a copy: the env's metadata stays as it is
        "og:description": record.event.description,
        "og:image": urljoin(site, image_path(pagename)),
        "og:image:alt": f"{title}: {shown.when}, {shown.where}".rstrip(", "),
        "og:image:width": str(WIDTH),
        "og:image:height": str(HEIGHT),
    }
    context["metatags"] = (
        context.get("metatags", "")
        + f'<meta name="description" content="{escape(record.event.description)}" />\n'
        + '<meta name="twitter:card" content="summary_large_image" />\n'
    )


def setup_previews(app: Sphinx) -> None:
    app.connect("html-page-context", _preview, priority=460)
