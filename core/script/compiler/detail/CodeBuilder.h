#pragma once
// CodeBuilder: the emitter behind the compiler, one per scope being
// compiled. It appends instructions with their source line, tracks the
// value-stack depth statically (so the Code knows its stack size and every
// exception handler knows the depth to unwind to), resolves labels, and
// turns the compiler's stack of active handlers into the Code's
// non-overlapping exception ranges.

#include "core/script/compiler/Code.h"
#include "core/script/compiler/Opcodes.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace coroscope::pylite::detail {

/// A jump target, by index into the builder's label table.
struct Label {
    std::int32_t id = -1;
    bool valid() const { return id >= 0; }
};

class CodeBuilder {
public:
    explicit CodeBuilder(std::unique_ptr<Code> code);

    Code& code() { return *m_code; }
    /// Finishes the code (patches jumps and handler targets) and hands it over.
    std::unique_ptr<Code> finish();

    // --- emission --------------------------------------------------------
    void setLine(std::int32_t line) { m_line = line; }
    std::int32_t line() const { return m_line; }
    /// Appends an instruction; returns its word index.
    std::uint32_t emit(Opcode op, std::uint32_t arg = 0);
    /// Appends an instruction followed by its extra word.
    std::uint32_t emit2(Opcode op, std::uint32_t arg, std::uint32_t extra);
    /// Appends a jump to `target` (bound or not).
    void emitJump(Opcode op, Label target);
    /// A fresh cache slot index for an instruction with an inline cache.
    std::uint32_t newCache() { return m_caches++; }
    std::uint32_t position() const { return std::uint32_t(m_code->words.size()); }

    // --- labels ------------------------------------------------------------
    Label newLabel();
    /// Binds `label` here. If the previous instruction does not fall
    /// through, the stack depth becomes the one recorded by the jumps.
    void bind(Label label);

    // --- stack depth ---------------------------------------------------------
    int depth() const { return m_depth; }
    void setDepth(int depth);
    /// After an unconditional transfer, code is unreachable until a label.
    bool reachable() const { return !m_unreachable; }

    // --- exception handlers ------------------------------------------------
    /// Makes `handler` the innermost handler for the code emitted from now
    /// on, unwinding to the current depth.
    void pushHandler(Label handler);
    void popHandler();
    /// Number of active handlers (to restore after temporary pops).
    std::size_t handlerCount() const { return m_handlers.size(); }
    struct ActiveHandler {
        Label label;
        int depth;
    };
    ActiveHandler handlerAt(std::size_t i) const { return m_handlers[i]; }
    void restoreHandler(ActiveHandler h);

private:
    struct LabelInfo {
        std::int32_t position = -1;
        int depth = -1;
        std::vector<std::uint32_t> refs; ///< word indices whose argument is this label
    };
    void recordJumpDepth(Label target, int depth);
    void flushRange();

    std::unique_ptr<Code> m_code;
    std::vector<LabelInfo> m_labels;
    std::int32_t m_line = 1;
    int m_depth = 0;
    int m_maxDepth = 0;
    bool m_unreachable = false;
    std::uint32_t m_caches = 0;

    std::vector<ActiveHandler> m_handlers;
    std::uint32_t m_rangeStart = 0;
    struct PendingRange {
        std::uint32_t start;
        std::uint32_t end;
        Label handler;
        int depth;
    };
    std::vector<PendingRange> m_ranges;
};

} // namespace coroscope::pylite::detail
