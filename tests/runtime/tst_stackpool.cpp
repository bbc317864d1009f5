// StackPool: sizes, reuse, counts, and a guard page that really faults.

#include "core/runtime/greenlet/StackPool.h"

#include <QtTest>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace coroscope;

namespace {

// The permissions /proc/self/maps shows for the mapping that starts at `start`
// ("rw-p", "---p"), or an empty string when there is none.
std::string permissionsAt(std::uintptr_t start)
{
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        unsigned long from = 0, to = 0;
        char perms[5] = {};
        if (std::sscanf(line.c_str(), "%lx-%lx %4s", &from, &to, perms) == 3 && from == start)
            return perms;
    }
    return {};
}

// Runs `touch` in a forked child and returns the signal that ended it (0 if it exited).
template <typename Fn>
int signalOfChildRunning(Fn&& touch)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::signal(SIGSEGV, SIG_DFL); // no crash report from the test framework
        std::signal(SIGBUS, SIG_DFL);
        touch();
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

} // namespace

class tst_StackPool : public QObject {
    Q_OBJECT
private slots:
    void defaultStackHoldsTheDocumentedUsableSizeAboveOneGuardPage()
    {
        StackPool pool;
        const StackPool::Stack s = pool.acquire();
        const std::size_t page = std::size_t(::sysconf(_SC_PAGESIZE));
        QCOMPARE(pool.usableSize(), StackPool::kDefaultUsableSize);
        QCOMPARE(s.usableSize(), StackPool::kDefaultUsableSize);
        QCOMPARE(s.guardSize, page);
        QCOMPARE(s.low(), reinterpret_cast<std::uintptr_t>(s.mapping) + page);
        QCOMPARE(s.high() - s.low(), StackPool::kDefaultUsableSize);
        pool.release(s);
    }

    void usableSizeIsRoundedUpToWholePages()
    {
        const std::size_t page = std::size_t(::sysconf(_SC_PAGESIZE));
        StackPool pool(page * 3 + 1);
        QCOMPARE(pool.usableSize(), page * 4);
    }

    void releasedStacksAreReusedWithoutNewMappings()
    {
        StackPool pool(64 * 1024);
        const StackPool::Stack first = pool.acquire();
        pool.release(first);
        for (int i = 0; i < 100; ++i) {
            const StackPool::Stack again = pool.acquire();
            QCOMPARE(again.mapping, first.mapping);
            pool.release(again);
        }
        QCOMPARE(pool.mappingsCreated(), std::size_t(1));
    }

    void countsTrackAllocatedInUseAndFree()
    {
        StackPool pool(64 * 1024);
        QCOMPARE(pool.allocated(), std::size_t(0));
        const StackPool::Stack a = pool.acquire();
        const StackPool::Stack b = pool.acquire();
        const StackPool::Stack c = pool.acquire();
        QVERIFY(a.mapping != b.mapping && b.mapping != c.mapping);
        QCOMPARE(pool.inUse(), std::size_t(3));
        QCOMPARE(pool.free(), std::size_t(0));
        pool.release(b);
        QCOMPARE(pool.inUse(), std::size_t(2));
        QCOMPARE(pool.free(), std::size_t(1));
        QCOMPARE(pool.allocated(), std::size_t(3));
        pool.release(a);
        pool.release(c);
        QCOMPARE(pool.inUse(), std::size_t(0));
        QCOMPARE(pool.free(), std::size_t(3));
        pool.trim();
        QCOMPARE(pool.allocated(), std::size_t(0));
        QCOMPARE(pool.mappingsCreated(), std::size_t(3));
    }

    void reserveWarmsThePoolAhead()
    {
        StackPool pool(64 * 1024);
        pool.reserve(4);
        QCOMPARE(pool.free(), std::size_t(4));
        QCOMPARE(pool.mappingsCreated(), std::size_t(4));
        std::vector<StackPool::Stack> taken;
        for (int i = 0; i < 4; ++i)
            taken.push_back(pool.acquire());
        QCOMPARE(pool.mappingsCreated(), std::size_t(4));
        QCOMPARE(pool.inUse(), std::size_t(4));
        for (const auto& s : taken)
            pool.release(s);
    }

    void guardPageIsMappedWithoutAccessAndTheRestIsWritable()
    {
        StackPool pool(64 * 1024);
        const StackPool::Stack s = pool.acquire();
        QCOMPARE(QString::fromStdString(permissionsAt(reinterpret_cast<std::uintptr_t>(s.mapping))),
                 QStringLiteral("---p"));
        QCOMPARE(QString::fromStdString(permissionsAt(s.low())), QStringLiteral("rw-p"));
        pool.release(s);
    }

    void writingIntoTheGuardPageFaults()
    {
        StackPool pool(64 * 1024);
        const StackPool::Stack s = pool.acquire();
        auto* lowest = reinterpret_cast<volatile char*>(s.low());
        auto* top = reinterpret_cast<volatile char*>(s.high() - 1);
        QCOMPARE(signalOfChildRunning([&] {
            *lowest = 1;
            *top = 1;
        }), 0);
        QCOMPARE(signalOfChildRunning([&] { *(lowest - 1) = 1; }), SIGSEGV);
        QCOMPARE(signalOfChildRunning([&] { *static_cast<volatile char*>(s.mapping) = 1; }), SIGSEGV);
        pool.release(s);
    }
};

QTEST_APPLESS_MAIN(tst_StackPool)
#include "tst_stackpool.moc"
