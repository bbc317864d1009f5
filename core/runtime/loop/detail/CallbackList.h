#pragma once
// CallbackList: a future's done-callbacks in the order they were added. One
// callback (the usual case: a future awaited by one task) is a block of its
// own; more live in linked chunks of 2, 4 ... 64 entries. Appending never
// moves the entries already there: a future with 100,000 parked tasks holds
// 100,000 entries, and a doubling vector would hold the old and the new
// array at once at every growth. Removal keeps the order of the others; a
// chunk that empties is freed at once. Once the future is done, the loop
// takes the entries from the front, one per ready-queue pop. The chunks form
// a ring reached through the newest one, so the list itself is one word.

#include "core/runtime/loop/Callback.h"
#include "core/trace/Event.h"

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

namespace coroscope::detail {

struct CallbackEntry {
    Callback fn;
    std::uint32_t id; ///< low half of the CallbackId while pending; the handle id once scheduled
    TaskId waiter;    ///< the task the callback wakes, 0 if none (for the trace)
};

class CallbackList {
public:
    CallbackList() = default;
    CallbackList(const CallbackList&) = delete;
    CallbackList& operator=(const CallbackList&) = delete;
    CallbackList(CallbackList&& o) noexcept
        : m_bits(std::exchange(o.m_bits, 0))
    {
    }
    CallbackList& operator=(CallbackList&& o) noexcept
    {
        CallbackList old(std::move(*this));
        m_bits = std::exchange(o.m_bits, 0);
        return *this;
    }
    /// Destroys the callables front to back (whatever they capture goes with them).
    ~CallbackList()
    {
        while (m_bits)
            popFront();
    }

    bool empty() const { return m_bits == 0; }
    std::size_t size() const
    {
        if (isLone())
            return 1;
        std::size_t n = 0;
        for (const Chunk* c = tail(); c;) {
            c = c->next;
            n += c->end - c->begin;
            if (c == tail())
                break;
        }
        return n;
    }

    void push(Callback fn, std::uint32_t id, TaskId waiter)
    {
        if (!m_bits) {
            m_bits = reinterpret_cast<std::uintptr_t>(new CallbackEntry{std::move(fn), id, waiter}) | kLone;
            return;
        }
        if (isLone()) {
            // The second callback: the first moves into a chunk.
            CallbackEntry* first = lone();
            Chunk* c = Chunk::make(2);
            c->next = c;
            ::new (static_cast<void*>(c->entries())) CallbackEntry(std::move(*first));
            c->end = 1;
            delete first; // moved from: releases nothing
            m_bits = reinterpret_cast<std::uintptr_t>(c);
        }
        Chunk* t = tail();
        if (t->end == t->capacity) {
            Chunk* c = Chunk::make(std::uint16_t(t->capacity < kMaxChunk ? t->capacity * 2 : kMaxChunk));
            c->next = t->next;
            t->next = c;
            m_bits = reinterpret_cast<std::uintptr_t>(c);
            t = c;
        }
        ::new (static_cast<void*>(t->entries() + t->end)) CallbackEntry{std::move(fn), id, waiter};
        ++t->end;
    }

    /// The oldest entry; the list must not be empty.
    CallbackEntry& front() { return isLone() ? *lone() : tail()->next->entries()[tail()->next->begin]; }
    /// Removes (and destroys) the oldest entry; the list must not be empty.
    /// The list is consistent again before the callable is destroyed.
    void popFront()
    {
        if (isLone()) {
            CallbackEntry* e = lone();
            m_bits = 0;
            Callback fn = std::move(e->fn);
            delete e;
            return;
        }
        Chunk* c = tail()->next;
        CallbackEntry& e = c->entries()[c->begin];
        Callback fn = std::move(e.fn);
        e.~CallbackEntry();
        if (++c->begin == c->end)
            unlink(c, tail());
    }

    /// Calls f(entry) for every entry, oldest first. f must not change the list.
    template <class F>
    void forEach(F&& f)
    {
        if (isLone()) {
            f(*lone());
            return;
        }
        for (Chunk* c = tail(); c;) {
            c = c->next;
            for (std::uint16_t i = c->begin; i < c->end; ++i)
                f(c->entries()[i]);
            if (c == tail())
                break;
        }
    }

    /// Removes the first entry with `id`, handing its callable and waiter to
    /// the caller (destroying a callable may re-enter the owner, so the
    /// caller does it once the list is consistent). False if there is none.
    bool remove(std::uint32_t id, Callback& fn, TaskId& waiter)
    {
        if (!m_bits)
            return false;
        if (isLone()) {
            CallbackEntry* e = lone();
            if (e->id != id)
                return false;
            fn = std::move(e->fn);
            waiter = e->waiter;
            m_bits = 0;
            delete e;
            return true;
        }
        for (Chunk *prev = tail(), *c = prev->next;; prev = c, c = c->next) {
            CallbackEntry* e = c->entries();
            for (std::uint16_t i = c->begin; i < c->end; ++i) {
                if (e[i].id != id)
                    continue;
                fn = std::move(e[i].fn);
                waiter = e[i].waiter;
                if (i == c->begin) {
                    e[i].~CallbackEntry();
                    ++c->begin;
                } else {
                    for (std::uint16_t j = i; j + 1 < c->end; ++j)
                        e[j] = std::move(e[j + 1]);
                    e[--c->end].~CallbackEntry();
                }
                if (c->begin == c->end)
                    unlink(c, prev);
                return true;
            }
            if (c == tail())
                return false;
        }
    }

private:
    static constexpr std::uint16_t kMaxChunk = 64;
    static constexpr std::uintptr_t kLone = 1; ///< m_bits tag: a lone entry, not a chunk

    struct Chunk {
        Chunk* next;            ///< the next newer chunk; the newest links to the oldest
        std::uint16_t begin;    ///< live entries are [begin, end)
        std::uint16_t end;
        std::uint16_t capacity;

        static Chunk* make(std::uint16_t capacity)
        {
            void* p = ::operator new(sizeof(Chunk) + capacity * sizeof(CallbackEntry));
            return ::new (p) Chunk{nullptr, 0, 0, capacity};
        }
        CallbackEntry* entries() { return reinterpret_cast<CallbackEntry*>(this + 1); }
    };
    static_assert(sizeof(Chunk) % alignof(CallbackEntry) == 0, "entries follow the chunk header");

    /// Frees an empty chunk; `prev` is the chunk before it in the ring
    /// (the newest one when `c` is the oldest).
    void unlink(Chunk* c, Chunk* prev)
    {
        if (c->next == c) {
            m_bits = 0;
        } else {
            prev->next = c->next;
            if (tail() == c)
                m_bits = reinterpret_cast<std::uintptr_t>(prev);
        }
        ::operator delete(c);
    }

    bool isLone() const { return (m_bits & kLone) != 0; }
    CallbackEntry* lone() const { return reinterpret_cast<CallbackEntry*>(m_bits & ~kLone); }
    Chunk* tail() const { return reinterpret_cast<Chunk*>(m_bits); }

    /// 0: empty; a CallbackEntry* tagged kLone: one entry; otherwise the
    /// newest chunk, whose `next` is the oldest.
    std::uintptr_t m_bits = 0;
};

} // namespace coroscope::detail
