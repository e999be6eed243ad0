#include "reference_facts.h"

#include "u32.h"

#include <algorithm>
#include <string>

namespace innograph::extract {
namespace {

const LexEntry* regionEntry(const Lexicon& lex, std::u32string_view name) {
    const LexEntry* e = lex.lookup(name);
    return e && e->label == labels::kRegion ? e : nullptr;
}

// The province a region lies in, following `in=` up the list (鹿泉区 → 石家庄市 → 河北省).
std::u32string provinceOf(const Lexicon& lex, const LexEntry* e) {
    for (int depth = 0; e && depth < 4; ++depth) {
        if (e->kind == "province")
            return e->name;
        std::string up = e->prop("in");
        if (up.empty())
            return {};
        e = regionEntry(lex, u32::fromUtf8(up));
    }
    return {};
}

bool isLocalDivision(const LexEntry& e) {
    return e.label == labels::kRegion && (e.kind == "district" || e.kind == "county");
}

graph::PropertyMap regionProperties(const LexEntry& e) {
    graph::PropertyMap p;
    if (!e.kind.empty())
        p["kind"] = e.kind;
    if (std::string code = e.prop("adcode"); !code.empty())
        p["adcode"] = code;
    return p;
}

std::size_t addRegion(const Lexicon& lex, ExtractedGraph& g, const std::string& name) {
    Entity r;
    r.label = labels::kRegion;
    r.name = name;
    if (const LexEntry* e = regionEntry(lex, u32::fromUtf8(name))) {
        r.name = u32::toUtf8(e->name);
        for (const auto& a : e->aliases)
            r.aliases.push_back(u32::toUtf8(a));
        r.properties = regionProperties(*e);
        r.properties["level"] = e->kind;
    }
    return g.addEntity(r);
}

} // namespace

std::u32string provinceOfRegion(const Lexicon& lex, std::u32string_view name) {
    return provinceOf(lex, regionEntry(lex, name));
}

void dropForeignBareDivisions(const Lexicon& lex, const CleanText& text, const DocPlace& place,
                              std::vector<Mention>& mentions) {
    std::u32string province = place.province;
    if (province.empty() && !place.city.empty())
        province = provinceOf(lex, regionEntry(lex, place.city));
    std::u32string_view t(text.text);
    std::erase_if(mentions, [&](const Mention& m) {
        if (m.label != labels::kRegion || m.deictic || m.end <= m.begin || m.end > t.size())
            return false;
        std::u32string_view written = t.substr(m.begin, m.end - m.begin);
        const LexEntry* e = lex.lookup(written);
        // A two-character full name (范县) is as easily part of a word (示范县) as a bare one.
        if (!e || !isLocalDivision(*e) ||
            (written == std::u32string_view(e->name) && written.size() > 2))
            return false;
        return province.empty() || provinceOf(lex, e) != province;
    });
}

void addReferenceFacts(const Lexicon& lex, ExtractedGraph& g) {
    const std::size_t n = g.entities.size(); // facts only for entities the document names
    for (std::size_t i = 0; i < n; ++i) {
        const Entity ent = g.entities[i];
        if (ent.label == labels::kDocument)
            continue;
        const LexEntry* e = lex.lookup(u32::fromUtf8(ent.name));
        if (!e || e->label != ent.label || e->source.empty())
            continue;
        const std::vector<std::string> sources{e->source};
        if (ent.label == labels::kRegion) {
            for (auto& [k, v] : regionProperties(*e))
                g.entities[i].properties[k] = v;
        }
        // The list's place is a fallback: a park the document places in its city (本溪高新区 →
        // 本溪市) keeps that more precise place alone.
        bool placed = false;
        for (const auto& rel : g.relations)
            placed = placed || ((rel.type == rels::kLocatedIn || rel.type == rels::kPartOf) &&
                                rel.start == i && g.entities[rel.end].label == labels::kRegion);
        if (std::string in = e->prop("in"); !in.empty() && in != ent.name && !placed) {
            std::size_t r = addRegion(lex, g, in);
            // A division within another is PART_OF it; a park, university or zone LOCATED_IN.
            const char* type = ent.label == labels::kRegion ? rels::kPartOf : rels::kLocatedIn;
            if (r != i)
                g.addRelation(type, i, r, sources, {});
        }
        if (ent.label == labels::kZone) {
            for (const auto& [k, v] : e->props) {
                if (k != "member")
                    continue;
                auto park = g.findEntity(labels::kPark, v);
                if (park && *park < n)
                    g.addRelation(rels::kPartOf, *park, i, sources, {});
            }
        }
    }
}

} // namespace innograph::extract
