"""Links for editors: from a page to the files on GitHub that make it.

The page's own source gets furo's "Edit this page" button (``html_theme_options``
``source_repository``/``source_branch``, set in ``conf.py``). A page built from data
files (an event's facts and agenda, the people registry, a bibliography) also lists
those files at its foot, each linked to GitHub's editor. The files are the page's
recorded dependencies (``env.note_dependency``), and the people registry where the
page looked people up (:func:`faimi.registry.used_entries`), so the list is right in
incremental and parallel builds without any data of its own in the environment.

The links are docutils nodes rendered by the HTML builder (escaped like every
other node) and handed to ``_templates/page.html`` as ``faimi_data_links``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .registry import used_entries

#: The files an editor changes to change a page's facts (photos and the like are not).
DATA_SUFFIXES = (".yaml", ".yml", ".bib")


def edit_url(app: Sphinx, relpath: str) -> str | None:
    """GitHub's editor for ``relpath`` (from the project root), if a repository is set."""
    options = app.config.html_theme_options
    repository = str(options.get("source_repository", "")).rstrip("/")
    branch = options.get("source_branch", "")
    if not repository or not branch:
        return None
    folder = str(options.get("source_directory", "")).strip("/")
    return f"{repository}/edit/{branch}/{folder + '/' if folder else ''}{relpath}"


def data_files(env: BuildEnvironment, docname: str) -> list[str]:
    """The data files the page depends on, as paths from the project root: its own
    (``events/x.yaml``, ``events/x.agenda.yaml``) first, then shared ones."""
    srcdir = Path(env.srcdir)
    found = set()
    dependencies = [srcdir / dependency for dependency in env.dependencies.get(docname, ())]
    if used_entries(env).get(docname):
        dependencies.append(srcdir / env.config.faimi_people_file)
    for path in dependencies:
        if path.suffix in DATA_SUFFIXES and path.is_file() and path.is_relative_to(srcdir):
            found.add(path.relative_to(srcdir).as_posix())
    return sorted(found, key=lambda path: (not path.startswith(f"{docname}."), len(path), path))


def data_links(app: Sphinx, files: list[str]) -> nodes.container | None:
    """``Edit this page's data on GitHub: events/x.yaml, people/people.yaml``."""
    links = [(path, url) for path in files if (url := edit_url(app, path))]
    if not links:
        return None
    paragraph = nodes.paragraph("", "Edit this page's data on GitHub: ")
    for i, (path, url) in enumerate(links):
        if i:
            paragraph += nodes.Text(", ")
        paragraph += nodes.reference("", "", nodes.literal("", path), refuri=url, internal=False)
    return nodes.container("", paragraph, classes=["faimi-edit-data"])


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if doctree is None or not hasattr(app.builder, "render_partial"):
        return
    node = data_links(app, data_files(app.env, pagename))
    if node is not None:
        context["faimi_data_links"] = app.builder.render_partial(node)["fragment"]


def setup_editlinks(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
