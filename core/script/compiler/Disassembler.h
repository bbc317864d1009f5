#pragma once
// Disassembler: the text `coroscope-cli dis FILE.py` prints. One block per
// code object (the module first, then nested code in constant order):
//
//   Disassembly of <module>:
//     1       0 LOAD_CONST               0 (<code object f, line 1>)
//             1 LOAD_CONST               1 (None)
//   ...
//   Exception table:
//     4 to 9 -> 12 [depth 0]
//
// The first column is the source line, printed when it changes; then the
// word offset, the opcode name, its argument and a readable form of it.
// Output never contains addresses, so it can be compared in tests.

#include "core/script/value/Ref.h"

#include <string>

namespace coroscope::pylite {

class ObjectSpace;

/// Disassembles a CodeObject and, recursively, the code objects among its
/// constants.
std::string disassemble(ObjectSpace& space, Value codeObject);

/// Disassembles one instruction at word `offset` of a CodeObject (no line
/// column); used by tracing tools.
std::string disassembleInstruction(ObjectSpace& space, Value codeObject, std::uint32_t offset);

} // namespace coroscope::pylite
