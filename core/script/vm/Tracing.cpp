// Trace hooks (only called when a Trace is attached): lines, frame push and
// pop with a locals summary, generator resume/suspend as task switches.
// Tracing must not run Python code: locals of user classes are summarized
// as "<Name object>" instead of calling their __repr__.

#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/vm/detail/Interp.h"

#include <string>

namespace coroscope::pylite {

namespace {

constexpr std::size_t kMaxValueText = 60;
constexpr std::size_t kMaxSummary = 400;

std::uint32_t depthOf(const Frame* f)
{
    std::uint32_t depth = 0;
    for (const Frame* p = f; p && p->m_traceTask == f->m_traceTask; p = p->m_back) ++depth;
    return depth;
}

void emit(Vm& vm, EventKind kind, std::uint32_t subject, std::uint32_t x, std::uint32_t y, std::uint8_t a = 0,
          std::uint64_t v = 0)
{
    Event e;
    e.kind = kind;
    e.subject = subject;
    e.x = x;
    e.y = y;
    e.a = a;
    e.v = v;
    vm.context()->emit(e);
}

std::string valueText(Vm& vm, Value v)
{
    if (v.isSmallInt()) return std::to_string(v.smallIntValue()); // repr() of an int, without a str object
    ObjectSpace& space = vm.space();
    TypeObject* t = space.typeOf(v);
    if (t->has(TypeFlag::HeapType)) return "<" + std::string(t->name()) + " object>";
    std::string text;
    if (!reprString(space, v, text)) {
        space.clearError();
        return "<" + std::string(t->name()) + ">";
    }
    if (text.size() > kMaxValueText) text = text.substr(0, kMaxValueText - 3) + "...";
    return text;
}

/// The task a generator frame switches from (on resume) or back to (on
/// suspend and finish): its caller's, or main when C++ drives it with no
/// Python frame running (finalizers at the end of a run).
std::uint32_t callerTask(Vm& vm, Frame* back) { return vm.traceTaskBelow(back); }

} // namespace

std::string Interp::localsSummary(Vm& vm, Frame* f)
{
    const Code& c = *f->m_code;
    std::string out;
    auto add = [&](std::string_view name, Value v) {
        if (!v) return;
        if (out.size() > kMaxSummary) return;
        if (!out.empty()) out += ", ";
        out += name;
        out += "=";
        out += valueText(vm, v);
    };
    for (std::uint32_t i = 0; i < c.localCount(); ++i) add(strView(c.varnames[i].get()), f->slots()[i]);
    for (std::uint32_t i = 0; i < c.cellCount(); ++i)
        add(strView(c.cellvars[i].get()), asCell(f->slots()[c.localCount() + i])->m_ref);
    return out;
}

void Interp::traceFramePush(Vm& vm, Frame* f)
{
    RunContext& ctx = *vm.context();
    const std::uint32_t depth = depthOf(f);
    emit(vm, EventKind::FramePush, f->m_traceTask, std::uint32_t(f->m_code->firstLine), depth, 0,
         ctx.text(strView(f->m_code->qualname.get())));
    emit(vm, EventKind::FrameLocals, f->m_traceTask, 0, depth, 0, ctx.text(localsSummary(vm, f)));
}

void Interp::traceFramePop(Vm& vm, Frame* f)
{
    const std::uint32_t depth = depthOf(f);
    emit(vm, EventKind::FramePop, f->m_traceTask, 0, depth - 1);
    if (f->gen()) {
        ObjectSpace& space = vm.space();
        const bool failed = space.hasError();
        const bool closed = failed && space.errorMatches(space.types().GeneratorExit);
        const std::uint32_t to = callerTask(vm, f->m_back);
        emit(vm, EventKind::TaskState, f->m_traceTask, 0, 0,
             std::uint8_t(closed ? TaskState::Cancelled : failed ? TaskState::Failed : TaskState::Done));
        emit(vm, EventKind::Switch, to, f->m_traceTask, 0, std::uint8_t(failed ? SwitchWhy::Throw : SwitchWhy::Return));
    }
}

void Interp::traceGenResume(Vm& vm, GeneratorObject* gen)
{
    RunContext& ctx = *vm.context();
    Frame* f = gen->frame();
    const std::uint32_t from = callerTask(vm, f->m_back);
    const bool first = f->m_traceTask == 0;
    if (first) {
        f->m_traceTask = ctx.nextTaskId++;
        emit(vm, EventKind::TaskCreated, f->m_traceTask, from, std::uint32_t(f->m_code->firstLine),
             std::uint8_t(TaskKind::Generator), ctx.text(strView(generatorQualname(gen))));
    }
    emit(vm, EventKind::TaskState, f->m_traceTask, 0, 0, std::uint8_t(TaskState::Running));
    emit(vm, EventKind::Switch, f->m_traceTask, from, 0, std::uint8_t(SwitchWhy::Resume));
    if (first) {
        traceFramePush(vm, f);
        // What a suspended stackless task keeps: its heap frame (header and
        // slots) and the generator object that embeds it, no machine stack.
        // Fixed for the generator's life, so recorded once.
        const std::uint64_t frame = frameBytes(gen->m_frameSlots);
        const std::uint64_t object = sizeof(GeneratorObject);
        emit(vm, EventKind::Memory, f->m_traceTask, std::uint32_t(frame), std::uint32_t(object),
             std::uint8_t(MemoryKind::Frames), frame + object);
    }
    f->m_lastLine = -1;
}

void Interp::traceGenSuspend(Vm& vm, GeneratorObject* gen, Frame* back)
{
    const std::uint32_t task = gen->frame()->m_traceTask;
    const std::uint32_t to = callerTask(vm, back);
    emit(vm, EventKind::TaskState, task, 0, std::uint32_t(gen->frame()->currentLine()),
         std::uint8_t(TaskState::Suspended));
    emit(vm, EventKind::Switch, to, task, 0, std::uint8_t(SwitchWhy::Yield));
}

void Vm::traceLine(Frame* f, std::int32_t offset)
{
    const std::int32_t line = f->m_code->lineAt(std::size_t(offset));
    // A new line, or a jump back to the start of a line (a loop iteration).
    const bool backward = offset < std::int32_t(f->m_lastOffset);
    f->m_lastOffset = std::uint32_t(offset);
    if (line == f->m_lastLine && !backward) return;
    if (backward && line == f->m_lastLine && offset > 0 && f->m_code->lineAt(std::size_t(offset - 1)) == line) return;
    f->m_lastLine = line;
    emit(*this, EventKind::Line, f->m_traceTask, std::uint32_t(line), 0);
    emit(*this, EventKind::FrameLocals, f->m_traceTask, 0, 0, 0, m_options.context->text(Interp::localsSummary(*this, f)));
}

} // namespace coroscope::pylite
