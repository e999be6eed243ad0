#include "relations/rules.h"

#include <algorithm>
#include <cmath>

namespace innograph::extract::detail {

// 到2020年…R&D经费支出占地区生产总值比重达到2%
void Rules::targets() {
    for (std::size_t sb = 0; sb < t_.size();) {
        auto [b, e] = sentenceAround(t_, sb);
        sentenceTargets(b, e);
        sb = e + 1;
    }
}

void Rules::sentenceTargets(std::size_t b, std::size_t e) {
    std::u32string_view s = t_.substr(b, e - b);
    int year = 0;
    std::size_t yearEnd = 0;
    const Lexicon::List years = lex_.list(list("targets", "years"));
    for (std::size_t i = 0; i + 5 <= s.size(); ++i) {
        // 到/至/力争 right before the year.
        if (lex_.longestSuffix(years, s.substr(0, i + 1)) == 0)
            continue;
        std::size_t k = i + 1;
        int y = 0, nd = 0;
        while (k < s.size() && u32::isAsciiDigit(s[k]) && nd < 4)
            y = y * 10 + (s[k] - U'0'), ++k, ++nd;
        std::size_t mark =
            k < s.size() ? lex_.longestPrefixAt(list("targets", "year-marks"), s, k) : 0;
        if (nd == 4 && mark > 0) {
            year = y;
            yearEnd = k + mark;
            break;
        }
    }
    if (year == 0)
        return;
    std::size_t cs = yearEnd;
    for (std::size_t i = yearEnd; i <= s.size(); ++i) {
        bool brk = i == s.size() || s[i] == U',' || s[i] == U';' || s[i] == kEnumComma;
        if (!brk)
            continue;
        clauseTarget(b + cs, b + i, year);
        cs = i + 1;
    }
}

void Rules::clauseTarget(std::size_t cb, std::size_t ce, int year) {
    for (std::size_t p = cb; p < ce; ++p) {
        std::size_t n = lex_.longestPrefixAt(list("targets", "verbs"), t_, p);
        if (n == 0)
            continue;
        std::size_t k = p + n;
        std::size_t vb = k;
        while (k < ce && (u32::isAsciiDigit(t_[k]) || t_[k] == U'.'))
            ++k;
        if (k == vb)
            continue;
        std::size_t unit = lex_.longestPrefixAt(list("targets", "units"), t_, k);
        if (unit == 0)
            continue;
        double value = std::stod(u32::toUtf8(t_.substr(vb, k - vb)));
        std::u32string unitStr(t_.substr(k, unit));
        std::optional<std::size_t> subject;
        std::size_t metricBegin = cb;
        for (std::size_t i : mentionsIn(cb, p)) {
            if (isPlaceLabel(ms_[i].label)) {
                subject = i;
                metricBegin = ms_[i].end;
            }
        }
        std::u32string metric(u32::trim(t_.substr(metricBegin, p - metricBegin)));
        while (std::size_t lead = lex_.longestPrefixAt(list("targets", "metric-leads"), metric, 0))
            metric.erase(0, lead);
        if (metric.size() < 2 || metric.size() > 40)
            return;
        if (!subject)
            subject = docPlaceMention(false, cb);
        if (!subject)
            return;
        Mention tm;
        tm.label = labels::kTarget;
        tm.name = metric + std::u32string(t_.substr(p, k + unit - p)) + U"(" +
                  u32::fromUtf8(std::to_string(year)) + U")";
        tm.begin = cb;
        tm.end = ce;
        tm.kind = u32::toUtf8(metric) + "\x1f" + std::to_string(value) + "\x1f" +
                  u32::toUtf8(unitStr) + "\x1f" + std::to_string(year);
        std::size_t ti = addMention(std::move(tm));
        addFact(rels::kHasTarget, *subject, ti, p);
        return;
    }
}

} // namespace innograph::extract::detail
