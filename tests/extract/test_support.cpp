#include "test_support.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <fstream>
#include <sstream>

namespace innograph::extract::testing {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string corpusPath(std::string_view name) {
    return std::string(INNOGRAPH_CORPUS_DIR) + "/" + std::string(name);
}

const Extractor& extractor() {
    static std::unique_ptr<Extractor> ex = [] {
        auto r = Extractor::create();
        if (!r.isOk())
            throw std::runtime_error(r.status().message());
        return std::move(r.value());
    }();
    return *ex;
}

ExtractedDocument extractText(std::string_view docId, std::string_view text) {
    auto r = extractor().extract(docId, text);
    EXPECT_TRUE(r.isOk()) << r.status().message();
    if (!r.isOk())
        return {};
    return std::move(r.value());
}

std::string toGb18030(std::string_view utf8) {
    UErrorCode err = U_ZERO_ERROR;
    std::string out(utf8.size() * 2 + 16, '\0');
    int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                             utf8.data(), static_cast<int32_t>(utf8.size()), &err);
    EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
    out.resize(static_cast<std::size_t>(n));
    return out;
}

long findEntity(const ExtractedGraph& g, std::string_view label, std::string_view name) {
    for (std::size_t i = 0; i < g.entities.size(); ++i) {
        const Entity& e = g.entities[i];
        if (e.label != label)
            continue;
        if (e.name == name)
            return static_cast<long>(i);
        for (const auto& a : e.aliases)
            if (a == name)
                return static_cast<long>(i);
        for (const auto& a : e.localAliases)
            if (a == name)
                return static_cast<long>(i);
    }
    return -1;
}

bool hasRelation(const ExtractedGraph& g, std::string_view type, std::string_view fromLabel,
                 std::string_view from, std::string_view toLabel, std::string_view to) {
    long a = findEntity(g, fromLabel, from), b = findEntity(g, toLabel, to);
    if (a < 0 || b < 0)
        return false;
    for (const auto& r : g.relations)
        if (r.type == type && r.start == static_cast<std::size_t>(a) &&
            r.end == static_cast<std::size_t>(b))
            return true;
    return false;
}

bool hosts(const ExtractedGraph& g, std::string_view label, std::string_view from,
           std::string_view industry) {
    return hasRelation(g, "HOSTS", label, from, "Industry", industry);
}

bool hasTaskRelation(const ExtractedGraph& g, std::string_view type, std::string_view dept,
                     std::string_view endNameContains) {
    long a = findEntity(g, "Department", dept);
    if (a < 0)
        return false;
    for (const auto& r : g.relations) {
        if (r.type != type || r.start != static_cast<std::size_t>(a))
            continue;
        if (g.entities[r.end].name.find(endNameContains) != std::string::npos)
            return true;
    }
    return false;
}

std::size_t countRelations(const ExtractedGraph& g, std::string_view type) {
    std::size_t n = 0;
    for (const auto& r : g.relations)
        n += r.type == type;
    return n;
}

} // namespace innograph::extract::testing
