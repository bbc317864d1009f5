#include "core/script/syntax/AstDump.h"

#include "core/script/syntax/detail/Unicode.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace coroscope::syntax {

namespace {

const char* opName(BinOpKind op)
{
    static const char* const names[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                        "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
    return names[static_cast<int>(op)];
}

const char* opName(UnaryOpKind op)
{
    static const char* const names[] = {"Invert", "Not", "UAdd", "USub"};
    return names[static_cast<int>(op)];
}

const char* opName(CmpOpKind op)
{
    static const char* const names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
    return names[static_cast<int>(op)];
}

const char* ctxName(ExprContext ctx)
{
    return ctx == ExprContext::Load ? "Load()" : ctx == ExprContext::Store ? "Store()" : "Del()";
}

// Builds "Name(field=value, ...)" texts the way ast.dump does.
class Dumper {
public:
    explicit Dumper(const AstDumpOptions& options) : m_options(options) {}

    std::string module(const Module& m)
    {
        return "Module(body=" + stmts(m.body) + ", type_ignores=[])";
    }

    std::string stmts(Span<Stmt*> body)
    {
        std::vector<std::string> items;
        for (const Stmt* s : body)
            items.push_back(stmt(*s));
        return list(items);
    }

    std::string exprs(Span<Expr*> es)
    {
        std::vector<std::string> items;
        for (const Expr* e : es)
            items.push_back(e ? expr(*e) : "None");
        return list(items);
    }

    std::string stmt(const Stmt& s);
    std::string expr(const Expr& e);

private:
    struct Fields {
        std::vector<std::string> items;
        Fields& add(const char* name, const std::string& value)
        {
            items.push_back(std::string(name) + "=" + value);
            return *this;
        }
        Fields& opt(const char* name, const Expr* e, Dumper& d)
        {
            if (e != nullptr)
                add(name, d.expr(*e));
            return *this;
        }
    };

    static std::string list(const std::vector<std::string>& items)
    {
        std::string out = "[";
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i)
                out += ", ";
            out += items[i];
        }
        return out + "]";
    }

    std::string node(const char* name, Fields& f, const Location* loc)
    {
        if (m_options.includeAttributes && loc != nullptr) {
            f.add("lineno", std::to_string(loc->line));
            f.add("col_offset", std::to_string(loc->col));
            f.add("end_lineno", std::to_string(loc->endLine));
            f.add("end_col_offset", std::to_string(loc->endCol));
        }
        std::string out = std::string(name) + "(";
        for (std::size_t i = 0; i < f.items.size(); ++i) {
            if (i)
                out += ", ";
            out += f.items[i];
        }
        return out + ")";
    }

    static std::string quoted(std::string_view s) { return pythonStrRepr(s); }

    std::string arg(const Arg& a)
    {
        Fields f;
        f.add("arg", quoted(a.name)).opt("annotation", a.annotation, *this);
        return node("arg", f, &a.loc);
    }

    std::string args(const Span<Arg*>& as)
    {
        std::vector<std::string> items;
        for (const Arg* a : as)
            items.push_back(arg(*a));
        return list(items);
    }

    std::string arguments(const Arguments& a)
    {
        Fields f;
        f.add("posonlyargs", args(a.posOnlyArgs)).add("args", args(a.args));
        if (a.vararg)
            f.add("vararg", arg(*a.vararg));
        f.add("kwonlyargs", args(a.kwOnlyArgs)).add("kw_defaults", exprs(a.kwDefaults));
        if (a.kwarg)
            f.add("kwarg", arg(*a.kwarg));
        f.add("defaults", exprs(a.defaults));
        return node("arguments", f, nullptr);
    }

    std::string keywords(Span<Keyword*> ks)
    {
        std::vector<std::string> items;
        for (const Keyword* k : ks) {
            Fields f;
            if (!k->arg.empty())
                f.add("arg", quoted(k->arg));
            f.add("value", expr(*k->value));
            items.push_back(node("keyword", f, &k->loc));
        }
        return list(items);
    }

    std::string comprehensions(Span<Comprehension*> gens)
    {
        std::vector<std::string> items;
        for (const Comprehension* c : gens) {
            Fields f;
            f.add("target", expr(*c->target)).add("iter", expr(*c->iter)).add("ifs", exprs(c->ifs));
            f.add("is_async", c->isAsync ? "1" : "0");
            items.push_back(node("comprehension", f, nullptr));
        }
        return list(items);
    }

    std::string aliases(Span<Alias*> names)
    {
        std::vector<std::string> items;
        for (const Alias* a : names) {
            Fields f;
            f.add("name", quoted(a->name));
            if (!a->asname.empty())
                f.add("asname", quoted(a->asname));
            items.push_back(node("alias", f, &a->loc));
        }
        return list(items);
    }

    std::string constant(const ConstantExpr& c);

    const AstDumpOptions& m_options;
};

std::string Dumper::constant(const ConstantExpr& c)
{
    switch (c.value) {
    case ConstantKind::None: return "None";
    case ConstantKind::True: return "True";
    case ConstantKind::False: return "False";
    case ConstantKind::Ellipsis: return "Ellipsis";
    case ConstantKind::Int: return std::to_string(c.intValue);
    case ConstantKind::BigInt: return std::string(c.text);
    case ConstantKind::Float: return pythonFloatRepr(c.floatValue);
    case ConstantKind::Imaginary: {
        std::string r = pythonFloatRepr(c.floatValue);
        if (r.size() > 2 && r.compare(r.size() - 2, 2, ".0") == 0)
            r.resize(r.size() - 2);
        if (r == "inf" || r == "nan")
            return r + "j";
        return r + "j";
    }
    case ConstantKind::Str: return pythonStrRepr(c.text);
    case ConstantKind::Bytes: return pythonBytesRepr(c.text);
    }
    return "?";
}

std::string Dumper::expr(const Expr& e)
{
    Fields f;
    const char* name = "?";
    switch (e.kind) {
    case ExprKind::BoolOp: {
        const auto* n = e.as<BoolOpExpr>();
        name = "BoolOp";
        f.add("op", n->op == BoolOpKind::And ? "And()" : "Or()").add("values", exprs(n->values));
        break;
    }
    case ExprKind::NamedExpr: {
        const auto* n = e.as<NamedExpr>();
        name = "NamedExpr";
        f.add("target", expr(*n->target)).add("value", expr(*n->value));
        break;
    }
    case ExprKind::BinOp: {
        const auto* n = e.as<BinOpExpr>();
        name = "BinOp";
        f.add("left", expr(*n->left)).add("op", std::string(opName(n->op)) + "()").add("right", expr(*n->right));
        break;
    }
    case ExprKind::UnaryOp: {
        const auto* n = e.as<UnaryOpExpr>();
        name = "UnaryOp";
        f.add("op", std::string(opName(n->op)) + "()").add("operand", expr(*n->operand));
        break;
    }
    case ExprKind::Lambda: {
        const auto* n = e.as<LambdaExpr>();
        name = "Lambda";
        f.add("args", arguments(*n->args)).add("body", expr(*n->body));
        break;
    }
    case ExprKind::IfExp: {
        const auto* n = e.as<IfExpr>();
        name = "IfExp";
        f.add("test", expr(*n->test)).add("body", expr(*n->body)).add("orelse", expr(*n->orelse));
        break;
    }
    case ExprKind::Dict: {
        const auto* n = e.as<DictExpr>();
        name = "Dict";
        f.add("keys", exprs(n->keys)).add("values", exprs(n->values));
        break;
    }
    case ExprKind::Set:
        name = "Set";
        f.add("elts", exprs(e.as<SetExpr>()->elts));
        break;
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp:
    case ExprKind::DictComp: {
        const auto* n = e.as<ComprehensionExpr>();
        name = e.kind == ExprKind::ListComp ? "ListComp"
               : e.kind == ExprKind::SetComp ? "SetComp"
               : e.kind == ExprKind::DictComp ? "DictComp"
                                              : "GeneratorExp";
        if (e.kind == ExprKind::DictComp)
            f.add("key", expr(*n->elt)).add("value", expr(*n->value));
        else
            f.add("elt", expr(*n->elt));
        f.add("generators", comprehensions(n->generators));
        break;
    }
    case ExprKind::Await:
    case ExprKind::Yield:
    case ExprKind::YieldFrom: {
        const auto* n = e.as<UnaryValueExpr>();
        name = e.kind == ExprKind::Await ? "Await" : e.kind == ExprKind::Yield ? "Yield" : "YieldFrom";
        f.opt("value", n->value, *this);
        break;
    }
    case ExprKind::Compare: {
        const auto* n = e.as<CompareExpr>();
        name = "Compare";
        std::vector<std::string> ops;
        for (CmpOpKind op : n->ops)
            ops.push_back(std::string(opName(op)) + "()");
        f.add("left", expr(*n->left)).add("ops", list(ops)).add("comparators", exprs(n->comparators));
        break;
    }
    case ExprKind::Call: {
        const auto* n = e.as<CallExpr>();
        name = "Call";
        f.add("func", expr(*n->func)).add("args", exprs(n->args)).add("keywords", keywords(n->keywords));
        break;
    }
    case ExprKind::FormattedValue: {
        const auto* n = e.as<FormattedValueExpr>();
        name = "FormattedValue";
        f.add("value", expr(*n->value)).add("conversion", std::to_string(n->conversion));
        f.opt("format_spec", n->formatSpec, *this);
        break;
    }
    case ExprKind::JoinedStr:
        name = "JoinedStr";
        f.add("values", exprs(e.as<JoinedStrExpr>()->values));
        break;
    case ExprKind::Constant: {
        const auto* n = e.as<ConstantExpr>();
        name = "Constant";
        f.add("value", constant(*n));
        if (n->uPrefix)
            f.add("kind", "'u'");
        break;
    }
    case ExprKind::Attribute: {
        const auto* n = e.as<AttributeExpr>();
        name = "Attribute";
        f.add("value", expr(*n->value)).add("attr", quoted(n->attr)).add("ctx", ctxName(n->ctx));
        break;
    }
    case ExprKind::Subscript: {
        const auto* n = e.as<SubscriptExpr>();
        name = "Subscript";
        f.add("value", expr(*n->value)).add("slice", expr(*n->slice)).add("ctx", ctxName(n->ctx));
        break;
    }
    case ExprKind::Starred: {
        const auto* n = e.as<StarredExpr>();
        name = "Starred";
        f.add("value", expr(*n->value)).add("ctx", ctxName(n->ctx));
        break;
    }
    case ExprKind::Name: {
        const auto* n = e.as<NameExpr>();
        name = "Name";
        f.add("id", quoted(n->id)).add("ctx", ctxName(n->ctx));
        break;
    }
    case ExprKind::List:
    case ExprKind::Tuple: {
        const auto* n = e.as<SequenceExpr>();
        name = e.kind == ExprKind::List ? "List" : "Tuple";
        f.add("elts", exprs(n->elts)).add("ctx", ctxName(n->ctx));
        break;
    }
    case ExprKind::Slice: {
        const auto* n = e.as<SliceExpr>();
        name = "Slice";
        f.opt("lower", n->lower, *this).opt("upper", n->upper, *this).opt("step", n->step, *this);
        break;
    }
    }
    return node(name, f, &e.loc);
}

std::string Dumper::stmt(const Stmt& s)
{
    Fields f;
    const char* name = "?";
    switch (s.kind) {
    case StmtKind::FunctionDef: {
        const auto* n = s.as<FunctionDefStmt>();
        name = n->isAsync ? "AsyncFunctionDef" : "FunctionDef";
        f.add("name", quoted(n->name)).add("args", arguments(*n->args)).add("body", stmts(n->body));
        f.add("decorator_list", exprs(n->decorators)).opt("returns", n->returns, *this);
        break;
    }
    case StmtKind::ClassDef: {
        const auto* n = s.as<ClassDefStmt>();
        name = "ClassDef";
        f.add("name", quoted(n->name)).add("bases", exprs(n->bases)).add("keywords", keywords(n->keywords));
        f.add("body", stmts(n->body)).add("decorator_list", exprs(n->decorators));
        break;
    }
    case StmtKind::Return:
        name = "Return";
        f.opt("value", s.as<ReturnStmt>()->value, *this);
        break;
    case StmtKind::Delete:
        name = "Delete";
        f.add("targets", exprs(s.as<DeleteStmt>()->targets));
        break;
    case StmtKind::Assign: {
        const auto* n = s.as<AssignStmt>();
        name = "Assign";
        f.add("targets", exprs(n->targets)).add("value", expr(*n->value));
        break;
    }
    case StmtKind::AugAssign: {
        const auto* n = s.as<AugAssignStmt>();
        name = "AugAssign";
        f.add("target", expr(*n->target)).add("op", std::string(opName(n->op)) + "()").add("value", expr(*n->value));
        break;
    }
    case StmtKind::AnnAssign: {
        const auto* n = s.as<AnnAssignStmt>();
        name = "AnnAssign";
        f.add("target", expr(*n->target)).add("annotation", expr(*n->annotation)).opt("value", n->value, *this);
        f.add("simple", n->simple ? "1" : "0");
        break;
    }
    case StmtKind::For: {
        const auto* n = s.as<ForStmt>();
        name = n->isAsync ? "AsyncFor" : "For";
        f.add("target", expr(*n->target)).add("iter", expr(*n->iter)).add("body", stmts(n->body));
        f.add("orelse", stmts(n->orelse));
        break;
    }
    case StmtKind::While: {
        const auto* n = s.as<WhileStmt>();
        name = "While";
        f.add("test", expr(*n->test)).add("body", stmts(n->body)).add("orelse", stmts(n->orelse));
        break;
    }
    case StmtKind::If: {
        const auto* n = s.as<IfStmt>();
        name = "If";
        f.add("test", expr(*n->test)).add("body", stmts(n->body)).add("orelse", stmts(n->orelse));
        break;
    }
    case StmtKind::With: {
        const auto* n = s.as<WithStmt>();
        name = n->isAsync ? "AsyncWith" : "With";
        std::vector<std::string> items;
        for (const WithItem* w : n->items) {
            Fields wf;
            wf.add("context_expr", expr(*w->contextExpr)).opt("optional_vars", w->optionalVars, *this);
            items.push_back(node("withitem", wf, nullptr));
        }
        f.add("items", list(items)).add("body", stmts(n->body));
        break;
    }
    case StmtKind::Raise: {
        const auto* n = s.as<RaiseStmt>();
        name = "Raise";
        f.opt("exc", n->exc, *this).opt("cause", n->cause, *this);
        break;
    }
    case StmtKind::Try: {
        const auto* n = s.as<TryStmt>();
        name = n->isStar ? "TryStar" : "Try";
        std::vector<std::string> handlers;
        for (const ExceptHandler* h : n->handlers) {
            Fields hf;
            hf.opt("type", h->type, *this);
            if (!h->name.empty())
                hf.add("name", quoted(h->name));
            hf.add("body", stmts(h->body));
            handlers.push_back(node("ExceptHandler", hf, &h->loc));
        }
        f.add("body", stmts(n->body)).add("handlers", list(handlers)).add("orelse", stmts(n->orelse));
        f.add("finalbody", stmts(n->finalbody));
        break;
    }
    case StmtKind::Assert: {
        const auto* n = s.as<AssertStmt>();
        name = "Assert";
        f.add("test", expr(*n->test)).opt("msg", n->msg, *this);
        break;
    }
    case StmtKind::Import:
        name = "Import";
        f.add("names", aliases(s.as<ImportStmt>()->names));
        break;
    case StmtKind::ImportFrom: {
        const auto* n = s.as<ImportFromStmt>();
        name = "ImportFrom";
        if (!n->module.empty())
            f.add("module", quoted(n->module));
        f.add("names", aliases(n->names)).add("level", std::to_string(n->level));
        break;
    }
    case StmtKind::Global:
    case StmtKind::Nonlocal: {
        name = s.kind == StmtKind::Global ? "Global" : "Nonlocal";
        std::vector<std::string> names;
        for (std::string_view id : s.as<NamesStmt>()->names)
            names.push_back(quoted(id));
        f.add("names", list(names));
        break;
    }
    case StmtKind::Expr:
        name = "Expr";
        f.add("value", expr(*s.as<ExprStmt>()->value));
        break;
    case StmtKind::Pass: name = "Pass"; break;
    case StmtKind::Break: name = "Break"; break;
    case StmtKind::Continue: name = "Continue"; break;
    }
    return node(name, f, &s.loc);
}

} // namespace

std::string dumpAst(const Module& module, const AstDumpOptions& options) { return Dumper(options).module(module); }
std::string dumpAst(const Stmt& stmt, const AstDumpOptions& options) { return Dumper(options).stmt(stmt); }
std::string dumpAst(const Expr& expr, const AstDumpOptions& options) { return Dumper(options).expr(expr); }

std::string pythonFloatRepr(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string sci(buf, r.ptr);
    std::string sign;
    if (sci[0] == '-') {
        sign = "-";
        sci.erase(0, 1);
    }
    const std::size_t epos = sci.find('e');
    std::string digits = sci.substr(0, epos);
    const int exp = std::stoi(sci.substr(epos + 1));
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    const int decpt = exp + 1;  // position of the decimal point after the first digit
    std::string out;
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            out = "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
        } else if (static_cast<std::size_t>(decpt) >= digits.size()) {
            out = digits + std::string(static_cast<std::size_t>(decpt) - digits.size(), '0') + ".0";
        } else {
            out = digits.substr(0, decpt) + "." + digits.substr(decpt);
        }
    } else {
        out = digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        char e[16];
        std::snprintf(e, sizeof e, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += e;
    }
    return sign + out;
}

std::string pythonStrRepr(std::string_view s)
{
    const bool hasSingle = s.find('\'') != std::string_view::npos;
    const bool hasDouble = s.find('"') != std::string_view::npos;
    const char quote = hasSingle && !hasDouble ? '"' : '\'';
    std::string out(1, quote);
    std::size_t i = 0;
    while (i < s.size()) {
        std::uint32_t cp;
        int n = detail::decodeUtf8(s, i, cp);
        if (n == 0) {
            // WTF-8 surrogate or stray byte: decode the 3-byte form by hand.
            const unsigned char b0 = static_cast<unsigned char>(s[i]);
            if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
                cp = ((b0 & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
                n = 3;
            } else {
                cp = b0;
                n = 1;
            }
        }
        i += n;
        char buf[16];
        if (cp == static_cast<std::uint32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x20 || cp == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            out += buf;
        } else if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if ((cp >= 0xD800 && cp <= 0xDFFF) || !detail::isPrintable(cp)) {
            if (cp < 0x100)
                std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            else if (cp < 0x10000)
                std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            else
                std::snprintf(buf, sizeof buf, "\\U%08x", cp);
            out += buf;
        } else {
            detail::appendUtf8(out, cp);
        }
    }
    out += quote;
    return out;
}

std::string pythonBytesRepr(std::string_view s)
{
    const bool hasSingle = s.find('\'') != std::string_view::npos;
    const bool hasDouble = s.find('"') != std::string_view::npos;
    const char quote = hasSingle && !hasDouble ? '"' : '\'';
    std::string out = "b";
    out += quote;
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        char buf[8];
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    out += quote;
    return out;
}

} // namespace coroscope::syntax
