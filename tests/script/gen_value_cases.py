#!/usr/bin/python3
"""Prints the expression tables of the pylite value tests (tst_objects,
tst_format, tst_value): every expected string is what CPython 3.11 gives.

    /usr/bin/python3 tests/script/gen_value_cases.py > tests/script/value_cases.inc

Each row is VALUE_CASE(group, expression, expected): `expected` is
repr(eval(expression)), or "ExcType: message" when evaluating raises (the
last line of CPython's traceback). The tests evaluate the same expression
text on pylite's object model (ValueExpr.h) and compare.
"""
import random
import struct
import sys
import warnings

warnings.simplefilter("ignore", SyntaxWarning)

assert sys.version_info[:2] == (3, 11), "regenerate with CPython 3.11 (/usr/bin/python3)"

CASES = {}


def group(name, *exprs):
    CASES.setdefault(name, []).extend(exprs)


# --- int ------------------------------------------------------------------------
group("int",
      "1 + 2", "7 - 10", "6 * 7", "7 / 2", "-7 / 2", "7 // 2", "-7 // 2", "7 // -2", "-7 // -2",
      "7 % 3", "-7 % 3", "7 % -3", "-7 % -3", "0 % 5", "divmod(7, 2)", "divmod(-7, 2)", "divmod(7, -2)",
      "2 ** 10", "2 ** 0", "0 ** 0", "(-2) ** 3", "2 ** -1", "(-2) ** -2", "10 ** -3", "2 ** 62", "-2 ** 62",
      "1 << 10", "-1 << 3", "1 << 62", "-5 >> 1", "5 >> 100", "-5 >> 100", "6 & 3", "6 | 3", "6 ^ 3", "~5", "~-1",
      "-(-5)", "+(-5)", "abs(-5)", "abs(True)", "True + True", "True * 3", "-True", "~True", "True & True",
      "True | False", "True ^ True", "True & 3", "False == 0", "True == 1.0", "1 < 2 < 3", "3 > 2 > 2",
      "1 == 1.0", "2 ** 53 + 1 == 2.0 ** 53", "2 ** 53 + 1 > 2.0 ** 53", "10 ** 18 < 1e18 + 1",
      "1 / 0", "1 // 0", "1 % 0", "divmod(1, 0)", "0 ** -1", "1 << -1", "1 >> -1",
      "9223372036854775807 + 1", "-9223372036854775807 - 2", "3037000500 * 3037000500", "2 ** 63",
      "(-9223372036854775807 - 1) // -1", "-(-9223372036854775807 - 1)", "abs(-9223372036854775807 - 1)",
      "1 << 63", "4611686018427387904", "4611686018427387903 + 1", "-4611686018427387905",
      "9223372036854775807", "9223372036854775807 - 1", "-4611686018427387904 - 1 == -4611686018427387905",
      "1 + 'a'", "'a' + 1", "1 - 'a'", "[] - 1", "'a' < 1", "1 < 'a'", "None < None", "-'a'", "~1.5", "abs('a')",
      "int('42')", "int(' -17 ')", "int('1_000')", "int('0x1f', 16)", "int('1f', 16)", "int('0b101', 0)", "int('0o17', 0)",
      "int('z', 36)", "int('010', 0)", "int('abc')", "int('')", "int('1__0')", "int('12', 1)", "int('12', 99)",
      "int(3.99)", "int(-3.99)", "int(True)", "int(1e18)", "int(1e19)", "int(float('inf'))", "int(float('nan'))",
      "int(None)", "int('١٢٣')", "int(1.5, 2)", "int('99999999999999999999')", "int(b'42')",
      "(255).bit_length()", "(-255).bit_length()", "(0).bit_length()", "(7).bit_count()", "(5).as_integer_ratio()",
      "(5).to_bytes(2, 'big')", "(5).to_bytes(2, 'little')", "int.from_bytes(b'\\x01\\x00', 'big')",
      "int.from_bytes(b'\\xff', 'big', signed=True)", "(1).real", "(1).imag", "(7).numerator", "(7).denominator",
      "int.__add__(1, 2)", "(1).__add__('a')", "(3).__radd__(4)", "int.__name__", "type(True)", "bool.__mro__",
      "round(25, -1)", "round(35, -1)", "round(-25, -1)", "round(1234, -2)", "round(5)", "round(5, 2)",
      "pow(3, 4, 5)", "pow(3, -1, 7)", "pow(-3, 5, 7)", "pow(3, 5, -7)", "pow(2, 10, 1)", "pow(2, 1, 0)", "pow(2, -1, 4)",
      "hash(1)", "hash(-1)", "hash(-2)", "hash(0)", "hash(2 ** 61 - 1)", "hash(2 ** 61)", "hash(-2 ** 62)",
      "hash(9223372036854775807)", "hash(True)", "hash(False)",
      "bool(0)", "bool(7)", "bool()", "bool('')", "bool([0])", "bool(None)",
      "isinstance(True, int)", "issubclass(bool, int)", "1 .__index__()",
      )

# --- float ----------------------------------------------------------------------
group("float",
      "0.1 + 0.2", "1 / 3", "2 / 3", "10 / 4", "1e16", "1e15", "123456789012345678.0", "1.5e-7", "1e-5", "0.0001",
      "0.00001", "1e22", "1e300 * 10", "5e-324", "1.7976931348623157e308", "-0.0", "0.0", "-1.5", "100.0", "1e100",
      "float('inf')", "float('-inf')", "float('nan')", "float('-nan')", "float(' 1_000.5 ')", "float('1e500')",
      "float('-1e-500')", "float('.5')", "float('5.')", "float('1E5')", "float('infinity')", "float('abc')",
      "float('')", "float('1e')", "float('0x10')", "float(7)", "float(True)", "float(None)", "float('١.٥')",
      "2 ** 0.5", "2.0 ** -1", "(-8.0) ** 3", "0.0 ** 0", "0.0 ** -1", "10.0 ** 400",
      "1.0 / 0", "1.0 // 0", "1.0 % 0", "divmod(1.0, 0)", "7.5 // 2", "-7.5 // 2", "7.5 % 2", "-7.5 % 2", "7.5 % -2",
      "divmod(-7.5, 2)", "divmod(7.0, -0.5)", "-0.0 % 5", "1e308 * 10", "-1e308 * 10",
      "float('inf') - float('inf')", "float('inf') // 1", "1 / float('inf')", "0.1 * 3", "1.1 + 2.2", "3.3 * 3",
      "round(2.5)", "round(3.5)", "round(-2.5)", "round(0.5)", "round(1.5)", "round(2.675, 2)", "round(0.125, 2)",
      "round(0.375, 2)", "round(1234.5678, -2)", "round(1250.0, -2)", "round(1350.0, -2)", "round(-0.4)",
      "round(1e300, -300)", "round(float('inf'))", "round(float('nan'))", "round(1.5, 'a')", "round('a')",
      "round(float('inf'), 2)", "round(123.456, 1)", "round(1e-10, 5)", "round(-0.0, 1)", "round(5.5, 0)",
      "(0.5).as_integer_ratio()", "(0.1).as_integer_ratio()", "(-2.5).as_integer_ratio()", "(2.0).is_integer()",
      "(2.5).is_integer()", "(1.5).hex()", "(0.1).hex()", "(-0.0).hex()", "(1e-320).hex()",
      "1.0 == 1", "0.1 + 0.2 == 0.3", "float('nan') == float('nan')", "float('nan') != float('nan')",
      "float('nan') < 1", "1 < float('inf')", "-0.0 == 0.0", "1.5 < 2", "2 > 1.5", "3 >= 3.0",
      "hash(1.0)", "hash(0.5)", "hash(-1.5)", "hash(1e100)", "hash(float('inf'))", "hash(float('-inf'))",
      "hash(-0.0)", "hash(2.0 ** 61)", "hash(1e-300)", "hash(123456.789)", "hash(1.0) == hash(1) == hash(True)",
      "abs(-2.5)", "-(2.5)", "+(-2.5)", "int(2.9)", "(2.5).real", "(2.5).imag", "(2.5).conjugate()",
      "(1.9).__trunc__()", "(-1.5).__floor__()", "(-1.5).__ceil__()",
      "str(1e16)", "str(0.1)", "1e-7", "12345678.9", "0.3", "1/7", "2/7", "355/113", "22/7", "1e23", "8.41e21",
      "9007199254740993.0", "0.1 * 0.1", "1.0000000000000002", "0.9999999999999999", "4.35", "100.0 / 3",
      "2.0 ** 100", "2.0 ** -100", "1e-310", "2.2250738585072014e-308", "float(10 ** 16)", "float(9223372036854775807)",
      )
# Deterministic spread of doubles: repr must round-trip exactly like CPython's.
for k in range(1, 40):
    group("float", f"{k} / 7", f"{k} * 0.1", f"2.0 ** -{k}", f"{k} * 1.1 ** {k}")

# --- str --------------------------------------------------------------------------
group("str",
      "'hello'", "\"it's\"", "'say \"hi\"'", "'both \\' and \"'", "'tab\\tnew\\nline\\r'", "'\\x00\\x1f\\x7f'",
      "'\\\\'", "'中文'", "'协程与异步'", "'é'", "'\\xa0'", "'\\u3000'", "'\\u200b'", "'\\U0001f600'", "'\\ud800'",
      "'\\u0378'", "'\\xad'", "'\\u2028'", "'a' + 'b'", "'ab' * 3", "'ab' * 0", "'ab' * -1", "3 * 'ab'", "'a' * 1.5",
      "'ab' * 'c'", "len('中文abc')", "'中文abc'[1]", "'中文abc'[-1]", "'中文abc'[5]", "'abc'[1.0]", "'中文abc'[1:4]",
      "'中文abc'[::-1]", "'abcdef'[::2]", "'abcdef'[-2:]", "'abcdef'[4:1:-1]", "'abc'[::0]", "'abc'[10:]",
      "'b' in 'abc'", "'文' in '中文'", "'' in 'abc'", "1 in 'abc'", "'a' < 'b'", "'a' < 'B'", "'中' > 'z'",
      "'abc' == 'abc'", "'abc' != 'abd'", "'a' < 1",
      "'a b  c'.split()", "' a b '.split()", "'a,b,,c'.split(',')", "'a,b,,c'.split(',', 1)", "'a,b,,c'.rsplit(',', 1)",
      "'  a  b  '.split(None, 1)", "'  a  b  '.rsplit(None, 1)", "'a\\u3000b'.split()", "''.split()", "''.split(',')",
      "'a'.split('')", "'a b'.split(1)", "'abc'.split(1, 2, 3)", "'a b c'.split(maxsplit=1)", "'a b'.split(x=1)",
      "'中,文,字'.split(',')", "'a\\nb\\r\\nc\\rd\\x0be\\x1cf\\u2028g'.splitlines()", "'a\\nb\\n'.splitlines(True)",
      "'a\\nb\\n'.splitlines(keepends=True)", "''.splitlines()",
      "','.join(['a', 'b', 'c'])", "''.join([])", "'-'.join('abc')", "'中'.join(['x', 'y'])", "'x'.join([1])",
      "' '.join(1)", "'x'.join(('a',))", "'x'.join()",
      "'  hi  '.strip()", "'xxhixx'.strip('x')", "'  hi  '.lstrip()", "'  hi  '.rstrip()", "'中文中'.strip('中')",
      "'\\u3000hi\\t'.strip()", "'abc'.strip(1)", "'abc'.strip('')", "'abcba'.strip('ab')",
      "'aaa'.replace('a', 'b')", "'aaa'.replace('a', 'b', 2)", "'abc'.replace('', '-')", "'abc'.replace('', '-', 2)",
      "'中文中文'.replace('中', 'zh')", "'abc'.replace('x', 'y')", "'a'.replace(1, 'b')", "'a'.replace('a')",
      "'a'.replace('a', 'b', count=1)",
      "'hello'.startswith('he')", "'hello'.startswith(('x', 'h'))", "'hello'.startswith('l', 2)",
      "'hello'.startswith('', 5)", "'hello'.startswith('', 6)", "'hello'.endswith('lo')", "'hello'.endswith('l', 0, 4)",
      "'hello'.endswith(('a', 'b'))", "'a'.startswith(1)", "'a'.endswith((1,))", "'a'.startswith()",
      "'Hello World'.upper()", "'Hello World'.lower()", "'straße'.upper()", "'ﬁ'.upper()", "'ΣΑΣ'.lower()",
      "'ΣΑΣ ΣΑ'.lower()", "'İ'.lower()", "'ǆemal'.capitalize()", "'hello world'.title()",
      "\"they're bill's\".title()", "'HeLLo'.swapcase()", "'Straße'.casefold()", "'hELLO wORLD'.capitalize()",
      "'中文abc'.upper()", "'ÀÉÎ'.lower()", "'ÿ'.upper()", "'Ω'.lower()", "'ω'.upper()", "'ǅ'.lower()", "'ǅ'.upper()",
      "'{0}-{1}'.format('a', 'b')", "'{}'.format(1)", "'abcabc'.find('b')", "'abcabc'.rfind('b')",
      "'abcabc'.find('b', 2)", "'abcabc'.find('b', 2, 4)", "'abc'.find('x')", "'中文中文'.find('文', 2)",
      "'中文中文'.rfind('文')", "'abc'.find('', 3)", "'abc'.find('', 4)", "'abc'.index('c')", "'abc'.index('x')",
      "'abc'.rindex('x')", "'abc'.find(1)", "'abc'.find('a', 'x')", "'abc'.find('a', None, None)", "'abc'.find()",
      "'abcabc'.count('b')", "'aaaa'.count('aa')", "'abc'.count('')", "'中文'.count('')", "'abc'.count('a', 1)",
      "'abc'.count(1)", "'中文'.encode()", "'中文'.encode('utf-8')", "'abc'.encode('ascii')", "'é'.encode('latin-1')",
      "'中文x'.encode('ascii')", "'é'.encode('ascii')", "'é'.encode('ascii', 'replace')", "'é中x'.encode('ascii', 'ignore')",
      "'é中'.encode('latin-1', 'replace')", "'a'.encode('bogus')", "'\\ud800'.encode()", "'a'.encode(1)",
      "'a'.encode('utf-8', 'bogus')", "'é'.encode('ascii', 'bogus')", "'é'.encode('UTF_8')",
      "'123'.isdigit()", "'١٢'.isdigit()", "'½'.isdigit()", "'½'.isnumeric()", "'12a'.isdigit()", "''.isdigit()",
      "'abc'.isalpha()", "'中文'.isalpha()", "'中文，'.isalpha()", "'ab1'.isalnum()", "' \\t\\n\\u3000'.isspace()",
      "''.isspace()", "'ABC1'.isupper()", "'Abc'.isupper()", "'abc1'.islower()", "'1'.islower()", "'Ab Cd'.istitle()",
      "'Ab cd'.istitle()", "'a1_中'.isidentifier()", "'1a'.isidentifier()", "''.isidentifier()", "'abc'.isascii()",
      "'é'.isascii()", "'a\\x00'.isprintable()", "'中'.isprintable()", "'123'.isdecimal()", "'²'.isdecimal()",
      "'²'.isdigit()",
      "'42'.zfill(5)", "'-42'.zfill(6)", "'+'.zfill(3)", "'abc'.zfill(2)", "'a'.zfill('a')",
      "'abc'.center(6)", "'abc'.center(6, '*')", "'ab'.center(5, '*')", "'abc'.center(4, '*')", "'中文'.center(6, '-')",
      "'abc'.ljust(5, '.')", "'abc'.rjust(5)", "'abc'.ljust(2)", "'a'.ljust(3, 'ab')", "'a'.center(5, 1)",
      "'a'.center()", "'a'.center(1, 2, 3)", "'a'.center(5.0)",
      "'a.b.c'.partition('.')", "'a.b.c'.rpartition('.')", "'abc'.partition('x')", "'abc'.rpartition('x')",
      "'a'.partition('')", "'a'.partition(1)", "'中:文'.partition(':')",
      "'a\\tbc\\td'.expandtabs(4)", "'a\\tb'.expandtabs()", "'ab\\ncd\\te'.expandtabs(3)",
      "'abc'.removeprefix('ab')", "'abc'.removesuffix('bc')", "'abc'.removeprefix('x')", "'a'.removeprefix(1)",
      "str(1)", "str(None)", "str(b'ab')", "str(b'\\xe4\\xb8\\xad', 'utf-8')", "str(b'a', 'bogus')", "str('a', 'utf-8')",
      "str(1, 'utf-8')", "str()", "repr('a')", "ascii('中é')", "ord('中')", "chr(20013)", "chr(-1)",
      "hash('') == 0", "'abc'.upper(1)", "str.upper('a')", "str.upper(1)", "str.upper()", "repr('{}'.format)[:34]",
      "'ab'.__len__()", "'ab'.__contains__('a')", "'a'.__add__(1)", "'ab'.__mul__(2)", "'a'.__class__",
      )

# --- containers -------------------------------------------------------------------
group("list",
      "[1, 'a', None, 2.5, (1,), [2]]", "[]", "[1] + [2]", "[1] + (2,)", "[1] * 3", "[1, 2] * 0", "[0] * -1",
      "[1] * 'a'", "3 * [1]", "[1, 2, 3][1]", "[1, 2, 3][-1]", "[1, 2, 3][3]", "[1, 2, 3][1.0]", "[1, 2, 3, 4, 5][1:4]",
      "[1, 2, 3, 4, 5][::-2]", "[1, 2, 3][::0]", "[1, 2, 3][5:]", "[1, 2] < [1, 3]", "[1, 2] < [1, 2, 0]",
      "[1, 2] == [1, 2]", "[1, 'a'] < [1, 2]", "[] < []", "2 in [1, 2]", "[2] in [[2]]", "len([1, 2])",
      "list('abc')", "list(range(3))", "list({'a': 1, 'b': 2})", "list(1)", "list(x=1)", "list((1, 2), (3,))",
      "[3, 1, 2].sort()", "sorted([3, 1, 2])", "sorted([3, 1, 2], reverse=True)", "sorted(['b', 'A', 'c'])",
      "sorted(['b', 'A', 'c'], key=str.lower)", "sorted([1, 'a'])", "sorted([3.5, 1, 2.5, True])",
      "sorted([(1, 'b'), (0, 'z'), (1, 'a'), (0, 'y')], key=lambda p: p[0])",
      "sorted(['bb', 'a', 'ccc', 'dd', 'e'], key=len)", "sorted(['bb', 'a', 'ccc', 'dd', 'e'], key=len, reverse=True)",
      "sorted([5, 2, 9, 1, 5, 6, 2, 8, 0, 3, 7, 4] * 5)", "sorted(range(40, 0, -3))", "sorted([float('nan'), 1, 0])",
      "sorted('hello world')", "sorted([[2], [1, 2], [1]])", "[1, 2].sort(key=1)", "[1].sort(1)", "[1].sort(x=1)",
      "[].pop()", "[1, 2].pop()", "[1, 2].pop(0)", "[1].pop(5)", "[1].pop(1, 2)", "[1, 2, 1].index(1)",
      "[1, 2, 1].index(1, 1)", "[1].index(2)", "['a'].index('b')", "[1, 2, 1].count(1)", "[1].count()",
      "[].append()", "[].append(1, 2)", "[].append(x=1)", "[].insert(1)", "[1].remove(2)", "[].index()",
      "[1, 2] + 'a'", "[1, [2, [3]]]", "[1.0, -0.0, float('inf')]", "['中文', 'a\\'b']",
      "list.__len__([1])", "[].__len__(1)", "[1, 2].copy()", "[1, 2].__reversed__().__next__()",
      "list(reversed([1, 2, 3]))", "list(reversed((1, 2, 3)))", "list(reversed('abc'))", "list(reversed(range(5)))",
      "list(reversed({'a': 1, 'b': 2}))", "reversed(1)", "list(enumerate('ab'))", "list(enumerate('ab', 1))",
      "list(enumerate('ab', start=5))", "list(zip('ab', [1, 2, 3]))", "list(zip())", "list(zip('ab', 'c', strict=True))",
      "list(zip('a', 'bc', strict=True))", "list(map(len, ['a', 'bb']))", "list(map(pow, [2, 3], [3, 2]))",
      "list(filter(None, [0, 1, '', 'a', None]))", "list(filter(lambda x: x > 1, [1, 2, 3]))", "map(len)",
      "list(iter([1, 2]))", "next(iter([]))", "next(iter([]), 'done')", "next(iter('ab'))", "iter(1)", "len(1)",
      "[1, 2, 3][True]", "min([3, 1, 2])", "max('abc')", "sum([1, 2, 3])", "sum([0.1] * 10)", "min([])",
      "isinstance([], list)", "type([]).__name__", "[].__class__.__name__", "hash([])", "[1] == (1,)",
      )
group("tuple",
      "(1,)", "()", "(1, 2)", "(1, 'a', (2,))", "(1,) + (2,)", "(1,) + [2]", "(1,) * 3", "(1, 2)[1]", "(1, 2)[2]",
      "(1, 2, 3)[::-1]", "(1, 2) < (1, 3)", "(1, 2) == (1, 2.0)", "(1, (2, 3)) < (1, (2, 4))", "tuple('ab')",
      "tuple([1])", "tuple(1, 2)", "tuple(x=1)", "(1, 2, 1).count(1)", "(1, 2).index(2)", "(1, 2).index(3)",
      "(1,).index()", "hash(())", "hash((1, 2))", "hash((1, 'a') == (1, 'a'))", "hash((1, (2, 3)))", "hash(((),))",
      "hash((1, [2]))", "hash((-1,))", "hash((1.0, True)) == hash((1, 1))", "len((1, 2, 3))", "2 in (1, 2)",
      "(1, 2, 3)[1:]", "((1,),)", "tuple.__name__",
      )
group("dict",
      "{'a': 1, 'b': [2, 3]}", "{}", "{1: 'a', 1.0: 'b', True: 'c'}", "{'中': '文'}", "{'a': 1}['a']", "{'a': 1}['b']",
      "{}[[1]]", "{(1, 2): 3}[(1, 2)]", "{'a': 1}.get('a')", "{'a': 1}.get('b')", "{'a': 1}.get('b', 0)",
      "{}.get()", "{}.get(1, 2, 3)", "{'a': 1, 'b': 2}.keys()", "{'a': 1, 'b': 2}.values()", "{'a': 1, 'b': 2}.items()",
      "{}.keys()", "{'b': 1, 'a': 2}.keys() == {'a', 'b'}", "sorted({'a': 1}.keys() | {'b'})", "{'a': 1, 'b': 2}.keys() & {'b', 'c'}",
      "{'a': 1, 'b': 2}.keys() - {'a'}", "{'a': 1}.keys() ^ {'a', 'b'}", "('a', 1) in {'a': 1}.items()",
      "'a' in {'a': 1}.keys()", "1 in {'a': 1}.values()", "list({'a': 1, 'b': 2}.items())", "len({'a': 1}.keys())",
      "list(reversed({'a': 1, 'b': 2}.items()))", "{'a': 1}.keys().mapping", "{'a': 1}.pop('a')", "{'a': 1}.pop('b')",
      "{'a': 1}.pop('b', None)", "{}.pop()", "{}.popitem()", "{'a': 1, 'b': 2}.popitem()", "{'a': 1}.setdefault('a', 5)",
      "{'a': 1}.setdefault('b', 5)", "{'a': 1}.setdefault('b')", "{}.setdefault()", "{'a': 1}.copy()",
      "{'a': 1}.update({'b': 2})", "dict({'a': 1}, b=2)", "dict([('a', 1), ('b', 2)])", "dict(a=1, b=2)", "dict(zip('ab', [1, 2]))",
      "dict([1])", "dict([(1, 2, 3)])", "dict([[1, 2]])", "dict(1)", "dict({}, {})", "dict.fromkeys('ab')",
      "dict.fromkeys(['a', 'b'], 0)", "{}.fromkeys('a', 1)", "{'a': 1} == {'a': 1.0}", "{'a': 1} == {'a': 2}",
      "{'a': 1, 'b': 2} == {'b': 2, 'a': 1}", "{'a': 1} != {}", "{'a': 1} < {'b': 2}", "{'a': 1} | {'b': 2}",
      "{'a': 1} | {'a': 2}", "{'a': 1} | [1]", "len({'a': 1, 'b': 2})", "'a' in {'a': 1}", "[] in {}",
      "list({'x': 1, 'y': 2, 'z': 3})", "{'a': {'b': {}}}", "{1: 2}.items(1)", "{}.update(1, 2)", "{'a': 1}.update(1)",
      "{'a': 1}.update([('b', 2)], c=3)", "hash({})", "dict.__name__", "{'a': 1}.__getitem__('a')", "{'a': [1, {'b': (2,)}]}",
      "{1: 1, 2: 2}.keys() == {1: 3, 2: 4}.keys()", "{1: 1}.keys() < {1: 1, 2: 2}.keys()", "sorted({'a': 1}.items() | {('b', 2)})",
      )
group("set",
      "{1, 2, 3}", "{3, 1, 2}", "{5, 3, 10, 1}", "{100, 7, 64, 33, 1}", "set()", "set([3, 3, 1])", "set('abc') == {'a', 'b', 'c'}",
      "frozenset()", "frozenset([1, 2])", "frozenset([frozenset([1])])", "{frozenset()}", "{1, 2} | {3}", "{1, 2} & {2, 3}",
      "{1, 2} - {2}", "{1, 2} ^ {2, 3}", "{1, 2} | [3]", "{1, 2} - [1]", "frozenset([1]) | {2}", "{2} | frozenset([1])",
      "{1, 2} <= {1, 2, 3}", "{1, 2} < {1, 2}", "{1, 2, 3} > {1}", "{1, 2} == frozenset([2, 1])", "{1} < 1",
      "{1, 2}.issubset([1, 2, 3])", "{1, 2}.issuperset([1])", "{1, 2}.isdisjoint([3])", "{1, 2}.isdisjoint({2})",
      "{1, 2}.union([3], (4,))", "{1, 2, 3}.intersection([2, 3], {3})", "{1, 2, 3}.difference([1], [2])",
      "{1, 2}.symmetric_difference([2, 3])", "{1}.union()", "{1, 2, 3}.intersection()", "set([1]).add(2)",
      "set().add()", "set().pop()", "{1}.pop()", "set().remove(1)", "{1}.remove(1)", "set().discard(1)", "{[1]}",
      "set([[1]])", "frozenset([[]])", "{1, 2}.copy()", "len({1, 2, 2})", "2 in {1, 2}", "[] in {1}", "set() in {frozenset()}",
      "set(1, 2)", "set(x=1)", "hash(frozenset())", "hash(frozenset([1, 2, 3]))", "hash(frozenset(['a'])) == hash(frozenset(['a']))",
      "hash(frozenset([1, 2])) == hash(frozenset([2, 1]))", "hash({1})", "{1.0, 1, True}", "{-1, -2, 0}",
      "{2 ** 40, 2 ** 41, 3}", "set(range(20))", "set(range(100, 0, -7))", 
      "set('hello') == set('olleh')", "sorted({'b', 'a', 'c'})", "{1, 2, 3} - {1, 2, 3}", "{(1, 2), (3, 4)} & {(1, 2)}",
      "list({1, 2, 3, 4, 5, 6, 7, 8, 9, 10} - {2, 4, 6})", "list({1, 2, 3} | {30, 20, 10})", "set([0, 8, 16, 24, 32, 40, 48])", "set(frozenset([0, 8, 16, 24, 32, 40, 48]))",
      )
group("range",
      "range(5)", "range(1, 5)", "range(0, 10, 2)", "range(5, 0, -1)", "list(range(5, 0, -2))", "len(range(0, 10, 3))",
      "len(range(10, 0))", "range(10)[3]", "range(10)[-1]", "range(10)[10]", "range(10)[2:5]", "range(10)[::-1]",
      "range(10)[1:5:3]", "range(0, 20, 3)[::2]", "3 in range(10)", "3 in range(0, 10, 2)", "3.0 in range(5)",
      "range(0, 1, 0)", "range()", "range(1, 2, 3, 4)", "range(1.5)", "range(3) == range(0, 3)", "range(0) == range(5, 5)",
      "range(1, 2, 5) == range(1, 3, 7)", "hash(range(3)) == hash(range(0, 3, 1))", "range(10).index(3)",
      "range(10).index(11)", "range(0, 10, 2).count(4)", "range(5).start", "range(1, 9, 2).stop", "list(range(-3, 3))",
      "sum(range(101))", "list(reversed(range(1, 10, 3)))", "range(3)[1.0]",
      )
group("bytes",
      "b'abc'", "b''", "b\"it's\"", "b'say \"hi\" \\''", "b'\\x00\\x7f\\x80\\xff\\t\\n\\r\\\\'", "b'a' + b'b'", "b'ab' * 2",
      "b'a' + 'b'", "'a' + b'b'", "b'abc'[0]", "b'abc'[-1]", "b'abc'[5]", "b'abc'[1:]", "b'abc'[::-1]", "len(b'abc')",
      "b'b' in b'abc'", "98 in b'abc'", "'b' in b'abc'", "300 in b'abc'", "list(b'ab')", "bytes(3)", "bytes([65, 66])",
      "bytes([256])", "bytes('abc', 'ascii')", "bytes('abc')", "bytes(-1)", "bytes(b'x')", "bytes('中', 'utf-8')",
      "b'\\xe4\\xb8\\xad\\xe6\\x96\\x87'.decode()", "b'\\xe4\\xb8\\xad'.decode('utf-8')", "b'abc'.decode('ascii')",
      "b'\\xff'.decode()", "b'\\xe4\\xb8'.decode()", "b'\\xe4A'.decode()", "b'\\xf0\\x90A'.decode()", "b'\\xed\\xa0\\x80'.decode()",
      "b'a\\xffb'.decode('ascii')", "b'\\xff'.decode('utf-8', 'replace')", "b'a\\xe4\\xb8b'.decode('utf-8', 'ignore')",
      "b'\\xe9'.decode('latin-1')", "b'a'.decode('bogus')", "b'\\xc0\\x80'.decode()", "b'\\xf5'.decode()",
      "b'abc'.hex()", "bytes.fromhex('61 62 63')", "bytes.fromhex('6')", "b'abc'.startswith(b'ab')",
      "b'abc'.endswith((b'x', b'c'))", "b'a,b'.split(b',')", "b' a b '.split()", "b' x '.strip()", "b'-'.join([b'a', b'b'])",
      "b'abc'.replace(b'b', b'B')", "b'abc'.upper()", "b'ABC'.lower()", "b'abcabc'.find(b'c')", "b'abcabc'.count(b'b')",
      "b'abc'.index(b'x')", "b'a' < b'b'", "b'a' == b'a'", "hash(b'a') == hash(b'a')", "b'a' == 'a'", "b'\\xe4'.decode('utf8')",
      )
group("slice",
      "slice(1, 2)", "slice(3)", "slice(1, 2, 3)", "slice(None)", "slice(1, 10, 2).indices(5)", "slice(None, None, -1).indices(4)",
      "slice(-3, None).indices(10)", "slice(1, 2) == slice(1, 2)", "slice(1, 2) < slice(1, 3)", "hash(slice(1))",
      "slice()", "slice(1).start", "slice(1, 2, 3).step", "[1, 2, 3][slice(1, None)]", "'abc'[slice(None, None, -1)]",
      "slice(1)[0]", "slice(0, 1, 0).indices(3)", "[1, 2][::'a']",
      )
group("types",
      "type(1)", "type('a')", "type(None)", "type(NotImplemented)", "type(type)", "type(1.5).__name__", "int.__qualname__",
      "object", "repr(object())[:17]", "object(1)", "type(object())", "int.__mro__", "bool.__base__", "object.__base__", "int.__bases__",
      "isinstance(1, (str, int))", "isinstance(1, 1)", "issubclass(bool, (str, int))", "issubclass(1, int)",
      "ValueError.__mro__", "KeyError.__mro__", "ExceptionGroup.__mro__", "TimeoutError.__mro__", "UnboundLocalError.__base__",
      "RecursionError.__mro__", "ModuleNotFoundError.__mro__", "TabError.__mro__", "issubclass(ExceptionGroup, Exception)",
      "NotImplementedError.__mro__", "StopAsyncIteration.__mro__", "GeneratorExit.__mro__", "KeyboardInterrupt.__mro__",
      "SystemExit.__mro__", "UnicodeDecodeError.__mro__", "type.__name__", "str.split", "int.__add__", "type.__dict__['__name__']",
      "int.__dict__['bit_length']", "repr(dict.fromkeys)[:39]", "list.__hash__", "int.__module__", "ValueError.__module__",
      "type(int.__dict__)", "callable(int)", "callable(1)", "callable(len)", "len", "str.join", "getattr(1, 'real')",
      "getattr(1, 'x', 5)", "getattr(1, 'x')", "hasattr(1, 'x')", "hasattr('a', 'upper')", "(1).x", "None.x", "().x",
      "int.x", "type(len)", "type(str.split)", "type(int.__add__)", "type(dict.fromkeys)", "type(type.__dict__['__name__'])",
      "type(range(1))", "type(iter([]))", "type(iter(()))", "type(iter('a'))", "type(iter('中'))", "type(iter(range(1)))",
      "type(iter({}))", "type(iter({}.values()))", "type(iter({}.items()))", "type(iter(set()))", "type(iter(b''))",
      "type(reversed([]))", "type(enumerate([]))", "type(zip())", "type({}.keys())", "type(...)", "...", 
      "property", "staticmethod(len).__func__", "classmethod", "super", "type(None)()", "type(None)(1)", 
      "int.__name__ + str.__name__", "object.__name__", "BaseException.__mro__", "object.__class__",
      )

# --- exceptions ---------------------------------------------------------------------
group("exceptions",
      "ValueError('bad')", "ValueError()", "ValueError('a', 1)", "str(ValueError('bad'))", "str(ValueError())",
      "str(ValueError('a', 1))", "str(ValueError(1))", "KeyError('a')", "str(KeyError('a'))", "str(KeyError('a', 'b'))",
      "str(KeyError())", "str(KeyError(1))", "repr(KeyError('a'))", "ValueError('bad').args", "ValueError(x=1)",
      "StopIteration(1).value", "StopIteration().value", "StopIteration(1, 2).value", "SystemExit().code",
      "SystemExit(2).code", "SystemExit(1, 2).code", "str(OSError(2, 'No such file or directory', 'a.txt'))",
      "OSError(2, 'x', 'a.txt')", "type(OSError(2, 'x'))", "OSError(2, 'x', 'a').args", "OSError(2, 'x', 'a').filename",
      "str(OSError(2, 'x', 'a', None, 'b'))", "str(OSError('just'))", "OSError('just').errno", "str(OSError(1, 2))",
      "type(OSError(13, 'denied'))", "type(OSError(110, 't'))", "type(OSError(111, 'r'))", "type(OSError(999, 'u'))",
      "str(ImportError('no module', name='x'))", "ImportError('no module', name='x').name", "ImportError('m').msg",
      "ImportError()", "str(ImportError('a', 'b'))", "ImportError(bad=1)", "NameError('x', name='y').name",
      "AttributeError('a', name='n', obj=1).obj", "str(SyntaxError('invalid syntax', ('main.py', 3, 5, 'x y', 3, 6)))",
      "SyntaxError('invalid syntax', ('main.py', 3, 5, 'x y', 3, 6))", "str(SyntaxError('m'))",
      "str(SyntaxError('m', (None, 2, 1, 'x')))", "SyntaxError('m', ('/a/b/main.py', 2, 1, 'x')).filename",
      "str(SyntaxError('m', ('/a/b/main.py', 2, 1, 'x')))", "SyntaxError('m', ('f', 2, 1, 'x')).lineno",
      "str(IndentationError('unexpected indent', ('main.py', 2, 4, '    x', 2, -1)))",
      "str(UnicodeDecodeError('utf-8', b'\\xff\\xfe', 0, 2, 'bad'))", "str(UnicodeDecodeError('utf-8', b'\\xff', 0, 1, 'bad'))",
      "UnicodeDecodeError('utf-8', b'\\xff\\xfe', 0, 2, 'bad').start", "UnicodeDecodeError('utf-8', b'\\xff', 0, 1, 'bad')",
      "str(UnicodeEncodeError('ascii', '中文', 0, 1, 'nope'))", "str(UnicodeEncodeError('ascii', 'é', 0, 1, 'nope'))",
      "str(UnicodeEncodeError('ascii', '\\U0001f600', 0, 1, 'nope'))", "str(UnicodeEncodeError('ascii', 'ab', 0, 2, 'nope'))",
      "ExceptionGroup('msg', [ValueError('a'), TypeError('b')])", "str(ExceptionGroup('msg', [ValueError('a'), TypeError('b')]))",
      "str(ExceptionGroup('one', [ValueError('a')]))", "ExceptionGroup('m', [ValueError('a')]).exceptions",
      "ExceptionGroup('m', (ValueError('a'),)).message", "type(BaseExceptionGroup('m', [ValueError()]))",
      "type(BaseExceptionGroup('m', [KeyboardInterrupt()]))", "ExceptionGroup('m', [KeyboardInterrupt()])",
      "ExceptionGroup('m', [])", "ExceptionGroup('m', [1])", "ExceptionGroup(1, [ValueError()])", "ExceptionGroup('m', 1)",
      "ExceptionGroup('m')", "ExceptionGroup('m', [ValueError('a'), TypeError('b')]).subgroup(ValueError)",
      "ExceptionGroup('m', [ValueError('a'), TypeError('b')]).split(TypeError)",
      "ExceptionGroup('m', [ValueError('a'), ExceptionGroup('n', [TypeError('b')])]).split(TypeError)",
      "ExceptionGroup('m', [ValueError('a')]).subgroup(KeyError)", "ExceptionGroup('m', [ValueError('a')]).derive([KeyError('k')])",
      "isinstance(ExceptionGroup('m', [ValueError()]), Exception)", "RecursionError('maximum recursion depth exceeded')",
      "str(MemoryError())", "MemoryError()", "TimeoutError()", "str(ZeroDivisionError('division by zero'))",
      "ValueError('x').with_traceback(None)", "ValueError('x').__cause__", "ValueError('x').__context__",
      "ValueError('x').__suppress_context__", "ValueError('x').__traceback__", "ValueError.__name__",
      "isinstance(KeyError(), LookupError)", "issubclass(UnboundLocalError, NameError)", "issubclass(TimeoutError, OSError)",
      "ValueError('a') == ValueError('a')", "repr(ValueError(ValueError('inner')))", "str(Exception('中文'))",
      "Exception('a', 'b').args", "BaseException().args", "str(StopIteration(5))", "ValueError('x').__dict__",
      "ValueError('x').add_note(1)", "str(EOFError())", "AssertionError()", "NotImplementedError('todo')",
      "KeyError(('a', 1))", "str(KeyError(('a', 1)))", "str(OverflowError(34, 'Numerical result out of range'))",
      )

# --- formatting -----------------------------------------------------------------------
group("format",
      "format(1.5, '')", "format(1.5)", "format(True, '')", "format(True, 'd')", "format(True, '>5')", "format('ab', '')",
      "format(None, '')", "format(None, 'x')", "format([1], '')", "format(object, '')[:7]",
      "'{:05}'.format('ab')", "'{:x<05}'.format(3)", "'{:010,}'.format(1234)", "'{:,}'.format(1234567.891)",
      "'{:_b}'.format(255)", "'{:#_x}'.format(0xabcdef)", "'{:=+8.2f}'.format(3.14159)", "'{:^9}'.format('中文')",
      "'{:*^9}'.format('ab')", "'{:.3}'.format('abcdef')", "'{:.3}'.format(1234.5)", "'{:.3g}'.format(1234.5)",
      "'{:e}'.format(1234.5)", "'{:%}'.format(0.25)", "'{:.1%}'.format(0.256)", "'{:n}'.format(1234)",
      "'{:c}'.format(0x4e2d)", "'{:08.3f}'.format(-3.14159)", "'{:z.1f}'.format(-0.04)", "'{:#.3g}'.format(1.0)",
      "'{:g}'.format(1e16)", "'{:}'.format(1e16)", "'{:.2}'.format(1.0)", "'{:10}'.format(1.5)", "'{:<10}'.format(1)",
      "'{:X}'.format(255)", "'{:#o}'.format(8)", "'{:+}'.format(0)", "'{: }'.format(5)", "'{:0=10}'.format(-42)",
      "'{:,.2f}'.format(1234567.891)", "'{:_}'.format(1000000)", "'{:5}'.format(True)", "'{}'.format(True)",
      "'{:d}'.format(True)", "'{:.0f}'.format(0.5)", "'{:.0f}'.format(1.5)", "'{:.0f}'.format(2.5)", "'{:.15g}'.format(0.1)",
      "'{:.17g}'.format(0.1)", "'{:e}'.format(1e-300)", "'{:.2e}'.format(9.999)", "'{:g}'.format(100000.0)",
      "'{:g}'.format(1000000.0)", "'{:G}'.format(1e-7)", "'{:#g}'.format(1.5)", "'{:#x}'.format(0)", "'{:o}'.format(-8)",
      "'{:,d}'.format(-1234567)", "'{:>+10,.1f}'.format(-1234.56)", "'{:f}'.format(float('nan'))", "'{:F}'.format(float('inf'))",
      "'{:+.3f}'.format(float('-inf'))", "'{:010.2f}'.format(float('inf'))", "'{:.3e}'.format(0.0)", "'{:E}'.format(-0.0)",
      "'{:g}'.format(0.0001)", "'{:g}'.format(0.00001)", "'{:.10g}'.format(1/3)", "'{:,}'.format(-1)", "'{:08,}'.format(-1234)",
      "'{:020,.3f}'.format(1234.5)", "'{:_x}'.format(0xabcdef12)", "'{:#010b}'.format(5)", "'{:#_b}'.format(5)",
      "'{:^#10x}'.format(255)", "'{:<+6}'.format(3)", "'{:=^7}'.format('ab')", "'{:\u4e2d^7}'.format('ab')",
      "'{:.0%}'.format(0.005)", "'{:.2%}'.format(1)", "'{:e}'.format(12345)", "'{:.1f}'.format(12345)", "'{:g}'.format(10**6)",
      "'{:,}'.format(True)", "'{:c}'.format(-1)", "'{:c}'.format(0x110000)",
      "'{:,}'.format('a')", "'{:+,}'.format('a')", "'{:,s}'.format('a')", "'{:=}'.format('a')", "'{:z}'.format('a')",
      "'{:#}'.format('a')", "'{:+}'.format('a')", "'{:abc}'.format(1)", "'{:abc}'.format('x')", "'{:abc}'.format(1.5)",
      "'{:,n}'.format(1)", "'{:,c}'.format(1)", "'{:+c}'.format(1)", "'{:#c}'.format(1)", "'{:,b}'.format(1)",
      "'{:_c}'.format(1)", "'{:_n}'.format(1)", "'{:,x}'.format(1)", "'{:.}'.format(1)", "'{:s}'.format(1)",
      "'{:d}'.format('a')", "'{:d}'.format(1.5)", "'{:,%}'.format(0.5)", "'{:_e}'.format(12345.5)",
      "'{:99999999999999999999}'.format(1)", "'{:d}'.format(None)", "'{:.2d}'.format(1)", "'{:z}'.format(1)",
      "'{:,_}'.format(1)", "'{:_,}'.format(1)", "'{:,.2}'.format('a')",
      "'{!x}'.format(1)", "'{!}'.format(1)", "'{!r'.format(1)", "'{0!r:>5}'.format('a')", "'{0[0]}'.format([5])",
      "'{0.real}'.format(3)", "'{0[a]}'.format({'a': 1})", "'{0.}'.format(1)", "'{0[}'.format(1)", "'{0]}'.format(1)",
      "'{0[0]x}'.format([1])", "'{:{}}'.format('a')", "'{a}'.format(1)", "'}}{{'.format(1)", "'{0:{1}}'.format(1)",
      "'{:>{w}}'.format('x', w=4)", "'{'.format()", "'}'.format()", "'{0}{}'.format(1, 2)", "'{}{0}'.format(1, 2)",
      "'{1}'.format(1)", "'{0}{1}{0}'.format('a', 'b')", "'{x}{y}'.format(x=1, y='z')", "'{!r}'.format('中')",
      "'{!a}'.format('中')", "'{!s:>4}'.format(1)", "'{0[1][0]}'.format([0, (7,)])", "'{:{w}.{p}f}'.format(3.14159, w=8, p=2)",
      "'{:{{}}}'.format(1)", "'{a[b]}'.format(a={'b': 'c'})", "'{0.__class__.__name__}'.format(1)",
      "'{:{}{}{}}'.format(1, 2, 3, 4)", "'{}'.format()", "'{:10}|{:<10}|'.format('中文', 3)",
      "'{0:{1}{2}}'.format(5, '>', 3)", "'{:%Y}'.format(1)", "'{x}'.format_map({'x': 5})", "'{x}'.format_map({})",
      )
group("percent",
      "'%s %d %5.2f %r %x %%' % (1, 2, 3.14159, 'a', 255)", "'%05s' % 'ab'", "'%-05d' % 3", "'%+05d' % 3", "'% 5d' % -3",
      "'%#5x' % 255", "'%#05x' % 255", "'%#o' % 8", "'%.3d' % 5", "'%5.1f' % 2.25", "'%-8.3e|' % 12345.678", "'%c' % 65",
      "'%c' % 'z'", "'%5c' % 'z'", "'%.2s' % 'abc'", "'%x' % -255", "'%#X' % 255", "'%d' % 2.7", "'%d' % True",
      "'%s' % None", "'%r' % 'a'", "'%a' % 'é'", "'%i' % -5", "'%u' % 7", "'%g' % 1e-5", "'%G' % 1e20", "'%.0f' % 2.5",
      "'%#.0f' % 2.5", "'%e' % 0.0", "'%f' % float('nan')", "'%05f' % -1.5", "'%+.2f' % 1.005", "'%(a)s %(b)d' % {'a': 1, 'b': 2}",
      "'%*d' % (5, 3)", "'%-*d|' % (5, 3)", "'%.*f' % (2, 3.14159)", "'%5%' % 1", "'%5%' % ()", "'%%' % ()", "'%05f' % float('inf')",
      "'%(a)s' % 1", "'%(a' % {'a': 1}", "'%' % ()", "'%s %' % (1,)", "'abc %z' % 1", "'中%z' % 1", "'%*d' % ('a', 1)",
      "'%d' % [1]", "'%x' % 1.5", "'%c' % -1", "'%c' % 0x110000", "'%c' % 'ab'", "'%s' % {'a': 1}", "'%s %s' % {'a': 1}",
      "'%(a)s' % [1]", "'%d %s' % (1,)", "'%.3x' % 5", "'%#.3x' % 5", "'%+x' % 255", "'%o' % -8", "'%#o' % -8", "'%e' % float('inf')",
      "'%+f' % float('nan')", "'%10.4s|' % 'abcdefg'", "'%-10s|' % 'ab'", "'%.0e' % 12345.0", "'%#.0e' % 12345.0", "'%#g' % 1.0",
      "'%i' % 3.9", "'%d' % -0.5", "'%s' % '中文'", "'%5s' % '中文'", "'%r' % '中文'", "'%a' % '中文'", "'%s' % (1, 2)",
      "'%s %s' % (1,)", "'hello' % 5", "'hello' % ()", "'%s' % ((1, 2),)", "'%d' % 'a'", "'%f' % 'a'", "'%z' % 1",
      "'%s and %s' % ('中', 'x')", "'%3d|%-3d|%03d' % (7, 7, 7)", "'%.2f%%' % 99.5", "'%x %X %o' % (255, 255, 8)",
      "'%10.3f|' % -3.14159", "'%-+8.2f|' % 2.5", "'%ld' % 5", "'abc' % []", "'%s' % []", "'%(x)r %(x)s' % {'x': '1'}",
      "'%c%c' % (20013, '文')", "'%5.1s|' % 'abc'", "'%.1e' % 0.05", "'%g' % 123456789", "'%g' % 0.0001234", "'%G' % float('-inf')",
      )
group("repr",
      "[1, [2, (3, {'a': {4}})]]", "{'key': [None, True, False]}", "(None,)", "[(), {}, set(), frozenset()]",
      "'multi\\nline'", "['中文', '\\x1b', '\\ufeff']", 
      )


# Rows whose CPython result is an int outside int64: pylite raises
# OverflowError there instead (documented: ints are 64-bit, never wrap).
INT64_OVERFLOW = {
    "9223372036854775807 + 1", "-9223372036854775807 - 2", "3037000500 * 3037000500", "2 ** 63",
    "(-9223372036854775807 - 1) // -1", "-(-9223372036854775807 - 1)", "abs(-9223372036854775807 - 1)",
    "1 << 63", "int(1e19)", "int('99999999999999999999')",
}
PYLITE_INT_OVERFLOW = "OverflowError: integer overflow: result does not fit in 64 bits"


def bits(pattern):
    """The double whose IEEE-754 bits are `pattern` (ValueExpr has the same builtin)."""
    return struct.unpack("<d", struct.pack("<Q", pattern & (2**64 - 1)))[0]


def signed_hex(pattern):
    """Bit patterns as int64 literals (pylite ints are 64-bit)."""
    if pattern >= 2**63:
        return "-0x%016x" % (2**64 - pattern)
    return "0x%016x" % pattern


# Random doubles (fixed seed) across all magnitudes: repr must pick the same
# shortest digits and layout, and fixed/scientific formatting must round the
# same way.
_rng = random.Random(20231124)
for _ in range(250):
    pattern = _rng.getrandbits(64)
    if (pattern >> 52) & 0x7FF == 0x7FF:
        continue  # inf/nan have their own rows
    group("float_bits", "repr(bits(%s))" % signed_hex(pattern))
for _ in range(60):
    pattern = _rng.getrandbits(64)
    if (pattern >> 52) & 0x7FF == 0x7FF:
        continue
    spec = _rng.choice([".17g", ".3e", ".10f", "g", ",.2f", "+.0f", ".1%", "e", "20.6"])
    group("float_bits", "format(bits(%s), %r)" % (signed_hex(pattern), spec))
for e in range(-330, 310, 7):
    group("float_bits", "repr(1e%d)" % e, "repr(-2.5e%d)" % e, "'%%.3g' %% 1.5e%d" % e)


def cpp_string(s):
    """A C++ narrow string literal holding the UTF-8 of s (octal escapes so
    following digits are never swallowed)."""
    out = []
    for b in s.encode("utf-8", "surrogatepass"):
        c = chr(b)
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def expected(expr):
    if expr in INT64_OVERFLOW:
        value = eval(expr)
        assert isinstance(value, int) and not -2**63 <= value < 2**63, expr
        return PYLITE_INT_OVERFLOW
    try:
        value = eval(expr, {"__builtins__": __builtins__, "bits": bits})
    except BaseException as e:  # noqa: BLE001 - any exception is a result
        text = str(e)
        return type(e).__name__ + (": " + text if text else "")
    return repr(value)


def main():
    print("// Generated by tests/script/gen_value_cases.py from CPython %s - do not edit." % sys.version.split()[0])
    print("// VALUE_CASE(group, expression, repr of the result or \"ExcType: message\")")
    for name, exprs in CASES.items():
        for expr in exprs:
            print("VALUE_CASE(%s, %s, %s)" % (cpp_string(name), cpp_string(expr), cpp_string(expected(expr))))


main()
