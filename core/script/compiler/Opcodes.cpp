#include "core/script/compiler/Opcodes.h"

namespace coroscope::pylite {

namespace {

constexpr std::string_view kNames[] = {
#define PYLITE_OPCODE_NAME(name, effect) #name,
    PYLITE_OPCODES(PYLITE_OPCODE_NAME)
#undef PYLITE_OPCODE_NAME
};

constexpr int kEffects[] = {
#define PYLITE_OPCODE_EFFECT(name, effect) effect,
    PYLITE_OPCODES(PYLITE_OPCODE_EFFECT)
#undef PYLITE_OPCODE_EFFECT
};

} // namespace

std::string_view opcodeName(Opcode op)
{
    const auto i = std::size_t(op);
    return i < std::size(kNames) ? kNames[i] : std::string_view("<invalid>");
}

int stackEffect(Opcode op, std::uint32_t arg)
{
    const int fixed = kEffects[std::size_t(op)];
    if (fixed != kVariable) return fixed;
    const int n = int(arg);
    switch (op) {
    case Opcode::BUILD_SLICE:
        return 1 - n;
    case Opcode::BUILD_TUPLE:
    case Opcode::BUILD_LIST:
    case Opcode::BUILD_SET:
    case Opcode::BUILD_STRING:
        return 1 - n;
    case Opcode::BUILD_MAP:
        return 1 - 2 * n;
    case Opcode::UNPACK_SEQUENCE:
        return n - 1;
    case Opcode::UNPACK_EX:
        return (n & 0xFF) + (n >> 8); // before + list + after - the sequence
    case Opcode::FORMAT_VALUE:
        return (n & 4) ? -1 : 0;
    case Opcode::CALL:
    case Opcode::CALL_KW:
        return -(n + 1);
    case Opcode::CALL_FUNCTION_EX:
        return (n & 1) ? -3 : -2;
    case Opcode::MAKE_FUNCTION: {
        int popped = 0;
        if (arg & std::uint32_t(MakeFunctionFlag::Defaults)) ++popped;
        if (arg & std::uint32_t(MakeFunctionFlag::KwDefaults)) ++popped;
        if (arg & std::uint32_t(MakeFunctionFlag::Closure)) ++popped;
        return -popped;
    }
    case Opcode::RAISE_VARARGS:
        return -n;
    default:
        return 0;
    }
}

int jumpStackEffect(Opcode op, std::uint32_t arg)
{
    switch (op) {
    case Opcode::FOR_ITER:
        return -1; // the exhausted iterator is popped
    case Opcode::SEND:
        return -1; // [recv, v] -> [result]
    case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP:
        return 0;
    default:
        return stackEffect(op, arg);
    }
}

} // namespace coroscope::pylite
