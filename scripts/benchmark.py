"""Measure the site's builds against the same content without the extension.

    bash scripts/benchmark.sh               # 200 events x 20 agenda items, 500 people
    bash scripts/benchmark.sh --events 40   # a quicker run

Generates the sites of :mod:`benchmark_site` in a temporary folder (the extension's
site, the same content in plain MyST, and, when sphinxcontrib-datatemplates is
installed, the same YAML rendered by its templates) and builds each with
``sphinx-build -W --keep-going -b dirhtml`` in a fresh process. It prints, in one run:

- the clean build of the site against plain MyST (``vs_static``), the best of
  ``--repeat`` builds each, taking turns, and against datatemplates (``vs_datatemplates``);
- ``growth``: the clean build time at N events divided by 4x the time at N/4 (1 is
  linear; a cost that grows with the square of the events tends to 4; the fixed cost
  of starting Sphinx pulls it below 1);
- the rebuild with nothing changed, against plain MyST's (``noop_vs_static``), the best
  of ``--repeat`` each;
- the pages read again after one person's affiliation changed in the registry, and
  after one agenda item's title changed, with the pages that show them;
- the peak memory of the site's build.

The last line is ``RESULT key=value ...``. The figures depend on the machine and on
what else runs on it: they are printed, not asserted by the tests.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark_site  # noqa: E402

#: Runs one build and reports its peak memory (the process's and its workers').
RUNNER = """\
import json, resource, sys
from sphinx.cmd.build import main
status = main(sys.argv[1:])
me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime
print(json.dumps({"status": status, "cpu": cpu, "peak_kib": max(me.ru_maxrss, children.ru_maxrss)}),
      file=sys.stderr)
"""
READING = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", re.M)


@dataclass
class Build:
    seconds: float
    peak_mib: float
    read: list[str]


def build(source: Path, out: Path) -> Build:
    """One serial build of ``source`` into ``out`` (incremental when ``out`` exists)."""
    command = [sys.executable, "-c", RUNNER, "-W", "--keep-going", "-b", "dirhtml", str(source), str(out)]
    env = {**os.environ, "FAIMI_TODAY": benchmark_site.TODAY.isoformat(), "PYTHONHASHSEED": "0"}
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=source)
    wall = time.perf_counter() - started
    lines = done.stderr.strip().splitlines()
    report = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {"status": done.returncode}
    if report["status"] != 0:
        sys.exit(f"the build of {source.name} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    print(f"  {source.name} -> {out.name}: {report['cpu']:.1f} s CPU, {wall:.1f} s on the clock",
          file=sys.stderr, flush=True)
    return Build(report["cpu"], report["peak_kib"] / 1024, READING.findall(done.stdout))


def best_clean(sources: list[Path], repeat: int) -> dict[str, Build]:
    """The fastest of ``repeat`` clean builds of each site, by folder name. The sites take
    turns, so that a busy spell of the machine does not fall on one site only."""
    builds: dict[str, list[Build]] = {source.name: [] for source in sources}
    for i in range(repeat):
        for source in sources:
            builds[source.name].append(build(source, source.parent / f"{source.name}-clean-{i}"))
    return {name: min(runs, key=lambda b: b.seconds) for name, runs in builds.items()}


def edit(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} is not in {path}"
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=200, help="generated events (default 200)")
    parser.add_argument("--repeat", type=int, default=2, help="clean builds of each site, the best counts")
    args = parser.parse_args()
    variants = ["faimi", "static"]
    if importlib.util.find_spec("sphinxcontrib.datatemplates"):
        variants.append("datatemplates")
    site = benchmark_site.generate(args.events)
    small = benchmark_site.generate(args.events // 4)
    person = "person-042"
    expected_person = sorted(site.pages_showing(person))
    agenda_page = sorted(site.agendas)[len(site.agendas) // 2]

    with tempfile.TemporaryDirectory() as tmp:
        folders = {v: Path(tmp, v) for v in variants}
        for variant, folder in folders.items():
            benchmark_site.write(site, variant, folder)
        benchmark_site.write(small, "faimi", Path(tmp, "faimi-small"))
        clean = best_clean([folders["faimi"], folders["static"], Path(tmp, "faimi-small")], args.repeat)
        if "datatemplates" in folders:  # five times slower: one build tells enough
            clean |= best_clean([folders["datatemplates"]], 1)
        clean_small = clean.pop("faimi-small")

        faimi, static = folders["faimi"], folders["static"]
        out, static_out = faimi.parent / "faimi-clean-0", static.parent / "static-clean-0"
        noops = [(build(faimi, out), build(static, static_out)) for _ in range(args.repeat)]
        noop = min((site for site, _ in noops), key=lambda b: b.seconds)
        static_noop = min((plain for _, plain in noops), key=lambda b: b.seconds)
        people_file = faimi / "people" / "people.yaml"
        affiliation = site.people["people"][person]["affiliation"]
        edit(people_file, f"affiliation: {affiliation}\n", f"affiliation: {affiliation} (moved)\n")
        person_edit = build(faimi, out)
        agenda_file = faimi / "events" / f"{agenda_page}.agenda.yaml"
        edit(agenda_file, "title: Talk 2 on", "title: A new talk 2 on")
        agenda_edit = build(faimi, out)

    pages = len(site.events) + len(site.people["people"]) + 4  # home, 404, the two indexes
    print(f"{args.events} events x {benchmark_site.ITEMS} agenda items, {benchmark_site.PEOPLE} people: "
          f"{pages} pages; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'build':<46} {'CPU s':>8} {'peak MiB':>9} {'pages read':>11}")
    rows = {
        f"site, clean (best of {args.repeat})": clean["faimi"],
        f"plain MyST, clean (best of {args.repeat})": clean["static"],
        **({"datatemplates, clean": clean["datatemplates"]} if "datatemplates" in clean else {}),
        f"site, clean, {args.events // 4} events": clean_small,
        f"site, nothing changed (best of {args.repeat})": noop,
        f"plain MyST, nothing changed (best of {args.repeat})": static_noop,
        f"site, after {person} changed": person_edit,
        f"site, after an item of {agenda_page} changed": agenda_edit,
    }
    for what, figures in rows.items():
        print(f"{what:<46} {figures.seconds:8.2f} {figures.peak_mib:9.0f} {len(figures.read):11d}")
    print(f"{person} is shown on {len(expected_person)} pages: {', '.join(expected_person)}")
    print(f"read again after {person} changed: {', '.join(person_edit.read)}")
    print(f"read again after the agenda of {agenda_page} changed: {', '.join(agenda_edit.read)}")
    if "datatemplates" not in clean:
        print("sphinxcontrib-datatemplates is not installed: `python -m pip install --group benchmark`")

    result = {
        "events": args.events,
        "vs_static": clean["faimi"].seconds / clean["static"].seconds,
        **({"vs_datatemplates": clean["faimi"].seconds / clean["datatemplates"].seconds}
           if "datatemplates" in clean else {}),
        "growth": clean["faimi"].seconds / (4 * clean_small.seconds),
        "noop_vs_static": noop.seconds / static_noop.seconds,
        "person_edit_reread": len(person_edit.read),
        "person_shown_on": len(expected_person),
        "agenda_edit_reread": len(agenda_edit.read),
        "peak_mib": round(max(b.peak_mib for b in (clean["faimi"], noop, person_edit, agenda_edit))),
    }
    print("RESULT " + " ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
