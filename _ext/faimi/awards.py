"""The ``awards`` directive: the awards of the page's event and who won them.

    :::{awards}
    :::

    :::{awards} horizon
    :::

All the event's awards, or the one whose id is given (so that the page's prose about
an award, such as its criteria, can sit next to it). A winning paper links to the
paper's entry in the event's papers (a cross-reference, right in every builder); a
winning person shows with the affiliation they had then (given on the winner, or on the
event's own entry for them, else the registry's); so does the person a paper's award went
to, when the winner names them beside the paper.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .event_photos import event_image
from .events import named_link
from .papers import author_line, paper_reference
from .papers_model import Papers
from .people_list import person_nodes
from .programme import programme_event, registry_image
from .programme_files import quiet_papers
from .programme_model import Award, AwardWinner
from .registry import Registry, note_photo_dependencies, registry
from .report import warn_at
from .speakers import at_the_time, occasion_of

#: The width of a winner's photo and of an award's group photo, in CSS pixels.
WINNER_PHOTO, GROUP_PHOTO = 96, 720


class AwardsDirective(SphinxDirective):
    """All the awards of the page's event, or one (by id)."""

    optional_arguments = 1
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        record = programme_event(self, "awards shows the awards", "awards")
        if record is None:
            return []
        awards = record.event.awards
        if self.arguments:
            awards = [a for a in awards if a.id == self.arguments[0]]
            if not awards:
                known = ", ".join(a.id for a in record.event.awards)
                warn_at(self, f"the page's event has no award '{self.arguments[0]}'; its awards are: {known} "
                              f"(e.g. :::{{awards}} {record.event.awards[0].id})", "awards")
                return []
        people = registry(self.env)
        note_photo_dependencies(self.env, [w.id for a in awards for w in a.winners if w.id])
        papers = quiet_papers(self.env, record.source) if any(w.paper for a in awards for w in a.winners) else None
        self.occasion = occasion_of(record.event.organisers, record.event.keynotes, record.event.editors)
        items = [self.award_item(award, record.source, papers, people) for award in awards]
        return [nodes.definition_list("", *items, classes=["faimi-awards", *self.options.get("class", [])])]

    def award_item(self, award: Award, facts_file: str, papers: Papers | None, people: Registry) -> nodes.Node:
        """The award's name, then its sponsor, its winners and its photo."""
        body: list[nodes.Node] = []
        if award.sponsor:
            body.append(nodes.paragraph("", "Sponsored by ", named_link(award.sponsor), nodes.Text("."),
                                        classes=["faimi-award__sponsor"]))
        winners = [self.winner_item(w, facts_file, papers, people) for w in award.winners]
        if winners:
            body.append(nodes.bullet_list("", *winners, classes=["faimi-award__winners"]))
        else:
            body.append(nodes.paragraph("", "No winners are listed yet.", classes=["faimi-award__none"]))
        if award.photo:
            body += event_image(self.env, facts_file, award.photo, GROUP_PHOTO, ["faimi-award__photo"])
        return nodes.definition_list_item(
            "", nodes.term("", award.name), nodes.definition("", *body), classes=["faimi-award"]
        )

    def winner_item(self, winner: AwardWinner, facts_file: str, papers: Papers | None,
                    people: Registry) -> nodes.list_item:
        """A winning person, paper (linked to its entry, with its authors), or person for a paper
        ("Ada Lovelace, Babbage Lab, for <the paper>"), with their photo where there is one."""
        person = at_the_time(winner, self.occasion).shown(people) if winner.names_person else None
        shown: list[nodes.Node] = person_nodes(person) if person else []
        if winner.paper:
            paper = papers.by_key.get(winner.paper) if papers else None
            # An unreadable papers file is reported where the papers are shown: no second warning.
            link = paper_reference(self, facts_file, winner.paper, paper.title if paper else winner.paper,
                                   quiet=papers is None)
            shown += [nodes.Text(", for "), link] if person else [link]
            if paper and not person:
                shown += [nodes.Text(", by "), *author_line(paper.authors, paper.et_al, people)]
        registry_photo = person.photo if person else None
        classes = ["faimi-award__winner-photo"]
        photo = (event_image(self.env, facts_file, winner.photo, WINNER_PHOTO, classes) if winner.photo
                 else registry_image(self.env, registry_photo, WINNER_PHOTO, classes))
        kind = "paper" if winner.paper else "person"
        return nodes.list_item("", *photo, nodes.paragraph("", "", *shown),
                               classes=["faimi-award__winner", f"faimi-award__winner--{kind}"])


def setup_awards(app: Sphinx) -> None:
    app.add_directive("awards", AwardsDirective)
