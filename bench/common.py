"""What the benchmark's drivers of a running `bbt` (watch_cycles.py,
studio_edits.py) share: its resident memory, and its stderr read line by
line while it runs."""

import queue
import sys
import threading
import time


def rss_kib(pid):
    """The resident memory of process `pid`, in KiB (0 if unknown)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Stderr:
    """The stderr of `proc` (opened with stderr=PIPE, text=True), read on a
    thread of its own; with `echo`, each line is copied to our stderr."""

    def __init__(self, proc, echo=False):
        self.proc = proc
        self.queue = queue.Queue()

        def pump():
            for line in proc.stderr:
                if echo:
                    sys.stderr.write(line)
                self.queue.put(line.rstrip("\n"))

        threading.Thread(target=pump, daemon=True).start()

    def lines(self, what, seconds=600):
        """The lines as they come; exits the script when `proc` stops or
        after `seconds` without having been stopped by the caller."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                yield self.queue.get(timeout=1)
            except queue.Empty:
                if self.proc.poll() is not None:
                    sys.exit(f"{self.proc.args[0]} stopped while waiting for {what}")
        sys.exit(f"no {what} within {seconds // 60} minutes")

    def wait(self, pattern, what, seconds=600):
        """The match of the first line that `pattern` matches."""
        for line in self.lines(what, seconds):
            m = pattern.search(line)
            if m:
                return m
