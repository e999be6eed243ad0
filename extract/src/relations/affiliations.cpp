#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 东北大学新材料研究院 → 东北大学; 中科院沈阳…分中心 → 中国科学院
void Rules::affiliations() {
    std::size_t n0 = ms_.size();
    for (std::size_t i = 0; i < n0; ++i) {
        if (ms_[i].label != labels::kInstitute || ms_[i].deictic)
            continue;
        std::u32string surface(t_.substr(ms_[i].begin, ms_[i].end - ms_[i].begin));
        const std::u32string& name = ms_[i].name;
        Mention parent;
        const LexEntry* head = nullptr;
        std::size_t n = lex_.longestMatch(surface, 0, &head);
        if (n > 0 && n < surface.size() && head &&
            (head->label == labels::kUniversity || head->label == labels::kInstitute)) {
            parent.label = head->label;
            parent.name = head->name;
        } else {
            // The first university head inside the name (大学), or a short head (工大) that
            // stands for the long head at the same place of the other list (工业大学).
            auto first = [&](std::string_view words, std::size_t* index) {
                const auto& ws = lex_.words(words);
                for (std::size_t k = 0; k < name.size(); ++k)
                    for (std::size_t w = 0; w < ws.size(); ++w)
                        if (u32::startsWith(std::u32string_view(name).substr(k), ws[w])) {
                            *index = w;
                            return std::make_pair(k, ws[w].size());
                        }
                return std::make_pair(std::u32string::npos, std::size_t{0});
            };
            std::size_t ui = 0, si = 0;
            auto [k, kn] = first(list("affiliation", "university-heads"), &ui);
            auto [g, gn] = first(list("affiliation", "short-heads"), &si);
            const auto& longHeads = lex_.words(list("affiliation", "long-heads"));
            if (k != std::u32string::npos && k + kn < name.size()) {
                parent.label = labels::kUniversity;
                parent.name = name.substr(0, k + kn);
            } else if (g != std::u32string::npos && g >= 2 && g + gn < name.size() &&
                       si < longHeads.size()) {
                parent.label = labels::kUniversity;
                parent.name = name.substr(0, g) + longHeads[si];
                parent.aliases.push_back(name.substr(0, g + gn));
            } else {
                continue;
            }
            if (const LexEntry* e = lex_.lookup(parent.name); e && e->label == parent.label)
                parent.name = e->name;
        }
        if (parent.name == name)
            continue;
        parent.begin = ms_[i].begin;
        parent.end = ms_[i].begin;
        std::size_t pi = addMention(std::move(parent));
        addFact(rels::kAffiliatedWith, i, pi, ms_[i].begin);
    }
}

} // namespace innograph::extract::detail
