#pragma once
// Frame: one activation of a Code. A frame is a header followed by its
// slots: fast locals, cells, free variables, then the value stack. Frames
// of plain calls live on the Vm's FrameStack (LIFO chunks reused from call
// to call, so a call allocates nothing in steady state); the frame of a
// generator, coroutine or async generator lives inside that object and
// stays there while it is suspended, so resuming allocates nothing.
//
// Python-to-Python calls never recurse on the C++ stack: a call links a
// new frame (m_back = caller) and the same dispatch loop continues in it.

#include "core/script/compiler/Code.h"
#include "core/script/value/Ref.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace coroscope::pylite {

struct DictObject;
struct GeneratorObject;

/// What happens to a frame's result (or yielded value) when it finishes
/// (or suspends): it depends on who started it running.
enum class ResumeMode : std::uint8_t {
    Entry,   ///< Vm::execute's C++ caller receives it (nested run loop)
    Call,    ///< pushed on the caller frame's stack (a CALL)
    ForIter, ///< a generator driven inline by the caller's FOR_ITER
    Send,    ///< a generator/coroutine driven inline by the caller's SEND
};

struct Frame {
    Frame* m_back;             ///< the frame to return to; null for an entry frame or a suspended generator
    Code* m_code;              ///< the code being run (kept alive by m_func)
    Value m_func;              ///< owned FunctionObject
    DictObject* m_globals;     ///< borrowed from the function
    Value m_locals;            ///< owned namespace dict of a class body; null otherwise
    const CodeWord* m_ip;      ///< next instruction (valid when the frame is not the running one)
    Value* m_sp;               ///< one past the top of the value stack (same validity)
    Value m_excInfo;           ///< owned: the exception this frame is handling (PUSH_EXC_INFO), or null
    ResumeMode m_mode;         ///< see ResumeMode
    bool m_onStack;            ///< lives on the FrameStack; otherwise inside a generator (gen())
    bool m_started;            ///< generators: has run at least once
    bool m_countsRecursion;    ///< entered the recursion counter (released when it leaves the chain)
    std::int32_t m_lastLine;   ///< tracing: last line reported for this frame, -1 before the first
    std::uint32_t m_traceTask; ///< tracing: task that owns this frame; a generator's own task id (0 until first resumed with tracing on)
    std::uint32_t m_lastOffset; ///< tracing: word offset of the last traced instruction

    /// The generator owning this frame, or null for a frame on the FrameStack
    /// (defined in Objects.h: the frame follows the generator's header).
    GeneratorObject* gen() const;

    Value* slots() { return reinterpret_cast<Value*>(this + 1); }
    const Value* slots() const { return reinterpret_cast<const Value*>(this + 1); }
    Value* stackBase() { return slots() + m_code->slotCount(); }
    /// Slots allocated after the header (the same for stack and generator
    /// frames; a generator also keeps it in GeneratorObject::m_frameSlots,
    /// for when its code may be gone).
    std::uint32_t slotCapacity() const { return m_code->slotCount() + m_code->stackSize; }
    const CodeWord* codeStart() const { return m_code->words.data(); }
    /// Word offset of the instruction executed last (-1 before the first).
    std::int64_t lastInstruction() const { return std::int64_t(m_ip - codeStart()) - 1; }
    /// Line of the instruction executed last (the def line before the first).
    std::int32_t currentLine() const
    {
        const std::int64_t i = lastInstruction();
        return i < 0 ? m_code->firstLine : m_code->lineAt(std::size_t(i));
    }
};
static_assert(sizeof(Frame) == 80);

/// Bytes of the generator header a generator's frame follows (GeneratorObject).
inline constexpr std::size_t kGeneratorHeaderBytes = 32;

/// Bytes a frame with `slots` slots needs.
constexpr std::size_t frameBytes(std::size_t slots) { return sizeof(Frame) + slots * sizeof(Value); }

/// LIFO storage for the frames of plain calls: chunks of memory that are
/// kept and reused, so pushing a frame is a pointer bump.
class FrameStack {
public:
    static constexpr std::size_t kChunkWords = std::size_t(1) << 16; ///< 512 KiB per chunk

    FrameStack() = default;
    FrameStack(const FrameStack&) = delete;
    FrameStack& operator=(const FrameStack&) = delete;

    /// Raw, uninitialized memory for a frame of `slots` slots.
    Frame* push(std::size_t slots)
    {
        const std::size_t words = frameBytes(slots) / sizeof(Value);
        if (m_current < m_chunks.size()) {
            Chunk& c = m_chunks[m_current];
            if (c.used + words <= c.size) {
                Frame* f = reinterpret_cast<Frame*>(c.base.get() + c.used);
                c.used += words;
                return f;
            }
        }
        return pushSlow(words);
    }

    /// Releases the topmost frame's memory (`f` must be the top).
    void pop(Frame* f)
    {
        Chunk& c = m_chunks[m_current];
        const std::size_t at = std::size_t(reinterpret_cast<std::uint64_t*>(f) - c.base.get());
        c.used = at;
        if (at == 0 && m_current > 0) --m_current;
    }

    /// Exchanges the whole storage with `other` (frame addresses stay valid):
    /// the greenlet module gives each greenlet its own frame stack.
    void swap(FrameStack& other) noexcept
    {
        m_chunks.swap(other.m_chunks);
        std::swap(m_current, other.m_current);
    }

    /// Bytes reserved in chunks (for statistics).
    std::size_t reservedBytes() const { return m_chunks.size() * kChunkWords * sizeof(Value); }

private:
    struct Chunk {
        std::unique_ptr<std::uint64_t[]> base;
        std::size_t size = 0;
        std::size_t used = 0;
    };
    Frame* pushSlow(std::size_t words);

    std::vector<Chunk> m_chunks;
    std::size_t m_current = 0;
};

} // namespace coroscope::pylite
