#pragma once

// The pylite abstract syntax tree.
//
// It mirrors CPython 3.11's `ast` module node for node and field for field
// (Parser/Python.asdl), so dumpAst() prints exactly what
// `ast.dump(ast.parse(src))` prints and CPython's documentation describes
// every node. Differences: `match` statements are not part of pylite, and
// async variants are flags (FunctionDef.isAsync prints as AsyncFunctionDef).
//
// Ownership: every node, span and string lives in the Arena of the parse
// that produced it (see ParseResult) and dies with it. Nodes are plain
// structs; a compiler switches on `kind` and casts with as<T>().
//
// Positions (Location) are CPython's: 1-based lines, 0-based columns in
// UTF-8 bytes of the line (ast col_offset), end exclusive.
//
// Strings: identifiers and str constants are UTF-8. A str constant may hold
// lone surrogates ("\ud800") encoded as 3-byte sequences (WTF-8) and NULs.

#include "core/script/syntax/Arena.h"

#include <cassert>
#include <cstdint>
#include <string_view>

namespace coroscope::syntax {

struct Location {
    std::int32_t line = 0;
    std::int32_t col = 0;
    std::int32_t endLine = 0;
    std::int32_t endCol = 0;
};

/// Load, Store or Del: how an expression is used (ast.expr_context).
enum class ExprContext : std::uint8_t { Load, Store, Del };
enum class BoolOpKind : std::uint8_t { And, Or };
enum class BinOpKind : std::uint8_t {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : std::uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// ---------------------------------------------------------------- expressions

enum class ExprKind : std::uint8_t {
    BoolOp,         ///< BoolOpExpr: `a and b and c` (values has >= 2 items)
    NamedExpr,      ///< NamedExpr: `target := value` (target is a Store Name)
    BinOp,          ///< BinOpExpr: `left op right`
    UnaryOp,        ///< UnaryOpExpr: `not x`, `-x`, `+x`, `~x`
    Lambda,         ///< LambdaExpr: `lambda args: body`
    IfExp,          ///< IfExpr: `body if test else orelse`
    Dict,           ///< DictExpr: `{k: v, **m}`; a null key means `**value`
    Set,            ///< SetExpr: `{a, *b}` (never empty)
    ListComp,       ///< ComprehensionExpr: `[elt for ...]`
    SetComp,        ///< ComprehensionExpr: `{elt for ...}`
    DictComp,       ///< ComprehensionExpr: `{key: value for ...}` (elt = key)
    GeneratorExp,   ///< ComprehensionExpr: `(elt for ...)`, also a bare call argument
    Await,          ///< UnaryValueExpr: `await value`
    Yield,          ///< UnaryValueExpr: `yield` / `yield value` (value may be null)
    YieldFrom,      ///< UnaryValueExpr: `yield from value`
    Compare,        ///< CompareExpr: `left op0 c0 op1 c1 ...` (chains)
    Call,           ///< CallExpr: `func(args, keywords)`
    FormattedValue, ///< FormattedValueExpr: one `{value!conv:spec}` of an f-string
    JoinedStr,      ///< JoinedStrExpr: an f-string (Constant str and FormattedValue parts)
    Constant,       ///< ConstantExpr: None True False ... int float complex str bytes
    Attribute,      ///< AttributeExpr: `value.attr`
    Subscript,      ///< SubscriptExpr: `value[slice]` (slice may be a Slice or Tuple)
    Starred,        ///< StarredExpr: `*value` in displays, calls and targets
    Name,           ///< NameExpr: an identifier
    List,           ///< SequenceExpr: `[a, b]`
    Tuple,          ///< SequenceExpr: `a, b` or `(a, b)`
    Slice,          ///< SliceExpr: `lower:upper:step` inside a subscript (parts may be null)
};

struct Expr {
    ExprKind kind;
    /// Written inside its own parentheses: `(a)`, `(a, b)`. Not part of
    /// CPython's AST, but the parser needs it (`(x): int` is not simple).
    bool parenthesized = false;
    /// Height of this expression tree in nodes (1 for a leaf). The parser
    /// refuses trees deeper than CPython's compiler accepts, so recursive
    /// passes over an accepted tree stay within ~3000 frames.
    std::uint32_t depth = 1;
    Location loc;

    template <class T>
    T* as()
    {
        assert(T::matches(kind) && "Expr::as<T>() on a node of another kind");
        return static_cast<T*>(this);
    }
    template <class T>
    const T* as() const
    {
        assert(T::matches(kind) && "Expr::as<T>() on a node of another kind");
        return static_cast<const T*>(this);
    }
};

#define COROSCOPE_AST_KIND(Base, K)                                                                \
    static constexpr bool matches(Base##Kind k) { return k == Base##Kind::K; }

struct Arguments;
struct Keyword;
struct Comprehension;

struct BoolOpExpr : Expr {
    COROSCOPE_AST_KIND(Expr, BoolOp)
    BoolOpKind op;
    Span<Expr*> values;
};

struct NamedExpr : Expr {
    COROSCOPE_AST_KIND(Expr, NamedExpr)
    Expr* target;
    Expr* value;
};

struct BinOpExpr : Expr {
    COROSCOPE_AST_KIND(Expr, BinOp)
    Expr* left;
    BinOpKind op;
    Expr* right;
};

struct UnaryOpExpr : Expr {
    COROSCOPE_AST_KIND(Expr, UnaryOp)
    UnaryOpKind op;
    Expr* operand;
};

struct LambdaExpr : Expr {
    COROSCOPE_AST_KIND(Expr, Lambda)
    Arguments* args;  ///< never null (empty Arguments for `lambda: x`)
    Expr* body;
};

struct IfExpr : Expr {
    COROSCOPE_AST_KIND(Expr, IfExp)
    Expr* test;
    Expr* body;
    Expr* orelse;
};

struct DictExpr : Expr {
    COROSCOPE_AST_KIND(Expr, Dict)
    Span<Expr*> keys;    ///< same length as values; null entry = `**values[i]`
    Span<Expr*> values;
};

struct SetExpr : Expr {
    COROSCOPE_AST_KIND(Expr, Set)
    Span<Expr*> elts;
};

/// ListComp, SetComp, DictComp and GeneratorExp. Each runs in its own scope;
/// the first generator's iter is evaluated in the enclosing scope.
struct ComprehensionExpr : Expr {
    static constexpr bool matches(ExprKind k)
    {
        return k == ExprKind::ListComp || k == ExprKind::SetComp || k == ExprKind::DictComp ||
               k == ExprKind::GeneratorExp;
    }
    Expr* elt;                         ///< element, or the key of a DictComp
    Expr* value;                       ///< DictComp value; null otherwise
    Span<Comprehension*> generators;   ///< at least one
};

/// Await, Yield and YieldFrom.
struct UnaryValueExpr : Expr {
    static constexpr bool matches(ExprKind k)
    {
        return k == ExprKind::Await || k == ExprKind::Yield || k == ExprKind::YieldFrom;
    }
    Expr* value;  ///< null only for a bare `yield`
};

struct CompareExpr : Expr {
    COROSCOPE_AST_KIND(Expr, Compare)
    Expr* left;
    Span<CmpOpKind> ops;        ///< ops.size == comparators.size >= 1
    Span<Expr*> comparators;
};

struct CallExpr : Expr {
    COROSCOPE_AST_KIND(Expr, Call)
    Expr* func;
    Span<Expr*> args;           ///< positional; Starred entries are `*iterable`
    Span<Keyword*> keywords;    ///< `name=value` and `**mapping` (arg empty)
};

struct FormattedValueExpr : Expr {
    COROSCOPE_AST_KIND(Expr, FormattedValue)
    Expr* value;
    /// -1 none, 's' str(), 'r' repr(), 'a' ascii(); `{x=}` without a
    /// conversion or spec gets 'r' as in CPython.
    int conversion;
    Expr* formatSpec;  ///< a JoinedStr, or null
};

struct JoinedStrExpr : Expr {
    COROSCOPE_AST_KIND(Expr, JoinedStr)
    Span<Expr*> values;  ///< Constant (str) and FormattedValue nodes in order
};

enum class ConstantKind : std::uint8_t {
    None,
    True,
    False,
    Ellipsis,
    Int,        ///< intValue
    BigInt,     ///< text = decimal digits of a literal beyond int64 (no sign)
    Float,      ///< floatValue
    Imaginary,  ///< floatValue is the imaginary part of `<float>j`
    Str,        ///< text (UTF-8, see header comment)
    Bytes,      ///< text holds the raw bytes
};

struct ConstantExpr : Expr {
    COROSCOPE_AST_KIND(Expr, Constant)
    ConstantKind value;
    bool uPrefix = false;  ///< str literal spelled u"..." (ast kind='u')
    std::int64_t intValue = 0;
    double floatValue = 0.0;
    std::string_view text;
};

struct AttributeExpr : Expr {
    COROSCOPE_AST_KIND(Expr, Attribute)
    Expr* value;
    std::string_view attr;
    ExprContext ctx;
};

struct SubscriptExpr : Expr {
    COROSCOPE_AST_KIND(Expr, Subscript)
    Expr* value;
    Expr* slice;
    ExprContext ctx;
};

struct StarredExpr : Expr {
    COROSCOPE_AST_KIND(Expr, Starred)
    Expr* value;
    ExprContext ctx;
};

struct NameExpr : Expr {
    COROSCOPE_AST_KIND(Expr, Name)
    std::string_view id;
    ExprContext ctx;
};

/// List and Tuple displays; as targets (ctx Store/Del) they unpack.
struct SequenceExpr : Expr {
    static constexpr bool matches(ExprKind k) { return k == ExprKind::List || k == ExprKind::Tuple; }
    Span<Expr*> elts;
    ExprContext ctx;
};

struct SliceExpr : Expr {
    COROSCOPE_AST_KIND(Expr, Slice)
    Expr* lower;  ///< each may be null
    Expr* upper;
    Expr* step;
};

// ------------------------------------------------------------- helper nodes

/// One parameter (ast.arg).
struct Arg {
    std::string_view name;
    Expr* annotation;  ///< null when absent
    Location loc;
};

/// A parameter list (ast.arguments). Order of evaluation of defaults is
/// `defaults` then `kwDefaults`, left to right.
struct Arguments {
    Span<Arg*> posOnlyArgs;   ///< before `/`
    Span<Arg*> args;          ///< positional-or-keyword
    Arg* vararg;              ///< `*args`, or null
    Span<Arg*> kwOnlyArgs;    ///< after `*` or `*args`
    Span<Expr*> kwDefaults;   ///< one per kwOnlyArgs entry; null = required
    Arg* kwarg;               ///< `**kwargs`, or null
    Span<Expr*> defaults;     ///< defaults of the LAST defaults.size of posOnlyArgs+args
};

/// `name=value` in a call or class header; name empty for `**value`.
struct Keyword {
    std::string_view arg;
    Expr* value;
    Location loc;
};

/// `for target in iter if cond...` (ast.comprehension).
struct Comprehension {
    Expr* target;  ///< Store context
    Expr* iter;
    Span<Expr*> ifs;
    bool isAsync;
};

/// `import name as asname` / `from m import name as asname` (ast.alias).
struct Alias {
    std::string_view name;    ///< dotted for `import a.b`; "*" for a star import
    std::string_view asname;  ///< empty when absent
    Location loc;
};

/// `with contextExpr as optionalVars` (ast.withitem).
struct WithItem {
    Expr* contextExpr;
    Expr* optionalVars;  ///< Store-context target, or null
};

struct Stmt;

/// `except type as name: body` (ast.ExceptHandler).
struct ExceptHandler {
    Expr* type;             ///< null for a bare `except:`
    std::string_view name;  ///< empty when there is no `as`
    Span<Stmt*> body;
    Location loc;
};

// ----------------------------------------------------------------- statements

enum class StmtKind : std::uint8_t {
    FunctionDef,  ///< FunctionDefStmt (def / async def)
    ClassDef,     ///< ClassDefStmt
    Return,       ///< ReturnStmt (value may be null)
    Delete,       ///< DeleteStmt: `del a, b[0], c.d` (targets in Del context)
    Assign,       ///< AssignStmt: `t1 = t2 = value`
    AugAssign,    ///< AugAssignStmt: `target op= value`
    AnnAssign,    ///< AnnAssignStmt: `target: annotation [= value]`
    For,          ///< ForStmt (for / async for, with else)
    While,        ///< WhileStmt (with else)
    If,           ///< IfStmt; `elif` is a nested If alone in orelse
    With,         ///< WithStmt (with / async with)
    Raise,        ///< RaiseStmt: `raise`, `raise exc`, `raise exc from cause`
    Try,          ///< TryStmt (try / except / except* / else / finally)
    Assert,       ///< AssertStmt
    Import,       ///< ImportStmt: `import a.b as c, d`
    ImportFrom,   ///< ImportFromStmt: `from ..m import x as y` / `import *`
    Global,       ///< NamesStmt
    Nonlocal,     ///< NamesStmt
    Expr,         ///< ExprStmt: an expression evaluated for effect
    Pass,         ///< Stmt with no fields
    Break,        ///< Stmt with no fields
    Continue,     ///< Stmt with no fields
};

struct Stmt {
    StmtKind kind;
    Location loc;

    template <class T>
    T* as()
    {
        assert(T::matches(kind) && "Stmt::as<T>() on a node of another kind");
        return static_cast<T*>(this);
    }
    template <class T>
    const T* as() const
    {
        assert(T::matches(kind) && "Stmt::as<T>() on a node of another kind");
        return static_cast<const T*>(this);
    }
};

struct FunctionDefStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, FunctionDef)
    bool isAsync;
    std::string_view name;
    Arguments* args;
    Span<Stmt*> body;
    Span<Expr*> decorators;  ///< applied last to first
    Expr* returns;           ///< `-> annotation`, or null
};

struct ClassDefStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, ClassDef)
    std::string_view name;
    Span<Expr*> bases;
    Span<Keyword*> keywords;  ///< e.g. metaclass=M
    Span<Stmt*> body;
    Span<Expr*> decorators;
};

struct ReturnStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, Return)
    Expr* value;  ///< null for a bare `return`
};

struct DeleteStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, Delete)
    Span<Expr*> targets;
};

struct AssignStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, Assign)
    Span<Expr*> targets;  ///< assigned left to right, value evaluated once
    Expr* value;
};

struct AugAssignStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, AugAssign)
    Expr* target;  ///< Name, Attribute or Subscript in Store context
    BinOpKind op;
    Expr* value;
};

struct AnnAssignStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, AnnAssign)
    Expr* target;
    Expr* annotation;
    Expr* value;  ///< null for a bare annotation
    bool simple;  ///< target is a plain name not in parentheses
};

struct ForStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, For)
    bool isAsync;
    Expr* target;
    Expr* iter;
    Span<Stmt*> body;
    Span<Stmt*> orelse;
};

struct WhileStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, While)
    Expr* test;
    Span<Stmt*> body;
    Span<Stmt*> orelse;
};

struct IfStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, If)
    Expr* test;
    Span<Stmt*> body;
    Span<Stmt*> orelse;
};

struct WithStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, With)
    bool isAsync;
    Span<WithItem*> items;  ///< entered left to right, exited in reverse
    Span<Stmt*> body;
};

struct RaiseStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, Raise)
    Expr* exc;    ///< null for a bare re-raise
    Expr* cause;  ///< `from cause`, or null
};

struct TryStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, Try)
    bool isStar;  ///< `except*` handlers (prints as TryStar)
    Span<Stmt*> body;
    Span<ExceptHandler*> handlers;
    Span<Stmt*> orelse;
    Span<Stmt*> finalbody;
};

struct AssertStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, Assert)
    Expr* test;
    Expr* msg;  ///< may be null
};

struct ImportStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, Import)
    Span<Alias*> names;
};

struct ImportFromStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, ImportFrom)
    std::string_view module;  ///< dotted; empty for `from . import x`
    Span<Alias*> names;
    int level;                ///< number of leading dots
};

/// `global a, b` and `nonlocal a, b`.
struct NamesStmt : Stmt {
    static constexpr bool matches(StmtKind k) { return k == StmtKind::Global || k == StmtKind::Nonlocal; }
    Span<std::string_view> names;
};

struct ExprStmt : Stmt {
    COROSCOPE_AST_KIND(Stmt, Expr)
    syntax::Expr* value;
};

/// A whole file (ast.Module).
struct Module {
    Span<Stmt*> body;
};

#undef COROSCOPE_AST_KIND

} // namespace coroscope::syntax
