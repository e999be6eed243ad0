#include "innograph/extract/extractor.h"
#include "innograph/extract/word_dictionary.h"

#include "innograph/extract/entities.h"
#include "innograph/extract/structure.h"
#include "innograph/extract/text.h"
#include "reference_facts.h"
#include "u32.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace innograph::extract {
namespace {

// A document's date is stored as a DATE (so queries compare it with date('2019-01-01')); text
// that is no calendar date (2020-02-30) stays text.
graph::Value dateValue(const std::string& iso) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3)
        return graph::Value(iso);
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                    std::chrono::day{d}};
    if (!ymd.ok())
        return graph::Value(iso);
    graph::Temporal t;
    t.type = graph::TemporalType::Date;
    t.days = std::chrono::sys_days{ymd}.time_since_epoch().count();
    return graph::Value(t);
}

} // namespace

std::string documentIdFromPath(std::string_view path) {
    std::size_t slash = path.find_last_of("/\\");
    std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (base.size() > 4 && base.substr(base.size() - 4) == ".txt")
        base.remove_suffix(4);
    return std::string(base);
}

std::string contentHash(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

graph::Result<std::unique_ptr<Extractor>> Extractor::create(const ExtractOptions& options) {
    auto lex = Lexicon::builtin();
    if (!lex.isOk())
        return lex.status();
    if (auto st = checkRelationFrames(*lex.value()); !st.isOk())
        return st;
    // The rules read word boundaries from jieba's dictionary: no extractor without it.
    if (auto words = WordDictionary::shared(); !words.isOk())
        return words.status();
    return std::make_unique<Extractor>(lex.value(), options);
}

graph::Result<std::unique_ptr<Extractor>> Extractor::fromDirectory(const std::string& dir,
                                                                   const ExtractOptions& options) {
    auto lex = Lexicon::fromDirectory(dir);
    if (!lex.isOk())
        return lex.status();
    if (auto st = checkRelationFrames(*lex.value()); !st.isOk())
        return st;
    // The rules read word boundaries from jieba's dictionary: no extractor without it.
    if (auto words = WordDictionary::shared(); !words.isOk())
        return words.status();
    return std::make_unique<Extractor>(lex.value(), options);
}

Extractor::Extractor(std::shared_ptr<const Lexicon> lexicon, const ExtractOptions& options)
    : lexicon_(std::move(lexicon)), options_(options) {}

graph::Result<ExtractedDocument> Extractor::extractFile(const std::string& path) const {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return graph::Status::notFound(path + ": cannot open file");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad())
        return graph::Status::ioError(path + ": read error");
    auto r = extract(documentIdFromPath(path), ss.str());
    if (!r.isOk()) {
        return graph::Status::invalidArgument(path + ": " + r.status().message());
    }
    return r;
}

namespace {

std::vector<std::string> utf8List(const std::vector<std::u32string>& v) {
    std::vector<std::string> out;
    for (const auto& s : v)
        out.push_back(u32::toUtf8(s));
    return out;
}

} // namespace

graph::Result<ExtractedDocument> Extractor::extract(std::string_view docId,
                                                    std::string_view bytes) const {
    if (docId.empty())
        return graph::Status::invalidArgument("empty document id");
    auto cleaned = decodeAndClean(bytes, *lexicon_);
    if (!cleaned.isOk())
        return cleaned.status();
    const CleanText& ct = cleaned.value();
    const Lexicon& lex = *lexicon_;

    ExtractedDocument doc;
    doc.docId = std::string(docId);
    doc.contentHash = contentHash(bytes);
    doc.encoding = ct.encoding;
    doc.info = readDocumentInfo(lex, ct);

    EntityRecognizer rec(lex);
    std::vector<Mention> mentions = rec.recognize(ct);
    DocPlace place = rec.inferPlace(mentions, doc.info.titleBegin, doc.info.titleEnd,
                                    u32::fromUtf8(doc.info.issuer));
    // A plan that names its city but not its province (市科技局, 省科技厅 both occur) still
    // qualifies 省 departments: the province is the one the city lies in.
    if (place.province.empty() && !place.city.empty())
        place.province = provinceOfRegion(lex, place.city);
    rec.resolve(mentions, place);
    dropForeignBareDivisions(lex, ct, place, mentions);
    Structure st = readStructure(lex, ct);
    std::vector<Fact> facts = readRelations(rec, ct, st, place, mentions, options_.relations);

    ExtractedGraph& g = doc.graph;
    Entity d;
    d.label = labels::kDocument;
    d.name = doc.docId;
    d.properties["docId"] = doc.docId;
    d.properties["title"] = doc.info.title;
    if (!doc.info.date.empty())
        d.properties["date"] = dateValue(doc.info.date);
    if (!doc.info.issuer.empty())
        d.properties["issuer"] = doc.info.issuer;
    d.properties["text"] = ct.utf8();
    d.properties["encoding"] = ct.encoding;
    d.properties["contentHash"] = doc.contentHash;
    graph::ValueList cites;
    for (const auto& c : doc.info.cites)
        cites.emplace_back(c);
    d.properties["cites"] = std::move(cites);
    doc.documentNode = g.addEntity(d);

    std::vector<std::size_t> entityOf(mentions.size());
    std::map<std::size_t, std::set<std::size_t>> mentionPositions; // entity -> begins
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const Mention& m = mentions[i];
        Entity e;
        e.label = m.label;
        e.name = u32::toUtf8(m.name);
        e.aliases = utf8List(m.aliases);
        e.localAliases = utf8List(m.localAliases);
        // The form as written in the original script (大連高新區) is an alias too.
        if (!m.deictic && m.end > m.begin && m.end <= ct.surface.size()) {
            std::u32string_view surface =
                std::u32string_view(ct.surface).substr(m.begin, m.end - m.begin);
            std::u32string_view simple =
                std::u32string_view(ct.text).substr(m.begin, m.end - m.begin);
            if (surface != simple && surface != std::u32string_view(m.name))
                e.aliases.push_back(u32::toUtf8(surface));
        }
        if (m.label == labels::kTask || m.label == labels::kTarget)
            e.scope = doc.docId;
        if (m.label == labels::kTask && !m.kind.empty())
            e.properties["programme"] = m.kind;
        if (m.label == labels::kRegion && !m.kind.empty())
            e.properties["level"] = m.kind;
        if (m.label == labels::kTarget) {
            // metric \x1f value \x1f unit \x1f year
            std::vector<std::string> parts;
            std::string cur;
            for (char c : m.kind) {
                if (c == '\x1f') {
                    parts.push_back(cur);
                    cur.clear();
                } else {
                    cur.push_back(c);
                }
            }
            parts.push_back(cur);
            if (parts.size() == 4) {
                e.properties["metric"] = parts[0];
                e.properties["value"] = std::stod(parts[1]);
                e.properties["unit"] = parts[2];
                e.properties["year"] = std::stoi(parts[3]);
            }
        }
        entityOf[i] = g.addEntity(e);
        if (m.end > m.begin)
            mentionPositions[entityOf[i]].insert(m.begin);
    }

    auto evidence = [&](std::size_t b, std::size_t e) {
        Evidence ev;
        ev.docId = doc.docId;
        ev.sentence =
            std::string(u32::toUtf8(u32::trim(std::u32string_view(ct.text).substr(b, e - b))));
        ev.begin = ct.byteBegin(b);
        ev.end = ct.byteEnd(e);
        return ev;
    };
    for (const Fact& f : facts) {
        g.addRelation(f.type, entityOf[f.from], entityOf[f.to], {doc.docId},
                      {evidence(f.evidenceBegin, f.evidenceEnd)});
    }
    if (!doc.info.issuer.empty()) {
        Mention issuer = rec.department(u32::fromUtf8(doc.info.issuer), place);
        Entity e;
        e.label = labels::kDepartment;
        e.name = u32::toUtf8(issuer.name);
        e.aliases = utf8List(issuer.aliases);
        e.localAliases = utf8List(issuer.localAliases);
        std::size_t ei = g.addEntity(e);
        std::u32string written = u32::fromUtf8(doc.info.issuer);
        std::size_t at = ct.text.rfind(written);
        std::vector<Evidence> ev;
        if (at != std::u32string::npos) {
            auto [sb, se] = sentenceAround(ct.text, at);
            ev.push_back(evidence(std::max(sb, at), std::max(se, at + written.size())));
            mentionPositions[ei].insert(at);
        } else {
            ev.push_back(Evidence{doc.docId, doc.info.issuer, 0, 0});
        }
        g.addRelation(rels::kIssuedBy, doc.documentNode, ei, {doc.docId}, ev);
    }
    // Before MENTIONS: a region added only as the place of a mentioned park is not mentioned.
    const std::size_t mentioned = g.entities.size();
    addReferenceFacts(lex, g);
    for (std::size_t i = 0; i < mentioned; ++i) {
        if (i == doc.documentNode)
            continue;
        std::int64_t count = static_cast<std::int64_t>(mentionPositions[i].size());
        if (count == 0)
            count = 1;
        graph::PropertyMap props;
        props["count"] = count;
        g.addRelation(rels::kMentions, doc.documentNode, i, {doc.docId}, {}, props);
    }
    return doc;
}

} // namespace innograph::extract
