"""Registry groups named on a page ("the organizers"), linked to where the group is listed.

``people-list`` records each group it shows (page and anchor) in the environment, by
docname; a group named elsewhere is a ``pending_xref`` resolved to that listing once all
pages are read. A group listed on several pages links to the first page by name (the
same in serial and parallel builds); a group listed nowhere is plain text.
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


def setup_group_links(app: Sphinx) -> None:
    app.connect("missing-reference", _resolve)
    keep_per_doc(app, "faimi_group_places")
