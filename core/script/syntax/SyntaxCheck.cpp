#include "core/script/syntax/SyntaxCheck.h"

#include "core/script/syntax/AstVisitor.h"

#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace coroscope::syntax {

namespace {

struct CheckFailed {};

class ErrorSink {
public:
    ErrorSink(std::string_view source, const std::string& filename) : m_source(source), m_filename(filename) {}

    [[noreturn]] void fail(const Location& loc, std::string message)
    {
        SyntaxError e;
        e.message = std::move(message);
        e.filename = m_filename;
        e.line = loc.line;
        e.offset = loc.col + 1;
        e.endLine = loc.endLine;
        e.endOffset = loc.endCol + 1;
        e.text = lineText(loc.line);
        error = std::move(e);
        throw CheckFailed{};
    }

    std::optional<SyntaxError> error;

private:
    std::string lineText(int line) const
    {
        std::size_t pos = 0;
        for (int i = 1; i < line && pos != std::string_view::npos; ++i) {
            pos = m_source.find('\n', pos);
            if (pos != std::string_view::npos)
                ++pos;
        }
        if (pos == std::string_view::npos || pos > m_source.size())
            return {};
        const std::size_t end = m_source.find('\n', pos);
        return std::string(m_source.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos + 1));
    }

    std::string_view m_source;
    const std::string& m_filename;
};

enum class ScopeKind { Module, Function, Class, Lambda, Comprehension };

// ------------------------------------------------------------ symbol table

enum Flag : unsigned { Param = 1, Local = 2, Use = 4, Annot = 8, Global = 16, Nonlocal = 32 };

struct Scope {
    ScopeKind kind;
    const char* comprehensionName = nullptr;  // "list comprehension", ...
    Scope* parent = nullptr;
    std::unordered_map<std::string_view, unsigned> flags;
    std::vector<std::pair<std::string_view, Location>> nonlocals;
    std::vector<Scope*> children;
    bool isGenerator = false;
};

class SymtableCheck : public AstVisitor {
public:
    explicit SymtableCheck(ErrorSink& sink) : m_sink(sink) {}

    void run(const Module& module)
    {
        m_cur = push(ScopeKind::Module);
        visitModule(module);
        analyse(*m_scopes.front());
    }

    /// FunctionDef / Lambda nodes whose body contains yield.
    std::unordered_set<const void*> generators;

private:
    Scope* push(ScopeKind kind, const char* compName = nullptr)
    {
        m_scopes.push_back(std::make_unique<Scope>());
        Scope* s = m_scopes.back().get();
        s->kind = kind;
        s->comprehensionName = compName;
        s->parent = m_cur;
        if (m_cur)
            m_cur->children.push_back(s);
        return s;
    }

    void def(std::string_view name, unsigned flag, const Location& loc)
    {
        unsigned& f = m_cur->flags[name];
        if ((flag & Param) && (f & Param))
            m_sink.fail(loc, "duplicate argument '" + std::string(name) + "' in function definition");
        f |= flag;
    }

    void params(const Arguments& a)
    {
        for (const Arg* x : a.posOnlyArgs)
            def(x->name, Param, x->loc);
        for (const Arg* x : a.args)
            def(x->name, Param, x->loc);
        for (const Arg* x : a.kwOnlyArgs)
            def(x->name, Param, x->loc);
        if (a.vararg)
            def(a.vararg->name, Param, a.vararg->loc);
        if (a.kwarg)
            def(a.kwarg->name, Param, a.kwarg->loc);
    }

    void declare(const Stmt& s, bool global)
    {
        const char* what = global ? "global" : "nonlocal";
        for (std::string_view name : s.as<NamesStmt>()->names) {
            const unsigned cur = m_cur->flags[name];
            const std::string n(name);
            if (cur & Param)
                m_sink.fail(s.loc, "name '" + n + "' is parameter and " + what);
            if (cur & Use)
                m_sink.fail(s.loc, "name '" + n + "' is used prior to " + what + " declaration");
            if (cur & Annot)
                m_sink.fail(s.loc, "annotated name '" + n + "' can't be " + what);
            if (cur & Local)
                m_sink.fail(s.loc, "name '" + n + "' is assigned to before " + what + " declaration");
            m_cur->flags[name] |= global ? Global : Nonlocal;
            if (!global)
                m_cur->nonlocals.emplace_back(name, s.loc);
        }
    }

    void visitStmt(const Stmt& s) override
    {
        switch (s.kind) {
        case StmtKind::FunctionDef: {
            const auto* n = s.as<FunctionDefStmt>();
            def(n->name, Local, s.loc);
            visitArguments(*n->args);
            visitExprs(n->decorators);
            if (n->returns)
                visitExpr(*n->returns);
            Scope* outer = m_cur;
            m_cur = push(ScopeKind::Function);
            params(*n->args);
            visitStmts(n->body);
            if (m_cur->isGenerator)
                generators.insert(&s);
            m_cur = outer;
            return;
        }
        case StmtKind::ClassDef: {
            const auto* n = s.as<ClassDefStmt>();
            def(n->name, Local, s.loc);
            visitExprs(n->bases);
            for (const Keyword* k : n->keywords)
                visitExpr(*k->value);
            visitExprs(n->decorators);
            Scope* outer = m_cur;
            m_cur = push(ScopeKind::Class);
            visitStmts(n->body);
            m_cur = outer;
            return;
        }
        case StmtKind::Global: declare(s, true); return;
        case StmtKind::Nonlocal: declare(s, false); return;
        case StmtKind::AnnAssign: {
            const auto* n = s.as<AnnAssignStmt>();
            if (n->simple && n->target->kind == ExprKind::Name) {
                const std::string_view id = n->target->as<NameExpr>()->id;
                const unsigned cur = m_cur->flags[id];
                if (cur & (Global | Nonlocal))
                    m_sink.fail(s.loc, "annotated name '" + std::string(id) + "' can't be " +
                                           ((cur & Global) ? "global" : "nonlocal"));
                m_cur->flags[id] |= Annot | Local;
            }
            visitChildren(s);
            return;
        }
        case StmtKind::Import:
        case StmtKind::ImportFrom: {
            Span<Alias*> names = s.kind == StmtKind::Import ? s.as<ImportStmt>()->names : s.as<ImportFromStmt>()->names;
            for (const Alias* a : names) {
                std::string_view bound = a->asname.empty() ? a->name : a->asname;
                if (a->asname.empty())
                    bound = bound.substr(0, bound.find('.'));
                if (bound != "*")
                    def(bound, Local, a->loc);
            }
            return;
        }
        default: visitChildren(s); return;
        }
    }

    void visitExceptHandler(const ExceptHandler& h) override
    {
        if (!h.name.empty())
            def(h.name, Local, h.loc);
        AstVisitor::visitExceptHandler(h);
    }

    void visitExpr(const Expr& e) override
    {
        switch (e.kind) {
        case ExprKind::Name: {
            const auto* n = e.as<NameExpr>();
            def(n->id, n->ctx == ExprContext::Load ? Use : Local, e.loc);
            return;
        }
        case ExprKind::Yield:
        case ExprKind::YieldFrom:
            if (m_cur->kind == ScopeKind::Module || m_cur->kind == ScopeKind::Class)
                m_sink.fail(e.loc, "'yield' outside function");
            if (m_cur->kind == ScopeKind::Comprehension)
                m_sink.fail(e.loc, std::string("'yield' inside ") + m_cur->comprehensionName);
            m_cur->isGenerator = true;
            visitChildren(e);
            return;
        case ExprKind::Lambda: {
            const auto* n = e.as<LambdaExpr>();
            visitArguments(*n->args);
            Scope* outer = m_cur;
            m_cur = push(ScopeKind::Lambda);
            params(*n->args);
            visitExpr(*n->body);
            if (m_cur->isGenerator)
                generators.insert(&e);
            m_cur = outer;
            return;
        }
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::DictComp:
        case ExprKind::GeneratorExp: {
            const auto* n = e.as<ComprehensionExpr>();
            const char* name = e.kind == ExprKind::ListComp ? "list comprehension"
                               : e.kind == ExprKind::SetComp ? "set comprehension"
                               : e.kind == ExprKind::DictComp ? "dict comprehension"
                                                              : "generator expression";
            visitExpr(*n->generators[0]->iter);
            Scope* outer = m_cur;
            m_cur = push(ScopeKind::Comprehension, name);
            for (std::size_t i = 0; i < n->generators.size; ++i) {
                const Comprehension* g = n->generators[i];
                visitExpr(*g->target);
                if (i > 0)
                    visitExpr(*g->iter);
                visitExprs(g->ifs);
            }
            visitExpr(*n->elt);
            if (n->value)
                visitExpr(*n->value);
            m_cur = outer;
            return;
        }
        default: visitChildren(e); return;
        }
    }

    static bool bindsLocally(const Scope& s, std::string_view name)
    {
        const auto it = s.flags.find(name);
        if (it == s.flags.end())
            return false;
        const unsigned f = it->second;
        return (f & Nonlocal) || ((f & (Param | Local)) && !(f & Global));
    }

    void analyse(const Scope& scope)
    {
        for (const auto& [name, loc] : scope.nonlocals) {
            if (scope.kind == ScopeKind::Module)
                m_sink.fail(loc, "nonlocal declaration not allowed at module level");
            bool found = false;
            for (const Scope* p = scope.parent; p && p->kind != ScopeKind::Module; p = p->parent)
                if (p->kind != ScopeKind::Class && bindsLocally(*p, name)) {
                    found = true;
                    break;
                }
            if (!found)
                m_sink.fail(loc, "no binding for nonlocal '" + std::string(name) + "' found");
        }
        for (const Scope* child : scope.children)
            analyse(*child);
    }

    ErrorSink& m_sink;
    std::vector<std::unique_ptr<Scope>> m_scopes;
    Scope* m_cur = nullptr;
};

// ----------------------------------------------------------------- compiler

class CompileCheck : public AstVisitor {
public:
    CompileCheck(ErrorSink& sink, const std::unordered_set<const void*>& generators)
        : m_sink(sink), m_generators(generators)
    {
    }

    void run(const Module& module)
    {
        m_ctx.push_back(Ctx{ScopeKind::Module});
        visitModule(module);
    }

private:
    struct Ctx {
        ScopeKind kind;
        bool isAsync = false;
        bool isGenerator = false;
        int loops = 0;
    };

    Ctx& ctx() { return m_ctx.back(); }

    // Assignment targets: starred entries are allowed inside a list/tuple.
    void visitTarget(const Expr& t)
    {
        if (t.kind == ExprKind::Starred)
            m_sink.fail(t.loc, "starred assignment target must be in a list or tuple");
        if (t.kind == ExprKind::List || t.kind == ExprKind::Tuple) {
            int stars = 0;
            for (const Expr* elt : t.as<SequenceExpr>()->elts) {
                if (elt->kind == ExprKind::Starred) {
                    if (++stars > 1)
                        m_sink.fail(t.loc, "multiple starred expressions in assignment");
                    visitTargetInner(*elt->as<StarredExpr>()->value);
                } else {
                    visitTarget(*elt);
                }
            }
            return;
        }
        visitExpr(t);
    }

    void visitTargetInner(const Expr& t)
    {
        if (t.kind == ExprKind::List || t.kind == ExprKind::Tuple)
            visitTarget(t);
        else
            visitExpr(t);
    }

    // Display elements and call arguments may be starred.
    void visitElements(Span<Expr*> elts)
    {
        for (const Expr* e : elts) {
            if (e->kind == ExprKind::Starred)
                visitExpr(*e->as<StarredExpr>()->value);
            else
                visitExpr(*e);
        }
    }

    void visitLoopBody(Span<Stmt*> body)
    {
        ++ctx().loops;
        visitStmts(body);
        --ctx().loops;
    }

    bool inFunction() const { return m_ctx.back().kind == ScopeKind::Function || m_ctx.back().kind == ScopeKind::Lambda; }

    void visitStmt(const Stmt& s) override
    {
        switch (s.kind) {
        case StmtKind::FunctionDef: {
            const auto* n = s.as<FunctionDefStmt>();
            visitExprs(n->decorators);
            visitArguments(*n->args);
            if (n->returns)
                visitExpr(*n->returns);
            m_ctx.push_back(Ctx{ScopeKind::Function, n->isAsync, m_generators.count(&s) > 0});
            visitStmts(n->body);
            m_ctx.pop_back();
            return;
        }
        case StmtKind::ClassDef: {
            const auto* n = s.as<ClassDefStmt>();
            visitExprs(n->decorators);
            visitElements(n->bases);
            for (const Keyword* k : n->keywords)
                visitExpr(*k->value);
            m_ctx.push_back(Ctx{ScopeKind::Class});
            visitStmts(n->body);
            m_ctx.pop_back();
            return;
        }
        case StmtKind::Return: {
            const auto* n = s.as<ReturnStmt>();
            if (!inFunction())
                m_sink.fail(s.loc, "'return' outside function");
            if (n->value && ctx().isAsync && ctx().isGenerator)
                m_sink.fail(s.loc, "'return' with value in async generator");
            if (n->value)
                visitExpr(*n->value);
            return;
        }
        case StmtKind::Assign: {
            const auto* n = s.as<AssignStmt>();
            visitExpr(*n->value);
            for (const Expr* t : n->targets)
                visitTarget(*t);
            return;
        }
        case StmtKind::For: {
            const auto* n = s.as<ForStmt>();
            if (n->isAsync && !(ctx().kind == ScopeKind::Function && ctx().isAsync))
                m_sink.fail(s.loc, "'async for' outside async function");
            visitExpr(*n->iter);
            visitTarget(*n->target);
            visitLoopBody(n->body);
            visitStmts(n->orelse);
            return;
        }
        case StmtKind::While: {
            const auto* n = s.as<WhileStmt>();
            visitExpr(*n->test);
            visitLoopBody(n->body);
            visitStmts(n->orelse);
            return;
        }
        case StmtKind::With: {
            const auto* n = s.as<WithStmt>();
            if (n->isAsync && !(ctx().kind == ScopeKind::Function && ctx().isAsync))
                m_sink.fail(s.loc, "'async with' outside async function");
            for (const WithItem* w : n->items) {
                visitExpr(*w->contextExpr);
                if (w->optionalVars)
                    visitTarget(*w->optionalVars);
            }
            visitStmts(n->body);
            return;
        }
        case StmtKind::Break:
            if (ctx().loops == 0)
                m_sink.fail(s.loc, "'break' outside loop");
            return;
        case StmtKind::Continue:
            if (ctx().loops == 0)
                m_sink.fail(s.loc, "'continue' not properly in loop");
            return;
        case StmtKind::Try: {
            const auto* n = s.as<TryStmt>();
            visitStmts(n->body);
            for (std::size_t i = 0; i < n->handlers.size; ++i) {
                const ExceptHandler* h = n->handlers[i];
                if (h->type == nullptr && i + 1 < n->handlers.size)
                    m_sink.fail(h->loc, "default 'except:' must be last");
                visitExceptHandler(*h);
            }
            visitStmts(n->orelse);
            visitStmts(n->finalbody);
            return;
        }
        case StmtKind::AugAssign: {
            const auto* n = s.as<AugAssignStmt>();
            visitExpr(*n->target);
            visitExpr(*n->value);
            return;
        }
        case StmtKind::Delete:
            for (const Expr* t : s.as<DeleteStmt>()->targets)
                visitTarget(*t);
            return;
        default: visitChildren(s); return;
        }
    }

    static bool containsAwaitOrAsyncFor(const ComprehensionExpr& c)
    {
        struct Finder : AstVisitor {
            bool found = false;
            void visitExpr(const Expr& e) override
            {
                if (e.kind == ExprKind::Await)
                    found = true;
                if (e.kind == ExprKind::Lambda || ComprehensionExpr::matches(e.kind))
                    return;  // their own scopes
                visitChildren(e);
            }
        } finder;
        for (std::size_t i = 0; i < c.generators.size; ++i) {
            const Comprehension* g = c.generators[i];
            if (g->isAsync)
                return true;
            if (i > 0)
                finder.visitExpr(*g->iter);
            finder.visitExprs(g->ifs);
        }
        finder.visitExpr(*c.elt);
        if (c.value)
            finder.visitExpr(*c.value);
        return finder.found;
    }

    void visitExpr(const Expr& e) override
    {
        switch (e.kind) {
        case ExprKind::Await:
            if (ctx().kind == ScopeKind::Module || ctx().kind == ScopeKind::Class)
                m_sink.fail(e.loc, "'await' outside function");
            if (ctx().kind != ScopeKind::Comprehension && !(ctx().kind == ScopeKind::Function && ctx().isAsync))
                m_sink.fail(e.loc, "'await' outside async function");
            visitChildren(e);
            return;
        case ExprKind::YieldFrom:
            if (ctx().kind == ScopeKind::Function && ctx().isAsync)
                m_sink.fail(e.loc, "'yield from' inside async function");
            visitChildren(e);
            return;
        case ExprKind::Starred: m_sink.fail(e.loc, "can't use starred expression here");
        case ExprKind::List:
        case ExprKind::Tuple: visitElements(e.as<SequenceExpr>()->elts); return;
        case ExprKind::Set: visitElements(e.as<SetExpr>()->elts); return;
        case ExprKind::Call: {
            const auto* n = e.as<CallExpr>();
            visitExpr(*n->func);
            visitElements(n->args);
            for (const Keyword* k : n->keywords)
                visitExpr(*k->value);
            return;
        }
        case ExprKind::Lambda: {
            const auto* n = e.as<LambdaExpr>();
            visitArguments(*n->args);
            m_ctx.push_back(Ctx{ScopeKind::Lambda, false, m_generators.count(&e) > 0});
            visitExpr(*n->body);
            m_ctx.pop_back();
            return;
        }
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::DictComp:
        case ExprKind::GeneratorExp: {
            const auto* n = e.as<ComprehensionExpr>();
            visitExpr(*n->generators[0]->iter);
            if (e.kind != ExprKind::GeneratorExp && containsAwaitOrAsyncFor(*n) &&
                !(ctx().kind == ScopeKind::Function && ctx().isAsync) && ctx().kind != ScopeKind::Comprehension)
                m_sink.fail(e.loc, "asynchronous comprehension outside of an asynchronous function");
            m_ctx.push_back(Ctx{ScopeKind::Comprehension});
            for (std::size_t i = 0; i < n->generators.size; ++i) {
                const Comprehension* g = n->generators[i];
                visitTarget(*g->target);
                if (i > 0)
                    visitExpr(*g->iter);
                visitExprs(g->ifs);
            }
            visitExpr(*n->elt);
            if (n->value)
                visitExpr(*n->value);
            m_ctx.pop_back();
            return;
        }
        default: visitChildren(e); return;
        }
    }

    ErrorSink& m_sink;
    const std::unordered_set<const void*>& m_generators;
    std::vector<Ctx> m_ctx;
};

} // namespace

std::optional<SyntaxError> checkModule(const Module& module, std::string_view source, const std::string& filename)
{
    ErrorSink sink(source, filename);
    try {
        SymtableCheck symtable(sink);
        symtable.run(module);
        CompileCheck compile(sink, symtable.generators);
        compile.run(module);
    } catch (const CheckFailed&) {
        return sink.error;
    }
    return std::nullopt;
}

} // namespace coroscope::syntax
