#pragma once
// Set-up functions shared by the VM's translation units: type creation and
// the constructors of VM objects.

#include "core/script/value/Ref.h"

namespace coroscope::pylite {

class Vm;
struct Code;

/// Creates every VM type (code, function, cell, generators, traceback...).
void initVmTypes(Vm& vm);
/// Releases what the VM types hold in the heap; before the space dies.
void releaseVmTypes(Vm& vm);

// Function.cpp
void initFunctionTypes(Vm& vm);
/// A function for `code` (a CodeObject) with `globals` (a dict); `qualname`
/// null: the code's qualified name.
Ref newFunctionObject(Vm& vm, Value code, Value globals, Value qualname);
Ref newCell(Vm& vm, Value contents);

// Generator.cpp
void initGeneratorTypes(Vm& vm);

// Traceback.cpp
void initTracebackType(Vm& vm);
/// Prepends a traceback entry (code, line, lasti) to the chain `next`.
Ref newTraceback(Vm& vm, Value next, Value code, int line, int lasti);

} // namespace coroscope::pylite
