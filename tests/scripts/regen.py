#!/usr/bin/env python3
"""Regenerate (or check) the expected outputs of the golden test scripts.

Usage:
    tests/scripts/regen.py                      # every tests/scripts/<area>/*.py
    tests/scripts/regen.py asyncio greenlet/tutorial_1_1_greenlet_switch.py
                                                # only these folders / scripts
    tests/scripts/regen.py --check [PATHS...]   # regenerate into a temporary
                                                # directory and diff against the
                                                # checked-in files; exit 1 on any
                                                # difference
    Options: --runs N (default 2), --jobs N (default 2), --timeout SECONDS
             (default 60).

The reference is Debian's CPython 3.11 at /usr/bin/python3 with
python3-greenlet and python3-uvloop, never whatever `python3` is on PATH.
This script refuses to run if that interpreter is missing or not 3.11, and
prints its version first.

Each script is copied to `<fresh temporary directory>/main.py` (files the
script writes with open() land in that directory) and run there as

    /usr/bin/python3 -X utf8 -c BOOTSTRAP

where BOOTSTRAP compiles main.py under the file name "main.py" and executes it
in the real __main__ module (with __file__ = sys.argv[0] = "main.py"). This is
equivalent to `/usr/bin/python3 -X utf8 main.py` except for one frame from
"<string>" at the top of full tracebacks; it is needed because CPython >= 3.9
turns a script path given on the command line into an absolute path, which
would put the random temporary directory into tracebacks, warnings and task
reprs (`coro=<f() running at main.py:3>`). It runs with a clean environment
(PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8, LC_ALL=C.UTF-8, no user
site-packages), stdin from /dev/null and a timeout.
Beside `<area>/<name>.py` it writes:

    <name>.out  stdout, exact bytes
    <name>.err  the last non-blank line of stderr followed by "\\n", or empty
                when stderr is blank
    <name>.rc   the exit status as decimal text followed by "\\n"

Every script runs --runs times (default twice); a script whose .out, .err or
.rc differ between runs is reported as FLAKY and the command exits 1 (the
first run's results are still written so the difference can be inspected).
Scripts run in parallel on --jobs workers. When every script is regenerated,
outputs whose script no longer exists are deleted (reported as ORPHAN in
--check mode). Scripts in `legacy/` are regenerated like the others; the
golden runner decides how to use them (see README.md and legacy/*.py).
Each legacy script also runs once more with tests/scripts/legacy37.py executed
before it (the shim that gives CPython 3.11 Python 3.7's legacy asyncio forms
with Coroscope's DeprecationWarnings); those results go to
legacy/py37/<name>.out/.err/.rc, which tst_golden_legacy compares with.
"""

import argparse
import concurrent.futures
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REFERENCE_PYTHON = "/usr/bin/python3"
REQUIRED_VERSION_PREFIX = "3.11."
SCRIPTS_ROOT = Path(__file__).resolve().parent
SUFFIXES = (".out", ".err", ".rc")
LEGACY_SHIM = SCRIPTS_ROOT / "legacy37.py"


def reference_environment():
    """The environment every script runs in: nothing inherited but HOME."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/tmp"),
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONNOUSERSITE": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def check_reference_python():
    """Exit with status 2 unless /usr/bin/python3 is CPython 3.11 with greenlet."""
    if not os.access(REFERENCE_PYTHON, os.X_OK):
        sys.exit(f"regen: {REFERENCE_PYTHON} is missing; install Debian's python3")
    probe = subprocess.run(
        [REFERENCE_PYTHON, "-c",
         "import sys, platform, greenlet; "
         "print(platform.python_version(), sys.version.replace(chr(10), ' '), "
         "'| greenlet', greenlet.__version__)"],
        capture_output=True, text=True, env=reference_environment())
    if probe.returncode != 0:
        sys.exit(f"regen: {REFERENCE_PYTHON} cannot import greenlet "
                 f"(install python3-greenlet):\n{probe.stderr}")
    version, _, description = probe.stdout.strip().partition(" ")
    print(f"regen: reference {REFERENCE_PYTHON}: Python {description}")
    if not version.startswith(REQUIRED_VERSION_PREFIX):
        sys.exit(f"regen: {REFERENCE_PYTHON} is Python {version}, "
                 f"need {REQUIRED_VERSION_PREFIX}x")


def discover(paths):
    """The scripts to run: every <area>/*.py, or those named on the command line."""
    if not paths:
        return sorted(SCRIPTS_ROOT.glob("*/*.py"))
    scripts = []
    for name in paths:
        path = Path(name)
        if not path.exists():
            path = SCRIPTS_ROOT / name
        path = path.resolve()
        if path.is_dir():
            scripts.extend(sorted(path.glob("*.py")))
        elif path.suffix == ".py" and path.is_file():
            scripts.append(path)
        else:
            sys.exit(f"regen: no such script or folder: {name}")
    return scripts


# Runs main.py as the __main__ module under the relative file name "main.py".
# Everything it defines lives in a function that is removed from __main__'s
# namespace before the script starts, so the script sees only the usual
# module globals.
BOOTSTRAP = """
def _golden_run():
    import sys, __main__
    with open('main.py', 'rb') as source_file:
        source = source_file.read()
    namespace = __main__.__dict__
    for name in list(namespace):
        if name not in ('__name__', '__doc__', '__builtins__', '__loader__',
                        '__spec__', '__package__', '__annotations__'):
            del namespace[name]
    namespace['__file__'] = 'main.py'
    sys.argv[:] = ['main.py']
    code = compile(source, 'main.py', 'exec', dont_inherit=True)
    exec(code, namespace)
_golden_run()
"""


def last_stderr_line(stderr):
    lines = [line.rstrip("\r") for line in stderr.decode("utf-8", "replace").split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    return lines[-1] + "\n" if lines else ""


def legacy_bootstrap():
    """BOOTSTRAP preceded by the Python 3.7 legacy-forms shim."""
    return LEGACY_SHIM.read_text(encoding="utf-8") + "\n" + BOOTSTRAP


def run_once(script, timeout, bootstrap=BOOTSTRAP):
    """Runs one script as main.py in a fresh directory; returns the three files' bytes."""
    with tempfile.TemporaryDirectory(prefix="golden-") as workdir:
        shutil.copyfile(script, os.path.join(workdir, "main.py"))
        try:
            done = subprocess.run(
                [REFERENCE_PYTHON, "-X", "utf8", "-c", bootstrap],
                cwd=workdir, env=reference_environment(), stdin=subprocess.DEVNULL,
                capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
    return {
        ".out": done.stdout,
        ".err": last_stderr_line(done.stderr).encode("utf-8"),
        ".rc": f"{done.returncode}\n".encode("ascii"),
    }


def run_script(script, runs, timeout, bootstrap=BOOTSTRAP):
    """Returns (results of the first run or None on timeout, problem text or '')."""
    first = None
    for attempt in range(runs):
        result = run_once(script, timeout, bootstrap)
        if result is None:
            return None, f"TIMEOUT after {timeout}s (run {attempt + 1})"
        if first is None:
            first = result
        elif result != first:
            changed = [suffix for suffix in SUFFIXES if result[suffix] != first[suffix]]
            return first, f"FLAKY: {', '.join(changed)} differ between run 1 and run {attempt + 1}"
    return first, ""


def relative(path):
    return path.relative_to(SCRIPTS_ROOT) if path.is_relative_to(SCRIPTS_ROOT) else path


def write_results(target_stem, result):
    for suffix in SUFFIXES:
        Path(str(target_stem) + suffix).write_bytes(result[suffix])


def show_diff(expected_path, actual_path):
    expected = expected_path.read_bytes().decode("utf-8", "replace") if expected_path.exists() else None
    actual = actual_path.read_bytes().decode("utf-8", "replace")
    if expected is None:
        print(f"  missing {relative(expected_path)}")
        return
    diff = difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile=f"expected/{relative(expected_path)}", tofile=f"cpython/{relative(expected_path)}")
    sys.stdout.writelines("  " + line if line.endswith("\n") else "  " + line + "\n"
                          for line in diff)


def main():
    parser = argparse.ArgumentParser(
        description="Regenerate or check golden outputs with /usr/bin/python3 (CPython 3.11).")
    parser.add_argument("paths", nargs="*", help="scripts or area folders (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="regenerate into a temporary directory and diff; exit 1 on differences")
    parser.add_argument("--runs", type=int, default=2, help="runs per script to detect flakiness")
    parser.add_argument("--jobs", type=int, default=2, help="scripts run in parallel")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run")
    options = parser.parse_args()

    check_reference_python()
    scripts = discover(options.paths)
    print(f"regen: {len(scripts)} scripts, {options.runs} runs each, {options.jobs} workers"
          + (", check mode" if options.check else ""))

    # (script, where its results go, bootstrap): legacy scripts run twice.
    work = [(script, script.with_suffix(""), BOOTSTRAP) for script in scripts]
    work += [(script, script.parent / "py37" / script.stem, legacy_bootstrap())
             for script in scripts if script.parent.name == "legacy"]
    problems = []
    differences = []
    with tempfile.TemporaryDirectory(prefix="golden-check-") as check_dir, \
            concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
        futures = {pool.submit(run_script, script, options.runs, options.timeout, bootstrap): (script, stem)
                   for script, stem, bootstrap in work}
        for future in concurrent.futures.as_completed(futures):
            script, stem = futures[future]
            result, problem = future.result()
            if problem:
                problems.append(f"{relative(stem)}: {problem}")
                print(f"regen: {relative(stem)}: {problem}", flush=True)
            if result is None:
                continue
            stem.parent.mkdir(parents=True, exist_ok=True)
            if not options.check:
                write_results(stem, result)
                continue
            fresh_stem = Path(check_dir) / relative(stem)
            fresh_stem.parent.mkdir(parents=True, exist_ok=True)
            write_results(fresh_stem, result)
            for suffix in SUFFIXES:
                expected = Path(str(stem) + suffix)
                fresh = Path(str(fresh_stem) + suffix)
                if not expected.exists() or expected.read_bytes() != fresh.read_bytes():
                    differences.append(f"{relative(expected)}")
                    print(f"regen: DIFFERS {relative(expected)}", flush=True)
                    show_diff(expected, fresh)

    if not options.paths:
        for orphan in sorted(SCRIPTS_ROOT.glob("*/*")):
            if orphan.suffix in SUFFIXES and not orphan.with_suffix(".py").exists():
                if options.check:
                    differences.append(f"{relative(orphan)} (no script)")
                    print(f"regen: ORPHAN {relative(orphan)} has no .py")
                else:
                    orphan.unlink()
                    print(f"regen: removed {relative(orphan)} (its script is gone)")

    areas = {}
    for script in scripts:
        area = script.parent.name
        areas[area] = areas.get(area, 0) + 1
    print("regen: per area: " + ", ".join(f"{area} {count}" for area, count in sorted(areas.items())))
    print(f"regen: {len(scripts)} scripts, {len(problems)} flaky/timed out"
          + (f", {len(differences)} differences" if options.check else ""))
    return 1 if problems or differences else 0


if __name__ == "__main__":
    sys.exit(main())
