#!/usr/bin/python3
"""Prints the syntax-error table of tst_parser from CPython 3.11 itself.

Run with Debian's interpreter (the reference):
    /usr/bin/python3 tests/script/gen_syntax_errors.py > tests/script/syntax_errors.inc

Each row is (name, prefix, repeated unit, repeat count, suffix, exception
type, message, lineno, offset, end_lineno, end_offset) as CPython reports
them for `python3 main.py`: compile() of the text for SyntaxErrors, and a
real run of the file for errors CPython raises without a location
(MemoryError, RecursionError, undecodable source). Nothing here is typed by
hand except the programs.
"""
import os
import subprocess
import sys
import tempfile

assert sys.version_info[:2] == (3, 11), "regenerate with CPython 3.11 (/usr/bin/python3)"

BAD = [
        "if x\n  pass\n",
        "x = = 1\ns = \"abc\n",
        "x = = 1\n  y=2\n",
        "x = 1\n  y = 2\n",
        "if x:\n    a\n  b\n",
        "(\n",
        "foo(\n\nx = 1\n",
        "x = (1,\n2\nx y\n",
        "x y\nz = (\n",
        "if x:\npass\n",
        "def f():\n\n",
        "\"abc",
        "\"\"\"abc\n\n",
        "x = 1)",
        "(]",
        "a = 1 $ 2",
        "a = 1 € 2",
        "1abc",
        "x = 0x",
        "print \"hi\"",
        "f(x for x in y, 1)",
        "f(a=1, b)",
        "f() = 1",
        "1 = x",
        "if x = 1: pass",
        "try:\n  pass\nx=1\n",
        "return 1",
        "await x",
        "x = \"中文\" + (1 2)",
        "def f():\n    # c\n",
        "def f():\n# c\n",
        "if x:\n\tpass\n        pass\n",
        "if x:\n        pass\n\tpass\n",
        "x = 1 \\ y",
        "x = 1 \\",
        "x = (1 +\n",
        "1 <> 2",
        "f\"{a b}\"",
        "f\"{}\"",
        "f\"{a!x}\"",
        "f\"{a\"",
        "f\"}\"",
        "f\"{a!}\"",
        "x = 1\ny = 2\nz = f\"abc {a b} def\"",
        "x = 1\ny = 2\nz = f\"abc {a $ b} def\"",
        "z = f\"\"\"abc\n {a b} def\"\"\"",
        "f\"{}\" + 1",
        "z = f\"{a +}\"",
        "z = f\"{a:{b c}}\"",
        "z = f\"{1abc}\"",
        "z = f\"{\"abc}\"",
        "z = f\"{yield}\"",
        "z = f\"{*a}\"",
        "z = f\"{lambda x: 1}\"",
        "z = f\"{ }\"",
        "z = f\"{a!r=}\"",
        "z = f\"{a}}\"",
        "f\"{\\\"a\\\"}\"",
        "f\"{a#}\"",
        "f\"{x:{y:{z}}}\"",
        "f\"{a)}\"",
        "f\"{(a]}\"",
        "  x = 1\n",
        "x = 1\n\ty = 2\n",
        "x = \x01",
        "x = 1\ny = 2 \\ z",
        "x = b\"é\"",
        "x = b\"é\" + 1",
        "x = \"\\x1\"",
        "x = \"\\N{foo}\" + 1",
        "x = \"a\" b\"c\"",
        "x = 1__0",
        "x = 0777",
        "x = 0b12",
        "x = 0o8",
        "x = 1e",
        "x = 0_7",
        "x = 1_",
        "x = \"abc\\\ndef",
        "x = 5 \\\n",
        "中文 = 1；",
        "print（1）",
        "x\u00a0= 1",
        "x = [1, 2\ny = 3\n",
        "if True:\n    x = (1,\n  2)\n  y = 3\n",
        "a, f() = 1",
        "f(), a = 1",
        "x = f() = 1",
        "f() = y = 1",
        "a = 1 = 2",
        "True = 1",
        "f() = not x",
        "f() = 1, 2",
        "[a, f()] = 1",
        "(a, f()) = 1",
        "x = yield = 1",
        "a + 1 += 1",
        "(a, b) += 1",
        "a, b: int",
        "(a, b): int",
        "f(): int",
        "x + 1 = 2",
        "-x = 1",
        "a < b = 1",
        "not a = 1",
        "a if b else c = 1",
        "lambda: 1 = 1",
        "*a = 1",
        "del f()",
        "del a, 1",
        "del *a",
        "for f() in x: pass",
        "for a, 1 in x: pass",
        "with a as f(): pass",
        "[x for 1 in y]",
        "a = b c",
        "x = (a, b c)",
        "f(a for a in b, c)",
        "f(c, a for a in b)",
        "f(**a, *b)",
        "f(**a, b)",
        "f(1=2)",
        "f(True=2)",
        "f(a.b=2)",
        "f(x for x in y=1)",
        "f(a, b for b in c)",
        "x := 1",
        "(a.b := 1)",
        "if x = 1:\n  pass",
        "while x = 1: pass",
        "f(x = 1 for x in y)",
        "if x == 1\n  pass",
        "def f(a=1, b): pass",
        "def f(a, a): pass",
        "def f(/, a): pass",
        "def f(a, /, b, /): pass",
        "def f(*, **k): pass",
        "def f(*): pass",
        "def f(**k, a): pass",
        "def f(*a=1): pass",
        "def f(**k=1): pass",
        "def f(a=): pass",
        "def f((a, b)): pass",
        "def f:\n  pass",
        "def f()\n  pass",
        "class A\n  pass",
        "class A:\npass",
        "while x:\npass",
        "for x in y:\npass",
        "with x:\npass",
        "try:\npass",
        "try:\n  pass\nexcept:\npass",
        "try:\n  pass\nfinally:\npass",
        "if x:\n  pass\nelse:\npass",
        "if x:\n  pass\nelif y:\npass",
        "else: pass",
        "x = [1, 2 for x in y]",
        "x = [*a for a in b]",
        "x = {**a for a in b}",
        "x = {1: 2, 3}",
        "x = {1: *a}",
        "x = {1: }",
        "(*a)",
        "(**a)",
        "from m import a,",
        "import a.",
        "break",
        "continue",
        "def f():\n  yield 1\n  return 2\nasync def g():\n  yield 1\n  return 2\n",
        "async def g():\n  yield from x\n",
        "def g():\n  await x\n",
        "async for x in y: pass",
        "async with x: pass",
        "x = [await a for a in b]",
        "yield 1",
        "class C:\n  yield 1\n",
        "x = [(yield) for a in b]",
        "nonlocal x",
        "def f():\n  nonlocal x\n",
        "def f(a):\n  global a\n",
        "def f():\n  x = 1\n  global x\n",
        "def f():\n  print(x)\n  global x\n",
        "x = *a",
        "print(*a)",
        "a, *b, *c = d",
        "try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n",
        "x = 1 if y",
        "x = 1 if y else",
        "lambda x: yield",
        "def f(*a, *b): pass",
        "x = (1 2 3)",
        "x = [a b]",
        "print f",
        "exec 'x'",
        "f(print x)",
        "x = $",
        "x = `a`",
        "x = a ? b : c",
        "x = !a",
        "if x:\n    pass\n  else:\n    pass\n",
        "for x in range(10)\n    print(x)\n",
        "while True print(1)",
        "def f(x):\nreturn x\n",
        "print('hello'",
        "print('hello'))",
        "x = {'a': 1, 'b': 2",
        "x = [1, 2, 3]]",
        "d = {'a' 1}",
        "if x > 0:\n    print('a')\n   print('b')\n",
        "class A:\n    def f(self):\n        pass\n      x = 1\n",
        "x = 'it's'",
        "s = \"\"\"abc",
        "import",
        "from x import",
        "from import x",
        "x =",
        "x = 1 +",
        "def",
        "class",
        "f(,)",
        "f(a,,b)",
        "x = (,)",
        "x = [,]",
        "@\ndef f(): pass",
        "@x\nx = 1",
        "try:\n  pass\nelse:\n  pass\n",
        "except:\n  pass\n",
        "finally:\n  pass",
        "raise from x",
        "assert",
        "global",
        "del",
        "return return",
        "x = 1\nx.y.z = \nw = 3",
        "if x:\n  pass\n\n\n  else:\n  pass",
        "x = '\\U00110000'",
        "x = b'\\x1'",
        "x = '\\u12'",
        "x = 0xg",
        "x = 0b",
        "x = 0o",
        "x = 1.2.3",
        "x = 1e+",
        "x = 5j5",
        "with open('f') as f, :\n  pass",
        "with (open('f') as f:\n  pass",
        "except E, e:\n  pass",
        "try:\n  pass\nexcept E, F:\n  pass\n",
        "try:\n  pass\nexcept E as e.x:\n  pass\n",
        "x = not",
        "x = a not b",
        "x = a is not not b",
        "f(**)",
        "f(*)",
        "a[]",
        "a[1:2:3:4]",
        "a.1",
        "a. b",
        "x = yield from",
        "def f(): return *a",
        "async def f(): await",
        "x = lambda: (yield)",
        "x = lambda *: 1",
        "x = lambda a, a: 1",
        "def f[T](): pass",
        "print(f'{x!r:}')",
        "x = 1\n\n\n\n   y = 2",
]

# (name, prefix, unit, count, suffix): huge programs built from a repeated unit.
DEEP = [
    ("100000 nested parentheses", "", "(", 100000, ""),
    ("100000 nested brackets", "", "[", 100000, ""),
    ("100000 nested braces", "", "{", 100000, ""),
    ("100000 unary minus signs", "", "-", 100000, "1\n"),
    ("100000 nots", "", "not ", 100000, "x\n"),
    ("5000 chained powers", "", "a**", 5000, "b\n"),
    ("5000 nested lambdas", "", "lambda:", 5000, "1\n"),
    ("3000 unary minus signs", "", "-", 3000, "1\n"),
    ("2998 unary minus signs", "x = ", "-", 2998, "1\n"),
    ("100000 additions", "x = ", "1+", 100000, "1\n"),
    ("100000 attribute lookups", "x", ".a", 100000, "\n"),
    ("100000 calls", "x", "()", 100000, "\n"),
    ("3000 conditional expressions", "", "x if y else ", 3000, "z\n"),
    ("120 nested if blocks", None, None, 120, ""),
]


def c_string(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F:
            out.append('""\\x%02x""' % o)
        elif o < 0x80:
            out.append(ch)
        else:
            out.append("".join('""\\x%02x""' % b for b in ch.encode("utf-8")))
    return '"' + "".join(out) + '"'


def run_file(source):
    """Runs `source` as main.py and returns the last line of stderr."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "main.py"), "wb") as f:
            f.write(source if isinstance(source, bytes) else source.encode("utf-8"))
        r = subprocess.run([sys.executable, "main.py"], cwd=d, capture_output=True, text=True,
                           errors="replace")
        return r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""


def row(name, prefix, unit, count, suffix):
    src = prefix + unit * count + suffix
    try:
        compile(src, "main.py", "exec")
    except SyntaxError as e:
        return (name, prefix, unit, count, suffix, type(e).__name__, e.msg, e.lineno or 0, e.offset or 0,
                e.end_lineno or 0, e.end_offset or 0)
    except (MemoryError, RecursionError):
        # CPython's depth limits depend on the caller's own stack depth, so
        # take the verdict of a real `python3 main.py` run.
        last = run_file(src)
    else:
        return (name, prefix, unit, count, suffix, "OK", "", 0, 0, 0, 0)
    if not last.startswith(("MemoryError", "RecursionError")):
        return (name, prefix, unit, count, suffix, "OK", "", 0, 0, 0, 0)  # compiled; failed at run time
    kind, _, msg = last.partition(": ")
    return (name, prefix, unit, count, suffix, kind, msg, 0, 0, 0, 0)


def main():
    rows = []
    for src in BAD:
        rows.append(row(repr(src)[1:-1][:60], src, "", 0, ""))
    for name, prefix, unit, count, suffix in DEEP:
        if unit is None:
            src = "if x:\n" + "".join(" " * (i + 1) + "if x:\n" for i in range(count))
            rows.append(row(name, src, "", 0, ""))
        else:
            rows.append(row(name, prefix, unit, count, suffix))
    print("// Generated by tests/script/gen_syntax_errors.py from " + sys.version.split()[0] + " - do not edit.")
    print("// name, prefix, unit, count, suffix, type, message, line, offset, end line, end offset")
    for r in rows:
        name, prefix, unit, count, suffix, kind, msg, line, off, eline, eoff = r
        print("{%s, %s, %s, %d, %s, %s, %s, %d, %d, %d, %d}," % (
            c_string(name), c_string(prefix), c_string(unit), count, c_string(suffix), c_string(kind),
            c_string(msg), line, off, eline, eoff))
    # Undecodable source only exists as a file: CPython reports it without a location.
    bad_utf8 = b'x = 1\ns = "\xff"\n'
    print("// undecodable file: %s" % run_file(bad_utf8))


if __name__ == "__main__":
    main()
