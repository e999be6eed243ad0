#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

void Rules::responsibilities() {
    std::vector<std::optional<std::size_t>> progMention(st_.programmes.size());
    std::vector<std::optional<std::size_t>> taskMention(st_.tasks.size());
    auto programme = [&](int p) {
        if (!progMention[p]) {
            const Heading& h = st_.headings[st_.programmes[p].heading];
            Mention m;
            m.label = labels::kProgram;
            m.name = st_.programmes[p].name;
            m.begin = h.titleBegin;
            m.end = h.titleEnd;
            progMention[p] = addMention(std::move(m));
        }
        return *progMention[p];
    };
    auto task = [&](int ti) {
        if (!taskMention[ti]) {
            const TaskItem& tk = st_.tasks[ti];
            const Heading& h = st_.headings[tk.heading];
            Mention m;
            m.label = labels::kTask;
            m.name = tk.name;
            m.begin = h.titleBegin;
            m.end = h.titleEnd;
            if (tk.programme >= 0)
                m.kind = u32::toUtf8(st_.programmes[tk.programme].name);
            taskMention[ti] = addMention(std::move(m));
        }
        return *taskMention[ti];
    };
    for (std::size_t p = 0; p < st_.programmes.size(); ++p)
        programme(static_cast<int>(p));
    for (std::size_t k = 0; k < st_.tasks.size(); ++k) {
        std::size_t tm = task(static_cast<int>(k));
        if (opt_.taskPartOfEdges && st_.tasks[k].programme >= 0)
            addFact(rels::kPartOf, tm, programme(st_.tasks[k].programme), ms_[tm].begin);
    }
    for (const Responsibility& r : st_.responsibilities) {
        std::size_t target = r.task >= 0 ? task(r.task) : programme(r.programme);
        auto add = [&](const std::vector<std::u32string>& names, const char* type) {
            for (std::u32string n : names) {
                // 省海洋局等: the list's closing word is no part of the name; 以下简称…
                // is a gloss, not a member.
                if (std::size_t k = lex_.longestSuffix(list("responsibilities", "member-tails"), n);
                    k > 0)
                    n.resize(n.size() - k);
                if (n.empty() ||
                    lex_.longestPrefixAt(list("responsibilities", "lead-words"), n, 0) > 0)
                    continue;
                Mention d = rec_.department(n, place_);
                if (d.name.empty())
                    continue;
                d.begin = r.begin;
                d.end = r.end;
                std::size_t di = addMention(std::move(d));
                addFact(type, di, target, r.begin);
            }
        };
        add(r.leads, rels::kLeads);
        add(r.supports, rels::kSupports);
    }
}

} // namespace innograph::extract::detail
