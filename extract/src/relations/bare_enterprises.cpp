#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 东软、忠旺、华信等一批…的大企业: bare names in a list headed by 企业.
void Rules::bareEnterprises() {
    for (std::size_t p = 0; p < t_.size(); ++p) {
        std::size_t closer = closerAt(p);
        if (closer == 0)
            continue;
        auto [cb, ce] = clauseAround(p);
        if (p + closer > ce)
            continue;
        std::u32string_view tail = t_.substr(p + closer, ce - p - closer);
        if (lex_.longestSuffix(list("bare-enterprises", "heads"), tail) == 0)
            continue;
        // Items back to the clause start, split by 、.
        std::size_t b = p;
        while (b > cb && t_[b - 1] != U',')
            --b;
        std::vector<std::pair<std::size_t, std::size_t>> items;
        std::size_t e = p;
        for (std::size_t k = p; k > b; --k) {
            if (t_[k - 1] == kEnumComma) {
                items.emplace_back(k, e);
                e = k - 1;
            }
        }
        items.emplace_back(b, e);
        if (items.size() < 2)
            continue;
        for (auto [ib, ie] : items) {
            // The first item may carry the verb: 优先筛选东软.
            std::size_t s = ib;
            for (std::size_t k = ie; k > ib; --k) {
                if (lex_.longestSuffix(list("enumeration", "lead-words"), t_.substr(0, k - 1)) >
                        0 &&
                    k - 1 > ib) {
                    s = k - 1;
                    break;
                }
            }
            std::u32string item(t_.substr(s, ie - s));
            if (item.size() < 2 || item.size() > 6)
                continue;
            bool han = true;
            for (char32_t c : item)
                han = han && u32::isHan(c);
            if (!han || lex_.longestSuffix(list("bare-enterprises", "generic-tails"), item) > 0)
                continue;
            if (!mentionsIn(s, ie).empty())
                continue;
            bool overlaps = false;
            for (const Mention& m : ms_)
                overlaps = overlaps || (m.begin < ie && s < m.end && m.end > m.begin);
            if (overlaps)
                continue;
            Mention m;
            m.label = labels::kEnterprise;
            m.name = item;
            if (const LexEntry* le = lex_.lookup(item); le && le->label == labels::kEnterprise)
                m.name = le->name;
            m.begin = s;
            m.end = ie;
            addMention(std::move(m));
        }
    }
}

} // namespace innograph::extract::detail
