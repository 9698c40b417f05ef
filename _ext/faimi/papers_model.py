"""An event's accepted papers (``events/NAME.papers.yaml``), without Sphinx.

Each paper has an id, given or made from its title, that is its stable anchor on the
page (``#paper-<id>``) and the name the event's awards and agenda use for it.
``load_papers`` reads and checks the file without reporting anything: the ``papers``
directive reports the file's problems, others (the awards check, the agenda) may read
it quietly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import ConfigDict, Field, RootModel

from .model_base import Strict
from .fields import Identifier, WebUrl
from .speakers import PersonRef
from .validation import validate
from .yamldata import Problem, YamlData, load_yaml

PRESENTATIONS: dict[str, str] = {"oral": "Oral", "poster": "Poster"}

#: The longest id made from a title, in characters (a whole word more is never cut).
SLUG_LENGTH = 60


def slug(text: str) -> str:
    """``Fair Models: A Study`` as ``fair-models-a-study`` (at most about SLUG_LENGTH characters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > SLUG_LENGTH:
            break
        out = f"{out}-{word}" if out else word
    return out or "paper"


def papers_file_for(facts_file: str) -> str:
    """The papers file of an event: ``events/NAME.papers.yaml`` beside ``events/NAME.yaml``."""
    return re.sub(r"\.ya?ml$", "", facts_file) + ".papers.yaml"


class PaperLinks(Strict):
    """Where to read, run, see or watch the paper."""

    paper: WebUrl | None = Field(default=None, examples=["https://doi.org/10.1007/978-3-032-05870-6_1"])
    code: WebUrl | None = Field(default=None, examples=["https://github.com/example/fair-models"])
    poster: WebUrl | None = Field(default=None, examples=["https://example.org/poster.pdf"])
    slides: WebUrl | None = Field(default=None, examples=["https://example.org/slides.pdf"])
    recording: WebUrl | None = Field(default=None, examples=["https://www.youtube.com/watch?v=..."])


class Paper(Strict):
    """One accepted paper, as its authors wrote its title."""

    id: Identifier | None = Field(default=None, examples=["ozbulak-frame-sampling"])
    title: str = Field(min_length=1, examples=["Revisiting the Evaluation Bias Introduced by Frame Sampling"])
    authors: list[PersonRef] = Field(min_length=1, examples=[[{"name": "Utku Ozbulak"}]])
    et_al: bool = Field(default=False, examples=[True])
    presentation: Literal["oral", "poster"] | None = Field(default=None, examples=["oral"])
    links: PaperLinks | None = None

    @property
    def key(self) -> str:
        """The paper's id: the one given, else a slug of its title."""
        return self.id or slug(self.title)

    @property
    def anchor(self) -> str:
        """The id of the paper's element on the page."""
        return f"paper-{self.key}"


class Papers(RootModel[list[Paper]]):
    """The papers file: a list of papers, in the order they are shown."""

    model_config = ConfigDict(frozen=True)

    @property
    def by_key(self) -> Mapping[str, Paper]:
        """The papers by id (the first of two with one id)."""
        out: dict[str, Paper] = {}
        for paper in self.root:
            out.setdefault(paper.key, paper)
        return out


def duplicate_problems(papers: Papers, doc: YamlData) -> list[Problem]:
    """Two papers with one id (given, or made from equal titles), at the second one's line."""
    seen: dict[str, int] = {}
    problems = []
    for i, paper in enumerate(papers.root):
        if paper.key in seen:
            first = seen[paper.key]
            given = "has the id" if paper.id else "gets the id (from its title)"
            problems.append(doc.problem((i, "id") if paper.id else (i,), (
                f"[{i}]: this paper {given} '{paper.key}' of the paper [{first}] above (line "
                f"{doc.line_of((first,))}); each paper needs an id of its own, e.g. id: {paper.key}-2")))
        else:
            seen[paper.key] = i
    return problems


def load_papers(
    path: Path, shown_as: str, context: dict[str, Any] | None = None
) -> tuple[Papers | None, YamlData | None, list[Problem]]:
    """Read and check a papers file; nothing is reported here.

    Returns the papers (``None`` when the file is invalid), the loaded data (for
    lines), and every problem found. Pass ``context={"registry": ...}`` to check the
    authors' ids against the people registry.
    """
    doc, problems = load_yaml(path, shown_as)
    if doc is None:
        return None, None, problems
    papers, found = validate(Papers, doc, context=context)
    problems += found
    if papers is not None:
        problems += duplicate_problems(papers, doc)
    return papers, doc, problems
