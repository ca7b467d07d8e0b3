#!/usr/bin/env python3
"""Drives `bbt watch` through N edits of one narrative file and reports the
cold render, the re-render times and the resident memory after each cycle.

    bench/watch_cycles.py BBT PROJECT [--cycles 50] [--year Y] [--text REL]

PROJECT is copied to a temporary folder first (inputs are never touched).
Prints a JSON object on stdout: cold_ms, rerender_ms (list), median_ms,
ratio (median / cold), rss_kib (list, after each cycle), and the stages of
each cycle as `bbt watch --timings` prints them: cold_stages (ms by stage)
and rerender_stages (median ms by stage over the re-renders).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import re

from common import Stderr, rss_kib

CYCLE = re.compile(r"\[watch\] cycle (\d+): (rendered|not rendered)[^(]*\((\d+) ms\)")
# `--timings`: the stages of a cycle, printed before its cycle line.
STAGE = re.compile(r"^\s+(\w+):\s+([\d.]+) ms$")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bbt")
    ap.add_argument("project")
    ap.add_argument("--cycles", type=int, default=50)
    ap.add_argument("--year")
    ap.add_argument("--text", help="the text file to edit, relative to the document folder")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="bbt-watch-")
    project = os.path.join(tmp, "project")
    shutil.copytree(args.project, project)
    years = sorted(d for d in os.listdir(project) if d.isdigit())
    year = args.year or years[-1]
    tekst = os.path.join(project, year, "bo", "tekst")
    rel = args.text or sorted(os.listdir(tekst))[0]
    path = os.path.join(tekst, rel)

    cmd = [args.bbt, "watch", project, "-o", os.path.join(tmp, "out"), "--year", year, "--timings"]
    # The lines read below are the English ones.
    env = dict(os.environ, BBT_LANG="en")
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    err = Stderr(proc)

    stages = []  # per cycle, in order

    def wait_cycle(n):
        current = {}
        for line in err.lines(f"cycle {n}"):
            st = STAGE.match(line)
            if st:
                current[st.group(1)] = float(st.group(2))
                continue
            m = CYCLE.search(line)
            if m and int(m.group(1)) == n:
                if m.group(2) != "rendered":
                    sys.exit(f"cycle {n} did not render: {line}")
                stages.append(current)
                return int(m.group(3))

    try:
        cold = wait_cycle(1)
        rss = [rss_kib(proc.pid)]
        times = []
        for i in range(args.cycles):
            with open(path, "a", encoding="utf-8") as f:
                f.write(f"\nWijziging {i + 1}: een zin die de tekst een beetje langer maakt.\n")
            times.append(wait_cycle(i + 2))
            rss.append(rss_kib(proc.pid))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    median = statistics.median(times)
    print(json.dumps({
        "text": rel,
        "cold_ms": cold,
        "rerender_ms": times,
        "median_ms": median,
        "ratio": median / cold if cold else None,
        "rss_kib": rss,
        "cold_stages": stages[0] if stages else {},
        "rerender_stages": {
            k: statistics.median(c.get(k, 0.0) for c in stages[1:])
            for k in (stages[1].keys() if len(stages) > 1 else [])
        },
    }))


if __name__ == "__main__":
    main()
