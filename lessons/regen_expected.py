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

A "derived" program without a "world" that names an "expected" file uses
Python 3.7's legacy asyncio forms (@asyncio.coroutine, coroutine objects
passed to asyncio.wait): it runs under CPython 3.11 with the shim
tests/scripts/legacy37.py executed first, which restores those forms with the
DeprecationWarnings Coroscope prints, and is recorded like a "cpython" one.

A program with "normalize" (a list of rule names) prints something CPython
itself does not print the same way twice; its stdout is normalized by those
rules (normalize_output below; lessons/loader/OutputNormalizer.cpp applies the
same rules to Coroscope's output and the expected file before comparing) and
the normalized text is what its "expected" file holds and what the runs are
compared by:

    "addresses"   every 0x[0-9a-f]+ becomes "0x\u2026" (0x...)
    "set-order"   the items of a printed set of reprs, "{<...>, <...>}", are
                  sorted by code point
    "line-order"  the lines are sorted by code point (a multiset of lines:
                  only for lines printed by racing threads)

They apply in that order whatever order they are listed in. "normalize" works
for "cpython" programs and for the "derived" legacy ones below.

A "derived" program with a "world" talks to the simulated network: it runs
under CPython 3.11 with lessons/world_stubs first on its path, whose
stand-ins for the network modules (requests, aiohttp, ...) implement the
world's documented semantics (docs/LESSONS.md, "World") over the lesson's
world config, passed in $COROSCOPE_WORLD; the legacy shim runs first too.
Its expected output is thus derived from the world config, never typed by
hand. A world program importing a network module that has no stand-in yet
is skipped with a note.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LESSONS_ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(LESSONS_ROOT.parent / "tests" / "scripts"))
sys.dont_write_bytecode = True
import regen  # noqa: E402  (tests/scripts/regen.py: the golden runner)


WORLD_STUBS = LESSONS_ROOT / "world_stubs"
# The simulated network modules of DESIGN.md section 5 (and their submodules).
WORLD_MODULES = {"requests", "aiohttp", "aioredis", "aiomysql", "fastapi", "uvicorn"}


def programs_to_run(folders, notes):
    """(lesson folder, program entry) for every program CPython can produce the output of."""
    found = []
    for folder in folders:
        lesson = json.loads((folder / "lesson.json").read_text(encoding="utf-8"))
        for program in lesson.get("programs", []):
            if "expected" not in program:
                continue
            reference = program.get("reference", "cpython")
            if is_world(program):
                missing = missing_stubs(folder / program["file"])
                if missing:
                    notes.append(f"{folder.name}/{program['file']}: skipped, no stand-in for "
                                 f"{', '.join(sorted(missing))} in {WORLD_STUBS.name}/")
                    continue
            elif reference != "cpython" and not is_deadlock(program) and not is_legacy(program):
                continue
            found.append((folder, program))
    return found


def is_world(program):
    return (program.get("reference") == "derived" and "world" in program
            and program.get("expectedStatus", 0) != 3)


def missing_stubs(script):
    """The network modules the program imports that have no stand-in in world_stubs/."""
    imported = set(re.findall(r"^\s*(?:from|import)\s+(\w+)", script.read_text(encoding="utf-8"), re.M))
    return {name for name in imported & WORLD_MODULES
            if not (WORLD_STUBS / f"{name}.py").is_file() and not (WORLD_STUBS / name / "__init__.py").is_file()}


def run_world(script, world, runs, timeout):
    """Runs script as main.py with the world stand-ins; (results, problem) as regen.run_script."""
    env = dict(regen.reference_environment(), PYTHONPATH=str(WORLD_STUBS), COROSCOPE_WORLD=json.dumps(world))
    bootstrap = regen.legacy_bootstrap()
    first = None
    for attempt in range(runs):
        with tempfile.TemporaryDirectory(prefix="lesson-world-") as workdir:
            shutil.copyfile(script, os.path.join(workdir, "main.py"))
            try:
                done = subprocess.run([regen.REFERENCE_PYTHON, "-X", "utf8", "-c", bootstrap], cwd=workdir, env=env,
                                      stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
            except subprocess.TimeoutExpired:
                return None, f"TIMEOUT after {timeout}s (run {attempt + 1})"
        result = {".out": done.stdout, ".err": regen.last_stderr_line(done.stderr).encode("utf-8"),
                  ".rc": f"{done.returncode}\n".encode("ascii")}
        if first is None:
            first = result
        elif result != first:
            return first, "FLAKY: output differs between runs"
    return first, ""


NORMALIZE_RULES = ("addresses", "set-order", "line-order")


def _repr_end(text, start):
    """One past the '>' closing the repr "<...>" at start (nested <> and quoted
    strings skipped), or -1 when it does not close on its line."""
    depth, quote, k = 0, None, start
    while k < len(text):
        c = text[k]
        if c == "\n":
            return -1
        if quote:
            if c == "\\":
                k += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "<":
            depth += 1
        elif c == ">":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return -1


def _set_at(text, brace):
    """(items, position after the '}') of the set of reprs opening at brace, or None."""
    items, at = [], brace + 1
    while True:
        if at >= len(text) or text[at] != "<":
            return None
        end = _repr_end(text, at)
        if end < 0:
            return None
        items.append(text[at:end])
        at = end
        if text.startswith(", ", at):
            at += 2
        elif text.startswith("}", at):
            return items, at + 1
        else:
            return None


def sort_set_items(text):
    out, i = [], 0
    while i < len(text):
        found = _set_at(text, i) if text[i] == "{" else None
        if found:
            items, i = found
            out.append("{" + ", ".join(sorted(items)) + "}")
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def sort_lines(text):
    lines = text.split("\n")
    final_break = text.endswith("\n")
    if final_break:
        lines.pop()
    return "\n".join(sorted(lines)) + ("\n" if final_break else "")


def normalize_output(data, rules):
    """stdout bytes with the "normalize" rules applied (see the docstring)."""
    text = data.decode("utf-8")
    if "addresses" in rules:
        text = re.sub(r"0x[0-9a-f]+", "0x\u2026", text)
    if "set-order" in rules:
        text = sort_set_items(text)
    if "line-order" in rules:
        text = sort_lines(text)
    return text.encode("utf-8")


def run_normalized(script, rules, runs, timeout, bootstrap):
    """regen.run_script with every run's stdout normalized before the runs are compared."""
    first = None
    for attempt in range(runs):
        result = regen.run_once(script, timeout, bootstrap)
        if result is None:
            return None, f"TIMEOUT after {timeout}s (run {attempt + 1})"
        result[".out"] = normalize_output(result[".out"], rules)
        if first is None:
            first = result
        elif result != first:
            changed = [suffix for suffix in regen.SUFFIXES if result[suffix] != first[suffix]]
            return first, f"FLAKY: {', '.join(changed)} differ between run 1 and run {attempt + 1} (normalized)"
    return first, ""


def is_deadlock(program):
    return program.get("reference") == "derived" and program.get("expectedStatus") == 3


def is_legacy(program):
    return (program.get("reference") == "derived" and "world" not in program
            and program.get("expectedStatus", 0) != 3)


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
    rules = program.get("normalize")
    if rules is not None:
        unknown = [rule for rule in rules if rule not in NORMALIZE_RULES]
        if unknown or is_deadlock(program) or is_world(program):
            return None, (f"unknown normalize rule(s) {unknown}" if unknown
                          else "\"normalize\" is only for cpython and legacy programs")
        bootstrap = regen.legacy_bootstrap() if is_legacy(program) else regen.BOOTSTRAP
        return run_normalized(folder / program["file"], rules, runs, timeout, bootstrap)
    if is_deadlock(program):
        results = [run_until_hang(folder / program["file"], hang_seconds) for _ in range(runs)]
        out, problem = results[0]
        if not problem and any(r[0] != out for r in results):
            problem = "FLAKY: stdout before the hang differs between runs"
        return {".out": out, ".err": b"", ".rc": b"3\n"}, problem
    if is_world(program):
        return run_world(folder / program["file"], program["world"], runs, timeout)
    if is_legacy(program):
        return regen.run_script(folder / program["file"], runs, timeout, regen.legacy_bootstrap())
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
    notes = []
    work = programs_to_run(folders, notes)
    for note in notes:
        print(f"regen_expected: {note}")
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
