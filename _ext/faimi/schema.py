"""JSON Schemas of the data files, for editors' completion and checks as they type.

The YAML files name their schema on their first line
(``# yaml-language-server: $schema=../schemas/event.schema.json``), which editors
with a YAML language server (VS Code's YAML extension, for one) understand.
Regenerate the files after changing a model::

    bash scripts/schemas.sh
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .agenda_model import Agenda
from .event_model import Event
from .papers_model import Papers
from .registry_model import PeopleFile

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "people.schema.json": (PeopleFile, "The FAIMI people registry (people/people.yaml)"),
    "event.schema.json": (Event, "The facts of one FAIMI event (events/<slug>.yaml)"),
    "agenda.schema.json": (Agenda, "The agenda of one FAIMI event (events/<slug>.agenda.yaml)"),
    "papers.schema.json": (Papers, "The accepted papers of one FAIMI event (events/<slug>.papers.yaml)"),
}


def schema_text(model: type[BaseModel], title: str) -> str:
    """The model's JSON Schema (as validation sees input), as stable, readable JSON."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **model.model_json_schema(mode="validation"),
        "title": title,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (model, title) in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_text(model, title), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        print(f"wrote {path}")
