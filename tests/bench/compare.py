#!/usr/bin/env python3
"""Times pylite (coroscope-cli run) against CPython 3.11 on the same programs.

Usage: tests/bench/compare.py [--cli build/bin/coroscope-cli] [--repeat 5] [NAME ...]

Each case runs alternately on both sides (interleaved, so machine noise hits
both alike); the best wall time and the peak RSS of each side are reported
with the ratio ours/theirs. A ratio below 1 means Coroscope is faster.
Exit status 1 when a case misses its target.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PY = os.path.join(HERE, "py")
CPYTHON = "/usr/bin/python3"

# name: (our program, baseline program, metric, target ratio ours/baseline,
#        how ours runs: "run", or "trace" = coroscope-cli trace with the JSON
#        Lines export written to /dev/null)
CASES = {
    "fib30": ("fib.py", "fib.py", "time", 1.5, "run"),
    "yield_from_chain": ("yield_from_chain.py", "yield_from_chain.py", "time", 1.5, "run"),
    "tasks_1m_steps_vs_uvloop": ("tasks_sleep0.py", "tasks_sleep0_uvloop.py", "time", 0.5, "run"),
    "greenlet_1m_switches": ("greenlet_switch.py", "greenlet_switch.py", "time", 0.5, "run"),
    "park_100k_on_future": ("park_future.py", "park_future.py", "memory", 0.5, "run"),
    "tasks_1m_steps_traced_vs_asyncio": ("tasks_sleep0.py", "tasks_sleep0.py", "time", 1.0, "trace"),
}


def run(cmd):
    """Runs cmd to completion; returns (wall seconds, peak RSS in KB, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: "
                               f"{err.read().decode(errors='replace')[-400:]}")
        return elapsed, usage.ru_maxrss, out.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(HERE, "..", "..", "build", "bin", "coroscope-cli"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--trace", action="store_true", help="run every case of ours with tracing on (coroscope-cli trace)")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = args.names or list(CASES)
    failed = False
    print(f"{'case':34} {'ours':>10} {'baseline':>10} {'ratio':>7} {'target':>7}")
    for name in names:
        ours_file, base_file, metric, target, mode = CASES[name]
        traced = args.trace or mode == "trace"
        ours_cmd = [args.cli, "trace" if traced else "run", os.path.join(PY, ours_file)]
        if traced:
            ours_cmd += ["--format", "jsonl", "-o", os.devnull]
        base_cmd = [CPYTHON, os.path.join(PY, base_file)]
        best = {"ours": (1e9, 1e12), "base": (1e9, 1e12)}
        for _ in range(args.repeat):
            for side, cmd in (("ours", ours_cmd), ("base", base_cmd)):
                t, rss, _ = run(cmd)
                best[side] = (min(best[side][0], t), min(best[side][1], rss))
        idx = 0 if metric == "time" else 1
        ours, base = best["ours"][idx], best["base"][idx]
        ratio = ours / base
        unit = "s" if metric == "time" else "KB"
        fmt = "{:.3f}{}" if metric == "time" else "{:.0f}{}"
        ok = ratio <= target
        failed |= not ok
        print(f"{name:34} {fmt.format(ours, unit):>10} {fmt.format(base, unit):>10} {ratio:7.2f} {target:7.2f}"
              f"{'' if ok else '  MISSED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
