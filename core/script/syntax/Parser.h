#pragma once

#include "core/script/syntax/Arena.h"
#include "core/script/syntax/Ast.h"
#include "core/script/syntax/SyntaxError.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace coroscope::syntax {

/// The outcome of Parser::parse: a Module (on success) living in `arena`, or
/// the first error, exactly one, as CPython 3.11 would report it.
struct ParseResult {
    /// Owns every node of `module`; keep it alive as long as the AST.
    std::unique_ptr<Arena> arena;
    Module* module = nullptr;
    std::optional<SyntaxError> error;

    bool ok() const { return module != nullptr; }
};

/// Recursive-descent parser for the pylite subset of Python 3.11.
///
/// Error behaviour follows CPython: the first error wins and parsing stops
/// there (no cascades); a tokenizer error anywhere in the file beats a
/// parser error, and "'(' was never closed" beats a later parser error, as
/// in pegen's _PyPegen_set_syntax_error. Nesting is bounded: 200 brackets
/// (tokenizer), 100 indentation levels, a pegen-like parser stack budget
/// ("MemoryError" with an empty message) and CPython's compiler depth
/// ("RecursionError: maximum recursion depth exceeded during compilation"),
/// so neither the parser nor a recursive pass over its AST can overflow the
/// C++ stack.
class Parser {
public:
    struct Options {
        /// Used in error messages and SyntaxError::filename.
        std::string filename = "main.py";
        /// Also report the errors CPython raises after parsing, in its
        /// symbol-table and compiler passes ('return' outside function,
        /// 'await' outside async function, 'break' outside loop, nonlocal
        /// and global misuse...). See SyntaxCheck.h.
        bool compilerChecks = true;
    };

    /// Parses a whole file (CPython's "exec" mode). `source` is UTF-8; a BOM,
    /// "\r\n" line ends and a missing final newline are accepted.
    static ParseResult parse(std::string_view source, const Options& options);
    static ParseResult parse(std::string_view source) { return parse(source, Options{}); }
};

} // namespace coroscope::syntax
