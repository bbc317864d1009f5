// Statements: assignments, control flow, try/except/finally, with, import.
// Exception handling follows CPython 3.11's layout (see Code.h): handler
// code starts with the exception pushed; PUSH_EXC_INFO saves the previously
// handled exception below it; a "cleanup" handler restores it on any exit
// by exception (SWAP 2; POP_EXCEPT; RERAISE).

#include "core/script/compiler/detail/CompilerImpl.h"
#include "core/script/value/TypeObject.h"

#include <unordered_set>

namespace coroscope::pylite::detail {

using namespace syntax;

namespace {

std::uint32_t numOpOf(BinOpKind op)
{
    switch (op) {
    case BinOpKind::Add: return std::uint32_t(NumOp::Add);
    case BinOpKind::Sub: return std::uint32_t(NumOp::Sub);
    case BinOpKind::Mult: return std::uint32_t(NumOp::Mul);
    case BinOpKind::MatMult: return std::uint32_t(NumOp::MatMul);
    case BinOpKind::Div: return std::uint32_t(NumOp::TrueDiv);
    case BinOpKind::Mod: return std::uint32_t(NumOp::Mod);
    case BinOpKind::Pow: return std::uint32_t(NumOp::Pow);
    case BinOpKind::LShift: return std::uint32_t(NumOp::LShift);
    case BinOpKind::RShift: return std::uint32_t(NumOp::RShift);
    case BinOpKind::BitOr: return std::uint32_t(NumOp::Or);
    case BinOpKind::BitXor: return std::uint32_t(NumOp::Xor);
    case BinOpKind::BitAnd: return std::uint32_t(NumOp::And);
    case BinOpKind::FloorDiv: return std::uint32_t(NumOp::FloorDiv);
    }
    return 0;
}

bool isLoop(FBlockKind k)
{
    return k == FBlockKind::WhileLoop || k == FBlockKind::ForLoop || k == FBlockKind::AsyncForLoop;
}

} // namespace

std::uint32_t binaryOpArg(BinOpKind op) { return numOpOf(op); }

void CompilerImpl::compileBody(const Span<Stmt*>& body)
{
    for (Stmt* s : body) compileStmt(s);
}

void CompilerImpl::compileStmt(const Stmt* s)
{
    b().setLine(s->loc.line);
    switch (s->kind) {
    case StmtKind::FunctionDef:
        compileFunctionDef(s->as<FunctionDefStmt>());
        break;
    case StmtKind::ClassDef:
        compileClassDef(s->as<ClassDefStmt>());
        break;
    case StmtKind::Return:
        compileReturn(s->as<ReturnStmt>());
        break;
    case StmtKind::Delete:
        for (Expr* t : s->as<DeleteStmt>()->targets) compileDelete(t);
        break;
    case StmtKind::Assign:
        compileAssign(s->as<AssignStmt>());
        break;
    case StmtKind::AugAssign:
        compileAugAssign(s->as<AugAssignStmt>());
        break;
    case StmtKind::AnnAssign:
        compileAnnAssign(s->as<AnnAssignStmt>());
        break;
    case StmtKind::For:
        if (s->as<ForStmt>()->isAsync)
            compileAsyncFor(s->as<ForStmt>());
        else
            compileFor(s->as<ForStmt>());
        break;
    case StmtKind::While:
        compileWhile(s->as<WhileStmt>());
        break;
    case StmtKind::If:
        compileIf(s->as<IfStmt>());
        break;
    case StmtKind::With:
        compileWith(s->as<WithStmt>(), 0);
        break;
    case StmtKind::Raise:
        compileRaise(s->as<RaiseStmt>());
        break;
    case StmtKind::Try:
        compileTry(s->as<TryStmt>());
        break;
    case StmtKind::Assert:
        compileAssert(s->as<AssertStmt>());
        break;
    case StmtKind::Import:
        compileImport(s->as<ImportStmt>());
        break;
    case StmtKind::ImportFrom:
        compileImportFrom(s->as<ImportFromStmt>());
        break;
    case StmtKind::Global:
    case StmtKind::Nonlocal:
        break;
    case StmtKind::Expr: {
        const Expr* e = s->as<ExprStmt>()->value;
        if (e->kind == ExprKind::Constant) {
            b().emit(Opcode::NOP); // a docstring-like literal: only its line remains
            break;
        }
        compileExpr(e);
        b().emit(Opcode::POP_TOP);
        break;
    }
    case StmtKind::Pass:
        b().emit(Opcode::NOP);
        break;
    case StmtKind::Break:
        compileBreakContinue(s, true);
        break;
    case StmtKind::Continue:
        compileBreakContinue(s, false);
        break;
    }
}

// --------------------------------------------------------- assignment

void CompilerImpl::compileAssign(const AssignStmt* s)
{
    compileExpr(s->value);
    for (std::uint32_t i = 0; i < s->targets.size; ++i) {
        if (i + 1 < s->targets.size) b().emit(Opcode::COPY, 1);
        compileStore(s->targets[i]);
    }
}

void CompilerImpl::compileStore(const Expr* target)
{
    const std::int32_t saved = b().line();
    b().setLine(target->loc.line);
    switch (target->kind) {
    case ExprKind::Name:
        nameOp(target->as<NameExpr>()->id, ExprContext::Store);
        break;
    case ExprKind::Attribute: {
        const auto* a = target->as<AttributeExpr>();
        compileExpr(a->value);
        b().emit(Opcode::STORE_ATTR, nameIdx(mangled(a->attr)));
        break;
    }
    case ExprKind::Subscript: {
        const auto* sub = target->as<SubscriptExpr>();
        compileExpr(sub->value);
        if (sub->slice->kind == ExprKind::Slice)
            compileSlice(sub->slice->as<SliceExpr>());
        else
            compileExpr(sub->slice);
        b().emit(Opcode::STORE_SUBSCR);
        break;
    }
    case ExprKind::Tuple:
    case ExprKind::List:
        compileUnpack(target->as<SequenceExpr>());
        break;
    case ExprKind::Starred:
        error("starred assignment target must be in a list or tuple", target->loc);
    default:
        error("cannot assign to expression", target->loc);
    }
    b().setLine(saved);
}

void CompilerImpl::compileUnpack(const SequenceExpr* seq)
{
    std::int32_t star = -1;
    for (std::uint32_t i = 0; i < seq->elts.size; ++i) {
        if (seq->elts[i]->kind != ExprKind::Starred) continue;
        if (star >= 0) error("multiple starred expressions in assignment", seq->elts[i]->loc);
        star = std::int32_t(i);
    }
    if (star >= 0) {
        const std::uint32_t before = std::uint32_t(star);
        const std::uint32_t after = seq->elts.size - before - 1;
        if (before > 255 || after > 255) error("too many expressions in star-unpacking assignment", seq->loc);
        b().emit(Opcode::UNPACK_EX, before | (after << 8));
    } else {
        b().emit(Opcode::UNPACK_SEQUENCE, seq->elts.size);
    }
    for (Expr* e : seq->elts) compileStore(e->kind == ExprKind::Starred ? e->as<StarredExpr>()->value : e);
}

void CompilerImpl::compileDelete(const Expr* target)
{
    switch (target->kind) {
    case ExprKind::Name:
        nameOp(target->as<NameExpr>()->id, ExprContext::Del);
        break;
    case ExprKind::Attribute:
        compileExpr(target->as<AttributeExpr>()->value);
        b().emit(Opcode::DELETE_ATTR, nameIdx(mangled(target->as<AttributeExpr>()->attr)));
        break;
    case ExprKind::Subscript: {
        const auto* sub = target->as<SubscriptExpr>();
        compileExpr(sub->value);
        if (sub->slice->kind == ExprKind::Slice)
            compileSlice(sub->slice->as<SliceExpr>());
        else
            compileExpr(sub->slice);
        b().emit(Opcode::DELETE_SUBSCR);
        break;
    }
    case ExprKind::Tuple:
    case ExprKind::List:
        for (Expr* e : target->as<SequenceExpr>()->elts) compileDelete(e);
        break;
    default:
        error("cannot delete expression", target->loc);
    }
}

void CompilerImpl::compileAugAssign(const AugAssignStmt* s)
{
    const std::uint32_t op = numOpOf(s->op) | kInplaceFlag;
    const Expr* t = s->target;
    switch (t->kind) {
    case ExprKind::Name:
        nameOp(t->as<NameExpr>()->id, ExprContext::Load);
        compileExpr(s->value);
        b().setLine(s->loc.line);
        b().emit(Opcode::BINARY_OP, op);
        nameOp(t->as<NameExpr>()->id, ExprContext::Store);
        break;
    case ExprKind::Attribute: {
        const auto* a = t->as<AttributeExpr>();
        compileExpr(a->value);
        b().emit(Opcode::COPY, 1);
        b().emit(Opcode::LOAD_ATTR, nameIdx(mangled(a->attr)));
        compileExpr(s->value);
        b().setLine(s->loc.line);
        b().emit(Opcode::BINARY_OP, op);
        b().emit(Opcode::SWAP, 2);
        b().emit(Opcode::STORE_ATTR, nameIdx(mangled(a->attr)));
        break;
    }
    case ExprKind::Subscript: {
        const auto* sub = t->as<SubscriptExpr>();
        compileExpr(sub->value);
        if (sub->slice->kind == ExprKind::Slice)
            compileSlice(sub->slice->as<SliceExpr>());
        else
            compileExpr(sub->slice);
        b().emit(Opcode::COPY, 2);
        b().emit(Opcode::COPY, 2);
        b().emit(Opcode::BINARY_SUBSCR);
        compileExpr(s->value);
        b().setLine(s->loc.line);
        b().emit(Opcode::BINARY_OP, op);
        b().emit(Opcode::SWAP, 3);
        b().emit(Opcode::SWAP, 2);
        b().emit(Opcode::STORE_SUBSCR);
        break;
    }
    default:
        error("'" + std::string("expression") + "' is an illegal expression for augmented assignment", t->loc);
    }
}

void CompilerImpl::compileAnnAssign(const AnnAssignStmt* s)
{
    if (s->value) {
        compileExpr(s->value);
        compileStore(s->target);
    }
    const bool bodyLevel = u().scope->kind == ScopeKind::Module || u().scope->kind == ScopeKind::Class;
    if (s->target->kind == ExprKind::Name) {
        if (s->simple && bodyLevel) {
            compileExpr(s->annotation);
            b().emit(Opcode::STORE_ANNOTATION, nameIdx(s->target->as<NameExpr>()->id));
        }
        return;
    }
    if (!s->value) {
        // `obj.attr: T` evaluates obj (and the subscript) without storing.
        if (s->target->kind == ExprKind::Attribute) {
            compileExpr(s->target->as<AttributeExpr>()->value);
            b().emit(Opcode::POP_TOP);
        } else if (s->target->kind == ExprKind::Subscript) {
            compileExpr(s->target->as<SubscriptExpr>()->value);
            b().emit(Opcode::POP_TOP);
            compileExpr(s->target->as<SubscriptExpr>()->slice);
            b().emit(Opcode::POP_TOP);
        }
    }
    if (bodyLevel) {
        compileExpr(s->annotation);
        b().emit(Opcode::POP_TOP);
    }
}

// --------------------------------------------------------- control flow

void CompilerImpl::compileIf(const IfStmt* s)
{
    Label orelse = b().newLabel();
    Label end = b().newLabel();
    compileJumpIf(s->test, orelse, false);
    compileBody(s->body);
    if (!s->orelse.empty()) {
        if (b().reachable()) b().emitJump(Opcode::JUMP, end);
        b().bind(orelse);
        compileBody(s->orelse);
    } else {
        b().bind(orelse);
    }
    b().bind(end);
}

void CompilerImpl::compileWhile(const WhileStmt* s)
{
    Label top = b().newLabel();
    Label orelse = b().newLabel();
    Label end = b().newLabel();
    b().bind(top);
    compileJumpIf(s->test, orelse, false);
    pushFBlock(FBlock::of(FBlockKind::WhileLoop, top, end));
    compileBody(s->body);
    popFBlock();
    b().setLine(s->loc.line);
    if (b().reachable()) b().emitJump(Opcode::JUMP_BACKWARD, top);
    b().bind(orelse);
    compileBody(s->orelse);
    b().bind(end);
}

void CompilerImpl::compileFor(const ForStmt* s)
{
    Label top = b().newLabel();
    Label cleanup = b().newLabel();
    Label end = b().newLabel();
    compileExpr(s->iter);
    b().setLine(s->loc.line);
    b().emit(Opcode::GET_ITER);
    b().bind(top);
    b().setLine(s->loc.line);
    b().emitJump(Opcode::FOR_ITER, cleanup);
    pushFBlock(FBlock::of(FBlockKind::ForLoop, top, end));
    compileStore(s->target);
    compileBody(s->body);
    popFBlock();
    b().setLine(s->loc.line);
    if (b().reachable()) b().emitJump(Opcode::JUMP_BACKWARD, top);
    b().bind(cleanup);
    compileBody(s->orelse);
    b().bind(end);
}

void CompilerImpl::compileAsyncFor(const ForStmt* s)
{
    if (!u().isAsync) error("'async for' outside async function", s->loc);
    Label top = b().newLabel();
    Label handler = b().newLabel();
    Label end = b().newLabel();
    compileExpr(s->iter);
    b().setLine(s->loc.line);
    b().emit(Opcode::GET_AITER);
    b().bind(top);
    b().setLine(s->loc.line);
    b().pushHandler(handler);
    b().emit(Opcode::GET_ANEXT);
    loadConst(constNone());
    compileYieldFrom();
    b().popHandler();
    pushFBlock(FBlock::of(FBlockKind::AsyncForLoop, top, end));
    compileStore(s->target);
    compileBody(s->body);
    popFBlock();
    b().setLine(s->loc.line);
    if (b().reachable()) b().emitJump(Opcode::JUMP_BACKWARD, top);
    b().bind(handler);
    b().emit(Opcode::END_ASYNC_FOR);
    compileBody(s->orelse);
    b().bind(end);
}

void CompilerImpl::compileBreakContinue(const Stmt* s, bool isBreak)
{
    const int depth = b().depth();
    FBlock loop;
    if (!unwindFBlockStack(false, true, &loop))
        error(isBreak ? "'break' outside loop" : "'continue' not properly in loop", s->loc);
    if (isBreak) {
        unwindFBlock(loop, false);
        b().emitJump(Opcode::JUMP, loop.exitTarget);
    } else {
        b().emitJump(Opcode::JUMP_BACKWARD, loop.continueTarget);
    }
    b().setDepth(depth);
}

void CompilerImpl::compileReturn(const ReturnStmt* s)
{
    Scope* scope = u().scope;
    if (!scope->isFunctionLike()) error("'return' outside function", s->loc);
    if (s->value && scope->isAsync && scope->isGenerator) error("'return' with value in async generator", s->loc);
    const int depth = b().depth();
    if (s->value) compileExpr(s->value);
    b().setLine(s->loc.line);
    unwindFBlockStack(s->value != nullptr, false, nullptr);
    if (!s->value) loadConst(constNone());
    b().emit(Opcode::RETURN_VALUE);
    b().setDepth(depth);
}

void CompilerImpl::compileRaise(const RaiseStmt* s)
{
    std::uint32_t n = 0;
    if (s->exc) {
        compileExpr(s->exc);
        ++n;
        if (s->cause) {
            compileExpr(s->cause);
            ++n;
        }
    }
    b().setLine(s->loc.line);
    const int depth = b().depth();
    b().emit(Opcode::RAISE_VARARGS, n);
    b().setDepth(depth - int(n));
}

void CompilerImpl::compileAssert(const AssertStmt* s)
{
    Label end = b().newLabel();
    compileJumpIf(s->test, end, true);
    b().setLine(s->loc.line);
    b().emit(Opcode::LOAD_ASSERTION_ERROR);
    if (s->msg) {
        b().emit(Opcode::PUSH_NULL);
        compileExpr(s->msg);
        b().setLine(s->loc.line);
        b().emit(Opcode::CALL, 1);
    }
    const int depth = b().depth();
    b().emit(Opcode::RAISE_VARARGS, 1);
    b().setDepth(depth - 1);
    b().bind(end);
}

// ------------------------------------------------------------ imports

void CompilerImpl::compileImport(const ImportStmt* s)
{
    for (Alias* a : s->names) {
        b().setLine(a->loc.line);
        const bool dotted = a->name.find('.') != std::string_view::npos;
        if (a->asname.empty() && dotted) {
            b().emit(Opcode::IMPORT_NAME, nameIdx(a->name) | (1u << 23));
            nameOp(a->name.substr(0, a->name.find('.')), ExprContext::Store);
        } else {
            b().emit(Opcode::IMPORT_NAME, nameIdx(a->name));
            nameOp(a->asname.empty() ? a->name : a->asname, ExprContext::Store);
        }
    }
}

void CompilerImpl::compileImportFrom(const ImportFromStmt* s)
{
    std::string module(std::size_t(s->level), '.');
    module += s->module;
    b().emit(Opcode::IMPORT_NAME, nameIdx(module));
    for (Alias* a : s->names) {
        b().setLine(a->loc.line);
        if (a->name == "*") {
            b().emit(Opcode::IMPORT_STAR);
            return;
        }
        b().emit(Opcode::IMPORT_FROM, nameIdx(a->name));
        nameOp(a->asname.empty() ? a->name : a->asname, ExprContext::Store);
    }
    b().emit(Opcode::POP_TOP);
}

// --------------------------------------------------------------- try

void CompilerImpl::compileTry(const TryStmt* s)
{
    if (s->isStar) error("except* is not supported in pylite", s->loc);
    if (!s->finalbody.empty())
        compileTryFinally(s);
    else
        compileTryExcept(s);
}

void CompilerImpl::compileTryFinally(const TryStmt* s)
{
    Label handler = b().newLabel();
    Label end = b().newLabel();
    Label cleanup = b().newLabel();

    b().pushHandler(handler);
    FBlock block = FBlock::of(FBlockKind::FinallyTry);
    block.finalBody = &s->finalbody;
    block.hasHandler = true;
    pushFBlock(block);
    if (!s->handlers.empty())
        compileTryExcept(s);
    else
        compileBody(s->body);
    popFBlock();
    b().popHandler();
    if (b().reachable()) {
        compileBody(s->finalbody);
        if (b().reachable()) b().emitJump(Opcode::JUMP, end);
    }

    // Exception path: [exc]
    b().bind(handler);
    b().setLine(s->finalbody[0]->loc.line);
    b().emit(Opcode::PUSH_EXC_INFO);
    b().setDepth(b().depth() - 1);
    b().pushHandler(cleanup);
    b().setDepth(b().depth() + 1);
    FBlock end_block = FBlock::of(FBlockKind::FinallyEnd);
    end_block.hasHandler = true;
    pushFBlock(end_block);
    compileBody(s->finalbody);
    popFBlock();
    if (b().reachable()) b().emit(Opcode::RERAISE);
    b().popHandler();
    b().bind(cleanup);
    b().emit(Opcode::SWAP, 2);
    b().emit(Opcode::POP_EXCEPT);
    b().emit(Opcode::RERAISE);
    b().bind(end);
}

void CompilerImpl::compileTryExcept(const TryStmt* s)
{
    Label except = b().newLabel();
    Label orelse = b().newLabel();
    Label end = b().newLabel();
    Label cleanupEnd = b().newLabel();

    b().pushHandler(except);
    FBlock tryBlock = FBlock::of(FBlockKind::TryExcept);
    tryBlock.hasHandler = true;
    pushFBlock(tryBlock);
    compileBody(s->body);
    popFBlock();
    b().popHandler();
    b().bind(orelse);
    compileBody(s->orelse);
    if (b().reachable()) b().emitJump(Opcode::JUMP, end);

    // [exc] -> [prev, exc]
    b().bind(except);
    b().setLine(s->handlers[0]->loc.line);
    b().emit(Opcode::PUSH_EXC_INFO);
    b().setDepth(b().depth() - 1);
    b().pushHandler(cleanupEnd);
    b().setDepth(b().depth() + 1);
    FBlock dispatch = FBlock::of(FBlockKind::ExceptionHandler);
    dispatch.hasHandler = true;
    pushFBlock(dispatch);

    for (std::uint32_t i = 0; i < s->handlers.size; ++i) {
        const ExceptHandler* h = s->handlers[i];
        b().setLine(h->loc.line);
        if (!h->type && i + 1 < s->handlers.size) error("default 'except:' must be last", h->loc);
        Label next = b().newLabel();
        if (h->type) {
            compileExpr(h->type);
            b().emit(Opcode::CHECK_EXC_MATCH);
            b().emitJump(Opcode::POP_JUMP_IF_FALSE, next);
        }
        if (!h->name.empty()) {
            nameOp(h->name, ExprContext::Store);
            Label cleanupBody = b().newLabel();
            b().pushHandler(cleanupBody);
            FBlock body = FBlock::of(FBlockKind::HandlerCleanup);
            body.name = h->name;
            body.hasHandler = true;
            pushFBlock(body);
            compileBody(h->body);
            popFBlock();
            b().popHandler();
            if (b().reachable()) {
                const CodeBuilder::ActiveHandler outer = b().handlerAt(b().handlerCount() - 1);
                b().popHandler();
                b().emit(Opcode::POP_EXCEPT);
                loadConst(constNone());
                nameOp(h->name, ExprContext::Store);
                nameOp(h->name, ExprContext::Del);
                b().emitJump(Opcode::JUMP, end);
                b().restoreHandler(outer);
            }
            // The body raised: [prev, exc2]. Clear the name, re-raise into cleanupEnd.
            b().bind(cleanupBody);
            loadConst(constNone());
            nameOp(h->name, ExprContext::Store);
            nameOp(h->name, ExprContext::Del);
            b().emit(Opcode::RERAISE);
        } else {
            b().emit(Opcode::POP_TOP);
            FBlock body = FBlock::of(FBlockKind::HandlerCleanup);
            pushFBlock(body);
            compileBody(h->body);
            popFBlock();
            if (b().reachable()) {
                const CodeBuilder::ActiveHandler outer = b().handlerAt(b().handlerCount() - 1);
                b().popHandler();
                b().emit(Opcode::POP_EXCEPT);
                b().emitJump(Opcode::JUMP, end);
                b().restoreHandler(outer);
            }
        }
        b().bind(next);
    }
    // No clause matched: [prev, exc]
    if (b().reachable()) b().emit(Opcode::RERAISE);
    popFBlock();
    b().popHandler();
    b().bind(cleanupEnd);
    b().emit(Opcode::SWAP, 2);
    b().emit(Opcode::POP_EXCEPT);
    b().emit(Opcode::RERAISE);
    b().bind(end);
}

// --------------------------------------------------------------- with

void CompilerImpl::emitWithExit(bool isAsync, bool preserveTos)
{
    if (preserveTos) b().emit(Opcode::SWAP, 2);
    b().emit(Opcode::WITH_EXIT);
    if (isAsync) {
        b().emit(Opcode::GET_AWAITABLE, 2);
        loadConst(constNone());
        compileYieldFrom();
    }
    b().emit(Opcode::POP_TOP);
}

/// One item of a `with` / `async with` statement (and, nested, the items
/// after it). The async form awaits __aenter__ and __aexit__ where the plain
/// form calls __enter__ and __exit__; the handler layout is the same.
void CompilerImpl::compileWith(const WithStmt* s, std::uint32_t index)
{
    const bool isAsync = s->isAsync;
    if (isAsync && !u().isAsync) error("'async with' outside async function", s->loc);
    const WithItem* item = s->items[index];
    Label handler = b().newLabel();
    Label end = b().newLabel();
    Label cleanup = b().newLabel();
    Label suppress = b().newLabel();
    auto awaitTop = [&](std::uint32_t where) {
        b().emit(Opcode::GET_AWAITABLE, where);
        loadConst(constNone());
        compileYieldFrom();
    };

    compileExpr(item->contextExpr);
    b().setLine(s->loc.line);
    b().emit(isAsync ? Opcode::BEFORE_ASYNC_WITH : Opcode::BEFORE_WITH);
    if (isAsync) awaitTop(1);
    // [exit, value]: the handler keeps [exit].
    b().setDepth(b().depth() - 1);
    b().pushHandler(handler);
    b().setDepth(b().depth() + 1);
    FBlock block = FBlock::of(isAsync ? FBlockKind::AsyncWith : FBlockKind::With);
    block.hasHandler = true;
    pushFBlock(block);
    if (item->optionalVars)
        compileStore(item->optionalVars);
    else
        b().emit(Opcode::POP_TOP);
    if (index + 1 < s->items.size)
        compileWith(s, index + 1);
    else
        compileBody(s->body);
    popFBlock();
    b().popHandler();
    if (b().reachable()) {
        b().setLine(s->loc.line);
        emitWithExit(isAsync, false);
        b().emitJump(Opcode::JUMP, end);
    }

    // [exit, exc] -> [exit, prev, exc]
    b().bind(handler);
    b().setLine(s->loc.line);
    b().emit(Opcode::PUSH_EXC_INFO);
    b().setDepth(b().depth() - 1);
    b().pushHandler(cleanup);
    b().setDepth(b().depth() + 1);
    b().emit(Opcode::WITH_EXCEPT_START);
    if (isAsync) awaitTop(2);
    b().emitJump(Opcode::POP_JUMP_IF_TRUE, suppress);
    b().emit(Opcode::RERAISE);
    b().popHandler();
    b().bind(cleanup);
    b().emit(Opcode::SWAP, 2);
    b().emit(Opcode::POP_EXCEPT);
    b().emit(Opcode::RERAISE);
    b().bind(suppress);
    b().emit(Opcode::POP_TOP);
    b().emit(Opcode::POP_EXCEPT);
    b().emit(Opcode::POP_TOP);
    b().bind(end);
}

// ----------------------------------------------------------- unwinding

void CompilerImpl::unwindFBlock(const FBlock& block, bool preserveTos)
{
    auto popUnder = [&] {
        if (preserveTos) b().emit(Opcode::SWAP, 2);
        b().emit(Opcode::POP_TOP);
    };
    switch (block.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler:
    case FBlockKind::TryExcept:
        return;
    case FBlockKind::ForLoop:
    case FBlockKind::AsyncForLoop:
    case FBlockKind::PopValue:
        popUnder();
        return;
    case FBlockKind::FinallyTry: {
        if (preserveTos) pushFBlock(FBlock::of(FBlockKind::PopValue));
        compileBody(*block.finalBody);
        if (preserveTos) popFBlock();
        return;
    }
    case FBlockKind::FinallyEnd:
        popUnder(); // the exception
        if (preserveTos) b().emit(Opcode::SWAP, 2);
        b().emit(Opcode::POP_EXCEPT);
        return;
    case FBlockKind::With:
    case FBlockKind::AsyncWith:
        emitWithExit(block.kind == FBlockKind::AsyncWith, preserveTos);
        return;
    case FBlockKind::HandlerCleanup:
        if (preserveTos) b().emit(Opcode::SWAP, 2);
        b().emit(Opcode::POP_EXCEPT);
        if (!block.name.empty()) {
            loadConst(constNone());
            nameOp(block.name, ExprContext::Store);
            nameOp(block.name, ExprContext::Del);
        }
        return;
    }
}

bool CompilerImpl::unwindFBlockStack(bool preserveTos, bool toLoop, FBlock* loopOut)
{
    if (u().fblocks.empty()) return !toLoop;
    FBlock top = u().fblocks.back();
    if (toLoop && isLoop(top.kind)) {
        *loopOut = top;
        return true;
    }
    u().fblocks.pop_back();
    CodeBuilder::ActiveHandler saved{};
    if (top.hasHandler) {
        saved = b().handlerAt(b().handlerCount() - 1);
        b().popHandler();
    }
    unwindFBlock(top, preserveTos);
    const bool found = unwindFBlockStack(preserveTos, toLoop, loopOut);
    if (top.hasHandler) b().restoreHandler(saved);
    u().fblocks.push_back(top);
    return found;
}

} // namespace coroscope::pylite::detail
