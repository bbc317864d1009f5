// The VM: generator send/throw/close semantics (as an operation x state
// matrix, printed by the program itself and asserted as a trace string),
// the C++ resume API asyncio Tasks use, stackless calls, frame reuse, no
// leaks (the heap's live-object count is steady across runs, cycles through
// frames, tracebacks and self-referencing generators included), and the
// trace events a run emits.

#include "core/runtime/RunContext.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/vm/Vm.h"
#include "core/trace/Model.h"
#include "core/trace/Trace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

#include <pthread.h>

#include <functional>
#include <string>

using namespace coroscope;
using namespace coroscope::pylite;

namespace {

struct RunResult {
    Vm::Status status;
    std::string out;
    std::string err;
};

RunResult runProgram(const std::string& source, RunContext* ctx = nullptr)
{
    Vm::Options o;
    o.context = ctx;
    Vm vm(o);
    const Vm::Status s = vm.run(source);
    return {s, vm.output(Stream::Stdout), vm.output(Stream::Stderr)};
}

std::string lastLine(const std::string& text)
{
    std::size_t end = text.find_last_not_of('\n');
    if (end == std::string::npos) return {};
    std::size_t start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

/// Runs `fn` on a thread whose machine stack is `bytes` large.
void onSmallStack(std::size_t bytes, std::function<void()> fn)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, bytes);
    pthread_t thread;
    auto* heapFn = new std::function<void()>(std::move(fn));
    pthread_create(
        &thread, &attr,
        [](void* p) -> void* {
            auto* f = static_cast<std::function<void()>*>(p);
            (*f)();
            delete f;
            return nullptr;
        },
        heapFn);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
}

Value global(Vm& vm, const Ref& module, const char* name)
{
    return dictGetStr(vm.space(), moduleDict(module.get()), name);
}

} // namespace

class tst_Vm : public QObject {
    Q_OBJECT

private slots:
    void generatorOperationsFollowCPythonInEveryState_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("expected");
        const QString gen = QStringLiteral("def g():\n"
                                           "    try:\n"
                                           "        x = yield 1\n"
                                           "        log.append('got %s' % x)\n"
                                           "        yield 2\n"
                                           "    finally:\n"
                                           "        log.append('finally')\n"
                                           "log = []\n");
        auto row = [&](const char* name, const char* body, const char* expected) {
            QTest::newRow(name) << gen + QString::fromUtf8(body) << QString::fromUtf8(expected);
        };
        row("send to a created generator",
            "it = g()\ntry:\n    it.send(5)\nexcept TypeError as e:\n    log.append(str(e))\nprint(log)\n",
            "[\"can't send non-None value to a just-started generator\"]\n");
        row("next then send resumes with the value",
            "it = g()\nlog.append(next(it))\nlog.append(it.send('v'))\nprint(log)\n", "[1, 'got v', 2]\n");
        row("close a created generator runs nothing",
            "it = g()\nit.close()\nprint(log, it.gi_running, list(it))\n", "[] False []\n");
        row("close a suspended generator runs finally",
            "it = g()\nnext(it)\nit.close()\nprint(log)\n", "['finally']\n");
        row("throw into a suspended generator",
            "it = g()\nnext(it)\ntry:\n    it.throw(KeyError('k'))\nexcept KeyError as e:\n    log.append(repr(e))\nprint(log)\n",
            "['finally', \"KeyError('k')\"]\n");
        row("send to an exhausted generator",
            "it = g()\nlist(it)\ntry:\n    it.send(None)\nexcept StopIteration as e:\n    log.append('stop')\nprint(log)\n",
            "['got None', 'finally', 'stop']\n");
        row("return value travels in StopIteration",
            "def r():\n    yield 1\n    return 'done'\nit = r()\nnext(it)\ntry:\n    next(it)\nexcept StopIteration as e:\n    print(e.value)\n",
            "done\n");
        row("a running generator cannot be resumed",
            "def s():\n    yield me.send(None)\nme = s()\ntry:\n    next(me)\nexcept ValueError as e:\n    print(e)\n",
            "generator already executing\n");
        row("ignoring GeneratorExit is a RuntimeError",
            "def s():\n    try:\n        yield 1\n    except GeneratorExit:\n        yield 2\nit = s()\nnext(it)\ntry:\n    it.close()\nexcept RuntimeError as e:\n    print(e)\n",
            "generator ignored GeneratorExit\n");
        row("StopIteration inside a generator becomes RuntimeError",
            "def s():\n    next(iter([]))\n    yield 1\ntry:\n    next(s())\nexcept RuntimeError as e:\n    print(e, type(e.__cause__).__name__)\n",
            "generator raised StopIteration StopIteration\n");
        row("yield from delegates send and returns the value",
            "def inner():\n    x = yield 'a'\n    return x * 2\ndef outer():\n    r = yield from inner()\n    yield r\nit = outer()\nprint(next(it), it.send(21))\n",
            "a 42\n");
        row("yield from delegates throw to the subgenerator",
            "def inner():\n    try:\n        yield 1\n    except ValueError:\n        yield 'handled'\ndef outer():\n    yield from inner()\nit = outer()\nnext(it)\nprint(it.throw(ValueError))\n",
            "handled\n");
        row("close closes the subgenerator first",
            "def inner():\n    try:\n        yield 1\n    finally:\n        print('inner closed')\ndef outer():\n    try:\n        yield from inner()\n    finally:\n        print('outer closed')\nit = outer()\nnext(it)\nit.close()\n",
            "inner closed\nouter closed\n");
        row("coroutine ignoring GeneratorExit",
            "class W:\n    def __await__(self):\n        yield 1\nasync def c():\n    try:\n        await W()\n    except GeneratorExit:\n        await W()\nco = c()\nco.send(None)\ntry:\n    co.close()\nexcept RuntimeError as e:\n    print(e)\n",
            "coroutine ignored GeneratorExit\n");
        row("async generator values and await pass-through",
            "class W:\n    def __await__(self):\n        v = yield 'tick'\n        return v\nasync def ag():\n    got = await W()\n    yield got\n    yield 'second'\nit = ag().__anext__()\nprint(it.send(None))\ntry:\n    it.send('x')\nexcept StopIteration as e:\n    print('value', e.value)\n",
            "tick\nvalue x\n");
    }

    void generatorOperationsFollowCPythonInEveryState()
    {
        QFETCH(QString, program);
        QFETCH(QString, expected);
        RunResult r = runProgram(program.toStdString());
        QCOMPARE(QString::fromStdString(r.err), QString());
        QCOMPARE(QString::fromStdString(r.out), expected);
    }

    void resumeFromCppReportsYieldedReturnedAndRaised()
    {
        Vm vm;
        Ref module = vm.runModule("def gen():\n"
                                  "    v = yield 1\n"
                                  "    yield v * 2\n"
                                  "    return 'done'\n"
                                  "a = gen()\n"
                                  "b = gen()\n");
        QVERIFY(module);
        ObjectSpace& space = vm.space();
        Value a = global(vm, module, "a");
        std::string log;
        auto step = [&](Value g, Value sent, Value exc) {
            ResumeResult r = vm.resume(g, sent, exc);
            switch (r.kind) {
            case ResumeResult::Kind::Yielded: log += "Y"; break;
            case ResumeResult::Kind::Returned: log += "R"; break;
            case ResumeResult::Kind::Raised: log += "E"; break;
            }
            if (r.value) {
                std::string text;
                reprString(space, r.value.get(), text);
                log += text;
            } else {
                Ref e = space.takeError();
                if (e) log += formatExceptionOnly(space, e.get());
            }
            log += " ";
        };
        step(a, Value::none(), Value());
        step(a, Value::smallInt(21), Value());
        step(a, Value::none(), Value());
        step(a, Value::none(), Value());
        Value b = global(vm, module, "b");
        step(b, Value::none(), Value());
        Ref exc = newExceptionWithMessage(space, space.types().ValueError, "boom");
        step(b, Value(), exc.get());
        step(b, Value::none(), Value());
        QCOMPARE(QString::fromStdString(log),
                 QStringLiteral("Y1 Y42 R'done' RNone Y1 EValueError: boom RNone "));
    }

    void pythonCallsDoNotRecurseOnTheMachineStack()
    {
        // 900 nested Python calls on a 256 KiB stack: each call is a heap
        // frame, not a C++ frame.
        std::string out;
        onSmallStack(256 * 1024, [&] {
            RunResult r = runProgram("def down(n):\n    return 0 if n == 0 else 1 + down(n - 1)\nprint(down(900))\n");
            out = r.out + r.err;
        });
        QCOMPARE(QString::fromStdString(out), QStringLiteral("900\n"));
    }

    void reentryFromCppRaisesRecursionErrorBeforeTheStackEnds()
    {
        // __repr__ -> repr() -> __repr__ re-enters the dispatch loop from C++;
        // on a 512 KiB stack the machine-stack check must stop it.
        std::string out;
        onSmallStack(512 * 1024, [&] {
            RunResult r = runProgram("class A:\n    def __repr__(self):\n        return repr(self)\n"
                                     "try:\n    repr(A())\nexcept RecursionError:\n    print('stopped')\n");
            out = r.out + r.err;
        });
        QCOMPARE(QString::fromStdString(out), QStringLiteral("stopped\n"));
    }

    void callFramesAreReusedWithoutAllocation()
    {
        Vm vm;
        Ref module = vm.runModule("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
                                  "fib(15)\n");
        QVERIFY(module);
        Value fib = global(vm, module, "fib");
        const std::size_t reserved = vm.frames().reservedBytes();
        const std::size_t objects = vm.space().heap().liveObjects();
        const std::size_t bytes = vm.space().heap().liveBytes();
        for (int i = 0; i < 50; ++i) {
            Value arg = Value::smallInt(18);
            Ref r = vm.call(fib, CallArgs(&arg, 1));
            QVERIFY(r);
            QCOMPARE(r.get().smallIntValue(), std::int64_t(2584));
        }
        QCOMPARE(vm.frames().reservedBytes(), reserved);
        QCOMPARE(vm.space().heap().liveObjects(), objects);
        QCOMPARE(vm.space().heap().liveBytes(), bytes);
    }

    void resumingASuspendedGeneratorAllocatesNothing()
    {
        Vm vm;
        Ref module = vm.runModule("def count():\n    i = 0\n    while True:\n        yield i\n        i += 1\n"
                                  "c = count()\nnext(c)\n");
        QVERIFY(module);
        Value c = global(vm, module, "c");
        const std::size_t objects = vm.space().heap().liveObjects();
        const std::size_t bytes = vm.space().heap().liveBytes();
        for (int i = 1; i <= 1000; ++i) {
            ResumeResult r = vm.resume(c, Value::none());
            QVERIFY(r.kind == ResumeResult::Kind::Yielded);
            QCOMPARE(r.value.get().smallIntValue(), std::int64_t(i));
        }
        QCOMPARE(vm.space().heap().liveObjects(), objects);
        QCOMPARE(vm.space().heap().liveBytes(), bytes);
    }

    void liveObjectCountIsSteadyAcrossRuns_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("caught exception kept in a global")
            << QStringLiteral("def f():\n    raise ValueError('x')\ntry:\n    f()\nexcept ValueError as e:\n    err = e\n");
        QTest::newRow("exception chain with context and cause")
            << QStringLiteral("try:\n    try:\n        1/0\n    except ZeroDivisionError as e:\n        raise KeyError('k') from e\n"
                              "except KeyError as k:\n    saved = k\n");
        QTest::newRow("self-referencing generator")
            << QStringLiteral("def g():\n    me = yield\n    yield me\nx = g()\nnext(x)\nx.send(x)\n");
        QTest::newRow("suspended generator in a cycle with a list")
            << QStringLiteral("def g(box):\n    yield box\nbox = []\nit = g(box)\nbox.append(it)\nnext(it)\n");
        QTest::newRow("recursive closure")
            << QStringLiteral("def outer():\n    def inner(n):\n        return inner if n else None\n    return inner\nf = outer()\n");
        QTest::newRow("instance cycle and bound methods")
            << QStringLiteral("class A:\n    def m(self):\n        return self\na = A()\na.me = a\na.bm = a.m\n");
        QTest::newRow("uncaught exception with traceback")
            << QStringLiteral("def f(x):\n    return x.missing\nf(1)\n");
        QTest::newRow("class with super and closures")
            << QStringLiteral("class B:\n    def hi(self):\n        return 'b'\nclass C(B):\n    def hi(self):\n        return super().hi() + 'c'\nprint(C().hi())\n");
    }

    void liveObjectCountIsSteadyAcrossRuns()
    {
        QFETCH(QString, program);
        Vm::Options o;
        o.output = [](Stream, std::string_view) {};
        Vm vm(o);
        vm.run(program.toStdString());
        const std::size_t afterFirst = vm.space().heap().liveObjects();
        vm.run(program.toStdString());
        QCOMPARE(vm.space().heap().liveObjects(), afterFirst);
        vm.run(program.toStdString());
        QCOMPARE(vm.space().heap().liveObjects(), afterFirst);
    }

    void uncaughtExceptionPrintsCPythonTraceback()
    {
        RunResult r = runProgram("def inner():\n    raise ValueError('bad')\n"
                                 "def outer():\n    try:\n        inner()\n    except ValueError as e:\n"
                                 "        raise RuntimeError('wrapped') from e\nouter()\n");
        QCOMPARE(r.status, Vm::Status::Exception);
        const QString expected = QStringLiteral("Traceback (most recent call last):\n"
                                                "  File \"main.py\", line 5, in outer\n"
                                                "    inner()\n"
                                                "  File \"main.py\", line 2, in inner\n"
                                                "    raise ValueError('bad')\n"
                                                "ValueError: bad\n"
                                                "\n"
                                                "The above exception was the direct cause of the following exception:\n"
                                                "\n"
                                                "Traceback (most recent call last):\n"
                                                "  File \"main.py\", line 8, in <module>\n"
                                                "    outer()\n"
                                                "  File \"main.py\", line 7, in outer\n"
                                                "    raise RuntimeError('wrapped') from e\n"
                                                "RuntimeError: wrapped\n");
        QCOMPARE(QString::fromStdString(r.err), expected);
    }

    void nameErrorSuggestsTheClosestName()
    {
        RunResult r = runProgram("message_count = 3\nprint(mesage_count)\n");
        QCOMPARE(QString::fromStdString(lastLine(r.err)),
                 QStringLiteral("NameError: name 'mesage_count' is not defined. Did you mean: 'message_count'?"));
        RunResult local = runProgram("def f():\n    number = 1\n    return numbr\nf()\n");
        QCOMPARE(QString::fromStdString(lastLine(local.err)),
                 QStringLiteral("NameError: name 'numbr' is not defined. Did you mean: 'number'?"));
    }

    void tracedGeneratorRunIsAConsistentTaskStory()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        RunResult r = runProgram("def gen():\n    yield 1\n    yield 2\nfor v in gen():\n    print(v)\n", &ctx);
        QCOMPARE(QString::fromStdString(r.out), QStringLiteral("1\n2\n"));
        Model model = Model::fold(trace, trace.size());
        QCOMPARE(model.anomalyCount(), std::size_t(0));
        QVERIFY(model.ended());
        std::string story;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            const Event& e = trace[i];
            if (e.kind == EventKind::Switch) {
                story += std::string(toString(SwitchWhy(e.a))) + ":" + std::to_string(e.x) + ">" +
                         std::to_string(e.subject) + " ";
            } else if (e.kind == EventKind::Output) {
                std::string text(trace.text(e.v));
                if (!text.empty() && text.back() == '\n') text.pop_back();
                story += "out" + text + " ";
            }
        }
        QCOMPARE(QString::fromStdString(story),
                 QStringLiteral("start:0>1 resume:1>2 yield:2>1 out1 resume:1>2 yield:2>1 out2 resume:1>2 return:2>1 "));
    }

    void everyGoldenScriptTracesWithoutModelAnomalies_data()
    {
        QTest::addColumn<QString>("path");
        const QDir root(QFileInfo(QStringLiteral(__FILE__)).absoluteDir().absoluteFilePath(QStringLiteral("../scripts")));
        for (const char* area : {"syntax", "builtins", "classes", "exceptions", "generators", "scopes", "errors"}) {
            QDir dir(root.absoluteFilePath(QLatin1String(area)));
            for (const QString& file : dir.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name))
                QTest::newRow(qPrintable(QLatin1String(area) + QLatin1Char('/') + file)) << dir.absoluteFilePath(file);
        }
    }

    void everyGoldenScriptTracesWithoutModelAnomalies()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const std::string source = f.readAll().toStdString();
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        runProgram(source, &ctx);
        Model model = Model::fold(trace, trace.size());
        QString anomalies;
        for (std::size_t i = 0; i < model.anomalyCount() && i < 3; ++i)
            anomalies += QString::fromStdString(std::string(model.anomaly(i).what)) + QLatin1Char(';');
        QVERIFY2(model.anomalyCount() == 0, qPrintable(anomalies));
        QVERIFY(model.ended());
    }

    void tracedLinesFollowExecution()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        runProgram("x = 0\nfor i in range(2):\n    x += i\nprint(x)\n", &ctx);
        std::string lines;
        for (std::size_t i = 0; i < trace.size(); ++i)
            if (trace[i].kind == EventKind::Line) lines += std::to_string(trace[i].x) + " ";
        QCOMPARE(QString::fromStdString(lines), QStringLiteral("1 2 3 2 3 2 4 "));
    }
};

QTEST_APPLESS_MAIN(tst_Vm)
#include "tst_vm.moc"
