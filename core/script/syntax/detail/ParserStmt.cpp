// ParserImpl: simple statements, imports and parameter lists (compound
// statements and blocks: ParserCompound.cpp).
#include "core/script/syntax/detail/ParserImpl.h"

namespace coroscope::syntax::detail {

namespace {

bool augOp(TokenKind k, BinOpKind& op)
{
    switch (k) {
    case TokenKind::PlusEqual: op = BinOpKind::Add; return true;
    case TokenKind::MinEqual: op = BinOpKind::Sub; return true;
    case TokenKind::StarEqual: op = BinOpKind::Mult; return true;
    case TokenKind::AtEqual: op = BinOpKind::MatMult; return true;
    case TokenKind::SlashEqual: op = BinOpKind::Div; return true;
    case TokenKind::PercentEqual: op = BinOpKind::Mod; return true;
    case TokenKind::AmperEqual: op = BinOpKind::BitAnd; return true;
    case TokenKind::VBarEqual: op = BinOpKind::BitOr; return true;
    case TokenKind::CircumflexEqual: op = BinOpKind::BitXor; return true;
    case TokenKind::LeftShiftEqual: op = BinOpKind::LShift; return true;
    case TokenKind::RightShiftEqual: op = BinOpKind::RShift; return true;
    case TokenKind::DoubleStarEqual: op = BinOpKind::Pow; return true;
    case TokenKind::DoubleSlashEqual: op = BinOpKind::FloorDiv; return true;
    default: return false;
    }
}

bool isSingleTarget(const Expr* e)
{
    return e->kind == ExprKind::Name || e->kind == ExprKind::Attribute || e->kind == ExprKind::Subscript;
}

} // namespace

Module* ParserImpl::parseFile()
{
    try {
        std::vector<Stmt*> body;
        while (!at(TokenKind::EndMarker))
            parseStatement(body);
        if (m_maxDepth > static_cast<std::uint32_t>(kMaxCompileDepth)) {
            m_error = SyntaxError{};
            m_error.type = "RecursionError";
            m_error.message = "maximum recursion depth exceeded during compilation";
            m_error.filename = m_config.filename;
            m_failed = true;
            return nullptr;
        }
        auto* module = m_arena.make<Module>();
        module->body = span(body);
        return module;
    } catch (const ParseAbort&) {
        if (!m_errorFromLexer && m_error.type != "MemoryError")
            finishAfterParserError();
        return nullptr;
    }
}

Span<Stmt*> ParserImpl::parseStatements(bool untilDedent)
{
    std::vector<Stmt*> body;
    const TokenKind stop = untilDedent ? TokenKind::Dedent : TokenKind::EndMarker;
    while (!at(stop))
        parseStatement(body);
    return span(body);
}

void ParserImpl::parseStatement(std::vector<Stmt*>& out)
{
    const std::size_t start = m_pos;
    switch (kind()) {
    case TokenKind::KwDef: out.push_back(parseFunctionDef(start, {})); return;
    case TokenKind::At: out.push_back(parseDecorated()); return;
    case TokenKind::KwIf: out.push_back(parseIf(false)); return;
    case TokenKind::KwClass: out.push_back(parseClassDef({})); return;
    case TokenKind::KwWith: out.push_back(parseWith(start, false)); return;
    case TokenKind::KwFor: out.push_back(parseFor(start, false)); return;
    case TokenKind::KwTry: out.push_back(parseTry()); return;
    case TokenKind::KwWhile: out.push_back(parseWhile()); return;
    case TokenKind::KwAsync:
        switch (kind(1)) {
        case TokenKind::KwDef: out.push_back(parseFunctionDef(start, {})); return;
        case TokenKind::KwFor: take(); out.push_back(parseFor(start, true)); return;
        case TokenKind::KwWith: take(); out.push_back(parseWith(start, true)); return;
        default: failGeneric();
        }
    default: parseSimpleStatements(out); return;
    }
}

void ParserImpl::parseSimpleStatements(std::vector<Stmt*>& out)
{
    for (;;) {
        out.push_back(parseSimpleStatement());
        if (!accept(TokenKind::Semi))
            break;
        if (at(TokenKind::Newline))
            break;
    }
    expect(TokenKind::Newline);
}

Stmt* ParserImpl::parseSimpleStatement()
{
    const std::size_t start = m_pos;
    switch (kind()) {
    case TokenKind::KwPass:
    case TokenKind::KwBreak:
    case TokenKind::KwContinue: {
        const TokenKind k = take().kind;
        const StmtKind sk = k == TokenKind::KwPass ? StmtKind::Pass : k == TokenKind::KwBreak ? StmtKind::Break
                                                                                               : StmtKind::Continue;
        return newStmt<Stmt>(sk, extra(start));
    }
    case TokenKind::KwReturn: return parseReturn();
    case TokenKind::KwImport: return parseImport();
    case TokenKind::KwFrom: return parseFromImport();
    case TokenKind::KwRaise: return parseRaise();
    case TokenKind::KwDel: return parseDel();
    case TokenKind::KwAssert: return parseAssert();
    case TokenKind::KwGlobal: return parseNames(StmtKind::Global);
    case TokenKind::KwNonlocal: return parseNames(StmtKind::Nonlocal);
    default: return parseExpressionStatement();
    }
}

// Expression statements, assignments, augmented and annotated assignments.
Stmt* ParserImpl::parseExpressionStatement()
{
    const std::size_t start = m_pos;
    if (at(TokenKind::Name) && kind(1) == TokenKind::Colon) {
        const Token name = take();
        auto* target = newExpr<NameExpr>(ExprKind::Name, tokenLoc(name));
        target->id = copyName(name);
        target->ctx = ExprContext::Store;
        take();
        return parseAnnotation(start, target, true);
    }
    std::size_t lastElementStart = start;
    Expr* e = at(TokenKind::KwYield) ? parseYieldExpr() : parseStarExpressions(&lastElementStart);
    if (at(TokenKind::Colon)) {
        if (!isSingleTarget(e)) {
            // Only the error pass reads `expression ':' expression` here.
            const std::size_t colon = m_pos;
            if (speculate(Pass::Second, [&] {
                    take();
                    parseExpression();
                })) {
                m_pos = colon + 1;
                return parseAnnotation(start, e, false);
            }
            m_pos = colon;
            failGeneric();
        }
        take();
        return parseAnnotation(start, e, false);
    }
    if (at(TokenKind::Equal))
        return parseAssignment(start, e, lastElementStart);
    BinOpKind op;
    if (augOp(kind(), op)) {
        take();
        Expr* value = parseYieldOrStarExpressions();
        if (!isSingleTarget(e))
            errorAt(e->loc, std::string("'") + exprName(e) + "' is an illegal expression for augmented assignment");
        auto* s = newStmt<AugAssignStmt>(StmtKind::AugAssign, extra(start));
        s->target = setContext(e, ExprContext::Store);
        s->op = op;
        s->value = value;
        return s;
    }
    auto* s = newStmt<ExprStmt>(StmtKind::Expr, extra(start));
    s->value = e;
    return s;
}

Stmt* ParserImpl::parseAnnotation(std::size_t start, Expr* target, bool simple)
{
    Expr* annotation = parseExpression();
    if (!simple) {
        if ((target->kind == ExprKind::Tuple || target->kind == ExprKind::List) &&
            (target->parenthesized || target->kind == ExprKind::List))
            errorAt(target->loc, std::string("only single target (not ") + exprName(target) + ") can be annotated");
        if (target->kind == ExprKind::Tuple)
            errorAt(target->as<SequenceExpr>()->elts[0]->loc, "only single target (not tuple) can be annotated");
        if (!isSingleTarget(target))
            errorAt(target->loc, "illegal target for annotation");
    }
    Expr* value = nullptr;
    if (accept(TokenKind::Equal))
        value = parseYieldOrStarExpressions();
    auto* s = newStmt<AnnAssignStmt>(StmtKind::AnnAssign, extra(start));
    s->target = setContext(target, ExprContext::Store);
    s->annotation = annotation;
    s->value = value;
    s->simple = simple;
    return s;
}

// `t1 = t2 = ... = value`, then pegen's invalid_assignment diagnostics in
// its order when a target is not assignable.
Stmt* ParserImpl::parseAssignment(std::size_t start, Expr* first, std::size_t lastElementStart)
{
    const std::size_t firstEqual = m_pos;
    std::vector<Expr*> parts{first};
    std::size_t bad = isStarTargets(first) ? 0 : 1;
    while (bad == 0 && accept(TokenKind::Equal)) {
        parts.push_back(parseYieldOrStarExpressions());
        if (at(TokenKind::Equal) && !isStarTargets(parts.back()))
            bad = parts.size();
    }
    if (bad != 0) {
        bad -= 1;
        const std::size_t end = m_pos;
        // invalid_named_expression on the last element before the first '='.
        Expr* last = first;
        if (first->kind == ExprKind::Tuple && !first->parenthesized)
            last = first->as<SequenceExpr>()->elts.back();
        if (last->kind != ExprKind::Starred && last->kind != ExprKind::Yield && last->kind != ExprKind::YieldFrom) {
            m_pos = firstEqual;
            invalidNamedExpression(lastElementStart, last);
            m_pos = end;
        }
        Expr* part = parts[bad];
        if (part->kind == ExprKind::Yield || part->kind == ExprKind::YieldFrom)
            errorAt(part->loc, "assignment to yield expression not possible");
        checkTargets(part, TargetsType::Star);
        failGeneric();
    }
    auto* s = newStmt<AssignStmt>(StmtKind::Assign, extra(start));
    Expr* value = parts.back();
    parts.pop_back();
    for (Expr* t : parts)
        setContext(t, ExprContext::Store);
    s->targets = span(parts);
    s->value = value;
    return s;
}

std::string_view ParserImpl::parseDottedName()
{
    std::string name(text(expect(TokenKind::Name)));
    while (at(TokenKind::Dot) && kind(1) == TokenKind::Name) {
        take();
        name += '.';
        name += text(take());
    }
    if (at(TokenKind::Dot)) {
        take();
        failGeneric();
    }
    return m_arena.copyString(name);
}

Stmt* ParserImpl::parseImport()
{
    const std::size_t start = m_pos;
    take();
    std::vector<Alias*> names;
    for (;;) {
        const std::size_t s = m_pos;
        auto* a = m_arena.make<Alias>();
        a->name = parseDottedName();
        if (accept(TokenKind::KwAs))
            a->asname = copyName(expect(TokenKind::Name));
        a->loc = extra(s);
        names.push_back(a);
        if (!accept(TokenKind::Comma))
            break;
    }
    auto* st = newStmt<ImportStmt>(StmtKind::Import, extra(start));
    st->names = span(names);
    return st;
}

Stmt* ParserImpl::parseFromImport()
{
    const std::size_t start = m_pos;
    take();
    int level = 0;
    while (at(TokenKind::Dot) || at(TokenKind::Ellipsis))
        level += take().kind == TokenKind::Dot ? 1 : 3;
    std::string_view module;
    if (level == 0 || at(TokenKind::Name))
        module = parseDottedName();
    expect(TokenKind::KwImport);
    std::vector<Alias*> names;
    if (at(TokenKind::Star)) {
        const Token star = take();
        auto* a = m_arena.make<Alias>();
        a->name = "*";
        a->loc = tokenLoc(star);
        names.push_back(a);
    } else {
        const bool paren = accept(TokenKind::LPar);
        for (;;) {
            const std::size_t s = m_pos;
            auto* a = m_arena.make<Alias>();
            a->name = copyName(expect(TokenKind::Name));
            if (accept(TokenKind::KwAs))
                a->asname = copyName(expect(TokenKind::Name));
            a->loc = extra(s);
            names.push_back(a);
            if (!accept(TokenKind::Comma))
                break;
            if (paren && at(TokenKind::RPar))
                break;
            if (!paren && at(TokenKind::Newline))
                errorLastToken("trailing comma not allowed without surrounding parentheses");
        }
        if (paren)
            expect(TokenKind::RPar);
    }
    auto* st = newStmt<ImportFromStmt>(StmtKind::ImportFrom, extra(start));
    st->module = module;
    st->names = span(names);
    st->level = level;
    return st;
}

Stmt* ParserImpl::parseDel()
{
    const std::size_t start = m_pos;
    take();
    Expr* e = parseStarExpressions();
    std::vector<Expr*> targets;
    if (e->kind == ExprKind::Tuple && !e->parenthesized)
        targets.assign(e->as<SequenceExpr>()->elts.begin(), e->as<SequenceExpr>()->elts.end());
    else
        targets.push_back(e);
    for (Expr* t : targets)
        checkTargets(t, TargetsType::Del);
    if (!at(TokenKind::Semi) && !at(TokenKind::Newline))
        failGeneric();
    for (Expr* t : targets)
        setContext(t, ExprContext::Del);
    auto* s = newStmt<DeleteStmt>(StmtKind::Delete, extra(start));
    s->targets = span(targets);
    return s;
}

Stmt* ParserImpl::parseRaise()
{
    const std::size_t start = m_pos;
    take();
    auto* s = newStmt<RaiseStmt>(StmtKind::Raise, {});
    if (startsExpression(kind())) {
        s->exc = parseExpression();
        if (accept(TokenKind::KwFrom))
            s->cause = parseExpression();
    }
    s->loc = extra(start);
    return s;
}

Stmt* ParserImpl::parseAssert()
{
    const std::size_t start = m_pos;
    take();
    auto* s = newStmt<AssertStmt>(StmtKind::Assert, {});
    s->test = parseExpression();
    if (accept(TokenKind::Comma))
        s->msg = parseExpression();
    s->loc = extra(start);
    return s;
}

Stmt* ParserImpl::parseReturn()
{
    const std::size_t start = m_pos;
    take();
    auto* s = newStmt<ReturnStmt>(StmtKind::Return, {});
    if (startsExpression(kind()) || at(TokenKind::Star))
        s->value = parseStarExpressions();
    s->loc = extra(start);
    return s;
}

Stmt* ParserImpl::parseNames(StmtKind k)
{
    const std::size_t start = m_pos;
    take();
    std::vector<std::string_view> names;
    for (;;) {
        names.push_back(copyName(expect(TokenKind::Name)));
        if (!accept(TokenKind::Comma))
            break;
    }
    auto* s = newStmt<NamesStmt>(k, extra(start));
    s->names = span(names);
    return s;
}

// params / lambda_params with invalid_parameters, invalid_star_etc,
// invalid_kwds and invalid_default messages.
Arguments* ParserImpl::parseParameters(bool lambda)
{
    const TokenKind closing = lambda ? TokenKind::Colon : TokenKind::RPar;
    auto* args = m_arena.make<Arguments>();
    std::vector<Arg*> positional, posOnly, kwOnly;
    std::vector<Expr*> defaults, kwDefaults;
    bool sawSlash = false, sawStar = false, sawDefault = false, sawKwarg = false;
    auto param = [&]() {
        const std::size_t s = m_pos;
        auto* a = m_arena.make<Arg>();
        a->name = copyName(expect(TokenKind::Name));
        if (!lambda && accept(TokenKind::Colon))
            a->annotation = parseExpression();
        a->loc = extra(s);
        return a;
    };
    while (!at(closing)) {
        if (at(TokenKind::Slash)) {
            const Token slash = peek();
            if (positional.empty() && posOnly.empty())
                errorAtToken(slash, "at least one argument must precede /");
            if (sawSlash)
                errorAtToken(slash, "/ may appear only once");
            if (sawStar)
                errorAtToken(slash, "/ must be ahead of *");
            take();
            if (at(TokenKind::Star))
                errorAtToken(peek(), "expected comma between / and *");
            posOnly.insert(posOnly.end(), positional.begin(), positional.end());
            positional.clear();
            sawSlash = true;
        } else if (at(TokenKind::Star)) {
            const Token star = take();
            if (sawStar)
                errorAtToken(star, "* argument may appear only once");
            if (sawKwarg)
                errorAtToken(star, "arguments cannot follow var-keyword argument");
            sawStar = true;
            if (at(closing) || (at(TokenKind::Comma) && (kind(1) == closing || kind(1) == TokenKind::DoubleStar))) {
                if (lambda)
                    errorLastToken("named arguments must follow bare *");
                errorAtToken(star, "named arguments must follow bare *");
            }
            if (at(TokenKind::Name)) {
                const std::size_t s = m_pos;
                auto* a = m_arena.make<Arg>();
                a->name = copyName(take());
                if (!lambda && accept(TokenKind::Colon))
                    a->annotation = at(TokenKind::Star) ? parseStarExpression() : parseExpression();
                a->loc = extra(s);
                if (at(TokenKind::Equal))
                    errorAtToken(peek(), "var-positional argument cannot have default value");
                args->vararg = a;
            }
        } else if (at(TokenKind::DoubleStar)) {
            const Token stars = take();
            if (sawKwarg)
                errorAtToken(stars, "arguments cannot follow var-keyword argument");
            args->kwarg = param();
            if (at(TokenKind::Equal))
                errorAtToken(peek(), "var-keyword argument cannot have default value");
            sawKwarg = true;
        } else if (at(TokenKind::Name)) {
            Arg* a = param();
            if (sawKwarg)
                errorAt(a->loc, "arguments cannot follow var-keyword argument");
            if (at(TokenKind::Equal)) {
                const Token eq = take();
                if (at(TokenKind::Comma) || at(TokenKind::RPar))
                    errorAtToken(eq, "expected default value expression");
                Expr* d = parseExpression();
                if (sawStar) {
                    kwOnly.push_back(a);
                    kwDefaults.push_back(d);
                } else {
                    positional.push_back(a);
                    defaults.push_back(d);
                    sawDefault = true;
                }
            } else if (sawStar) {
                kwOnly.push_back(a);
                kwDefaults.push_back(nullptr);
            } else {
                if (sawDefault)
                    errorAt(a->loc, "non-default argument follows default argument");
                positional.push_back(a);
            }
        } else if (at(TokenKind::LPar)) {
            const Token open = peek();
            std::size_t k = 1;
            while (kind(k) == TokenKind::Name && (kind(k + 1) == TokenKind::Comma || kind(k + 1) == TokenKind::RPar)) {
                k += kind(k + 1) == TokenKind::Comma ? 2 : 1;
                if (kind(k) == TokenKind::RPar)
                    break;
            }
            if (k > 1 && kind(k) == TokenKind::RPar)
                errorRange(tokenLoc(open), tokenLoc(peek(k)),
                           lambda ? "Lambda expression parameters cannot be parenthesized"
                                  : "Function parameters cannot be parenthesized");
            failGeneric();
        } else {
            failGeneric();
        }
        if (!accept(TokenKind::Comma))
            break;
    }
    args->posOnlyArgs = span(posOnly);
    args->args = span(positional);
    args->kwOnlyArgs = span(kwOnly);
    args->kwDefaults = span(kwDefaults);
    args->defaults = span(defaults);
    return args;
}

} // namespace coroscope::syntax::detail
