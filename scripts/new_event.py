"""Start a new event: write its data file and its page, already valid.

    bash scripts/new-event.sh                      # asks for each answer
    bash scripts/new-event.sh --name 2027-copenhagen-symposium --kind symposium \\
        --date 2027-06-14 --timezone Europe/Copenhagen --place "Copenhagen, Denmark"

Writes ``events/NAME.yaml`` (with the schema line that gives editors completion) and
``events/NAME.md``. The answers are checked by the same models, with the same
messages, as the build checks the file; an existing name is refused.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from faimi.event_model import KINDS, MODES, Event  # noqa: E402
from faimi.validation import validate  # noqa: E402
from faimi.yamldata import load_yaml  # noqa: E402

NAME = re.compile(r"^\d{4}(-[a-z0-9]+)+$")
ONLINE = "online"


@dataclass
class Question:
    """One answer the command needs: its option, its question, and a hint."""

    key: str
    ask: str
    hint: str


QUESTIONS = [
    Question("name", "Name of the event's files", "YEAR-what, e.g. 2027-copenhagen-symposium"),
    Question("kind", "Kind", ", ".join(KINDS)),
    Question("date", "Date (a special issue: its submission deadline)", "YYYY-MM-DD, e.g. 2027-06-14"),
    Question("timezone", "Time zone", "an IANA name, e.g. Europe/Copenhagen or America/Vancouver"),
    Question("place", "Place", f"the city, e.g. Copenhagen, Denmark; or '{ONLINE}'"),
    Question("title", "Title of the page", "e.g. FAIMI Copenhagen Symposium 2027"),
    Question("description", "Description for search engines and calendars", "one or two sentences"),
]


def needed(answers: dict[str, str]) -> list[Question]:
    """The questions that apply: a special issue has no zone and no place."""
    skip = {"timezone", "place"} if answers.get("kind") == "special-issue" else set()
    return [q for q in QUESTIONS if q.key not in skip]


def defaults(answers: dict[str, str]) -> dict[str, str]:
    """Answers that can be guessed from the others."""
    kind, place = answers.get("kind", ""), answers.get("place", "")
    label = KINDS.get(kind, "Event")
    year = answers.get("name", "")[:4]
    city = place.split(",")[0].strip() if place and place.lower() != ONLINE else ""
    title = " ".join(part for part in ("FAIMI", city, label, year) if part)
    where = f", in {place}" if city else (", online" if place.lower() == ONLINE else "")
    return {"title": title, "description": f"A FAIMI {label.lower()} on fairness in medical imaging{where}."}


def facts(answers: dict[str, str], mode: str | None) -> list[tuple[str, str]]:
    """The data file's fields, in order, as (key, value written in YAML)."""
    def scalar(value: str) -> str:
        return yaml.safe_dump(value, default_style=None, width=1000).removesuffix("\n...\n").strip()

    kind = answers["kind"]
    fields = [("kind", scalar(kind)), ("description", scalar(answers["description"]))]
    if kind == "special-issue":
        return [*fields, ("submission_deadline", answers["date"])]
    online = answers["place"].lower() == ONLINE
    mode = mode or (ONLINE if online or kind == "online-workshop" else "in-person")
    fields += [("date", answers["date"]), ("timezone", scalar(answers["timezone"])), ("mode", mode)]
    if not online:
        fields.append(("city", scalar(answers["place"])))
    return fields


def data_file(answers: dict[str, str], mode: str | None) -> str:
    lines = [
        "# yaml-language-server: $schema=../schemas/event.schema.json",
        "#",
        f"# The facts of {answers['title']}. Add the others as they become known (start and",
        "# end times, venue, registration, organisers, important_dates...): see CONTRIBUTING.md.",
        "",
    ]
    lines += [f"{key}: {value}" for key, value in facts(answers, mode)]
    return "\n".join(lines) + "\n"


def page(answers: dict[str, str]) -> str:
    name = answers["name"]
    return (
        f"# {answers['title']}\n\n"
        f":::{{event-summary}} {name}.yaml\n:::\n\n"
        "% Write a few sentences of your own here: what the event is about, who it is for.\n"
        f"% Dates, places, people and links come from {name}.yaml: the box above shows them,\n"
        "% and in a sentence {event}`organisers` (or when, where, contact...) shows one.\n"
    )


#: The question whose answer a field of the data file holds.
ANSWERED_BY = {"submission_deadline": "date", "city": "place", "mode": "place"}
HEADER_LINES = 5


def answer_problem(key: str, value: str, root: Path) -> str | None:
    """What is wrong with the answer to a question that is checked at once (name, kind)."""
    if key == "name":
        if not NAME.match(value):
            return (f"'{value}' is not a name for an event's files: write YEAR-what in lower-case "
                    "words joined by hyphens, e.g. 2027-copenhagen-symposium")
        for suffix in (".yaml", ".md"):
            if (root / "events" / f"{value}{suffix}").exists():
                return f"events/{value}{suffix} already exists: choose another name, or edit that event"
    if key == "kind" and value not in KINDS:
        return f"'{value}' is not a kind of event: use one of {', '.join(KINDS)}"
    return None


def check(answers: dict[str, str], mode: str | None) -> tuple[str, list[str], set[str]]:
    """The data file's text, its problems (found by the build's own checks, in the
    build's words), and the questions whose answers are at fault."""
    shown = f"events/{answers['name']}.yaml"
    fields = facts(answers, mode)
    text = data_file(answers, mode)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "event.yaml")
        path.write_text(text, encoding="utf-8")
        doc, problems = load_yaml(path, shown)
    if doc is not None:
        problems += validate(Event, doc)[1]
    at_line = {HEADER_LINES + 1 + i: ANSWERED_BY.get(key, key) for i, (key, _) in enumerate(fields)}
    faulty = {at_line.get(problem.line, "date") for problem in problems}
    return text, [f"{problem.location}: {problem.message}" for problem in problems], faulty


class NoAnswer(Exception):
    """The input ended before every question was answered."""


def ask(question: Question, default: str | None) -> str:
    """The editor's answer (Enter takes the default)."""
    shown = f" [{default}]" if default else ""
    try:
        answer = input(f"{question.ask} ({question.hint}){shown}: ").strip()
    except EOFError:
        raise NoAnswer(question.key) from None
    return answer or default or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for question in QUESTIONS:
        parser.add_argument(f"--{question.key}", help=f"{question.ask}: {question.hint}")
    parser.add_argument("--mode", choices=list(MODES), help="default: online for an online event, else in-person")
    parser.add_argument("--no-input", action="store_true", help="ask nothing: every answer is an option")
    parser.add_argument("--root", type=Path, default=ROOT, help="the site's folder (default: this repository)")
    args = parser.parse_args(argv)
    given = {q.key: getattr(args, q.key) for q in QUESTIONS if getattr(args, q.key)}

    answers = dict(given)
    while True:
        for question in QUESTIONS:
            while question.key not in answers and question in needed(answers):
                default = defaults(answers).get(question.key)
                if args.no_input and default is None:
                    print(f"--{question.key} is missing: {question.ask} ({question.hint})", file=sys.stderr)
                    return 2
                try:
                    value = default if args.no_input else ask(question, default)
                except NoAnswer:
                    print(f"\nNo answer for {question.key}: nothing was written.", file=sys.stderr)
                    return 2
                answers[question.key] = value
            problem = answer_problem(question.key, answers.get(question.key, ""), args.root)
            if problem and question in needed(answers):
                print(problem, file=sys.stderr)
                if args.no_input:
                    return 1
                del answers[question.key]
                break
        else:
            text, problems, faulty = check(answers, args.mode)
            for problem in problems:
                print(problem, file=sys.stderr)
            if not problems:
                break
            if args.no_input:
                return 1
            print("Please answer these again.", file=sys.stderr)
            answers = {key: value for key, value in answers.items() if key not in faulty}

    name = answers["name"]
    (args.root / "events" / f"{name}.yaml").write_text(text, encoding="utf-8")
    (args.root / "events" / f"{name}.md").write_text(page(answers), encoding="utf-8")
    print(f"Wrote events/{name}.yaml (the facts) and events/{name}.md (the page). "
          "Build the site to see it: bash scripts/build.sh")
    return 0


if __name__ == "__main__":
    sys.exit(main())
