#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 推动涿州汽车零部件制造、固安电子信息等先进制造产业集群: each item of a list of clusters
// is a county or city followed by its industry.
void Rules::hostsByClusters() {
    for (std::size_t p = 0; p < t_.size(); ++p) {
        if (closerAt(p) == 0)
            continue;
        auto [cb, ce] = clauseAround(p);
        std::u32string_view after = t_.substr(p + 1, std::min<std::size_t>(ce - p - 1, 16));
        bool cluster = false;
        for (std::size_t k = 1; k <= after.size() && !cluster; ++k)
            cluster = lex_.longestSuffix(list("hosts-cluster", "heads"), after.substr(0, k)) > 0;
        if (!cluster)
            continue;
        std::size_t b = cb;
        while (b < p) {
            std::size_t n = leadWordAt(b, p);
            if (n == 0)
                n = lex_.longestPrefixAt(list("enumeration", "generic"), t_, b);
            if (n == 0)
                break;
            b += n;
        }
        std::vector<std::size_t> pending;
        for (std::size_t pos = b; pos < p;) {
            std::size_t end = t_.find(kEnumComma, pos);
            if (end == std::u32string_view::npos || end > p)
                end = p;
            clusterItem(pos, end, pending, p);
            pos = end + 1;
        }
    }
}

// One item of a cluster list: a county and its industry (滦南锹: one character will do
// after a county), or counties joined by a conjunction sharing one (A和B自行车), or
// several joined (烟台海洋生物与医药 stays one industry: no county follows 与).
void Rules::clusterItem(std::size_t b, std::size_t e, std::vector<std::size_t>& pending,
                        std::size_t at) {
    for (std::size_t k = b; k < e;) {
        auto region = regionAt(k);
        if (!region && k == b)
            region = bareCountyAt(k, e);
        if (!region)
            return;
        std::size_t rest = ms_[*region].end;
        if (std::size_t c = lex_.longestPrefixAt(list("enumeration", "conj"), t_, rest);
            c > 0 && regionAt(rest + c)) {
            pending.push_back(*region);
            k = rest + c;
            continue;
        }
        std::size_t ie = e, next = e;
        for (std::size_t q = rest + 1; q < e; ++q) {
            if (std::size_t c = lex_.longestPrefixAt(list("enumeration", "conj"), t_, q);
                c > 0 && regionAt(q + c)) {
                ie = q;
                next = q + c;
                break;
            }
        }
        // 石家庄正定: a county after its city is no industry.
        if (rest < ie && onlyIndustriesIn(rest, ie)) {
            if (auto ind = industryMention(t_.substr(rest, ie - rest), rest, 1)) {
                addFact(rels::kHosts, *region, *ind, at);
                for (std::size_t r : pending)
                    addFact(rels::kHosts, r, *ind, at);
            }
        }
        pending.clear();
        k = next;
    }
}

// 清河羊绒, 河间再制造: a county named bare (its 县 or 市 dropped) whose bare name the
// gazetteer keeps for no division because several share it or it is also a word; in a cluster
// item the document's own province decides which division it is.
std::optional<std::size_t> Rules::bareCountyAt(std::size_t k, std::size_t e) {
    // A name the recogniser found there (an industry, an institute) is no bare county.
    if (place_.province.empty() || startingAt(k))
        return std::nullopt;
    auto provinceOf = [&](const LexEntry* r) {
        for (int up = 0; r && up < 3; ++up) {
            if (r->kind == "province")
                return r->name;
            const LexEntry* parent = lex_.lookup(u32::fromUtf8(r->prop("in")));
            r = parent && parent->label == labels::kRegion ? parent : nullptr;
        }
        return std::u32string{};
    };
    for (std::size_t len = 3; len >= 2; --len) {
        if (k + len + 1 > e)
            continue;
        std::u32string bare(t_.substr(k, len));
        bool han = true;
        for (char32_t c : bare)
            han = han && u32::isHan(c);
        // A bare name the lexicon knows (抚顺 for 抚顺市) is that name, not a county's.
        if (!han || lex_.lookup(bare))
            continue;
        for (const auto& suffix : lex_.words(list("hosts-cluster", "county-suffixes"))) {
            const LexEntry* r = lex_.lookup(bare + suffix);
            if (!r || r->label != labels::kRegion ||
                (r->kind != "county" && r->kind != "district") || provinceOf(r) != place_.province)
                continue;
            Mention m;
            m.label = labels::kRegion;
            m.name = r->name;
            m.begin = k;
            m.end = k + len;
            return addMention(std::move(m));
        }
    }
    return std::nullopt;
}

} // namespace innograph::extract::detail
