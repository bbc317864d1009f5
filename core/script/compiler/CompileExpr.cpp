// Expressions: operators, calls, displays, f-strings, comprehensions,
// yield / yield from / await.

#include "core/script/compiler/detail/CompilerImpl.h"
#include "core/script/value/Number.h"
#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Set.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"

#include <cstring>
#include <unordered_set>

namespace coroscope::pylite::detail {

using namespace syntax;

std::uint32_t binaryOpArg(BinOpKind op);

namespace {

/// Truth value of a literal, or -1 when it is not a simple literal.
int constantTruth(const Expr* e)
{
    if (e->kind != ExprKind::Constant) return -1;
    const auto* c = e->as<ConstantExpr>();
    switch (c->value) {
    case ConstantKind::None:
    case ConstantKind::False:
        return 0;
    case ConstantKind::True:
    case ConstantKind::Ellipsis:
        return 1;
    case ConstantKind::Int:
        return c->intValue != 0;
    case ConstantKind::Float:
        return c->floatValue != 0.0;
    case ConstantKind::Str:
    case ConstantKind::Bytes:
        return !c->text.empty();
    default:
        return -1;
    }
}

std::uint32_t compareOpOf(CmpOpKind op)
{
    switch (op) {
    case CmpOpKind::Lt: return std::uint32_t(CompareOp::Lt);
    case CmpOpKind::LtE: return std::uint32_t(CompareOp::Le);
    case CmpOpKind::Eq: return std::uint32_t(CompareOp::Eq);
    case CmpOpKind::NotEq: return std::uint32_t(CompareOp::Ne);
    case CmpOpKind::Gt: return std::uint32_t(CompareOp::Gt);
    case CmpOpKind::GtE: return std::uint32_t(CompareOp::Ge);
    default: return 0;
    }
}

} // namespace

bool CompilerImpl::isAsyncContext() const { return m_units.back()->isAsync; }

void CompilerImpl::compileExpr(const Expr* e)
{
    const std::int32_t saved = b().line();
    b().setLine(e->loc.line);
    compileExprInner(e);
    b().setLine(saved);
}

void CompilerImpl::compileExprInner(const Expr* e)
{
    switch (e->kind) {
    case ExprKind::BoolOp:
        compileBoolOp(e->as<BoolOpExpr>());
        return;
    case ExprKind::NamedExpr: {
        const auto* n = e->as<NamedExpr>();
        compileExpr(n->value);
        b().emit(Opcode::COPY, 1);
        compileStore(n->target);
        return;
    }
    case ExprKind::BinOp: {
        const auto* bin = e->as<BinOpExpr>();
        compileExpr(bin->left);
        compileExpr(bin->right);
        b().emit(Opcode::BINARY_OP, binaryOpArg(bin->op));
        return;
    }
    case ExprKind::UnaryOp: {
        const auto* un = e->as<UnaryOpExpr>();
        if (un->op == UnaryOpKind::USub && un->operand->kind == ExprKind::Constant) {
            const auto* c = un->operand->as<ConstantExpr>();
            if (c->value == ConstantKind::Int && c->intValue != INT64_MIN) {
                loadConst(constInt(-c->intValue));
                return;
            }
            if (c->value == ConstantKind::BigInt && c->text == "9223372036854775808") {
                loadConst(constInt(INT64_MIN));
                return;
            }
        }
        compileExpr(un->operand);
        switch (un->op) {
        case UnaryOpKind::Not:
            b().emit(Opcode::UNARY_NOT);
            break;
        case UnaryOpKind::USub:
            b().emit(Opcode::UNARY_OP, std::uint32_t(UnaryOp::Neg));
            break;
        case UnaryOpKind::UAdd:
            b().emit(Opcode::UNARY_OP, std::uint32_t(UnaryOp::Pos));
            break;
        case UnaryOpKind::Invert:
            b().emit(Opcode::UNARY_OP, std::uint32_t(UnaryOp::Invert));
            break;
        }
        return;
    }
    case ExprKind::Lambda:
        compileLambda(e->as<LambdaExpr>());
        return;
    case ExprKind::IfExp: {
        const auto* i = e->as<IfExpr>();
        Label orelse = b().newLabel();
        Label end = b().newLabel();
        compileJumpIf(i->test, orelse, false);
        compileExpr(i->body);
        b().emitJump(Opcode::JUMP, end);
        b().bind(orelse);
        compileExpr(i->orelse);
        b().bind(end);
        return;
    }
    case ExprKind::Dict:
        compileDict(e->as<DictExpr>());
        return;
    case ExprKind::Set:
        compileSequenceDisplay(e->as<SetExpr>()->elts, Opcode::BUILD_SET, false);
        return;
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp:
        compileComprehension(e->as<ComprehensionExpr>());
        return;
    case ExprKind::Await: {
        Scope* scope = u().scope;
        if (!scope->isFunctionLike()) error("'await' outside function", e->loc);
        if (scope->kind == ScopeKind::Function && !u().isAsync) error("'await' outside async function", e->loc);
        compileExpr(e->as<UnaryValueExpr>()->value);
        b().emit(Opcode::GET_AWAITABLE, 0);
        loadConst(constNone());
        compileYieldFrom();
        return;
    }
    case ExprKind::Yield: {
        if (!u().scope->isFunctionLike()) error("'yield' outside function", e->loc);
        const auto* y = e->as<UnaryValueExpr>();
        if (y->value)
            compileExpr(y->value);
        else
            loadConst(constNone());
        b().emit(Opcode::YIELD_VALUE, 0);
        return;
    }
    case ExprKind::YieldFrom: {
        if (!u().scope->isFunctionLike()) error("'yield' outside function", e->loc);
        if (u().isAsync) error("'yield from' inside async function", e->loc);
        compileExpr(e->as<UnaryValueExpr>()->value);
        b().emit(Opcode::GET_YIELD_FROM_ITER);
        loadConst(constNone());
        compileYieldFrom();
        return;
    }
    case ExprKind::Compare:
        compileCompare(e->as<CompareExpr>());
        return;
    case ExprKind::Call:
        compileCall(e->as<CallExpr>());
        return;
    case ExprKind::FormattedValue:
        compileFormattedValue(e->as<FormattedValueExpr>());
        return;
    case ExprKind::JoinedStr:
        compileJoinedStr(e->as<JoinedStrExpr>());
        return;
    case ExprKind::Constant:
        loadConst(constConstant(e->as<ConstantExpr>()));
        return;
    case ExprKind::Attribute: {
        const auto* a = e->as<AttributeExpr>();
        compileExpr(a->value);
        b().emit(Opcode::LOAD_ATTR, nameIdx(mangled(a->attr)));
        return;
    }
    case ExprKind::Subscript:
        compileSubscript(e->as<SubscriptExpr>());
        return;
    case ExprKind::Starred:
        error("can't use starred expression here", e->loc);
    case ExprKind::Name:
        nameOp(e->as<NameExpr>()->id, ExprContext::Load);
        return;
    case ExprKind::List:
        compileSequenceDisplay(e->as<SequenceExpr>()->elts, Opcode::BUILD_LIST, false);
        return;
    case ExprKind::Tuple:
        compileSequenceDisplay(e->as<SequenceExpr>()->elts, Opcode::BUILD_TUPLE, true);
        return;
    case ExprKind::Slice:
        compileSlice(e->as<SliceExpr>());
        return;
    }
}

void CompilerImpl::compileBoolOp(const BoolOpExpr* e)
{
    Label end = b().newLabel();
    const Opcode jump = e->op == BoolOpKind::And ? Opcode::JUMP_IF_FALSE_OR_POP : Opcode::JUMP_IF_TRUE_OR_POP;
    for (std::uint32_t i = 0; i < e->values.size; ++i) {
        compileExpr(e->values[i]);
        if (i + 1 < e->values.size) b().emitJump(jump, end);
    }
    b().bind(end);
}

void CompilerImpl::compileJumpIf(const Expr* e, Label target, bool cond)
{
    switch (e->kind) {
    case ExprKind::UnaryOp:
        if (e->as<UnaryOpExpr>()->op == UnaryOpKind::Not) {
            compileJumpIf(e->as<UnaryOpExpr>()->operand, target, !cond);
            return;
        }
        break;
    case ExprKind::BoolOp: {
        const auto* bo = e->as<BoolOpExpr>();
        const bool isOr = bo->op == BoolOpKind::Or;
        const std::uint32_t n = bo->values.size;
        if (isOr == cond) {
            // `a or b` jumping when true / `a and b` jumping when false:
            // every operand jumps straight to the target.
            for (std::uint32_t i = 0; i < n; ++i) compileJumpIf(bo->values[i], target, cond);
        } else {
            Label skip = b().newLabel();
            for (std::uint32_t i = 0; i + 1 < n; ++i) compileJumpIf(bo->values[i], skip, !cond);
            compileJumpIf(bo->values[n - 1], target, cond);
            b().bind(skip);
        }
        return;
    }
    case ExprKind::Constant: {
        const int truth = constantTruth(e);
        if (truth < 0) break;
        if ((truth != 0) == cond) {
            const int depth = b().depth();
            b().emitJump(Opcode::JUMP, target);
            b().setDepth(depth);
        }
        return;
    }
    default:
        break;
    }
    compileExpr(e);
    b().emitJump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, target);
}

void CompilerImpl::compileCompare(const CompareExpr* e)
{
    auto emitOp = [&](CmpOpKind op) {
        switch (op) {
        case CmpOpKind::Is:
            b().emit(Opcode::IS_OP, 0);
            break;
        case CmpOpKind::IsNot:
            b().emit(Opcode::IS_OP, 1);
            break;
        case CmpOpKind::In:
            b().emit(Opcode::CONTAINS_OP, 0);
            break;
        case CmpOpKind::NotIn:
            b().emit(Opcode::CONTAINS_OP, 1);
            break;
        default:
            b().emit(Opcode::COMPARE_OP, compareOpOf(op));
            break;
        }
    };
    compileExpr(e->left);
    const std::uint32_t n = e->ops.size;
    if (n == 1) {
        compileExpr(e->comparators[0]);
        emitOp(e->ops[0]);
        return;
    }
    Label cleanup = b().newLabel();
    Label end = b().newLabel();
    for (std::uint32_t i = 0; i + 1 < n; ++i) {
        compileExpr(e->comparators[i]);
        b().emit(Opcode::SWAP, 2);
        b().emit(Opcode::COPY, 2);
        emitOp(e->ops[i]);
        b().emitJump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    compileExpr(e->comparators[n - 1]);
    emitOp(e->ops[n - 1]);
    b().emitJump(Opcode::JUMP, end);
    b().bind(cleanup);
    b().emit(Opcode::SWAP, 2);
    b().emit(Opcode::POP_TOP);
    b().bind(end);
}

// --------------------------------------------------------------- calls

void CompilerImpl::compileCall(const CallExpr* e)
{
    bool star = false;
    for (Expr* a : e->args) star = star || a->kind == ExprKind::Starred;
    for (Keyword* k : e->keywords) star = star || k->arg.empty();
    if (e->func->kind == ExprKind::Attribute && !star) {
        const auto* a = e->func->as<AttributeExpr>();
        compileExpr(a->value);
        const std::int32_t saved = b().line();
        b().setLine(a->loc.endLine);
        b().emit2(Opcode::LOAD_METHOD, nameIdx(mangled(a->attr)), b().newCache());
        b().setLine(saved);
        compileCallArgs(e, 0);
        return;
    }
    compileExpr(e->func);
    b().emit(Opcode::PUSH_NULL);
    if (star)
        compileCallEx(e);
    else
        compileCallArgs(e, 0);
}

void CompilerImpl::compileCallArgs(const CallExpr* e, std::uint32_t extraPositional)
{
    for (Expr* a : e->args) compileExpr(a);
    std::vector<std::string_view> names;
    std::unordered_set<std::string_view> seen;
    for (Keyword* k : e->keywords) {
        if (!seen.insert(k->arg).second) error("keyword argument repeated: " + std::string(k->arg), k->loc);
        compileExpr(k->value);
        names.push_back(k->arg);
    }
    const std::uint32_t n = extraPositional + e->args.size + std::uint32_t(names.size());
    if (names.empty())
        b().emit(Opcode::CALL, n);
    else
        b().emit2(Opcode::CALL_KW, n, constKwNames(names));
}

void CompilerImpl::compileCallEx(const CallExpr* e)
{
    bool starred = false;
    for (Expr* a : e->args) starred = starred || a->kind == ExprKind::Starred;
    if (e->args.size == 1 && starred) {
        // A lone `*x` is passed as is; CALL_FUNCTION_EX makes the tuple.
        compileExpr(e->args[0]->as<StarredExpr>()->value);
    } else if (!starred) {
        for (Expr* a : e->args) compileExpr(a);
        b().emit(Opcode::BUILD_TUPLE, e->args.size);
    } else {
        b().emit(Opcode::BUILD_LIST, 0);
        for (Expr* a : e->args) {
            if (a->kind == ExprKind::Starred) {
                compileExpr(a->as<StarredExpr>()->value);
                b().emit(Opcode::LIST_EXTEND, 1);
            } else {
                compileExpr(a);
                b().emit(Opcode::LIST_APPEND, 1);
            }
        }
        b().emit(Opcode::LIST_TO_TUPLE);
    }
    if (e->keywords.empty()) {
        b().emit(Opcode::CALL_FUNCTION_EX, 0);
        return;
    }
    std::unordered_set<std::string_view> seen;
    b().emit(Opcode::BUILD_MAP, 0);
    std::uint32_t group = 0;
    auto flush = [&] {
        if (!group) return;
        b().emit(Opcode::BUILD_MAP, group);
        b().emit(Opcode::DICT_MERGE, 1);
        group = 0;
    };
    for (Keyword* k : e->keywords) {
        if (k->arg.empty()) {
            flush();
            compileExpr(k->value);
            b().emit(Opcode::DICT_MERGE, 1);
        } else {
            if (!seen.insert(k->arg).second) error("keyword argument repeated: " + std::string(k->arg), k->loc);
            loadConst(constStr(k->arg));
            compileExpr(k->value);
            ++group;
        }
    }
    flush();
    b().setLine(e->loc.line);
    b().emit(Opcode::CALL_FUNCTION_EX, 1);
}

// ------------------------------------------------------------- displays

std::int64_t CompilerImpl::constantIndex(const Expr* e)
{
    if (e->kind == ExprKind::Constant) {
        const auto* c = e->as<ConstantExpr>();
        if (c->value == ConstantKind::BigInt || c->value == ConstantKind::Imaginary) return -1;
        return constConstant(c);
    }
    if (e->kind == ExprKind::UnaryOp && e->as<UnaryOpExpr>()->op == UnaryOpKind::USub &&
        e->as<UnaryOpExpr>()->operand->kind == ExprKind::Constant) {
        const auto* c = e->as<UnaryOpExpr>()->operand->as<ConstantExpr>();
        if (c->value == ConstantKind::Int && c->intValue != INT64_MIN) return constInt(-c->intValue);
        if (c->value == ConstantKind::Float) {
            const double d = -c->floatValue;
            std::uint64_t bits;
            std::memcpy(&bits, &d, sizeof bits);
            return addConst("f" + std::to_string(bits), newFloat(m_space, d));
        }
    }
    return -1;
}

void CompilerImpl::compileSequenceDisplay(const Span<Expr*>& elts, Opcode build, bool isTuple)
{
    bool starred = false;
    for (Expr* e : elts) starred = starred || e->kind == ExprKind::Starred;
    if (build == Opcode::BUILD_SET && elts.size > 2) {
        // CPython builds a constant set display from a frozenset constant
        // (BUILD_SET 0; SET_UPDATE), which decides the iteration order of
        // the result: do the same.
        bool allConst = true;
        for (Expr* e : elts) allConst = allConst && constantIndex(e) >= 0;
        if (allConst) {
            b().emit(Opcode::BUILD_SET, 0);
            Ref items = newTuple(m_space, elts.size);
            if (!items) error("out of memory", elts[0]->loc, "MemoryError");
            for (std::uint32_t i = 0; i < elts.size; ++i) {
                Value k = b().code().consts[std::size_t(constantIndex(elts[i]))].get();
                incref(k);
                items.as<TupleObject>()->items()[i] = k;
            }
            Ref frozen = setFromIterable(m_space, m_space.types().frozensetType, items.get());
            if (!frozen) {
                m_space.clearError();
                error("unhashable constant in a set display", elts[0]->loc, "TypeError");
            }
            loadConst(addConst(std::string(), std::move(frozen)));
            b().emit(Opcode::SET_UPDATE, 1);
            return;
        }
    }
    if (!starred) {
        for (Expr* e : elts) compileExpr(e);
        b().emit(build, elts.size);
        return;
    }
    const bool isSet = build == Opcode::BUILD_SET;
    b().emit(isSet ? Opcode::BUILD_SET : Opcode::BUILD_LIST, 0);
    for (Expr* e : elts) {
        if (e->kind == ExprKind::Starred) {
            compileExpr(e->as<StarredExpr>()->value);
            b().emit(isSet ? Opcode::SET_UPDATE : Opcode::LIST_EXTEND, 1);
        } else {
            compileExpr(e);
            b().emit(isSet ? Opcode::SET_ADD : Opcode::LIST_APPEND, 1);
        }
    }
    if (isTuple) b().emit(Opcode::LIST_TO_TUPLE);
}

void CompilerImpl::compileDict(const DictExpr* e)
{
    bool unpack = false;
    for (Expr* k : e->keys) unpack = unpack || k == nullptr;
    if (!unpack) {
        for (std::uint32_t i = 0; i < e->keys.size; ++i) {
            compileExpr(e->keys[i]);
            compileExpr(e->values[i]);
        }
        b().emit(Opcode::BUILD_MAP, e->keys.size);
        return;
    }
    b().emit(Opcode::BUILD_MAP, 0);
    for (std::uint32_t i = 0; i < e->keys.size; ++i) {
        if (e->keys[i]) {
            compileExpr(e->keys[i]);
            compileExpr(e->values[i]);
            b().emit(Opcode::MAP_ADD, 1);
        } else {
            compileExpr(e->values[i]);
            b().emit(Opcode::DICT_UPDATE, 1);
        }
    }
}

void CompilerImpl::compileSubscript(const SubscriptExpr* e)
{
    compileExpr(e->value);
    if (e->slice->kind == ExprKind::Slice)
        compileSlice(e->slice->as<SliceExpr>());
    else
        compileExpr(e->slice);
    b().emit(Opcode::BINARY_SUBSCR);
}

void CompilerImpl::compileSlice(const SliceExpr* e)
{
    auto part = [&](const Expr* p) {
        if (p)
            compileExpr(p);
        else
            loadConst(constNone());
    };
    part(e->lower);
    part(e->upper);
    if (e->step) {
        compileExpr(e->step);
        b().emit(Opcode::BUILD_SLICE, 3);
    } else {
        b().emit(Opcode::BUILD_SLICE, 2);
    }
}

// ------------------------------------------------------------- f-strings

void CompilerImpl::compileFormattedValue(const FormattedValueExpr* e)
{
    compileExpr(e->value);
    std::uint32_t flags = 0;
    switch (e->conversion) {
    case 's': flags = 1; break;
    case 'r': flags = 2; break;
    case 'a': flags = 3; break;
    default: flags = 0; break;
    }
    if (e->formatSpec) {
        compileExpr(e->formatSpec);
        flags |= 4;
    }
    b().emit(Opcode::FORMAT_VALUE, flags);
}

void CompilerImpl::compileJoinedStr(const JoinedStrExpr* e)
{
    std::uint32_t n = 0;
    for (Expr* part : e->values) {
        if (part->kind == ExprKind::Constant) {
            if (part->as<ConstantExpr>()->text.empty()) continue;
            compileExpr(part);
        } else {
            compileExpr(part);
        }
        ++n;
    }
    if (n == 0)
        loadConst(constStr(""));
    else if (n > 1)
        b().emit(Opcode::BUILD_STRING, n);
}

// ------------------------------------------------------- comprehensions

void CompilerImpl::compileComprehension(const ComprehensionExpr* e)
{
    Scope* scope = m_symbols.scopeOf(e);
    const bool isGen = e->kind == ExprKind::GeneratorExp;
    if (scope->isAsync && !isGen && !isAsyncContext())
        error("asynchronous comprehension outside of an asynchronous function", e->loc);

    std::uint32_t flags = std::uint32_t(CodeFlag::Comprehension);
    if (scope->isNested) flags |= std::uint32_t(CodeFlag::Nested);
    if (isGen)
        flags |= scope->isAsync ? std::uint32_t(CodeFlag::AsyncGenerator) : std::uint32_t(CodeFlag::Generator);
    else if (scope->isAsync)
        flags |= std::uint32_t(CodeFlag::Coroutine);

    enterUnit(scope, qualnameFor(scope->name), scope->name, e->loc.line, flags);
    b().code().argCount = 1;
    switch (e->kind) {
    case ExprKind::ListComp:
        b().emit(Opcode::BUILD_LIST, 0);
        break;
    case ExprKind::SetComp:
        b().emit(Opcode::BUILD_SET, 0);
        break;
    case ExprKind::DictComp:
        b().emit(Opcode::BUILD_MAP, 0);
        break;
    default:
        break;
    }
    compileComprehensionGenerator(e, 0, isGen ? 0 : 1);
    if (isGen) loadConst(constNone());
    b().emit(Opcode::RETURN_VALUE);
    Ref code = leaveUnit();

    makeClosure(std::move(code), scope, 0);
    b().emit(Opcode::PUSH_NULL);
    const Comprehension* first = e->generators[0];
    compileExpr(first->iter);
    b().setLine(e->loc.line);
    b().emit(first->isAsync ? Opcode::GET_AITER : Opcode::GET_ITER);
    b().emit(Opcode::CALL, 1);
    if (scope->isAsync && !isGen) {
        b().emit(Opcode::GET_AWAITABLE, 0);
        loadConst(constNone());
        compileYieldFrom();
    }
}

void CompilerImpl::compileComprehensionGenerator(const ComprehensionExpr* e, std::uint32_t index, int depth)
{
    const Comprehension* gen = e->generators[index];
    Label top = b().newLabel();
    Label skip = b().newLabel();
    Label end = b().newLabel();
    Label handler = b().newLabel();
    if (index == 0) {
        b().emit(Opcode::LOAD_FAST, 0);
    } else {
        compileExpr(gen->iter);
        b().emit(gen->isAsync ? Opcode::GET_AITER : Opcode::GET_ITER);
    }
    b().bind(top);
    if (gen->isAsync) {
        b().pushHandler(handler);
        b().emit(Opcode::GET_ANEXT);
        loadConst(constNone());
        compileYieldFrom();
        b().popHandler();
    } else {
        b().emitJump(Opcode::FOR_ITER, end);
    }
    compileStore(gen->target);
    for (Expr* cond : gen->ifs) compileJumpIf(cond, skip, false);
    if (index + 1 < e->generators.size) {
        compileComprehensionGenerator(e, index + 1, depth);
    } else {
        // The collection sits below one iterator per generator.
        const std::uint32_t where = index + 2;
        switch (e->kind) {
        case ExprKind::ListComp:
            compileExpr(e->elt);
            b().emit(Opcode::LIST_APPEND, where);
            break;
        case ExprKind::SetComp:
            compileExpr(e->elt);
            b().emit(Opcode::SET_ADD, where);
            break;
        case ExprKind::DictComp:
            compileExpr(e->elt);
            compileExpr(e->value);
            b().emit(Opcode::MAP_ADD, where);
            break;
        default:
            compileExpr(e->elt);
            b().emit(Opcode::YIELD_VALUE, 0);
            b().emit(Opcode::POP_TOP);
            break;
        }
    }
    b().bind(skip);
    b().emitJump(Opcode::JUMP_BACKWARD, top);
    if (gen->isAsync) {
        b().bind(handler);
        b().emit(Opcode::END_ASYNC_FOR);
    }
    b().bind(end);
}

// ------------------------------------------------------------ yield from

void CompilerImpl::compileYieldFrom()
{
    // [receiver, value]
    Label top = b().newLabel();
    Label exit = b().newLabel();
    b().bind(top);
    b().emitJump(Opcode::SEND, exit);
    b().emit(Opcode::YIELD_VALUE, kYieldFromFlag);
    b().emitJump(Opcode::JUMP, top);
    b().bind(exit);
}

} // namespace coroscope::pylite::detail
