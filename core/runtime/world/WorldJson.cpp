#include "core/runtime/world/WorldJson.h"

#include "core/runtime/world/detail/JsonValue.h"

#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <optional>

namespace coroscope {

namespace {

using detail::JsonValue;
using Kind = JsonValue::Kind;

std::string fieldPath(const std::string& parent, std::string_view key)
{
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string describe(const JsonValue& v)
{
    switch (v.kind) {
    case Kind::Null: return "null";
    case Kind::Bool: return v.boolean ? "true" : "false";
    case Kind::Number: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v.number);
        return buf;
    }
    case Kind::String: return "the string \"" + v.text + "\"";
    case Kind::Array: return "a list";
    case Kind::Object: return "an object";
    }
    return "nothing";
}

bool isInteger(const JsonValue& v)
{
    return v.kind == Kind::Number && std::isfinite(v.number) && v.number == std::floor(v.number) &&
           std::fabs(v.number) < 2147483648.0;
}

/// Typed reads of optional fields that record every mistake and carry on, so
/// one pass reports all of them (the lesson loader's JsonFields, without Qt).
class Fields {
public:
    explicit Fields(std::vector<WorldJsonError>& errors)
        : m_errors(errors)
    {
    }

    void error(std::string path, std::string message) { m_errors.push_back({std::move(path), std::move(message)}); }

    void rejectUnknown(const JsonValue& o, const std::string& path, std::initializer_list<std::string_view> known)
    {
        std::string list;
        for (std::string_view k : known)
            list += (list.empty() ? "" : ", ") + std::string(k);
        for (const auto& [key, value] : o.members) {
            bool ok = false;
            for (std::string_view k : known)
                ok = ok || key == k;
            if (!ok) error(fieldPath(path, key), "unknown field (expected one of: " + list + ")");
        }
    }

    const JsonValue* asObject(const JsonValue& v, const std::string& path)
    {
        if (v.kind == Kind::Object) return &v;
        error(path, "expected an object, got " + describe(v));
        return nullptr;
    }
    const JsonValue* object(const JsonValue& o, const std::string& path, std::string_view key)
    {
        const JsonValue* v = o.find(key);
        return v ? asObject(*v, fieldPath(path, key)) : nullptr;
    }
    const JsonValue* array(const JsonValue& o, const std::string& path, std::string_view key)
    {
        const JsonValue* v = o.find(key);
        if (!v || v->kind == Kind::Array) return v;
        error(fieldPath(path, key), "expected a list, got " + describe(*v));
        return nullptr;
    }
    std::optional<std::string> string(const JsonValue& o, const std::string& path, std::string_view key)
    {
        const JsonValue* v = o.find(key);
        if (!v) return std::nullopt;
        if (v->kind == Kind::String) return v->text;
        error(fieldPath(path, key), "expected a string, got " + describe(*v));
        return std::nullopt;
    }
    std::optional<std::string> nonEmptyString(const JsonValue& o, const std::string& path, std::string_view key)
    {
        std::optional<std::string> s = string(o, path, key);
        if (s && s->find_first_not_of(" \t\r\n") == std::string::npos) {
            error(fieldPath(path, key), "must not be empty");
            return std::nullopt;
        }
        return s;
    }
    std::optional<int> integer(const JsonValue& o, const std::string& path, std::string_view key, int min)
    {
        const JsonValue* v = o.find(key);
        if (!v) return std::nullopt;
        if (isInteger(*v) && v->number >= min) return int(v->number);
        error(fieldPath(path, key),
              std::string(min == 1 ? "expected a positive integer" : "expected an integer >= 0") + ", got " +
                  describe(*v));
        return std::nullopt;
    }
    std::optional<double> nonNegativeNumber(const JsonValue& o, const std::string& path, std::string_view key)
    {
        const JsonValue* v = o.find(key);
        if (!v) return std::nullopt;
        if (v->kind == Kind::Number && std::isfinite(v->number) && v->number >= 0) return v->number;
        error(fieldPath(path, key), "expected a number >= 0, got " + describe(*v));
        return std::nullopt;
    }
    std::optional<bool> boolean(const JsonValue& o, const std::string& path, std::string_view key)
    {
        const JsonValue* v = o.find(key);
        if (!v) return std::nullopt;
        if (v->kind == Kind::Bool) return v->boolean;
        error(fieldPath(path, key), "expected true or false, got " + describe(*v));
        return std::nullopt;
    }

private:
    std::vector<WorldJsonError>& m_errors;
};

std::optional<WorldFailure> failureNamed(const std::string& name)
{
    if (name == "timeout") return WorldFailure::Timeout;
    if (name == "refused") return WorldFailure::Refused;
    if (name == "reset") return WorldFailure::Reset;
    if (name == "none") return WorldFailure::None;
    return std::nullopt;
}

void readEndpoint(Fields& fields, const JsonValue& spec, const std::string& path, WorldEndpoint& out)
{
    fields.rejectUnknown(spec, path, {"latency", "size", "status", "error", "body", "contentType"});
    if (std::optional<std::string> body = fields.string(spec, path, "body")) out.body = std::move(*body);
    if (std::optional<std::string> type = fields.nonEmptyString(spec, path, "contentType"))
        out.contentType = std::move(*type);
    out.latency = fields.nonNegativeNumber(spec, path, "latency");
    if (const std::optional<int> size = fields.integer(spec, path, "size", 0)) out.size = std::uint64_t(*size);
    if (const std::optional<int> status = fields.integer(spec, path, "status", 1)) {
        if (*status < 100 || *status > 599)
            fields.error(fieldPath(path, "status"),
                         "expected an HTTP status between 100 and 599, got " + std::to_string(*status));
        else
            out.status = *status;
    }
    if (const std::optional<std::string> error = fields.string(spec, path, "error")) {
        if (const std::optional<WorldFailure> failure = failureNamed(*error))
            out.failure = *failure;
        else
            fields.error(fieldPath(path, "error"),
                         "unknown error \"" + *error + "\" (expected one of: timeout, refused, reset, none)");
    }
}

void readEndpoints(Fields& fields, const JsonValue& world, const std::string& path, std::string_view key,
                   std::map<std::string, WorldEndpoint>& out)
{
    const JsonValue* table = fields.object(world, path, key);
    if (!table) return;
    const std::string here = fieldPath(path, key);
    for (const auto& [name, spec] : table->members) {
        const std::string entry = here + "[\"" + name + "\"]";
        if (name.find_first_not_of(" \t\r\n") == std::string::npos)
            fields.error(entry, "the name must not be empty");
        if (key == "hosts" && name.find('/') != std::string::npos)
            fields.error(entry, "a host is a name or an address without scheme or path; put whole URLs under \"urls\"");
        if (key == "urls" && name.find("://") == std::string::npos)
            fields.error(entry, "expected a whole URL with its scheme (\"https://host/path\")");
        if (const JsonValue* endpoint = fields.asObject(spec, entry)) readEndpoint(fields, *endpoint, entry, out[name]);
    }
}

void readClients(Fields& fields, const JsonValue& world, const std::string& path, std::vector<WorldClient>& out)
{
    const JsonValue* clients = fields.array(world, path, "clients");
    if (!clients) return;
    const std::string here = fieldPath(path, "clients");
    for (std::size_t i = 0; i < clients->items.size(); ++i) {
        const std::string entry = here + "[" + std::to_string(i) + "]";
        const JsonValue* client = fields.asObject(clients->items[i], entry);
        if (!client) continue;
        WorldClient c;
        fields.rejectUnknown(*client, entry, {"name", "at", "method", "path", "repeat", "every"});
        if (std::optional<std::string> name = fields.nonEmptyString(*client, entry, "name")) c.name = std::move(*name);
        c.at = fields.nonNegativeNumber(*client, entry, "at").value_or(c.at);
        c.repeat = fields.integer(*client, entry, "repeat", 1).value_or(c.repeat);
        c.every = fields.nonNegativeNumber(*client, entry, "every").value_or(c.every);
        if (const std::optional<std::string> method = fields.string(*client, entry, "method")) {
            if (*method != "GET" && *method != "POST")
                fields.error(fieldPath(entry, "method"), "expected \"GET\" or \"POST\", got \"" + *method + "\"");
            else
                c.method = *method;
        }
        if (const std::optional<std::string> target = fields.string(*client, entry, "path")) {
            if (target->empty() || (*target)[0] != '/')
                fields.error(fieldPath(entry, "path"), "expected a path starting with \"/\", got \"" + *target + "\"");
            else
                c.path = *target;
        }
        out.push_back(std::move(c));
    }
}

} // namespace

std::vector<WorldJsonError> readWorldJson(std::string_view json, const std::string& root, WorldConfig& out, bool unwrap)
{
    std::vector<WorldJsonError> errors;
    JsonValue document;
    std::string syntax;
    if (!detail::parseJson(json, document, syntax)) {
        errors.push_back({std::string(), "not valid JSON at " + syntax});
        return errors;
    }
    Fields fields(errors);
    const JsonValue* world = &document;
    if (unwrap && document.kind == Kind::Object)
        if (const JsonValue* inner = document.find("world"); inner && inner->kind == Kind::Object) world = inner;
    if (!fields.asObject(*world, root)) return errors;
    fields.rejectUnknown(*world, root, {"hosts", "urls", "clients", "defaultLatency", "serviceLatency", "uvloop"});
    out.defaultLatency = fields.nonNegativeNumber(*world, root, "defaultLatency");
    out.serviceLatency = fields.nonNegativeNumber(*world, root, "serviceLatency");
    out.uvloop = fields.boolean(*world, root, "uvloop").value_or(false);
    readEndpoints(fields, *world, root, "hosts", out.hosts);
    readEndpoints(fields, *world, root, "urls", out.urls);
    readClients(fields, *world, root, out.clients);
    return errors;
}

std::string describeWorldErrors(const std::vector<WorldJsonError>& errors)
{
    std::string text;
    for (const WorldJsonError& e : errors) {
        if (!text.empty()) text += '\n';
        text += e.field.empty() ? e.message : e.field + ": " + e.message;
    }
    return text;
}

} // namespace coroscope
