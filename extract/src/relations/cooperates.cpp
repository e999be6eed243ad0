#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

namespace {

// A mention of `country` over [begin, end) of the text.
Mention countryMention(const LexEntry& country, std::size_t begin, std::size_t end) {
    Mention m;
    m.label = labels::kCountry;
    m.name = country.name;
    m.begin = begin;
    m.end = end;
    return m;
}

} // namespace

// 依托中德园对德合作; 沈阳高新区对美合作
void Rules::cooperates() {
    // Found once: the search runs at every position.
    const Lexicon::List opener = lex_.list(list("cooperates", "opener"));
    for (std::size_t p = 0; p + 2 < t_.size(); ++p) {
        std::size_t n = lex_.longestPrefixAt(opener, t_, p);
        if (n == 0 || p + n + 1 > t_.size())
            continue;
        auto subject = endingAt(p);
        if (!subject || !isPlaceLabel(ms_[*subject].label))
            continue;
        std::optional<std::size_t> country;
        std::size_t after = p + n;
        if (auto c = startingAt(p + n); c && ms_[*c].label == labels::kCountry) {
            country = *c;
            after = ms_[*c].end;
        } else if (lex_.longestPrefixAt(list("cooperates", "abbreviation-opener"), t_, p) == n) {
            // One-character abbreviations only in this fixed phrase.
            if (const LexEntry* e = lex_.lookupAbbreviation(t_.substr(p + n, 1))) {
                country = addMention(countryMention(*e, p + n, p + n + 1));
                after = p + n + 1;
            }
        }
        if (!country)
            continue;
        auto [cb, ce] = clauseAround(p);
        std::size_t closer = std::u32string_view::npos;
        for (std::size_t k = after; k < ce && k < after + 8; ++k) {
            if (lex_.longestPrefixAt(list("cooperates", "closer"), t_, k) > 0) {
                closer = k;
                break;
            }
        }
        if (closer == std::u32string_view::npos)
            continue;
        addFact(rels::kCooperatesWith, *subject, *country, p);
    }
}

// 济南中日高科技产业园, 中德生态园: a park named for a bilateral partnership (the China side's
// 中 and the other country's one-character abbreviation), or for the other country in full after
// its place (青岛日本科学城), cooperates with that country.
void Rules::cooperatesByName() {
    // The park (zone, carrier) `park` cooperates with `country`, named over the park's name.
    auto cooperatesWith = [this](std::size_t park, const LexEntry& country) {
        const std::size_t begin = ms_[park].begin, end = ms_[park].end;
        addFact(rels::kCooperatesWith, park, addMention(countryMention(country, begin, end)),
                begin);
    };
    std::size_t count = ms_.size();
    for (std::size_t i = 0; i < count; ++i) {
        const Mention& m = ms_[i];
        if (m.deictic || m.name.empty() ||
            (m.label != labels::kPark && m.label != labels::kZone && m.label != labels::kCarrier))
            continue;
        std::u32string_view name = m.name;
        // A country's whole name after the park's place (青岛日本科学城) says the same.
        const LexEntry* whole = nullptr;
        for (std::size_t k = 1; !whole && k + 2 < name.size(); ++k) {
            const LexEntry* e = nullptr;
            if (lex_.longestMatch(name, k, &e) > 0 && e && e->label == labels::kCountry)
                whole = e;
        }
        if (whole) {
            cooperatesWith(i, *whole);
            continue;
        }
        for (std::size_t k = 0; k + 2 < name.size(); ++k) {
            std::size_t n = lex_.longestPrefixAt(list("cooperates", "name-opener"), name, k);
            if (n == 0 || k + n + 1 >= name.size())
                continue;
            const LexEntry* e = lex_.lookupAbbreviation(name.substr(k + n, 1));
            if (!e)
                continue;
            cooperatesWith(i, *e);
            break;
        }
    }
}

} // namespace innograph::extract::detail
