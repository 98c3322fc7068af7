"""Fuzzes the ivycpp Python namespace in child processes (issue 12, item 3).

    python tests/fuzz/python_fuzz.py [--backend B ...] [--seconds S] [--seed N] [--timeout T]

Each child (py_worker.py) runs random calls until it dies; this parent keeps the last call it
announced, so a crash or hang is reported with the exact call. A finding is
  - a signal or abnormal exit of the child (SIGSEGV, SIGFPE, SIGABRT, ...),
  - a hang: one call running longer than --timeout seconds,
  - an untyped error: neither an ivycpp error class nor a TypeError/ValueError/IndexError/
    MemoryError whose message names the function (bare RuntimeError, std::bad_cast, SystemError,
    KeyError, ZeroDivisionError, AttributeError, ...).
Findings are deduplicated by (backend, kind, function) and printed as one-line reproducers.
For a hang, the hung child's native stacks (gdb, when installed) and its last --history calls
are written to --hang-dir (one file per hang), since a stall that needs a long-lived worker's
history does not reproduce from its last call alone.
Those listed in known_findings.txt are reported but do not fail the run (exit status 1 only for
new ones). The run is deterministic for a seed, up to where the time budget cuts it.
"""
import argparse
import collections
import fnmatch
import os
import select
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
STARTUP_S = 120  # importing ivycpp with LibTorch takes a few seconds on a loaded machine


class Stats:
    """Counts for one backend; findings keyed by (kind, function, known-findings note or None),
    so that a new message of an already known (kind, function) still shows up as new."""

    def __init__(self, backend, known):
        self.backend, self.known = backend, known
        self.calls = self.skipped = self.workers = 0
        self.findings = {}  # (kind, function, note) -> (count, reproducer, detail)

    def add(self, kind, function, repro, detail):
        kind = kind_key(kind)
        note = known_note(self.known, self.backend, kind, function, detail)
        key = (kind, function, note)
        count, first_repro, first_detail = self.findings.get(key, (0, repro, detail))
        self.findings[key] = (count + 1, first_repro, first_detail)


def reproducer(backend, call_text, pythonpath):
    setup = ("import ivycpp as xp, numpy as np, operator; from math import nan, inf; "
             f"xp.set_framework('{backend}'); ")
    return f'PYTHONPATH={pythonpath} .venv/bin/python -c "{setup}{call_text}"'


def native_stacks(pid):
    """Every thread's native backtrace of process pid, by gdb (or why there is none)."""
    if not shutil.which("gdb"):
        return "(gdb is not installed: no native stacks)"
    try:
        run = subprocess.run(["gdb", "-p", str(pid), "-batch", "-ex", "thread apply all bt 40"],
                             capture_output=True, text=True, timeout=120)
        return run.stdout + run.stderr
    except subprocess.TimeoutExpired:
        return "(gdb did not attach within 120 s)"


def save_hang(args, backend, pid, history):
    """The hung child's stacks and last calls, as a file whose calls replay the history."""
    os.makedirs(args.hang_dir, exist_ok=True)
    path = os.path.join(args.hang_dir, f"{backend}-{pid}.txt")
    with open(path, "w") as out:
        out.write(f"# hang on {backend}, worker pid {pid}; its last {len(history)} calls (the last "
                  "one hung), one per line, then the native stacks\n")
        out.writelines(text + "\n" for text in history)
        out.write("\n# native stacks\n" + native_stacks(pid))
    return path


def run_worker(args, backend, seed, deadline, stats):
    """One child until it dies, hangs or the budget ends; findings go into stats."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([args.pythonpath, HERE]))
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "py_worker.py"), backend,
                             str(seed), str(args.memory_gib)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    stats.workers += 1
    fd, buf, last, started, ready = proc.stdout.fileno(), b"", None, time.monotonic(), False
    history = collections.deque(maxlen=args.history)
    try:
        while True:
            now = time.monotonic()
            limit = started + (args.timeout if ready else STARTUP_S)
            if now >= deadline:
                return
            if now >= limit:
                where = save_hang(args, backend, proc.pid, history) if ready else "import"
                stats.add("hang", last[0] if last else "import",
                          reproducer(backend, last[1] if last else "pass", args.pythonpath),
                          f"> {args.timeout} s (stacks and last calls: {where})")
                return
            readable, _, _ = select.select([fd], [], [], min(limit, deadline) - now)
            if not readable:
                continue
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                rc = proc.wait()
                kind = f"signal {signal.Signals(-rc).name}" if rc < 0 else f"exit {rc}"
                name, text = last if last else ("import", "pass")
                stats.add(kind, name, reproducer(backend, text, args.pythonpath), "")
                return
            buf += chunk
            *lines, buf = buf.split(b"\n")
            for raw in lines:
                line = raw.decode("utf-8", "replace")
                tag = line[:1]
                if line.startswith("READY"):
                    ready = True
                elif tag == "C":
                    text = line[2:]
                    last = (call_name(text), text)
                    history.append(text)
                    started = time.monotonic()
                    stats.calls += 1
                elif tag == "S":
                    stats.skipped += 1
                elif tag == "F":
                    _, exc_type, name, msg = (line.split("\t", 3) + [""])[:4]
                    stats.add(exc_type, name, reproducer(backend, last[1], args.pythonpath), msg)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def call_name(text):
    """The function a call text calls, as the worker names it (for hang and crash reports)."""
    callee = text[:text.index("(")]
    if callee.startswith("xp.Array."):
        return "Array." + callee[len("xp.Array."):]
    if callee.startswith("xp."):
        return callee[3:]
    if callee.startswith("operator."):
        return f"Array.__{callee[len('operator.'):].rstrip('_')}__"
    return f"Array.__{callee}__"


def load_known(path):
    """[(backend or '*', kind, function glob, message substring, note)] from known_findings.txt.

    Line format: `BACKEND KIND FUNCTION | NOTE [| MESSAGE SUBSTRING]`, e.g.
    `* SIGSEGV Array.__getitem__ | issue 12 item 1: x[1.5:]`."""
    known = []
    if not os.path.exists(path):
        return known
    for line in open(path):
        if line.startswith("#") or "|" not in line:
            continue
        entry, note, *msg = [part.strip() for part in line.split("|")]
        fields = entry.split()
        if len(fields) == 3:
            known.append((*fields, msg[0] if msg else "", note))
    return known


def known_note(known, backend, kind, name, detail):
    for k_backend, k_kind, k_name, k_msg, note in known:
        if k_backend in ("*", backend) and fnmatch.fnmatchcase(kind, k_kind) \
                and fnmatch.fnmatchcase(name, k_name) \
                and k_msg in detail:
            return note
    return None


def kind_key(kind):
    """'signal SIGSEGV' -> 'SIGSEGV', 'builtins.RuntimeError' -> 'RuntimeError', 'exit 1' ->
    'exit_1': the spelling of known_findings.txt."""
    if kind.startswith("signal "):
        return kind.split()[1]
    if kind.startswith("builtins."):
        return kind[len("builtins."):]
    return kind.replace(" ", "_")


def built_backends(pythonpath):
    """The array backends (all but the stub) of the ivycpp build under pythonpath."""
    code = "import ivycpp; print(' '.join(ivycpp.available_backends()))"
    env = dict(os.environ, PYTHONPATH=pythonpath)
    out = subprocess.run([".venv/bin/python", "-c", code], env=env, check=True,
                         capture_output=True, text=True, timeout=STARTUP_S).stdout
    return [b for b in out.split() if b != "stub"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--backend", action="append",
                    help="torch, xtensor, mlx, tensorflow (default: every array backend of the build)")
    ap.add_argument("--seconds", type=float, default=60, help="budget per backend")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=10, help="per call, seconds")
    ap.add_argument("--memory-gib", type=float, default=4, help="RLIMIT_AS of each child")
    ap.add_argument("--pythonpath", default="build/python", help="folder holding ivycpp")
    ap.add_argument("--known", default=os.path.join(HERE, "known_findings.txt"))
    ap.add_argument("--verbose", action="store_true", help="also list known findings")
    ap.add_argument("--history", type=int, default=200, help="calls kept per worker for hangs")
    ap.add_argument("--hang-dir", default="build/fuzz_hangs", help="where hang reports go")
    args = ap.parse_args()
    backends = args.backend or built_backends(args.pythonpath)
    known = load_known(args.known)
    new = 0
    for backend in backends:
        stats, start = Stats(backend, known), time.monotonic()
        deadline = start + args.seconds
        while time.monotonic() < deadline:
            run_worker(args, backend, args.seed * 1000003 + stats.workers, deadline, stats)
        elapsed = time.monotonic() - start
        counts = {"crash": 0, "hang": 0, "untyped": 0}
        for (kind, _, _), (count, _, _) in stats.findings.items():
            counts["crash" if kind.startswith(("SIG", "exit")) else
                   "hang" if kind == "hang" else "untyped"] += count
        print(f"[{backend}] {stats.calls} calls in {elapsed:.0f} s ({stats.calls / elapsed:.0f}/s), "
              f"{stats.workers} workers, {counts['crash']} crashes, {counts['hang']} hangs, "
              f"{counts['untyped']} untyped errors, {len(stats.findings)} distinct")
        for (kind, name, note), (count, repro, detail) in sorted(
                stats.findings.items(), key=lambda item: (item[0][2] is not None, item[0][:2])):
            new += note is None
            if note is None:
                print(f"  NEW {kind} in {name} x{count}: {detail[:160]}\n    {repro}")
            elif args.verbose:
                print(f"  KNOWN {kind} in {name} x{count} ({note})\n    {repro}")
        known_count = sum(1 for key in stats.findings if key[2] is not None)
        if known_count and not args.verbose:
            print(f"  {known_count} known finding(s) not shown (--verbose lists them)")
    print(f"python fuzz: {new} new finding(s)")
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
