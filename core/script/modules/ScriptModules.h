#pragma once
// The script modules of issue 4 (greenlet, ...): built on the core runtime
// and bound into a Vm when a program imports them.

#include "core/script/value/Ref.h"

#include <string_view>

namespace coroscope::pylite {

class Vm;

/// Creates the script module `name` for `vm`, or returns null: with an
/// exception pending when creating it failed, without one when `name` is not
/// a script module. Called by the VM's built-in module table.
Ref createScriptModule(Vm& vm, std::string_view name);

/// The greenlet module (modules/greenlet/GreenletModule.cpp).
Ref createGreenletModule(Vm& vm);
/// The asyncio module (modules/asyncio/AsyncioModule.cpp).
Ref createAsyncioModule(Vm& vm);
/// The types module (modules/types/TypesModule.cpp).
Ref createTypesModule(Vm& vm);
/// concurrent, concurrent.futures and threading, which share asyncio's state.
Ref createAsyncioCompanionModule(Vm& vm, std::string_view name);

} // namespace coroscope::pylite
