#include "core/script/value/Args.h"

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"

#include <string>

namespace coroscope::pylite {

std::size_t CallArgs::keywordCount() const { return kwnames ? std::size_t(kwnames->m_size) : 0; }

Value CallArgs::keywordName(std::size_t k) const { return kwnames->item(std::int64_t(k)); }

namespace {

std::string plural(std::size_t n, const char* word)
{
    std::string s = std::to_string(n) + " " + word;
    if (n != 1) s += "s";
    return s;
}

bool fail(ObjectSpace& space, const std::string& msg)
{
    space.raise(space.types().TypeError, msg);
    return false;
}

} // namespace

bool parseArgs(ObjectSpace& space, const CallArgs& args, const ArgSpec& spec, Value* out)
{
    const std::size_t nparams = spec.params.size();
    const std::size_t maxPositional = spec.keywordOnlyFrom < nparams ? spec.keywordOnlyFrom : nparams;
    const std::size_t given = args.positional + args.keywordCount();
    const std::string fname(spec.name);
    for (std::size_t i = 0; i < nparams; ++i) out[i] = Value();

    if (args.positional > maxPositional) {
        if (maxPositional == 0) return fail(space, fname + "() takes no positional arguments");
        if (spec.style == ArgStyle::Checked) {
            if (spec.required == nparams)
                return fail(space, fname + " expected " + plural(nparams, "argument") + ", got " + std::to_string(given));
            return fail(space, fname + " expected at most " + plural(maxPositional, "argument") + ", got " +
                                   std::to_string(args.positional));
        }
        const char* how = spec.required == maxPositional ? "exactly" : "at most";
        return fail(space, fname + "() takes " + how + " " + plural(maxPositional, "argument") + " (" +
                               std::to_string(given) + " given)");
    }
    for (std::size_t i = 0; i < args.positional; ++i) out[i] = args[i];

    const std::size_t nkw = args.keywordCount();
    if (nkw && spec.positionalOnly >= nparams)
        return fail(space, fname + "() takes no keyword arguments");
    for (std::size_t k = 0; k < nkw; ++k) {
        std::string_view key = strView(args.keywordName(k));
        std::size_t idx = nparams;
        std::size_t i = 0;
        for (const char* p : spec.params) {
            if (i >= spec.positionalOnly && key == p) {
                idx = i;
                break;
            }
            ++i;
        }
        if (idx == nparams) {
            std::string msg(1, '\'');
            msg += key;
            msg += "' is an invalid keyword argument for ";
            msg += fname;
            msg += "()";
            return fail(space, msg);
        }
        if (out[idx]) {
            return fail(space, "argument for " + fname + "() given by name ('" + std::string(key) + "') and position (" +
                                   std::to_string(idx + 1) + ")");
        }
        out[idx] = args.keywordValue(k);
    }

    for (std::size_t i = 0; i < spec.required; ++i) {
        if (out[i]) continue;
        if (spec.style == ArgStyle::Checked) {
            if (spec.required == nparams)
                return fail(space, fname + " expected " + plural(nparams, "argument") + ", got " + std::to_string(given));
            return fail(space, fname + " expected at least " + plural(spec.required, "argument") + ", got " +
                                   std::to_string(given));
        }
        if (i < spec.positionalOnly || nkw == 0) {
            if (spec.positionalOnly >= spec.required || spec.style != ArgStyle::Parse) {
                const char* how = spec.required == maxPositional ? "exactly" : "at least";
                return fail(space, fname + "() takes " + how + " " + plural(spec.required, "argument") + " (" +
                                       std::to_string(given) + " given)");
            }
        }
        auto it = spec.params.begin() + i;
        return fail(space, fname + "() missing required argument '" + std::string(*it) + "' (pos " + std::to_string(i + 1) + ")");
    }
    return true;
}

bool checkNoArgs(ObjectSpace& space, const CallArgs& args, std::string_view qualifiedName)
{
    if (args.hasKeywords()) return fail(space, std::string(qualifiedName) + "() takes no keyword arguments");
    if (args.positional != 0)
        return fail(space, std::string(qualifiedName) + "() takes no arguments (" + std::to_string(args.positional) + " given)");
    return true;
}

bool checkOneArg(ObjectSpace& space, const CallArgs& args, std::string_view qualifiedName)
{
    if (args.hasKeywords()) return fail(space, std::string(qualifiedName) + "() takes no keyword arguments");
    if (args.positional != 1)
        return fail(space, std::string(qualifiedName) + "() takes exactly one argument (" + std::to_string(args.positional) +
                               " given)");
    return true;
}

bool checkNoKeywords(ObjectSpace& space, const CallArgs& args, std::string_view name)
{
    if (args.hasKeywords()) return fail(space, std::string(name) + "() takes no keyword arguments");
    return true;
}

} // namespace coroscope::pylite
