"""Checks of an agenda against itself and its event: order, overlaps, hours, sessions,
days and keynotes. Each problem is placed at the line of the item it concerns."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from .agenda_model import LOOSE_KINDS, Agenda, AgendaItem
from .event_model import Event
from .speakers import TBC, PersonRef
from .timefmt import long_date
from .validation import dotted
from .yamldata import Loc, Problem, YamlData, load_yaml

_HOURS = ("twelve", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")


def spoken(clock: dt.time) -> str:
    """A morning time in words: "half past one at night", "half past five in the morning"."""
    hour = _HOURS[clock.hour % 12]
    part = "at night" if clock.hour < 5 else "in the morning"
    words = {0: f"{hour} o'clock", 15: f"quarter past {hour}", 30: f"half past {hour}",
             45: f"quarter to {_HOURS[(clock.hour + 1) % 12]}"}
    return f"{words.get(clock.minute, f'{clock:%H:%M}')} {part}"


def entries(agenda: Agenda) -> Iterator[tuple[Loc, AgendaItem, dt.date | None]]:
    """Every item with its place in the file and its day, sessions' items included."""
    for index, (day, _, items) in enumerate(agenda.days):
        base = agenda.day_loc(index)
        for i, item in enumerate(items):
            yield (*base, i), item, day
            for j, inner in enumerate(item.items):
                yield (*base, i, "items", j), inner, day


def sequence_problems(items: list[AgendaItem], doc: YamlData, base: Loc = ()) -> list[Problem]:
    """Items out of time order, and items that start before an earlier one ends; a session
    counts as its extent here, and its own items are checked among themselves."""
    problems: list[Problem] = []
    last_start = latest_end = None
    for i, item in enumerate(items):
        if item.items:
            problems += sequence_problems(item.items, doc, (*base, i, "items"))
        start, end = item.extent()
        if start is None:
            continue
        where = dotted((*base, i))
        if last_start is not None and start < last_start:
            problems.append(doc.problem((*base, i, "start"), (
                f"{where}: the items are out of order: this one starts at {start:%H:%M}, before "
                f"the one above it ({last_start:%H:%M}); list the items in time order"
            )))
        elif latest_end is not None and start < latest_end:
            problems.append(doc.problem((*base, i, "start"), (
                f"{where}: this item starts at {start:%H:%M}, before the item above it ends "
                f"({latest_end:%H:%M}): they overlap; correct one of the times"
            )))
        last_start = start
        if end is not None:
            latest_end = max(latest_end, end) if latest_end else end
    return problems


def session_problems(agenda: Agenda, doc: YamlData) -> list[Problem]:
    """Items of a session with a start or an end that fall outside it."""
    problems: list[Problem] = []
    for loc, session, _ in entries(agenda):
        for j, item in enumerate(session.items):
            where = (*loc, "items", j)
            if session.start and item.start and item.start < session.start:
                problems.append(doc.problem((*where, "start"), (
                    f"{dotted(where)}: this item starts at {item.start:%H:%M}, before its session starts "
                    f"({session.start:%H:%M}); correct the item's or the session's start")))
            last = item.end or item.start
            if session.end and last and last > session.end:
                problems.append(doc.problem((*where, "end" if item.end else "start"), (
                    f"{dotted(where)}: this item {'ends' if item.end else 'starts'} at {last:%H:%M}, after its "
                    f"session ends ({session.end:%H:%M}); correct the item's time or the session's end")))
    return problems


def day_problems(agenda: Agenda, event: Event, doc: YamlData) -> list[Problem]:
    """Days of a multi-day agenda that are not days of the event, or out of order."""
    assert event.date is not None
    first, last = event.date, event.last_day
    span = f"on {first}" if first == last else f"from {first} to {last}"
    problems: list[Problem] = []
    before: dt.date | None = None
    for i, (day, _, _) in enumerate(agenda.days):
        if day is None:
            continue
        if not first <= day <= last:
            problems.append(doc.problem(("days", i, "date"), (
                f"days[{i}].date: {day} is not a day of the event, which takes place {span}; correct the date, "
                "or the event's date and end_date")))
        elif before is not None and day <= before:
            problems.append(doc.problem(("days", i, "date"), (
                f"days[{i}].date: the days are not in order: {day} comes after {before}; list each day once, "
                "earliest first")))
        before = day
    return problems


def hours(event: Event, day: dt.date) -> tuple[dt.time | None, dt.time | None]:
    """The event's hours on ``day``: its start and end every day when the end comes after
    the start; else (an event through the night) it starts on the first day, ends on the last."""
    start, end = event.start, event.end
    if event.end_date is None or (start and end and end > start):
        return start, end
    return (start if day == event.date else None), (end if day == event.last_day else None)


def hours_problems(agenda: Agenda, event: Event, doc: YamlData, event_file: str) -> list[Problem]:
    """Items before the event starts or after it ends (breaks and social items may be)."""
    problems: list[Problem] = []
    for loc, item, day in entries(agenda):
        if item.kind in LOOSE_KINDS or item.kind == "session" or item.start is None:
            continue
        opens, closes = hours(event, day or event.day)
        on = f" on {long_date(day)}" if day else ""
        if opens and item.start < opens:
            text = (f"{dotted(loc)}: this item starts at {item.start:%H:%M}, before the event starts "
                    f"({opens:%H:%M}{on}, in {event_file})")
            if item.start.hour < 12 and opens <= (later := item.start.replace(hour=item.start.hour + 12)) and (
                    closes is None or later <= closes):
                text += (f"; times are on the 24-hour clock: {item.start:%H:%M} is {spoken(item.start)}; "
                         f"did you mean {later:%H:%M}?")
            else:
                span = f"{opens:%H:%M}–{closes:%H:%M}" if closes else f"from {opens:%H:%M}"
                text += f"; correct the item's time, or the event's hours ({span})"
            problems.append(doc.problem((*loc, "start"), text))
            continue
        last = item.end or item.start
        if closes and last > closes:
            problems.append(doc.problem((*loc, "end" if item.end else "start"), (
                f"{dotted(loc)}: this item {'ends' if item.end else 'starts'} at {last:%H:%M}, after the event "
                f"ends ({closes:%H:%M}{on}, in {event_file}); correct the item's time, or the event's end")))
    return problems


def _who(ref: PersonRef) -> str | None:
    """What identifies a person across the agenda and the event: id, else name."""
    if getattr(ref, "group", None) or ref.id == TBC:
        return None
    return ref.id or ref.name


def keynote_problems(agenda: Agenda, event: Event, doc: YamlData, event_file: str) -> tuple[list[Problem], list[int]]:
    """Keynote rows whose speaker is not among the event's keynotes (problems of the agenda),
    and the indexes of the event's keynotes that have no keynote row."""
    keynotes = {_who(ref): i for i, ref in enumerate(event.keynotes) if _who(ref)}
    problems: list[Problem] = []
    given: set[str] = set()
    unsure = False
    for loc, item, _ in entries(agenda):
        if item.kind != "keynote":
            continue
        unsure = unsure or item.to_be_confirmed or not item.speakers or any(r.id == TBC for r in item.speakers)
        for j, ref in enumerate(item.speakers):
            who = _who(ref)
            if who is None:
                continue
            given.add(who)
            if who not in keynotes:
                problems.append(doc.problem((*loc, "speakers", j), (
                    f"{dotted((*loc, 'speakers', j))}: '{who}' gives a keynote here, but is not among the keynotes "
                    f"of the event in {event_file}; add them there (keynotes: [{who}]), or give this item "
                    "another kind, e.g. kind: invited-talk")))
    missing = [] if unsure else [i for who, i in keynotes.items() if who not in given]
    return problems, missing


def own_problems(agenda: Agenda, doc: YamlData, order_hint: str = "") -> list[Problem]:
    """The problems of a valid agenda in itself: sessions, and the order of each day's items
    (said with ``order_hint``)."""
    order: list[Problem] = []
    for index, (_, _, items) in enumerate(agenda.days):
        order += sequence_problems(items, doc, agenda.day_loc(index))
    return session_problems(agenda, doc) + [dataclasses.replace(p, message=p.message + order_hint) for p in order]


def _days_hint(event: Event) -> str:
    """How to write the agenda of a multi-day event, said after an order or overlap problem."""
    return (f". The event lasts from {event.date} to {event.end_date}: if this item is on another day, "
            f"give each day its own items, e.g. days: [{{date: {event.date}, items: [...]}}, "
            f"{{date: {event.end_date}, items: [...]}}]")


def agenda_problems(agenda: Agenda, event: Event, doc: YamlData, facts_path: Path, facts_file: str) -> list[Problem]:
    """Every problem of a valid agenda with its (dated) event, whose file is ``facts_path``,
    shown as ``facts_file``: days, sessions, order, hours, and keynotes both ways (a keynote
    of the event without its row is a problem of the event's file)."""
    one_list_for_days = event.end_date is not None and not agenda.multi_day
    order_hint = _days_hint(event) if one_list_for_days else ""
    problems = day_problems(agenda, event, doc) + own_problems(agenda, doc, order_hint)
    problems += hours_problems(agenda, event, doc, facts_file)
    found, missing = keynote_problems(agenda, event, doc, facts_file)
    problems += found
    facts = load_yaml(facts_path, facts_file)[0] if missing else None
    for i in missing if facts else ():
        who = event.keynotes[i].id or event.keynotes[i].name
        problems.append(facts.problem(("keynotes", i), (
            f"keynotes[{i}]: '{who}' is a keynote of the event, but the agenda ({doc.file}) has no keynote "
            f"row with them; add one, e.g. {{start: \"14:00\", kind: keynote, title: tbc, speakers: [{who}]}}")))
    return problems
