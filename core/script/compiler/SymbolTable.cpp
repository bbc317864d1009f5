#include "core/script/compiler/SymbolTable.h"

#include <unordered_set>

namespace coroscope::pylite {

using namespace syntax;

namespace {

using NameSet = std::unordered_set<std::string_view>;

constexpr std::uint32_t bit(SymbolFlag f) { return std::uint32_t(f); }

std::string quoted(std::string_view name) { return "'" + std::string(name) + "'"; }

} // namespace

/// Pass 1: records every name use and binding per scope.
class SymbolVisitor {
public:
    explicit SymbolVisitor(SymbolTable& table) : m_table(table) {}

    void visitModule(const Module& module)
    {
        m_cur = m_table.newScope(ScopeKind::Module, "top", &module, Location{1, 0, 1, 0}, nullptr);
        m_table.m_module = m_cur;
        visitBody(module.body);
    }

private:
    bool failed() const { return m_table.m_error.has_value(); }
    void fail(std::string message, Location loc)
    {
        if (!failed()) m_table.m_error = SymbolError{std::move(message), loc};
    }

    std::string_view mangled(Scope* scope, std::string_view name) { return m_table.mangle(scope->privateName, name); }

    const Symbol* lookup(Scope* scope, std::string_view name) { return scope->lookup(mangled(scope, name)); }

    Symbol& symbol(Scope* scope, std::string_view name)
    {
        name = mangled(scope, name);
        auto [it, inserted] = scope->symbols.try_emplace(name);
        if (inserted) scope->order.push_back(name);
        return it->second;
    }

    void addDef(std::string_view name, SymbolFlag flag, Location loc, Scope* scope = nullptr)
    {
        if (!scope) scope = m_cur;
        Symbol& s = symbol(scope, name);
        if (flag == SymbolFlag::Param && s.has(SymbolFlag::Param)) {
            fail("duplicate argument " + quoted(name) + " in function definition", loc);
            return;
        }
        s.flags |= bit(flag);
    }

    void visitBody(const Span<Stmt*>& body)
    {
        for (Stmt* s : body) {
            if (failed()) return;
            visitStmt(s);
        }
    }

    void visitExprs(const Span<Expr*>& exprs)
    {
        for (Expr* e : exprs)
            if (e) visitExpr(e);
    }

    void visitArgumentsDefaults(const Arguments* args)
    {
        visitExprs(args->defaults);
        visitExprs(args->kwDefaults);
    }

    void visitAnnotations(const Arguments* args, const Expr* returns)
    {
        auto ann = [&](const Arg* a) {
            if (a && a->annotation) visitExpr(a->annotation);
        };
        for (Arg* a : args->posOnlyArgs) ann(a);
        for (Arg* a : args->args) ann(a);
        ann(args->vararg);
        for (Arg* a : args->kwOnlyArgs) ann(a);
        ann(args->kwarg);
        if (returns) visitExpr(const_cast<Expr*>(returns));
    }

    void addParams(const Arguments* args)
    {
        auto param = [&](const Arg* a) {
            if (!a) return;
            addDef(a->name, SymbolFlag::Param, a->loc);
            m_cur->params.push_back(mangled(m_cur, a->name));
        };
        for (Arg* a : args->posOnlyArgs) param(a);
        for (Arg* a : args->args) param(a);
        for (Arg* a : args->kwOnlyArgs) param(a);
        param(args->vararg);
        param(args->kwarg);
    }

    Scope* enter(ScopeKind kind, std::string_view name, const void* node, Location loc)
    {
        Scope* s = m_table.newScope(kind, name, node, loc, m_cur);
        s->isNested = m_cur->isFunctionLike() || m_cur->isNested;
        s->privateName = kind == ScopeKind::Class ? name : m_cur->privateName;
        m_cur = s;
        return s;
    }
    void leave() { m_cur = m_cur->parent; }

    void visitStmt(Stmt* s)
    {
        switch (s->kind) {
        case StmtKind::FunctionDef: {
            auto* f = s->as<FunctionDefStmt>();
            addDef(f->name, SymbolFlag::Assigned, f->loc);
            visitArgumentsDefaults(f->args);
            visitAnnotations(f->args, f->returns);
            visitExprs(f->decorators);
            Scope* scope = enter(ScopeKind::Function, f->name, f, f->loc);
            scope->isAsync = f->isAsync;
            addParams(f->args);
            visitBody(f->body);
            leave();
            break;
        }
        case StmtKind::ClassDef: {
            auto* c = s->as<ClassDefStmt>();
            addDef(c->name, SymbolFlag::Assigned, c->loc);
            visitExprs(c->bases);
            for (Keyword* k : c->keywords) visitExpr(k->value);
            visitExprs(c->decorators);
            enter(ScopeKind::Class, c->name, c, c->loc);
            visitBody(c->body);
            leave();
            break;
        }
        case StmtKind::Return: {
            auto* r = s->as<ReturnStmt>();
            if (r->value) visitExpr(r->value);
            break;
        }
        case StmtKind::Delete:
            visitExprs(s->as<DeleteStmt>()->targets);
            break;
        case StmtKind::Assign: {
            auto* a = s->as<AssignStmt>();
            visitExpr(a->value);
            visitExprs(a->targets);
            break;
        }
        case StmtKind::AugAssign: {
            auto* a = s->as<AugAssignStmt>();
            visitExpr(a->target);
            visitExpr(a->value);
            if (a->target->kind == ExprKind::Name) {
                // `x += 1` reads x too.
                symbol(m_cur, a->target->as<NameExpr>()->id).flags |= bit(SymbolFlag::Used);
            }
            break;
        }
        case StmtKind::AnnAssign: {
            auto* a = s->as<AnnAssignStmt>();
            if (a->target->kind == ExprKind::Name) {
                std::string_view name = a->target->as<NameExpr>()->id;
                const Symbol* cur = lookup(m_cur, name);
                if (cur && (cur->has(SymbolFlag::Global) || cur->has(SymbolFlag::Nonlocal)) && a->simple) {
                    fail("annotated name " + quoted(name) + " can't be " +
                             (cur->has(SymbolFlag::Global) ? "global" : "nonlocal"),
                         a->loc);
                    return;
                }
            }
            visitExpr(a->target);
            if (m_cur->kind != ScopeKind::Function || !a->simple) visitExpr(a->annotation);
            if (a->value) visitExpr(a->value);
            break;
        }
        case StmtKind::For: {
            auto* f = s->as<ForStmt>();
            visitExpr(f->target);
            visitExpr(f->iter);
            visitBody(f->body);
            visitBody(f->orelse);
            break;
        }
        case StmtKind::While: {
            auto* w = s->as<WhileStmt>();
            visitExpr(w->test);
            visitBody(w->body);
            visitBody(w->orelse);
            break;
        }
        case StmtKind::If: {
            auto* i = s->as<IfStmt>();
            visitExpr(i->test);
            visitBody(i->body);
            visitBody(i->orelse);
            break;
        }
        case StmtKind::With: {
            auto* w = s->as<WithStmt>();
            for (WithItem* item : w->items) {
                visitExpr(item->contextExpr);
                if (item->optionalVars) visitExpr(item->optionalVars);
            }
            visitBody(w->body);
            break;
        }
        case StmtKind::Raise: {
            auto* r = s->as<RaiseStmt>();
            if (r->exc) visitExpr(r->exc);
            if (r->cause) visitExpr(r->cause);
            break;
        }
        case StmtKind::Try: {
            auto* t = s->as<TryStmt>();
            visitBody(t->body);
            for (ExceptHandler* h : t->handlers) {
                if (h->type) visitExpr(h->type);
                if (!h->name.empty()) addDef(h->name, SymbolFlag::Assigned, h->loc);
                visitBody(h->body);
            }
            visitBody(t->orelse);
            visitBody(t->finalbody);
            break;
        }
        case StmtKind::Assert: {
            auto* a = s->as<AssertStmt>();
            visitExpr(a->test);
            if (a->msg) visitExpr(a->msg);
            break;
        }
        case StmtKind::Import:
            for (Alias* a : s->as<ImportStmt>()->names) {
                std::string_view bound = a->asname;
                if (bound.empty()) {
                    bound = a->name;
                    auto dot = bound.find('.');
                    if (dot != std::string_view::npos) bound = bound.substr(0, dot);
                }
                addDef(bound, SymbolFlag::Assigned, a->loc);
            }
            break;
        case StmtKind::ImportFrom:
            for (Alias* a : s->as<ImportFromStmt>()->names) {
                if (a->name == "*") {
                    if (m_cur->kind != ScopeKind::Module) {
                        fail("import * only allowed at module level", s->loc);
                        return;
                    }
                    continue;
                }
                addDef(a->asname.empty() ? a->name : a->asname, SymbolFlag::Assigned, a->loc);
            }
            break;
        case StmtKind::Global:
        case StmtKind::Nonlocal: {
            const bool global = s->kind == StmtKind::Global;
            const char* what = global ? "global" : "nonlocal";
            for (std::string_view name : s->as<NamesStmt>()->names) {
                const Symbol* cur = lookup(m_cur, name);
                std::uint32_t flags = cur ? cur->flags : 0;
                if (flags & (bit(SymbolFlag::Param) | bit(SymbolFlag::Assigned) | bit(SymbolFlag::Used))) {
                    std::string msg;
                    if (flags & bit(SymbolFlag::Param))
                        msg = "name " + quoted(name) + " is parameter and " + what;
                    else if (flags & bit(SymbolFlag::Used))
                        msg = "name " + quoted(name) + " is used prior to " + what + " declaration";
                    else
                        msg = "name " + quoted(name) + " is assigned to before " + what + " declaration";
                    fail(msg, s->loc);
                    return;
                }
                if (!global && m_cur->kind == ScopeKind::Module) {
                    fail("nonlocal declaration not allowed at module level", s->loc);
                    return;
                }
                addDef(name, global ? SymbolFlag::Global : SymbolFlag::Nonlocal, s->loc);
                m_directives.emplace(std::make_pair(m_cur, mangled(m_cur, name)), s->loc);
            }
            break;
        }
        case StmtKind::Expr:
            visitExpr(s->as<ExprStmt>()->value);
            break;
        case StmtKind::Pass:
        case StmtKind::Break:
        case StmtKind::Continue:
            break;
        }
    }

    void visitComprehension(ComprehensionExpr* c)
    {
        const Comprehension* first = c->generators[0];
        visitExpr(first->iter);
        std::string_view name = c->kind == ExprKind::ListComp  ? "<listcomp>"
                                : c->kind == ExprKind::SetComp ? "<setcomp>"
                                : c->kind == ExprKind::DictComp ? "<dictcomp>"
                                                                : "<genexpr>";
        Scope* scope = enter(ScopeKind::Comprehension, name, c, c->loc);
        if (first->isAsync) scope->isAsync = true;
        if (c->kind == ExprKind::GeneratorExp) scope->isGenerator = true;
        addDef(".0", SymbolFlag::Param, c->loc);
        scope->params.push_back(".0");
        for (std::uint32_t i = 0; i < c->generators.size; ++i) {
            Comprehension* g = c->generators[i];
            m_compTarget = true;
            visitExpr(g->target);
            m_compTarget = false;
            if (i > 0) visitExpr(g->iter);
            if (g->isAsync) scope->isAsync = true;
            visitExprs(g->ifs);
        }
        if (c->value) visitExpr(c->value);
        visitExpr(c->elt);
        leave();
    }

    void visitNamedExprTarget(NamedExpr* n)
    {
        std::string_view name = n->target->as<NameExpr>()->id;
        if (m_cur->kind != ScopeKind::Comprehension) {
            addDef(name, SymbolFlag::Assigned, n->loc);
            return;
        }
        // Binds in the nearest enclosing non-comprehension scope.
        for (Scope* s = m_cur; s; s = s->parent) {
            if (s->kind == ScopeKind::Comprehension) {
                const Symbol* sym = lookup(s, name);
                if (sym && sym->has(SymbolFlag::CompIter)) {
                    fail("assignment expression cannot rebind comprehension iteration variable " + quoted(name),
                         n->loc);
                    return;
                }
                continue;
            }
            if (s->kind == ScopeKind::Class) {
                fail("assignment expression within a comprehension cannot be used in a class body", n->loc);
                return;
            }
            if (s->kind == ScopeKind::Function) {
                addDef(name, SymbolFlag::Nonlocal, n->loc);
                symbol(m_cur, name).flags |= bit(SymbolFlag::WalrusTarget);
                addDef(name, SymbolFlag::Assigned, n->loc, s);
            } else {
                addDef(name, SymbolFlag::Global, n->loc);
                symbol(m_cur, name).flags |= bit(SymbolFlag::WalrusTarget);
                addDef(name, SymbolFlag::Assigned, n->loc, s);
            }
            return;
        }
    }

    void checkYieldContext(Expr* e, const char* what)
    {
        if (m_cur->kind == ScopeKind::Comprehension) {
            std::string_view kind = m_cur->name == "<listcomp>"  ? "list comprehension"
                                    : m_cur->name == "<setcomp>" ? "set comprehension"
                                    : m_cur->name == "<dictcomp>" ? "dict comprehension"
                                                                  : "generator expression";
            fail(std::string("'") + what + "' inside " + std::string(kind), e->loc);
            return;
        }
        if (m_cur->kind == ScopeKind::Function) m_cur->isGenerator = true;
    }

    void visitExpr(Expr* e)
    {
        if (failed()) return;
        switch (e->kind) {
        case ExprKind::BoolOp:
            visitExprs(e->as<BoolOpExpr>()->values);
            break;
        case ExprKind::NamedExpr: {
            auto* n = e->as<NamedExpr>();
            visitExpr(n->value);
            visitNamedExprTarget(n);
            break;
        }
        case ExprKind::BinOp:
            visitExpr(e->as<BinOpExpr>()->left);
            visitExpr(e->as<BinOpExpr>()->right);
            break;
        case ExprKind::UnaryOp:
            visitExpr(e->as<UnaryOpExpr>()->operand);
            break;
        case ExprKind::Lambda: {
            auto* l = e->as<LambdaExpr>();
            visitArgumentsDefaults(l->args);
            Scope* scope = enter(ScopeKind::Function, "<lambda>", l, l->loc);
            scope->isLambda = true;
            addParams(l->args);
            visitExpr(l->body);
            leave();
            break;
        }
        case ExprKind::IfExp:
            visitExpr(e->as<IfExpr>()->test);
            visitExpr(e->as<IfExpr>()->body);
            visitExpr(e->as<IfExpr>()->orelse);
            break;
        case ExprKind::Dict:
            visitExprs(e->as<DictExpr>()->keys);
            visitExprs(e->as<DictExpr>()->values);
            break;
        case ExprKind::Set:
            visitExprs(e->as<SetExpr>()->elts);
            break;
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::DictComp:
        case ExprKind::GeneratorExp:
            visitComprehension(e->as<ComprehensionExpr>());
            break;
        case ExprKind::Await: {
            if (m_cur->kind == ScopeKind::Comprehension && m_cur->kind != ScopeKind::Module) m_cur->isAsync = true;
            auto* u = e->as<UnaryValueExpr>();
            if (u->value) visitExpr(u->value);
            break;
        }
        case ExprKind::Yield:
        case ExprKind::YieldFrom: {
            checkYieldContext(e, e->kind == ExprKind::Yield ? "yield" : "yield from");
            auto* u = e->as<UnaryValueExpr>();
            if (u->value) visitExpr(u->value);
            break;
        }
        case ExprKind::Compare:
            visitExpr(e->as<CompareExpr>()->left);
            visitExprs(e->as<CompareExpr>()->comparators);
            break;
        case ExprKind::Call: {
            auto* c = e->as<CallExpr>();
            visitExpr(c->func);
            visitExprs(c->args);
            for (Keyword* k : c->keywords) visitExpr(k->value);
            break;
        }
        case ExprKind::FormattedValue:
            visitExpr(e->as<FormattedValueExpr>()->value);
            if (e->as<FormattedValueExpr>()->formatSpec) visitExpr(e->as<FormattedValueExpr>()->formatSpec);
            break;
        case ExprKind::JoinedStr:
            visitExprs(e->as<JoinedStrExpr>()->values);
            break;
        case ExprKind::Constant:
            break;
        case ExprKind::Attribute:
            visitExpr(e->as<AttributeExpr>()->value);
            break;
        case ExprKind::Subscript:
            visitExpr(e->as<SubscriptExpr>()->value);
            visitExpr(e->as<SubscriptExpr>()->slice);
            break;
        case ExprKind::Starred:
            visitExpr(e->as<StarredExpr>()->value);
            break;
        case ExprKind::Name: {
            auto* n = e->as<NameExpr>();
            if (n->ctx == ExprContext::Load) {
                symbol(m_cur, n->id).flags |= bit(SymbolFlag::Used);
                if (m_cur->isFunctionLike() && n->id == "super")
                    symbol(m_cur, "__class__").flags |= bit(SymbolFlag::Used);
            } else {
                addDef(n->id, SymbolFlag::Assigned, n->loc);
                if (m_compTarget) symbol(m_cur, n->id).flags |= bit(SymbolFlag::CompIter);
            }
            break;
        }
        case ExprKind::List:
        case ExprKind::Tuple:
            visitExprs(e->as<SequenceExpr>()->elts);
            break;
        case ExprKind::Slice: {
            auto* s = e->as<SliceExpr>();
            if (s->lower) visitExpr(s->lower);
            if (s->upper) visitExpr(s->upper);
            if (s->step) visitExpr(s->step);
            break;
        }
        }
    }

public:
    struct PairHash {
        std::size_t operator()(const std::pair<Scope*, std::string_view>& p) const
        {
            return std::hash<const void*>()(p.first) ^ std::hash<std::string_view>()(p.second);
        }
    };
    /// Where each global/nonlocal statement of a scope named a name.
    std::unordered_map<std::pair<Scope*, std::string_view>, Location, PairHash> m_directives;

private:
    SymbolTable& m_table;
    Scope* m_cur = nullptr;
    bool m_compTarget = false;
};

namespace {

/// Pass 2: CPython's analyze_block.
class Analyzer {
public:
    Analyzer(std::optional<SymbolError>& error, const SymbolVisitor& visitor) : m_error(error), m_visitor(visitor) {}

    /// `bound` is null for the module. Returns false on error; adds this
    /// scope's unresolved free names to `freeOut`.
    bool analyze(Scope* scope, const NameSet* bound, const NameSet& global, NameSet& freeOut)
    {
        NameSet local;
        NameSet newGlobal;
        NameSet newBound;
        NameSet newFree;
        NameSet globalCopy = global;

        if (scope->kind == ScopeKind::Class) {
            newGlobal = global;
            if (bound) newBound = *bound;
        }
        for (std::string_view name : scope->order) {
            Symbol& sym = scope->symbols[name];
            if (!analyzeName(scope, sym, name, bound, local, newFree, globalCopy)) return false;
        }
        if (scope->kind != ScopeKind::Class) {
            if (scope->isFunctionLike()) newBound.insert(local.begin(), local.end());
            if (bound) newBound.insert(bound->begin(), bound->end());
            newGlobal.insert(globalCopy.begin(), globalCopy.end());
        } else {
            newBound.insert("__class__");
        }

        NameSet allFree;
        for (Scope* child : scope->children) {
            NameSet childFree;
            if (!analyze(child, &newBound, newGlobal, childFree)) return false;
            allFree.insert(childFree.begin(), childFree.end());
        }
        newFree.insert(allFree.begin(), allFree.end());

        if (scope->isFunctionLike()) {
            for (std::string_view name : scope->order) {
                Symbol& sym = scope->symbols[name];
                if (sym.scope == NameScope::Local && newFree.count(name)) {
                    sym.scope = NameScope::Cell;
                    newFree.erase(name);
                }
            }
        } else if (scope->kind == ScopeKind::Class) {
            if (newFree.erase("__class__")) scope->usesClassCell = true;
        }

        // Free names of children not resolved here pass through this scope.
        for (std::string_view name : std::vector<std::string_view>(newFree.begin(), newFree.end())) {
            auto it = scope->symbols.find(name);
            if (it != scope->symbols.end()) {
                Symbol& sym = it->second;
                if (scope->kind == ScopeKind::Class &&
                    (sym.has(SymbolFlag::Assigned) || sym.has(SymbolFlag::Param) || sym.has(SymbolFlag::Global)))
                    sym.flags |= bit(SymbolFlag::FreeClass);
                continue;
            }
            if (bound && !bound->count(name)) continue; // a global
            Symbol sym;
            sym.scope = NameScope::Free;
            scope->symbols.emplace(name, sym);
            scope->order.push_back(name);
        }
        freeOut.insert(newFree.begin(), newFree.end());
        return true;
    }

private:
    bool fail(std::string message, Scope* scope, std::string_view name)
    {
        auto it = m_visitor.m_directives.find({scope, name});
        m_error = SymbolError{std::move(message), it != m_visitor.m_directives.end() ? it->second : scope->loc};
        return false;
    }

    bool analyzeName(Scope* scope, Symbol& sym, std::string_view name, const NameSet* bound, NameSet& local,
                     NameSet& free, NameSet& global)
    {
        if (sym.has(SymbolFlag::Global)) {
            if (sym.has(SymbolFlag::Nonlocal)) return fail("name " + quoted(name) + " is nonlocal and global", scope, name);
            sym.scope = NameScope::GlobalExplicit;
            global.insert(name);
            return true;
        }
        if (sym.has(SymbolFlag::Nonlocal)) {
            if (!bound) return fail("nonlocal declaration not allowed at module level", scope, name);
            if (!bound->count(name)) return fail("no binding for nonlocal " + quoted(name) + " found", scope, name);
            sym.scope = NameScope::Free;
            free.insert(name);
            return true;
        }
        if (sym.has(SymbolFlag::Assigned) || sym.has(SymbolFlag::Param)) {
            sym.scope = NameScope::Local;
            local.insert(name);
            global.erase(name);
            return true;
        }
        if (bound && bound->count(name)) {
            sym.scope = NameScope::Free;
            free.insert(name);
            return true;
        }
        sym.scope = NameScope::GlobalImplicit;
        return true;
    }

    std::optional<SymbolError>& m_error;
    const SymbolVisitor& m_visitor;
};

} // namespace

SymbolTable::SymbolTable(const Module& module)
{
    SymbolVisitor visitor(*this);
    visitor.visitModule(module);
    if (m_error) return;
    Analyzer analyzer(m_error, visitor);
    NameSet global;
    NameSet free;
    analyzer.analyze(m_module, nullptr, global, free);
}

SymbolTable::~SymbolTable() = default;

Scope* SymbolTable::newScope(ScopeKind kind, std::string_view name, const void* node, Location loc, Scope* parent)
{
    m_scopes.push_back(std::make_unique<Scope>());
    Scope* s = m_scopes.back().get();
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->loc = loc;
    s->parent = parent;
    if (parent) parent->children.push_back(s);
    m_byNode[node] = s;
    return s;
}

std::string_view SymbolTable::mangle(std::string_view privateName, std::string_view name)
{
    if (privateName.empty() || name.size() < 3 || name.substr(0, 2) != "__") return name;
    if (name.substr(name.size() - 2) == "__" || name.find('.') != std::string_view::npos) return name;
    const std::size_t start = privateName.find_first_not_of('_');
    if (start == std::string_view::npos) return name;
    auto text = std::make_unique<std::string>("_");
    *text += privateName.substr(start);
    *text += name;
    m_strings.push_back(std::move(text));
    return *m_strings.back();
}

Scope* SymbolTable::scopeOf(const void* node) const
{
    auto it = m_byNode.find(node);
    return it == m_byNode.end() ? nullptr : it->second;
}

} // namespace coroscope::pylite
