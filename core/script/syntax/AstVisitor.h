#pragma once

#include "core/script/syntax/Ast.h"

namespace coroscope::syntax {

/// Depth-first walk over an AST in CPython's field order (the order of
/// Parser/Python.asdl). Override visitExpr / visitStmt to act on a node and
/// call the base version (or visitChildren) to descend. Recursion depth is
/// bounded by the parser's depth limit (see Parser.h).
class AstVisitor {
public:
    virtual ~AstVisitor() = default;

    virtual void visitModule(const Module& module);
    virtual void visitStmt(const Stmt& stmt) { visitChildren(stmt); }
    virtual void visitExpr(const Expr& expr) { visitChildren(expr); }
    /// Parameters: defaults and annotations (not the body).
    virtual void visitArguments(const Arguments& args);
    virtual void visitExceptHandler(const ExceptHandler& handler);
    virtual void visitComprehension(const Comprehension& gen);

    void visitStmts(Span<Stmt*> body);
    void visitExprs(Span<Expr*> exprs);
    void visitChildren(const Stmt& stmt);
    void visitChildren(const Expr& expr);
};

} // namespace coroscope::syntax
