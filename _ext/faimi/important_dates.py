"""The ``important-dates`` directive: an event's deadlines, in the zone they are given in."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .event_model import ImportantDates
from .events import event_for
from .nodes import header, moment, struck
from .timefmt import localize, short_date, zone_label


def dates_table(dates: ImportantDates) -> nodes.table:
    """What | Date, with changed dates (extended or brought forward) showing the old one struck through."""
    first = localize(dates.dates[0].date, dates.time, dates.timezone)
    caption = f"Important dates. Deadlines are at {dates.time:%H:%M} {zone_label(first, dates.timezone)}."
    rows = []
    for item in dates.dates:
        when = localize(item.date, dates.time, dates.timezone)
        shown: list[nodes.Node] = []
        if item.was:
            shown += [struck("", short_date(item.was), classes=["faimi-dates__was"]), nodes.Text(" ")]
        shown.append(moment(short_date(item.date), when))
        if item.was:
            note = " (brought forward)" if item.brought_forward else " (extended)"
            shown.append(nodes.inline("", note, classes=["faimi-dates__note"]))
        rows.append(nodes.row("", header("row", nodes.paragraph("", item.what)),
                              nodes.entry("", nodes.paragraph("", "", *shown))))
    group = nodes.tgroup("", cols=2)
    group += [nodes.colspec("", colwidth=60), nodes.colspec("", colwidth=40)]
    group += nodes.thead("", nodes.row("", header("col", nodes.paragraph("", "What")),
                                       header("col", nodes.paragraph("", "Date"))))
    group += nodes.tbody("", *rows)
    return nodes.table("", nodes.title("", caption), group, classes=["faimi-dates"])


class ImportantDatesDirective(SphinxDirective):
    """``:::{important-dates}``: the deadlines of the page's event."""

    def run(self) -> list[nodes.Node]:
        event = event_for(self, "important-dates shows the 'important_dates' of the page's event",
                          lambda e: e.important_dates, ", and give the event important_dates", "events")
        return [dates_table(event.important_dates)] if event and event.important_dates else []


def setup_important_dates(app: Sphinx) -> None:
    app.add_directive("important-dates", ImportantDatesDirective)
