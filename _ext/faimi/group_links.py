"""Registry groups named on a page ("the organizers"), linked to where the group is listed.

``people-list`` records each group it shows (page and anchor) in the environment, by
docname; a group named elsewhere is a ``pending_xref`` resolved to that listing once all
pages are read. A group listed on several pages links to the first page by name (the
same in serial and parallel builds); a group listed nowhere is plain text. When a page
that lists (or listed) a group is read again, the pages naming that group are written
again, so their links follow.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from .docdata import keep_per_doc, per_doc

REFTYPE = "faimi-group"


def places(env: BuildEnvironment) -> dict[str, dict[str, str]]:
    """Anchor of each group listed on each page: ``{docname: {group: anchor}}``."""
    return per_doc(env, "faimi_group_places")


def naming(env: BuildEnvironment) -> dict[str, set[str]]:
    """The groups each page names (and links to): ``{docname: {group}}``."""
    return per_doc(env, "faimi_group_names")


def group_anchor(group: str) -> str:
    return f"people-{group}"


def note_group_listed(env: BuildEnvironment, group: str) -> str:
    """Record that the page being read lists ``group``; the anchor to give the listing."""
    anchor = group_anchor(group)
    places(env).setdefault(env.docname, {}).setdefault(group, anchor)
    return anchor


def group_reference(group: str, title: str) -> addnodes.pending_xref:
    """The group's name, to be linked to where the group is listed."""
    name = nodes.inline("", title, classes=["faimi-person__name", "faimi-person__group"])
    return addnodes.pending_xref("", name, refdomain="", reftype=REFTYPE, reftarget=group,
                                 refexplicit=True, refwarn=False)


def _resolve(app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref,
             contnode: nodes.Element) -> nodes.Node | None:
    if node.get("reftype") != REFTYPE:
        return None
    group = node["reftarget"]
    listed = sorted(doc for doc, groups in places(env).items() if group in groups)
    if not listed:
        return contnode
    docname = listed[0]
    return make_refnode(app.builder, node["refdoc"], docname, places(env)[docname][group], contnode)


def _note_names(app: Sphinx, doctree: nodes.document) -> None:
    groups = {n["reftarget"] for n in doctree.findall(addnodes.pending_xref) if n.get("reftype") == REFTYPE}
    if groups:
        naming(app.env)[app.env.docname] = groups


# The pages read again in this build, and the groups they listed before: kept by the
# main process for one build, not in the environment.
_reading: set[str] = set()
_listed_before: set[str] = set()


def _note_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _reading.update(docnames)


def _note_listed_before(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _listed_before.update(places(env).get(docname, ()))


def _rewrite_namers(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages not read again that name a group listed, before or now, on a page that was."""
    reading = set(_reading)
    moving = _listed_before | {g for doc in reading for g in places(env).get(doc, ())}
    _reading.clear()
    _listed_before.clear()
    return sorted(doc for doc, groups in naming(env).items() if groups & moving and doc not in reading)


def setup_group_links(app: Sphinx) -> None:
    app.connect("missing-reference", _resolve)
    app.connect("doctree-read", _note_names)
    app.connect("env-before-read-docs", _note_reading)
    app.connect("env-purge-doc", _note_listed_before, priority=400)  # before the purge below
    app.connect("env-get-updated", _rewrite_namers)
    keep_per_doc(app, "faimi_group_places")
    keep_per_doc(app, "faimi_group_names")
