// The compiler: scope resolution (locals, cells, free variables, globals,
// class bodies, comprehensions), the errors CPython's symbol table and
// compiler raise, the disassembly of small programs (opcodes, line table,
// exception table) and the invariants every code object keeps.

#include "core/script/compiler/Code.h"
#include "core/script/compiler/Compiler.h"
#include "core/script/compiler/Disassembler.h"
#include "core/script/syntax/Parser.h"
#include "core/script/value/Str.h"
#include "core/script/vm/Vm.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace coroscope;
using namespace coroscope::pylite;

namespace {

/// Parses without the parser's own compiler checks, so that these tests
/// exercise the compiler's.
CompileResult compile(Vm& vm, const std::string& source)
{
    syntax::Parser::Options options;
    options.compilerChecks = false;
    syntax::ParseResult parsed = syntax::Parser::parse(source, options);
    if (!parsed.ok()) {
        CompileResult r;
        r.error = parsed.error;
        return r;
    }
    return Compiler::compile(vm.space(), vm.vmTypes().code, *parsed.module, source);
}

/// The nested code object named `name` (depth-first), or null.
const Code* findCode(const Code& code, const std::string& name)
{
    if (strView(code.name.get()) == name) return &code;
    for (const Ref& k : code.consts) {
        if (!k.get().isObject() || k.get().object()->m_type->name() != "code") continue;
        if (const Code* c = findCode(codeOf(k.get()), name)) return c;
    }
    return nullptr;
}

QString names(const std::vector<Ref>& list)
{
    QStringList out;
    for (const Ref& r : list) out << QString::fromUtf8(strView(r.get()).data(), int(strView(r.get()).size()));
    return out.join(QLatin1Char(','));
}

} // namespace

class tst_Compiler : public QObject {
    Q_OBJECT

private slots:
    void namesResolveToLocalsCellsAndFreeVariables()
    {
        Vm vm;
        CompileResult r = compile(vm, "def outer(a, b):\n"
                                      "    c = a\n"
                                      "    def inner(d):\n"
                                      "        nonlocal c\n"
                                      "        c = d + b\n"
                                      "        return g\n"
                                      "    return inner\n");
        QVERIFY(r.ok());
        const Code* outer = findCode(codeOf(r.code.get()), "outer");
        const Code* inner = findCode(codeOf(r.code.get()), "inner");
        QVERIFY(outer && inner);
        QCOMPARE(names(outer->varnames), QStringLiteral("a,b,inner"));
        QCOMPARE(names(outer->cellvars), QStringLiteral("b,c"));
        QCOMPARE(outer->cellParam, (std::vector<std::int32_t>{1, -1}));
        QCOMPARE(names(inner->varnames), QStringLiteral("d"));
        QCOMPARE(names(inner->freevars), QStringLiteral("c,b"));
        QCOMPARE(names(inner->names), QStringLiteral("g"));
    }

    void classBodiesGetAClassCellOnlyWhenSuperIsUsed()
    {
        Vm vm;
        CompileResult r = compile(vm, "class A:\n    def f(self):\n        return super().f()\n"
                                      "class B:\n    def f(self):\n        return 1\n");
        QVERIFY(r.ok());
        const Code* a = findCode(codeOf(r.code.get()), "A");
        const Code* b = findCode(codeOf(r.code.get()), "B");
        QCOMPARE(names(a->cellvars), QStringLiteral("__class__"));
        QCOMPARE(names(b->cellvars), QString());
        QCOMPARE(names(findCode(*a, "f")->freevars), QStringLiteral("__class__"));
    }

    void comprehensionsRunInTheirOwnScope()
    {
        Vm vm;
        CompileResult r = compile(vm, "def f(xs):\n    return [x * k for x in xs if x], x\n");
        QVERIFY(r.ok());
        const Code* comp = findCode(codeOf(r.code.get()), "<listcomp>");
        QVERIFY(comp);
        QCOMPARE(names(comp->varnames), QStringLiteral(".0,x"));
        QCOMPARE(comp->argCount, 1u);
        QCOMPARE(strView(comp->qualname.get()), std::string_view("f.<locals>.<listcomp>"));
        QCOMPARE(names(comp->names), QStringLiteral("k"));
        const Code* f = findCode(codeOf(r.code.get()), "f");
        QCOMPARE(names(f->names), QStringLiteral("x")); // the comprehension's x is not f's
    }

    void walrusInAComprehensionBindsInTheFunction()
    {
        Vm vm;
        CompileResult r = compile(vm, "def f(xs):\n    [last := x for x in xs]\n    return last\n");
        QVERIFY(r.ok());
        const Code* f = findCode(codeOf(r.code.get()), "f");
        QCOMPARE(names(f->cellvars), QStringLiteral("last"));
        QCOMPARE(names(findCode(*f, "<listcomp>")->freevars), QStringLiteral("last"));
    }

    void privateNamesAreMangledInsideClasses()
    {
        Vm vm;
        CompileResult r = compile(vm, "class _Account:\n"
                                      "    __rate = 2\n"
                                      "    def grow(self, __by, *, __step=1):\n"
                                      "        self.__total = __by * self.__rate + __step\n"
                                      "        return self.__dunder__\n");
        QVERIFY(r.ok());
        const Code* body = findCode(codeOf(r.code.get()), "_Account");
        const Code* grow = findCode(codeOf(r.code.get()), "grow");
        QVERIFY(body && grow);
        QVERIFY(names(body->names).contains(QStringLiteral("_Account__rate")));
        QCOMPARE(names(grow->varnames), QStringLiteral("self,_Account__by,_Account__step"));
        QCOMPARE(names(grow->names), QStringLiteral("_Account__rate,_Account__total,__dunder__"));
    }

    void compilerErrorsMatchCPython_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const char* src, const char* expected) {
            QTest::newRow(name) << QString::fromUtf8(src) << QString::fromUtf8(expected);
        };
        row("return at module level", "x = 1\nreturn x\n", "2:1 SyntaxError: 'return' outside function");
        row("return in a class body", "class A:\n    return 1\n", "2:5 SyntaxError: 'return' outside function");
        row("yield at module level", "yield 1\n", "1:1 SyntaxError: 'yield' outside function");
        row("await at module level", "await f()\n", "1:1 SyntaxError: 'await' outside function");
        row("await in a plain function", "def f():\n    await g()\n",
            "2:5 SyntaxError: 'await' outside async function");
        row("break outside a loop", "if x:\n    break\n", "2:5 SyntaxError: 'break' outside loop");
        row("continue outside a loop", "def f():\n    continue\n",
            "2:5 SyntaxError: 'continue' not properly in loop");
        row("break in a function inside a loop", "for i in x:\n    def f():\n        break\n",
            "3:9 SyntaxError: 'break' outside loop");
        row("nonlocal at module level", "nonlocal x\n",
            "1:1 SyntaxError: nonlocal declaration not allowed at module level");
        row("nonlocal without a binding", "def f():\n    nonlocal x\n",
            "2:5 SyntaxError: no binding for nonlocal 'x' found");
        row("parameter declared global", "def f(a):\n    global a\n",
            "2:5 SyntaxError: name 'a' is parameter and global");
        row("used before global", "def f():\n    print(a)\n    global a\n",
            "3:5 SyntaxError: name 'a' is used prior to global declaration");
        row("assigned before nonlocal", "def f():\n    a = 1\n    def g():\n        a = 2\n        nonlocal a\n",
            "5:9 SyntaxError: name 'a' is assigned to before nonlocal declaration");
        row("duplicate argument", "def f(x, x):\n    pass\n",
            "1:10 SyntaxError: duplicate argument 'x' in function definition");
        row("yield in a comprehension", "def f():\n    return [(yield x) for x in y]\n",
            "2:14 SyntaxError: 'yield' inside list comprehension");
        row("async with in a plain function", "def f():\n    async with x:\n        pass\n",
            "2:5 SyntaxError: 'async with' outside async function");
        row("yield from in async def", "async def f():\n    yield from g()\n",
            "2:5 SyntaxError: 'yield from' inside async function");
        row("keyword repeated", "f(a=1, a=2)\n", "1:8 SyntaxError: keyword argument repeated: a");
    }

    void compilerErrorsMatchCPython()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        Vm vm;
        CompileResult r = compile(vm, source.toStdString());
        QVERIFY(!r.ok());
        QVERIFY(r.error.has_value());
        const QString got = QString::number(r.error->line) + QLatin1Char(':') + QString::number(r.error->offset) +
                            QLatin1Char(' ') + QString::fromStdString(syntax::syntaxErrorSummary(*r.error));
        QCOMPARE(got, expected);
    }

    void disassemblyOfASmallFunction()
    {
        Vm vm;
        CompileResult r = compile(vm, "def add(a, b=2):\n    total = a + b\n    return total\n");
        QVERIFY(r.ok());
        const QString expected = QStringLiteral("Disassembly of <module>:\n"
                                                "   1      0 LOAD_CONST                 0 (2)\n"
                                                "          1 BUILD_TUPLE                1\n"
                                                "          2 LOAD_CONST                 1 (<code object add, line 1>)\n"
                                                "          3 MAKE_FUNCTION              1 (defaults)\n"
                                                "          4 STORE_GLOBAL               0 (add)\n"
                                                "          5 LOAD_CONST                 2 (None)\n"
                                                "          6 RETURN_VALUE\n"
                                                "\n"
                                                "Disassembly of add:\n"
                                                "   2      0 LOAD_FAST                  0 (a)\n"
                                                "          1 LOAD_FAST                  1 (b)\n"
                                                "          2 BINARY_OP                  0 (+)\n"
                                                "          3 STORE_FAST                 2 (total)\n"
                                                "   3      4 LOAD_FAST                  2 (total)\n"
                                                "          5 RETURN_VALUE\n");
        QCOMPARE(QString::fromStdString(disassemble(vm.space(), r.code.get())), expected);
    }

    void tryFinallyGetsAnExceptionTableAndInlinedFinallyOnReturn()
    {
        Vm vm;
        CompileResult r = compile(vm, "def f():\n"
                                      "    try:\n"
                                      "        return g()\n"
                                      "    finally:\n"
                                      "        h()\n");
        QVERIFY(r.ok());
        const Code* f = findCode(codeOf(r.code.get()), "f");
        QVERIFY(!f->handlers.empty());
        // The finally body is compiled twice: on the return path and on the
        // exception path (the fall-through copy is dead code and left out).
        const std::string text = disassemble(vm.space(), r.code.get());
        std::size_t calls = 0;
        for (std::size_t p = text.find("(h)"); p != std::string::npos; p = text.find("(h)", p + 1)) ++calls;
        QCOMPARE(calls, std::size_t(2));
        QVERIFY(text.find("Exception table:") != std::string::npos);
    }

    void everyInstructionHasALineAndHandlersAreSorted()
    {
        Vm vm;
        CompileResult r = compile(vm, "import sys\n"
                                      "class A:\n"
                                      "    def m(self, *a, k=1, **kw):\n"
                                      "        with open('x') as f:\n"
                                      "            for i in range(3):\n"
                                      "                try:\n"
                                      "                    yield i\n"
                                      "                except (KeyError, ValueError) as e:\n"
                                      "                    continue\n"
                                      "                finally:\n"
                                      "                    break\n"
                                      "        return [y async for y in a] if False else {z: z for z in kw}\n");
        QVERIFY2(!r.ok(), "async comprehension outside async function must fail");
        r = compile(vm, "def m(self, *a, k=1, **kw):\n"
                        "    with open('x') as f:\n"
                        "        for i in range(3):\n"
                        "            try:\n"
                        "                yield i\n"
                        "            except (KeyError, ValueError) as e:\n"
                        "                continue\n"
                        "            finally:\n"
                        "                print(f'{i!r:>3}')\n"
                        "    return {z: z for z in kw}\n");
        QVERIFY(r.ok());
        std::vector<const Code*> stack{&codeOf(r.code.get())};
        while (!stack.empty()) {
            const Code* c = stack.back();
            stack.pop_back();
            QCOMPARE(c->lines.size(), c->words.size());
            for (std::int32_t line : c->lines) QVERIFY(line >= 1 && line <= 10);
            for (std::size_t i = 1; i < c->handlers.size(); ++i) QVERIFY(c->handlers[i - 1].end <= c->handlers[i].start);
            for (const ExceptionRange& h : c->handlers) {
                QVERIFY(h.start < h.end);
                QVERIFY(h.handler < c->words.size());
                QVERIFY(h.depth <= c->stackSize);
            }
            for (const Ref& k : c->consts)
                if (k.get().isObject() && k.get().object()->m_type->name() == "code") stack.push_back(&codeOf(k.get()));
        }
    }

    void lineTableFollowsMultiLineExpressions()
    {
        Vm vm;
        CompileResult r = compile(vm, "x = f(\n    a,\n    b)\n");
        QVERIFY(r.ok());
        const Code& c = codeOf(r.code.get());
        std::string lines;
        for (std::size_t i = 0; i < c.words.size(); i += std::size_t(instructionWords(opcodeOf(c.words[i])))) {
            lines += std::string(opcodeName(opcodeOf(c.words[i]))) + "@" + std::to_string(c.lines[i]) + " ";
        }
        QCOMPARE(QString::fromStdString(lines),
                 QStringLiteral("LOAD_GLOBAL@1 PUSH_NULL@1 LOAD_GLOBAL@2 LOAD_GLOBAL@3 CALL@1 STORE_GLOBAL@1 "
                                "LOAD_CONST@1 RETURN_VALUE@1 "));
    }
};

QTEST_APPLESS_MAIN(tst_Compiler)
#include "tst_compiler.moc"
