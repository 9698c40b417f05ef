"""Warn when the scheduled rebuild (.github/workflows/daily.yml) has stopped.

    python3 scripts/schedule_check.py WORKFLOW.json RUNS.json [--max-hours 12]

WORKFLOW.json is GitHub's answer for the workflow (``gh api
repos/OWNER/REPO/actions/workflows/daily.yml``), RUNS.json its last successful run
(``.../daily.yml/runs?status=success&per_page=1``). GitHub turns a schedule off after
60 days without activity in a public repository, and a run can keep failing unseen:
either way the site stops moving events from "upcoming" to "past". Each problem is
printed as a GitHub warning and written to the job summary; the exit status is 0
(a pull request is not the place to fail for it). Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from pathlib import Path

WORKFLOW = ".github/workflows/daily.yml"
HOW_TO_ENABLE = ("turn it on again: the repository's Actions tab, 'Scheduled rebuild', "
                 "'Enable workflow' (see the README, 'When the hourly rebuild stops')")


def problems(workflow: dict, runs: dict, now: dt.datetime, max_age: dt.timedelta) -> list[str]:
    """What is wrong with the schedule, in words; empty when it runs."""
    state = workflow.get("state", "unknown")
    if state != "active":
        why = " after 60 days without activity" if state == "disabled_inactivity" else ""
        return [f"The scheduled rebuild ({WORKFLOW}) is {state.replace('_', ' ')}{why}: the site "
                f"is no longer rebuilt as days pass; {HOW_TO_ENABLE}."]
    latest = runs.get("workflow_runs") or []
    if not latest:
        return [f"The scheduled rebuild ({WORKFLOW}) has not succeeded yet: run it once from the "
                "Actions tab ('Run workflow') and look at its log."]
    finished = dt.datetime.fromisoformat(latest[0]["updated_at"].replace("Z", "+00:00"))
    age = now - finished
    if age > max_age:
        hours = int(age.total_seconds() // 3600)
        return [f"The scheduled rebuild ({WORKFLOW}) last succeeded {hours} hours ago "
                f"({latest[0].get('html_url', 'see the Actions tab')}): its later runs failed or did not "
                "start; read their logs in the Actions tab."]
    return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workflow", type=Path)
    parser.add_argument("runs", type=Path)
    parser.add_argument("--max-hours", type=float, default=12)
    args = parser.parse_args()
    found = problems(json.loads(args.workflow.read_text(encoding="utf-8")),
                     json.loads(args.runs.read_text(encoding="utf-8")),
                     dt.datetime.now(dt.UTC), dt.timedelta(hours=args.max_hours))
    for problem in found:
        print(f"::warning title=Scheduled rebuild::{problem}")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write("".join(f"- {p}\n" for p in found) or "The scheduled rebuild runs.\n")
    if not found:
        print("The scheduled rebuild runs.")


if __name__ == "__main__":
    main()
