// Tracebacks: the `traceback` type, the entries the dispatch loop adds as
// an exception passes through frames, and the text CPython 3.11 prints for
// an uncaught exception: the chain (__cause__ / __context__), repeated
// frames collapsed, and NameError's "Did you mean" suggestion computed with
// CPython's rules (suggestions.c: a Levenshtein distance where a case flip
// costs 1 and any other edit 2, at most a third of the characters changed,
// candidates from the failing code's local names, then the globals, then
// the builtins).

#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/detail/Interp.h"
#include "core/script/vm/detail/VmSetup.h"

#include <algorithm>
#include <climits>
#include <unordered_set>
#include <vector>

namespace coroscope::pylite {

namespace {

void tbTraverse(Object* self, VisitFn visit, void* ctx)
{
    auto* tb = static_cast<TracebackObject*>(self);
    visit(tb->m_next, ctx);
    visit(tb->m_code, ctx);
}
void tbClear(ObjectSpace&, Object* self)
{
    auto* tb = static_cast<TracebackObject*>(self);
    clearField(tb->m_next);
    clearField(tb->m_code);
}
Ref tbNext(ObjectSpace&, Value self)
{
    Value n = asTraceback(self)->m_next;
    return n ? Ref::borrow(n) : Ref::none();
}
Ref tbLineno(ObjectSpace& space, Value self) { return newInt(space, asTraceback(self)->m_line); }
Ref tbLasti(ObjectSpace& space, Value self) { return newInt(space, asTraceback(self)->m_lasti * 2); }
Ref tbFrame(ObjectSpace&, Value) { return Ref::none(); }

// --------------------------------------------------------- suggestions

constexpr std::size_t kMaxCandidates = 750;
constexpr std::size_t kMaxStringSize = 40;
constexpr std::size_t kMoveCost = 2;
constexpr std::size_t kCaseCost = 1;

std::size_t substitutionCost(char a, char b)
{
    if ((a & 31) != (b & 31)) return kMoveCost;
    if (a == b) return 0;
    if (a >= 'A' && a <= 'Z') a = char(a + ('a' - 'A'));
    if (b >= 'A' && b <= 'Z') b = char(b + ('a' - 'A'));
    return a == b ? kCaseCost : kMoveCost;
}

std::size_t editDistance(std::string_view a, std::string_view b, std::size_t maxCost)
{
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return maxCost + 1;
    if (b.size() < a.size()) std::swap(a, b);
    if ((b.size() - a.size()) * kMoveCost > maxCost) return maxCost + 1;
    std::size_t row[kMaxStringSize];
    for (std::size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
    std::size_t result = 0;
    for (std::size_t bi = 0; bi < b.size(); ++bi) {
        std::size_t distance = result = bi * kMoveCost;
        std::size_t minimum = SIZE_MAX;
        for (std::size_t ai = 0; ai < a.size(); ++ai) {
            const std::size_t substitute = distance + substitutionCost(b[bi], a[ai]);
            distance = row[ai];
            const std::size_t insertDelete = std::min(result, distance) + kMoveCost;
            result = std::min(insertDelete, substitute);
            row[ai] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > maxCost) return maxCost + 1;
    }
    return result;
}

std::string bestSuggestion(const std::vector<std::string_view>& candidates, std::string_view name)
{
    if (candidates.size() >= kMaxCandidates) return {};
    std::size_t bestDistance = SIZE_MAX;
    std::string_view best;
    bool found = false;
    for (std::string_view item : candidates) {
        if (item == name) continue;
        std::size_t maxDistance = (name.size() + item.size() + 3) * kMoveCost / 6;
        if (bestDistance != SIZE_MAX) maxDistance = std::min(maxDistance, bestDistance - 1);
        const std::size_t d = editDistance(name, item, maxDistance);
        if (d > maxDistance) continue;
        if (!found || d < bestDistance) {
            best = item;
            bestDistance = d;
            found = true;
        }
    }
    return found ? std::string(best) : std::string();
}

std::vector<std::string_view> dictKeys(ObjectSpace& space, DictObject* d)
{
    std::vector<std::string_view> keys;
    std::int64_t pos = 0;
    Value k, v;
    while (dictNext(d, pos, k, v))
        if (isStr(space, k)) keys.push_back(strView(k));
    return keys;
}

std::string nameErrorSuggestion(Vm& vm, Value exc)
{
    ObjectSpace& space = vm.space();
    Value name = exceptionField(exc, ExcField::NameErrorName);
    Value tb = asException(exc)->m_traceback;
    if (!name || !isStr(space, name) || !tb) return {};
    while (asTraceback(tb)->m_next) tb = asTraceback(tb)->m_next;
    const Code& code = codeOf(asTraceback(tb)->m_code);
    std::vector<std::string_view> locals;
    for (const Ref& n : code.varnames) locals.push_back(strView(n.get()));
    std::string s = bestSuggestion(locals, strView(name));
    if (!s.empty()) return s;
    if (DictObject* globals = vm.currentGlobals()) {
        s = bestSuggestion(dictKeys(space, globals), strView(name));
        if (!s.empty()) return s;
    }
    return bestSuggestion(dictKeys(space, vm.builtins()), strView(name));
}

std::string attributeErrorSuggestion(Vm& vm, Value exc)
{
    ObjectSpace& space = vm.space();
    Value name = exceptionField(exc, ExcField::AttributeErrorName);
    Value obj = exceptionField(exc, ExcField::AttributeErrorObj);
    if (!name || !isStr(space, name) || !obj || obj.isNone()) return {};
    Ref dir = callMethod(space, obj, "__dir__", {});
    if (!dir) {
        space.clearError();
        return {};
    }
    std::vector<Ref> keep;
    std::vector<std::string_view> names;
    bool ok = forEach(space, dir.get(), [&](Value item) {
        if (isStr(space, item)) {
            keep.push_back(Ref::borrow(item));
            names.push_back(strView(item));
        }
        return true;
    });
    if (!ok) {
        space.clearError();
        return {};
    }
    return bestSuggestion(names, strView(name));
}

// ------------------------------------------------------------ printing
// CPython 3.11's print_exception_recursive (pythonrun.c): members of an
// exception group are drawn in boxes, each line prefixed by an indent and
// a "| " margin that grow with the group depth.

struct PrintContext {
    std::string& out;
    std::unordered_set<Object*> seen;
    int groupDepth = 0;
    bool needClose = false;
};

constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

std::string margin(const PrintContext& ctx) { return ctx.groupDepth ? "| " : ""; }
std::string indent(const PrintContext& ctx) { return std::string(std::size_t(2 * ctx.groupDepth), ' '); }
void writeIndentedMargin(PrintContext& ctx) { ctx.out += indent(ctx) + margin(ctx); }

std::string stripped(std::string_view line)
{
    const std::size_t a = line.find_first_not_of(" \t\f");
    if (a == std::string_view::npos) return {};
    const std::size_t b = line.find_last_not_of(" \t\f\r");
    return std::string(line.substr(a, b - a + 1));
}

void formatTraceback(Vm& vm, Value tb, PrintContext& ctx, const std::string& headerMargin, const char* header)
{
    std::string& out = ctx.out;
    const std::string pad = indent(ctx);
    const std::string m = margin(ctx);
    out += pad + headerMargin + header;
    std::string lastFile;
    int lastLine = -1;
    std::string lastName;
    int repeats = 0;
    auto flushRepeats = [&] {
        if (repeats > 3) {
            const int more = repeats - 3;
            out += pad + m + "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") +
                   "]\n";
        }
    };
    for (Value t = tb; t; t = asTraceback(t)->m_next) {
        TracebackObject* entry = asTraceback(t);
        const Code& code = codeOf(entry->m_code);
        std::string name(strView(code.name.get()));
        if (code.filename == lastFile && entry->m_line == lastLine && name == lastName) {
            ++repeats;
            if (repeats > 3) continue;
        } else {
            flushRepeats();
            lastFile = code.filename;
            lastLine = entry->m_line;
            lastName = name;
            repeats = 1;
        }
        out += pad + m + "  File \"" + code.filename + "\", line " + std::to_string(entry->m_line) + ", in " + name + "\n";
        std::string text = stripped(vm.sourceLine(entry->m_line));
        if (!text.empty()) out += pad + m + "    " + text + "\n";
    }
    flushRepeats();
}

bool isGroup(ObjectSpace& space, Value exc) { return space.isInstance(exc, space.types().BaseExceptionGroup); }

void printOne(Vm& vm, Value exc, PrintContext& ctx)
{
    ObjectSpace& space = vm.space();
    Value tb = asException(exc)->m_traceback;
    if (tb) {
        const bool group = isGroup(space, exc);
        const std::string headerMargin = group && ctx.groupDepth == 1 ? "+ " : margin(ctx);
        formatTraceback(vm, tb, ctx, headerMargin,
                        group ? "Exception Group Traceback (most recent call last):\n"
                              : "Traceback (most recent call last):\n");
    }
    std::string last = formatExceptionOnly(space, exc);
    std::string suggestion;
    if (space.isInstance(exc, space.types().NameError))
        suggestion = nameErrorSuggestion(vm, exc);
    else if (space.isInstance(exc, space.types().AttributeError))
        suggestion = attributeErrorSuggestion(vm, exc);
    if (!suggestion.empty()) last += ". Did you mean: '" + suggestion + "'?";
    // A message spanning lines keeps the margin on each line.
    std::size_t pos = 0;
    for (;;) {
        const std::size_t nl = last.find('\n', pos);
        writeIndentedMargin(ctx);
        ctx.out += last.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        ctx.out += "\n";
        if (nl == std::string::npos) break;
        pos = nl + 1;
    }
}

void printRecursive(Vm& vm, Value exc, PrintContext& ctx);

void printChained(Vm& vm, Value exc, PrintContext& ctx, const char* message)
{
    const bool needClose = ctx.needClose;
    printRecursive(vm, exc, ctx);
    ctx.needClose = needClose;
    writeIndentedMargin(ctx);
    ctx.out += "\n";
    writeIndentedMargin(ctx);
    ctx.out += message;
    writeIndentedMargin(ctx);
    ctx.out += "\n";
}

void printGroup(Vm& vm, Value exc, PrintContext& ctx)
{
    ObjectSpace& space = vm.space();
    if (ctx.groupDepth > kMaxGroupDepth) {
        writeIndentedMargin(ctx);
        ctx.out += "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n";
        return;
    }
    if (ctx.groupDepth == 0) ctx.groupDepth = 1;
    printOne(vm, exc, ctx);
    Value excs = exceptionField(exc, ExcField::GroupExceptions);
    const std::int64_t count = excs && isTuple(space, excs) ? asTuple(excs)->m_size : 0;
    const std::int64_t n = count <= kMaxGroupWidth ? count : kMaxGroupWidth + 1;
    ctx.needClose = false;
    for (std::int64_t i = 0; i < n; ++i) {
        const bool last = i == n - 1;
        if (last) ctx.needClose = true;
        ctx.out += indent(ctx);
        const bool truncated = i >= kMaxGroupWidth;
        ctx.out += std::string(i == 0 ? "+-" : "  ") + "+---------------- " +
                   (truncated ? std::string("...") : std::to_string(i + 1)) + " ----------------\n";
        ctx.groupDepth += 1;
        if (!truncated) {
            printRecursive(vm, asTuple(excs)->items()[i], ctx);
        } else {
            const std::int64_t remaining = count - kMaxGroupWidth;
            writeIndentedMargin(ctx);
            ctx.out += "and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n";
        }
        if (last && ctx.needClose) {
            ctx.out += indent(ctx) + "+------------------------------------\n";
            ctx.needClose = false;
        }
        ctx.groupDepth -= 1;
    }
    if (ctx.groupDepth == 1) ctx.groupDepth = 0;
}

void printRecursive(Vm& vm, Value exc, PrintContext& ctx)
{
    ObjectSpace& space = vm.space();
    ctx.seen.insert(exc.object());
    ExceptionObject* e = asException(exc);
    if (e->m_cause && !e->m_cause.isNone()) {
        if (!ctx.seen.count(e->m_cause.object()))
            printChained(vm, e->m_cause, ctx, "The above exception was the direct cause of the following exception:\n");
    } else if (!e->m_suppressContext && e->m_context && !e->m_context.isNone() && !ctx.seen.count(e->m_context.object())) {
        printChained(vm, e->m_context, ctx, "During handling of the above exception, another exception occurred:\n");
    }
    if (isGroup(space, exc))
        printGroup(vm, exc, ctx);
    else
        printOne(vm, exc, ctx);
}

} // namespace

void initTracebackType(Vm& vm)
{
    ObjectSpace& space = vm.space();
    TypeObject* tb = vm.vmTypes().traceback;
    initNativeType(space, *tb, "traceback", sizeof(TracebackObject), std::uint32_t(TypeFlag::Gc));
    tb->m_slots.traverse = tbTraverse;
    tb->m_slots.clear = tbClear;
    tb->m_slots.destroy = tbClear;
    addGetSets(space, tb, {{"tb_next", tbNext}, {"tb_lineno", tbLineno}, {"tb_lasti", tbLasti}, {"tb_frame", tbFrame}});
}

Ref newTraceback(Vm& vm, Value next, Value code, int line, int lasti)
{
    auto* tb = vm.space().heap().alloc<TracebackObject>(vm.vmTypes().traceback);
    if (!tb) return Ref();
    incref(next);
    tb->m_next = next;
    incref(code);
    tb->m_code = code;
    tb->m_line = line;
    tb->m_lasti = lasti;
    return Ref::steal(tb);
}

void Interp::addTraceback(Vm& vm, Frame* f, const CodeWord* ip)
{
    ObjectSpace& space = vm.space();
    Value exc = space.error();
    if (!exc || !isException(space, exc) || !f->m_func) return;
    const std::int64_t at = std::int64_t(ip - f->codeStart()) - 1;
    const int line = at < 0 ? f->m_code->firstLine : f->m_code->lineAt(std::size_t(at));
    ExceptionObject* e = asException(exc);
    Ref tb = newTraceback(vm, e->m_traceback, asFunction(f->m_func)->m_code, line, int(at < 0 ? 0 : at));
    if (!tb) {
        // No memory for the entry: keep the original exception pending.
        return;
    }
    Value old = e->m_traceback;
    e->m_traceback = tb.release();
    decref(old);
}

std::string Vm::formatException(Value exception)
{
    std::string out;
    if (!exception || !isException(m_space, exception)) return out;
    Ref saved = m_space.takeError();
    PrintContext ctx{out, {}, 0, false};
    printRecursive(*this, exception, ctx);
    m_space.clearError();
    if (saved) m_space.restoreError(std::move(saved));
    return out;
}

void Vm::printException(Value exception) { write(Stream::Stderr, formatException(exception)); }

} // namespace coroscope::pylite
