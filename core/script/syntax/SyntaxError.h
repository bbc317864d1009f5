#pragma once

#include <string>
#include <string_view>

namespace coroscope::syntax {

/// Why a program could not be compiled, in the shape of CPython 3.11's
/// SyntaxError (and of the two non-syntax errors its front end can raise).
struct SyntaxError {
    /// Python exception class name: "SyntaxError", "IndentationError",
    /// "TabError", or for absurdly deep programs "MemoryError" (parser stack,
    /// message empty) and "RecursionError" (compiler stack).
    std::string type = "SyntaxError";
    /// The message without the "SyntaxError: " prefix.
    std::string message;
    /// File name as given to the parser ("main.py").
    std::string filename;
    /// 1-based line of the error; 0 when CPython reports none (decoding
    /// errors, MemoryError, RecursionError).
    int line = 0;
    /// CPython's SyntaxError.offset: the 1-based column in code points (as
    /// compile() of a str reports it); 0 when there is none.
    int offset = 0;
    /// SyntaxError.end_lineno / end_offset; endOffset may be -1 or 0 like
    /// CPython's when the error has no extent.
    int endLine = 0;
    int endOffset = 0;
    /// SyntaxError.text: the offending source line. For errors inside an
    /// f-string expression this is CPython's "(expr)" text, and offset
    /// counts inside it.
    std::string text;

    /// True for the errors that print as "  File ..., line N" plus source
    /// (SyntaxError and its subclasses with a line).
    bool hasLocation() const { return line > 0; }
};

/// Formats the error exactly as `python3 main.py` prints it to stderr (no
/// "Traceback" header for syntax errors), ending with a newline:
///
///       File "main.py", line 3
///         if x
///             ^
///     SyntaxError: expected ':'
///
/// The caret row is drawn as CPython 3.11 does (leading whitespace of the
/// line stripped, '^' repeated up to endOffset on the same line) except that
/// columns count code points, so carets under Chinese text line up with the
/// offending character.
std::string formatSyntaxError(const SyntaxError& error);

/// "Type: message" (or just "Type" when the message is empty): the last line
/// of formatSyntaxError().
std::string syntaxErrorSummary(const SyntaxError& error);

} // namespace coroscope::syntax
