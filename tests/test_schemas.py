"""The JSON Schemas in schemas/ match the models, and the site's data files satisfy them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import ROOT
from faimi.schema import SCHEMAS, schema_text

DATA_FILES = sorted(
    [ROOT / "people" / "people.yaml", *(ROOT / "events").glob("*.yaml")], key=lambda p: p.name
)


def schema_for(path: Path) -> str:
    if path.name == "people.yaml":
        return "people.schema.json"
    for kind in ("agenda", "papers"):
        if path.name.endswith(f".{kind}.yaml"):
            return f"{kind}.schema.json"
    return "event.schema.json"


@pytest.mark.parametrize("name", SCHEMAS)
def test_committed_schema_is_current(name: str) -> None:
    model, title = SCHEMAS[name]
    committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
    assert committed == schema_text(model, title), f"schemas/{name} is stale: run bash scripts/schemas.sh"
    Draft202012Validator.check_schema(json.loads(committed))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_data_file_names_and_satisfies_its_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    name = schema_for(path)
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../schemas/{name}"
    schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    # JSON has no dates: compare the data the way an editor's YAML 1.2 tooling reads it.
    data = json.loads(json.dumps(yaml.safe_load(text), default=str))
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def test_schema_rejects_what_the_build_rejects() -> None:
    schema = json.loads((ROOT / "schemas" / "agenda.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    assert not validator.is_valid([{"start": "9:00", "title": "A"}])
    assert not validator.is_valid([{"start": "09:00", "title": "A", "kind": "lecture"}])
    assert not validator.is_valid([{"start": "09:00", "titel": "A"}])
    assert not validator.is_valid([{"start": "09:00", "title": "A", "links": {"slides": "ftp://x"}}])
    assert validator.is_valid([{"start": "09:00", "title": "A", "speakers": ["ben-glocker", {"name": "X"}]}])
    assert validator.is_valid([{"start": "09:00", "title": "A", "speakers": ["Utku Ozbulak", {"group": "organizers"}],
                                "et_al": True, "note": "Prize winner", "abstract": "...",
                                "talks": [{"title": "B"}, {"paper": "ozbulak-frame-sampling"}]}])
    days = {"days": [{"date": "2026-06-01", "title": "Tutorials", "items": [
        {"kind": "session", "title": "S", "chairs": ["ben-glocker"], "items": [{"start": "09:00", "title": "A"}]}]}]}
    assert validator.is_valid(days)
    assert not validator.is_valid({"days": [{"date": "2026-06-01"}]})  # a day without items


def test_papers_and_programme_schemas_reject_what_the_build_rejects() -> None:
    papers = Draft202012Validator(json.loads((ROOT / "schemas" / "papers.schema.json").read_text(encoding="utf-8")))
    assert papers.is_valid([{"title": "A", "authors": ["ben-glocker", {"name": "X"}], "et_al": True,
                             "presentation": "oral", "links": {"code": "https://example.org/"}}])
    assert not papers.is_valid([{"title": "A", "authors": ["ben-glocker"], "presentation": "talk"}])
    assert not papers.is_valid([{"title": "A"}])
    event = Draft202012Validator(json.loads((ROOT / "schemas" / "event.schema.json").read_text(encoding="utf-8")))
    base = {"kind": "workshop", "description": "A.", "date": "2025-09-23", "timezone": "Asia/Seoul", "mode": "online"}
    assert event.is_valid({**base, "keynotes": ["ben-glocker", {"id": "tal-arbel", "title": "T", "photo": {
        "src": "images/x/tal.jpg", "alt": "Tal"}}], "topics": ["Bias"], "materials": [{"title": "S", "file": "m/s.pdf"}],
        "awards": [{"id": "best-oral", "name": "Best", "winners": [{"paper": "p"}, "ben-glocker"]}]})
    assert not event.is_valid({**base, "keynotes": [{"id": "tal-arbel", "photo": {"src": "../x.jpg", "alt": "T"}}]})
    assert not event.is_valid({**base, "materials": [{"title": "S", "file": "/etc/passwd"}]})
    assert not event.is_valid({**base, "awards": [{"id": "Best Oral", "name": "Best"}]})
