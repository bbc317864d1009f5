#!/usr/bin/env python3
"""Regenerate (or check) the expected outputs of the lesson programs that
CPython can run.

Usage:
    lessons/regen_expected.py                  # every lesson
    lessons/regen_expected.py 02-greenlet ...   # only these lesson folders
    lessons/regen_expected.py --check           # compare with the checked-in
                                                # files; exit 1 on a difference
    Options: --runs N (default 2), --jobs N (default 2), --timeout SECONDS.

A program is regenerated when its entry in lesson.json has "reference":
"cpython" (the default) and names an "expected" file. It runs exactly as the
golden scripts do (tests/scripts/regen.py, whose runner this script reuses):
copied to main.py in a fresh temporary directory and run by Debian's CPython
3.11 at /usr/bin/python3 with a clean environment. Beside the program it
writes

    "expected"        stdout, exact bytes
    "expectedStderr"  (only if the lesson names one) the last non-blank line
                      of stderr plus "\\n"

and checks that the exit status equals "expectedStatus" (default 0). Every
program runs --runs times; differing runs are reported as FLAKY.

A "derived" program whose "expectedStatus" is 3 is a deadlock that CPython
hangs on: it runs unbuffered under CPython for --hang-seconds, must still be
running then, and what it printed until then is its expected stdout (Coroscope
ends the same run with the deadlock message and status 3).

Other programs with "reference": "derived" are skipped: CPython cannot
produce their output (simulated network modules, Python 3.7 legacy forms).
Their expected files are derived from the world config and the semantics
(see docs/LESSONS.md).
"""

import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LESSONS_ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(LESSONS_ROOT.parent / "tests" / "scripts"))
sys.dont_write_bytecode = True
import regen  # noqa: E402  (tests/scripts/regen.py: the golden runner)


def programs_to_run(folders):
    """(lesson folder, program entry) for every CPython-referenced program."""
    found = []
    for folder in folders:
        lesson = json.loads((folder / "lesson.json").read_text(encoding="utf-8"))
        for program in lesson.get("programs", []):
            if "expected" not in program:
                continue
            reference = program.get("reference", "cpython")
            if reference != "cpython" and not is_deadlock(program):
                continue
            found.append((folder, program))
    return found


def is_deadlock(program):
    return program.get("reference") == "derived" and program.get("expectedStatus") == 3


def run_until_hang(script, seconds):
    """Runs script as main.py, unbuffered, for `seconds`; returns (stdout so far, problem)."""
    with tempfile.TemporaryDirectory(prefix="lesson-hang-") as workdir:
        shutil.copyfile(script, os.path.join(workdir, "main.py"))
        env = dict(regen.reference_environment(), PYTHONUNBUFFERED="1")
        proc = subprocess.Popen([regen.REFERENCE_PYTHON, "-X", "utf8", "-c", regen.BOOTSTRAP], cwd=workdir,
                                env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        try:
            out, _ = proc.communicate(timeout=seconds)
            return out, f"expected CPython to hang, but it exited with {proc.returncode}"
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
            return out, ""


def run(folder, program, runs, timeout, hang_seconds):
    """Returns (results or None, problem text or '')."""
    if is_deadlock(program):
        results = [run_until_hang(folder / program["file"], hang_seconds) for _ in range(runs)]
        out, problem = results[0]
        if not problem and any(r[0] != out for r in results):
            problem = "FLAKY: stdout before the hang differs between runs"
        return {".out": out, ".err": b"", ".rc": b"3\n"}, problem
    return regen.run_script(folder / program["file"], runs, timeout)


def main():
    parser = argparse.ArgumentParser(description="Regenerate or check lesson expected outputs with CPython 3.11.")
    parser.add_argument("lessons", nargs="*", help="lesson folders (default: all)")
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on differences")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--hang-seconds", type=float, default=3.0,
                        help="how long a deadlock program runs under CPython before its output is taken")
    options = parser.parse_args()

    regen.check_reference_python()
    if options.lessons:
        folders = []
        for name in options.lessons:
            path = Path(name) if Path(name).is_dir() else LESSONS_ROOT / name
            if not (path / "lesson.json").is_file():
                sys.exit(f"regen_expected: no lesson folder {name}")
            folders.append(path.resolve())
    else:
        folders = sorted(p.parent for p in LESSONS_ROOT.glob("*/lesson.json"))
    work = programs_to_run(folders)
    print(f"regen_expected: {len(work)} programs in {len(folders)} lessons"
          + (", check mode" if options.check else ""))

    problems = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
        futures = {pool.submit(run, folder, program, options.runs, options.timeout, options.hang_seconds): (folder, program)
                   for folder, program in work}
        for future in concurrent.futures.as_completed(futures):
            folder, program = futures[future]
            name = f"{folder.name}/{program['file']}"
            result, problem = future.result()
            if problem:
                problems.append(f"{name}: {problem}")
            if result is None:
                continue
            status = int(result[".rc"].decode("ascii"))
            if status != program.get("expectedStatus", 0):
                problems.append(f"{name}: CPython exits with {status}, lesson.json expects "
                                f"{program.get('expectedStatus', 0)}")
            outputs = [(program["expected"], result[".out"])]
            if "expectedStderr" in program:
                outputs.append((program["expectedStderr"], result[".err"]))
            for file_name, data in outputs:
                target = folder / file_name
                if options.check:
                    if not target.exists() or target.read_bytes() != data:
                        problems.append(f"{folder.name}/{file_name}: differs from CPython's output")
                else:
                    target.write_bytes(data)
    for problem in sorted(problems):
        print(f"regen_expected: {problem}")
    print(f"regen_expected: {len(work)} programs, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
