#include "core/script/compiler/Compiler.h"

#include "core/script/compiler/detail/CompilerImpl.h"
#include "core/script/syntax/Parser.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Number.h"
#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"

#include <cctype>
#include <cstring>

namespace coroscope::pylite {

using namespace syntax;

namespace {

/// Code points in the first `bytes` bytes of UTF-8 `text`.
int codePoints(std::string_view text, std::size_t bytes)
{
    int n = 0;
    for (std::size_t i = 0; i < bytes && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

std::string_view sourceLine(std::string_view source, int line)
{
    std::size_t pos = 0;
    for (int l = 1; l < line; ++l) {
        pos = source.find('\n', pos);
        if (pos == std::string_view::npos) return {};
        ++pos;
    }
    std::size_t end = source.find('\n', pos);
    std::string_view text = source.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
}

} // namespace

SyntaxError makeSyntaxError(std::string_view source, std::string_view filename, std::string type, std::string message,
                            const Location& loc)
{
    SyntaxError e;
    e.type = std::move(type);
    e.message = std::move(message);
    e.filename = std::string(filename);
    e.line = loc.line;
    std::string_view text = sourceLine(source, loc.line);
    e.text = std::string(text);
    e.offset = codePoints(text, std::size_t(loc.col)) + 1;
    e.endLine = loc.endLine;
    if (loc.endLine == loc.line)
        e.endOffset = codePoints(text, std::size_t(loc.endCol)) + 1;
    else
        e.endOffset = codePoints(sourceLine(source, loc.endLine), std::size_t(loc.endCol)) + 1;
    return e;
}

CompileResult Compiler::compile(ObjectSpace& space, TypeObject* codeType, const Module& module, std::string_view source,
                                std::string_view filename)
{
    CompileResult result;
    SymbolTable symbols(module);
    if (symbols.error()) {
        result.error = makeSyntaxError(source, filename, "SyntaxError", symbols.error()->message, symbols.error()->loc);
        return result;
    }
    try {
        detail::CompilerImpl impl(space, codeType, symbols, source, filename);
        result.code = impl.compileModule(module);
        if (!result.code) {
            space.clearError();
            SyntaxError e;
            e.type = "MemoryError";
            e.filename = std::string(filename);
            result.error = e;
        }
    } catch (const detail::CompileFailure& failure) {
        space.clearError();
        result.error = makeSyntaxError(source, filename, failure.type, failure.message, failure.loc);
    }
    return result;
}

CompileResult Compiler::compileSource(ObjectSpace& space, TypeObject* codeType, std::string_view source,
                                      std::string_view filename)
{
    Parser::Options options;
    options.filename = std::string(filename);
    ParseResult parsed = Parser::parse(source, options);
    if (!parsed.ok()) {
        CompileResult result;
        result.error = parsed.error;
        return result;
    }
    return compile(space, codeType, *parsed.module, source, filename);
}

namespace detail {

CompilerImpl::CompilerImpl(ObjectSpace& space, TypeObject* codeType, SymbolTable& symbols, std::string_view source,
                           std::string_view filename)
    : m_space(space), m_codeType(codeType), m_symbols(symbols), m_source(source), m_filename(filename)
{
}

void CompilerImpl::error(std::string message, const Location& loc, std::string type)
{
    throw CompileFailure{std::move(type), std::move(message), loc};
}

// --------------------------------------------------------------- units

void CompilerImpl::enterUnit(Scope* scope, std::string qualname, std::string_view name, int firstLine,
                             std::uint32_t flags)
{
    auto unit = std::make_unique<Unit>();
    unit->scope = scope;
    unit->qualname = std::move(qualname);
    auto code = std::make_unique<Code>();
    code->filename = m_filename;
    code->firstLine = firstLine;
    code->flags = flags;
    code->name = Ref::borrow(Value::fromObject(m_space.intern(name)));
    code->qualname = newStr(m_space, unit->qualname);
    if (!code->qualname) error("out of memory", Location{firstLine, 0, firstLine, 0}, "MemoryError");

    auto strRef = [&](std::string_view s) { return Ref::borrow(Value::fromObject(m_space.intern(s))); };
    if (scope->isFunctionLike()) {
        for (std::string_view p : scope->params) {
            unit->localIndex.emplace(p, std::uint32_t(code->varnames.size()));
            code->varnames.push_back(strRef(p));
        }
        for (std::string_view n : scope->order) {
            const Symbol& sym = scope->symbols.at(n);
            if (sym.scope == NameScope::Local && !unit->localIndex.count(n)) {
                unit->localIndex.emplace(n, std::uint32_t(code->varnames.size()));
                code->varnames.push_back(strRef(n));
            }
        }
    }
    const std::uint32_t nlocals = std::uint32_t(code->varnames.size());
    std::vector<std::string_view> cells;
    std::vector<std::string_view> frees;
    for (std::string_view n : scope->order) {
        const Symbol& sym = scope->symbols.at(n);
        if (sym.scope == NameScope::Cell) cells.push_back(n);
        if (sym.scope == NameScope::Free || sym.has(SymbolFlag::FreeClass)) frees.push_back(n);
    }
    if (scope->kind == ScopeKind::Class && scope->usesClassCell) cells.push_back("__class__");
    for (std::string_view c : cells) {
        unit->derefIndex.emplace(c, nlocals + std::uint32_t(code->cellvars.size()));
        code->cellvars.push_back(strRef(c));
        auto param = unit->localIndex.find(c);
        bool isParam = false;
        for (std::string_view p : scope->params) isParam = isParam || p == c;
        code->cellParam.push_back(isParam && param != unit->localIndex.end() ? std::int32_t(param->second) : -1);
    }
    for (std::string_view f : frees) {
        // A class passing a name through keeps its own binding for the
        // body (LOAD_NAME); the free slot only feeds closures.
        if (!unit->derefIndex.count(f))
            unit->derefIndex.emplace(f, nlocals + std::uint32_t(code->cellvars.size() + code->freevars.size()));
        code->freevars.push_back(strRef(f));
    }
    unit->isAsync = scope->isAsync;
    unit->isGenerator = scope->isGenerator;
    unit->b = std::make_unique<CodeBuilder>(std::move(code));
    unit->b->setLine(firstLine);
    m_units.push_back(std::move(unit));
}

Ref CompilerImpl::leaveUnit()
{
    std::unique_ptr<Unit> unit = std::move(m_units.back());
    m_units.pop_back();
    std::unique_ptr<Code> code = unit->b->finish();
    constexpr std::uint32_t slowFlags =
        std::uint32_t(CodeFlag::VarArgs) | std::uint32_t(CodeFlag::VarKeywords) | std::uint32_t(CodeFlag::Generator) |
        std::uint32_t(CodeFlag::Coroutine) | std::uint32_t(CodeFlag::AsyncGenerator) | std::uint32_t(CodeFlag::ClassBody);
    code->simpleCall = (code->flags & slowFlags) == 0 && code->kwOnlyCount == 0 && code->cellvars.empty() &&
                       code->freevars.empty();
    Ref obj = newCodeObject(m_space, m_codeType, code.release());
    if (!obj) error("out of memory", Location{}, "MemoryError");
    return obj;
}

// ----------------------------------------------------------- constants

std::uint32_t CompilerImpl::addConst(const std::string& key, Ref value)
{
    auto& consts = b().code().consts;
    if (!key.empty()) {
        auto it = u().constIndex.find(key);
        if (it != u().constIndex.end()) return it->second;
    }
    if (!value) error("out of memory", Location{b().line(), 0, b().line(), 0}, "MemoryError");
    const std::uint32_t index = std::uint32_t(consts.size());
    consts.push_back(std::move(value));
    if (!key.empty()) u().constIndex.emplace(key, index);
    return index;
}

std::uint32_t CompilerImpl::constNone() { return addConst("N", Ref::none()); }
std::uint32_t CompilerImpl::constBool(bool v) { return addConst(v ? "T" : "F", Ref::boolean(v)); }
std::uint32_t CompilerImpl::constInt(std::int64_t v) { return addConst("i" + std::to_string(v), newInt(m_space, v)); }
std::uint32_t CompilerImpl::constStr(std::string_view s)
{
    std::string key = "s";
    key += s;
    auto it = u().constIndex.find(key);
    if (it != u().constIndex.end()) return it->second;
    // Identifier-like strings are interned, as CPython does.
    bool ident = !s.empty() && s.size() < 64;
    for (char c : s) ident = ident && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    return addConst(key, ident ? Ref::borrow(Value::fromObject(m_space.intern(s))) : newStr(m_space, s));
}
std::uint32_t CompilerImpl::constEllipsis() { return addConst("E", Ref::borrow(m_space.ellipsis())); }

std::uint32_t CompilerImpl::constConstant(const ConstantExpr* c)
{
    switch (c->value) {
    case ConstantKind::None:
        return constNone();
    case ConstantKind::True:
        return constBool(true);
    case ConstantKind::False:
        return constBool(false);
    case ConstantKind::Ellipsis:
        return constEllipsis();
    case ConstantKind::Int:
        return constInt(c->intValue);
    case ConstantKind::BigInt:
        error("integer literal " + std::string(c->text) + " does not fit in 64 bits (pylite ints are 64-bit)",
              c->loc, "OverflowError");
    case ConstantKind::Float: {
        std::uint64_t bits;
        std::memcpy(&bits, &c->floatValue, sizeof bits);
        return addConst("f" + std::to_string(bits), newFloat(m_space, c->floatValue));
    }
    case ConstantKind::Imaginary:
        error("complex numbers are not supported in pylite", c->loc, "SyntaxError");
    case ConstantKind::Str:
        return constStr(c->text);
    case ConstantKind::Bytes: {
        std::string key = "b";
        key += c->text;
        return addConst(key, newBytes(m_space, c->text));
    }
    }
    return constNone();
}

std::uint32_t CompilerImpl::constKwNames(const std::vector<std::string_view>& names)
{
    std::string key = "k";
    for (std::string_view n : names) {
        key += n;
        key += ',';
    }
    auto it = u().constIndex.find(key);
    if (it != u().constIndex.end()) return it->second;
    Ref tuple = newTuple(m_space, std::int64_t(names.size()));
    if (!tuple) error("out of memory", Location{}, "MemoryError");
    for (std::size_t i = 0; i < names.size(); ++i) {
        StrObject* s = m_space.intern(names[i]);
        increfObject(s);
        tuple.as<TupleObject>()->items()[i] = Value::fromObject(s);
    }
    return addConst(key, std::move(tuple));
}

std::uint32_t CompilerImpl::constCode(Ref code) { return addConst(std::string(), std::move(code)); }

std::uint32_t CompilerImpl::nameIdx(std::string_view name)
{
    auto it = u().nameIndex.find(name);
    if (it != u().nameIndex.end()) return it->second;
    auto& names = b().code().names;
    const std::uint32_t index = std::uint32_t(names.size());
    StrObject* s = m_space.intern(name);
    names.push_back(Ref::borrow(Value::fromObject(s)));
    u().nameIndex.emplace(std::string_view(s->data(), std::size_t(s->m_byteLength)), index);
    return index;
}

// --------------------------------------------------------------- names

std::string_view CompilerImpl::mangled(std::string_view name) { return m_symbols.mangle(u().scope->privateName, name); }

void CompilerImpl::nameOp(std::string_view name, ExprContext ctx)
{
    Scope* scope = u().scope;
    name = mangled(name);
    const Symbol* sym = scope->lookup(name);
    NameScope where = sym ? sym->scope : NameScope::GlobalImplicit;
    if (scope->kind == ScopeKind::Class && name == "__class__" && scope->usesClassCell && ctx == ExprContext::Load &&
        !sym)
        where = NameScope::Cell;

    enum class Kind { Fast, Deref, Global, Name } kind;
    switch (where) {
    case NameScope::Local:
        kind = scope->isFunctionLike() ? Kind::Fast : (scope->kind == ScopeKind::Module ? Kind::Global : Kind::Name);
        break;
    case NameScope::Cell:
    case NameScope::Free:
        kind = Kind::Deref;
        break;
    case NameScope::GlobalExplicit:
        kind = Kind::Global;
        break;
    case NameScope::GlobalImplicit:
    default:
        kind = scope->isFunctionLike() || scope->kind == ScopeKind::Module ? Kind::Global : Kind::Name;
        break;
    }

    switch (kind) {
    case Kind::Fast: {
        const std::uint32_t i = u().localIndex.at(name);
        b().emit(ctx == ExprContext::Load ? Opcode::LOAD_FAST
                 : ctx == ExprContext::Store ? Opcode::STORE_FAST
                                             : Opcode::DELETE_FAST,
                 i);
        return;
    }
    case Kind::Deref: {
        const std::uint32_t i = u().derefIndex.at(name);
        if (ctx == ExprContext::Load)
            b().emit(scope->kind == ScopeKind::Class && where == NameScope::Free ? Opcode::LOAD_CLASSDEREF
                                                                                 : Opcode::LOAD_DEREF,
                     i);
        else
            b().emit(ctx == ExprContext::Store ? Opcode::STORE_DEREF : Opcode::DELETE_DEREF, i);
        return;
    }
    case Kind::Global:
        if (ctx == ExprContext::Load)
            b().emit2(Opcode::LOAD_GLOBAL, nameIdx(name), b().newCache());
        else
            b().emit(ctx == ExprContext::Store ? Opcode::STORE_GLOBAL : Opcode::DELETE_GLOBAL, nameIdx(name));
        return;
    case Kind::Name:
        b().emit(ctx == ExprContext::Load ? Opcode::LOAD_NAME
                 : ctx == ExprContext::Store ? Opcode::STORE_NAME
                                             : Opcode::DELETE_NAME,
                 nameIdx(name));
        return;
    }
}

std::string CompilerImpl::qualnameFor(std::string_view name)
{
    if (m_units.size() <= 1) return std::string(name);
    Unit& parent = u();
    if (parent.scope->kind == ScopeKind::Module) return std::string(name);
    // A name declared global in the enclosing function is qualified as a
    // top-level name (CPython's compiler_set_qualname).
    const Symbol* sym = parent.scope->lookup(name);
    if (parent.scope->isFunctionLike() && sym && sym->scope == NameScope::GlobalExplicit) return std::string(name);
    if (parent.scope->isFunctionLike()) return parent.qualname + ".<locals>." + std::string(name);
    return parent.qualname + "." + std::string(name);
}

void CompilerImpl::makeClosure(Ref code, Scope* scope, std::uint32_t flags)
{
    Code& c = codeOf(code.get());
    if (!c.freevars.empty()) {
        for (const Ref& free : c.freevars) {
            std::string_view name = strView(free.get());
            auto it = u().derefIndex.find(name);
            if (it == u().derefIndex.end()) error("internal error: no cell for free variable " + std::string(name), scope->loc);
            b().emit(Opcode::LOAD_CLOSURE, it->second);
        }
        b().emit(Opcode::BUILD_TUPLE, std::uint32_t(c.freevars.size()));
        flags |= std::uint32_t(MakeFunctionFlag::Closure);
    }
    loadConst(constCode(std::move(code)));
    b().emit(Opcode::MAKE_FUNCTION, flags);
}

std::uint32_t CompilerImpl::compileDefaults(const Arguments* args)
{
    std::uint32_t flags = 0;
    if (!args->defaults.empty()) {
        for (Expr* d : args->defaults) compileExpr(d);
        b().emit(Opcode::BUILD_TUPLE, args->defaults.size);
        flags |= std::uint32_t(MakeFunctionFlag::Defaults);
    }
    std::uint32_t kw = 0;
    for (std::uint32_t i = 0; i < args->kwOnlyArgs.size; ++i) {
        if (!args->kwDefaults[i]) continue;
        loadConst(constStr(mangled(args->kwOnlyArgs[i]->name)));
        compileExpr(args->kwDefaults[i]);
        ++kw;
    }
    if (kw) {
        b().emit(Opcode::BUILD_MAP, kw);
        flags |= std::uint32_t(MakeFunctionFlag::KwDefaults);
    }
    return flags;
}

namespace {

std::uint32_t signatureFlags(const Arguments* args, Code& code)
{
    code.posOnlyCount = args->posOnlyArgs.size;
    code.argCount = args->posOnlyArgs.size + args->args.size;
    code.kwOnlyCount = args->kwOnlyArgs.size;
    std::uint32_t flags = 0;
    if (args->vararg) flags |= std::uint32_t(CodeFlag::VarArgs);
    if (args->kwarg) flags |= std::uint32_t(CodeFlag::VarKeywords);
    return flags;
}

std::uint32_t scopeFlags(const Scope* scope)
{
    std::uint32_t flags = 0;
    if (scope->isNested) flags |= std::uint32_t(CodeFlag::Nested);
    if (scope->isAsync && scope->isGenerator)
        flags |= std::uint32_t(CodeFlag::AsyncGenerator);
    else if (scope->isAsync)
        flags |= std::uint32_t(CodeFlag::Coroutine);
    else if (scope->isGenerator)
        flags |= std::uint32_t(CodeFlag::Generator);
    if (scope->kind == ScopeKind::Comprehension) flags |= std::uint32_t(CodeFlag::Comprehension);
    return flags;
}

const ConstantExpr* docstringOf(const Span<Stmt*>& body)
{
    if (body.empty() || body[0]->kind != StmtKind::Expr) return nullptr;
    const Expr* e = body[0]->as<ExprStmt>()->value;
    if (e->kind != ExprKind::Constant) return nullptr;
    const auto* c = e->as<ConstantExpr>();
    return c->value == ConstantKind::Str ? c : nullptr;
}

} // namespace

Ref CompilerImpl::compileFunctionBody(Scope* scope, const FunctionDefStmt* f)
{
    enterUnit(scope, qualnameFor(f->name), f->name, f->loc.line, scopeFlags(scope));
    Code& code = b().code();
    code.flags |= signatureFlags(f->args, code);
    Span<Stmt*> body = f->body;
    if (const ConstantExpr* doc = docstringOf(body)) {
        addConst(std::string(), newStr(m_space, doc->text));
        code.flags |= std::uint32_t(CodeFlag::HasDocstring);
        body.data += 1;
        body.size -= 1;
    }
    compileBody(body);
    if (b().reachable()) {
        loadConst(constNone());
        b().emit(Opcode::RETURN_VALUE);
    }
    return leaveUnit();
}

void CompilerImpl::compileFunctionDef(const FunctionDefStmt* f)
{
    Scope* scope = m_symbols.scopeOf(f);
    for (Expr* d : f->decorators) {
        compileExpr(d);
        b().emit(Opcode::PUSH_NULL);
    }
    b().setLine(f->loc.line);
    std::uint32_t flags = compileDefaults(f->args);
    Ref code = compileFunctionBody(scope, f);
    b().setLine(f->loc.line);
    makeClosure(std::move(code), scope, flags);
    for (std::uint32_t i = 0; i < f->decorators.size; ++i) b().emit(Opcode::CALL, 1);
    nameOp(f->name, ExprContext::Store);
}

void CompilerImpl::compileLambda(const LambdaExpr* l)
{
    Scope* scope = m_symbols.scopeOf(l);
    std::uint32_t flags = compileDefaults(l->args);
    enterUnit(scope, qualnameFor("<lambda>"), "<lambda>", l->loc.line, scopeFlags(scope));
    Code& code = b().code();
    code.flags |= signatureFlags(l->args, code);
    compileExpr(l->body);
    if (b().reachable()) b().emit(Opcode::RETURN_VALUE);
    Ref c = leaveUnit();
    makeClosure(std::move(c), scope, flags);
}

void CompilerImpl::compileClassDef(const ClassDefStmt* c)
{
    Scope* scope = m_symbols.scopeOf(c);
    for (Expr* d : c->decorators) {
        compileExpr(d);
        b().emit(Opcode::PUSH_NULL);
    }
    b().setLine(c->loc.line);
    b().emit(Opcode::LOAD_BUILD_CLASS);
    b().emit(Opcode::PUSH_NULL);

    std::string qualname = qualnameFor(c->name);
    enterUnit(scope, qualname, c->name, c->loc.line, std::uint32_t(CodeFlag::ClassBody));
    if (scope->isNested) b().code().flags |= std::uint32_t(CodeFlag::Nested);
    nameOp("__name__", ExprContext::Load);
    b().emit(Opcode::STORE_NAME, nameIdx("__module__"));
    loadConst(constStr(qualname));
    b().emit(Opcode::STORE_NAME, nameIdx("__qualname__"));
    Span<Stmt*> body = c->body;
    if (const ConstantExpr* doc = docstringOf(body)) {
        b().setLine(body[0]->loc.line);
        loadConst(constStr(doc->text));
        b().emit(Opcode::STORE_NAME, nameIdx("__doc__"));
        body.data += 1;
        body.size -= 1;
    }
    bool annotations = false;
    for (Stmt* s : body) annotations = annotations || s->kind == StmtKind::AnnAssign;
    if (annotations) b().emit(Opcode::SETUP_ANNOTATIONS);
    compileBody(body);
    if (scope->usesClassCell) {
        b().emit(Opcode::LOAD_CLOSURE, u().derefIndex.at("__class__"));
    } else {
        loadConst(constNone());
    }
    b().emit(Opcode::RETURN_VALUE);
    Ref body_code = leaveUnit();

    b().setLine(c->loc.line);
    makeClosure(std::move(body_code), scope, 0);
    loadConst(constStr(c->name));
    for (Expr* base : c->bases) {
        if (base->kind == ExprKind::Starred) error("starred class bases are not supported in pylite", base->loc);
        compileExpr(base);
    }
    std::vector<std::string_view> kwnames;
    for (Keyword* k : c->keywords) {
        if (k->arg.empty()) error("**kwargs in a class header is not supported in pylite", k->loc);
        compileExpr(k->value);
        kwnames.push_back(k->arg);
    }
    b().setLine(c->loc.line);
    const std::uint32_t argc = 2 + c->bases.size + std::uint32_t(kwnames.size());
    if (kwnames.empty())
        b().emit(Opcode::CALL, argc);
    else
        b().emit2(Opcode::CALL_KW, argc, constKwNames(kwnames));
    for (std::uint32_t i = 0; i < c->decorators.size; ++i) b().emit(Opcode::CALL, 1);
    nameOp(c->name, ExprContext::Store);
}

Ref CompilerImpl::compileModule(const Module& module)
{
    Scope* scope = m_symbols.moduleScope();
    enterUnit(scope, "<module>", "<module>", 1, std::uint32_t(CodeFlag::ModuleBody));
    Span<Stmt*> body = module.body;
    if (const ConstantExpr* doc = docstringOf(body)) {
        b().setLine(body[0]->loc.line);
        loadConst(constStr(doc->text));
        b().emit(Opcode::STORE_GLOBAL, nameIdx("__doc__"));
        body.data += 1;
        body.size -= 1;
    }
    bool annotations = false;
    for (Stmt* s : body) annotations = annotations || s->kind == StmtKind::AnnAssign;
    if (annotations) b().emit(Opcode::SETUP_ANNOTATIONS);
    compileBody(body);
    if (b().reachable()) {
        loadConst(constNone());
        b().emit(Opcode::RETURN_VALUE);
    }
    return leaveUnit();
}

} // namespace detail
} // namespace coroscope::pylite
