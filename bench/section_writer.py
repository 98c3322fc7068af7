"""The command line shared by the scripts that each write one section of docs/benchmarks.md
(mech_table.py, train_table.py): run the benchmark, then replace the section between its marker
comments, or append it when the markers are not there yet."""
import argparse
import os

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def replace_section(path, begin, end, new):
    text = open(path).read() if os.path.exists(path) else ""
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + new.rstrip("\n") + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + new
    with open(path, "w") as f:
        f.write(text)


def main(doc, run, section, begin, end, script, min_time, repetitions):
    """run(build_dir, min_time, repetitions) -> times; section(times, command) -> markdown."""
    p = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("build_dir")
    p.add_argument("--min-time", default=min_time)
    p.add_argument("--repetitions", type=int, default=repetitions)
    p.add_argument("--out", default=os.path.join(REPO, "docs", "benchmarks.md"))
    args = p.parse_args()
    times = run(args.build_dir, args.min_time, args.repetitions)
    new = section(times, f"python3 bench/{script} {args.build_dir}")
    replace_section(args.out, begin, end, new)
    print(new)
