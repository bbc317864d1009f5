#pragma once

#include "core/script/syntax/Ast.h"
#include "core/script/syntax/SyntaxError.h"

#include <optional>
#include <string>
#include <string_view>

namespace coroscope::syntax {

/// The SyntaxErrors CPython 3.11 raises after parsing, in its order:
///
/// 1. symbol table (Python/symtable.c), in source order: 'yield' outside
///    function, 'yield' inside a comprehension, duplicate argument, a name
///    that is a parameter / used / assigned / annotated before its
///    `global` or `nonlocal` declaration; then, after the walk, `nonlocal`
///    at module level and "no binding for nonlocal 'x' found".
/// 2. compiler (Python/compile.c), in source order: 'return' outside
///    function, 'return' with value in async generator, 'break' outside
///    loop, 'continue' not properly in loop, 'await' outside (async)
///    function, 'async for' / 'async with' outside async function,
///    asynchronous comprehension outside of an asynchronous function,
///    'yield from' inside async function, starred assignment target must be
///    in a list or tuple, multiple starred expressions in assignment, can't
///    use starred expression here, default 'except:' must be last.
///
/// Like CPython, these report the node's position with byte-based columns
/// (offset = col_offset + 1); `text` is the source line.
std::optional<SyntaxError> checkModule(const Module& module, std::string_view source, const std::string& filename);

} // namespace coroscope::syntax
