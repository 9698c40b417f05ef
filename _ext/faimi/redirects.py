"""Redirects from the old site's URLs, configured in ``conf.py`` as ``faimi_redirects``.

``faimi_redirects`` maps an old URL path (``"/2022/"``) to the docname of the page that
replaces it (``"events/2022-online-workshop"``). For each, the HTML builders write a
small page at the old address (``2022/index.html``, which also answers
``/2022/index.html``) that sends the visitor on with a relative URL, keeping the
``#fragment``; it also carries a canonical link to the target's absolute URL. A
redirect to a page that does not exist, or one that would replace a real page, is a
warning (so ``-W`` fails the build) and is not written.

Why not sphinxext-rediraffe or sphinx-reredirects: neither can put the target's
absolute URL (``html_baseurl``) in its redirect page, since their templates only get
the target path; sphinx-reredirects checks neither the target nor overwriting (it only
logs); rediraffe checks both against the output folder, but skips the overwrite check
on a rebuild once its record file (which it also publishes) lists the redirect. Here
both checks use the build environment's documents, so they hold on every build.
"""

from __future__ import annotations

import difflib
import json
import re
from html import escape
from pathlib import Path
from urllib.parse import urljoin

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from .outfiles import write_if_changed

logger = logging.getLogger("faimi")

#: An old URL path: a folder (``/2022/``) or an HTML file (``/old/page.html``); no
#: segment made of dots only.
OLD_URL = re.compile(r"/(?:(?!\.+/)[\w.~-]+/)*(?:[\w.~-]+\.html)?")

PAGE = """\
<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
{canonical}<script>location.replace({target_js} + location.search + location.hash);</script>
<noscript><meta http-equiv="refresh" content="0; url={target}"></noscript>
</head>
<body>
<p>This page has moved to <a href="{target}">{title}</a>.</p>
</body>
</html>
"""


def redirect_file(old_url: str) -> str:
    """The output file, relative to the output folder, that answers ``old_url``."""
    path = old_url.lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def _problem(app: Sphinx, old_url: str, target: str, outfiles: dict[str, str]) -> str | None:
    """What is wrong with one redirect, in plain words, or ``None``."""
    if not isinstance(old_url, str) or not OLD_URL.fullmatch(old_url):
        return (
            f"{old_url!r} is not an old URL path; write it as the old site's path, starting "
            "with '/' and ending with '/' or '.html', e.g. '/2022/'"
        )
    if not isinstance(target, str) or target not in app.env.found_docs:
        close = difflib.get_close_matches(str(target), sorted(app.env.found_docs), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return (
            f"the old URL {old_url!r} redirects to {target!r}, which is not a page of the "
            f"site (give a docname: the page's path without '.md', e.g. "
            f"'events/2025-london-symposium'){hint}"
        )
    page = outfiles.get(redirect_file(old_url))
    if page is not None and page != target:
        return (
            f"the old URL {old_url!r} is the address of the page {page!r}; a redirect there "
            "would replace that page. Remove the redirect, or move the page"
        )
    return None


def _location(app: Sphinx, old_url: object) -> str:
    """``conf.py:LINE`` of the redirect's entry, as near as a text search can tell."""
    conf = Path(app.confdir, "conf.py")
    try:
        lines = conf.read_text(encoding="utf-8").splitlines()
    except OSError:
        return "conf.py"
    for quoted in (f'"{old_url}"', f"'{old_url}'", "faimi_redirects"):
        for number, line in enumerate(lines, start=1):
            if quoted in line:
                return f"conf.py:{number}"
    return "conf.py"


def _writes_pages(app: Sphinx) -> bool:
    builder = app.builder
    return (
        isinstance(builder, StandaloneHTMLBuilder)
        and not isinstance(builder, SingleFileHTMLBuilder)
        and not builder.embedded
    )


def _output_files(app: Sphinx) -> dict[str, str]:
    """Each document's output file (relative, with ``/``) and its docname."""
    if not _writes_pages(app):
        return {}
    builder = app.builder
    return {
        Path(builder.get_outfilename(doc)).relative_to(builder.outdir).as_posix(): doc
        for doc in app.env.found_docs
    }


def render(app: Sphinx, old_url: str, target: str) -> str:
    """The redirect page at ``old_url`` that leads to the document ``target``."""
    builder = app.builder
    target_uri = builder.get_target_uri(target)
    relative = relative_uri(redirect_file(old_url), target_uri) or "./"
    canonical = ""
    if app.config.html_baseurl:
        absolute = urljoin(app.config.html_baseurl.rstrip("/") + "/", target_uri)
        canonical = f'<link rel="canonical" href="{escape(absolute)}">\n'
    title = app.env.titles[target].astext() if target in app.env.titles else target
    return PAGE.format(
        lang=escape(app.config.language or "en"),
        title=escape(title),
        canonical=canonical,
        target=escape(relative),
        target_js=json.dumps(relative).replace("<", "\\u003c"),
    )


def _write_redirects(app: Sphinx, exception: Exception | None) -> None:
    """Check every redirect; write the good ones if this builder writes HTML pages."""
    if exception is not None:
        return
    outfiles = _output_files(app)
    for old_url, target in app.config.faimi_redirects.items():
        problem = _problem(app, old_url, target, outfiles)
        if problem:
            logger.warning(
                f"faimi_redirects: {problem}", location=_location(app, old_url),
                type="faimi", subtype="redirect",
            )
        elif _writes_pages(app) and outfiles.get(redirect_file(old_url)) != target:
            # (a builder whose page of the target is at the old address needs no redirect)
            path = Path(app.builder.outdir, *redirect_file(old_url).split("/"))
            write_if_changed(path, render(app, old_url, target))


def setup_redirects(app: Sphinx) -> None:
    app.add_config_value("faimi_redirects", {}, "", types=[dict])
    app.connect("build-finished", _write_redirects)
