#include "core/script/syntax/AstVisitor.h"

namespace coroscope::syntax {

void AstVisitor::visitModule(const Module& module) { visitStmts(module.body); }

void AstVisitor::visitStmts(Span<Stmt*> body)
{
    for (const Stmt* s : body)
        visitStmt(*s);
}

void AstVisitor::visitExprs(Span<Expr*> exprs)
{
    for (const Expr* e : exprs)
        if (e != nullptr)
            visitExpr(*e);
}

void AstVisitor::visitArguments(const Arguments& args)
{
    auto annotations = [&](Span<Arg*> as) {
        for (const Arg* a : as)
            if (a->annotation)
                visitExpr(*a->annotation);
    };
    annotations(args.posOnlyArgs);
    annotations(args.args);
    if (args.vararg && args.vararg->annotation)
        visitExpr(*args.vararg->annotation);
    annotations(args.kwOnlyArgs);
    visitExprs(args.kwDefaults);
    if (args.kwarg && args.kwarg->annotation)
        visitExpr(*args.kwarg->annotation);
    visitExprs(args.defaults);
}

void AstVisitor::visitExceptHandler(const ExceptHandler& handler)
{
    if (handler.type)
        visitExpr(*handler.type);
    visitStmts(handler.body);
}

void AstVisitor::visitComprehension(const Comprehension& gen)
{
    visitExpr(*gen.target);
    visitExpr(*gen.iter);
    visitExprs(gen.ifs);
}

void AstVisitor::visitChildren(const Stmt& s)
{
    switch (s.kind) {
    case StmtKind::FunctionDef: {
        const auto* n = s.as<FunctionDefStmt>();
        visitArguments(*n->args);
        visitStmts(n->body);
        visitExprs(n->decorators);
        if (n->returns)
            visitExpr(*n->returns);
        break;
    }
    case StmtKind::ClassDef: {
        const auto* n = s.as<ClassDefStmt>();
        visitExprs(n->bases);
        for (const Keyword* k : n->keywords)
            visitExpr(*k->value);
        visitStmts(n->body);
        visitExprs(n->decorators);
        break;
    }
    case StmtKind::Return:
        if (s.as<ReturnStmt>()->value)
            visitExpr(*s.as<ReturnStmt>()->value);
        break;
    case StmtKind::Delete: visitExprs(s.as<DeleteStmt>()->targets); break;
    case StmtKind::Assign:
        visitExprs(s.as<AssignStmt>()->targets);
        visitExpr(*s.as<AssignStmt>()->value);
        break;
    case StmtKind::AugAssign:
        visitExpr(*s.as<AugAssignStmt>()->target);
        visitExpr(*s.as<AugAssignStmt>()->value);
        break;
    case StmtKind::AnnAssign: {
        const auto* n = s.as<AnnAssignStmt>();
        visitExpr(*n->target);
        visitExpr(*n->annotation);
        if (n->value)
            visitExpr(*n->value);
        break;
    }
    case StmtKind::For: {
        const auto* n = s.as<ForStmt>();
        visitExpr(*n->target);
        visitExpr(*n->iter);
        visitStmts(n->body);
        visitStmts(n->orelse);
        break;
    }
    case StmtKind::While:
        visitExpr(*s.as<WhileStmt>()->test);
        visitStmts(s.as<WhileStmt>()->body);
        visitStmts(s.as<WhileStmt>()->orelse);
        break;
    case StmtKind::If:
        visitExpr(*s.as<IfStmt>()->test);
        visitStmts(s.as<IfStmt>()->body);
        visitStmts(s.as<IfStmt>()->orelse);
        break;
    case StmtKind::With: {
        const auto* n = s.as<WithStmt>();
        for (const WithItem* w : n->items) {
            visitExpr(*w->contextExpr);
            if (w->optionalVars)
                visitExpr(*w->optionalVars);
        }
        visitStmts(n->body);
        break;
    }
    case StmtKind::Raise:
        if (s.as<RaiseStmt>()->exc)
            visitExpr(*s.as<RaiseStmt>()->exc);
        if (s.as<RaiseStmt>()->cause)
            visitExpr(*s.as<RaiseStmt>()->cause);
        break;
    case StmtKind::Try: {
        const auto* n = s.as<TryStmt>();
        visitStmts(n->body);
        for (const ExceptHandler* h : n->handlers)
            visitExceptHandler(*h);
        visitStmts(n->orelse);
        visitStmts(n->finalbody);
        break;
    }
    case StmtKind::Assert:
        visitExpr(*s.as<AssertStmt>()->test);
        if (s.as<AssertStmt>()->msg)
            visitExpr(*s.as<AssertStmt>()->msg);
        break;
    case StmtKind::Expr: visitExpr(*s.as<ExprStmt>()->value); break;
    case StmtKind::Import:
    case StmtKind::ImportFrom:
    case StmtKind::Global:
    case StmtKind::Nonlocal:
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue: break;
    }
}

void AstVisitor::visitChildren(const Expr& e)
{
    switch (e.kind) {
    case ExprKind::BoolOp: visitExprs(e.as<BoolOpExpr>()->values); break;
    case ExprKind::NamedExpr:
        visitExpr(*e.as<NamedExpr>()->target);
        visitExpr(*e.as<NamedExpr>()->value);
        break;
    case ExprKind::BinOp:
        visitExpr(*e.as<BinOpExpr>()->left);
        visitExpr(*e.as<BinOpExpr>()->right);
        break;
    case ExprKind::UnaryOp: visitExpr(*e.as<UnaryOpExpr>()->operand); break;
    case ExprKind::Lambda:
        visitArguments(*e.as<LambdaExpr>()->args);
        visitExpr(*e.as<LambdaExpr>()->body);
        break;
    case ExprKind::IfExp:
        visitExpr(*e.as<IfExpr>()->test);
        visitExpr(*e.as<IfExpr>()->body);
        visitExpr(*e.as<IfExpr>()->orelse);
        break;
    case ExprKind::Dict:
        visitExprs(e.as<DictExpr>()->keys);
        visitExprs(e.as<DictExpr>()->values);
        break;
    case ExprKind::Set: visitExprs(e.as<SetExpr>()->elts); break;
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp: {
        const auto* n = e.as<ComprehensionExpr>();
        visitExpr(*n->elt);
        if (n->value)
            visitExpr(*n->value);
        for (const Comprehension* g : n->generators)
            visitComprehension(*g);
        break;
    }
    case ExprKind::Await:
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
        if (e.as<UnaryValueExpr>()->value)
            visitExpr(*e.as<UnaryValueExpr>()->value);
        break;
    case ExprKind::Compare:
        visitExpr(*e.as<CompareExpr>()->left);
        visitExprs(e.as<CompareExpr>()->comparators);
        break;
    case ExprKind::Call: {
        const auto* n = e.as<CallExpr>();
        visitExpr(*n->func);
        visitExprs(n->args);
        for (const Keyword* k : n->keywords)
            visitExpr(*k->value);
        break;
    }
    case ExprKind::FormattedValue:
        visitExpr(*e.as<FormattedValueExpr>()->value);
        if (e.as<FormattedValueExpr>()->formatSpec)
            visitExpr(*e.as<FormattedValueExpr>()->formatSpec);
        break;
    case ExprKind::JoinedStr: visitExprs(e.as<JoinedStrExpr>()->values); break;
    case ExprKind::Attribute: visitExpr(*e.as<AttributeExpr>()->value); break;
    case ExprKind::Subscript:
        visitExpr(*e.as<SubscriptExpr>()->value);
        visitExpr(*e.as<SubscriptExpr>()->slice);
        break;
    case ExprKind::Starred: visitExpr(*e.as<StarredExpr>()->value); break;
    case ExprKind::List:
    case ExprKind::Tuple: visitExprs(e.as<SequenceExpr>()->elts); break;
    case ExprKind::Slice: {
        const auto* n = e.as<SliceExpr>();
        if (n->lower)
            visitExpr(*n->lower);
        if (n->upper)
            visitExpr(*n->upper);
        if (n->step)
            visitExpr(*n->step);
        break;
    }
    case ExprKind::Constant:
    case ExprKind::Name: break;
    }
}

} // namespace coroscope::syntax
