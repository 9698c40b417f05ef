"""The ``agenda`` directive: an event's agenda YAML as accessible tables, one per day.

The page's ``event-summary`` must come first: the agenda takes its date(s), hours and
time zone from the event, so a time can never disagree with the event it belongs to.
A multi-day agenda shows one table per day, each captioned with its date, after a line
that links to every day: all days stay visible (also in print and in the text and
LaTeX builders), which tabs would hide.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .agenda_checks import agenda_problems
from .agenda_model import KIND_LABELS, Agenda, AgendaItem, Talk
from .agenda_papers import papers_for
from .calendar import note_programme
from .datafiles import load_model
from .event_model import Event
from .events import event_for, page_event
from .nodes import collapsed, header, moment
from .papers import paper_reference
from .papers_model import Paper
from .people_list import byline
from .registry import Registry, registry
from .report import report
from .speakers import TBC, PersonRef, ShownPerson, at_the_time, occasion_of
from .timefmt import localize, long_date, zone_label

COLUMNS = (("Time", 16), ("Speakers", 34), ("Title", 50))


#: Makes the link to a paper of the event from its id and the text shown.
PaperLink = Callable[[str, str], nodes.Node]


class ShownTalk:
    """What the page shows of one agenda item or grouped talk: facts of the agenda, the
    event's papers file and the registry, merged (affiliations as at the event); the title
    of a paper links to the paper's entry (``link``: the paper's id and the title to a link)."""

    def __init__(self, talk: Talk, people: Registry, occasion: Mapping[str, PersonRef],
                 papers: Mapping[str, Paper], link: PaperLink | None = None) -> None:
        paper = papers.get(talk.paper) if talk.paper else None
        self.talk = talk
        self.paper_link: Callable[[str], nodes.Node] | None = partial(link, paper.key) if paper and link else None
        self.title = talk.title or (paper.title if paper else "")
        refs = talk.speakers or (paper.authors if paper else [])
        self.tbc_speakers = any(ref.id == TBC for ref in refs)
        self.people = [at_the_time(ref, occasion).shown(people) for ref in refs if ref.id != TBC]
        self.et_al = talk.et_al or bool(not talk.speakers and paper and paper.et_al)
        links = paper.links.model_dump(exclude_none=True) if paper and paper.links else {}
        self.links = {**links, **(talk.links.model_dump(exclude_none=True) if talk.links else {})}

    @property
    def to_be_confirmed(self) -> bool:
        return self.title.strip().lower() == TBC


def _muted(text: str) -> nodes.inline:
    return nodes.inline("", text, classes=["faimi-tbc"])


def time_cell(start: dt.time | None, end: dt.time | None, day: dt.date, zone: str) -> nodes.Node:
    shown: list[nodes.Node] = []
    if start:
        begins = localize(day, start, zone)
        shown.append(moment(f"{begins:%H:%M}", begins))
    if end:
        ends = localize(day, end, zone)
        shown += [nodes.Text("–"), moment(f"{ends:%H:%M}", ends)]
    return header("row", nodes.paragraph("", "", *shown), classes=["faimi-agenda__time"])


def people_text(people: list[ShownPerson], et_al: bool) -> list[nodes.Node]:
    """Names with affiliations, and ", et al." when the list is not complete."""
    out = byline(people)
    if et_al:
        out.append(nodes.inline("", ", et al.", classes=["faimi-agenda__et-al"]))
    return out


def role_line(
    label: str, refs: list[PersonRef], people: Registry, occasion: Mapping[str, PersonRef]
) -> list[nodes.Node]:
    """"Chair: A (X)" or "Moderators: A (X) and B (Y)"; nothing without people."""
    if not refs:
        return []
    shown = [at_the_time(ref, occasion).shown(people) for ref in refs]
    label += "s" if len(refs) > 1 else ""
    return [nodes.paragraph("", "", nodes.inline("", f"{label}: ", classes=["faimi-agenda__label"]),
                            *byline(shown), classes=["faimi-agenda__role"])]


def speakers_cell(
    shown: ShownTalk, item: AgendaItem, people: Registry, occasion: Mapping[str, PersonRef]
) -> nodes.entry:
    content: list[nodes.Node] = []
    if shown.tbc_speakers:
        content.append(nodes.paragraph("", "", _muted("to be confirmed")))
    elif shown.people:
        content.append(nodes.paragraph("", "", *people_text(shown.people, shown.et_al)))
    content += role_line("Moderator", item.moderators, people, occasion)
    return nodes.entry("", *content, classes=["faimi-agenda__speakers"])


def kind_label(kind: str, title: str) -> str | None:
    """The kind named in text, unless the title names it already ("Coffee break")."""
    label = KIND_LABELS[kind]
    if label is None or label.split()[0].lower().rstrip("s") in title.lower():
        return None
    return label


def links_line(links: Mapping[str, str]) -> list[nodes.Node]:
    """ "(slides, recording)", each linked."""
    out: list[nodes.Node] = []
    for i, (label, url) in enumerate(links.items()):
        out += [nodes.Text(" (" if i == 0 else ", "),
                nodes.reference("", label, refuri=url, internal=False, classes=["faimi-agenda__link"])]
    return [*out, nodes.Text(")")] if out else []


def talk_body(shown: ShownTalk, kind: str = "talk") -> list[nodes.Node]:
    """Title (with its kind named), links, note and the abstract behind a summary."""
    if shown.to_be_confirmed:
        title: list[nodes.Node] = [_muted("to be confirmed")]
    else:
        text = shown.paper_link(shown.title) if shown.paper_link else nodes.Text(shown.title)
        title = [nodes.strong("", "", text) if kind in ("keynote", "session") else text]
    if label := kind_label(kind, shown.title):
        title.insert(0, nodes.inline("", f"{label}: ", classes=["faimi-agenda__label"]))
    out: list[nodes.Node] = [nodes.paragraph("", "", *title, *links_line(shown.links))]
    if shown.talk.note:
        out.append(nodes.paragraph("", "", nodes.emphasis("", shown.talk.note), classes=["faimi-agenda__note"]))
    if shown.talk.abstract:
        out.append(collapsed("Abstract", nodes.paragraph("", shown.talk.abstract), classes=["faimi-agenda__abstract"]))
    return out


def grouped_talks(talks: list[ShownTalk]) -> list[nodes.Node]:
    """The talks that share the slot: title and speakers of each, in a list."""
    if not talks:
        return []
    items = []
    for talk in talks:
        body = talk_body(talk)
        if talk.tbc_speakers or talk.people:
            who = [_muted("to be confirmed")] if talk.tbc_speakers else people_text(talk.people, talk.et_al)
            body.insert(1, nodes.paragraph("", "", *who, classes=["faimi-agenda__talk-speakers"]))
        items.append(nodes.list_item("", *body, classes=["faimi-agenda__talk"]))
    return [nodes.bullet_list("", *items, classes=["faimi-agenda__talks"])]


class Rows:
    """Turns the items of one day into table rows."""

    def __init__(self, event: Event, day: dt.date, people: Registry, papers: Mapping[str, Paper],
                 link: PaperLink | None = None) -> None:
        assert event.timezone
        self.event, self.day, self.people, self.papers, self.link = event, day, people, papers, link
        self.occasion = occasion_of(event.organisers, event.keynotes, event.editors)

    def shown(self, talk: Talk) -> ShownTalk:
        return ShownTalk(talk, self.people, self.occasion, self.papers, self.link)

    def rows(self, items: list[AgendaItem], in_session: bool = False) -> list[nodes.row]:
        out: list[nodes.row] = []
        for item in items:
            if item.kind == "session":
                out.append(self.session_row(item))
                out += self.rows(item.items, in_session=True)
            else:
                out.append(self.item_row(item, in_session))
        return out

    def session_row(self, item: AgendaItem) -> nodes.row:
        classes = ["faimi-agenda__item", "faimi-agenda__item--session"]
        chairs = role_line("Chair", item.chairs, self.people, self.occasion)
        heading = [*talk_body(self.shown(item), "session"), *chairs]
        start, end = item.extent()
        if start is None:
            return nodes.row("", nodes.entry("", *heading, morecols=len(COLUMNS) - 1), classes=classes)
        time = time_cell(start, end, self.day, self.event.timezone)
        return nodes.row("", time, nodes.entry("", *heading, morecols=len(COLUMNS) - 2), classes=classes)

    def item_row(self, item: AgendaItem, in_session: bool) -> nodes.row:
        shown = self.shown(item)
        classes = ["faimi-agenda__item", f"faimi-agenda__item--{item.kind}"]
        classes += ["faimi-agenda__item--in-session"] if in_session else []
        classes += ["faimi-agenda__item--tbc"] if shown.to_be_confirmed else []
        title = nodes.entry("", *talk_body(shown, item.kind), *grouped_talks([self.shown(t) for t in item.talks]),
                            classes=["faimi-agenda__title"])
        return nodes.row("", time_cell(item.start, item.end, self.day, self.event.timezone),
                         speakers_cell(shown, item, self.people, self.occasion), title, classes=classes)


def first_start(items: list[AgendaItem]) -> dt.time | None:
    return next((t for item in items if (t := item.extent()[0])), None)


def agenda_table(rows: Rows, items: list[AgendaItem], caption: str) -> nodes.table:
    """One day's table: a caption naming the day and the zone, a header row, the items."""
    event, day = rows.event, rows.day
    assert event.timezone
    sentences = [caption or f"Agenda of {long_date(day)}."]
    if (first := first_start(items)) is not None:
        sentences.append(f"All times are {zone_label(localize(day, first, event.timezone), event.timezone)}.")
    group = nodes.tgroup("", cols=len(COLUMNS))
    group += [nodes.colspec("", colwidth=width) for _, width in COLUMNS]
    group += nodes.thead("", nodes.row("", *(header("col", nodes.paragraph("", name)) for name, _ in COLUMNS)))
    group += nodes.tbody("", *rows.rows(items))
    # The day (ISO) for what reads the table back: a person's page dates what they did by it.
    return nodes.table("", nodes.title("", " ".join(sentences)), group, classes=["faimi-agenda"],
                       faimi_day=day.isoformat())


def day_anchor(day: dt.date) -> str:
    return f"agenda-{day.isoformat()}"


def day_caption(number: int, day: dt.date, title: str | None, caption: str) -> str:
    named = f"Day {number}, {long_date(day)}" + (f": {title}" if title else "")
    return f"{caption} {named}." if caption else f"{named}."


def days_index(days: list[tuple[dt.date, str | None]]) -> nodes.paragraph:
    """"Days: Monday 1 June 2026 (Tutorials) · Tuesday 2 June 2026", each a link to its table."""
    out: list[nodes.Node] = [nodes.inline("", "Days: ", classes=["faimi-agenda__label"])]
    for i, (day, title) in enumerate(days):
        if i:
            out.append(nodes.Text(" · "))
        text = long_date(day) + (f" ({title})" if title else "")
        out.append(nodes.reference("", "", moment(text, day), refid=day_anchor(day), internal=True))
    return nodes.paragraph("", "", *out, classes=["faimi-agenda__days"])


def programme_text(agenda: Agenda, event: Event, days: list[tuple[dt.date, str | None, list[AgendaItem]]],
                   rows_of: dict[dt.date, Rows]) -> str:
    """The programme as plain text, for the event's calendar file."""
    assert event.timezone
    lines: list[str] = []
    for day, title, items in days:
        if agenda.multi_day:
            lines.append(long_date(day) + (f": {title}" if title else ""))
        for item in items:
            lines += _text_lines(item, rows_of[day])
    first = next(((d, t) for d, _, items in days if (t := first_start(items))), None)
    zone = f" (times in {zone_label(localize(first[0], first[1], event.timezone), event.timezone)})" if first else ""
    return f"Programme{zone}:\n" + "\n".join(lines)


def _text_lines(item: AgendaItem, rows: Rows, indent: str = "") -> list[str]:
    start, end = item.extent()
    when = (f"{start:%H:%M}" if start else "") + (f"–{end:%H:%M}" if end else "")
    shown = rows.shown(item)
    label = kind_label(item.kind, shown.title)
    title = ("to be confirmed" if shown.to_be_confirmed else shown.title)
    text = f"{indent}{when + ' ' if when else ''}{label + ': ' if label else ''}{title}"
    names = ", ".join(p.name + (f" ({p.affiliation})" if p.affiliation else "") for p in shown.people)
    lines = [text + (f" – {names}" if names else "") + (", et al." if names and shown.et_al else "")]
    for talk in item.talks:
        sub = rows.shown(talk)
        who = ", ".join(p.name for p in sub.people) + (", et al." if sub.et_al and sub.people else "")
        lines.append(f"{indent}  · {sub.title}" + (f" – {who}" if who else ""))
    for inner in item.items:
        lines += _text_lines(inner, rows, indent + "  ")
    return lines


class AgendaDirective(SphinxDirective):
    """``:::{agenda} 2025-london-symposium.agenda.yaml``, after the page's event-summary."""

    required_arguments = 1
    option_spec = {"caption": directives.unchanged, "class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        event = event_for(self, "an agenda needs the date and time zone of the page's event",
                          lambda e: e.date and e.timezone, " (a dated event)", "agenda")
        record = page_event(self.env)
        if event is None or record is None or event.date is None:
            return []
        people = registry(self.env)
        agenda, doc = load_model(self, self.arguments[0], Agenda, "agenda", context={"registry": people})
        if agenda is None or doc is None:
            return []
        papers = papers_for(self, record.source, agenda, doc, people)
        facts = Path(self.env.srcdir, record.source)
        report(agenda_problems(agenda, event, doc, facts, record.source), "agenda")
        days = [(day or event.date, title, items) for day, title, items in agenda.days]
        link = partial(paper_reference, self, record.source, quiet=True)
        rows_of = {day: Rows(event, day, people, papers, link) for day, _, _ in days}
        note_programme(self.env, programme_text(agenda, event, days, rows_of))
        return agenda_nodes(agenda.multi_day, days, rows_of, self.options.get("caption", ""),
                            self.options.get("class", []))


def agenda_nodes(multi_day: bool, days: list[tuple[dt.date, str | None, list[AgendaItem]]],
                 rows_of: dict[dt.date, Rows], caption: str, classes: list[str]) -> list[nodes.Node]:
    """A table per day; with several days, a line linking to each day's table first."""
    out: list[nodes.Node] = [days_index([(day, title) for day, title, _ in days])] if multi_day else []
    for number, (day, title, items) in enumerate(days, start=1):
        table = agenda_table(rows_of[day], items, day_caption(number, day, title, caption) if multi_day else caption)
        table["classes"] += classes
        if multi_day:
            table["ids"].append(day_anchor(day))
        out.append(table)
    return out


def setup_agenda(app: Sphinx) -> None:
    app.add_directive("agenda", AgendaDirective)
