#include "core/script/compiler/detail/CodeBuilder.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>

namespace coroscope::pylite::detail {

namespace {

[[noreturn]] void invariantFailed(const char* what, long a, long b)
{
    std::fprintf(stderr, "CodeBuilder invariant failed: %s (%ld vs %ld)\n", what, a, b);
    std::abort();
}

bool unconditional(Opcode op)
{
    switch (op) {
    case Opcode::JUMP:
    case Opcode::JUMP_BACKWARD:
    case Opcode::RETURN_VALUE:
    case Opcode::RAISE_VARARGS:
    case Opcode::RERAISE:
        return true;
    default:
        return false;
    }
}

} // namespace

CodeBuilder::CodeBuilder(std::unique_ptr<Code> code) : m_code(std::move(code)) {}

std::uint32_t CodeBuilder::emit(Opcode op, std::uint32_t arg)
{
    if (arg > kMaxArg) invariantFailed("instruction argument too large", long(arg), long(kMaxArg));
    const std::uint32_t at = position();
    m_code->words.push_back(encode(op, arg));
    m_code->lines.push_back(m_line);
    m_depth += stackEffect(op, arg);
    if (m_depth < 0) invariantFailed("stack depth below zero", m_depth, 0);
    m_maxDepth = std::max(m_maxDepth, m_depth);
    if (unconditional(op)) m_unreachable = true;
    return at;
}

std::uint32_t CodeBuilder::emit2(Opcode op, std::uint32_t arg, std::uint32_t extra)
{
    const std::uint32_t at = emit(op, arg);
    m_code->words.push_back(extra);
    m_code->lines.push_back(m_line);
    return at;
}

void CodeBuilder::emitJump(Opcode op, Label target)
{
    const int before = m_depth;
    const std::uint32_t at = position();
    LabelInfo& info = m_labels[std::size_t(target.id)];
    std::uint32_t arg = info.position >= 0 ? std::uint32_t(info.position) : 0;
    emit(op, arg);
    if (info.position < 0) m_labels[std::size_t(target.id)].refs.push_back(at);
    recordJumpDepth(target, before + jumpStackEffect(op, 0));
}

Label CodeBuilder::newLabel()
{
    m_labels.emplace_back();
    return Label{std::int32_t(m_labels.size() - 1)};
}

void CodeBuilder::recordJumpDepth(Label target, int depth)
{
    LabelInfo& info = m_labels[std::size_t(target.id)];
    if (info.depth < 0) {
        info.depth = depth;
        m_maxDepth = std::max(m_maxDepth, depth);
    } else if (info.depth != depth) {
        invariantFailed("jumps reach a label with different stack depths", info.depth, depth);
    }
}

void CodeBuilder::bind(Label label)
{
    LabelInfo& info = m_labels[std::size_t(label.id)];
    if (info.position >= 0) invariantFailed("label bound twice", info.position, long(position()));
    info.position = std::int32_t(position());
    if (m_unreachable) {
        if (info.depth >= 0) m_depth = info.depth;
        m_unreachable = false;
    } else {
        recordJumpDepth(label, m_depth);
    }
    for (std::uint32_t ref : info.refs) {
        CodeWord& w = m_code->words[ref];
        w = encode(opcodeOf(w), std::uint32_t(info.position));
    }
    info.refs.clear();
}

void CodeBuilder::setDepth(int depth)
{
    m_depth = depth;
    m_maxDepth = std::max(m_maxDepth, depth);
}

void CodeBuilder::flushRange()
{
    const std::uint32_t here = position();
    if (!m_handlers.empty() && here > m_rangeStart)
        m_ranges.push_back({m_rangeStart, here, m_handlers.back().label, m_handlers.back().depth});
    m_rangeStart = here;
}

void CodeBuilder::pushHandler(Label handler)
{
    flushRange();
    m_handlers.push_back({handler, m_depth});
    // The handler starts with the exception pushed on the unwound stack.
    recordJumpDepth(handler, m_depth + 1);
}

void CodeBuilder::restoreHandler(ActiveHandler h)
{
    flushRange();
    m_handlers.push_back(h);
}

void CodeBuilder::popHandler()
{
    flushRange();
    m_handlers.pop_back();
}

std::unique_ptr<Code> CodeBuilder::finish()
{
    flushRange();
    for (const LabelInfo& info : m_labels)
        if (!info.refs.empty()) invariantFailed("jump to a label never bound", long(info.refs.front()), 0);
    m_code->handlers.clear();
    for (const PendingRange& r : m_ranges) {
        const LabelInfo& info = m_labels[std::size_t(r.handler.id)];
        if (info.position < 0) invariantFailed("handler label never bound", long(r.start), 0);
        ExceptionRange range{r.start, r.end, std::uint32_t(info.position), std::uint32_t(r.depth)};
        if (!m_code->handlers.empty()) {
            ExceptionRange& last = m_code->handlers.back();
            if (last.end == range.start && last.handler == range.handler && last.depth == range.depth) {
                last.end = range.end;
                continue;
            }
        }
        m_code->handlers.push_back(range);
    }
    m_code->stackSize = std::uint32_t(m_maxDepth);
    m_code->caches.assign(m_caches, InlineCache{});
    return std::move(m_code);
}

} // namespace coroscope::pylite::detail
