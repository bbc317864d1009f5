#pragma once
// The pylite instruction set, in one X-macro list (Wren's wren_opcodes.h):
// OPCODE(NAME, stackEffect). The list generates the Opcode enum, the names
// the disassembler prints and the static stack effects the compiler uses to
// size value stacks and exception-handler depths.
//
// Encoding: one 32-bit word per instruction, the opcode in the low 8 bits
// and its argument in the high 24 bits. The opcodes listed in
// instructionWords() carry one more word right after them (the inline-cache
// slot of LOAD_GLOBAL and LOAD_METHOD, CALL_KW's keyword-names constant).
// Jump arguments are absolute word offsets.
//
// Stack effects are written as seen by the instruction that follows (the
// fall-through path). kVariable marks effects that depend on the argument;
// stackEffect() computes them. Jumps that leave a different stack on the
// taken path are described in jumpStackEffect().
//
// Stack pictures below list the top of the stack last: [a, b] means b is TOS.

#include <cstdint>
#include <string_view>

namespace coroscope::pylite {

inline constexpr int kVariable = 1000;

#define PYLITE_OPCODES(OPCODE)                                                                  \
    /* Does nothing (jump landing pads, removed statements). */                                 \
    OPCODE(NOP, 0)                                                                              \
    /* Discards TOS. */                                                                         \
    OPCODE(POP_TOP, -1)                                                                         \
    /* Pushes a copy of the arg-th item (1 = TOS). */                                           \
    OPCODE(COPY, 1)                                                                             \
    /* Swaps TOS with the arg-th item (2 = the one below TOS). */                               \
    OPCODE(SWAP, 0)                                                                             \
    /* Pushes the null word (the "no self" slot of a call). */                                  \
    OPCODE(PUSH_NULL, 1)                                                                        \
    /* Pushes constant arg. */                                                                  \
    OPCODE(LOAD_CONST, 1)                                                                       \
    /* Pushes local arg; UnboundLocalError if it has no value. */                               \
    OPCODE(LOAD_FAST, 1)                                                                        \
    /* Pops into local arg. */                                                                  \
    OPCODE(STORE_FAST, -1)                                                                      \
    /* Unbinds local arg; UnboundLocalError if already unbound. */                              \
    OPCODE(DELETE_FAST, 0)                                                                      \
    /* Pushes the contents of cell arg (cells, then free variables). */                         \
    OPCODE(LOAD_DEREF, 1)                                                                       \
    /* Pops into cell arg. */                                                                   \
    OPCODE(STORE_DEREF, -1)                                                                     \
    /* Empties cell arg. */                                                                     \
    OPCODE(DELETE_DEREF, 0)                                                                     \
    /* Pushes cell arg itself (to build a closure). */                                          \
    OPCODE(LOAD_CLOSURE, 1)                                                                     \
    /* Class body: name of free variable arg from the locals dict, else its cell. */            \
    OPCODE(LOAD_CLASSDEREF, 1)                                                                  \
    /* Pushes global name arg (globals, then builtins). Next word: cache slot. */               \
    OPCODE(LOAD_GLOBAL, 1)                                                                      \
    /* Pops into global name arg. */                                                            \
    OPCODE(STORE_GLOBAL, -1)                                                                    \
    /* Deletes global name arg. */                                                              \
    OPCODE(DELETE_GLOBAL, 0)                                                                    \
    /* Pushes name arg from the locals dict, globals, then builtins. */                         \
    OPCODE(LOAD_NAME, 1)                                                                        \
    /* Pops into name arg of the locals dict. */                                                \
    OPCODE(STORE_NAME, -1)                                                                      \
    /* Deletes name arg from the locals dict. */                                                \
    OPCODE(DELETE_NAME, 0)                                                                      \
    /* [obj] -> [obj.name]. */                                                                  \
    OPCODE(LOAD_ATTR, 0)                                                                        \
    /* [value, obj] -> []: obj.name = value. */                                                 \
    OPCODE(STORE_ATTR, -2)                                                                      \
    /* [obj] -> []: del obj.name. */                                                            \
    OPCODE(DELETE_ATTR, -1)                                                                     \
    /* [obj] -> [method, obj] or [bound, null]. */                                              \
    OPCODE(LOAD_METHOD, 1)                                                                      \
    /* [obj, key] -> [obj[key]]. */                                                             \
    OPCODE(BINARY_SUBSCR, -1)                                                                   \
    /* [value, obj, key] -> []: obj[key] = value. */                                            \
    OPCODE(STORE_SUBSCR, -3)                                                                    \
    /* [obj, key] -> []: del obj[key]. */                                                       \
    OPCODE(DELETE_SUBSCR, -2)                                                                   \
    /* [start, stop(, step)] -> [slice]; arg = 2 or 3. */                                       \
    OPCODE(BUILD_SLICE, kVariable)                                                              \
    /* [a, b] -> [a op b]; arg = NumOp, plus 16 for the in-place form. */                       \
    OPCODE(BINARY_OP, -1)                                                                       \
    /* [v] -> [op v]; arg = UnaryOp (Neg, Pos, Invert). */                                      \
    OPCODE(UNARY_OP, 0)                                                                         \
    /* [v] -> [not v]. */                                                                       \
    OPCODE(UNARY_NOT, 0)                                                                        \
    /* [a, b] -> [a op b]; arg = CompareOp. */                                                  \
    OPCODE(COMPARE_OP, -1)                                                                      \
    /* [a, b] -> [a is b]; arg 1 = `is not`. */                                                 \
    OPCODE(IS_OP, -1)                                                                           \
    /* [a, b] -> [a in b]; arg 1 = `not in`. */                                                 \
    OPCODE(CONTAINS_OP, -1)                                                                     \
    /* [x1..xn] -> [(x1, .., xn)]. */                                                           \
    OPCODE(BUILD_TUPLE, kVariable)                                                              \
    /* [x1..xn] -> [[x1, .., xn]]. */                                                           \
    OPCODE(BUILD_LIST, kVariable)                                                               \
    /* [x1..xn] -> [{x1, .., xn}]. */                                                           \
    OPCODE(BUILD_SET, kVariable)                                                                \
    /* [k1, v1 .. kn, vn] -> [{k1: v1, ..}]. */                                                 \
    OPCODE(BUILD_MAP, kVariable)                                                                \
    /* [s1..sn] -> [s1 + .. + sn] (f-string parts, all str). */                                 \
    OPCODE(BUILD_STRING, kVariable)                                                             \
    /* [list, .., v] -> [list, ..]: appends v to the list arg items below. */                   \
    OPCODE(LIST_APPEND, -1)                                                                     \
    /* [set, .., v] -> [set, ..]: adds v to the set arg items below. */                         \
    OPCODE(SET_ADD, -1)                                                                         \
    /* [dict, .., k, v] -> [dict, ..]: dict[k] = v, dict arg items below k. */                  \
    OPCODE(MAP_ADD, -2)                                                                         \
    /* [list, .., it] -> [list, ..]: list.extend(it), list arg items below. */                  \
    OPCODE(LIST_EXTEND, -1)                                                                     \
    /* [set, .., it] -> [set, ..]: set.update(it). */                                           \
    OPCODE(SET_UPDATE, -1)                                                                      \
    /* [dict, .., m] -> [dict, ..]: dict.update(m) (`{**m}`). */                                \
    OPCODE(DICT_UPDATE, -1)                                                                     \
    /* [dict, .., m] -> [dict, ..]: merge `**m` of a call; duplicate keys raise. */             \
    OPCODE(DICT_MERGE, -1)                                                                      \
    /* [list] -> [tuple(list)]. */                                                              \
    OPCODE(LIST_TO_TUPLE, 0)                                                                    \
    /* [seq] -> [x_n .. x_1]: unpacks exactly arg items (x_1 on top). */                        \
    OPCODE(UNPACK_SEQUENCE, kVariable)                                                          \
    /* [seq] -> [after.., list, before..]: arg = before | after << 8. */                        \
    OPCODE(UNPACK_EX, kVariable)                                                                \
    /* [v(, spec)] -> [format(conv(v), spec)]; arg = conversion | 4 if spec. */                 \
    OPCODE(FORMAT_VALUE, kVariable)                                                             \
    /* Jumps to arg. */                                                                         \
    OPCODE(JUMP, 0)                                                                             \
    /* Jumps back to arg (a loop edge: counts a step and checks the budget). */                 \
    OPCODE(JUMP_BACKWARD, 0)                                                                    \
    /* [v] -> []; jumps to arg if v is false. */                                                \
    OPCODE(POP_JUMP_IF_FALSE, -1)                                                               \
    /* [v] -> []; jumps to arg if v is true. */                                                 \
    OPCODE(POP_JUMP_IF_TRUE, -1)                                                                \
    /* [v] -> []; jumps to arg if v is None. */                                                 \
    OPCODE(POP_JUMP_IF_NONE, -1)                                                                \
    /* [v] -> []; jumps to arg if v is not None. */                                             \
    OPCODE(POP_JUMP_IF_NOT_NONE, -1)                                                            \
    /* [v] -> [v] and jumps to arg if v is false, else [v] -> []. */                            \
    OPCODE(JUMP_IF_FALSE_OR_POP, -1)                                                            \
    /* [v] -> [v] and jumps to arg if v is true, else [v] -> []. */                             \
    OPCODE(JUMP_IF_TRUE_OR_POP, -1)                                                             \
    /* [obj] -> [iter(obj)]. */                                                                 \
    OPCODE(GET_ITER, 0)                                                                         \
    /* [it] -> [it, next(it)]; when exhausted pops it and jumps to arg. */                      \
    OPCODE(FOR_ITER, 1)                                                                         \
    /* [callable, self|null, a1..an] -> [result]; arg = n. */                                   \
    OPCODE(CALL, kVariable)                                                                     \
    /* CALL whose last k arguments are keywords; next word: constant of k names. */             \
    OPCODE(CALL_KW, kVariable)                                                                  \
    /* [callable, null, args tuple(, kwargs dict)] -> [result]; arg 1 = kwargs. */              \
    OPCODE(CALL_FUNCTION_EX, kVariable)                                                         \
    /* [defaults?, kwdefaults?, closure?, code] -> [function]; arg = MakeFunctionFlag bits. */  \
    OPCODE(MAKE_FUNCTION, kVariable)                                                            \
    /* [v] -> []: returns v to the caller. */                                                   \
    OPCODE(RETURN_VALUE, -1)                                                                    \
    /* Pushes builtins.__build_class__. */                                                      \
    OPCODE(LOAD_BUILD_CLASS, 1)                                                                 \
    /* Pushes AssertionError. */                                                                \
    OPCODE(LOAD_ASSERTION_ERROR, 1)                                                             \
    /* [exc(, cause)] -> raises; arg 0 = re-raise the handled exception. */                     \
    OPCODE(RAISE_VARARGS, kVariable)                                                            \
    /* [exc] -> re-raises exc as is (no new traceback entry, no chaining). */                   \
    OPCODE(RERAISE, -1)                                                                         \
    /* [exc] -> [previous handled, exc]; exc becomes the handled exception. */                  \
    OPCODE(PUSH_EXC_INFO, 1)                                                                    \
    /* [previous] -> []: restores the handled exception. */                                     \
    OPCODE(POP_EXCEPT, -1)                                                                      \
    /* [exc, type] -> [exc, isinstance(exc, type)] with except-clause type checks. */           \
    OPCODE(CHECK_EXC_MATCH, 0)                                                                  \
    /* [mgr] -> [exit, mgr.__enter__()]. */                                                     \
    OPCODE(BEFORE_WITH, 1)                                                                      \
    /* [mgr] -> [aexit, mgr.__aenter__()] (to be awaited). */                                   \
    OPCODE(BEFORE_ASYNC_WITH, 1)                                                                \
    /* [exit] -> [exit(None, None, None)]. */                                                   \
    OPCODE(WITH_EXIT, 0)                                                                        \
    /* [exit, prev, exc] -> [exit, prev, exc, exit(type, exc, tb)]. */                          \
    OPCODE(WITH_EXCEPT_START, 1)                                                                \
    /* [v] -> [sent]: suspends the generator yielding v; arg 1 = inside yield from/await. */    \
    OPCODE(YIELD_VALUE, 0)                                                                      \
    /* [recv, v] -> [recv, yielded] or, when recv returns r, [r] and jumps to arg. */           \
    OPCODE(SEND, 0)                                                                             \
    /* [obj] -> [iter(obj)] for `yield from` (generators and coroutines pass through). */       \
    OPCODE(GET_YIELD_FROM_ITER, 0)                                                              \
    /* [obj] -> [awaitable iterator of obj]; arg 1 = after __aenter__, 2 = after __aexit__. */  \
    OPCODE(GET_AWAITABLE, 0)                                                                    \
    /* [obj] -> [obj.__aiter__()]. */                                                           \
    OPCODE(GET_AITER, 0)                                                                        \
    /* [ait] -> [ait, awaitable of ait.__anext__()]. */                                         \
    OPCODE(GET_ANEXT, 1)                                                                        \
    /* [ait, exc] -> []: ends `async for` on StopAsyncIteration, else re-raises. */             \
    OPCODE(END_ASYNC_FOR, -2)                                                                   \
    /* Pushes the module named by name arg (import_name). */                                    \
    OPCODE(IMPORT_NAME, 1)                                                                      \
    /* [module] -> [module, module.name]; ImportError when missing. */                          \
    OPCODE(IMPORT_FROM, 1)                                                                      \
    /* [module] -> []: copies its public names into the namespace. */                           \
    OPCODE(IMPORT_STAR, -1)                                                                     \
    /* Creates __annotations__ in the locals dict if missing. */                                \
    OPCODE(SETUP_ANNOTATIONS, 0)                                                                \
    /* [v] -> []: stores v under name arg in the locals' __annotations__. */                    \
    OPCODE(STORE_ANNOTATION, -1)

enum class Opcode : std::uint8_t {
#define PYLITE_OPCODE_ENUM(name, effect) name,
    PYLITE_OPCODES(PYLITE_OPCODE_ENUM)
#undef PYLITE_OPCODE_ENUM
        Count_
};

/// Bits of MAKE_FUNCTION's argument: which optional operands are present
/// below the code object (pushed in this order).
enum class MakeFunctionFlag : std::uint32_t {
    Defaults = 1,   ///< a tuple of positional defaults
    KwDefaults = 2, ///< a dict of keyword-only defaults
    Closure = 4,    ///< a tuple of cells
};

/// BINARY_OP argument bit selecting the in-place operator (`+=`).
inline constexpr std::uint32_t kInplaceFlag = 16;

/// YIELD_VALUE argument meaning "suspended inside yield from / await".
inline constexpr std::uint32_t kYieldFromFlag = 1;

inline constexpr std::uint32_t kMaxArg = (1u << 24) - 1;

using CodeWord = std::uint32_t;

constexpr CodeWord encode(Opcode op, std::uint32_t arg) { return CodeWord(op) | (arg << 8); }
constexpr Opcode opcodeOf(CodeWord w) { return Opcode(w & 0xFF); }
constexpr std::uint32_t argOf(CodeWord w) { return w >> 8; }

/// Words an instruction occupies (1, or 2 with its extra word).
constexpr int instructionWords(Opcode op)
{
    switch (op) {
    case Opcode::LOAD_GLOBAL:
    case Opcode::LOAD_METHOD:
    case Opcode::CALL_KW:
        return 2;
    default:
        return 1;
    }
}

/// True for instructions whose argument is a jump target.
constexpr bool isJump(Opcode op)
{
    switch (op) {
    case Opcode::JUMP:
    case Opcode::JUMP_BACKWARD:
    case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::POP_JUMP_IF_NONE:
    case Opcode::POP_JUMP_IF_NOT_NONE:
    case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP:
    case Opcode::FOR_ITER:
    case Opcode::SEND:
        return true;
    default:
        return false;
    }
}

/// "LOAD_FAST" etc.
std::string_view opcodeName(Opcode op);

/// Stack effect on the fall-through path.
int stackEffect(Opcode op, std::uint32_t arg);

/// Stack effect when the jump is taken (for jumps only).
int jumpStackEffect(Opcode op, std::uint32_t arg);

} // namespace coroscope::pylite
