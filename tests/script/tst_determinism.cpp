// The same program gives the same output and a byte-identical trace in every
// run of coroscope-cli, even where CPython would show memory addresses
// (default reprs, id(), set order of plain objects): pylite shows addresses
// relative to its own first object, not the ones address-space
// randomisation moves. (Within one process a second VM reuses the first
// one's freed memory, so runs repeated inside the GUI may show others.)
#include "script/GoldenRunner.h"

#include <QTemporaryDir>

namespace {

const char* kProgram = R"(import asyncio
from concurrent.futures import ThreadPoolExecutor

class Node:
    pass

def helper():
    pass

nodes = [Node() for _ in range(6)]
print(nodes[0], object(), helper)
print(hex(id(nodes[1])) in repr(nodes[1]))
print([nodes.index(n) for n in set(nodes)])

async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        fut = pool.submit(helper)
        print(fut)
    print(await asyncio.sleep(0, result=nodes[2]))

asyncio.run(main())
)";

/// What `coroscope-cli ARGS... FILE` printed on stdout.
QByteArray cli(const QString& file, QStringList args)
{
    QProcess proc;
    args << file;
    proc.start(coroscope::golden::cliPath(), args);
    if (!proc.waitForStarted() || !proc.waitForFinished(30000)) return "did not finish";
    return proc.readAllStandardOutput();
}

} // namespace

class tst_Determinism : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        coroscope::golden::checkSetup();
        QVERIFY(m_dir.isValid());
        QFile f(m_dir.filePath(QStringLiteral("main.py")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kProgram);
    }

    void reprsAndIdsShowTheSameAddressesInEveryRun()
    {
        const QString file = m_dir.filePath(QStringLiteral("main.py"));
        const QByteArray first = cli(file, {QStringLiteral("run")});
        QVERIFY2(first.contains("<__main__.Node object at 0x7f"), first.constData());
        QVERIFY2(first.contains("\nTrue\n"), first.constData());
        for (int i = 0; i < 3; ++i) QCOMPARE(cli(file, {QStringLiteral("run")}), first);
    }

    void theTraceOfAProgramPrintingAddressesIsByteIdenticalAcrossRuns()
    {
        const QString file = m_dir.filePath(QStringLiteral("main.py"));
        const QStringList args{QStringLiteral("trace"), QStringLiteral("--format"), QStringLiteral("jsonl")};
        const QByteArray first = cli(file, args);
        QVERIFY(first.contains("\"kind\":\"output\""));
        QVERIFY(cli(file, args) == first);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(tst_Determinism)
#include "tst_determinism.moc"
