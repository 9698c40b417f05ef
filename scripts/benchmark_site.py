"""Generated sites for the benchmark: one data set, written three ways.

The data: ``events`` events of ``ITEMS`` agenda items each, and a registry of
``PEOPLE`` people (speakers and organisers are drawn from it). The same content is
written as

- ``faimi``: the site as it is (its conf.py, extension, templates, static files,
  404 page), with the data in YAML files shown by the extension's directives;
- ``static``: plain MyST, no extension: the summary boxes, agendas, people lists,
  event lists and a page per person (what they did, newest first) typed out as
  definition lists, list tables and bullet lists (what the extension spares an
  editor); the same theme and the other extensions;
- ``datatemplates``: the same YAML files rendered into that plain MyST by
  sphinxcontrib-datatemplates' Jinja templates (the speakers looked up in the
  registry file, as a template must).

All three have the same navigation: the events index with the upcoming and the
most recent events in the sidebar (:data:`RECENT`, as the extension's default), the
other event pages reached from the index; the people index, whose person pages are
reached from it, not from the sidebar. The data is the same on every run.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

ROOT = Path(__file__).resolve().parent.parent
ITEMS = 20
PEOPLE = 500
#: The build date of every generated site: a few events are still to come.
TODAY = dt.date(2031, 6, 1)
#: Past events shown in the navigation besides the upcoming ones (faimi_navigation_recent).
RECENT = 5
VARIANTS = ("faimi", "static", "datatemplates")

ZONES = ("Europe/London", "America/New_York", "Asia/Tokyo", "Etc/UTC", "Europe/Paris",
         "America/Sao_Paulo", "Australia/Sydney", "Asia/Kolkata")
KINDS = {"workshop": "Workshop", "online-workshop": "Online workshop", "symposium": "Symposium",
         "tutorial": "Tutorial"}
MODES = {"in-person": "In person", "online": "Online", "hybrid": "Hybrid"}
FIRST = ("Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John", "Karen", "Tim",
         "Radia", "Leslie", "Shafi", "Judea", "Fei-Fei", "Yoshua", "Daphne", "Geoffrey", "Cynthia", "Joy")
LAST = ("Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "McCarthy", "Spärck Jones",
        "Berners-Lee", "Perlman", "Lamport", "Goldwasser", "Pearl", "Li", "Bengio", "Koller", "Hinton",
        "Dwork", "Buolamwini", "Rudin")
PLACES = ("London, United Kingdom", "Copenhagen, Denmark", "Vancouver, Canada", "Marrakesh, Morocco",
          "Daejeon, South Korea", "Buenos Aires, Argentina", "Nairobi, Kenya", "Lyon, France")


@dataclass(frozen=True)
class Site:
    """The generated data, as the YAML files hold it."""

    people: dict[str, Any]
    events: dict[str, dict[str, Any]]  # slug -> event facts
    agendas: dict[str, list[dict[str, Any]]]  # slug -> items

    def navigation(self) -> list[str]:
        """The events in the sidebar, newest name first: upcoming, then the RECENT latest past ones."""
        past = sorted((s for s, e in self.events.items() if e["date"] < TODAY),
                      key=lambda s: (self.events[s]["date"], s), reverse=True)
        upcoming = [s for s, e in self.events.items() if e["date"] >= TODAY]
        return sorted(upcoming + past[:RECENT], reverse=True)

    def pages_showing(self, person: str) -> set[str]:
        """The docnames of the pages that show ``person``."""
        shown = {f"events/{slug}" for slug, items in self.agendas.items()
                 if any(person in item.get("speakers", []) for item in items)}
        shown |= {f"events/{slug}" for slug, event in self.events.items()
                  if person in event["organisers"] + event["keynotes"]}
        if any(person in group for group in self.people["groups"].values()):
            shown.add("index")
        return shown | {f"people/{person}", "people/index"}

    def activity(self, person: str) -> list[tuple[dt.date, str, str, str]]:
        """What ``person`` did, newest first: (day, event slug, role, talk title)."""
        done = []
        for slug, event in self.events.items():
            done += [(event["date"], slug, "Organiser", "") for p in event["organisers"] if p == person]
            done += [(event["date"], slug, "Keynote", "") for p in event["keynotes"] if p == person]
            done += [(event["date"], slug, "Keynote" if item["kind"] == "keynote" else "Talk", item["title"])
                     for item in self.agendas[slug] if person in item.get("speakers", [])]
        return sorted(done, reverse=True)


def person_id(n: int) -> str:
    return f"person-{n:03d}"


def generate(events: int, seed: int = 12, registry: int = PEOPLE) -> Site:
    """``events`` events and a registry of ``registry`` people (at least 20: 14 organise and advise)."""
    rng = random.Random(seed)
    people = {
        person_id(n): {
            "name": f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST) % len(LAST)]} {n}",
            "homepage": f"https://example.org/people/{n}",
            "affiliation": f"University of {PLACES[n % len(PLACES)].split(',')[0]}, Lab {n % 37}",
            **({"pronouns": "she/her"} if n % 3 == 0 else {}),
        }
        for n in range(registry)
    }
    groups = {"organizers": [person_id(n) for n in range(8)],
              "advisory-panel": [person_id(n) for n in range(8, 14)]}
    first_day = TODAY - dt.timedelta(days=14 * (events - 3))
    facts: dict[str, dict[str, Any]] = {}
    agendas: dict[str, list[dict[str, Any]]] = {}
    for i in range(events):
        day = first_day + dt.timedelta(days=14 * i)
        slug = f"{day.year}-bench-{i:04d}"
        kind = list(KINDS)[i % len(KINDS)]
        mode = "online" if kind == "online-workshop" else list(MODES)[i % 3]
        facts[slug] = {
            "kind": kind,
            "description": f"Generated event {i} of the benchmark: talks on fairness in medical imaging.",
            "date": day, "start": "09:00", "end": "16:00", "timezone": ZONES[i % len(ZONES)],
            "mode": mode,
            **({} if mode == "online" else {"city": PLACES[i % len(PLACES)]}),
            "cost": "free",
            "registration": f"https://example.org/register/{i}",
            "contact": f"event-{i}@example.org",
            "organisers": [person_id(n) for n in rng.sample(range(14), 3)],
            "keynotes": [person_id(rng.randrange(14, registry))],
            "sponsors": [{"name": "Example Foundation", "url": "https://example.org/foundation"}],
        }
        agendas[slug] = [agenda_item(rng, j, registry) for j in range(ITEMS)]
        agendas[slug][1]["speakers"] = facts[slug]["keynotes"]  # the keynote row is the keynote's
    return Site({"people": people, "groups": groups}, facts, agendas)


def agenda_item(rng: random.Random, j: int, people: int) -> dict[str, Any]:
    start = dt.datetime(2000, 1, 1, 9) + dt.timedelta(minutes=20 * j)
    item: dict[str, Any] = {"start": f"{start:%H:%M}", "end": f"{start + dt.timedelta(minutes=20):%H:%M}"}
    if j == 0:
        return {**item, "kind": "opening", "title": "Opening remarks"}
    if j == ITEMS // 2:
        return {**item, "kind": "break", "title": "Coffee break"}
    item["kind"] = "keynote" if j == 1 else "talk"
    item["title"] = f"Talk {j} on measuring bias in model number {rng.randrange(1000)}"
    item["speakers"] = [person_id(rng.randrange(14, people)) for _ in range(1 + j % 2)]
    if j % 4 == 0:
        item["links"] = {"slides": f"https://example.org/slides/{j}.pdf"}
    return item


# -- Writing a variant -------------------------------------------------------------

def write(site: Site, variant: str, folder: Path) -> None:
    """Write ``site`` as ``variant`` into ``folder`` (a new folder)."""
    (folder / "people").mkdir(parents=True)
    for part in ("_ext", "_static", "_templates"):
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "404.md", folder / "404.md")
    if variant == "faimi":  # the person pages are the extension's
        shutil.copy2(ROOT / "people" / "index.md", folder / "people" / "index.md")
    extensions = {
        "faimi": "",
        "static": 'extensions = [e for e in extensions if e != "faimi"]\n',
        "datatemplates": 'extensions = [e for e in extensions if e != "faimi"] + ["sphinxcontrib.datatemplates"]\n',
    }[variant]
    conf = (ROOT / "conf.py").read_text(encoding="utf-8")
    (folder / "conf.py").write_text(
        conf + "\n# -- The benchmark's generated site\nfaimi_redirects = {}\n" + extensions, encoding="utf-8")
    dump(folder / "people" / "people.yaml", site.people)
    if variant != "static":
        for slug, event in site.events.items():
            dump(folder / "events" / f"{slug}.yaml", event)
            dump(folder / "events" / f"{slug}.agenda.yaml", site.agendas[slug])
    if variant == "datatemplates":
        (folder / "_templates" / "bench-summary.tmpl").write_text(SUMMARY_TEMPLATE, encoding="utf-8")
        (folder / "_templates" / "bench-agenda.tmpl").write_text(AGENDA_TEMPLATE, encoding="utf-8")
    pages = {"faimi": FaimiPages, "static": StaticPages, "datatemplates": TemplatePages}[variant](site)
    text(folder / "index.md", pages.home())
    text(folder / "events" / "index.md", pages.events_index())
    for slug in site.events:
        text(folder / "events" / f"{slug}.md", pages.event(slug))
    if variant != "faimi":
        text(folder / "people" / "index.md", pages.people_index())
        for pid in site.people["people"]:
            text(folder / "people" / f"{pid}.md", pages.person_page(pid))


def dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def text(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


HOME = "# Fairness of AI in Medical Imaging\n\nA generated site for the benchmark.\n\n"
TOCTREE = "```{toctree}\n:hidden:\n\nevents/index\npeople/index\n```\n\n"
EVENTS = "# Events\n\nEvery event of the generated site.\n\n"
PROSE = "\n\nA few sentences about the event, written by its organisers.\n\n## Agenda\n\n"


class FaimiPages:
    """The pages as an editor writes them with the extension."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def home(self) -> str:
        return (HOME + TOCTREE + ":::{next-up}\n:::\n\n"
                "## Organizers\n\n:::{people-list} organizers\n:::\n\n"
                "## Advisory panel\n\n:::{people-list} advisory-panel\n:::\n")

    def events_index(self) -> str:
        return EVENTS + ":::{event-list} all\n:heading-level: 2\n:::\n\n```{toctree}\n:hidden:\n:glob:\n:reversed:\n\n*\n```\n"

    def event(self, slug: str) -> str:
        return (f"# Generated event {slug}\n\n:::{{event-summary}} {slug}.yaml\n:::{PROSE}"
                f":::{{agenda}} {slug}.agenda.yaml\n:::\n")


class StaticPages:
    """The same pages typed out in plain MyST: what the extension writes for the editor."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.people = site.people["people"]

    def person(self, pid: str, folder: str = "../people/") -> str:
        """A person's name linked to their page (``folder`` leads there), and their affiliation."""
        person = self.people[pid]
        return f"[{person['name']}]({folder}{pid}.md) ({person['affiliation']})"

    def group(self, name: str) -> str:
        return "".join(f"- {self.person(pid, 'people/')}\n" for pid in self.site.people["groups"][name])

    def people_index(self) -> str:
        by_name = sorted(self.people, key=lambda pid: self.people[pid]["name"].split()[-1:] + [self.people[pid]["name"]])
        return "# People\n\nEveryone of the generated registry.\n\n" + "".join(
            f"- {self.person(pid, '')}\n" for pid in by_name)

    def person_page(self, pid: str) -> str:
        person = self.people[pid]
        roles = [name.replace("-", " ").capitalize().rstrip("s") for name, ids in self.site.people["groups"].items()
                 if pid in ids]
        facts = (f"{person['affiliation']}\n\n[Homepage]({person['homepage']})\n\n"
                 + (f"Pronouns: {person['pronouns']}\n\n" if "pronouns" in person else "")
                 + (f"**Roles:** {', '.join(roles)}\n\n" if roles else ""))
        done = "".join(f"- **{role}** · [Generated event {slug}](../events/{slug}.md) · {day:%d %B %Y}"
                       + (f": *{title}*" if title else "") + "\n"
                       for day, slug, role, title in self.site.activity(pid)) or "Nothing yet.\n"
        return f"---\norphan: true\n---\n\n# {person['name']}\n\n{facts}## At FAIMI events\n\n{done}"

    def home(self) -> str:
        upcoming = [s for s in sorted(self.site.events) if self.site.events[s]["date"] >= TODAY]
        return (HOME + TOCTREE +
                f"**Next up:** [Generated event {upcoming[0]}](events/{upcoming[0]}.md)\n\n"
                f"## Organizers\n\n{self.group('organizers')}\n## Advisory panel\n\n{self.group('advisory-panel')}")

    def entry(self, slug: str) -> str:
        event = self.site.events[slug]
        return f"- [Generated event {slug}]({slug}.md) {KINDS[event['kind']]} · {event['date']:%d %B %Y}\n"

    def events_index(self) -> str:
        slugs = sorted(self.site.events, key=lambda s: self.site.events[s]["date"], reverse=True)
        upcoming = [s for s in reversed(slugs) if self.site.events[s]["date"] >= TODAY]
        out = EVENTS + "## Upcoming\n\n" + "".join(self.entry(s) for s in upcoming) + "\n## Past events\n"
        year = None
        for slug in slugs:
            if self.site.events[slug]["date"] >= TODAY:
                continue
            if self.site.events[slug]["date"].year != year:
                year = self.site.events[slug]["date"].year
                out += f"\n### {year}\n\n"
            out += self.entry(slug)
        return out + "\n```{toctree}\n:hidden:\n\n" + "".join(f"{s}\n" for s in self.site.navigation()) + "```\n"

    def front_matter(self, slug: str) -> str:
        return "" if slug in self.site.navigation() else "---\norphan: true\n---\n\n"

    def event(self, slug: str) -> str:
        event = self.site.events[slug]
        zone = ZoneInfo(event["timezone"])
        start = dt.datetime.combine(event["date"], dt.time(9), zone)
        offset = start.utcoffset() or dt.timedelta(0)
        label = f"({start.tzname()}, UTC{'+' if offset >= dt.timedelta(0) else '-'}{abs(offset)})"
        where = event.get("city", "Online")
        summary = (
            f"When\n: {event['date']:%A %d %B %Y}, 09:00–16:00 {label}\n\nWhere\n: {where}\n\n"
            f"Format\n: {MODES[event['mode']]}\n\nCost\n: Free\n\n"
            f"Registration\n: [Register online]({event['registration']})\n\n"
            f"Keynote\n: {self.person(event['keynotes'][0])}\n\n"
            f"Organisers\n: {', '.join(self.person(p) for p in event['organisers'])}\n\n"
            f"Sponsor\n: [Example Foundation](https://example.org/foundation)\n\n"
            f"Contact\n: [{event['contact']}](mailto:{event['contact']})\n"
        )
        rows = "".join(self.row(item) for item in self.site.agendas[slug])
        table = (f"```{{list-table}} Agenda of {event['date']:%A %d %B %Y}. All times are {label}.\n"
                 f":header-rows: 1\n:stub-columns: 1\n:widths: 16 34 50\n\n"
                 f"* - Time\n  - Speakers\n  - Title\n{rows}```\n")
        return f"{self.front_matter(slug)}# Generated event {slug}\n\n{summary}{PROSE}{table}"

    def row(self, item: dict[str, Any]) -> str:
        speakers = " and ".join(self.person(p) for p in item.get("speakers", [])) or " "
        title = f"**Keynote:** {item['title']}" if item["kind"] == "keynote" else item["title"]
        if "links" in item:
            title += f" ([slides]({item['links']['slides']}))"
        return f"* - {item['start']}–{item['end']}\n  - {speakers}\n  - {title}\n"


class TemplatePages(StaticPages):
    """The static pages, with each event's summary and agenda rendered by a template."""

    def event(self, slug: str) -> str:
        return (f"{self.front_matter(slug)}# Generated event {slug}\n\n"
                f"```{{datatemplate:yaml}} {slug}.yaml\n:template: bench-summary.tmpl\n```{PROSE}"
                f"```{{datatemplate:yaml}} {slug}.agenda.yaml\n:template: bench-agenda.tmpl\n```\n")


_PERSON = "[{{ p.name }}]({{ p.homepage }}) ({{ p.affiliation }})"
SUMMARY_TEMPLATE = (
    "{% set people = load('/people/people.yaml').people %}"
    "When\n: {{ data.date.strftime('%A %d %B %Y') }}, {{ data.start }}–{{ data.end }} ({{ data.timezone }})\n\n"
    "Where\n: {{ data.city or 'Online' }}\n\nFormat\n: {{ data.mode }}\n\nCost\n: Free\n\n"
    "Registration\n: [Register online]({{ data.registration }})\n\n"
    "Keynote\n: {% set p = people[data.keynotes[0]] %}" + _PERSON + "\n\n"
    "Organisers\n: {% for id in data.organisers %}{% set p = people[id] %}" + _PERSON
    + "{{ ', ' if not loop.last }}{% endfor %}\n\n"
    "Sponsor\n: [{{ data.sponsors[0].name }}]({{ data.sponsors[0].url }})\n\n"
    "Contact\n: [{{ data.contact }}](mailto:{{ data.contact }})\n"
)
AGENDA_TEMPLATE = (
    "{% set people = load('/people/people.yaml').people %}"
    "```{list-table} Agenda.\n:header-rows: 1\n:stub-columns: 1\n:widths: 16 34 50\n\n"
    "* - Time\n  - Speakers\n  - Title\n"
    "{% for item in data %}* - {{ item.start }}–{{ item.end }}\n"
    "  - {% for id in item.speakers or [] %}{% set p = people[id] %}" + _PERSON
    + "{{ ' and ' if not loop.last }}{% else %} {% endfor %}\n"
    "  - {% if item.kind == 'keynote' %}**Keynote:** {% endif %}{{ item.title }}"
    "{% if item.links %} ([slides]({{ item.links.slides }})){% endif %}\n{% endfor %}```\n"
)
