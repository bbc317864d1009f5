#pragma once
// Recorded runs, written event by event, that the anchor and checkpoint
// tests resolve lessons against: the greenlet lesson's program and a small
// asyncio program with two tasks.

#include "trace/TraceBuilder.h"

namespace coroscope::testing {

/// Tutorial 1.1: main (1) starts gr1 (2), which switches to gr2 (3) and back;
/// gr2 prints 3 in two writes ("3", "\n") and finally returns to main.
inline void recordGreenletRun(Trace& trace)
{
    TraceBuilder b(trace);
    b.created(1, TaskKind::Main, 0, 0, "main").switchTo(1, 0, SwitchWhy::Start)      // 0 1
        .created(2, TaskKind::Greenlet, 1, 17, "gr1").created(3, TaskKind::Greenlet, 1, 18, "gr2") // 2 3
        .line(1, 19).switchTo(2, 1, SwitchWhy::Start)                                // 4 5
        .line(2, 5).output(2, "1\n").line(2, 6).switchTo(3, 2, SwitchWhy::Switch)   // 6 7 8 9
        .line(3, 12).output(3, "3").output(3, "\n").line(3, 13)                     // 10 11 12 13
        .switchTo(2, 3, SwitchWhy::Switch).line(2, 7).output(2, "2\n").line(2, 8)   // 14 15 16 17
        .switchTo(3, 2, SwitchWhy::Switch).line(3, 14).output(3, "4\n")             // 18 19 20
        .switchTo(1, 3, SwitchWhy::Return).end(RunStatus::Ok);                      // 21 22
}

/// Task-1 (main) creates Task-2 and Task-3 and awaits Task-2; both sleep on
/// timers that fire at 2 s; Task-2 prints, resolves and finishes; then the
/// loop blocks for a second and reports a deadlock.
inline void recordAsyncioRun(Trace& trace)
{
    TraceBuilder b(trace);
    b.created(1, TaskKind::CoroutineTask, 0, 0, "Task-1").readyPush(1, 1, "Task.__step")  // 0 1
        .readyPop(1, 1).switchTo(1, 0, SwitchWhy::Start).line(1, 12)                       // 2 3 4
        .created(2, TaskKind::CoroutineTask, 1, 13, "Task-2").future(7, FutureKind::Task, 2) // 5 6
        .readyPush(2, 2, "Task.__step")                                                    // 7
        .created(3, TaskKind::CoroutineTask, 1, 14, "Task-3").readyPush(3, 3, "Task.__step") // 8 9
        .state(1, TaskState::Waiting, WaitKind::Task, 2).switchTo(0, 1, SwitchWhy::Await)  // 10 11
        .readyPop(2, 2).switchTo(2, 0, SwitchWhy::Start).timer(1, 2, 10, 2'000'000'000)    // 12 13 14
        .state(2, TaskState::Waiting, WaitKind::Timer, 1).switchTo(0, 2, SwitchWhy::Await) // 15 16
        .readyPop(3, 3).switchTo(3, 0, SwitchWhy::Start).timer(2, 3, 11, 2'000'000'000)    // 17 18 19
        .state(3, TaskState::Waiting, WaitKind::Timer, 2).switchTo(0, 3, SwitchWhy::Await) // 20 21
        .clock(2'000'000'000).timerFired(1, 2).readyPush(10, 2, "Task.__wakeup")           // 22 23 24
        .timerFired(2, 3).readyPush(11, 3, "Task.__wakeup")                                // 25 26
        .readyPop(10, 2).switchTo(2, 0, SwitchWhy::Resume).output(2, "done\n")             // 27 28 29
        .resolved(7, FutureOutcome::Result, "'ok'").state(2, TaskState::Done)              // 30 31
        .switchTo(0, 2, SwitchWhy::Return).clock(3'000'000'000, ClockWhy::Blocking)        // 32 33
        .warning(3, WarningKind::BlockingCall, "time.sleep blocks the event loop")         // 34
        .warning(0, WarningKind::Deadlock, "deadlock: Task-1 waits on Task-3")             // 35
        .end(RunStatus::Deadlock);                                                         // 36
}

} // namespace coroscope::testing
