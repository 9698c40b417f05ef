"""The data layer imports no Sphinx; a change to the extension leaves no stale page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, Project

#: The data layer: loading, checking, models. Every ``*_model.py`` belongs to it too.
DATA_LAYER = ["faimi", "faimi.yamldata", "faimi.validation", "faimi.fields", "faimi.timefmt",
              "faimi.speakers", "faimi.schema", "faimi.agenda_checks", "faimi.model_base",
              "faimi.programme_checks", "faimi.paths", "faimi.datakinds", "faimi.checker"]


def data_layer_modules() -> list[str]:
    models = sorted(f"faimi.{p.stem}" for p in (ROOT / "_ext" / "faimi").glob("*_model.py"))
    return DATA_LAYER + models


def test_the_data_layer_imports_no_sphinx() -> None:
    modules = data_layer_modules()
    assert "faimi.registry_model" in modules and "faimi.event_model" in modules
    code = (
        "import importlib, sys\n"
        f"sys.path.insert(0, {str(ROOT / '_ext')!r})\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_glue_still_offers_the_registry_names() -> None:
    from faimi import registry, registry_model

    assert registry.Registry is registry_model.Registry
    assert registry.load_registry is registry_model.load_registry


def test_a_change_to_the_extension_rewrites_every_page(event: Project, tmp_path: Path) -> None:
    """The environment keeps model objects: after the extension changes, every page is
    read again from a fresh environment (env_version follows the source), none kept stale."""
    import shutil

    ext = tmp_path / "ext"
    shutil.copytree(ROOT / "_ext", ext, ignore=shutil.ignore_patterns("__pycache__"))
    conf = event.read("conf.py").replace(repr(str(ROOT / "_ext")), repr(str(ext)))
    event.write("conf.py", conf + "faimi_today = '2025-01-01'\n")
    first = event.sphinx_build()
    assert first.returncode == 0, first.stderr
    page = event.root / "_build" / "cli" / "events" / "test" / "index.html"
    assert "<dt>When</dt>" in page.read_text(encoding="utf-8")

    again = event.sphinx_build()
    assert again.returncode == 0, again.stderr
    assert "Summary-When" not in page.read_text(encoding="utf-8")

    events_py = ext / "faimi" / "events.py"
    text = events_py.read_text(encoding="utf-8")
    assert '("When", when(event))' in text
    events_py.write_text(text.replace('("When", when(event))', '("Summary-When", when(event))'),
                         encoding="utf-8")
    changed = event.sphinx_build()
    assert changed.returncode == 0, changed.stderr
    assert "<dt>Summary-When</dt>" in page.read_text(encoding="utf-8")
