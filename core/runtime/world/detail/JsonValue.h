#pragma once
// JsonValue: a parsed JSON document for the world reader (WorldJson.h).
// core has no JSON library and never uses Qt's, so this is a small strict
// RFC 8259 reader: objects keep their members in document order, numbers
// are doubles, strings are UTF-8 with every escape decoded.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coroscope::detail {

struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    std::string text;                                        ///< String
    std::vector<JsonValue> items;                            ///< Array
    std::vector<std::pair<std::string, JsonValue>> members;  ///< Object, in document order

    /// The member named `key` of an object (the last one if repeated), or null.
    const JsonValue* find(std::string_view key) const;
};

/// Parses a whole JSON text. False with `error` ("offset 12: expected ':'")
/// on a syntax error, nesting deeper than 200 or trailing text.
bool parseJson(std::string_view text, JsonValue& out, std::string& error);

} // namespace coroscope::detail
