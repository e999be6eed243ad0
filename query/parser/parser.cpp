#include "parser/parser.h"

#include "common/utf8.h"
#include "parser/transformer.h"

#include "CypherLexer.h"
#include "CypherParser.h"
#include "antlr4-runtime.h"

#include <set>

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
            throw QueryError(ErrorCode::SyntaxError, msg, pos);

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
        throw QueryError(ErrorCode::SyntaxError, message, pos);
    }
};

} // namespace

ParsedStatement parseQuery(std::string_view text) {
    antlr4::ANTLRInputStream input(text.data(), text.size());
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
