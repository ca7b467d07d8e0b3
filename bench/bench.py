#!/usr/bin/env python3
"""The measurements of bench/run (which prepares everything and calls this with
the paths): runs each measurement --runs times, interleaved, takes medians,
writes bench/RESULTS.md and prints it on stdout. Standard library only.

Every process is timed from outside (wall clock around the whole process) and
its peak resident memory and CPU time are taken from the kernel with wait4(2),
the same figures `/usr/bin/time -v` prints.

Exit codes: 0 every target met, 1 a target missed, 2 a measurement failed or a
result was wrong (see "Problems" in RESULTS.md).
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

STAGES = ["load", "check", "view", "template", "typeset", "export", "write"]
TIMING = re.compile(r"^\s*([a-z]+):\s+([0-9.]+) ms\s*$", re.M)
WROTE_PDF = re.compile(r"^wrote (.+\.pdf) \((\d+) pages;", re.M)
WROTE_HORIZONTAL = re.compile(r"^wrote (.+horizontaal-[0-9]+-[a-z0-9]+\.pdf) \((\d+) pages?,", re.M)
WORKSPACE = re.compile(
    r"(\d+) of (\d+) rendered, (\d+) pages in ([0-9.]+) s(?:, CPU ([0-9.]+) s)? \((\d+) at a time\)"
)
GIB = 1024 * 1024  # KiB in a GiB


def log(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


class Failed(Exception):
    """A measurement that could not be taken: the benchmark stops with exit 2."""


@dataclass
class Proc:
    cmd: list
    code: int
    wall_s: float
    rss_kib: int
    cpu_s: float
    out: str
    err: str

    def tail(self, n=25):
        lines = (self.out + "\n" + self.err).strip().splitlines()
        return "\n".join(lines[-n:])


def run(cmd, cwd=None, env=None, ok=(0,)):
    """Runs cmd to completion; wall time, peak RSS and CPU (user + system,
    children included) from wait4. Raises Failed on an exit code not in ok."""
    cmd = [str(c) for c in cmd]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        proc = Proc(cmd, p.returncode, wall, ru.ru_maxrss, ru.ru_utime + ru.ru_stime,
                    out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))
    if proc.code not in ok:
        raise Failed(f"`{' '.join(cmd)}` exited with {proc.code}"
                     f"{f' (in {cwd})' if cwd else ''}:\n{proc.tail()}")
    return proc


def stages(stderr):
    """The `--timings` lines as {stage: ms}, summed over repeated stages
    (check prints load and check once per project)."""
    t = {}
    for name, ms in TIMING.findall(stderr):
        t[name] = t.get(name, 0.0) + float(ms)
    return t


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def mib(kib):
    return kib / 1024


def capture(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def machine(repo, typst, py_versions, commit):
    info = {}
    info["cores"] = f"{len(os.sched_getaffinity(0))} (nproc), {os.cpu_count()} online"
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    info["CPU"] = model
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                info["memory"] = f"{int(line.split()[1]) / GIB:.1f} GiB"
    pretty = platform.system()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    pretty = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    info["OS"] = f"{pretty}, Linux {platform.release()}"
    info["rustc"] = capture(["rustc", "--version"])
    info["typst CLI"] = capture([typst, "--version"])
    info["Python (pandas baseline)"] = (f"{py_versions.get('python', '?')}, pandas {py_versions.get('pandas', '?')}, "
                                        f"openpyxl {py_versions.get('openpyxl', '?')}")
    info["date"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    head = capture(["git", "-C", repo, "rev-parse", "--short=12", "HEAD"])
    if commit and not commit.startswith(head):
        commit += f" (built from it; HEAD moved to {head} during the run)"
    info["git commit"] = commit or head
    return info


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def same_text(a, b):
    """pdftotext of two PDFs, whitespace normalised, compared."""
    def text(p):
        r = subprocess.run(["pdftotext", "-enc", "UTF-8", str(p), "-"], capture_output=True)
        return " ".join(r.stdout.decode("utf-8", "replace").split())
    return text(a) == text(b)


def pdf_pages(p):
    r = subprocess.run(["pdfinfo", str(p)], capture_output=True, text=True)
    m = re.search(r"^Pages:\s+(\d+)", r.stdout, re.M)
    return int(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--bbt", required=True)
    ap.add_argument("--typst", required=True)
    ap.add_argument("--python", required=True, help="the venv's python, with pandas and openpyxl")
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--big", required=True, help="the 100,000-row workbook")
    ap.add_argument("--out", required=True)
    ap.add_argument("--commit", default="", help="the commit the binaries were built from")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cycles", type=int, default=20)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--results", required=True)
    a = ap.parse_args()
    try:
        code = bench(a)
    except Failed as e:
        log(f"error: {e}")
        return 2
    return code


def bench(a):
    repo, bbt, typst, out = a.repo, os.path.abspath(a.bbt), os.path.abspath(a.typst), a.out
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(typst) + os.pathsep + env.get("PATH", "")  # compile.sh calls `typst`
    env.pop("SOURCE_DATE_EPOCH", None)
    domains = sorted(d for d in os.listdir(a.dataset) if os.path.isdir(os.path.join(a.dataset, d)))
    if not domains:
        raise Failed(f"no domains in {a.dataset}")
    problems = []
    load_before = loadavg()

    # Setup: the Typst sources of every domain (one workspace call), and the
    # project with the big workbook (a copy of the sample, its 2025 workbook replaced).
    typ_out = os.path.join(out, "typ")
    shutil.rmtree(typ_out, ignore_errors=True)
    log(f"writing the Typst sources of {len(domains)} domains (--emit-typ)")
    p = run([bbt, "render", a.dataset, "--emit-typ", "-o", typ_out])
    typ_dirs = {}
    for name in domains:
        found = [d for d in os.listdir(typ_out) if d.startswith(name + "-") and d.endswith("-typ")]
        if len(found) != 1:
            raise Failed(f"--emit-typ wrote {found or 'no folder'} for {name} in {typ_out}")
        typ_dirs[name] = os.path.join(typ_out, found[0])
        if not os.path.isfile(os.path.join(typ_dirs[name], "compile.sh")):
            raise Failed(f"{typ_dirs[name]} holds no compile.sh")

    big_project = os.path.join(out, "big-project")
    shutil.rmtree(big_project, ignore_errors=True)
    shutil.copytree(os.path.join(repo, "inputs"), big_project)
    big_doc = os.path.join(big_project, "2025", "bo")
    for f in os.listdir(big_doc):
        if f.startswith("begroting."):
            os.remove(os.path.join(big_doc, f))
    shutil.copy(a.big, os.path.join(big_doc, "begroting.xlsx"))

    render_out = os.path.join(out, "render")
    ws_out = os.path.join(out, "workspace")
    for d in (render_out, ws_out):
        shutil.rmtree(d, ignore_errors=True)

    # The measurements, interleaved run by run.
    check_runs, ws_runs, big_runs, pandas_runs = [], [], [], []
    plan_check_runs, horizontal_runs = [], []
    dom = {n: {"stages": {s: [] for s in STAGES}, "total_ms": [], "wall_s": [], "rss_kib": [],
               "typst_wall_s": [], "typst_rss_kib": [], "pages": None, "pdf": None} for n in domains}
    paths = [os.path.join(a.dataset, n) for n in domains]
    for i in range(1, a.runs + 1):
        log(f"run {i}/{a.runs}: bbt check of {len(domains)} domains in one call")
        p = run([bbt, "check", *paths, "--timings"])
        check_runs.append({"wall_s": p.wall_s, "rss_kib": p.rss_kib, "stages": stages(p.err)})

        log(f"run {i}/{a.runs}: bbt render of the whole government (workspace)")
        p = run([bbt, "render", a.dataset, "-o", ws_out])
        m = WORKSPACE.search(p.err)
        if not m:
            raise Failed(f"no summary line in the workspace render's output:\n{p.tail()}")
        rendered, count, pages, wall, cpu, jobs = m.groups()
        if rendered != count or int(count) != len(domains):
            raise Failed(f"the workspace render rendered {rendered} of {count} (expected {len(domains)}):\n{p.tail()}")
        ws_runs.append({"wall_s": p.wall_s, "printed_wall_s": float(wall), "pages": int(pages),
                        "printed_cpu_s": float(cpu) if cpu else None, "cpu_s": p.cpu_s,
                        "jobs": int(jobs), "rss_kib": p.rss_kib})

        # The horizontal plan (horizontaal.yaml at the dataset's root): the
        # check of the workspace folder reads it (the check above, of the
        # domains one by one, does not), and the overview reads the page
        # indexes the workspace render just wrote into ws_out.
        log(f"run {i}/{a.runs}: bbt check of the workspace with its horizontal plan")
        p = run([bbt, "check", a.dataset, "--timings"])
        plan_check_runs.append({"wall_s": p.wall_s, "rss_kib": p.rss_kib, "stages": stages(p.err)})
        log(f"run {i}/{a.runs}: bbt horizontaal of the whole government")
        p = run([bbt, "horizontaal", a.dataset, "-o", ws_out, "--timings"])
        m = WROTE_HORIZONTAL.search(p.err)
        if not m:
            raise Failed(f"no overview written by bbt horizontaal:\n{p.tail()}")
        if "page index" in p.err:
            problems.append("bbt horizontaal found no page index of some domains' PDFs")
        horizontal_runs.append({"wall_s": p.wall_s, "rss_kib": p.rss_kib, "pages": int(m.group(2)),
                                "stages": stages(p.err)})

        for n in domains:
            log(f"run {i}/{a.runs}: {n}: bbt render --timings, then its Typst sources with the typst CLI")
            p = run([bbt, "render", os.path.join(a.dataset, n), "-o", render_out, "--timings"])
            t = stages(p.err)
            wrote = WROTE_PDF.findall(p.err)
            missing = [s for s in STAGES + ["total"] if s not in t]
            if len(wrote) != 1 or missing:
                raise Failed(f"unexpected output of the render of {n} (missing {missing}):\n{p.tail()}")
            d = dom[n]
            for s in STAGES:
                d["stages"][s].append(t[s])
            d["total_ms"].append(t["total"])
            d["wall_s"].append(p.wall_s)
            d["rss_kib"].append(p.rss_kib)
            d["pdf"], pages = wrote[0][0], int(wrote[0][1])
            if d["pages"] is not None and d["pages"] != pages:
                problems.append(f"{n}: the page count changed between runs ({d['pages']} then {pages})")
            d["pages"] = pages

            p = run(["sh", "compile.sh"], cwd=typ_dirs[n], env=env)
            d["typst_wall_s"].append(p.wall_s)
            d["typst_rss_kib"].append(p.rss_kib)

        log(f"run {i}/{a.runs}: bbt check of the {os.path.basename(a.big)} project")
        p = run([bbt, "check", big_project, "--year", "2025", "--timings", "--format", "json"], ok=(0, 1))
        t = stages(p.err)
        if "load" not in t:
            raise Failed(f"no load stage in the output of the big check:\n{p.err[-2000:]}")
        big_runs.append({"wall_s": p.wall_s, "load_ms": t["load"], "rss_kib": p.rss_kib,
                         "diagnostics": len(json.loads(p.out)) if p.out.strip().startswith("[") else None})

        log(f"run {i}/{a.runs}: pandas.read_excel (openpyxl) of the same sheet")
        p = run([a.python, os.path.join(repo, "bench", "read_pandas.py"), a.big, "Uitgaven"])
        r = json.loads(p.out)
        r.update(wall_s=p.wall_s, rss_kib=p.rss_kib)
        pandas_runs.append(r)

    # Correctness: the typst CLI's PDFs against ours (same pages, same text).
    agree = {}
    have_poppler = shutil.which("pdftotext") and shutil.which("pdfinfo")
    for n in domains:
        ours = dom[n]["pdf"]
        theirs = os.path.join(typ_dirs[n], os.path.basename(ours))
        if not have_poppler:
            agree[n] = "not compared (no pdftotext/pdfinfo)"
            continue
        if not os.path.isfile(theirs):
            problems.append(f"{n}: compile.sh wrote no {os.path.basename(ours)}")
            agree[n] = "no PDF"
            continue
        pa, pb = pdf_pages(ours), pdf_pages(theirs)
        text = same_text(ours, theirs)
        agree[n] = "yes" if (pa == pb and text) else f"NO (pages {pa} vs {pb}, text {'same' if text else 'differs'})"
        if pa != dom[n]["pages"]:
            problems.append(f"{n}: bbt reported {dom[n]['pages']} pages, pdfinfo counts {pa}")
        if agree[n] != "yes":
            problems.append(f"{n}: the typst CLI's PDF differs from bbt's: {agree[n]}")
    if pandas_runs and pandas_runs[0]["rows"] != 100_000:
        problems.append(f"pandas read {pandas_runs[0]['rows']} rows, not 100,000")

    # Watch: re-renders of the domain with the most pages.
    largest = max(domains, key=lambda n: dom[n]["pages"])
    log(f"bbt watch on {largest}: 1 cold render and {a.cycles} edits of one narrative file")
    p = run([sys.executable, os.path.join(repo, "bench", "watch_cycles.py"), bbt,
             os.path.join(a.dataset, largest), "--cycles", a.cycles])
    watch = json.loads(p.out)

    # Studio: saves of one text, the first page, memory (onderwijs-vorming, as the issue asks).
    studio_dom = "onderwijs-vorming" if "onderwijs-vorming" in domains else largest
    log(f"bbt studio on {studio_dom}: the first page, {a.cycles} saves measured, 200 for memory")
    p = run([sys.executable, os.path.join(repo, "bench", "studio_edits.py"), bbt,
             os.path.join(a.dataset, studio_dom), "--edits", a.cycles, "--memory-edits", "200"])
    studio = json.loads(p.out)
    studio["domain"] = studio_dom
    # The first page is one measurement per start: more starts, the median.
    firsts, cycles = [studio["first_page_ms"]], [studio["cold_cycle_ms"]]
    for _ in range(max(0, int(a.runs) - 1)):
        p = run([sys.executable, os.path.join(repo, "bench", "studio_edits.py"), bbt,
                 os.path.join(a.dataset, studio_dom), "--edits", "1", "--memory-edits", "1"])
        start = json.loads(p.out)
        firsts.append(start["first_page_ms"])
        cycles.append(start["cold_cycle_ms"])
    studio["first_page_runs"], studio["cold_cycle_runs"] = firsts, cycles
    studio["first_page_ms"], studio["cold_cycle_ms"] = statistics.median(firsts), statistics.median(cycles)
    # Memory when every save replaces the sentence the one before added: the
    # text keeps its length, so what grows is the studio, not the document.
    log(f"bbt studio on {studio_dom}: 200 saves that keep the text's length, for memory")
    p = run([sys.executable, os.path.join(repo, "bench", "studio_edits.py"), bbt,
             os.path.join(a.dataset, studio_dom), "--edits", "1", "--memory-edits", "200", "--replace"])
    studio["rss_kib_replace"] = json.loads(p.out)["rss_kib"]

    load_after = loadavg()
    py_versions = {"python": capture([a.python, "-c", "import platform; print(platform.python_version())"]),
                   "pandas": pandas_runs[0].get("pandas"), "openpyxl": pandas_runs[0].get("openpyxl")}
    info = machine(repo, typst, py_versions, a.commit)

    raw = {"domains": dom, "check": check_runs, "plan_check": plan_check_runs, "horizontal": horizontal_runs,
           "workspace": ws_runs, "big": big_runs,
           "pandas": pandas_runs, "watch": watch, "studio": studio, "agree": agree, "machine": info,
           "loadavg": [load_before, load_after], "problems": problems}
    with open(os.path.join(out, "raw.json"), "w") as f:
        json.dump(raw, f, indent=1)

    text, missed = report(a, info, domains, dom, check_runs, ws_runs, big_runs, pandas_runs,
                          watch, studio, largest, agree, problems, load_before, load_after,
                          plan_check_runs, horizontal_runs)
    with open(a.results, "w") as f:
        f.write(text)
    print(text, end="")
    log(f"wrote {os.path.relpath(a.results, repo)} and the raw figures to {os.path.relpath(out, repo)}/raw.json")
    if problems:
        return 2
    return 1 if missed else 0


def report(a, info, domains, dom, check_runs, ws_runs, big_runs, pandas_runs, watch, studio, largest, agree,
           problems, load_before, load_after, plan_check_runs, horizontal_runs):
    L = []
    w = L.append
    w("# Benchmark results\n")
    w(f"Written by `bench/run` (see its header, and `bench/README.md` for the dataset). "
      f"Medians of **{a.runs} run{'s' if a.runs != 1 else ''}** per measurement, run by run interleaved; "
      f"release build; dataset seed {a.seed}; wall times are whole processes measured from outside "
      f"unless marked as `--timings` stages; memory is the peak resident set (wait4, as `/usr/bin/time -v`).\n")
    if a.quick:
        w(f"> **Quick run** (`--quick`: {a.runs} runs, {a.cycles} watch cycles): a smoke test of the "
          f"benchmark, not figures to quote.\n")
    w(f"> Load average (1, 5, 15 min) before the measurements: {load_before}; after: {load_after}. "
      f"On {len(os.sched_getaffinity(0))} cores, any other work competes with the parallel render.\n")

    w("## Machine\n")
    w("| | |\n|---|---|")
    for k, v in info.items():
        w(f"| {k} | {v} |")
    w("")

    # 1. check
    chk_wall = med([r["wall_s"] for r in check_runs])
    chk_st = {s: med([r["stages"].get(s, 0.0) for r in check_runs]) for s in ("load", "check")}
    ws_wall = med([r["wall_s"] for r in ws_runs])
    w(f"## 1. `bbt check` of the whole dataset ({len(domains)} domains, one call)\n")
    w("| measurement | median |\n|---|---:|")
    w(f"| whole process | {chk_wall * 1000:.0f} ms |")
    w(f"| `--timings` load (all projects) | {chk_st['load']:.1f} ms |")
    w(f"| `--timings` check (all projects) | {chk_st['check']:.1f} ms |")
    w(f"| peak memory | {mib(med([r['rss_kib'] for r in check_runs])):.0f} MiB |")
    w(f"| share of the whole-government render (wall {ws_wall:.2f} s) | {chk_wall / ws_wall * 100:.1f} % |")
    w("")

    # 1b. the horizontal plan
    plan_wall = med([r["wall_s"] for r in plan_check_runs])
    plan_share = plan_wall / chk_wall - 1
    h_wall = med([r["wall_s"] for r in horizontal_runs])
    h_st = {s: med([r["stages"].get(s, 0.0) for r in horizontal_runs]) for s in ("typeset", "export")}
    largest_render = max(domains, key=lambda n: dom[n]["pages"])
    largest_wall = med(dom[largest_render]["wall_s"])
    w("## 1b. The horizontal plan (`horizontaal.yaml` at the dataset's root)\n")
    w("`bbt check` of the workspace folder reads the plan and checks every OD's themes and actions "
      "against it (H001–H006); the check of section 1 names the domains one by one and reads no plan. "
      "`bbt horizontaal` of the workspace runs after the workspace render of the same run, so every "
      "domain's page index is there.\n")
    w("| measurement | median |\n|---|---:|")
    w(f"| `bbt check` of the workspace with its plan (whole process) | {plan_wall * 1000:.0f} ms |")
    w(f"| the same without the plan (section 1) | {chk_wall * 1000:.0f} ms |")
    w(f"| `bbt horizontaal` of the whole government (whole process) | {h_wall * 1000:.0f} ms |")
    w(f"| its pages | {horizontal_runs[0]['pages']} |")
    w(f"| its `--timings` typeset / export | {h_st['typeset']:.0f} / {h_st['export']:.0f} ms |")
    w(f"| its peak memory | {mib(med([r['rss_kib'] for r in horizontal_runs])):.0f} MiB |")
    w(f"| the largest single domain's `bbt render` ({largest_render}, {dom[largest_render]['pages']} pages) | {largest_wall * 1000:.0f} ms |")
    w("")

    # 2. render
    w("## 2–3. `bbt render`, each domain on its own (`--timings`, ms) and against the typst CLI\n")
    w("`process` is the whole `bbt render` process, `typst CLI` the whole `sh compile.sh` of that domain's "
      "`--emit-typ` sources; overhead = (process − typst CLI) / process.\n")
    head = ["domain", "pages"] + STAGES + ["total", "process", "peak MiB", "typst CLI", "typst MiB", "ratio", "overhead"]
    w("| " + " | ".join(head) + " |")
    w("|---|" + "---:|" * (len(head) - 1))
    tot = {k: 0.0 for k in ["pages", "total", "wall", "typst"] + STAGES}
    for n in sorted(domains, key=lambda n: -dom[n]["pages"]):
        d = dom[n]
        st = {s: med(d["stages"][s]) for s in STAGES}
        total, wall, twall = med(d["total_ms"]), med(d["wall_s"]), med(d["typst_wall_s"])
        for s in STAGES:
            tot[s] += st[s]
        tot["pages"] += d["pages"]
        tot["total"] += total
        tot["wall"] += wall
        tot["typst"] += twall
        w(f"| {n} | {d['pages']} | " + " | ".join(f"{st[s]:.1f}" for s in STAGES)
          + f" | {total:.0f} | {wall * 1000:.0f} | {mib(med(d['rss_kib'])):.0f} | {twall * 1000:.0f} | "
          f"{mib(med(d['typst_rss_kib'])):.0f} | {wall / twall:.3f} | {(wall - twall) / wall * 100:+.1f} % |")
    overhead = (tot["wall"] - tot["typst"]) / tot["wall"]
    w(f"| **all {len(domains)}, one after the other** | **{tot['pages']:.0f}** | " + " | ".join(f"{tot[s]:.0f}" for s in STAGES)
      + f" | **{tot['total']:.0f}** | **{tot['wall'] * 1000:.0f}** | | **{tot['typst'] * 1000:.0f}** | | "
      f"**{tot['wall'] / tot['typst']:.3f}** | **{overhead * 100:+.1f} %** |")
    w("")
    worst = max(domains, key=lambda n: med(dom[n]["wall_s"]) / med(dom[n]["typst_wall_s"]))
    w(f"Typesetting + export are {(tot['typeset'] + tot['export']) / tot['total'] * 100:.0f} % of the `--timings` "
      f"total. Highest per-domain ratio: {worst}, "
      f"{med(dom[worst]['wall_s']) / med(dom[worst]['typst_wall_s']):.3f}.\n")
    w("Same pages and `pdftotext` text from the typst CLI as from bbt: "
      + ", ".join(f"{n} {agree[n]}" for n in domains) + ".\n")

    # 2b. workspace
    ws_pages = ws_runs[0]["pages"]
    ws_cpu = med([r["cpu_s"] for r in ws_runs])
    ws_printed = med([r["printed_wall_s"] for r in ws_runs])
    ws_rss_max = max(r["rss_kib"] for r in ws_runs)
    pps = ws_pages / ws_wall
    w(f"### The whole government in one call: `bbt render {os.path.relpath(a.dataset, a.repo)} -o …`\n")
    w("| measurement | median |\n|---|---:|")
    w(f"| pages | {ws_pages} |")
    w(f"| whole process | {ws_wall:.2f} s |")
    w(f"| as printed by bbt (`… pages in X s`) | {ws_printed:.2f} s |")
    w(f"| CPU (user + system) | {ws_cpu:.2f} s |")
    w(f"| CPU / wall | {ws_cpu / ws_wall:.2f} ({ws_runs[0]['jobs']} at a time) |")
    w(f"| pages per second (whole process) | {pps:.1f} |")
    w(f"| peak memory (median / highest) | {mib(med([r['rss_kib'] for r in ws_runs])):.0f} / {mib(ws_rss_max):.0f} MiB |")
    w(f"| sum of the 11 separate renders (process) | {tot['wall']:.2f} s |")
    w("")

    # 4. import
    b_load = med([r["load_ms"] for r in big_runs])
    b_wall = med([r["wall_s"] for r in big_runs])
    pd_read = med([r["read_s"] for r in pandas_runs])
    pd_wall = med([r["wall_s"] for r in pandas_runs])
    w("## 4. Importing a 100,000-row workbook\n")
    w(f"`bbt check --year 2025 --timings --format json` of a copy of the sample whose 2025 workbook is "
      f"`{os.path.basename(a.big)}` (`cargo run --release --example big_workbook`; sheet `Uitgaven`, "
      f"{pandas_runs[0]['rows']:,} rows × {pandas_runs[0]['columns']} columns; the check then reports the "
      f"articles that match no ISE, as expected), against `pandas.read_excel(path, sheet_name=\"Uitgaven\", "
      f"engine=\"openpyxl\")` (`bench/read_pandas.py`).\n")
    w("| measurement | bbt | pandas + openpyxl | pandas / bbt |\n|---|---:|---:|---:|")
    w(f"| reading (bbt: `--timings` load stage; pandas: the `read_excel` call) | {b_load:.0f} ms | "
      f"{pd_read * 1000:.0f} ms | {pd_read * 1000 / b_load:.1f}× |")
    w(f"| whole process | {b_wall * 1000:.0f} ms | {pd_wall * 1000:.0f} ms | {pd_wall / b_wall:.1f}× |")
    w(f"| peak memory | {mib(med([r['rss_kib'] for r in big_runs])):.0f} MiB | "
      f"{mib(med([r['rss_kib'] for r in pandas_runs])):.0f} MiB | |")
    w("")

    # 5. watch
    w(f"## 5. Re-render after editing one narrative file (`bbt watch`, {largest})\n")
    w(f"`bench/watch_cycles.py`: {len(watch['rerender_ms'])} edits of `{watch['text']}` (one sentence "
      f"appended each time).\n")
    rss = watch.get("rss_kib") or [0]
    w("| measurement | median |\n|---|---:|")
    w(f"| cold render (watch's first cycle) | {watch['cold_ms']} ms |")
    w(f"| cold `bbt render` of that domain (whole process, section 2) | {med(dom[largest]['wall_s']) * 1000:.0f} ms |")
    w(f"| re-render | {watch['median_ms']:.0f} ms (min {min(watch['rerender_ms'])}, max {max(watch['rerender_ms'])}) |")
    w(f"| re-render / cold | {watch['ratio'] * 100:.1f} % |")
    cold_st, re_st = watch.get("cold_stages") or {}, watch.get("rerender_stages") or {}
    for k in [k for k in re_st if k != "total"]:
        w(f"| `--timings` {k}: cold / re-render (median) | {cold_st.get(k, 0):.1f} / {re_st[k]:.1f} ms |")
    if "export" in re_st and watch["cold_ms"]:
        w(f"| PDF export alone in a re-render, / cold render | {re_st['export'] / watch['cold_ms'] * 100:.1f} % |")
    w(f"| resident memory after the first / last cycle | {mib(rss[0]):.0f} / {mib(rss[-1]):.0f} MiB |")
    w("")

    # 6. studio
    sd = studio["domain"]
    cold = med(dom[sd]["wall_s"]) * 1000
    srss = studio["rss_kib"]
    w(f"## 6. The studio (`bbt studio`, {sd})\n")
    w(f"`bench/studio_edits.py` drives the studio as its page does (server-sent events, pages fetched as "
      f"soon as a state lists them) and reads what the studio measures at the server (`--timings`): "
      f"{len(studio['save_ms'])} saves of `{studio['text']}` (one sentence appended each time), then saves up "
      f"to {len(srss)} for memory.\n")
    w("| measurement | median |\n|---|---:|")
    w(f"| cold `bbt render` of that domain (whole process, section 2) | {cold:.0f} ms |")
    w(f"| the studio's first cycle (load, check, typeset; no PDF) | {studio['cold_cycle_ms']:.0f} ms |")
    w(f"| start → first page's SVG sent | {studio['first_page_ms']:.0f} ms |")
    w(f"| save → last changed page's SVG sent | {studio['median_ms']:.0f} ms (min {min(studio['save_ms']):.0f}, "
      f"max {max(studio['save_ms']):.0f}) |")
    w(f"| resident memory after save 10 / {len(srss)} | {mib(srss[9]):.0f} / {mib(srss[-1]):.0f} MiB |")
    rep = studio.get("rss_kib_replace")
    if rep:
        w(f"| the same, each save replacing the sentence the one before added | {mib(rep[9]):.0f} / "
          f"{mib(rep[-1]):.0f} MiB |")
    w("")
    w(f"First page: median of {len(studio['first_page_runs'])} starts "
      f"({', '.join(f'{x:.0f}' for x in studio['first_page_runs'])} ms). Resident memory after every "
      f"20th appending save: {', '.join(f'{mib(x):.0f}' for x in srss[9::20])} MiB.\n")

    # Targets
    check_share = chk_wall / ws_wall
    save_share = studio["median_ms"] / cold
    growth = srss[-1] / srss[9] - 1
    import_x = pd_read * 1000 / b_load
    targets = [
        (f"overhead over the typst CLI (all {len(domains)} domains, process walls)", "≤ 10 % of render time",
         f"{overhead * 100:.1f} % ({tot['wall']:.2f} s vs {tot['typst']:.2f} s)", overhead <= 0.10),
        ("`bbt check` of the whole dataset vs its whole-government render", "≤ 5 %",
         f"{check_share * 100:.1f} % ({chk_wall * 1000:.0f} ms vs {ws_wall:.2f} s)", check_share <= 0.05),
        ("`bbt check` of the workspace: what its horizontal plan adds", "≤ 5 %",
         f"{plan_share * 100:+.1f} % ({plan_wall * 1000:.0f} ms vs {chk_wall * 1000:.0f} ms)", plan_share <= 0.05),
        ("`bbt horizontaal` of the whole government vs the largest single domain's BBT", "less time",
         f"{h_wall * 1000:.0f} ms vs {largest_wall * 1000:.0f} ms ({largest_render})", h_wall < largest_wall),
        ("100,000-row import vs pandas + openpyxl (read vs read)", "≥ 20× faster",
         f"{import_x:.1f}× ({b_load:.0f} ms vs {pd_read * 1000:.0f} ms)", import_x >= 20),
        (f"studio: save → last changed page's SVG sent ({sd})", "≤ 15 % of a cold render",
         f"{save_share * 100:.1f} % ({studio['median_ms']:.0f} ms vs {cold:.0f} ms)", save_share <= 0.15),
        (f"studio: start → first page's SVG sent ({sd})", "≤ a cold render",
         f"{studio['first_page_ms']:.0f} ms vs {cold:.0f} ms", studio["first_page_ms"] <= cold),
        (f"studio: resident memory over {len(srss)} saves", "last ≤ 110 % of after the 10th",
         f"{growth * 100:+.1f} % ({mib(srss[9]):.0f} → {mib(srss[-1]):.0f} MiB)", growth <= 0.10),
        ("peak memory of the whole-government render (highest run)", "≤ 2 GiB",
         f"{ws_rss_max / GIB:.2f} GiB", ws_rss_max <= 2 * GIB),
        ("pages per second of the whole-government render", "≥ 60",
         f"{pps:.1f} ({ws_pages} pages in {ws_wall:.2f} s)", pps >= 60),
    ]
    w("## Targets\n")
    w("| target | goal | measured (median) | result |\n|---|---|---|---|")
    for name, goal, measured, ok in targets:
        w(f"| {name} | {goal} | {measured} | {'PASS' if ok else '**MISS**'} |")
    w("")
    missed = [t for t in targets if not t[3]]
    if problems:
        w("## Problems\n")
        for p in problems:
            w(f"- {p}")
        w("")
    w(f"{len(targets) - len(missed)} of {len(targets)} targets met"
      + (f"; missed: {', '.join(t[0] for t in missed)}." if missed else "."))
    return "\n".join(L) + "\n", missed


if __name__ == "__main__":
    sys.exit(main())
