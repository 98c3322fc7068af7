"""Classifies the crash inputs a libFuzzer run left behind, against known_findings.txt.

    python tests/fuzz/libfuzzer_report.py TARGET_BINARY ARTIFACT_DIR

libFuzzer runs with -fork=1 -ignore_crashes=1 so that one known crash does not end the run;
each crash input is replayed here, reduced to (kind, location) and deduplicated. The location
is the first stack frame in ivy (ivy::...) or in libhdf5 (H5...), else the first outside libc,
the allocator and the sanitizer runtime; for UndefinedBehaviorSanitizer the source line. Known findings use the target name as backend
(`hdf5_load SEGV H5* | note`). Exit status 1 when any finding is new.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from python_fuzz import known_note, load_known  # noqa: E402

# Frames that say nothing about where the bug is: libc, the sanitizers, allocation functions.
RUNTIME = re.compile(r"__interceptor_|__asan|__ubsan|__sanitizer|libc\.so|string/\.\./|"
                     r"memmove|memcpy|memset|LLVMFuzzer|fuzzer::|^operator new|^operator delete|"
                     r"^malloc$|^calloc$|^realloc$|^strdup$|^free$|__cxa_|libstdc\+\+|libgcc")


def classify(binary, artifact):
    """(kind, location, first lines of the report) for one crash input."""
    env = dict(os.environ, ASAN_OPTIONS="allocator_may_return_null=1:detect_leaks=1",
               UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
    out = subprocess.run([binary, artifact], capture_output=True, text=True, env=env,
                         timeout=120).stderr
    if "ERROR" not in out and "runtime error" not in out:
        return "unreproduced", "-", out  # e.g. a leak that depends on earlier inputs
    summary = re.search(r"SUMMARY: \w+: (\S+) (\S+)", out)
    kind = summary.group(1) if summary else "crash"
    if "detected memory leaks" in out:
        kind = "leak"
    if kind == "undefined-behavior" and summary:
        return kind, re.sub(r"^(\.\./)+", "", summary.group(2)).rsplit(":", 1)[0], out
    frames = [line.replace("(anonymous namespace)::", "")
              for line in re.findall(r"^\s*#\d+ 0x[0-9a-f]+ .*$", out, re.M)]
    if kind == "stack-overflow":  # the recursing function, not where the stack ran out
        names = [m.group(1) for line in frames for m in [re.search(r"\b(ivy::[\w:]+)", line)] if m]
        if names:
            return kind, max(set(names), key=names.count), out
    for line in frames:
        ivy = re.search(r"\b(ivy::[A-Za-z0-9_:]+)", line)
        if ivy:
            return kind, ivy.group(1), out
        if "libhdf5" in line:  # a bug inside HDF5 itself, below any ivy frame
            function = re.search(r" in (H5\w+)", line)
            return kind, function.group(1) if function else "libhdf5", out
    for line in frames:
        function = re.search(r" in ([A-Za-z_][\w:]*)", line)
        if function and not RUNTIME.search(function.group(1)) and not RUNTIME.search(line):
            return kind, function.group(1), out
    return kind, "unknown", out


def main():
    binary, artifacts = sys.argv[1], sys.argv[2]
    target = os.path.basename(binary).removeprefix("fuzz_")
    known = load_known(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                    "known_findings.txt"))
    found = {}
    for name in sorted(os.listdir(artifacts)):
        path = os.path.join(artifacts, name)
        kind, location, report = classify(binary, path)
        found.setdefault((kind, location), (path, report))
    new = 0
    for (kind, location), (path, report) in sorted(found.items()):
        note = known_note(known, target, kind, location, "")
        if kind == "unreproduced":
            note = "does not reproduce alone; not counted"
        new += note is None
        tag = f"KNOWN ({note})" if note is not None else "NEW"
        first = next((ln for ln in report.splitlines() if "ERROR" in ln or "runtime error" in ln), "")
        print(f"  {tag} {kind} in {location}: {first.strip()[:160]}\n    {binary} {path}")
    print(f"libfuzzer {target}: {len(found)} distinct crash(es), {new} new")
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
