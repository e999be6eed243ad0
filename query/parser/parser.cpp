#include "parser/parser.h"

#include "common/spelling.h"
#include "innograph/text/unicode.h"
#include "parser/transformer.h"

#include "CypherLexer.h"
#include "CypherParser.h"
#include "antlr4-runtime.h"

#include <algorithm>
#include <set>
#include <vector>

namespace innograph::query {
namespace {

using grammar::CypherLexer;
using grammar::CypherParser;

// How a token type reads in a message: keywords without our K_ prefix, punctuation quoted.
std::string displayToken(const antlr4::dfa::Vocabulary& vocab, std::size_t type) {
    if (type == antlr4::Token::EOF)
        return "end of input";
    std::string sym = vocab.getSymbolicName(type);
    if (sym.rfind("K_", 0) == 0)
        return sym.substr(2);
    std::string lit = vocab.getLiteralName(type);
    if (!lit.empty())
        return lit;
    if (sym == "StringLiteral")
        return "a string";
    if (sym == "IntegerLiteral")
        return "an integer";
    if (sym == "FloatLiteral")
        return "a float";
    if (sym == "Identifier" || sym == "EscapedIdentifier")
        return "a name";
    return sym;
}

std::vector<std::string> keywords(const antlr4::dfa::Vocabulary& vocab) {
    std::vector<std::string> out;
    for (std::size_t t = 1; t <= vocab.getMaxTokenType(); ++t) {
        std::string sym = vocab.getSymbolicName(t);
        if (sym.rfind("K_", 0) == 0)
            out.push_back(sym.substr(2));
    }
    return out;
}

class ThrowingErrorListener : public antlr4::BaseErrorListener {
public:
    void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                     size_t column, const std::string& msg, std::exception_ptr) override {
        SourcePos pos{static_cast<int>(line), static_cast<int>(column) + 1};
        auto* parser = dynamic_cast<CypherParser*>(recognizer);
        if (!parser || !offending)
            throw QueryError(ErrorCode::SyntaxError, msg, pos, "UnexpectedSyntax");

        const auto& vocab = parser->getVocabulary();
        std::string what = offending->getType() == antlr4::Token::EOF
                               ? "Unexpected end of input"
                               : "Invalid input '" + offending->getText() + "'";
        std::set<std::string> expected;
        bool expectsName = false;
        try {
            for (auto t : parser->getExpectedTokens().toList()) {
                auto d = displayToken(vocab, t);
                if (d == "a name")
                    expectsName = true;
                expected.insert(d);
            }
        } catch (...) {
            // getExpectedTokens can fail in odd recovery states; the message still stands.
        }
        std::string message = what;
        if (!expected.empty()) {
            message += ": expected ";
            std::vector<std::string> list(expected.begin(), expected.end());
            // Keywords read best first, punctuation after.
            std::stable_partition(list.begin(), list.end(), [](const std::string& s) {
                return !s.empty() && std::isalpha(static_cast<unsigned char>(s[0]));
            });
            const std::size_t shown = std::min<std::size_t>(list.size(), 14);
            for (std::size_t i = 0; i < shown; ++i) {
                if (i)
                    message += i + 1 == shown && shown == list.size() ? " or " : ", ";
                message += list[i];
            }
            if (shown < list.size())
                message += ", …";
        }
        // A word that is not a keyword where a keyword belongs is usually a typo of one.
        if (offending->getType() != antlr4::Token::EOF) {
            std::string word = offending->getText();
            std::vector<std::string> candidates;
            for (const auto& k : keywords(vocab))
                if (expected.count(k))
                    candidates.push_back(k);
            if (candidates.empty() && !expectsName)
                candidates = keywords(vocab);
            auto guess = closestMatch(word, candidates);
            if (!guess.empty())
                message += ". Did you mean " + guess + "?";
        }
        throw QueryError(ErrorCode::SyntaxError, message, pos, "UnexpectedSyntax");
    }
};

SourcePos positionOf(std::string_view text, std::size_t offset) {
    const auto at = innograph::text::lineColumnAt(text, offset);
    return {static_cast<int>(at.line), static_cast<int>(at.column)};
}

// Bounds what the recursive-descent parser will face: the token count and how deeply brackets
// and CASE ... END nest. A lexing pass of its own that keeps no tokens, so neither memory nor
// the stack grows with a hostile query before it is refused.
void checkShape(antlr4::CharStream& input) {
    CypherLexer lexer(&input);
    ThrowingErrorListener listener;
    lexer.removeErrorListeners();
    lexer.addErrorListener(&listener);
    const auto& vocab = lexer.getVocabulary();
    enum Role { Other, Open, Close, Dot, Colon, Case, End };
    std::vector<Role> roles(vocab.getMaxTokenType() + 1, Other);
    for (std::size_t t = 1; t < roles.size(); ++t) {
        auto lit = vocab.getLiteralName(t);
        auto sym = vocab.getSymbolicName(t);
        if (lit == "'('" || lit == "'['" || lit == "'{'")
            roles[t] = Open;
        else if (lit == "')'" || lit == "']'" || lit == "'}'")
            roles[t] = Close;
        else if (lit == "'.'")
            roles[t] = Dot;
        else if (lit == "':'")
            roles[t] = Colon;
        else if (sym == "K_CASE")
            roles[t] = Case;
        else if (sym == "K_END")
            roles[t] = End;
    }
    auto roleOf = [&](std::size_t type) { return type < roles.size() ? roles[type] : Other; };
    auto where = [](const antlr4::Token& t) {
        return SourcePos{static_cast<int>(t.getLine()),
                         static_cast<int>(t.getCharPositionInLine()) + 1};
    };
    int depth = 0;
    std::size_t count = 0;
    Role prev = Other;
    // CASE and END also serve as property keys and labels (n.end, :Case, {case: 1}); they count
    // only when neither preceded by '.' or ':' nor followed by ':', so the decision waits a token.
    Role pending = Other;
    for (;;) {
        auto tok = lexer.nextToken();
        if (tok->getType() == antlr4::Token::EOF)
            break;
        Role r = roleOf(tok->getType());
        int d = r == Open ? 1 : r == Close ? -1 : 0;
        if (pending != Other && r != Colon)
            d += pending == Case ? 1 : -1;
        pending = (r == Case || r == End) && prev != Dot && prev != Colon ? r : Other;
        prev = r;
        depth = std::max(0, depth + d);
        if (depth > kMaxNesting)
            throw QueryError(ErrorCode::LimitExceeded,
                             "Query nested too deeply: more than " + std::to_string(kMaxNesting) +
                                 " levels of brackets or CASE",
                             where(*tok));
        if (++count > kMaxTokens)
            throw QueryError(ErrorCode::LimitExceeded,
                             "Query too long: more than " + std::to_string(kMaxTokens) +
                                 " tokens; pass long lists as parameters",
                             where(*tok));
    }
}

} // namespace

ParsedStatement parseQuery(std::string_view text) {
    if (auto bad = text::firstInvalidUtf8(text); bad != text::npos)
        throw QueryError(ErrorCode::SyntaxError,
                         "Invalid UTF-8 at byte " + std::to_string(bad) + " of the query",
                         positionOf(text, bad));
    antlr4::ANTLRInputStream input(text.data(), text.size());
    checkShape(input);
    input.seek(0);
    CypherLexer lexer(&input);
    ThrowingErrorListener listener;
    lexer.removeErrorListeners();
    lexer.addErrorListener(&listener);
    antlr4::CommonTokenStream tokens(&lexer);
    CypherParser parser(&tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(&listener);
    // SLL is enough for almost every query and much faster; fall back to full LL only when it
    // fails, and only then report errors.
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    CypherParser::ScriptContext* tree = nullptr;
    try {
        tree = parser.script();
    } catch (const antlr4::ParseCancellationException&) {
        tokens.seek(0);
        parser.reset();
        parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
        parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
            antlr4::atn::PredictionMode::LL);
        tree = parser.script();
    }
    return transformScript(tree, input);
}

} // namespace innograph::query
