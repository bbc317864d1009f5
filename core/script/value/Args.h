#pragma once
// CallArgs: the arguments of a call, vectorcall style (no tuple or dict is
// built for the common case), and ArgParser, which unpacks them for native
// functions with CPython's error messages.

#include "core/script/value/Ref.h"

#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace coroscope::pylite {

struct TupleObject;

struct CallArgs {
    const Value* values = nullptr; ///< positional values, then keyword values (borrowed)
    std::size_t positional = 0;    ///< number of positional values
    TupleObject* kwnames = nullptr; ///< names (str) of the keyword values, or null

    CallArgs() = default;
    CallArgs(const Value* v, std::size_t n, TupleObject* names = nullptr) : values(v), positional(n), kwnames(names) {}
    Value operator[](std::size_t i) const { return values[i]; }
    std::size_t keywordCount() const;
    /// Name (borrowed str) and value of keyword argument k.
    Value keywordName(std::size_t k) const;
    Value keywordValue(std::size_t k) const { return values[positional + k]; }
    bool hasKeywords() const { return keywordCount() != 0; }
    /// The same arguments without the first positional one (bound self).
    CallArgs dropFirst() const { return CallArgs(values + 1, positional - 1, kwnames); }
};

/// How argument-count errors are worded; CPython has several forms.
enum class ArgStyle : std::uint8_t {
    Parse,      ///< "split() takes at most 2 arguments (3 given)"
    Checked,    ///< "center expected at least 1 argument, got 0"
    Qualified,  ///< "list.append() takes exactly one argument (0 given)" (name carries the owner)
};

/// Unpacks `args` into `out` following a parameter list. Parameters with
/// index < positionalOnly cannot be passed by keyword; parameters from
/// keywordOnlyFrom on cannot be passed positionally. Missing optional
/// parameters are left null in `out`. Returns false with TypeError pending.
struct ArgSpec {
    std::string_view name;                    ///< function name as shown in messages
    std::initializer_list<const char*> params; ///< parameter names
    std::size_t required = 0;                 ///< leading parameters that must be given
    std::size_t positionalOnly = 0;
    std::size_t keywordOnlyFrom = std::size_t(-1);
    ArgStyle style = ArgStyle::Parse;
};
bool parseArgs(ObjectSpace& space, const CallArgs& args, const ArgSpec& spec, Value* out);

/// Checks a call takes no arguments at all ("X() takes no arguments (1 given)").
bool checkNoArgs(ObjectSpace& space, const CallArgs& args, std::string_view qualifiedName);
/// Checks a call has exactly one positional argument and no keywords.
bool checkOneArg(ObjectSpace& space, const CallArgs& args, std::string_view qualifiedName);
/// Rejects keyword arguments ("X() takes no keyword arguments").
bool checkNoKeywords(ObjectSpace& space, const CallArgs& args, std::string_view name);

} // namespace coroscope::pylite
