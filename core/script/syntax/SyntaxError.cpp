#include "core/script/syntax/SyntaxError.h"

namespace coroscope::syntax {

std::string syntaxErrorSummary(const SyntaxError& error)
{
    if (error.message.empty())
        return error.type;
    return error.type + ": " + error.message;
}

// Mirrors print_exception_file_and_line() and print_error_text() of
// CPython 3.11's Python/pythonrun.c, with offsets in code points.
std::string formatSyntaxError(const SyntaxError& error)
{
    std::string out;
    if (error.hasLocation()) {
        out += "  File \"" + error.filename + "\", line " + std::to_string(error.line) + "\n";
        if (!error.text.empty()) {
            std::string_view text = error.text;
            long offset = error.offset;
            long endOffset = error.endOffset;
            if (error.endLine > error.line)
                endOffset = static_cast<long>(text.size());
            const long caretCount = (endOffset > 0 && endOffset > offset) ? endOffset - offset : 1;
            --offset;  // 1-based -> 0-based
            while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\f')) {
                text.remove_prefix(1);
                --offset;
            }
            std::string_view line = text;
            if (!line.empty() && line.back() == '\n')
                line.remove_suffix(1);
            // Offsets count code points; the caret row is spaces per code point.
            long len = 0;
            for (unsigned char c : line)
                if ((c & 0xC0) != 0x80)
                    ++len;
            if (offset > len)
                offset = len;
            out += "    ";
            out += line;
            out += "\n";
            // CPython reads a file's blank last line back as empty text and
            // prints no caret under it.
            const bool blank = line.find_first_not_of(" \t\f") == std::string_view::npos;
            if (offset >= 0 && !blank) {
                out += "    ";
                out += std::string(static_cast<std::size_t>(offset), ' ');
                out += std::string(static_cast<std::size_t>(caretCount), '^');
                out += "\n";
            }
        }
    }
    out += syntaxErrorSummary(error);
    out += "\n";
    return out;
}

} // namespace coroscope::syntax
