#!/usr/bin/env python3
"""Drives `bbt studio` as its page does, through N saves of one narrative
text, and reports what the studio measures at the server (`--timings`):

- the time from the start to the first page's SVG sent (the script asks for
  page 1 as soon as the first state lists it, as the page does);
- for each save, the time from the save's arrival to the last page it
  changed sent (the script fetches the changed pages as soon as the new
  state lists them, as the page does);
- the resident memory of the studio after each save.

    bench/studio_edits.py BBT PROJECT [--edits 20] [--memory-edits 200] [--year Y] [--text ID]
                          [--replace] [--echo]

Each save adds a sentence to the end of the text, so the text grows by one
sentence a save (the paragraph and the pages after it change); with
--replace each save replaces the sentence the one before added (the text
changes but keeps its length). --echo copies the studio's --timings lines
(each cycle with its stages) to stderr.

PROJECT is copied to a temporary folder first (inputs are never touched).
Prints a JSON object on stdout: first_page_ms, cold_cycle_ms (the studio's
first cycle), save_ms (the first --edits saves), median_ms, rss_kib (after
each save), and the text edited.
"""

import argparse
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import urllib.request

from common import Stderr, rss_kib

FIRST = re.compile(r"\[studio\] first page sent ([\d.]+) ms after the start")
SAVED = re.compile(r"\[studio\] saved → (?:last changed page sent after ([\d.]+) ms|no page changed \(([\d.]+) ms\))")
CYCLE = re.compile(r"\[studio\] cycle (\d+): ([\d.]+) ms")
ADDRESS = re.compile(r"(http://127\.0\.0\.1:\d+)/\?token=([0-9a-f]+)")


class Studio:
    def __init__(self, base, token):
        self.base, self.token = base, token

    def call(self, method, path, body=None):
        headers = {"X-Bbt-Token": self.token, "Origin": self.base, "Sec-Fetch-Site": "same-origin"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        with urllib.request.urlopen(req, timeout=600) as r:
            raw = r.read()
        return raw

    def json(self, method, path, body=None):
        return json.loads(self.call(method, path, body))

    def events(self, states):
        """Reads the server-sent events as the page does; puts each state in `states`."""
        req = urllib.request.Request(self.base + "/api/gebeurtenissen", headers={"X-Bbt-Token": self.token})
        resp = urllib.request.urlopen(req, timeout=3600)

        def read():
            event, data = None, []
            for raw in resp:
                line = raw.decode("utf-8").rstrip("\n").rstrip("\r")
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].lstrip(" "))
                elif line == "":
                    if event == "toestand" and data:
                        states.put(json.loads("\n".join(data)))
                    event, data = None, []

        threading.Thread(target=read, daemon=True).start()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bbt")
    ap.add_argument("project")
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--memory-edits", type=int, default=200)
    ap.add_argument("--year")
    ap.add_argument("--text", help="the element whose text is edited (default: the first OD with a text)")
    ap.add_argument("--replace", action="store_true",
                    help="each save replaces the sentence the one before added (the text keeps its length)")
    ap.add_argument("--echo", action="store_true", help="copy the studio's --timings lines to stderr")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="bbt-studio-")
    project = os.path.join(tmp, "project")
    shutil.copytree(args.project, project)
    years = sorted(d for d in os.listdir(project) if d.isdigit())
    year = args.year or years[-1]
    cmd = [args.bbt, "studio", project, "--no-open", "-o", os.path.join(tmp, "out"), "--year", year, "--timings"]
    env = dict(os.environ, BBT_LANG="en")
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    err = Stderr(proc, echo=args.echo)

    try:
        m = err.wait(ADDRESS, "address")
        s = Studio(m.group(1), m.group(2))
        states = queue.Queue()
        s.events(states)

        def next_state(after):
            while True:
                st = states.get(timeout=600)
                if st["versie"] > after:
                    return st

        # As the page: every state as an event; page 1 as soon as one lists it.
        state = next_state(0)
        if not state["paginas"]:
            sys.exit(f"no preview; the diagnostics: {state['diagnosen'][:3]}")
        s.call("GET", f"/api/pagina/{state['paginas'][0]['hash']}/svg")
        cold_cycle = float(err.wait(CYCLE, "first cycle").group(2))
        first_page = float(err.wait(FIRST, "first page sent").group(1))
        for p in state["paginas"][1:]:
            s.call("GET", f"/api/pagina/{p['hash']}/svg")

        def editable(nodes):
            for n in nodes:
                if n["soort"] == "od" and n["bewerkbaar"]:
                    yield n["id"]
                yield from editable(n["kinderen"])

        element = args.text or next(editable(state["structuur"]))
        saves, rss = [], []
        total = max(args.edits, args.memory_edits)
        for i in range(total):
            tekst = s.json("GET", f"/api/tekst/{element}")
            if i == 0:
                original = tekst["markdown"]
            basis = original if args.replace else tekst["markdown"]
            markdown = basis + f"\nWijziging {i + 1}: een zin die de tekst een beetje langer maakt.\n"
            s.json("PUT", f"/api/tekst/{element}", {"markdown": markdown, "basis": tekst["versie"]})
            state = next_state(state["versie"])
            for h in state["nieuw"]:
                s.call("GET", f"/api/pagina/{h}/svg")
            m = err.wait(SAVED, f"save {i + 1} measured")
            if i < args.edits:
                saves.append(float(m.group(1) or m.group(2)))
            rss.append(rss_kib(proc.pid))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps({
        "text": element,
        "first_page_ms": first_page,
        "cold_cycle_ms": cold_cycle,
        "save_ms": saves,
        "median_ms": statistics.median(saves),
        "rss_kib": rss,
    }))


if __name__ == "__main__":
    main()
