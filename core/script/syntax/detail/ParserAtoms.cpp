// ParserImpl: atoms (names, numbers, displays, comprehensions) and calls.
#include "core/script/syntax/detail/ParserImpl.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace coroscope::syntax::detail {

namespace {

constexpr int kBracketCost = 20;

// The last item of the last comprehension: its last `if`, else its iter
// (pegen's _PyPegen_get_last_comprehension_item).
const Expr* lastComprehensionItem(Span<Comprehension*> gens)
{
    const Comprehension* c = gens.back();
    return c->ifs.empty() ? c->iter : c->ifs.back();
}

// Multiplies the base-1e9 little-endian number by `mul` and adds `add`.
void bigMulAdd(std::vector<std::uint32_t>& n, std::uint32_t mul, std::uint32_t add)
{
    std::uint64_t carry = add;
    for (std::uint32_t& limb : n) {
        const std::uint64_t v = static_cast<std::uint64_t>(limb) * mul + carry;
        limb = static_cast<std::uint32_t>(v % 1000000000u);
        carry = v / 1000000000u;
    }
    while (carry != 0) {
        n.push_back(static_cast<std::uint32_t>(carry % 1000000000u));
        carry /= 1000000000u;
    }
}

std::string bigToDecimal(const std::vector<std::uint32_t>& n)
{
    std::string out = std::to_string(n.back());
    for (std::size_t i = n.size() - 1; i-- > 0;) {
        std::string limb = std::to_string(n[i]);
        out += std::string(9 - limb.size(), '0') + limb;
    }
    return out;
}

} // namespace

Expr* ParserImpl::parseAtom()
{
    const Token t = peek();
    switch (t.kind) {
    case TokenKind::Name: {
        take();
        auto* n = newExpr<NameExpr>(ExprKind::Name, tokenLoc(t));
        n->id = copyName(t);
        n->ctx = ExprContext::Load;
        return n;
    }
    case TokenKind::KwTrue:
    case TokenKind::KwFalse:
    case TokenKind::KwNone:
    case TokenKind::Ellipsis: {
        take();
        auto* c = newExpr<ConstantExpr>(ExprKind::Constant, tokenLoc(t));
        c->value = t.kind == TokenKind::KwTrue    ? ConstantKind::True
                   : t.kind == TokenKind::KwFalse ? ConstantKind::False
                   : t.kind == TokenKind::KwNone  ? ConstantKind::None
                                                  : ConstantKind::Ellipsis;
        return c;
    }
    case TokenKind::Number:
        take();
        return parseNumber(t);
    case TokenKind::String: return parseStrings();
    case TokenKind::LPar: return parseParenthesised();
    case TokenKind::LSqb: return parseListDisplay();
    case TokenKind::LBrace: return parseBraceDisplay();
    default: failGeneric();
    }
}

Expr* ParserImpl::parseNumber(const Token& t)
{
    std::string digits;
    for (char c : text(t))
        if (c != '_')
            digits += c;
    auto* c = newExpr<ConstantExpr>(ExprKind::Constant, tokenLoc(t));
    const char last = digits.back();
    const bool radix = digits.size() > 1 && digits[0] == '0' &&
                       (digits[1] == 'x' || digits[1] == 'X' || digits[1] == 'o' || digits[1] == 'O' ||
                        digits[1] == 'b' || digits[1] == 'B');
    if (!radix && (last == 'j' || last == 'J')) {
        digits.pop_back();
        c->value = ConstantKind::Imaginary;
        std::from_chars(digits.data(), digits.data() + digits.size(), c->floatValue);
        return c;
    }
    if (!radix && digits.find_first_of(".eE") != std::string::npos) {
        c->value = ConstantKind::Float;
        const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), c->floatValue);
        if (r.ec == std::errc::result_out_of_range) {
            // from_chars leaves the value alone: decide between 0 and inf.
            const std::size_t e = digits.find_first_of("eE");
            const bool tiny = e != std::string::npos && digits[e + 1] == '-';
            c->floatValue = tiny ? 0.0 : HUGE_VAL;
        }
        return c;
    }
    int base = 10;
    std::size_t i = 0;
    if (radix) {
        const char p = static_cast<char>(digits[1] | 0x20);
        base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        i = 2;
    }
    std::uint64_t value = 0;
    bool overflow = false;
    std::vector<std::uint32_t> big{0};
    for (; i < digits.size(); ++i) {
        const char ch = static_cast<char>(digits[i] | 0x20);
        const std::uint32_t d = ch >= 'a' ? static_cast<std::uint32_t>(ch - 'a' + 10) : static_cast<std::uint32_t>(ch - '0');
        if (!overflow && value > (static_cast<std::uint64_t>(INT64_MAX) - d) / base)
            overflow = true;
        value = value * base + d;
        bigMulAdd(big, static_cast<std::uint32_t>(base), d);
    }
    if (overflow) {
        c->value = ConstantKind::BigInt;
        c->text = m_arena.copyString(bigToDecimal(big));
    } else {
        c->value = ConstantKind::Int;
        c->intValue = static_cast<std::int64_t>(value);
    }
    return c;
}

// tuple | group | genexp, and the invalid_group errors.
Expr* ParserImpl::parseParenthesised()
{
    const std::size_t start = m_pos;
    take();
    LevelGuard guard(*this, kBracketCost);
    if (accept(TokenKind::RPar)) {
        auto* t = newExpr<SequenceExpr>(ExprKind::Tuple, extra(start));
        t->parenthesized = true;
        t->ctx = ExprContext::Load;
        return t;
    }
    if (at(TokenKind::KwYield)) {
        Expr* y = parseYieldExpr();
        expect(TokenKind::RPar);
        return y;
    }
    if (at(TokenKind::DoubleStar)) {
        const Token star = peek();
        const std::size_t saved = m_pos;
        take();
        if (speculate(Pass::Second, [&] { parseExpression(); }) && at(TokenKind::RPar))
            errorAtToken(star, "cannot use double starred expression here");
        m_pos = saved;
        failGeneric();
    }
    Expr* first = parseStarNamedExpression();
    if (atForClause()) {
        if (first->kind == ExprKind::Starred)
            errorAt(first->loc, "iterable unpacking cannot be used in comprehension");
        Span<Comprehension*> gens = parseForIfClauses();
        expect(TokenKind::RPar);
        auto* g = newExpr<ComprehensionExpr>(ExprKind::GeneratorExp, extra(start));
        g->elt = first;
        g->generators = gens;
        std::uint32_t d = maxDepth(0, first);
        for (const Comprehension* c : gens)
            d = maxDepth(maxDepth(maxDepth(d, c->target), c->iter), c->ifs);
        finishDepth(g, d);
        return g;
    }
    if (!at(TokenKind::Comma)) {
        if (first->kind == ExprKind::Starred && at(TokenKind::RPar))
            errorAt(first->loc, "cannot use starred expression here");
        expect(TokenKind::RPar);
        first->parenthesized = true;
        return first;
    }
    std::vector<Expr*> elts{first};
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RPar))
            break;
        elts.push_back(parseStarNamedExpression());
    }
    expect(TokenKind::RPar);
    auto* t = newExpr<SequenceExpr>(ExprKind::Tuple, extra(start));
    t->parenthesized = true;
    t->elts = span(elts);
    t->ctx = ExprContext::Load;
    setDepth(t, t->elts);
    return t;
}

// list | listcomp, with invalid_comprehension's messages.
Expr* ParserImpl::parseListDisplay()
{
    const std::size_t start = m_pos;
    take();
    LevelGuard guard(*this, kBracketCost);
    if (accept(TokenKind::RSqb)) {
        auto* l = newExpr<SequenceExpr>(ExprKind::List, extra(start));
        l->ctx = ExprContext::Load;
        return l;
    }
    Expr* first = parseStarNamedExpression();
    if (atForClause()) {
        if (first->kind == ExprKind::Starred)
            errorAt(first->loc, "iterable unpacking cannot be used in comprehension");
        Span<Comprehension*> gens = parseForIfClauses();
        expect(TokenKind::RSqb);
        auto* c = newExpr<ComprehensionExpr>(ExprKind::ListComp, extra(start));
        c->elt = first;
        c->generators = gens;
        std::uint32_t d = maxDepth(0, first);
        for (const Comprehension* g : gens)
            d = maxDepth(maxDepth(maxDepth(d, g->target), g->iter), g->ifs);
        finishDepth(c, d);
        return c;
    }
    std::vector<Expr*> elts{first};
    Token lastComma;
    bool trailingComma = false;
    for (;;) {
        if (at(TokenKind::Comma)) {
            lastComma = take();
            trailingComma = true;
            if (at(TokenKind::RSqb))
                break;
            if (!atForClause()) {
                elts.push_back(parseStarNamedExpression());
                trailingComma = false;
                continue;
            }
        }
        if (atForClause() && (elts.size() > 1 || trailingComma)) {
            const std::size_t saved = m_pos;
            if (speculate(Pass::Second, [&] { parseForIfClauses(); })) {
                if (elts.size() == 1)
                    errorRange(first->loc, tokenLoc(lastComma), "did you forget parentheses around the comprehension target?");
                errorRange(first->loc, elts.back()->loc, "did you forget parentheses around the comprehension target?");
            }
            m_pos = saved;
        }
        break;
    }
    expect(TokenKind::RSqb);
    auto* l = newExpr<SequenceExpr>(ExprKind::List, extra(start));
    l->elts = span(elts);
    l->ctx = ExprContext::Load;
    setDepth(l, l->elts);
    return l;
}

// dict | set | dictcomp | setcomp
Expr* ParserImpl::parseBraceDisplay()
{
    const std::size_t start = m_pos;
    take();
    LevelGuard guard(*this, kBracketCost);
    if (accept(TokenKind::RBrace)) {
        auto* d = newExpr<DictExpr>(ExprKind::Dict, extra(start));
        return d;
    }
    Expr* first = nullptr;
    if (!at(TokenKind::DoubleStar)) {
        first = parseStarNamedExpression();
        if (!at(TokenKind::Colon) || first->kind == ExprKind::Starred) {
            // A set display or set comprehension.
            if (atForClause()) {
                if (first->kind == ExprKind::Starred)
                    errorAt(first->loc, "iterable unpacking cannot be used in comprehension");
                Span<Comprehension*> gens = parseForIfClauses();
                expect(TokenKind::RBrace);
                auto* c = newExpr<ComprehensionExpr>(ExprKind::SetComp, extra(start));
                c->elt = first;
                c->generators = gens;
                std::uint32_t d = maxDepth(0, first);
                for (const Comprehension* g : gens)
                    d = maxDepth(maxDepth(maxDepth(d, g->target), g->iter), g->ifs);
                finishDepth(c, d);
                return c;
            }
            std::vector<Expr*> elts{first};
            bool trailingComma = false;
            Token lastComma;
            while (at(TokenKind::Comma)) {
                lastComma = take();
                trailingComma = true;
                if (at(TokenKind::RBrace) || atForClause())
                    break;
                elts.push_back(parseStarNamedExpression());
                trailingComma = false;
            }
            if (atForClause() && (elts.size() > 1 || trailingComma)) {
                const std::size_t saved = m_pos;
                if (speculate(Pass::Second, [&] { parseForIfClauses(); })) {
                    if (elts.size() == 1)
                        errorRange(first->loc, tokenLoc(lastComma), "did you forget parentheses around the comprehension target?");
                    errorRange(first->loc, elts.back()->loc, "did you forget parentheses around the comprehension target?");
                }
                m_pos = saved;
            }
            expect(TokenKind::RBrace);
            auto* s = newExpr<SetExpr>(ExprKind::Set, extra(start));
            s->elts = span(elts);
            setDepth(s, s->elts);
            return s;
        }
    }
    // A dict display or dict comprehension.
    std::vector<Expr*> keys;
    std::vector<Expr*> values;
    bool firstIsUnpack = false;
    Token firstStars;
    int pairs = 0;
    auto item = [&](Expr* key) {
        if (key == nullptr && at(TokenKind::DoubleStar)) {
            const Token stars = take();
            if (keys.empty()) {
                firstIsUnpack = true;
                firstStars = stars;
            }
            keys.push_back(nullptr);
            values.push_back(parseBitOr());
            ++pairs;
            return;
        }
        if (key == nullptr)
            key = parseExpression();
        if (!at(TokenKind::Colon)) {
            if (pairs > 0) {
                // invalid_kvpair: reported at the key's last character.
                SyntaxError e = errorAtBytes("SyntaxError", "':' expected after dictionary key", key->loc.line,
                                             key->loc.endCol - 1, key->loc.endLine, -1, false);
                e.endOffset = 0;
                raise(e);
            }
            failGeneric();
        }
        const Token colon = take();
        if (at(TokenKind::Star)) {
            const Token star = peek();
            const std::size_t saved = m_pos;
            take();
            if (speculate(Pass::Second, [&] { parseBitOr(); }))
                errorStartingFrom(tokenLoc(star), "cannot use a starred expression in a dictionary value");
            m_pos = saved;
            failGeneric();
        }
        if (at(TokenKind::RBrace) || at(TokenKind::Comma))
            errorAtToken(colon, "expression expected after dictionary key and ':'");
        keys.push_back(key);
        values.push_back(parseExpression());
        ++pairs;
    };
    item(first);
    if (atForClause()) {
        if (firstIsUnpack)
            errorAtToken(firstStars, "dict unpacking cannot be used in dict comprehension");
        Span<Comprehension*> gens = parseForIfClauses();
        expect(TokenKind::RBrace);
        auto* c = newExpr<ComprehensionExpr>(ExprKind::DictComp, extra(start));
        c->elt = keys[0];
        c->value = values[0];
        c->generators = gens;
        std::uint32_t d = maxDepth(maxDepth(0, keys[0]), values[0]);
        for (const Comprehension* g : gens)
            d = maxDepth(maxDepth(maxDepth(d, g->target), g->iter), g->ifs);
        finishDepth(c, d);
        return c;
    }
    while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RBrace))
            break;
        item(nullptr);
    }
    expect(TokenKind::RBrace);
    auto* d = newExpr<DictExpr>(ExprKind::Dict, extra(start));
    d->keys = span(keys);
    d->values = span(values);
    finishDepth(d, maxDepth(maxDepth(0, d->keys), d->values));
    return d;
}

// primary '(' [arguments] ')' and primary genexp, with invalid_arguments
// and invalid_kwarg messages.
Expr* ParserImpl::parseCall(Expr* func, std::size_t start)
{
    const std::size_t open = m_pos;
    take();
    LevelGuard guard(*this, kBracketCost);
    std::vector<Expr*> args;
    std::vector<Keyword*> keywords;
    bool sawKeyword = false;
    bool sawUnpack = false;
    const char* positionalError = nullptr;
    Location firstArg{};
    Location lastArg{};
    bool any = false;
    auto note = [&](const Location& loc) {
        if (!any)
            firstArg = loc;
        lastArg = loc;
        any = true;
    };
    while (!at(TokenKind::RPar)) {
        const std::size_t argStart = m_pos;
        if (at(TokenKind::Star)) {
            // invalid_arguments: args ',' '*' where the '*' cannot continue
            // the argument list.
            if (any) {
                const std::size_t saved = m_pos;
                const bool ok = !sawUnpack && speculate(Pass::Second, [&] {
                    take();
                    parseExpression();
                });
                m_pos = saved;
                if (!ok)
                    errorRange(firstArg, lastArg, "iterable argument unpacking follows keyword argument unpacking");
            }
            take();
            Expr* value = parseExpression();
            auto* s = newExpr<StarredExpr>(ExprKind::Starred, extra(argStart));
            s->value = value;
            s->ctx = ExprContext::Load;
            setDepth(s, {value});
            args.push_back(s);
            note(s->loc);
        } else if (at(TokenKind::DoubleStar)) {
            take();
            Expr* value = parseExpression();
            auto* k = m_arena.make<Keyword>();
            k->value = value;
            k->loc = extra(argStart);
            keywords.push_back(k);
            sawUnpack = true;
            note(k->loc);
        } else if ((at(TokenKind::KwTrue) || at(TokenKind::KwFalse) || at(TokenKind::KwNone)) &&
                   kind(1) == TokenKind::Equal) {
            const Token name = peek();
            errorRange(tokenLoc(name), tokenLoc(peek(1)), "cannot assign to " + std::string(text(name)));
        } else if (at(TokenKind::Name) && kind(1) == TokenKind::Equal) {
            const Token name = take();
            const Token eq = take();
            Expr* value = parseExpression();
            if (atForClause()) {
                const std::size_t saved = m_pos;
                if (speculate(Pass::Second, [&] { parseForIfClauses(); }))
                    errorRange(tokenLoc(name), tokenLoc(eq), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                m_pos = saved;
            }
            auto* k = m_arena.make<Keyword>();
            k->arg = copyName(name);
            k->value = value;
            k->loc = extra(argStart);
            keywords.push_back(k);
            sawKeyword = true;
            note(k->loc);
        } else {
            Expr* e = at(TokenKind::Name) && kind(1) == TokenKind::ColonEqual ? parseNamedExpression() : parseExpression();
            if (at(TokenKind::Equal))
                errorRange(e->loc, tokenLoc(peek()), "expression cannot contain assignment, perhaps you meant \"==\"?");
            if (atForClause()) {
                Span<Comprehension*> gens = parseForIfClauses();
                const bool alone = args.empty() && keywords.empty();
                if (!alone || at(TokenKind::Comma))
                    errorRange(e->loc, lastComprehensionItem(gens)->loc, "Generator expression must be parenthesized");
                expect(TokenKind::RPar);
                auto* g = newExpr<ComprehensionExpr>(ExprKind::GeneratorExp, extra(open));
                g->elt = e;
                g->generators = gens;
                std::uint32_t d = maxDepth(0, e);
                for (const Comprehension* c : gens)
                    d = maxDepth(maxDepth(maxDepth(d, c->target), c->iter), c->ifs);
                finishDepth(g, d);
                auto* call = newExpr<CallExpr>(ExprKind::Call, extra(start));
                call->func = func;
                call->args = span(std::vector<Expr*>{g});
                setDepth(call, {func, g});
                return call;
            }
            if (positionalError == nullptr && sawUnpack)
                positionalError = "positional argument follows keyword argument unpacking";
            else if (positionalError == nullptr && sawKeyword)
                positionalError = "positional argument follows keyword argument";
            args.push_back(e);
            note(e->loc);
        }
        if (!accept(TokenKind::Comma))
            break;
    }
    expect(TokenKind::RPar);
    if (positionalError != nullptr)
        errorLastToken(positionalError);
    auto* call = newExpr<CallExpr>(ExprKind::Call, extra(start));
    call->func = func;
    call->args = span(args);
    call->keywords = span(keywords);
    std::uint32_t d = maxDepth(maxDepth(0, func), call->args);
    for (const Keyword* k : keywords)
        d = maxDepth(d, k->value);
    finishDepth(call, d);
    return call;
}

} // namespace coroscope::syntax::detail
