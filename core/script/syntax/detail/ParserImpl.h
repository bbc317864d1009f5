#pragma once

// Internals of Parser: one ParserImpl per source text (the file, or one
// f-string replacement field). Grammar functions are named after the rules
// of CPython 3.11's Grammar/python.gram they implement.

#include "core/script/syntax/Arena.h"
#include "core/script/syntax/Ast.h"
#include "core/script/syntax/Lexer.h"
#include "core/script/syntax/SyntaxError.h"

#include <string>
#include <string_view>
#include <vector>

namespace coroscope::syntax::detail {

/// Thrown once m_error holds the error of the parse.
struct ParseAbort {};
/// Thrown inside speculate() when the tried rule does not match.
struct SpeculationFail {};

/// What a target list is used for (pegen's TARGETS_TYPE).
enum class TargetsType { Star, Del, For };

class ParserImpl {
public:
    struct Config {
        std::string filename = "main.py";
        /// Parsing "(expr)" of an f-string field: messages get "f-string: ".
        bool fstring = false;
        int lineOffset = 0;
        int colShift = 0;
        /// Parser stack budget already used by the enclosing parser.
        int levelBase = 0;
        /// Block nesting of the enclosing statement (for the depth limit).
        int blockDepthBase = 0;
    };

    ParserImpl(Arena& arena, std::string_view source, Config config);

    /// file: [statements] ENDMARKER. Null on error; error() says why.
    Module* parseFile();
    /// fstring: star_expressions, on the "(expr)" text. Null on error.
    Expr* parseFStringExpression();

    const SyntaxError& error() const { return m_error; }

    /// CPython's compiler refuses expression trees this deep or deeper
    /// (counting statement nesting), with RecursionError.
    static constexpr int kMaxCompileDepth = 3000;
    /// pegen's MAXSTACK: deeper parser recursion is a MemoryError.
    static constexpr int kMaxLevel = 6000;

private:
    friend class LevelGuard;

    // ---- tokens (ParserSupport.cpp)
    const Token& peek(std::size_t ahead = 0);
    TokenKind kind(std::size_t ahead = 0) { return peek(ahead).kind; }
    bool at(TokenKind k) { return kind() == k; }
    Token take();
    bool accept(TokenKind k);
    Token expect(TokenKind k);
    Token expectForced(TokenKind k, const char* text);
    const Token& lastTaken() const { return m_tokens[m_pos - 1]; }
    std::string_view text(const Token& t) const { return m_lexer.text(t); }
    bool isName(std::size_t ahead, std::string_view name);
    bool startsExpression(TokenKind k) const;
    /// At `for` or `async for` (peeking a second token only after `async`).
    bool atForClause() { return at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && kind(1) == TokenKind::KwFor); }

    // ---- errors (ParserSupport.cpp)
    [[noreturn]] void raise(SyntaxError error);
    [[noreturn]] void raiseLexerError();
    [[noreturn]] void failGeneric();
    [[noreturn]] void errorAtToken(const Token& t, const std::string& msg);
    [[noreturn]] void errorRange(const Location& from, const Location& to, const std::string& msg,
                                 const char* type = "SyntaxError");
    [[noreturn]] void errorAt(const Location& loc, const std::string& msg) { errorRange(loc, loc, msg); }
    [[noreturn]] void errorLastToken(const std::string& msg, const char* type = "SyntaxError");
    /// RAISE_SYNTAX_ERROR_STARTING_FROM: from `from` to the tokenizer's
    /// position (the end of the last token read).
    [[noreturn]] void errorStartingFrom(const Location& from, const std::string& msg);
    [[noreturn]] void indentationError(const Token& owner, const char* what);
    void finishAfterParserError();
    void trySpecialExpressionErrors();
    void checkInvalidExpression(std::size_t start, Expr* a);
    bool isSoftKeywordPrefix(const Token& t) const;
    SyntaxError errorAtBytes(const char* type, const std::string& msg, int line, int col, int endLine, int endCol,
                             bool noPosition);

    /// How a speculative parse relates to pegen's two passes.
    enum class Pass {
        /// An alternative pegen's first pass also tries: its tokens count
        /// for the generic error position; special errors propagate.
        First,
        /// A rule of pegen's error pass: special errors propagate and
        /// nested expressions run the invalid_expression checks.
        Second,
        /// expression_without_invalid: special errors are suppressed.
        WithoutInvalid,
        /// Backtracking inside an enclosing speculation, same pass.
        Inherit,
    };

    /// Tries `rule`; on a mismatch restores the position and returns false.
    template <class F>
    bool speculate(Pass pass, F&& rule)
    {
        const std::size_t saved = m_pos;
        const ExprRecord savedRecord = m_lastExpr;
        const int savedLevel = m_level;
        ++m_speculating;
        if (pass != Pass::First && pass != Pass::Inherit)
            ++m_uncountedSpeculation;
        if (pass == Pass::Second)
            ++m_secondPass;
        if (pass == Pass::WithoutInvalid)
            ++m_suppressSpecial;
        auto leave = [&] {
            --m_speculating;
            if (pass != Pass::First && pass != Pass::Inherit)
                --m_uncountedSpeculation;
            if (pass == Pass::Second)
                --m_secondPass;
            if (pass == Pass::WithoutInvalid)
                --m_suppressSpecial;
            m_level = savedLevel;
        };
        try {
            rule();
        } catch (const SpeculationFail&) {
            leave();
            m_pos = saved;
            m_lastExpr = savedRecord;
            return false;
        } catch (...) {
            leave();
            throw;
        }
        leave();
        return true;
    }

    // ---- statements (ParserStmt.cpp)
    Span<Stmt*> parseStatements(bool untilDedent);
    void parseStatement(std::vector<Stmt*>& out);
    void parseSimpleStatements(std::vector<Stmt*>& out);
    Stmt* parseSimpleStatement();
    Stmt* parseExpressionStatement();
    Stmt* parseAssignment(std::size_t start, Expr* first, std::size_t lastElementStart);
    Stmt* parseAnnotation(std::size_t start, Expr* target, bool simple);
    Span<Stmt*> parseBlock(const Token& owner, const char* what);
    Stmt* parseIf(bool elif);
    Stmt* parseWhile();
    Stmt* parseFor(std::size_t start, bool isAsync);
    Stmt* parseWith(std::size_t start, bool isAsync);
    Stmt* parseTry();
    Stmt* parseFunctionDef(std::size_t start, Span<Expr*> decorators);
    Stmt* parseClassDef(Span<Expr*> decorators);
    Stmt* parseDecorated();
    Stmt* parseImport();
    Stmt* parseFromImport();
    Stmt* parseDel();
    Stmt* parseRaise();
    Stmt* parseAssert();
    Stmt* parseReturn();
    Stmt* parseNames(StmtKind kind);
    Span<Stmt*> parseElseBlock();
    std::string_view parseDottedName();
    Arguments* parseParameters(bool lambda);
    WithItem* parseWithItem(bool parenthesised);

    // ---- expressions (ParserExpr.cpp)
    Expr* parseStarExpressions(std::size_t* lastElementStart = nullptr);
    Expr* parseStarExpression();
    Expr* parseStarNamedExpression();
    Expr* parseNamedExpression();
    Expr* parseExpression();
    Expr* parseExpressionWithoutInvalid();
    Expr* parseYieldExpr();
    Expr* parseYieldOrStarExpressions();
    Expr* parseLambda();
    Expr* parseDisjunction();
    Expr* parseConjunction();
    Expr* parseInversion();
    Expr* parseComparison();
    Expr* parseBitOr();
    Expr* parseBinary(int minPrec);
    Expr* parseFactor();
    Expr* parsePower();
    Expr* parseAwaitPrimary();
    Expr* parsePrimary();
    Expr* parseTrailer(Expr* e, std::size_t start);
    Expr* parseSlices();
    Expr* parseSlice();
    Expr* parseCall(Expr* func, std::size_t start);
    Span<Comprehension*> parseForIfClauses();
    Expr* parseTargetList(TargetsType type, TokenKind stop);
    void invalidNamedExpression(std::size_t start, Expr* e);
    bool startsWithDisplayOrSingleton(std::size_t start);

    // ---- atoms, strings, numbers (ParserAtoms.cpp)
    Expr* parseAtom();
    Expr* parseParenthesised();
    Expr* parseListDisplay();
    Expr* parseBraceDisplay();
    Expr* parseStrings();
    Expr* parseNumber(const Token& t);
    void parseFString(std::string_view body, const Token& t, bool raw, int depth, std::vector<Expr*>& parts,
                      std::string& literal, const Location& loc, std::size_t bodyOffset);
    void parseFStringFrom(std::string_view body, std::size_t& pos, const Token& t, bool raw, int depth,
                          std::vector<Expr*>& parts, std::string& literal, const Location& loc,
                          std::size_t bodyOffset);
    void parseFStringField(std::string_view body, std::size_t& pos, const Token& t, bool raw, int depth,
                           std::vector<Expr*>& parts, std::string& literal, const Location& loc,
                           std::size_t bodyOffset);
    Expr* compileFStringField(std::string_view expr, char terminator, const Token& t, std::size_t braceOffset);
    void flushLiteral(std::string& literal, std::vector<Expr*>& parts, const Location& loc);

    // ---- targets and names (ParserSupport.cpp)
    Expr* setContext(Expr* e, ExprContext ctx);
    static Expr* invalidTarget(Expr* e, TargetsType type);
    static const char* exprName(const Expr* e);
    void checkTargets(Expr* e, TargetsType type);

    // ---- node helpers
    template <class T>
    T* newExpr(ExprKind k, const Location& loc)
    {
        T* n = m_arena.make<T>();
        n->kind = k;
        n->loc = loc;
        return n;
    }
    template <class T>
    T* newStmt(StmtKind k, const Location& loc)
    {
        T* n = m_arena.make<T>();
        n->kind = k;
        n->loc = loc;
        return n;
    }
    /// pegen's EXTRA: from token `start` to the last token consumed.
    Location extra(std::size_t start) const;
    static Location join(const Location& a, const Location& b)
    {
        return Location{a.line, a.col, b.endLine, b.endCol};
    }
    /// Sets e->depth from its children and checks the compiler depth limit.
    void setDepth(Expr* e, std::initializer_list<const Expr*> children);
    void setDepth(Expr* e, Span<Expr*> children, std::uint32_t atLeast = 1);
    /// Sets e->depth to childMax + 1 and checks the compiler depth limit.
    void finishDepth(Expr* e, std::uint32_t childMax);
    static std::uint32_t maxDepth(std::uint32_t d, const Expr* e) { return e && e->depth > d ? e->depth : d; }
    static std::uint32_t maxDepth(std::uint32_t d, Span<Expr*> es)
    {
        for (const Expr* e : es)
            d = maxDepth(d, e);
        return d;
    }
    std::string_view copyName(const Token& t) { return m_arena.copyString(text(t)); }
    template <class T>
    Span<T> span(const std::vector<T>& v) { return m_arena.copySpan(v); }

    struct ExprRecord {
        std::size_t start = 0;  // first token of the leading disjunction
        std::size_t end = 0;    // token after it
        Expr* node = nullptr;
        bool valid = false;
    };

    Arena& m_arena;
    Config m_config;
    Lexer m_lexer;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    /// Furthest token read outside speculation: pegen's first-pass
    /// last_token, where a generic "invalid syntax" points.
    std::size_t m_furthest = 0;
    bool m_lexerDone = false;
    SyntaxError m_error;
    bool m_failed = false;
    bool m_errorFromLexer = false;
    int m_speculating = 0;          // active speculate() calls
    int m_uncountedSpeculation = 0; // ... of which not Pass::First
    int m_secondPass = 0;           // ... of which Pass::Second
    int m_suppressSpecial = 0;      // ... of which Pass::WithoutInvalid
    int m_level = 0;          // pegen-like parser stack use
    int m_blockDepth = 1;     // statement nesting (1 at module level)
    std::uint32_t m_maxDepth = 0;
    ExprRecord m_lastExpr;    // last `expression` rule's leading disjunction
    std::size_t m_stringRunStart = 0;  // first token of the string run being built
};

/// Charges pegen parser-stack levels for one recursive rule; a program that
/// exceeds the budget fails with MemoryError as CPython 3.11's parser does.
class LevelGuard {
public:
    LevelGuard(ParserImpl& p, int cost);
    ~LevelGuard() { m_parser.m_level -= m_cost; }
    LevelGuard(const LevelGuard&) = delete;
    LevelGuard& operator=(const LevelGuard&) = delete;

private:
    ParserImpl& m_parser;
    int m_cost;
};

/// The source range of one token.
Location tokenLoc(const Token& t);
/// pegen's star_targets: names, attributes, subscripts, starred targets and
/// (possibly parenthesised) tuples and lists of them.
bool isStarTargets(const Expr* e);

} // namespace coroscope::syntax::detail
