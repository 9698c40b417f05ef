"""The files an event's programme names, checked when the event's facts are read.

``check_programme`` runs for every event page: the photos and downloads its facts name
and its papers file become dependencies of the page (adding or correcting one reads
the page again), and what is missing, outside the project or not an image is reported
at its line of the facts file.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.environment import BuildEnvironment

from .event_model import Event
from .papers_model import Papers, load_papers, papers_file_for
from .programme_checks import award_problems, file_problems, named_files
from .paths import inside
from .report import report
from .yamldata import YamlData


def check_programme(env: BuildEnvironment, event: Event, doc: YamlData, facts_file: str) -> None:
    """Report the photos, downloads and winning papers of ``event`` that cannot be shown.

    Each file (there or not) and the papers file are dependencies of the page: adding or
    correcting one reads the page again.
    """
    folder = Path(env.srcdir, facts_file).parent
    for _, name, _ in named_files(event):
        env.note_dependency(str(folder / name))
    wins_papers = any(w.paper for a in event.awards for w in a.winners)
    papers = quiet_papers(env, facts_file) if wins_papers else Papers([])
    report([*file_problems(event, doc, Path(env.srcdir)),
            *award_problems(event, doc, papers, papers_file_for(facts_file))], "event")


def quiet_papers(env: BuildEnvironment, facts_file: str) -> Papers | None:
    """The event's papers, read without reporting (the ``papers`` directive reports them).

    Empty when there is no papers file; ``None`` when it is invalid or outside the project.
    """
    shown = papers_file_for(facts_file)
    path = Path(env.srcdir, shown)
    env.note_dependency(str(path))
    if not path.is_file():
        return Papers([])
    if not inside(Path(env.srcdir), path):
        return None  # refused where the papers are shown
    return load_papers(path, shown)[0]
