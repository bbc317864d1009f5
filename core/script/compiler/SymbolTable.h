#pragma once
// SymbolTable: the compiler's first pass (CPython's symtable.c). It walks a
// module's AST once, builds one Scope per module, function, lambda, class
// body and comprehension (each comprehension is its own function scope, as
// in 3.11), then resolves every name of every scope to where it lives:
// a fast local, a cell (a local captured by an inner scope), a free variable
// (a cell of an enclosing function), an explicit global (`global x`) or an
// implicit global (globals, then builtins).
//
// It also reports the errors CPython raises from its symbol table and
// compiler checks: 'return' / 'yield' / 'await' outside function, nonlocal
// and global misuse, duplicate parameters, 'yield' inside a comprehension,
// async constructs outside async functions.

#include "core/script/syntax/Ast.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coroscope::pylite {

enum class ScopeKind : std::uint8_t { Module, Function, Class, Comprehension };

/// Where a name lives (resolved).
enum class NameScope : std::uint8_t {
    Local,          ///< fast local of a function (or locals dict of a class/module body)
    Cell,           ///< local captured by an inner scope
    Free,           ///< variable of an enclosing function, reached through a cell
    GlobalExplicit, ///< declared `global`
    GlobalImplicit, ///< not bound anywhere visible: globals, then builtins
};

/// Bits of Symbol::flags (how the scope uses the name).
enum class SymbolFlag : std::uint32_t {
    Assigned = 1,     ///< bound here (assignment, def, class, import, for, with, except ... as)
    Param = 2,        ///< parameter
    Global = 4,       ///< `global` statement
    Nonlocal = 8,     ///< `nonlocal` statement
    Used = 16,        ///< read
    FreeClass = 32,   ///< class scope passing a free variable through to a method
    CompIter = 64,    ///< comprehension iteration variable
    WalrusTarget = 128, ///< bound by `:=` from inside a comprehension
};

struct Symbol {
    std::uint32_t flags = 0;
    NameScope scope = NameScope::GlobalImplicit;
    bool has(SymbolFlag f) const { return (flags & std::uint32_t(f)) != 0; }
};

struct Scope {
    ScopeKind kind = ScopeKind::Module;
    std::string_view name;                ///< function/class name, "<lambda>", "<listcomp>"...
    const void* node = nullptr;           ///< the AST node that opened the scope
    syntax::Location loc;                 ///< where it starts
    Scope* parent = nullptr;
    std::vector<Scope*> children;         ///< in source order
    std::unordered_map<std::string_view, Symbol> symbols;
    std::vector<std::string_view> order;  ///< names in order of first appearance
    std::vector<std::string_view> params; ///< parameters in signature order

    bool isAsync = false;       ///< `async def` or async comprehension
    bool isGenerator = false;   ///< contains yield / yield from
    bool isLambda = false;
    bool usesClassCell = false; ///< class body whose methods use super() / __class__
    bool isNested = false;      ///< inside a function scope
    /// Name of the innermost enclosing class (the class itself for a class
    /// body): `__x` names in this scope are mangled to `_Class__x`.
    std::string_view privateName;

    /// The symbol of `name`, or null.
    const Symbol* lookup(std::string_view name) const
    {
        auto it = symbols.find(name);
        return it == symbols.end() ? nullptr : &it->second;
    }
    bool isFunctionLike() const { return kind == ScopeKind::Function || kind == ScopeKind::Comprehension; }
};

/// Error found by the symbol table, with the node position CPython reports.
struct SymbolError {
    std::string message;
    syntax::Location loc;
};

class SymbolTable {
public:
    /// Builds and analyses the scopes of `module`. On error, `error()` is
    /// set and the table must not be used for code generation.
    explicit SymbolTable(const syntax::Module& module);
    ~SymbolTable();
    SymbolTable(const SymbolTable&) = delete;
    SymbolTable& operator=(const SymbolTable&) = delete;

    const std::optional<SymbolError>& error() const { return m_error; }
    Scope* moduleScope() const { return m_module; }
    /// The scope opened by an AST node (FunctionDefStmt, LambdaExpr,
    /// ClassDefStmt, ComprehensionExpr); null if none.
    Scope* scopeOf(const void* node) const;

    /// CPython's _Py_Mangle: `__x` inside class `C` becomes `_C__x`
    /// (dunder names and dotted names are left alone). The result stays
    /// valid as long as the table.
    std::string_view mangle(std::string_view privateName, std::string_view name);

private:
    friend class SymbolVisitor;
    Scope* newScope(ScopeKind kind, std::string_view name, const void* node, syntax::Location loc, Scope* parent);
    void analyze();

    std::vector<std::unique_ptr<Scope>> m_scopes;
    std::vector<std::unique_ptr<std::string>> m_strings; ///< mangled names
    std::unordered_map<const void*, Scope*> m_byNode;
    Scope* m_module = nullptr;
    std::optional<SymbolError> m_error;
};

} // namespace coroscope::pylite
