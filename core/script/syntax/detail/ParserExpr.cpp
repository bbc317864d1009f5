// ParserImpl: expressions, from star_expressions down to primary.
#include "core/script/syntax/detail/ParserImpl.h"

namespace coroscope::syntax::detail {

namespace {

// Pegen walks ~20 rules from `expression` to an atom; a bracket re-enters.
constexpr int kBracketCost = 20;

bool startsStar(TokenKind k) { return k == TokenKind::Star; }

struct BinaryOp {
    BinOpKind op;
    int prec;  // 0 = not a binary operator
};

BinaryOp binaryOp(TokenKind k)
{
    switch (k) {
    case TokenKind::VBar: return {BinOpKind::BitOr, 1};
    case TokenKind::Circumflex: return {BinOpKind::BitXor, 2};
    case TokenKind::Amper: return {BinOpKind::BitAnd, 3};
    case TokenKind::LeftShift: return {BinOpKind::LShift, 4};
    case TokenKind::RightShift: return {BinOpKind::RShift, 4};
    case TokenKind::Plus: return {BinOpKind::Add, 5};
    case TokenKind::Minus: return {BinOpKind::Sub, 5};
    case TokenKind::Star: return {BinOpKind::Mult, 6};
    case TokenKind::Slash: return {BinOpKind::Div, 6};
    case TokenKind::DoubleSlash: return {BinOpKind::FloorDiv, 6};
    case TokenKind::Percent: return {BinOpKind::Mod, 6};
    case TokenKind::At: return {BinOpKind::MatMult, 6};
    default: return {BinOpKind::Add, 0};
    }
}

} // namespace

// star_expressions: star_expression (',' star_expression)* [','] -> Tuple
Expr* ParserImpl::parseStarExpressions(std::size_t* lastElementStart)
{
    const std::size_t start = m_pos;
    if (lastElementStart != nullptr)
        *lastElementStart = start;
    Expr* first = parseStarExpression();
    if (!at(TokenKind::Comma))
        return first;
    std::vector<Expr*> elts{first};
    while (accept(TokenKind::Comma)) {
        if (!startsExpression(kind()) && !startsStar(kind()))
            break;
        if (lastElementStart != nullptr)
            *lastElementStart = m_pos;
        elts.push_back(parseStarExpression());
    }
    auto* t = newExpr<SequenceExpr>(ExprKind::Tuple, extra(start));
    t->elts = span(elts);
    t->ctx = ExprContext::Load;
    setDepth(t, t->elts);
    return t;
}

Expr* ParserImpl::parseStarExpression()
{
    if (!at(TokenKind::Star))
        return parseExpression();
    const std::size_t start = m_pos;
    take();
    Expr* value = parseBitOr();
    auto* s = newExpr<StarredExpr>(ExprKind::Starred, extra(start));
    s->value = value;
    s->ctx = ExprContext::Load;
    setDepth(s, {value});
    return s;
}

Expr* ParserImpl::parseStarNamedExpression()
{
    if (!at(TokenKind::Star))
        return parseNamedExpression();
    return parseStarExpression();
}

// named_expression: NAME ':=' expression | expression !':='
Expr* ParserImpl::parseNamedExpression()
{
    const std::size_t start = m_pos;
    if (at(TokenKind::Name) && kind(1) == TokenKind::ColonEqual) {
        const Token name = take();
        take();
        Expr* value = parseExpression();
        auto* target = newExpr<NameExpr>(ExprKind::Name, Location{name.line, name.col, name.endLine, name.endCol});
        target->id = copyName(name);
        target->ctx = ExprContext::Store;
        auto* n = newExpr<NamedExpr>(ExprKind::NamedExpr, extra(start));
        n->target = target;
        n->value = value;
        setDepth(n, {target, value});
        return n;
    }
    Expr* e = parseExpression();
    if (at(TokenKind::ColonEqual)) {
        const std::size_t saved = m_pos;
        take();
        if (speculate(Pass::Second, [&] { parseExpression(); }))
            errorAt(e->loc, std::string("cannot use assignment expressions with ") + exprName(e));
        m_pos = saved;
    }
    if (at(TokenKind::Equal))
        invalidNamedExpression(start, e);
    return e;
}

// True when the text at `start` begins with a list or tuple display, a
// generator expression or True/None/False: pegen's
// !(list|tuple|genexp|'True'|'None'|'False') lookahead.
bool ParserImpl::startsWithDisplayOrSingleton(std::size_t start)
{
    const TokenKind k = m_tokens[start].kind;
    if (k == TokenKind::KwTrue || k == TokenKind::KwNone || k == TokenKind::KwFalse)
        return true;
    if (k != TokenKind::LSqb && k != TokenKind::LPar)
        return false;
    const std::size_t saved = m_pos;
    m_pos = start;
    Expr* atom = nullptr;
    const bool ok = speculate(Pass::Second, [&] { atom = k == TokenKind::LSqb ? parseListDisplay() : parseParenthesised(); });
    m_pos = saved;
    if (!ok)
        return false;
    if (k == TokenKind::LSqb)
        return atom->kind == ExprKind::List;
    // A parenthesised expression is a group unless it is a tuple or genexp;
    // a group returns its inner node, which starts after the '('.
    const Token& open = m_tokens[start];
    const bool ownsParen = atom->loc.line == open.line && atom->loc.col == open.col;
    return ownsParen && (atom->kind == ExprKind::Tuple || atom->kind == ExprKind::GeneratorExp);
}

// pegen's invalid_named_expression alternatives 2 and 3, tried when a
// named_expression is followed by '='.
void ParserImpl::invalidNamedExpression(std::size_t start, Expr* e)
{
    const std::size_t saved = m_pos;
    Expr* rhs = nullptr;
    auto rhsIsBitwiseOr = [&] {
        m_pos = saved + 1;
        const bool ok = speculate(Pass::Second, [&] { rhs = parseBitOr(); }) && !at(TokenKind::Equal) && !at(TokenKind::ColonEqual);
        m_pos = saved;
        return ok;
    };
    if (e->kind == ExprKind::Name && saved == start + 1) {
        if (rhsIsBitwiseOr())
            errorRange(e->loc, rhs->loc, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return;
    }
    if (startsWithDisplayOrSingleton(start))
        return;
    m_pos = start;
    Expr* lhs = nullptr;
    const bool lhsOk = speculate(Pass::Second, [&] { lhs = parseBitOr(); }) && m_pos == saved;
    m_pos = saved;
    if (lhsOk && rhsIsBitwiseOr())
        errorAt(lhs->loc, std::string("cannot assign to ") + exprName(lhs) + " here. Maybe you meant '==' instead of '='?");
}

// expression: disjunction ['if' disjunction 'else' expression] | lambdef
Expr* ParserImpl::parseExpression()
{
    LevelGuard guard(*this, 1);
    if (at(TokenKind::KwLambda))
        return parseLambda();
    const std::size_t start = m_pos;
    Expr* body = parseDisjunction();
    m_lastExpr = ExprRecord{start, m_pos, body, true};
    if (m_secondPass > 0 && m_suppressSpecial == 0)
        checkInvalidExpression(start, body);
    if (!at(TokenKind::KwIf))
        return body;
    const std::size_t afterBody = m_pos;
    take();
    Expr* test = parseDisjunction();
    if (!at(TokenKind::KwElse)) {
        // PEG backtracking: the conditional alternative fails and the
        // expression is just `body`; the error pass reports a missing else.
        if (at(TokenKind::Colon) || m_suppressSpecial > 0) {
            m_pos = afterBody;
            return body;
        }
        errorRange(body->loc, test->loc, "expected 'else' after 'if' expression");
    }
    take();
    Expr* orelse = parseExpression();
    auto* e = newExpr<IfExpr>(ExprKind::IfExp, extra(start));
    e->test = test;
    e->body = body;
    e->orelse = orelse;
    setDepth(e, {test, body, orelse});
    return e;
}

// expression_without_invalid: used only inside speculation, where the
// special error rules are off anyway.
Expr* ParserImpl::parseExpressionWithoutInvalid() { return parseExpression(); }

Expr* ParserImpl::parseLambda()
{
    LevelGuard guard(*this, 1);
    const std::size_t start = m_pos;
    take();
    Arguments* args = parseParameters(true);
    expect(TokenKind::Colon);
    Expr* body = parseExpression();
    auto* l = newExpr<LambdaExpr>(ExprKind::Lambda, extra(start));
    l->args = args;
    l->body = body;
    finishDepth(l, maxDepth(maxDepth(maxDepth(0, body), args->defaults), args->kwDefaults));
    return l;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* ParserImpl::parseYieldExpr()
{
    const std::size_t start = m_pos;
    take();
    if (accept(TokenKind::KwFrom)) {
        Expr* value = parseExpression();
        auto* y = newExpr<UnaryValueExpr>(ExprKind::YieldFrom, extra(start));
        y->value = value;
        setDepth(y, {value});
        return y;
    }
    Expr* value = nullptr;
    if (startsExpression(kind()) || at(TokenKind::Star))
        value = parseStarExpressions();
    auto* y = newExpr<UnaryValueExpr>(ExprKind::Yield, extra(start));
    y->value = value;
    setDepth(y, {value});
    return y;
}

Expr* ParserImpl::parseYieldOrStarExpressions()
{
    return at(TokenKind::KwYield) ? parseYieldExpr() : parseStarExpressions();
}

Expr* ParserImpl::parseDisjunction()
{
    const std::size_t start = m_pos;
    Expr* first = parseConjunction();
    if (!at(TokenKind::KwOr))
        return first;
    std::vector<Expr*> values{first};
    while (accept(TokenKind::KwOr))
        values.push_back(parseConjunction());
    auto* b = newExpr<BoolOpExpr>(ExprKind::BoolOp, extra(start));
    b->op = BoolOpKind::Or;
    b->values = span(values);
    setDepth(b, b->values);
    return b;
}

Expr* ParserImpl::parseConjunction()
{
    const std::size_t start = m_pos;
    Expr* first = parseInversion();
    if (!at(TokenKind::KwAnd))
        return first;
    std::vector<Expr*> values{first};
    while (accept(TokenKind::KwAnd))
        values.push_back(parseInversion());
    auto* b = newExpr<BoolOpExpr>(ExprKind::BoolOp, extra(start));
    b->op = BoolOpKind::And;
    b->values = span(values);
    setDepth(b, b->values);
    return b;
}

// inversion: 'not' inversion | comparison. Iterative, so a long chain of
// `not` costs no C++ stack; pegen charges one level per `not`.
Expr* ParserImpl::parseInversion()
{
    std::vector<std::size_t> nots;
    while (at(TokenKind::KwNot)) {
        nots.push_back(m_pos);
        take();
    }
    LevelGuard guard(*this, static_cast<int>(nots.size()));
    Expr* e = parseComparison();
    for (std::size_t i = nots.size(); i-- > 0;) {
        auto* u = newExpr<UnaryOpExpr>(ExprKind::UnaryOp, extra(nots[i]));
        u->op = UnaryOpKind::Not;
        u->operand = e;
        setDepth(u, {e});
        e = u;
    }
    return e;
}

Expr* ParserImpl::parseComparison()
{
    const std::size_t start = m_pos;
    Expr* left = parseBitOr();
    std::vector<CmpOpKind> ops;
    std::vector<Expr*> comparators;
    for (;;) {
        CmpOpKind op;
        switch (kind()) {
        case TokenKind::EqEqual: op = CmpOpKind::Eq; break;
        case TokenKind::NotEqual: op = CmpOpKind::NotEq; break;
        case TokenKind::Less: op = CmpOpKind::Lt; break;
        case TokenKind::LessEqual: op = CmpOpKind::LtE; break;
        case TokenKind::Greater: op = CmpOpKind::Gt; break;
        case TokenKind::GreaterEqual: op = CmpOpKind::GtE; break;
        case TokenKind::KwIn: op = CmpOpKind::In; break;
        case TokenKind::KwIs: op = kind(1) == TokenKind::KwNot ? CmpOpKind::IsNot : CmpOpKind::Is; break;
        case TokenKind::KwNot:
            if (kind(1) != TokenKind::KwIn)
                goto done;
            op = CmpOpKind::NotIn;
            break;
        default: goto done;
        }
        const std::size_t opPos = m_pos;
        take();
        if (op == CmpOpKind::IsNot || op == CmpOpKind::NotIn)
            take();
        Expr* right = nullptr;
        if (m_speculating > 0) {
            if (!speculate(Pass::Inherit, [&] { right = parseBitOr(); })) {
                m_pos = opPos;
                break;
            }
        } else {
            right = parseBitOr();
        }
        ops.push_back(op);
        comparators.push_back(right);
    }
done:
    if (ops.empty())
        return left;
    auto* c = newExpr<CompareExpr>(ExprKind::Compare, extra(start));
    c->left = left;
    c->ops = span(ops);
    c->comparators = span(comparators);
    setDepth(c, c->comparators, left->depth + 1);
    return c;
}

Expr* ParserImpl::parseBitOr() { return parseBinary(1); }

// Precedence climbing over | ^ & << >> + - * / // % @ (all left
// associative); chains are built in a loop, so `1+1+...+1` recurses
// only as deep as the number of precedence levels.
Expr* ParserImpl::parseBinary(int minPrec)
{
    const std::size_t start = m_pos;
    Expr* left = parseFactor();
    for (;;) {
        const BinaryOp op = binaryOp(kind());
        if (op.prec == 0 || op.prec < minPrec)
            return left;
        const std::size_t opPos = m_pos;
        take();
        Expr* right = nullptr;
        if (m_speculating > 0) {
            // PEG: `sum '+' term` fails as a whole and `sum` stands.
            if (!speculate(Pass::Inherit, [&] { right = parseBinary(op.prec + 1); })) {
                m_pos = opPos;
                return left;
            }
        } else {
            right = parseBinary(op.prec + 1);
        }
        auto* b = newExpr<BinOpExpr>(ExprKind::BinOp, extra(start));
        b->left = left;
        b->op = op.op;
        b->right = right;
        setDepth(b, {left, right});
        left = b;
    }
}

// factor: ('+' | '-' | '~') factor | power, iteratively.
Expr* ParserImpl::parseFactor()
{
    std::vector<std::size_t> ops;
    while (at(TokenKind::Plus) || at(TokenKind::Minus) || at(TokenKind::Tilde)) {
        ops.push_back(m_pos);
        take();
    }
    LevelGuard guard(*this, static_cast<int>(ops.size()));
    Expr* e = parsePower();
    for (std::size_t i = ops.size(); i-- > 0;) {
        auto* u = newExpr<UnaryOpExpr>(ExprKind::UnaryOp, extra(ops[i]));
        const TokenKind k = m_tokens[ops[i]].kind;
        u->op = k == TokenKind::Plus ? UnaryOpKind::UAdd : k == TokenKind::Minus ? UnaryOpKind::USub : UnaryOpKind::Invert;
        u->operand = e;
        setDepth(u, {e});
        e = u;
    }
    return e;
}

// power: await_primary '**' factor | await_primary (right associative).
Expr* ParserImpl::parsePower()
{
    const std::size_t start = m_pos;
    Expr* base = parseAwaitPrimary();
    if (!at(TokenKind::DoubleStar))
        return base;
    take();
    LevelGuard guard(*this, 2);
    Expr* exponent = parseFactor();
    auto* b = newExpr<BinOpExpr>(ExprKind::BinOp, extra(start));
    b->left = base;
    b->op = BinOpKind::Pow;
    b->right = exponent;
    setDepth(b, {base, exponent});
    return b;
}

Expr* ParserImpl::parseAwaitPrimary()
{
    if (!at(TokenKind::KwAwait))
        return parsePrimary();
    const std::size_t start = m_pos;
    take();
    Expr* value = parsePrimary();
    auto* a = newExpr<UnaryValueExpr>(ExprKind::Await, extra(start));
    a->value = value;
    setDepth(a, {value});
    return a;
}

// primary: atom followed by any number of .name, (args) and [slices].
Expr* ParserImpl::parsePrimary()
{
    const std::size_t start = m_pos;
    Expr* e = parseAtom();
    for (;;) {
        if (m_speculating > 0 && (at(TokenKind::Dot) || at(TokenKind::LPar) || at(TokenKind::LSqb))) {
            // PEG: a trailer that does not parse leaves the primary as is.
            const std::size_t before = m_pos;
            Expr* longer = nullptr;
            if (!speculate(Pass::Inherit, [&] { longer = parseTrailer(e, start); })) {
                m_pos = before;
                return e;
            }
            e = longer;
            continue;
        }
        if (at(TokenKind::Dot) || at(TokenKind::LPar) || at(TokenKind::LSqb)) {
            e = parseTrailer(e, start);
            continue;
        }
        return e;
    }
}

Expr* ParserImpl::parseTrailer(Expr* e, std::size_t start)
{
    {
        if (at(TokenKind::Dot)) {
            take();
            const Token name = expect(TokenKind::Name);
            auto* a = newExpr<AttributeExpr>(ExprKind::Attribute, extra(start));
            a->value = e;
            a->attr = copyName(name);
            a->ctx = ExprContext::Load;
            setDepth(a, {e});
            return a;
        } else if (at(TokenKind::LPar)) {
            return parseCall(e, start);
        } else {
            take();
            LevelGuard guard(*this, kBracketCost);
            Expr* slice = parseSlices();
            expect(TokenKind::RSqb);
            auto* s = newExpr<SubscriptExpr>(ExprKind::Subscript, extra(start));
            s->value = e;
            s->slice = slice;
            s->ctx = ExprContext::Load;
            setDepth(s, {e, slice});
            return s;
        }
    }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* ParserImpl::parseSlices()
{
    const std::size_t start = m_pos;
    auto one = [&]() -> Expr* {
        if (!at(TokenKind::Star))
            return parseSlice();
        const std::size_t s = m_pos;
        take();
        Expr* value = parseExpression();
        auto* st = newExpr<StarredExpr>(ExprKind::Starred, extra(s));
        st->value = value;
        st->ctx = ExprContext::Load;
        setDepth(st, {value});
        return st;
    };
    Expr* first = one();
    if (!at(TokenKind::Comma) && first->kind != ExprKind::Starred)
        return first;
    std::vector<Expr*> elts{first};
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RSqb))
            break;
        elts.push_back(one());
    }
    auto* t = newExpr<SequenceExpr>(ExprKind::Tuple, extra(start));
    t->elts = span(elts);
    t->ctx = ExprContext::Load;
    setDepth(t, t->elts);
    return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* ParserImpl::parseSlice()
{
    const std::size_t start = m_pos;
    Expr* lower = nullptr;
    if (!at(TokenKind::Colon)) {
        lower = parseNamedExpression();
        if (!at(TokenKind::Colon))
            return lower;
    }
    take();
    Expr* upper = nullptr;
    Expr* step = nullptr;
    if (startsExpression(kind()))
        upper = parseExpression();
    if (accept(TokenKind::Colon) && startsExpression(kind()))
        step = parseExpression();
    auto* s = newExpr<SliceExpr>(ExprKind::Slice, extra(start));
    s->lower = lower;
    s->upper = upper;
    s->step = step;
    setDepth(s, {lower, upper, step});
    return s;
}

// for_if_clauses: (ASYNC? 'for' star_targets 'in' disjunction ('if' disjunction)*)+
Span<Comprehension*> ParserImpl::parseForIfClauses()
{
    std::vector<Comprehension*> out;
    while (atForClause()) {
        auto* c = m_arena.make<Comprehension>();
        c->isAsync = accept(TokenKind::KwAsync);
        take();
        c->target = parseTargetList(TargetsType::For, TokenKind::KwIn);
        expect(TokenKind::KwIn);
        c->iter = parseDisjunction();
        std::vector<Expr*> ifs;
        while (accept(TokenKind::KwIf))
            ifs.push_back(parseDisjunction());
        c->ifs = span(ifs);
        out.push_back(c);
    }
    return span(out);
}

// star_targets for `for` loops and comprehensions. The first attempt
// accepts only real targets (primaries and '*' primaries, as pegen's
// star_targets would consume them); otherwise pegen's invalid_for_target
// re-reads the text as star_expressions to name the culprit.
Expr* ParserImpl::parseTargetList(TargetsType type, TokenKind stop)
{
    const std::size_t start = m_pos;
    auto one = [&]() -> Expr* {
        if (!at(TokenKind::Star))
            return parsePrimary();
        const std::size_t s = m_pos;
        take();
        if (at(TokenKind::Star))
            failGeneric();
        Expr* value = parsePrimary();
        auto* st = newExpr<StarredExpr>(ExprKind::Starred, extra(s));
        st->value = value;
        st->ctx = ExprContext::Load;
        setDepth(st, {value});
        return st;
    };
    Expr* target = nullptr;
    const bool ok = speculate(Pass::First, [&] {
        target = one();
        if (at(TokenKind::Comma)) {
            std::vector<Expr*> elts{target};
            while (accept(TokenKind::Comma)) {
                if (at(stop))
                    break;
                elts.push_back(one());
            }
            auto* t = newExpr<SequenceExpr>(ExprKind::Tuple, extra(start));
            t->elts = span(elts);
            t->ctx = ExprContext::Load;
            setDepth(t, t->elts);
            target = t;
        }
        if (!at(stop) || invalidTarget(target, type) != nullptr)
            throw SpeculationFail{};
    });
    if (ok)
        return setContext(target, ExprContext::Store);
    const std::size_t furthest = m_furthest;
    m_pos = start;
    Expr* e = nullptr;
    if (speculate(Pass::Second, [&] { e = parseStarExpressions(); }))
        checkTargets(e, type);
    m_pos = start;
    m_furthest = furthest;
    // Re-read the targets for real so the generic error points where the
    // first pass stopped.
    one();
    while (accept(TokenKind::Comma) && !at(stop))
        one();
    failGeneric();
}

} // namespace coroscope::syntax::detail
