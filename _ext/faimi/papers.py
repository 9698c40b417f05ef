"""The ``papers`` directive: an event's accepted papers, from its papers file.

    :::{papers} 2025-miccai-workshop.papers.yaml
    :presentation: oral
    :::

Below the page's ``event-summary``: the file is the event's own papers file (named
after its facts file), and the awards of the event show on the papers that won them.
Each paper is a stable anchor (``#paper-<id>``) and a cross-reference label that the
``awards`` directive links to, in every builder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .datafiles import named_path
from .docdata import keep_per_doc, per_doc
from .event_model import Event
from .events import event_for, external_link, page_event
from .papers_model import PRESENTATIONS, Paper, load_papers, papers_file_for
from .paths import inside, outside_message
from .people_list import person_name
from .programme import paper_label
from .programme_model import Award
from .registry import Registry, registry
from .report import report, warn_at
from .speakers import PersonRef

logger = logging.getLogger("faimi")

PRESENTATION_TEXT = {"oral": "Oral presentation", "poster": "Poster"}
LINK_TEXT = {"paper": "Paper", "code": "Code", "poster": "Poster", "slides": "Slides", "recording": "Recording"}
#: Between the facts of a paper (presentation, award, links).
SEPARATOR = " · "


def author_line(authors: Sequence[PersonRef], et_al: bool, people: Registry) -> list[nodes.Node]:
    """"A, B and C", or "A, B, et al." when the list is not complete."""
    out: list[nodes.Node] = []
    for i, ref in enumerate(authors):
        if i:
            out.append(nodes.Text(" and " if i == len(authors) - 1 and not et_al else ", "))
        out.append(person_name(ref.shown(people)))
    if et_al:
        out.append(nodes.Text(", et al."))
    return out


def awards_by_paper(event: Event) -> dict[str, list[Award]]:
    """The awards each winning paper won, by paper id."""
    won: dict[str, list[Award]] = {}
    for award in event.awards:
        for winner in award.winners:
            if winner.paper:
                won.setdefault(winner.paper, []).append(award)
    return won


def paper_facts(paper: Paper, awards: Sequence[Award]) -> list[nodes.Node]:
    """How it was presented, what it won, and its links, one after the other."""
    facts: list[nodes.Node] = []
    if paper.presentation:
        kind = paper.presentation
        facts.append(nodes.inline("", PRESENTATION_TEXT[kind],
                                  classes=["faimi-paper__presentation", f"faimi-paper__presentation--{kind}"]))
    facts += [nodes.inline("", f"Winner of the {a.name}", classes=["faimi-paper__award"]) for a in awards]
    links = paper.links.model_dump(exclude_none=True) if paper.links else {}
    facts += [external_link(LINK_TEXT[kind], url) for kind, url in links.items()]
    out: list[nodes.Node] = []
    for i, fact in enumerate(facts):
        out += [nodes.Text(SEPARATOR)] if i else []
        out.append(fact)
    return out


def paper_item(paper: Paper, target: nodes.target | None, awards: Sequence[Award], people: Registry) -> nodes.list_item:
    """One paper: its title (the anchor), its authors, its facts."""
    title = nodes.paragraph("", "", *([target] if target else []),
                            nodes.inline("", paper.title, classes=["faimi-paper__title"]))
    parts: list[nodes.Node] = [title, nodes.paragraph("", "", *author_line(paper.authors, paper.et_al, people),
                                                      classes=["faimi-paper__authors"])]
    facts = paper_facts(paper, awards)
    if facts:
        parts.append(nodes.paragraph("", "", *facts, classes=["faimi-paper__facts"]))
    classes = ["faimi-paper"] + ([f"faimi-paper--{paper.presentation}"] if paper.presentation else [])
    classes += ["faimi-paper--award"] if awards else []
    return nodes.list_item("", *parts, classes=classes)


class PapersDirective(SphinxDirective):
    """``:::{papers} NAME.papers.yaml``, after the page's event-summary."""

    optional_arguments = 1
    option_spec = {
        "presentation": lambda arg: directives.choice(arg, tuple(PRESENTATIONS)),
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        if event_for(self, "papers shows the papers of the page's event", lambda e: True, "", "papers") is None:
            return []
        record = page_event(self.env)
        assert record is not None
        shown = papers_file_for(record.source)
        path = Path(self.env.srcdir, shown)
        if self.arguments and named_path(self.env, self.arguments[0]) != path:
            warn_at(self, f"the papers of this page's event are in {shown} (named after its facts file "
                          f"{record.source}), not {self.arguments[0]}; write :::{{papers}} "
                          f"{Path(shown).name}", "papers")
            return []
        self.env.note_dependency(str(path))
        if not inside(Path(self.env.srcdir), path):
            warn_at(self, outside_message(self.arguments[0] if self.arguments else shown), "papers")
            return []
        if not path.is_file():
            warn_at(self, f"data file '{shown}' not found: list the event's papers there", "papers")
            return []
        people = registry(self.env)
        papers, _, problems = load_papers(path, shown, context={"registry": people})
        report(problems, "papers")
        if papers is None:
            return []
        won = awards_by_paper(record.event)
        # A paper shown twice on the page (or a second paper with one id, reported) has no anchor.
        anchored: set[str] = self.env.temp_data.setdefault("faimi_anchored_papers", set())
        items = []
        for paper in papers.root:
            if self.options.get("presentation", paper.presentation) != paper.presentation:
                continue
            target = None
            if paper.key not in anchored:
                anchored.add(paper.key)
                target = nodes.target("", "", ids=[paper.anchor], names=[paper_label(record.source, paper.key)])
                self.state.document.note_explicit_target(target)
            items.append(paper_item(paper, target, won.get(paper.key, []), people))
        return [nodes.bullet_list("", *items, classes=["faimi-papers", *self.options.get("class", [])])]


def paper_reference(directive: SphinxDirective, facts_file: str, paper_key: str, text: str,
                    quiet: bool = False) -> addnodes.pending_xref:
    """A link to a paper of the event, resolved by Sphinx in every builder; ``quiet``: when
    no page shows the paper, the text stays without a link and without a warning."""
    xref = addnodes.pending_xref(
        "", nodes.inline("", text), refdomain="std", reftype="ref", reftarget=paper_label(facts_file, paper_key),
        refexplicit=True, refwarn=True, refdoc=directive.env.docname, faimi_quiet=quiet,
    )
    directive.set_source_info(xref)
    return xref


def _paper_not_shown(app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref,
                     contnode: nodes.Element) -> nodes.Node | None:
    """A winning paper that no page shows: say how to show it, and keep its title as text
    (an agenda's paper, quietly: a page may well show its agenda without its papers)."""
    target = node.get("reftarget", "")
    if node.get("refdomain") != "std" or not target.startswith("paper:"):
        return None
    if node.get("faimi_quiet"):
        return contnode
    _, facts, key = target.split(":", 2)
    source, line = node.source or "", node.line
    shown = Path(source).relative_to(env.srcdir).as_posix() if Path(source).is_relative_to(env.srcdir) else source
    logger.warning(f"the paper '{key}' is on no page, so its award cannot link to it: show the papers of "
                   f"{papers_file_for(facts)} with :::{{papers}} on the event's page",
                   location=f"{shown}:{line}", type="faimi", subtype="awards")
    return contnode


def papers_anchor(env: BuildEnvironment, docname: str) -> str | None:
    """The id of the section of ``docname`` that lists its event's papers ("" for the top
    of the page), or ``None`` when the page lists none."""
    return per_doc(env, "faimi_papers_section").get(docname)


def _note_papers_section(app: Sphinx, doctree: nodes.document) -> None:
    """Keep where the page's first list of papers is: the section that holds it."""
    shown = next(doctree.findall(lambda n: isinstance(n, nodes.bullet_list) and "faimi-papers" in n["classes"]
                                 and len(n.children) > 0), None)
    section = shown.parent if shown is not None else None
    while section is not None and not isinstance(section, nodes.section):
        section = section.parent
    kept = per_doc(app.env, "faimi_papers_section")
    if shown is None:
        kept.pop(app.env.docname, None)
    else:
        kept[app.env.docname] = section["ids"][0] if section is not None and section["ids"] else ""


def setup_papers(app: Sphinx) -> None:
    app.add_directive("papers", PapersDirective)
    app.connect("doctree-read", _note_papers_section)
    keep_per_doc(app, "faimi_papers_section")
    app.connect("missing-reference", _paper_not_shown)
