"""A label defined on several pages leads to the same page in serial and parallel builds.

A target such as ``(tldr)=`` on many pages (an old site's anchors) defines one label
many times; Sphinx keeps the last page it read, and pages read in parallel arrive in no
fixed order, so ``objects.inv`` (and a ``{ref}`` to such a label) would differ from
build to build. Each page's labels are kept by docname; once all pages are read, each
label leads to the last of its pages by name, as a serial build leaves it.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .docdata import keep_per_doc, per_doc

_KEPT = "faimi_labels"


def _note(app: Sphinx, doctree: nodes.document) -> None:
    """Keep the labels the page being read defines (the standard domain has just taken them)."""
    env = app.env
    anonlabels = env.domains.standard_domain.anonlabels
    per_doc(env, _KEPT)[env.docname] = {
        name: anonlabels[name] for name, explicit in doctree.nametypes.items()
        if explicit and anonlabels.get(name, ("",))[0] == env.docname
    }


def _settle(app: Sphinx, env: BuildEnvironment) -> None:
    anonlabels = env.domains.standard_domain.anonlabels
    for docname in sorted(per_doc(env, _KEPT)):
        anonlabels.update(per_doc(env, _KEPT)[docname])


def setup_labels(app: Sphinx) -> None:
    keep_per_doc(app, _KEPT)
    app.connect("doctree-read", _note)
    app.connect("env-updated", _settle)
