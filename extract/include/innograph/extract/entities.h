#pragma once

// Stage 4, entities: finds entity mentions in the cleaned text by longest match against the
// lexicon and by name patterns (a place or other prefix followed by a trigger word: X高新区,
// X大学, X研究院, X局…), then resolves short and deictic forms (我市, a bare 高新区, 市科技局)
// against the document's own place.

#include "innograph/extract/lexicon.h"
#include "innograph/extract/text.h"

#include <cstddef>
#include <string>
#include <vector>

namespace innograph::extract {

struct Mention {
    std::size_t begin = 0; // character range in CleanText::text
    std::size_t end = 0;
    std::string label;
    std::u32string name;                      // canonical
    std::vector<std::u32string> aliases;      // global aliases (surface forms, derived forms)
    std::vector<std::u32string> localAliases; // only meaningful in this document (市科技局)
    std::string kind;                         // Region: province/city/district
    // A deictic or bare form (我市, 高新区) standing for the document's own place.
    bool deictic = false;
    // Set by the recogniser for unresolved bare forms; resolution fills `name` or drops them.
    std::u32string trigger;
    std::u32string prefix;
};

// The document's own place, from its title or, failing that, the places it names most.
struct DocPlace {
    std::u32string province; // canonical, e.g. 辽宁省
    std::u32string city;     // canonical, e.g. 辽阳市
    std::u32string cityShort;
    std::u32string park; // canonical, e.g. 大连高新区
    std::u32string zone; // the zone the document names most
};

class EntityRecognizer {
public:
    explicit EntityRecognizer(const Lexicon& lexicon) : lex_(lexicon) {}

    // Mentions in text order, non-overlapping, bare forms unresolved (deictic, empty name).
    std::vector<Mention> recognize(const CleanText& text) const;
    // Works out the document's place from the mentions inside [titleBegin, titleEnd) or, when
    // the title names none, from the place its issuer is named after (天水市人民政府), else
    // from the cities mentioned most.
    DocPlace inferPlace(const std::vector<Mention>& mentions, std::size_t titleBegin,
                        std::size_t titleEnd, std::u32string_view issuer = {}) const;
    // Resolves deictic and bare mentions to the place; drops those that name nothing.
    void resolve(std::vector<Mention>& mentions, const DocPlace& place) const;

    // A department name as written in a responsibility clause (市科技局, 科技局, 经发局<金融办>)
    // made into a mention qualified by the document's place (辽阳市科技局, alias 市科技局).
    Mention department(std::u32string_view written, const DocPlace& place) const;
    // Canonical form of a park name: 大连国家高新区, 大连高新技术产业开发区 → 大连高新区.
    std::u32string canonicalPark(std::u32string_view name) const;

    const Lexicon& lexicon() const { return lex_; }

private:
    void canonicalize(Mention& m) const;
    const Lexicon& lex_;
};

} // namespace innograph::extract
