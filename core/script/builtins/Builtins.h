#pragma once
// The `builtins` module (LANGUAGE.md "Built-ins") and the other built-in
// modules pylite can import (sys, time, builtins). Everything else raises
// ImportError "module 'X' is not available in Coroscope".

#include "core/script/value/Ref.h"

#include <string_view>

namespace coroscope::pylite {

class Vm;

/// Creates the builtins namespace dict (names in CPython's order, so that
/// NameError suggestions break ties the same way) and the `builtins` module.
Ref installBuiltins(Vm& vm);

/// A new built-in module named `name`, or null without an exception when
/// there is no such module (the caller raises ImportError).
Ref createBuiltinModule(Vm& vm, std::string_view name);

// The pieces, one translation unit each.
void addBuiltinFunctions(Vm& vm, Value dict);   ///< BuiltinFunctions.cpp
void addIterationBuiltins(Vm& vm, Value dict);  ///< BuiltinIteration.cpp: sorted, min, max, sum, any, all...
void initStreamTypes(Vm& vm);                   ///< Streams.cpp: sys.stdout/stderr and files
Ref newTextStream(Vm& vm, int stream);          ///< 1 = stdout, 2 = stderr
Ref builtinOpen(ObjectSpace& space, Value self, const struct CallArgs& args);
Ref builtinPrint(ObjectSpace& space, Value self, const struct CallArgs& args);
Ref createSysModule(Vm& vm);                    ///< Modules.cpp
Ref createTimeModule(Vm& vm);

} // namespace coroscope::pylite
