#!/usr/bin/python3
"""Prints the AST table of tst_parser: ast.dump() of each program by CPython 3.11.

    /usr/bin/python3 tests/script/gen_ast_dumps.py > tests/script/ast_dumps.inc

Rows are (name, source, ast.dump(tree), ast.dump(tree, include_attributes=True)).
"""
import ast
import sys

assert sys.version_info[:2] == (3, 11), "regenerate with CPython 3.11 (/usr/bin/python3)"

# (name, source); names are what the test row is called.
NAMED = [
    ("power binds tighter than unary minus on its left", "x = -2**2\n"),
    ("power takes a unary minus on its right", "x = 2**-1\n"),
    ("power is right associative", "x = a**b**c\n"),
    ("not binds looser than comparison", "x = not a == b\n"),
    ("conditional expressions nest to the right", "x = a if b else c if d else e\n"),
    ("lambda body takes a whole conditional expression", "f = lambda: x if y else z\n"),
    ("subtraction is left associative", "x = a - b - c\n"),
    ("multiplication binds tighter than addition", "x = a + b * c - d / e\n"),
    ("bitwise operators have their own levels", "x = a | b ^ c & d << e + f\n"),
    ("and binds tighter than or", "x = a or b and c or not d\n"),
    ("comparison chains keep every operator", "x = a < b <= c == d != e > f >= g is h is not i in j not in k\n"),
    ("walrus needs parentheses in an expression statement", "if (n := 10) > 5: pass\n"),
    ("await binds tighter than power", "async def f():\n    return await a ** 2\n"),
    ("unary operators stack", "x = ~-+a\n"),
    ("starred assignment target unpacks", "first, *rest = items\n"),
    ("chained assignment keeps all targets in order", "a = b = c = 1\n"),
    ("tuple subscript is a tuple of slices", "x[1:2, ::3, ...]\n"),
    ("call mixes every argument kind", "f(a, *b, c=1, **d)\n"),
    ("sole generator argument needs no parentheses", "sum(x * x for x in range(10) if x % 2)\n"),
    ("chinese identifiers and strings are accepted", "名字 = '协程'  # 注释\nprint(名字)\n"),
    ("implicit continuation inside brackets", "x = [1,\n     2,\n]\ny = (a\n     + b)\n"),
    ("backslash continuation joins lines", "x = 1 + \\\n    2\n"),
    ("f-string with nested format spec and conversions",
     "s = f'{value!r:>{width}} {x=} {y=!s:^5} {{literal}} {z:{a}.{b}f}'\n"),
    ("adjacent strings concatenate into one f-string", "s = 'a' f'{b}' 'c' F'{d!a}'\n"),
    ("bytes and raw strings decode escapes correctly", "b = b'\\x00\\n' rb'\\d'\nr = r'\\n' '\\t\\x41\\u4e2d\\101\\N{BULLET}'\n"),
    ("big integer literals keep their digits", "x = 123456789012345678901234567890 + 0xFFFFFFFFFFFFFFFFFFFF\n"),
    ("number forms", "x = 0x1F, 0o17, 0b101, 1_000, 1.5, 1e10, .5, 5., 1E-5, 3j, 1.5e16\n"),
    ("if main guard is an ordinary if", "if __name__ == '__main__':\n    main()\n"),
]

GOOD = [
    "x = 1\n",
    "a = b = 1\n",
    "a, *b = c\n",
    "[a, (b, c)] = d\n",
    "x.y[1:2, ::3] = z\n",
    "x += 1\nx **= 2\nx //= 3\nx @= m\n",
    "x: int = 1\n(y): int\nz.a: str\n",
    "pass\ndel a, b[0], c.d\n",
    "if a:\n    pass\nelif b:\n    x = 1\nelse:\n    y = 2\n",
    "while x:\n    break\nelse:\n    continue_ = 1\n",
    "for i, j in enumerate(x):\n    continue\nelse:\n    pass\n",
    "async def f(a, b=1, *args, c, d=2, **kw) -> int:\n    async for x in y:\n        await z\n    async with a as b, c:\n        pass\n    return 1\n",
    "def f(a, /, b, *, c):\n    return\n",
    "@dec\n@dec2(1)\ndef f(): pass\n",
    "class A(B, metaclass=M):\n    x = 1\n    def m(self): return self.x\n",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass\n",
    "raise X from Y\n",
    "with (a as b, c as d):\n    pass\n",
    "with (a, b) as c:\n    pass\n",
    "import a.b.c as d, e\nfrom . import x\nfrom ..m import (a as b, c,)\nfrom m import *\n",
    "def f():\n    global a, b\n    nonlocal_ = 1\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n",
    "assert x, 'msg'\n",
    "if __name__ == '__main__':\n    main()\n",
    "x = 2**-1\ny = -2**2\nz = not a == b\nw = a if b else c if d else e\nv = lambda: x if y else z\n",
    "x = a < b < c is not d not in e in f is g != h\n",
    "x = a or b and not c or d\n",
    "x = 1 + 2 * 3 - 4 / 5 // 6 % 7 @ 8 | 9 ^ 10 & 11 << 12 >> 13\n",
    "x = ~-+a\n",
    "f(a, *b, c=1, **d)\n",
    "f(x for x in y)\n",
    "x = [1, *a, 2]\ny = {1: 2, **d}\nz = {1, *s}\nt = (1,)\nu = ()\nv = {}\n",
    "x = [i for i in range(3) if i for j in k]\ny = {k: v for k, v in d.items()}\nz = {a for a in b}\ng = (a async for a in b)\n",
    "async def f():\n    return [x async for x in y]\n",
    "def g():\n    x = yield\n    y = yield 1, 2\n    z = yield from w\n",
    "x = (y := 10)\nif (n := len(a)) > 10: pass\n",
    "print(f'{a!r:>{w}} {b=} {c=!s:5} {{lit}} {d:{e}.{f}}')\n",
    "x = f''\ny = f'abc'\nz = 'a' f'{b}' 'c'\n",
    "x = b'abc' b'\\x00\\n'\n",
    "x = 'a\\tb\\n\\x41\\u4e2d\\U0001F600\\101\\N{BULLET}\\q'\n",
    "x = r'\\n' R\"\\t\" rb'\\x' Br'\\y' u'uni'\n",
    "x = '''multi\nline''' \"\"\"another\n\"\"\"\n",
    "x = 0x1F + 0o17 + 0b101 + 1_000_000 + 0_0\n",
    "x = 1.5 + 1e10 + 1.5e-3 + .5 + 5. + 1E+5 + 0.0001 + 1e16 + 1e-5\n",
    "x = 1j + 1.5j + 1e3J\n",
    "x = 99999999999999999999999999 + 0xFFFFFFFFFFFFFFFFFFFF + 9223372036854775807 + 9223372036854775808\n",
    "x = a[1] + a[1:] + a[:2] + a[::] + a[1:2:3] + a[:, 1] + a[*b]\n",
    "x = ...\ny = None, True, False\n",
    "中文 = '中文'  # 注释\nprint(中文)\n",
    "x = (1,\n     2)\ny = 1 + \\\n    2\n",
    "x = 1; y = 2;\n",
    "if x:\n\n    # comment\n    pass\n",
    "def f(*, a=1, b): pass\n",
    "lambda a, /, b=2, *c, d, **e: 0\n",
    "f(a)(b)[c].d\n",
    "x = yield_ = await_ = 1\n",
    "for x in *a, b: pass\n",
    "return_ = [*a, *b]\n",
    "x = {**a, 'b': 1}\n",
    "class C: pass\n",
    "def f(): return *a, b\n",
    "try:\n    pass\nexcept* E:\n    pass\n",
    "x = 'it''s' \"q\\\"\" 'a\\'b'\n",
    "x = f'{x!a}' f\"{'a'}\" f'''{\"b\"}''' f'{3.14:.2f}' f'{x:{\"w\"}}'\n",
    "x = f'{a}{b}' F'{c}' fR'{d}\\n' Rf'{e}'\n",
    "x = 1if y else 2\n",
    "print(1, 2, sep='', end='\\n', file=sys.stderr)\n",
    "x = a.b.c.d(e).f[g](h)\n",
    "@property\ndef x(self): return 1\n",
    "x = [\n    1,\n    2,\n]\n",
    "def f(a, b):\n    '''doc'''\n    return a + b\n",
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
        elif o < 0x20 or o == 0x7F:
            out.append('""\\x%02x""' % o)
        elif o < 0x80:
            out.append(ch)
        else:
            out.append("".join('""\\x%02x""' % b for b in ch.encode("utf-8")))
    return '"' + "".join(out) + '"'


def main():
    print("// Generated by tests/script/gen_ast_dumps.py from " + sys.version.split()[0] + " - do not edit.")
    print("// name, source, ast.dump(), ast.dump(include_attributes=True)")
    rows = NAMED + [(src.split("\n")[0][:60], src) for src in GOOD]
    for name, src in rows:
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue  # an error case; gen_syntax_errors.py covers those
        print("{%s, %s,\n %s,\n %s}," % (c_string(name), c_string(src), c_string(ast.dump(tree)),
                                       c_string(ast.dump(tree, include_attributes=True))))


if __name__ == "__main__":
    main()
