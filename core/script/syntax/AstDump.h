#pragma once

#include "core/script/syntax/Ast.h"

#include <string>

namespace coroscope::syntax {

/// Options for dumpAst(); the defaults give exactly CPython 3.11's
/// `ast.dump(ast.parse(src))` text.
struct AstDumpOptions {
    /// Also print lineno, col_offset, end_lineno and end_col_offset, as
    /// `ast.dump(..., include_attributes=True)` does.
    bool includeAttributes = false;
};

/// The AST as Python's ast.dump() would print it, e.g.
/// `Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])`.
/// Constants use Python's repr (shortest float repr, str quoting rules).
std::string dumpAst(const Module& module, const AstDumpOptions& options = {});
std::string dumpAst(const Stmt& stmt, const AstDumpOptions& options = {});
std::string dumpAst(const Expr& expr, const AstDumpOptions& options = {});

/// Python's repr() of a float (17 significant digits at most, shortest
/// round trip, exponent outside 1e-4 <= |x| < 1e16).
std::string pythonFloatRepr(double value);

/// Python's repr() of a str given as UTF-8 (lone surrogates as WTF-8).
std::string pythonStrRepr(std::string_view utf8);

/// Python's repr() of a bytes object.
std::string pythonBytesRepr(std::string_view bytes);

} // namespace coroscope::syntax
