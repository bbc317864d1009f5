// ParserImpl: token buffer, error reporting in CPython's shapes, targets.
#include "core/script/syntax/detail/ParserImpl.h"

#include <algorithm>

namespace coroscope::syntax::detail {

ParserImpl::ParserImpl(Arena& arena, std::string_view source, Config config)
    : m_arena(arena),
      m_config(std::move(config)),
      m_lexer(source, Lexer::Options{m_config.filename, m_config.fstring, m_config.lineOffset, m_config.colShift}),
      m_blockDepth(1 + m_config.blockDepthBase)
{
    m_tokens.reserve(source.size() / 3 + 16);
}

LevelGuard::LevelGuard(ParserImpl& p, int cost) : m_parser(p), m_cost(cost)
{
    p.m_level += cost;
    if (p.m_level + p.m_config.levelBase > ParserImpl::kMaxLevel) {
        p.m_level -= cost;
        SyntaxError e;
        e.type = "MemoryError";
        e.filename = p.m_config.filename;
        p.m_error = e;
        p.m_failed = true;
        throw ParseAbort{};
    }
}

// ---------------------------------------------------------------- tokens

const Token& ParserImpl::peek(std::size_t ahead)
{
    while (m_pos + ahead >= m_tokens.size()) {
        if (m_lexerDone)
            return m_tokens.back();
        const Token t = m_lexer.next();
        if (t.kind == TokenKind::Error) {
            m_lexerDone = true;
            raiseLexerError();
        }
        if (t.kind == TokenKind::EndMarker)
            m_lexerDone = true;
        m_tokens.push_back(t);
    }
    if (m_uncountedSpeculation == 0 && m_pos + ahead > m_furthest)
        m_furthest = m_pos + ahead;
    return m_tokens[m_pos + ahead];
}

Token ParserImpl::take()
{
    const Token t = peek();
    if (t.kind != TokenKind::EndMarker)
        ++m_pos;
    return t;
}

bool ParserImpl::accept(TokenKind k)
{
    if (!at(k))
        return false;
    ++m_pos;
    return true;
}

Token ParserImpl::expect(TokenKind k)
{
    if (!at(k))
        failGeneric();
    return take();
}

// pegen's `&&'x'`: a forced token whose absence is reported right away.
Token ParserImpl::expectForced(TokenKind k, const char* what)
{
    if (!at(k))
        errorAtToken(peek(), std::string("expected '") + what + "'");
    return take();
}

bool ParserImpl::isName(std::size_t ahead, std::string_view name)
{
    const Token& t = peek(ahead);
    return t.kind == TokenKind::Name && text(t) == name;
}

bool ParserImpl::startsExpression(TokenKind k) const
{
    switch (k) {
    case TokenKind::Name:
    case TokenKind::Number:
    case TokenKind::String:
    case TokenKind::LPar:
    case TokenKind::LSqb:
    case TokenKind::LBrace:
    case TokenKind::Minus:
    case TokenKind::Plus:
    case TokenKind::Tilde:
    case TokenKind::Ellipsis:
    case TokenKind::KwNot:
    case TokenKind::KwAwait:
    case TokenKind::KwLambda:
    case TokenKind::KwNone:
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
        return true;
    default:
        return false;
    }
}

Location ParserImpl::extra(std::size_t start) const
{
    // pegen's _PyPegen_get_last_nonnwhitespace_token: a block ends at its
    // last real token, not at the NEWLINE/DEDENT that closes it.
    const Token& a = m_tokens[start];
    std::size_t last = m_pos > start ? m_pos - 1 : start;
    while (last > start) {
        const TokenKind k = m_tokens[last].kind;
        if (k != TokenKind::Newline && k != TokenKind::Indent && k != TokenKind::Dedent && k != TokenKind::EndMarker)
            break;
        --last;
    }
    const Token& b = m_tokens[last];
    return Location{a.line, a.col, b.endLine, b.endCol};
}

void ParserImpl::finishDepth(Expr* e, std::uint32_t childMax)
{
    e->depth = childMax + 1;
    m_maxDepth = std::max<std::uint32_t>(m_maxDepth, e->depth + m_blockDepth);
}

void ParserImpl::setDepth(Expr* e, std::initializer_list<const Expr*> children)
{
    std::uint32_t d = 0;
    for (const Expr* c : children)
        d = maxDepth(d, c);
    finishDepth(e, d);
}

void ParserImpl::setDepth(Expr* e, Span<Expr*> children, std::uint32_t atLeast)
{
    finishDepth(e, maxDepth(atLeast - 1, children));
}

// ---------------------------------------------------------------- errors

SyntaxError ParserImpl::errorAtBytes(const char* type, const std::string& msg, int line, int col, int endLine,
                                     int endCol, bool noPosition)
{
    SyntaxError e;
    e.type = type;
    e.message = m_config.fstring ? "f-string: " + msg : msg;
    e.filename = m_config.filename;
    e.line = line;
    e.endLine = endLine;
    const int ownLine = line - m_config.lineOffset;
    if (m_config.fstring && ownLine == 1) {
        // CPython reports positions inside the "(expr)" text it compiled.
        col -= m_config.colShift;
        if (endCol >= 0)
            endCol -= m_config.colShift;
    }
    const std::string_view text = m_lexer.lineText(ownLine);
    e.text = std::string(text);
    if (noPosition) {
        e.offset = Lexer::charCount(text, col);
        e.endOffset = -1;
    } else {
        e.offset = Lexer::charCount(text, col + 1);
        e.endOffset = endCol < 0 ? -1 : Lexer::charCount(text, endCol + 1);
    }
    return e;
}

void ParserImpl::raise(SyntaxError error)
{
    if (m_suppressSpecial > 0)
        throw SpeculationFail{};
    m_error = std::move(error);
    m_failed = true;
    throw ParseAbort{};
}

void ParserImpl::raiseLexerError()
{
    m_error = m_lexer.error();
    m_failed = true;
    m_errorFromLexer = true;
    throw ParseAbort{};
}

void ParserImpl::errorAtToken(const Token& t, const std::string& msg)
{
    if (t.endCol < 0)  // INDENT, DEDENT, ENDMARKER carry no position
        raise(errorAtBytes("SyntaxError", msg, t.line, -1, t.endLine, -1, false));
    raise(errorAtBytes("SyntaxError", msg, t.line, t.col, t.endLine, t.endCol, false));
}

void ParserImpl::errorRange(const Location& from, const Location& to, const std::string& msg, const char* type)
{
    raise(errorAtBytes(type, msg, from.line, from.col, to.endLine, to.endCol, false));
}

// RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token read.
void ParserImpl::errorLastToken(const std::string& msg, const char* type)
{
    const Token& t = m_tokens.back();
    if (t.endCol < 0)
        raise(errorAtBytes(type, msg, t.line, t.col, t.endLine, -1, true));
    raise(errorAtBytes(type, msg, t.line, t.col, t.endLine, t.endCol, false));
}

void ParserImpl::errorStartingFrom(const Location& from, const std::string& msg)
{
    const Token& last = m_tokens.back();
    SyntaxError e = errorAtBytes("SyntaxError", msg, from.line, from.col, last.endLine, last.endCol, false);
    e.endOffset = Lexer::charCount(m_lexer.lineText(last.endLine - m_config.lineOffset), last.endCol);
    raise(e);
}

void ParserImpl::indentationError(const Token& owner, const char* what)
{
    errorLastToken(std::string("expected an indented block after ") + what + " on line " +
                       std::to_string(owner.line),
                   "IndentationError");
}

void ParserImpl::failGeneric()
{
    if (m_speculating > 0)
        throw SpeculationFail{};
    const std::size_t furthest = std::min(m_furthest, m_tokens.size() - 1);
    trySpecialExpressionErrors();
    const Token& t = m_tokens[furthest];
    if (t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent) {
        // _Pypegen_set_syntax_error raises these without tokenizing further.
        m_lexerDone = true;
        SyntaxError e = errorAtBytes("IndentationError",
                                     t.kind == TokenKind::Indent ? "unexpected indent" : "unexpected unindent",
                                     t.line, t.col, t.endLine, -1, true);
        raise(e);
    }
    errorAtToken(t, "invalid syntax");
}

// pegen matches soft keywords with strncmp over the token's length, so any
// prefix of "match", "case" or "_" counts (e.g. `c`).
bool ParserImpl::isSoftKeywordPrefix(const Token& t) const
{
    if (t.kind != TokenKind::Name)
        return false;
    const std::string_view w = text(t);
    for (std::string_view kw : {std::string_view("_"), std::string_view("case"), std::string_view("match")})
        if (!w.empty() && w.size() <= kw.size() && kw.substr(0, w.size()) == w)
            return true;
    return false;
}

// pegen's invalid_expression and invalid_legacy_expression for an
// `expression` whose leading disjunction `a` started at token `start` and
// ended at m_pos.
void ParserImpl::checkInvalidExpression(std::size_t start, Expr* a)
{
    const std::size_t saved = m_pos;
    const Token first = m_tokens[start];  // a copy: speculation below may grow m_tokens
    const bool singleName = a->kind == ExprKind::Name && saved == start + 1;
    const bool legacy = singleName && (a->as<NameExpr>()->id == "print" || a->as<NameExpr>()->id == "exec");
    Expr* b = nullptr;
    // invalid_expression: !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
    const bool excluded = isSoftKeywordPrefix(first) ||
                          (first.kind == TokenKind::Name && m_tokens.size() > start + 1 &&
                           m_tokens[start + 1].kind == TokenKind::String);
    if (!legacy && !excluded && startsExpression(kind())) {
        if (speculate(Pass::WithoutInvalid, [&] { b = parseExpressionWithoutInvalid(); }) && lastTaken().level != 0)
            errorRange(a->loc, b->loc, "invalid syntax. Perhaps you forgot a comma?");
        m_pos = saved;
    }
    // invalid_legacy_expression: NAME !'(' star_expressions
    if (first.kind == TokenKind::Name && m_tokens.size() > start + 1 && m_tokens[start + 1].kind != TokenKind::LPar) {
        m_pos = start + 1;
        const bool ok = speculate(Pass::Second, [&] { b = parseStarExpressions(); });
        m_pos = saved;
        if (ok && legacy) {
            const std::string name(a->as<NameExpr>()->id);
            errorRange(a->loc, b->loc, "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?");
        }
    }
}

void ParserImpl::trySpecialExpressionErrors()
{
    if (!m_lastExpr.valid || m_lastExpr.end != m_pos || m_lastExpr.node == nullptr)
        return;
    checkInvalidExpression(m_lastExpr.start, m_lastExpr.node);
}

// After a parser error CPython tokenizes the rest of the file: a tokenizer
// error there wins, and so does an unclosed bracket opened on an earlier
// line than the parser error.
void ParserImpl::finishAfterParserError()
{
    if (m_lexerDone)
        return;
    for (;;) {
        const Token t = m_lexer.next();
        if (t.kind == TokenKind::EndMarker)
            return;
        if (t.kind == TokenKind::Error)
            break;
    }
    if (m_lexer.errorIsHard()) {
        m_error = m_lexer.error();
        return;
    }
    if (!m_lexer.openBrackets().empty() && !m_tokens.empty()) {
        const int bracketLine = m_lexer.openBrackets().back().line + m_config.lineOffset;
        if (m_tokens.back().line > bracketLine)
            m_error = m_lexer.unclosedBracketError();
    }
}

// ---------------------------------------------------------------- targets

Expr* ParserImpl::setContext(Expr* e, ExprContext ctx)
{
    switch (e->kind) {
    case ExprKind::Name: e->as<NameExpr>()->ctx = ctx; break;
    case ExprKind::Attribute: e->as<AttributeExpr>()->ctx = ctx; break;
    case ExprKind::Subscript: e->as<SubscriptExpr>()->ctx = ctx; break;
    case ExprKind::Starred: {
        auto* s = e->as<StarredExpr>();
        s->ctx = ctx;
        setContext(s->value, ctx);
        break;
    }
    case ExprKind::List:
    case ExprKind::Tuple: {
        auto* s = e->as<SequenceExpr>();
        s->ctx = ctx;
        for (Expr* elt : s->elts)
            setContext(elt, ctx);
        break;
    }
    default: break;
    }
    return e;
}

// pegen's _PyPegen_get_invalid_target.
Expr* ParserImpl::invalidTarget(Expr* e, TargetsType type)
{
    if (e == nullptr)
        return nullptr;
    switch (e->kind) {
    case ExprKind::List:
    case ExprKind::Tuple:
        for (Expr* elt : e->as<SequenceExpr>()->elts)
            if (Expr* bad = invalidTarget(elt, type))
                return bad;
        return nullptr;
    case ExprKind::Starred:
        if (type == TargetsType::Del)
            return e;
        return invalidTarget(e->as<StarredExpr>()->value, type);
    case ExprKind::Compare:
        if (type == TargetsType::For) {
            const auto* c = e->as<CompareExpr>();
            if (c->ops[0] == CmpOpKind::In)
                return invalidTarget(c->left, type);
            return nullptr;
        }
        return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute:
        return nullptr;
    default:
        return e;
    }
}

// pegen's _PyPegen_get_expr_name.
const char* ParserImpl::exprName(const Expr* e)
{
    switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
        switch (e->as<ConstantExpr>()->value) {
        case ConstantKind::None: return "None";
        case ConstantKind::True: return "True";
        case ConstantKind::False: return "False";
        case ConstantKind::Ellipsis: return "ellipsis";
        default: return "literal";
        }
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    }
    return "expression";
}

void ParserImpl::checkTargets(Expr* e, TargetsType type)
{
    if (Expr* bad = invalidTarget(e, type)) {
        const char* verb = type == TargetsType::Del ? "cannot delete " : "cannot assign to ";
        errorAt(bad->loc, std::string(verb) + exprName(bad));
    }
}

Location tokenLoc(const Token& t) { return Location{t.line, t.col, t.endLine, t.endCol}; }

bool isStarTargets(const Expr* e)
{
    switch (e->kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript: return true;
    case ExprKind::Starred: {
        const Expr* inner = e->as<StarredExpr>()->value;
        return inner->kind != ExprKind::Starred && isStarTargets(inner);
    }
    case ExprKind::List:
    case ExprKind::Tuple:
        for (const Expr* elt : e->as<SequenceExpr>()->elts)
            if (!isStarTargets(elt))
                return false;
        return true;
    default: return false;
    }
}

} // namespace coroscope::syntax::detail
