#pragma once
// Compiler: AST -> bytecode. Runs the symbol table pass, then generates one
// Code per scope (module, function, lambda, class body, comprehension).
// Nested scopes become code constants of their parent.
//
// Errors are reported as CPython 3.11 reports them: a syntax::SyntaxError
// with the message, line and column of the offending node ('return'
// outside function, 'break' outside loop, nonlocal misuse...).

#include "core/script/syntax/Ast.h"
#include "core/script/syntax/SyntaxError.h"
#include "core/script/value/Ref.h"

#include <optional>
#include <string>
#include <string_view>

namespace coroscope::pylite {

class ObjectSpace;
struct TypeObject;

struct CompileResult {
    Ref code; ///< CodeObject of the module, or null on error
    std::optional<syntax::SyntaxError> error;
    bool ok() const { return static_cast<bool>(code); }
};

class Compiler {
public:
    /// Compiles a parsed module. `source` is the text `module` was parsed
    /// from (for error columns and lines); `codeType` is the VM's `code` type.
    static CompileResult compile(ObjectSpace& space, TypeObject* codeType, const syntax::Module& module,
                                 std::string_view source, std::string_view filename = "main.py");

    /// Parses and compiles in one step.
    static CompileResult compileSource(ObjectSpace& space, TypeObject* codeType, std::string_view source,
                                       std::string_view filename = "main.py");
};

/// A SyntaxError for `message` at the node location `loc` of `source`,
/// with CPython's 1-based code-point offsets and the source line as text.
syntax::SyntaxError makeSyntaxError(std::string_view source, std::string_view filename, std::string type,
                                    std::string message, const syntax::Location& loc);

} // namespace coroscope::pylite
