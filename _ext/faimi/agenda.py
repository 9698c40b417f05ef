"""The ``agenda`` directive: an event's agenda YAML as an accessible table.

The page's ``event-summary`` must come first: the agenda takes its date and time
zone from the event, so a time can never disagree with the event it belongs to.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .agenda_model import TBC, Agenda, AgendaItem
from .datafiles import load_model
from .event_model import Event
from .events import event_for
from .nodes import header, moment
from .people_list import byline
from .registry import Registry, note_registry_dependency, registry
from .speakers import PersonRef
from .report import report
from .timefmt import localize, long_date, zone_label
from .yamldata import Problem, YamlData

COLUMNS = (("Time", 16), ("Speakers", 34), ("Title", 50))


def sequence_problems(items: list[AgendaItem], doc: YamlData) -> list[Problem]:
    """Items out of time order, and items that start before an earlier one ends."""
    problems: list[Problem] = []
    last_start = latest_end = None
    for i, item in enumerate(items):
        if item.start is None:
            continue
        if last_start is not None and item.start < last_start:
            problems.append(doc.problem((i, "start"), (
                f"[{i}]: the items are out of order: this one starts at {item.start:%H:%M}, before "
                f"the one above it ({last_start:%H:%M}); list the items in time order"
            )))
        elif latest_end is not None and item.start < latest_end:
            problems.append(doc.problem((i, "start"), (
                f"[{i}]: this item starts at {item.start:%H:%M}, before the item above it ends "
                f"({latest_end:%H:%M}): they overlap; correct one of the times"
            )))
        last_start = item.start
        if item.end is not None:
            latest_end = max(latest_end, item.end) if latest_end else item.end
    return problems


def _muted(text: str) -> nodes.inline:
    return nodes.inline("", text, classes=["faimi-tbc"])


def time_cell(item: AgendaItem, event: Event) -> nodes.Node:
    assert event.date and event.timezone and item.start
    start = localize(event.date, item.start, event.timezone)
    shown: list[nodes.Node] = [moment(f"{start:%H:%M}", start)]
    if item.end:
        end = localize(event.date, item.end, event.timezone)
        shown += [nodes.Text("–"), moment(f"{end:%H:%M}", end)]
    return header("row", nodes.paragraph("", "", *shown), classes=["faimi-agenda__time"])


def occasion_refs(event: Event) -> dict[str, PersonRef]:
    """The event's own references to people, whose overrides hold for the whole page."""
    return {ref.id: ref for ref in (*event.organisers, *event.keynotes) if ref.id}


def speakers_cell(item: AgendaItem, people: Registry, occasion: dict[str, PersonRef]) -> nodes.entry:
    if not item.speakers:
        return nodes.entry("", classes=["faimi-agenda__speakers"])
    if any(ref.id == TBC for ref in item.speakers):
        content: list[nodes.Node] = [_muted("to be confirmed")]
    else:
        # An organiser named as a bare id is shown as the event shows them.
        refs = [occasion.get(ref.id, ref) if ref.bare and ref.id else ref for ref in item.speakers]
        content = byline([ref.shown(people) for ref in refs])
    return nodes.entry("", nodes.paragraph("", "", *content), classes=["faimi-agenda__speakers"])


def title_cell(item: AgendaItem) -> nodes.entry:
    if item.to_be_confirmed:
        content: list[nodes.Node] = [_muted("to be confirmed")]
    elif item.kind == "keynote":
        content = [nodes.inline("", "Keynote: ", classes=["faimi-agenda__label"]), nodes.strong("", item.title)]
    else:
        content = [nodes.Text(item.title)]
    links = item.links.model_dump(exclude_none=True) if item.links else {}
    for i, (label, url) in enumerate(links.items()):
        content += [
            nodes.Text(" (" if i == 0 else ", "),
            nodes.reference("", label, refuri=url, internal=False, classes=["faimi-agenda__link"]),
        ]
    if links:
        content.append(nodes.Text(")"))
    return nodes.entry("", nodes.paragraph("", "", *content), classes=["faimi-agenda__title"])


def item_row(item: AgendaItem, event: Event, people: Registry, occasion: dict[str, PersonRef]) -> nodes.row:
    classes = ["faimi-agenda__item", f"faimi-agenda__item--{item.kind}"]
    if item.kind == "session":
        heading = nodes.paragraph("", "", nodes.strong("", item.title))
        return nodes.row("", nodes.entry("", heading, morecols=len(COLUMNS) - 1), classes=classes)
    if item.to_be_confirmed:
        classes.append("faimi-agenda__item--tbc")
    return nodes.row(
        "", time_cell(item, event), speakers_cell(item, people, occasion), title_cell(item), classes=classes
    )


def agenda_table(items: list[AgendaItem], event: Event, people: Registry, caption: str) -> nodes.table:
    """The table: a caption naming the zone, a header row, one row per item."""
    assert event.date and event.timezone
    first = next((i.start for i in items if i.start), None)
    sentences = [caption or f"Agenda of {long_date(event.date)}."]
    if first is not None:
        sentences.append(
            f"All times are {zone_label(localize(event.date, first, event.timezone), event.timezone)}."
        )
    group = nodes.tgroup("", cols=len(COLUMNS))
    group += [nodes.colspec("", colwidth=width) for _, width in COLUMNS]
    group += nodes.thead("", nodes.row("", *(header("col", nodes.paragraph("", name)) for name, _ in COLUMNS)))
    occasion = occasion_refs(event)
    group += nodes.tbody("", *(item_row(item, event, people, occasion) for item in items))
    return nodes.table("", nodes.title("", " ".join(sentences)), group, classes=["faimi-agenda"])


class AgendaDirective(SphinxDirective):
    """``:::{agenda} 2025-london-symposium.agenda.yaml``, after the page's event-summary."""

    required_arguments = 1
    option_spec = {"caption": directives.unchanged, "class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        event = event_for(self, "an agenda needs the date and time zone of the page's event",
                          lambda e: e.date and e.timezone, " (a dated event)", "agenda")
        if event is None:
            return []
        note_registry_dependency(self.env)
        people = registry(self.env)
        agenda, doc = load_model(self, self.arguments[0], Agenda, "agenda", context={"registry": people})
        if agenda is None or doc is None:
            return []
        report(sequence_problems(agenda.root, doc), "agenda")
        table = agenda_table(agenda.root, event, people, self.options.get("caption", ""))
        table["classes"] += self.options.get("class", [])
        return [table]


def setup_agenda(app: Sphinx) -> None:
    app.add_directive("agenda", AgendaDirective)
