// What an embedder (the GUI, the CLI) controls and reads on a Vm beyond
// run(): requestStop() from another thread, the maxEvents trace budget, the
// structured syntax error, the exit hooks and finalizing().

#include "core/runtime/RunContext.h"
#include "core/script/vm/Vm.h"
#include "core/trace/Trace.h"

#include <QString>
#include <QtTest>

#include <chrono>
#include <string>
#include <thread>

using namespace coroscope;
using namespace coroscope::pylite;

namespace {

QString str(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class tst_VmControl : public QObject {
    Q_OBJECT

private slots:
    void aStopRequestedBeforeTheRunStopsItAtTheFirstBudgetCheck()
    {
        Vm vm;
        vm.requestStop();
        QVERIFY(vm.stopRequested());
        const Vm::Status status = vm.run("n = 0\nwhile True:\n    n += 1\n");
        QCOMPARE(int(status), int(Vm::Status::Limit));
        QCOMPARE(vm.exitStatus(), 3);
        QVERIFY(vm.stepsExecuted() < 10'000);
        QCOMPARE(str(vm.output(Stream::Stderr)), QStringLiteral("coroscope: the program was stopped on request\n"));
    }

    void aStopRequestedFromAnotherThreadEndsAnEndlessRun()
    {
        Vm vm;
        Vm::Status status = Vm::Status::Ok;
        std::thread runner([&] { status = vm.run("while True:\n    pass\n"); });
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        vm.requestStop();
        runner.join();
        QCOMPARE(int(status), int(Vm::Status::Limit));
        QVERIFY(vm.stepsExecuted() < Vm::kDefaultMaxSteps);
        QCOMPARE(str(vm.output(Stream::Stderr)), QStringLiteral("coroscope: the program was stopped on request\n"));
    }

    void theEventBudgetStopsATracedRunWithALimitRunEnd()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        Vm::Options options;
        options.context = &ctx;
        options.maxEvents = 500;
        Vm vm(std::move(options));
        const Vm::Status status = vm.run("i = 0\nwhile True:\n    i += 1\n");
        QCOMPARE(int(status), int(Vm::Status::Limit));
        QVERIFY2(trace.size() >= 500 && trace.size() < 520, qPrintable(QString::number(trace.size())));
        const Event& last = trace[trace.size() - 1];
        QCOMPARE(int(last.kind), int(EventKind::RunEnd));
        QCOMPARE(int(last.a), int(RunStatus::Limit));
        QCOMPARE(str(vm.output(Stream::Stderr)),
                 QStringLiteral("coroscope: the program was stopped after 500 trace events (the event limit)\n"));
    }

    void theEventBudgetDoesNotStopARunThatStaysBelowIt()
    {
        Trace trace;
        RunContext ctx;
        ctx.trace = &trace;
        Vm::Options options;
        options.context = &ctx;
        options.maxEvents = 100'000;
        Vm vm(std::move(options));
        QCOMPARE(int(vm.run("print(sum(range(10)))\n")), int(Vm::Status::Ok));
        QCOMPARE(str(vm.output(Stream::Stdout)), QStringLiteral("45\n"));
    }

    void aSyntaxErrorIsAvailableWithLineColumnAndMessage()
    {
        Vm vm;
        QVERIFY(!vm.lastSyntaxError());
        QCOMPARE(int(vm.run("x = 1\nif x\n    pass\n")), int(Vm::Status::SyntaxError));
        QVERIFY(vm.lastSyntaxError().has_value());
        const syntax::SyntaxError& e = *vm.lastSyntaxError();
        QCOMPARE(e.line, 2);
        QCOMPARE(e.offset, 5);
        QCOMPARE(str(e.message), QStringLiteral("expected ':'"));
        QCOMPARE(str(e.type), QStringLiteral("SyntaxError"));

        Vm fine;
        QCOMPARE(int(fine.run("print(1)\n")), int(Vm::Status::Ok));
        QVERIFY(!fine.lastSyntaxError());
    }

    void exitHooksRunAfterTheTracebackAndBeforeFinalization()
    {
        Vm vm;
        std::string log;
        vm.atExit([&] {
            log += vm.finalizing() ? "finalizing " : "first ";
            vm.write(Stream::Stderr, "hook one\n");
        });
        vm.atExit([&] { log += "second "; });
        QVERIFY(!vm.finalizing());
        QCOMPARE(int(vm.run("print('body')\nraise ValueError('late')\n")), int(Vm::Status::Exception));
        QCOMPARE(str(log), QStringLiteral("first second "));
        QVERIFY(vm.finalizing());
        const std::string err = vm.output(Stream::Stderr);
        QVERIFY2(err.find("ValueError: late\nhook one\n") != std::string::npos, err.c_str());
        QCOMPARE(vm.exitStatus(), 1);
    }
};

QTEST_APPLESS_MAIN(tst_VmControl)
#include "tst_vmcontrol.moc"
