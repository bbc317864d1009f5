#pragma once
// ValueExpr: evaluates a Python *expression* directly on the pylite object
// model, so the value tests can compare pylite with CPython row by row: the
// same expression text goes to CPython (gen_value_cases.py) and here.
//
// Supported: int/float/str/bytes literals (with escapes and implicit
// concatenation), None/True/False, list/tuple/dict/set displays, all binary
// and unary operators, comparison chains with `in`/`is`, `not`/`and`/`or`,
// conditional expressions, calls with keyword arguments, subscripts and
// slices, attributes, and `lambda a, b: expr`. Names resolve to the built-in
// types and exceptions plus a few test builtins (repr, len, hash, format...)
// written here on top of the object model's protocols.
//
// Result text: repr(value), or "ExcType: message" when evaluation raised.

#include "core/script/value/Args.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Format.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Range.h"
#include "core/script/value/Set.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Utf8.h"

#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace valuetest {

using namespace coroscope::pylite;

/// Evaluates expressions against one ObjectSpace.
class ValueExpr {
public:
    explicit ValueExpr(ObjectSpace& space) : m_space(space) { installBuiltins(); }

    /// repr of the result, or "Type: message" for an exception.
    std::string eval(std::string_view source)
    {
        Ref r = evaluate(source, {});
        return describe(std::move(r));
    }

    /// Evaluates to a value (null with the exception pending on failure).
    Ref evaluate(std::string_view source, const std::map<std::string, Value>& locals)
    {
        Parser p(*this, source, locals);
        Ref r = p.expression();
        if (r && !p.atEnd()) r = p.syntaxError("unexpected text after expression");
        return r;
    }

    std::string describe(Ref r)
    {
        if (!r) {
            Ref e = m_space.takeError();
            if (!e) return "<null without exception>";
            return formatExceptionOnly(m_space, e.get());
        }
        Ref text = repr(m_space, r.get());
        if (!text) {
            Ref e = m_space.takeError();
            return "repr failed: " + formatExceptionOnly(m_space, e.get());
        }
        return std::string(strView(text.get()));
    }

    void define(const std::string& name, Value v) { m_names[name] = Ref::borrow(v); }

private:
    // --- lambdas -------------------------------------------------------------------
    struct LambdaObject : Object {
        ValueExpr* m_owner;
        std::vector<std::string>* m_params;
        std::string* m_body;
    };

    static Ref callLambda(ObjectSpace& space, Value self, const CallArgs& args)
    {
        auto* l = static_cast<LambdaObject*>(self.object());
        if (args.positional != l->m_params->size() || args.hasKeywords())
            return space.raise(space.types().TypeError, "<lambda>() got the wrong number of arguments");
        std::map<std::string, Value> locals;
        for (std::size_t i = 0; i < args.positional; ++i) locals[(*l->m_params)[i]] = args[i];
        return l->m_owner->evaluate(*l->m_body, locals);
    }

    static void destroyLambda(ObjectSpace&, Object* o)
    {
        auto* l = static_cast<LambdaObject*>(o);
        delete l->m_params;
        delete l->m_body;
    }

    TypeObject* lambdaType()
    {
        if (!m_lambdaType) {
            // A class whose instances are test closures (not Python functions).
            Ref ns = newDict(m_space);
            Ref cls = newClass(m_space, "function", m_space.emptyTuple(), ns.get());
            auto* type = cls.as<TypeObject>();
            type->m_basicSize = sizeof(LambdaObject);
            type->m_dictOffset = 0;
            type->m_flags &= ~std::uint32_t(TypeFlag::Gc);
            type->m_flags |= std::uint32_t(TypeFlag::MethodDescriptor);
            type->m_slots.call = callLambda;
            type->m_slots.destroy = destroyLambda;
            type->m_slots.traverse = nullptr;
            type->m_slots.clear = nullptr;
            m_lambdaType = cls;
        }
        return m_lambdaType.as<TypeObject>();
    }

    Ref makeLambda(std::vector<std::string> params, std::string body)
    {
        auto* l = m_space.heap().alloc<LambdaObject>(lambdaType(), sizeof(LambdaObject));
        if (!l) return Ref();
        l->m_owner = this;
        l->m_params = new std::vector<std::string>(std::move(params));
        l->m_body = new std::string(std::move(body));
        return Ref::steal(l);
    }

    // --- parser / evaluator --------------------------------------------------------
    class Parser {
    public:
        Parser(ValueExpr& owner, std::string_view src, const std::map<std::string, Value>& locals)
            : m_owner(owner), m_space(owner.m_space), m_src(src), m_locals(locals)
        {
        }

        bool atEnd()
        {
            skip();
            return m_pos >= m_src.size();
        }

        Ref syntaxError(const std::string& what)
        {
            return m_space.raise(m_space.types().SyntaxError, what + " at " + std::to_string(m_pos));
        }

        Ref expression()
        {
            if (peekWord("lambda")) return lambda();
            Ref v = orTest();
            if (!v) return v;
            if (peekWord("if")) {
                eatWord("if");
                Ref cond = orTest();
                if (!cond) return cond;
                if (!eatWord("else")) return syntaxError("expected else");
                Ref other = expression();
                if (!other) return other;
                const int t = isTrue(m_space, cond.get());
                if (t < 0) return Ref();
                return t ? v : other;
            }
            return v;
        }

    private:
        void skip()
        {
            while (m_pos < m_src.size() && (m_src[m_pos] == ' ' || m_src[m_pos] == '\n')) ++m_pos;
        }
        bool peek(std::string_view tok)
        {
            skip();
            return m_src.substr(m_pos, tok.size()) == tok;
        }
        bool eat(std::string_view tok)
        {
            if (!peek(tok)) return false;
            m_pos += tok.size();
            return true;
        }
        static bool identChar(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
        bool peekWord(std::string_view w)
        {
            skip();
            if (m_src.substr(m_pos, w.size()) != w) return false;
            const std::size_t e = m_pos + w.size();
            return e >= m_src.size() || !identChar(m_src[e]);
        }
        bool eatWord(std::string_view w)
        {
            if (!peekWord(w)) return false;
            m_pos += w.size();
            return true;
        }
        std::string identifier()
        {
            skip();
            const std::size_t s = m_pos;
            while (m_pos < m_src.size() && identChar(m_src[m_pos])) ++m_pos;
            return std::string(m_src.substr(s, m_pos - s));
        }

        Ref lambda()
        {
            eatWord("lambda");
            std::vector<std::string> params;
            while (!peek(":")) {
                params.push_back(identifier());
                if (params.back().empty()) return syntaxError("bad lambda parameter");
                eat(",");
            }
            eat(":");
            // The body runs to the end of this expression: a ',' or closing
            // bracket at depth zero.
            skip();
            const std::size_t s = m_pos;
            int depth = 0;
            char quote = 0;
            for (; m_pos < m_src.size(); ++m_pos) {
                const char c = m_src[m_pos];
                if (quote) {
                    if (c == '\\') ++m_pos;
                    else if (c == quote) quote = 0;
                    continue;
                }
                if (c == '\'' || c == '"') quote = c;
                else if (c == '(' || c == '[' || c == '{') ++depth;
                else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) break;
                    --depth;
                } else if (c == ',' && depth == 0) {
                    break;
                }
            }
            return m_owner.makeLambda(std::move(params), std::string(m_src.substr(s, m_pos - s)));
        }

        Ref orTest()
        {
            Ref v = andTest();
            while (v && eatWord("or")) {
                Ref r = andTest();
                if (!r) return r;
                const int t = isTrue(m_space, v.get());
                if (t < 0) return Ref();
                if (!t) v = r;
            }
            return v;
        }

        Ref andTest()
        {
            Ref v = notTest();
            while (v && eatWord("and")) {
                Ref r = notTest();
                if (!r) return r;
                const int t = isTrue(m_space, v.get());
                if (t < 0) return Ref();
                if (t) v = r;
            }
            return v;
        }

        Ref notTest()
        {
            if (eatWord("not")) {
                Ref v = notTest();
                if (!v) return v;
                const int t = isTrue(m_space, v.get());
                if (t < 0) return Ref();
                return Ref::boolean(!t);
            }
            return comparison();
        }

        Ref comparison()
        {
            Ref left = bitOr();
            Ref result;
            while (left) {
                enum { Cmp, In, NotIn, Is, IsNot, None } kind = None;
                CompareOp op = CompareOp::Eq;
                if (eat("==")) kind = Cmp, op = CompareOp::Eq;
                else if (eat("!=")) kind = Cmp, op = CompareOp::Ne;
                else if (eat("<=")) kind = Cmp, op = CompareOp::Le;
                else if (eat(">=")) kind = Cmp, op = CompareOp::Ge;
                else if (peek("<") && !peek("<<")) eat("<"), kind = Cmp, op = CompareOp::Lt;
                else if (peek(">") && !peek(">>")) eat(">"), kind = Cmp, op = CompareOp::Gt;
                else if (eatWord("in")) kind = In;
                else if (peekWord("not")) {
                    const std::size_t save = m_pos;
                    eatWord("not");
                    if (eatWord("in")) kind = NotIn;
                    else m_pos = save;
                } else if (eatWord("is")) kind = eatWord("not") ? IsNot : Is;
                if (kind == None) break;
                Ref right = bitOr();
                if (!right) return right;
                Ref r;
                if (kind == Cmp) {
                    r = richCompare(m_space, left.get(), right.get(), op);
                } else if (kind == In || kind == NotIn) {
                    const int c = contains(m_space, right.get(), left.get());
                    if (c < 0) return Ref();
                    r = Ref::boolean(kind == In ? c == 1 : c == 0);
                } else {
                    r = Ref::boolean((left.get() == right.get()) == (kind == Is));
                }
                if (!r) return r;
                result = r;
                const int t = isTrue(m_space, r.get());
                if (t < 0) return Ref();
                if (!t) {
                    // Short-circuit the rest of the chain.
                    while (true) {
                        const std::size_t save = m_pos;
                        if (eat("==") || eat("!=") || eat("<=") || eat(">=") || (peek("<") && !peek("<<") && eat("<")) ||
                            (peek(">") && !peek(">>") && eat(">")) || eatWord("in") || eatWord("is")) {
                            eatWord("not");
                            if (!bitOr()) return Ref();
                            continue;
                        }
                        m_pos = save;
                        break;
                    }
                    return result;
                }
                left = right;
            }
            return result ? result : left;
        }

        template <class Next> Ref binaryLevel(Next next, std::initializer_list<std::pair<const char*, NumOp>> ops)
        {
            Ref v = (this->*next)();
            while (v) {
                bool matched = false;
                for (auto& [tok, op] : ops) {
                    const std::string_view t(tok);
                    if (!peek(t)) continue;
                    // Do not split longer operators: '*' vs '**', '/' vs '//', '<' vs '<<'.
                    const std::size_t after = m_pos + t.size();
                    if (after < m_src.size() && (t == "*" || t == "/") && m_src[after] == t[0]) continue;
                    if (after < m_src.size() && m_src[after] == '=' && t != "==") continue;
                    m_pos = after;
                    Ref r = (this->*next)();
                    if (!r) return r;
                    v = binaryOp(m_space, op, v.get(), r.get());
                    matched = true;
                    break;
                }
                if (!matched) break;
            }
            return v;
        }

        Ref bitOr() { return binaryLevel(&Parser::bitXor, {{"|", NumOp::Or}}); }
        Ref bitXor() { return binaryLevel(&Parser::bitAnd, {{"^", NumOp::Xor}}); }
        Ref bitAnd() { return binaryLevel(&Parser::shift, {{"&", NumOp::And}}); }
        Ref shift() { return binaryLevel(&Parser::arith, {{"<<", NumOp::LShift}, {">>", NumOp::RShift}}); }
        Ref arith() { return binaryLevel(&Parser::term, {{"+", NumOp::Add}, {"-", NumOp::Sub}}); }
        Ref term()
        {
            return binaryLevel(&Parser::factor, {{"//", NumOp::FloorDiv}, {"*", NumOp::Mul}, {"/", NumOp::TrueDiv},
                                                 {"%", NumOp::Mod}, {"@", NumOp::MatMul}});
        }

        Ref factor()
        {
            if (eat("-")) {
                Ref v = factor();
                return v ? unaryOp(m_space, UnaryOp::Neg, v.get()) : v;
            }
            if (eat("+")) {
                Ref v = factor();
                return v ? unaryOp(m_space, UnaryOp::Pos, v.get()) : v;
            }
            if (eat("~")) {
                Ref v = factor();
                return v ? unaryOp(m_space, UnaryOp::Invert, v.get()) : v;
            }
            return power();
        }

        Ref power()
        {
            Ref v = postfix();
            if (v && eat("**")) {
                Ref e = factor();
                if (!e) return e;
                return binaryOp(m_space, NumOp::Pow, v.get(), e.get());
            }
            return v;
        }

        Ref postfix()
        {
            Ref v = atom();
            while (v) {
                if (eat("(")) {
                    v = callArgs(v.get());
                } else if (eat("[")) {
                    v = subscript(v.get());
                } else if (peek(".") && !(m_pos + 1 < m_src.size() && m_src[m_pos + 1] >= '0' && m_src[m_pos + 1] <= '9')) {
                    eat(".");
                    std::string name = identifier();
                    v = getAttr(m_space, v.get(), m_space.intern(name));
                } else {
                    break;
                }
            }
            return v;
        }

        Ref callArgs(Value fn)
        {
            std::vector<Ref> positional;
            std::vector<std::string> names;
            std::vector<Ref> kwvalues;
            while (!eat(")")) {
                skip();
                const std::size_t save = m_pos;
                std::string name = identifier();
                if (!name.empty() && peek("=") && !peek("==")) {
                    eat("=");
                    Ref v = expression();
                    if (!v) return v;
                    names.push_back(name);
                    kwvalues.push_back(std::move(v));
                } else {
                    m_pos = save;
                    Ref v = expression();
                    if (!v) return v;
                    positional.push_back(std::move(v));
                }
                if (!eat(",") && !peek(")")) return syntaxError("expected , or )");
            }
            std::vector<Value> values;
            for (Ref& r : positional) values.push_back(r.get());
            for (Ref& r : kwvalues) values.push_back(r.get());
            Ref kwnames;
            if (!names.empty()) {
                std::vector<Ref> nameStrs;
                std::vector<Value> raw;
                for (auto& n : names) {
                    nameStrs.push_back(Ref::borrow(Value::fromObject(m_space.intern(n))));
                    raw.push_back(nameStrs.back().get());
                }
                kwnames = newTupleFrom(m_space, raw.data(), std::int64_t(raw.size()));
            }
            return call(m_space, fn, CallArgs(values.data(), positional.size(), kwnames ? kwnames.as<TupleObject>() : nullptr));
        }

        Ref sliceItem()
        {
            // [a][:[b]][:[c]] inside brackets
            Ref parts[3];
            int colons = 0;
            for (;;) {
                if (peek(":")) {
                    eat(":");
                    ++colons;
                    if (colons > 2) return syntaxError("bad slice");
                    continue;
                }
                if (peek("]") || peek(",")) break;
                Ref v = expression();
                if (!v) return v;
                parts[colons] = std::move(v);
            }
            if (colons == 0) return parts[0];
            return newSlice(m_space, parts[0] ? parts[0].get() : Value::none(), parts[1] ? parts[1].get() : Value::none(),
                            parts[2] ? parts[2].get() : Value::none());
        }

        Ref subscript(Value obj)
        {
            std::vector<Ref> items;
            bool tuple = false;
            while (!eat("]")) {
                Ref v = sliceItem();
                if (!v) return v;
                items.push_back(std::move(v));
                if (eat(",")) tuple = true;
            }
            if (items.size() == 1 && !tuple) return getItem(m_space, obj, items[0].get());
            std::vector<Value> raw;
            for (Ref& r : items) raw.push_back(r.get());
            Ref key = newTupleFrom(m_space, raw.data(), std::int64_t(raw.size()));
            if (!key) return key;
            return getItem(m_space, obj, key.get());
        }

        /// Comma-separated expressions up to `close`; `trailingComma` tells a
        /// one-element tuple.
        bool sequence(const char* close, std::vector<Ref>& out, bool& trailingComma)
        {
            trailingComma = false;
            while (!eat(close)) {
                Ref v = expression();
                if (!v) return false;
                out.push_back(std::move(v));
                trailingComma = eat(",");
                if (!trailingComma && !peek(close)) {
                    syntaxError("expected , or closing bracket");
                    return false;
                }
            }
            return true;
        }

        Ref atom()
        {
            skip();
            if (m_pos >= m_src.size()) return syntaxError("unexpected end");
            const char c = m_src[m_pos];
            if (c == '(') {
                ++m_pos;
                std::vector<Ref> items;
                bool comma;
                if (!sequence(")", items, comma)) return Ref();
                if (items.size() == 1 && !comma) return items[0];
                std::vector<Value> raw;
                for (Ref& r : items) raw.push_back(r.get());
                return newTupleFrom(m_space, raw.data(), std::int64_t(raw.size()));
            }
            if (c == '[') {
                ++m_pos;
                std::vector<Ref> items;
                bool comma;
                if (!sequence("]", items, comma)) return Ref();
                Ref list = newList(m_space);
                for (Ref& r : items)
                    if (!list || !listAppend(m_space, list.as<ListObject>(), r.get())) return Ref();
                return list;
            }
            if (c == '{') return display();
            if (m_src.substr(m_pos, 3) == "...") {
                m_pos += 3;
                return Ref::borrow(m_space.ellipsis());
            }
            if (c == '\'' || c == '"' || ((c == 'b' || c == 'r' || c == 'B' || c == 'R') && m_pos + 1 < m_src.size() &&
                                          (m_src[m_pos + 1] == '\'' || m_src[m_pos + 1] == '"'))) {
                return strings();
            }
            if ((c >= '0' && c <= '9') || (c == '.' && m_pos + 1 < m_src.size() && m_src[m_pos + 1] >= '0' && m_src[m_pos + 1] <= '9'))
                return number();
            std::string name = identifier();
            if (name.empty()) return syntaxError(std::string("unexpected character '") + c + "'");
            if (name == "None") return Ref::none();
            if (name == "True") return Ref::boolean(true);
            if (name == "False") return Ref::boolean(false);
            if (name == "NotImplemented") return Ref::notImplemented();
            auto local = m_locals.find(name);
            if (local != m_locals.end()) return Ref::borrow(local->second);
            auto it = m_owner.m_names.find(name);
            if (it == m_owner.m_names.end()) {
                return m_space.raise(m_space.types().NameError, "name '" + name + "' is not defined");
            }
            return it->second;
        }

        Ref display()
        {
            ++m_pos;
            if (eat("}")) return newDict(m_space);
            Ref first = expression();
            if (!first) return first;
            if (eat(":")) {
                Ref d = newDict(m_space);
                Ref value = expression();
                if (!d || !value || !dictSet(m_space, d.as<DictObject>(), first.get(), value.get())) return Ref();
                while (eat(",")) {
                    if (peek("}")) break;
                    Ref k = expression();
                    if (!k || !eat(":")) return k ? syntaxError("expected :") : k;
                    Ref v = expression();
                    if (!v || !dictSet(m_space, d.as<DictObject>(), k.get(), v.get())) return Ref();
                }
                if (!eat("}")) return syntaxError("expected }");
                return d;
            }
            Ref s = newSet(m_space);
            if (!s || setAdd(m_space, s.as<SetObject>(), first.get()) < 0) return Ref();
            while (eat(",")) {
                if (peek("}")) break;
                Ref v = expression();
                if (!v || setAdd(m_space, s.as<SetObject>(), v.get()) < 0) return Ref();
            }
            if (!eat("}")) return syntaxError("expected }");
            return s;
        }

        Ref number()
        {
            const std::size_t s = m_pos;
            bool isFloat = false;
            if (m_src[m_pos] == '0' && m_pos + 1 < m_src.size() &&
                std::string_view("xXoObB").find(m_src[m_pos + 1]) != std::string_view::npos) {
                m_pos += 2;
                while (m_pos < m_src.size() && (identChar(m_src[m_pos]))) ++m_pos;
                return parseInt(m_space, m_src.substr(s, m_pos - s), 0);
            }
            while (m_pos < m_src.size()) {
                const char c = m_src[m_pos];
                if ((c >= '0' && c <= '9') || c == '_') {
                    ++m_pos;
                } else if (c == '.' && !(m_pos + 1 < m_src.size() && identChar(m_src[m_pos + 1]) &&
                                         !(m_src[m_pos + 1] >= '0' && m_src[m_pos + 1] <= '9') && m_src[m_pos + 1] != 'e' &&
                                         m_src[m_pos + 1] != 'E')) {
                    isFloat = true;
                    ++m_pos;
                } else if ((c == 'e' || c == 'E') && m_pos + 1 < m_src.size()) {
                    isFloat = true;
                    ++m_pos;
                    if (m_src[m_pos] == '+' || m_src[m_pos] == '-') ++m_pos;
                } else {
                    break;
                }
            }
            std::string_view text = m_src.substr(s, m_pos - s);
            return isFloat ? parseFloat(m_space, text) : parseInt(m_space, text, 10);
        }

        static int hexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }

        Ref strings()
        {
            std::string text;
            bool bytes = false;
            bool any = false;
            for (;;) {
                skip();
                if (m_pos >= m_src.size()) break;
                bool raw = false, isBytes = false;
                std::size_t p = m_pos;
                while (p < m_src.size() && (m_src[p] == 'b' || m_src[p] == 'B' || m_src[p] == 'r' || m_src[p] == 'R')) {
                    if (m_src[p] == 'b' || m_src[p] == 'B') isBytes = true;
                    else raw = true;
                    ++p;
                }
                if (p >= m_src.size() || (m_src[p] != '\'' && m_src[p] != '"')) break;
                if (any && isBytes != bytes) return syntaxError("cannot mix bytes and nonbytes literals");
                bytes = isBytes;
                any = true;
                const char quote = m_src[p];
                m_pos = p + 1;
                while (m_pos < m_src.size() && m_src[m_pos] != quote) {
                    char c = m_src[m_pos++];
                    if (c != '\\' || raw) {
                        text += c;
                        continue;
                    }
                    const char e = m_src[m_pos++];
                    switch (e) {
                    case 'n': text += '\n'; break;
                    case 't': text += '\t'; break;
                    case 'r': text += '\r'; break;
                    case '0': text += '\0'; break;
                    case '\\': text += '\\'; break;
                    case '\'': text += '\''; break;
                    case '"': text += '"'; break;
                    case 'x': {
                        const int v = hexValue(m_src[m_pos]) * 16 + hexValue(m_src[m_pos + 1]);
                        m_pos += 2;
                        if (bytes) text += char(v);
                        else utf8::append(text, char32_t(v));
                        break;
                    }
                    case 'u':
                    case 'U': {
                        const int n = e == 'u' ? 4 : 8;
                        char32_t v = 0;
                        for (int k = 0; k < n; ++k) v = v * 16 + char32_t(hexValue(m_src[m_pos++]));
                        utf8::append(text, v);
                        break;
                    }
                    default:
                        text += '\\';
                        text += e;
                    }
                }
                ++m_pos;
            }
            return bytes ? newBytes(m_space, text) : newStr(m_space, text);
        }

        ValueExpr& m_owner;
        ObjectSpace& m_space;
        std::string_view m_src;
        const std::map<std::string, Value>& m_locals;
        std::size_t m_pos = 0;
    };

    // --- test builtins -----------------------------------------------------------------
    static Ref bReprFn(ObjectSpace& s, Value, const CallArgs& a) { return a.positional == 1 ? repr(s, a[0]) : Ref(); }
    static Ref bAsciiFn(ObjectSpace& s, Value, const CallArgs& a)
    {
        Ref r = repr(s, a[0]);
        return r ? newStr(s, asciiEscape(strView(r.get()))) : r;
    }
    static Ref bLen(ObjectSpace& s, Value, const CallArgs& a)
    {
        const std::int64_t n = length(s, a[0]);
        return n < 0 ? Ref() : newInt(s, n);
    }
    static Ref bHash(ObjectSpace& s, Value, const CallArgs& a)
    {
        const std::int64_t h = hashValue(s, a[0]);
        return h == -1 ? Ref() : newInt(s, h);
    }
    static Ref bFormat(ObjectSpace& s, Value, const CallArgs& a)
    {
        return formatValue(s, a[0], a.positional > 1 ? a[1] : s.emptyStr());
    }
    static Ref bDivmod(ObjectSpace& s, Value, const CallArgs& a) { return binaryOp(s, NumOp::DivMod, a[0], a[1]); }
    static Ref bRound(ObjectSpace& s, Value, const CallArgs& a)
    {
        return roundNumber(s, a[0], a.positional > 1 && !a[1].isNone() ? a[1] : Value());
    }
    static Ref bAbs(ObjectSpace& s, Value, const CallArgs& a) { return unaryOp(s, UnaryOp::Abs, a[0]); }
    static Ref bPow(ObjectSpace& s, Value, const CallArgs& a)
    {
        if (a.positional == 3 && !a[2].isNone()) return powMod(s, a[0], a[1], a[2]);
        return binaryOp(s, NumOp::Pow, a[0], a[1]);
    }
    static Ref bSorted(ObjectSpace& s, Value, const CallArgs& a)
    {
        Ref list = listFromIterable(s, a[0]);
        if (!list) return list;
        Value key, reverse;
        for (std::size_t k = 0; k < a.keywordCount(); ++k) {
            if (strView(a.keywordName(k)) == "key") key = a.keywordValue(k);
            if (strView(a.keywordName(k)) == "reverse") reverse = a.keywordValue(k);
        }
        if (!listSort(s, list.as<ListObject>(), key && !key.isNone() ? key : Value(), reverse && isTrue(s, reverse) == 1))
            return Ref();
        return list;
    }
    static Ref bIter(ObjectSpace& s, Value, const CallArgs& a)
    {
        if (a.positional == 2) return newCallIterRef(s, a[0], a[1]);
        return getIter(s, a[0]);
    }
    static Ref newCallIterRef(ObjectSpace& s, Value c, Value sentinel);
    static Ref bNext(ObjectSpace& s, Value, const CallArgs& a)
    {
        Ref r = iterNext(s, a[0]);
        if (r || s.hasError()) return r;
        if (a.positional > 1) return Ref::borrow(a[1]);
        return s.raiseEmpty(s.types().StopIteration);
    }
    static Ref bIsInstance(ObjectSpace& s, Value, const CallArgs& a)
    {
        const int r = isInstance(s, a[0], a[1]);
        return r < 0 ? Ref() : Ref::boolean(r);
    }
    static Ref bIsSubclass(ObjectSpace& s, Value, const CallArgs& a)
    {
        const int r = isSubclass(s, a[0], a[1]);
        return r < 0 ? Ref() : Ref::boolean(r);
    }
    static Ref bChr(ObjectSpace& s, Value, const CallArgs& a)
    {
        std::int64_t c;
        if (!indexValue(s, a[0], c)) return Ref();
        if (c < 0 || c > 0x10ffff) return s.raise(s.types().ValueError, "chr() arg not in range(0x110000)");
        return newStrFromCodePoint(s, char32_t(c));
    }
    static Ref bOrd(ObjectSpace& s, Value, const CallArgs& a)
    {
        if (!isStr(s, a[0]) || asStr(a[0])->m_length != 1) return s.raise(s.types().TypeError, "ord() expected a character");
        return newInt(s, strCodePointAt(asStr(a[0]), 0));
    }
    static Ref bMinMax(ObjectSpace& s, const CallArgs& a, CompareOp op)
    {
        Ref best;
        auto consider = [&](Value v) {
            if (!best) {
                best = Ref::borrow(v);
                return true;
            }
            const int r = compareBool(s, v, best.get(), op);
            if (r < 0) return false;
            if (r) best = Ref::borrow(v);
            return true;
        };
        if (a.positional == 1) {
            if (!forEach(s, a[0], consider)) return Ref();
        } else {
            for (std::size_t i = 0; i < a.positional; ++i)
                if (!consider(a[i])) return Ref();
        }
        if (!best) return s.raise(s.types().ValueError, op == CompareOp::Lt ? "min() arg is an empty sequence" : "max() arg is an empty sequence");
        return best;
    }
    static Ref bMin(ObjectSpace& s, Value, const CallArgs& a) { return bMinMax(s, a, CompareOp::Lt); }
    static Ref bMax(ObjectSpace& s, Value, const CallArgs& a) { return bMinMax(s, a, CompareOp::Gt); }
    static Ref bSum(ObjectSpace& s, Value, const CallArgs& a)
    {
        Ref total = a.positional > 1 ? Ref::borrow(a[1]) : Ref::steal(Value::smallInt(0));
        if (!forEach(s, a[0], [&](Value v) {
                total = binaryOp(s, NumOp::Add, total.get(), v);
                return !total.isNull();
            }))
            return Ref();
        return total;
    }
    static Ref bCallable(ObjectSpace& s, Value, const CallArgs& a) { return Ref::boolean(isCallable(s, a[0])); }
    static Ref bGetattr(ObjectSpace& s, Value, const CallArgs& a)
    {
        if (!isStr(s, a[1])) return s.raise(s.types().TypeError, "attribute name must be string");
        Ref r = getAttr(s, a[0], asStr(a[1]));
        if (!r && a.positional > 2 && s.errorMatches(s.types().AttributeError)) {
            s.clearError();
            return Ref::borrow(a[2]);
        }
        return r;
    }
    static Ref bHasattr(ObjectSpace& s, Value, const CallArgs& a)
    {
        Ref r = getAttr(s, a[0], asStr(a[1]));
        if (!r && s.errorMatches(s.types().AttributeError)) {
            s.clearError();
            return Ref::boolean(false);
        }
        return r ? Ref::boolean(true) : r;
    }
    static Ref bHex(ObjectSpace& s, Value, const CallArgs& a)
    {
        std::int64_t v;
        if (!indexValue(s, a[0], v)) return Ref();
        return formatValue(s, a[0], std::string_view("#x"));
    }

    /// bits(pattern): the double with these IEEE-754 bits (test helper).
    static Ref bBits(ObjectSpace& s, Value, const CallArgs& a)
    {
        std::int64_t pattern;
        if (!asInt64(s, a[0], pattern)) return s.raise(s.types().TypeError, "bits() wants an int");
        double d;
        static_assert(sizeof d == sizeof pattern);
        std::memcpy(&d, &pattern, sizeof d);
        return newFloat(s, d);
    }

    void fn(const char* name, NativeFn f) { m_names[name] = newBuiltinFunction(m_space, name, f); }

    void installBuiltins()
    {
        const BuiltinTypes& T = m_space.types();
#define VALUEEXPR_TYPE(member, name) m_names[name] = Ref::borrow(Value::fromObject(T.member));
        PYLITE_CORE_TYPES(VALUEEXPR_TYPE)
#undef VALUEEXPR_TYPE
#define VALUEEXPR_EXC(name, base) m_names[#name] = Ref::borrow(Value::fromObject(T.name));
        PYLITE_EXCEPTION_TYPES(VALUEEXPR_EXC)
#undef VALUEEXPR_EXC
        fn("repr", bReprFn);
        fn("ascii", bAsciiFn);
        fn("len", bLen);
        fn("hash", bHash);
        fn("format", bFormat);
        fn("divmod", bDivmod);
        fn("round", bRound);
        fn("abs", bAbs);
        fn("pow", bPow);
        fn("sorted", bSorted);
        fn("iter", bIter);
        fn("next", bNext);
        fn("isinstance", bIsInstance);
        fn("issubclass", bIsSubclass);
        fn("chr", bChr);
        fn("ord", bOrd);
        fn("min", bMin);
        fn("max", bMax);
        fn("sum", bSum);
        fn("callable", bCallable);
        fn("getattr", bGetattr);
        fn("hasattr", bHasattr);
        fn("hex", bHex);
        fn("bits", bBits);
    }

    ObjectSpace& m_space;
    std::map<std::string, Ref> m_names;
    Ref m_lambdaType;
};

inline Ref ValueExpr::newCallIterRef(ObjectSpace& s, Value c, Value sentinel) { return newCallIter(s, c, sentinel); }

} // namespace valuetest
