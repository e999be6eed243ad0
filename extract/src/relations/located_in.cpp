#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 本溪高新区 → 本溪市: the place a park or company is named after.
void Rules::locatedIn() {
    std::size_t n0 = ms_.size();
    std::set<std::u32string> done;
    for (std::size_t i = 0; i < n0; ++i) {
        const Mention& m = ms_[i];
        if (m.name.empty())
            continue;
        const LexEntry* city = nullptr;
        if (m.label == labels::kPark) {
            // The longest city name the park's name starts with (the whole name may itself
            // be a lexicon entry: 本溪高新区).
            for (std::size_t len = m.name.size() - 1; len >= 2 && !city; --len) {
                const LexEntry* e = lex_.lookup(std::u32string_view(m.name).substr(0, len));
                if (e && e->label == labels::kRegion && e->kind == "city")
                    city = e;
            }
        } else if (m.label == labels::kEnterprise && !m.deictic) {
            for (std::size_t k = 0; k < m.name.size() && !city; ++k) {
                const LexEntry* e = nullptr;
                std::size_t n = lex_.longestMatch(m.name, k, &e);
                if (n > 0 && e && e->label == labels::kRegion && e->kind == "city")
                    city = e;
            }
        }
        if (!city || !done.insert(m.name).second)
            continue;
        // addMention may reallocate ms_, which `m` points into.
        const auto at = m.begin;
        Mention r;
        r.label = labels::kRegion;
        r.kind = "city";
        r.name = city->name;
        r.begin = at;
        r.end = at;
        std::size_t ri = addMention(std::move(r));
        addFact(rels::kLocatedIn, i, ri, at);
    }
}

} // namespace innograph::extract::detail
