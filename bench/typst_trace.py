#!/usr/bin/env python3
"""Sums a Chrome trace of Typst's timing scopes (written by
examples/typeset_profile.rs) per scope: the inclusive time (outermost
occurrence only, so recursion is not counted twice), the scope's own time
(without the scopes inside it), and how often it ran.

    bench/typst_trace.py TRACE.json [TOP]
"""

import collections
import json
import sys


def main():
    events = json.load(open(sys.argv[1]))
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    inclusive, own, count = collections.Counter(), collections.Counter(), collections.Counter()
    stacks = collections.defaultdict(list)
    for e in events:
        stack = stacks[e["tid"]]
        if e["ph"] == "B":
            stack.append([e["name"], e["ts"], 0.0])
            continue
        name, start, children = stack.pop()
        took = e["ts"] - start
        count[name] += 1
        if all(s[0] != name for s in stack):
            inclusive[name] += took
        own[name] += took - children
        if stack:
            stack[-1][2] += took
    print(f"{'scope':32} {'incl ms':>9} {'own ms':>9} {'count':>7}")
    for name, t in inclusive.most_common(top):
        print(f"{name:32} {t / 1000:9.1f} {own[name] / 1000:9.1f} {count[name]:7}")


if __name__ == "__main__":
    main()
