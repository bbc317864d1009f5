#pragma once
// The compiler's internals: one CompilerImpl per compilation, one Unit per
// scope being compiled (a stack: nested scopes are compiled when reached).
//
// Control-flow blocks (FBlock, CPython's fblockinfo) record what `break`,
// `continue` and `return` must undo when they leave a loop, a `try`, a
// `with` or an `except` body: pop an iterator, run a `finally` body, call
// `__exit__`, restore the handled exception. The compiler inlines that
// cleanup on each such path, so the VM needs no block stack.

#include "core/script/compiler/Code.h"
#include "core/script/compiler/SymbolTable.h"
#include "core/script/compiler/detail/CodeBuilder.h"
#include "core/script/syntax/Ast.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coroscope::pylite {

class ObjectSpace;

namespace detail {

/// Thrown inside the compiler only; Compiler::compile turns it into a
/// SyntaxError result.
struct CompileFailure {
    std::string type;
    std::string message;
    syntax::Location loc;
};

enum class FBlockKind : std::uint8_t {
    WhileLoop,       ///< nothing on the stack
    ForLoop,         ///< the iterator on the stack
    AsyncForLoop,    ///< the async iterator on the stack
    TryExcept,       ///< a try body with an active handler
    FinallyTry,      ///< a try body whose finally runs on exit
    FinallyEnd,      ///< a finally body on the exception path: [prev, exc] on the stack
    With,            ///< a with body: [exit] on the stack and a handler
    AsyncWith,       ///< an async with body
    HandlerCleanup,  ///< an except body: [prev] on the stack and a cleanup handler
    PopValue,        ///< a value saved on the stack while a finally body runs
    ExceptionHandler,///< between PUSH_EXC_INFO and a matching clause
};

struct FBlock {
    FBlockKind kind = FBlockKind::WhileLoop;
    Label continueTarget;      ///< loops: where `continue` goes
    Label exitTarget;          ///< loops: where `break` goes
    const syntax::Span<syntax::Stmt*>* finalBody = nullptr; ///< FinallyTry
    std::string_view name;     ///< HandlerCleanup: the `as` name to clear
    bool hasHandler = false;   ///< a handler was pushed for this block

    static FBlock of(FBlockKind kind, Label continueTarget = {}, Label exitTarget = {})
    {
        FBlock b;
        b.kind = kind;
        b.continueTarget = continueTarget;
        b.exitTarget = exitTarget;
        return b;
    }
};

struct Unit {
    Scope* scope = nullptr;
    std::unique_ptr<CodeBuilder> b;
    std::string qualname;
    std::unordered_map<std::string, std::uint32_t> constIndex;
    std::unordered_map<std::string_view, std::uint32_t> nameIndex;
    std::unordered_map<std::string_view, std::uint32_t> localIndex; ///< fast locals
    std::unordered_map<std::string_view, std::uint32_t> derefIndex; ///< cells and frees: absolute slot
    std::vector<FBlock> fblocks;
    bool isAsync = false;     ///< await allowed
    bool isGenerator = false;
};

class CompilerImpl {
public:
    CompilerImpl(ObjectSpace& space, TypeObject* codeType, SymbolTable& symbols, std::string_view source,
                 std::string_view filename);

    /// Throws CompileFailure.
    Ref compileModule(const syntax::Module& module);

private:
    // --- units (Compiler.cpp) ----------------------------------------------
    void enterUnit(Scope* scope, std::string qualname, std::string_view name, int firstLine, std::uint32_t flags);
    Ref leaveUnit();
    Unit& u() { return *m_units.back(); }
    CodeBuilder& b() { return *m_units.back()->b; }
    [[noreturn]] void error(std::string message, const syntax::Location& loc, std::string type = "SyntaxError");

    std::uint32_t addConst(const std::string& key, Ref value);
    std::uint32_t constNone();
    std::uint32_t constBool(bool v);
    std::uint32_t constInt(std::int64_t v);
    std::uint32_t constStr(std::string_view s);
    std::uint32_t constEllipsis();
    std::uint32_t constConstant(const syntax::ConstantExpr* c);
    std::uint32_t constKwNames(const std::vector<std::string_view>& names);
    std::uint32_t constCode(Ref code);
    /// The constant index of a literal (negative numbers folded), or -1.
    std::int64_t constantIndex(const syntax::Expr* e);
    std::uint32_t nameIdx(std::string_view name);

    void loadConst(std::uint32_t index) { b().emit(Opcode::LOAD_CONST, index); }
    void nameOp(std::string_view name, syntax::ExprContext ctx);
    /// `name` with private-name mangling of the current scope applied.
    std::string_view mangled(std::string_view name);
    std::string qualnameFor(std::string_view name);
    void makeClosure(Ref code, Scope* scope, std::uint32_t flags);

    void compileFunctionDef(const syntax::FunctionDefStmt* f);
    void compileLambda(const syntax::LambdaExpr* l);
    /// Defaults and keyword-only defaults; returns MAKE_FUNCTION flags.
    std::uint32_t compileDefaults(const syntax::Arguments* args);
    void compileClassDef(const syntax::ClassDefStmt* c);
    Ref compileFunctionBody(Scope* scope, const syntax::FunctionDefStmt* f);

    // --- statements (CompileStmt.cpp) --------------------------------------
    void compileBody(const syntax::Span<syntax::Stmt*>& body);
    void compileStmt(const syntax::Stmt* s);
    void compileAssign(const syntax::AssignStmt* s);
    void compileAugAssign(const syntax::AugAssignStmt* s);
    void compileAnnAssign(const syntax::AnnAssignStmt* s);
    void compileDelete(const syntax::Expr* target);
    void compileStore(const syntax::Expr* target);
    void compileUnpack(const syntax::SequenceExpr* seq);
    void compileIf(const syntax::IfStmt* s);
    void compileWhile(const syntax::WhileStmt* s);
    void compileFor(const syntax::ForStmt* s);
    void compileAsyncFor(const syntax::ForStmt* s);
    void compileWith(const syntax::WithStmt* s, std::uint32_t item);
    void compileTry(const syntax::TryStmt* s);
    void compileTryFinally(const syntax::TryStmt* s);
    void compileTryExcept(const syntax::TryStmt* s);
    void compileRaise(const syntax::RaiseStmt* s);
    void compileReturn(const syntax::ReturnStmt* s);
    void compileBreakContinue(const syntax::Stmt* s, bool isBreak);
    void compileAssert(const syntax::AssertStmt* s);
    void compileImport(const syntax::ImportStmt* s);
    void compileImportFrom(const syntax::ImportFromStmt* s);
    /// Emits the cleanup of one fblock for a jump out of it. With
    /// `preserveTos`, a value on top of the stack (a return value) survives.
    void unwindFBlock(const FBlock& block, bool preserveTos);
    /// Unwinds every fblock above the innermost loop (or all with null).
    /// Returns the loop block (copied), or null when `toLoop` and none.
    bool unwindFBlockStack(bool preserveTos, bool toLoop, FBlock* loopOut);
    void pushFBlock(FBlock block) { u().fblocks.push_back(block); }
    void popFBlock() { u().fblocks.pop_back(); }
    /// `with` exit call on a normal or jump exit ([exit] on the stack).
    void emitWithExit(bool isAsync, bool preserveTos);

    // --- expressions (CompileExpr.cpp) ------------------------------------
    void compileExpr(const syntax::Expr* e);
    void compileExprInner(const syntax::Expr* e);
    void compileBoolOp(const syntax::BoolOpExpr* e);
    void compileCompare(const syntax::CompareExpr* e);
    void compileCall(const syntax::CallExpr* e);
    void compileCallArgs(const syntax::CallExpr* e, std::uint32_t extraPositional);
    void compileCallEx(const syntax::CallExpr* e);
    void compileSequenceDisplay(const syntax::Span<syntax::Expr*>& elts, Opcode build, bool isTuple);
    void compileDict(const syntax::DictExpr* e);
    void compileSubscript(const syntax::SubscriptExpr* e);
    void compileSlice(const syntax::SliceExpr* e);
    void compileJoinedStr(const syntax::JoinedStrExpr* e);
    void compileFormattedValue(const syntax::FormattedValueExpr* e);
    void compileComprehension(const syntax::ComprehensionExpr* e);
    void compileComprehensionGenerator(const syntax::ComprehensionExpr* e, std::uint32_t index, int depth);
    /// The SEND / YIELD_VALUE loop of `yield from` and `await`: [recv, v] -> [result].
    void compileYieldFrom();
    /// Jumps to `target` when `e`'s truth equals `cond`.
    void compileJumpIf(const syntax::Expr* e, Label target, bool cond);
    bool isAsyncContext() const;

    ObjectSpace& m_space;
    TypeObject* m_codeType;
    SymbolTable& m_symbols;
    std::string_view m_source;
    std::string m_filename;
    std::vector<std::unique_ptr<Unit>> m_units;
};

} // namespace detail
} // namespace coroscope::pylite
