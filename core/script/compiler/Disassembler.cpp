#include "core/script/compiler/Disassembler.h"

#include "core/script/compiler/Code.h"
#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"

#include <cstdio>

namespace coroscope::pylite {

namespace {

constexpr const char* kBinarySymbols[] = {"+", "-", "*", "@", "/", "//", "%", "divmod", "**", "<<", ">>", "&", "^", "|"};
constexpr const char* kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
constexpr const char* kUnarySymbols[] = {"-", "+", "~", "abs"};
constexpr const char* kConversions[] = {"", "str", "repr", "ascii"};

bool isCode(ObjectSpace& space, Value v, TypeObject* codeType) { return v.isObject() && space.typeOf(v) == codeType; }

std::string constRepr(ObjectSpace& space, Value v, TypeObject* codeType)
{
    if (isCode(space, v, codeType)) {
        const Code& c = codeOf(v);
        return "<code object " + std::string(strView(c.name.get())) + ", line " + std::to_string(c.firstLine) + ">";
    }
    std::string text;
    if (!reprString(space, v, text)) {
        space.clearError();
        return "<unprintable>";
    }
    return text;
}

std::string slotName(const Code& c, std::uint32_t slot)
{
    if (slot < c.localCount()) return std::string(strView(c.varnames[slot].get()));
    slot -= c.localCount();
    if (slot < c.cellCount()) return std::string(strView(c.cellvars[slot].get()));
    slot -= c.cellCount();
    if (slot < c.freeCount()) return std::string(strView(c.freevars[slot].get()));
    return "?";
}

std::string name(const Code& c, std::uint32_t i)
{
    return i < c.names.size() ? std::string(strView(c.names[i].get())) : std::string("?");
}

std::string argRepr(ObjectSpace& space, const Code& c, Opcode op, std::uint32_t arg, std::uint32_t extra,
                    TypeObject* codeType)
{
    switch (op) {
    case Opcode::LOAD_CONST:
        return arg < c.consts.size() ? constRepr(space, c.consts[arg].get(), codeType) : "?";
    case Opcode::LOAD_FAST:
    case Opcode::STORE_FAST:
    case Opcode::DELETE_FAST:
    case Opcode::LOAD_DEREF:
    case Opcode::STORE_DEREF:
    case Opcode::DELETE_DEREF:
    case Opcode::LOAD_CLOSURE:
    case Opcode::LOAD_CLASSDEREF:
        return slotName(c, arg);
    case Opcode::LOAD_GLOBAL:
    case Opcode::STORE_GLOBAL:
    case Opcode::DELETE_GLOBAL:
    case Opcode::LOAD_NAME:
    case Opcode::STORE_NAME:
    case Opcode::DELETE_NAME:
    case Opcode::LOAD_ATTR:
    case Opcode::STORE_ATTR:
    case Opcode::DELETE_ATTR:
    case Opcode::LOAD_METHOD:
    case Opcode::IMPORT_FROM:
    case Opcode::STORE_ANNOTATION:
        return name(c, arg);
    case Opcode::IMPORT_NAME:
        return name(c, arg & ~(1u << 23)) + ((arg & (1u << 23)) ? " (top level)" : "");
    case Opcode::BINARY_OP: {
        const std::uint32_t op = arg & ~kInplaceFlag;
        std::string s = op < std::size(kBinarySymbols) ? kBinarySymbols[op] : "?";
        if (arg & kInplaceFlag) s += "=";
        return s;
    }
    case Opcode::UNARY_OP:
        return arg < std::size(kUnarySymbols) ? kUnarySymbols[arg] : "?";
    case Opcode::COMPARE_OP:
        return arg < std::size(kCompareSymbols) ? kCompareSymbols[arg] : "?";
    case Opcode::IS_OP:
        return arg ? "is not" : "is";
    case Opcode::CONTAINS_OP:
        return arg ? "not in" : "in";
    case Opcode::FORMAT_VALUE: {
        std::string s = kConversions[arg & 3];
        if (arg & 4) s += s.empty() ? "with format" : ", with format";
        return s;
    }
    case Opcode::CALL_KW:
        return extra < c.consts.size() ? "kwnames " + constRepr(space, c.consts[extra].get(), codeType) : "?";
    case Opcode::YIELD_VALUE:
        return arg & kYieldFromFlag ? "from" : "";
    case Opcode::MAKE_FUNCTION: {
        std::string s;
        auto add = [&](const char* what) {
            if (!s.empty()) s += ", ";
            s += what;
        };
        if (arg & std::uint32_t(MakeFunctionFlag::Defaults)) add("defaults");
        if (arg & std::uint32_t(MakeFunctionFlag::KwDefaults)) add("kwdefaults");
        if (arg & std::uint32_t(MakeFunctionFlag::Closure)) add("closure");
        return s;
    }
    default:
        if (isJump(op)) return "to " + std::to_string(arg);
        return {};
    }
}

bool usesArg(Opcode op)
{
    switch (op) {
    case Opcode::NOP:
    case Opcode::POP_TOP:
    case Opcode::PUSH_NULL:
    case Opcode::BINARY_SUBSCR:
    case Opcode::STORE_SUBSCR:
    case Opcode::DELETE_SUBSCR:
    case Opcode::UNARY_NOT:
    case Opcode::LIST_TO_TUPLE:
    case Opcode::GET_ITER:
    case Opcode::RETURN_VALUE:
    case Opcode::LOAD_BUILD_CLASS:
    case Opcode::LOAD_ASSERTION_ERROR:
    case Opcode::RERAISE:
    case Opcode::PUSH_EXC_INFO:
    case Opcode::POP_EXCEPT:
    case Opcode::CHECK_EXC_MATCH:
    case Opcode::BEFORE_WITH:
    case Opcode::BEFORE_ASYNC_WITH:
    case Opcode::WITH_EXIT:
    case Opcode::WITH_EXCEPT_START:
    case Opcode::GET_YIELD_FROM_ITER:
    case Opcode::GET_AITER:
    case Opcode::GET_ANEXT:
    case Opcode::END_ASYNC_FOR:
    case Opcode::IMPORT_STAR:
    case Opcode::SETUP_ANNOTATIONS:
        return false;
    default:
        return true;
    }
}

std::string formatInstruction(ObjectSpace& space, const Code& c, std::uint32_t offset, TypeObject* codeType)
{
    const CodeWord w = c.words[offset];
    const Opcode op = opcodeOf(w);
    const std::uint32_t arg = argOf(w);
    const std::uint32_t extra = instructionWords(op) > 1 && offset + 1 < c.words.size() ? c.words[offset + 1] : 0;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%6u %-24s", offset, std::string(opcodeName(op)).c_str());
    std::string line = buf;
    const bool hasArg = usesArg(op);
    if (hasArg) {
        std::snprintf(buf, sizeof buf, "%4u", arg);
        line += buf;
        std::string readable = argRepr(space, c, op, arg, extra, codeType);
        if (!readable.empty()) line += " (" + readable + ")";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

void disassembleInto(ObjectSpace& space, Value codeObject, std::string& out)
{
    TypeObject* codeType = space.typeOf(codeObject);
    const Code& c = codeOf(codeObject);
    out += "Disassembly of ";
    out += strView(c.qualname.get());
    out += ":\n";
    std::int32_t lastLine = -1;
    for (std::uint32_t i = 0; i < c.words.size(); i += std::uint32_t(instructionWords(opcodeOf(c.words[i])))) {
        const std::int32_t line = c.lines[i];
        char col[16];
        if (line != lastLine) {
            std::snprintf(col, sizeof col, "%4d ", line);
            lastLine = line;
        } else {
            std::snprintf(col, sizeof col, "     ");
        }
        out += col;
        out += formatInstruction(space, c, i, codeType);
        out += '\n';
    }
    if (!c.handlers.empty()) {
        out += "Exception table:\n";
        for (const ExceptionRange& r : c.handlers) {
            out += "  " + std::to_string(r.start) + " to " + std::to_string(r.end) + " -> " +
                   std::to_string(r.handler) + " [depth " + std::to_string(r.depth) + "]\n";
        }
    }
    for (const Ref& k : c.consts) {
        if (!isCode(space, k.get(), codeType)) continue;
        out += '\n';
        disassembleInto(space, k.get(), out);
    }
}

} // namespace

std::string disassemble(ObjectSpace& space, Value codeObject)
{
    std::string out;
    disassembleInto(space, codeObject, out);
    return out;
}

std::string disassembleInstruction(ObjectSpace& space, Value codeObject, std::uint32_t offset)
{
    const Code& c = codeOf(codeObject);
    if (offset >= c.words.size()) return {};
    std::string s = formatInstruction(space, c, offset, space.typeOf(codeObject));
    std::size_t first = s.find_first_not_of(' ');
    return first == std::string::npos ? s : s.substr(first);
}

} // namespace coroscope::pylite
