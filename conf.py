"""Sphinx configuration of the FAIMI site."""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "Fairness of AI in Medical Imaging"
author = "The FAIMI organizers"
copyright = "2022–2026, the FAIMI organizers"
language = "en"

extensions = [
    "myst_parser",
    "sphinx_design",
    "notfound.extension",
    "sphinxext.opengraph",
    "sphinxcontrib.bibtex",
    "faimi",
]

# Only the site's own pages are sources: README, tests and build output are not.
include_patterns = ["index.md", "404.md", "events/**", "people/**", "resources/**", "newsletter/**"]
exclude_patterns = ["_build", ".venv", "**/.pytest_cache"]

myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "FAIMI"
html_static_path = ["_static"]
templates_path = ["_templates"]
# The site publishes pages, not their Markdown sources.
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_favicon = "_static/favicon.svg"
html_use_index = False  # the site has no index entries: no empty "Index" page

#: The GitHub repository ("OWNER/NAME") whose files the "Edit" links open; the
#: workflow passes its own (``github.repository``), so a fork links to itself.
faimi_repository = os.environ.get("FAIMI_REPOSITORY", "").strip() or "faimi-workshop/faimi-workshop.github.io"
html_theme_options = {
    "source_repository": f"https://github.com/{faimi_repository}/",
    "source_branch": "main",
    "source_directory": "",  # conf.py is at the repository's root
    "top_of_page_buttons": ["edit"],
}

faimi_people_file = "people/people.yaml"

# The reading list (resources/): every BibTeX file there, in the site's own style
# (_ext/faimi/reading_list.py: titles as written, each linked to the work).
_here = Path(__file__).parent
bibtex_bibfiles = sorted(p.relative_to(_here).as_posix() for p in _here.glob("resources/*.bib"))
bibtex_default_style = "faimi"
# A page per person of the registry, written by the build into people/ (git ignores them).
faimi_people_pages = True
smartquotes = False  # names and titles from the data are shown exactly as written
faimi_today = os.environ.get("FAIMI_TODAY", "")  # "YYYY-MM-DD" pins the build date

# -- Publishing: the site's address, search engines, link previews, 404 ----------

#: Where the site is published; the deploy workflow passes the GitHub Pages URL (a
#: fork or preview may live under a sub-path, https://ORG.github.io/REPO/).
#: An address that is not http(s) is reported (faimi_baseurl_problem) and the default used.
from faimi.fields import site_address as _site_address  # noqa: E402 (the data layer: no Sphinx)

html_baseurl, faimi_baseurl_problem = _site_address(
    os.environ.get("FAIMI_BASEURL", ""), "https://faimi-workshop.github.io/")

# sitemap.xml (written by the extension, faimi/sitemap.py): every page's address, sorted.

# OpenGraph tags for link previews: one site image, no generated per-page cards; the
# page's first words also become its <meta name="description">.
ogp_site_url = html_baseurl
ogp_image = "_static/faimi-og.png"
ogp_image_alt = "FAIMI, Fairness of AI in Medical Imaging"
ogp_social_cards = {"enable": False}
ogp_enable_meta_description = True

# The 404 page (404.md) is served at any missing address: its links are absolute
# paths under the site's own path ("/" or "/REPO/").
notfound_urls_prefix = urlsplit(html_baseurl).path

# -- Redirects from the old site ------------------------------------------------
# Every URL of the old Jekyll site whose content lives on under another address: old
# URL path -> docname. The build writes a small page at each old address (a folder's
# page also answers /OLD/index.html) that leads to the new page, keeping the #section;
# a target that does not exist fails the build. The old site's other addresses are
# pages here as they were (/, /index.html, /resources/, /newsletter/); tests/data/
# old-site.json lists them all and tests/test_old_site.py checks each one.
faimi_redirects = {
    "/2022/": "events/2022-online-workshop",
    # The old site's own redirects (layout: redirected), with and without a slash.
    "/2022/submission/": "events/2022-online-workshop",
    "/2022/submission.html": "events/2022-online-workshop",
    "/2022/submissions/": "events/2022-online-workshop",
    "/2022/submissions.html": "events/2022-online-workshop",
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
    # The newsletter's pages were files (.html) on the old site; the mail service sends
    # new subscribers to the confirmation page's old address.
    "/newsletter/privacy.html": "newsletter/privacy",
    "/newsletter/confirmation.html": "newsletter/confirmation",
}
