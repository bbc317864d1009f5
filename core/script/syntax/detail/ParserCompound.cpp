// ParserImpl: blocks and compound statements (if, while, for, with, try,
// decorated definitions, def, class).
#include "core/script/syntax/detail/ParserImpl.h"

namespace coroscope::syntax::detail {

Span<Stmt*> ParserImpl::parseBlock(const Token& owner, const char* what)
{
    LevelGuard guard(*this, 6);
    if (!accept(TokenKind::Newline)) {
        std::vector<Stmt*> body;
        parseSimpleStatements(body);
        return span(body);
    }
    if (!at(TokenKind::Indent))
        indentationError(owner, what);
    take();
    ++m_blockDepth;
    Span<Stmt*> body = parseStatements(true);
    --m_blockDepth;
    take();  // DEDENT
    return body;
}

namespace {

// "expected ':'" when the header ends at NEWLINE (invalid_X_stmt rules).
bool headerEndsAtNewline(TokenKind k) { return k == TokenKind::Newline; }

} // namespace

Stmt* ParserImpl::parseIf(bool elif)
{
    const std::size_t start = m_pos;
    const Token owner = take();
    Expr* test = parseNamedExpression();
    if (!at(TokenKind::Colon)) {
        if (headerEndsAtNewline(kind()))
            errorLastToken("expected ':'");
        failGeneric();
    }
    take();
    auto* s = newStmt<IfStmt>(StmtKind::If, {});
    s->test = test;
    s->body = parseBlock(owner, elif ? "'elif' statement" : "'if' statement");
    if (at(TokenKind::KwElif)) {
        Stmt* nested = parseIf(true);
        s->orelse = span(std::vector<Stmt*>{nested});
    } else if (at(TokenKind::KwElse)) {
        s->orelse = parseElseBlock();
    }
    s->loc = extra(start);
    return s;
}

Span<Stmt*> ParserImpl::parseElseBlock()
{
    const Token owner = take();
    expectForced(TokenKind::Colon, ":");
    return parseBlock(owner, "'else' statement");
}

Stmt* ParserImpl::parseWhile()
{
    const std::size_t start = m_pos;
    const Token owner = take();
    Expr* test = parseNamedExpression();
    if (!at(TokenKind::Colon)) {
        if (headerEndsAtNewline(kind()))
            errorLastToken("expected ':'");
        failGeneric();
    }
    take();
    auto* s = newStmt<WhileStmt>(StmtKind::While, {});
    s->test = test;
    s->body = parseBlock(owner, "'while' statement");
    if (at(TokenKind::KwElse))
        s->orelse = parseElseBlock();
    s->loc = extra(start);
    return s;
}

Stmt* ParserImpl::parseFor(std::size_t start, bool isAsync)
{
    const Token owner = take();
    Expr* target = parseTargetList(TargetsType::For, TokenKind::KwIn);
    expect(TokenKind::KwIn);
    Expr* iter = parseStarExpressions();
    if (!at(TokenKind::Colon)) {
        if (headerEndsAtNewline(kind()))
            errorLastToken("expected ':'");
        failGeneric();
    }
    take();
    auto* s = newStmt<ForStmt>(StmtKind::For, {});
    s->isAsync = isAsync;
    s->target = target;
    s->iter = iter;
    s->body = parseBlock(owner, "'for' statement");
    if (at(TokenKind::KwElse))
        s->orelse = parseElseBlock();
    s->loc = extra(start);
    return s;
}

WithItem* ParserImpl::parseWithItem(bool parenthesised)
{
    auto* item = m_arena.make<WithItem>();
    item->contextExpr = parseExpression();
    if (accept(TokenKind::KwAs)) {
        Expr* target = parseStarExpression();
        const bool followed = at(TokenKind::Comma) || at(TokenKind::Colon) || at(TokenKind::RPar);
        if (followed)
            checkTargets(target, TargetsType::Star);  // invalid_with_item
        if (!isStarTargets(target) || (!followed && !at(TokenKind::Newline)))
            failGeneric();
        item->optionalVars = setContext(target, ExprContext::Store);
    }
    return item;
}

Stmt* ParserImpl::parseWith(std::size_t start, bool isAsync)
{
    const Token owner = take();
    std::vector<WithItem*> items;
    bool parenthesisedForm = false;
    if (at(TokenKind::LPar)) {
        const std::size_t saved = m_pos;
        parenthesisedForm = speculate(Pass::First, [&] {
            take();
            for (;;) {
                items.push_back(parseWithItem(true));
                if (!accept(TokenKind::Comma) || at(TokenKind::RPar))
                    break;
            }
            expect(TokenKind::RPar);
            if (!at(TokenKind::Colon))
                failGeneric();
        });
        if (!parenthesisedForm) {
            items.clear();
            m_pos = saved;
        }
    }
    if (!parenthesisedForm) {
        for (;;) {
            items.push_back(parseWithItem(false));
            if (!accept(TokenKind::Comma))
                break;
        }
    }
    if (!at(TokenKind::Colon)) {
        if (headerEndsAtNewline(kind()))
            errorLastToken("expected ':'");
        failGeneric();
    }
    take();
    auto* s = newStmt<WithStmt>(StmtKind::With, {});
    s->isAsync = isAsync;
    s->items = span(items);
    s->body = parseBlock(owner, "'with' statement");
    s->loc = extra(start);
    return s;
}

Stmt* ParserImpl::parseTry()
{
    const std::size_t start = m_pos;
    const Token owner = take();
    expectForced(TokenKind::Colon, ":");
    auto* s = newStmt<TryStmt>(StmtKind::Try, {});
    s->body = parseBlock(owner, "'try' statement");
    if (!at(TokenKind::KwExcept) && !at(TokenKind::KwFinally))
        errorLastToken("expected 'except' or 'finally' block");
    std::vector<ExceptHandler*> handlers;
    bool sawPlain = false;
    while (at(TokenKind::KwExcept)) {
        const std::size_t hstart = m_pos;
        const Token ex = take();
        const bool star = at(TokenKind::Star);
        if (star) {
            const Token starTok = take();
            if (sawPlain)
                errorRange(tokenLoc(ex), tokenLoc(starTok), "cannot have both 'except' and 'except*' on the same 'try'");
            if (at(TokenKind::Newline) || at(TokenKind::Colon))
                errorLastToken("expected one or more exception types");
        } else if (s->isStar) {
            errorAtToken(ex, "cannot have both 'except' and 'except*' on the same 'try'");
        }
        s->isStar = s->isStar || star;
        sawPlain = sawPlain || !star;
        auto* h = m_arena.make<ExceptHandler>();
        if (!at(TokenKind::Colon)) {
            if (at(TokenKind::Newline))
                errorLastToken("expected ':'");
            h->type = parseExpression();
            if (at(TokenKind::Comma)) {
                const std::size_t saved = m_pos;
                if (speculate(Pass::Second, [&] {
                        take();
                        parseExpression();
                        while (accept(TokenKind::Comma))
                            parseExpression();
                        if (accept(TokenKind::KwAs))
                            expect(TokenKind::Name);
                        if (!at(TokenKind::Colon))
                            failGeneric();
                    }))
                    errorStartingFrom(h->type->loc, "multiple exception types must be parenthesized");
                m_pos = saved;
            }
            if (accept(TokenKind::KwAs))
                h->name = copyName(expect(TokenKind::Name));
        }
        if (!at(TokenKind::Colon)) {
            if (at(TokenKind::Newline))
                errorLastToken("expected ':'");
            failGeneric();
        }
        take();
        h->body = parseBlock(ex, star ? "'except*' statement" : "'except' statement");
        h->loc = extra(hstart);
        handlers.push_back(h);
    }
    s->handlers = span(handlers);
    if (at(TokenKind::KwElse) && !handlers.empty())
        s->orelse = parseElseBlock();
    if (at(TokenKind::KwFinally)) {
        const Token fin = take();
        expectForced(TokenKind::Colon, ":");
        s->finalbody = parseBlock(fin, "'finally' statement");
    }
    s->loc = extra(start);
    return s;
}

Stmt* ParserImpl::parseDecorated()
{
    std::vector<Expr*> decorators;
    while (accept(TokenKind::At)) {
        decorators.push_back(parseNamedExpression());
        expect(TokenKind::Newline);
    }
    const Span<Expr*> decs = span(decorators);
    if (at(TokenKind::KwDef) || (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwDef))
        return parseFunctionDef(m_pos, decs);
    if (at(TokenKind::KwClass))
        return parseClassDef(decs);
    failGeneric();
}

Stmt* ParserImpl::parseFunctionDef(std::size_t start, Span<Expr*> decorators)
{
    const bool isAsync = accept(TokenKind::KwAsync);
    const Token owner = take();
    const Token name = expect(TokenKind::Name);
    expectForced(TokenKind::LPar, "(");
    Arguments* args = parseParameters(false);
    expect(TokenKind::RPar);
    Expr* returns = nullptr;
    if (accept(TokenKind::RArrow))
        returns = parseExpression();
    expectForced(TokenKind::Colon, ":");
    auto* s = newStmt<FunctionDefStmt>(StmtKind::FunctionDef, {});
    s->isAsync = isAsync;
    s->name = copyName(name);
    s->args = args;
    s->decorators = decorators;
    s->returns = returns;
    s->body = parseBlock(owner, "function definition");
    s->loc = extra(start);
    return s;
}

Stmt* ParserImpl::parseClassDef(Span<Expr*> decorators)
{
    const std::size_t start = m_pos;
    const Token owner = take();
    const Token name = expect(TokenKind::Name);
    auto* s = newStmt<ClassDefStmt>(StmtKind::ClassDef, {});
    s->name = copyName(name);
    s->decorators = decorators;
    if (at(TokenKind::LPar)) {
        auto* dummy = newExpr<NameExpr>(ExprKind::Name, tokenLoc(name));
        auto* call = parseCall(dummy, m_pos)->as<CallExpr>();
        s->bases = call->args;
        s->keywords = call->keywords;
    }
    if (!at(TokenKind::Colon)) {
        if (headerEndsAtNewline(kind()))
            errorLastToken("expected ':'");
        failGeneric();
    }
    take();
    s->body = parseBlock(owner, "class definition");
    s->loc = extra(start);
    return s;
}

} // namespace coroscope::syntax::detail
