// GET /v1/geo/places: where each Park, Zone, University, Institute and Region is, for the map.
//
// A node is placed at a prefecture-level city (or, failing that, a province) by, in order:
// for a Region, its `adcode` (GB/T 2260) or its own name; its LOCATED_IN region; for a Park, Zone
// or Region, a name that begins with a city's or province's name (大连高新区 → 大连); the region or
// park it is PART_OF; for a Zone, the city most of its member parks are in. A node none of these
// place is listed under "unplaced", never dropped. Coordinates are the city centroids that the web
// build computes from the map's GeoJSON (<static dir>/geo/places.json); without them every node is
// unplaced and the response says so.

#include "service.h"

#include "innograph/text/unicode.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

namespace innograph::server {
namespace {

constexpr std::size_t kMaxNodes = 200000;
// A name prefix shorter than two characters says nothing about a place.
constexpr std::size_t kMinPrefixChars = 2;
constexpr int kMaxDepth = 4;

struct Place {
    std::string city; // empty for a province-level place
    std::string province;
    double lon = 0;
    double lat = 0;
};

// The cities and provinces of the map, and the names that point at them.
class Gazette {
public:
    explicit Gazette(const nlohmann::json& cities) {
        std::map<std::string, std::vector<std::pair<double, double>>> perProvince;
        std::map<std::string, std::string> provinceShort, provinceCode;
        // The file is the web build's, but read as untrusted: an entry of the wrong shape is
        // skipped, never an error.
        auto text = [](const nlohmann::json& c, const char* key) {
            auto it = c.find(key);
            return it != c.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        for (const auto& c : cities) {
            if (!c.is_object() || !c.contains("lon") || !c.contains("lat") ||
                !c["lon"].is_number() || !c["lat"].is_number())
                continue;
            Place p{text(c, "city"), text(c, "province"), c["lon"].get<double>(),
                    c["lat"].get<double>()};
            if (p.city.empty() || p.province.empty())
                continue;
            perProvince[p.province].push_back({p.lon, p.lat});
            provinceShort[p.province] = text(c, "provinceShort");
            if (auto code = text(c, "provinceAdcode"); !code.empty())
                provinceCode[p.province] = code;
            if (auto code = text(c, "adcode"); !code.empty())
                byCode_[code] = places_.size();
            addKey(p.city, places_.size());
            addKey(text(c, "cityFull"), places_.size());
            places_.push_back(std::move(p));
        }
        // A province sits at the median of its cities: robust to far-off islands (三沙).
        for (auto& entry : perProvince) {
            // Named copies, not structured bindings: clang before 16 cannot capture those.
            const auto& province = entry.first;
            const auto& points = entry.second;
            auto median = [&](auto get) {
                std::vector<double> v;
                for (const auto& pt : points)
                    v.push_back(get(pt));
                std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
                return v[v.size() / 2];
            };
            Place p{"", province, median([](auto& pt) { return pt.first; }),
                    median([](auto& pt) { return pt.second; })};
            // A municipality is a city and a province at once; its city entry wins.
            if (auto it = provinceCode.find(province); it != provinceCode.end())
                byCode_.emplace(it->second, places_.size());
            addKey(province, places_.size(), false);
            addKey(provinceShort[province], places_.size(), false);
            places_.push_back(std::move(p));
        }
    }

    bool empty() const { return places_.empty(); }
    const std::vector<Place>& places() const { return places_; }

    std::optional<Place> exact(const std::string& name) const {
        auto it = keys_.find(name);
        if (it == keys_.end())
            return std::nullopt;
        return places_[it->second];
    }

    // A GB/T 2260 code (210213 金州区): its city (2102 大连), else its province (21 辽宁省). A
    // municipality's cities are its districts, so its two digits already name the city.
    std::optional<Place> adcode(const std::string& code) const {
        if (code.size() < 2)
            return std::nullopt;
        for (std::size_t len : {std::size_t{4}, std::size_t{2}}) {
            if (code.size() < len)
                continue;
            if (auto it = byCode_.find(code.substr(0, len)); it != byCode_.end())
                return places_[it->second];
        }
        return std::nullopt;
    }

    // The longest city or province name that the name begins with.
    std::optional<Place> prefix(const std::string& name) const {
        std::optional<Place> best;
        std::size_t bestLen = 0;
        std::size_t chars = 0;
        for (std::size_t len = 0; len < name.size();) {
            text::nextCodePoint(name, len);
            if (++chars < kMinPrefixChars)
                continue;
            auto it = keys_.find(name.substr(0, len));
            if (it != keys_.end() && len > bestLen) {
                best = places_[it->second];
                bestLen = len;
            }
        }
        return best;
    }

private:
    void addKey(const std::string& key, std::size_t index, bool replace = true) {
        if (key.empty())
            return;
        if (replace || !keys_.count(key))
            keys_[key] = index;
    }

    std::vector<Place> places_;
    std::map<std::string, std::size_t> keys_;
    std::map<std::string, std::size_t> byCode_; // 4-digit city and 2-digit province codes
};

nlohmann::json loadCities(const std::string& staticDir) {
    if (staticDir.empty())
        return nlohmann::json::array();
    auto path = std::filesystem::path(staticDir) / "geo" / "places.json";
    std::ifstream in(path);
    if (!in)
        return nlohmann::json::array();
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("cities") || !j["cities"].is_array())
        return nlohmann::json::array();
    return j["cities"];
}

// A Region's `adcode` (string or integer) as digits, or empty.
std::string adcodeOf(const graph::Node& n) {
    auto it = n.properties.find("adcode");
    if (it == n.properties.end())
        return "";
    std::string code;
    if (it->second.isString())
        code = it->second.asString();
    else if (it->second.isInt() && it->second.asInt() > 0)
        code = std::to_string(it->second.asInt());
    for (char ch : code)
        if (ch < '0' || ch > '9')
            return "";
    return code;
}

std::string nameOf(const graph::Node& n) {
    auto it = n.properties.find("name");
    return it != n.properties.end() && it->second.isString() ? it->second.asString() : "";
}

class Locator {
public:
    Locator(const graph::ReadView& view, const Gazette& gazette) : view_(view), gazette_(gazette) {
        if (auto t = view.typeId("LOCATED_IN"); t.isOk())
            locatedIn_ = *t;
        if (auto t = view.typeId("PART_OF"); t.isOk())
            partOf_ = *t;
    }

    struct Found {
        Place place;
        std::string how;
    };

    std::optional<Found> locate(const graph::Node& n, int depth = 0) {
        if (auto it = memo_.find(n.id); it != memo_.end())
            return it->second;
        memo_[n.id] = std::nullopt; // a cycle of PART_OF or LOCATED_IN ends here
        auto found = resolve(n, depth);
        memo_[n.id] = found;
        return found;
    }

private:
    std::optional<Found> viaEdges(graph::NodeId id, std::optional<graph::TypeId> type,
                                  graph::Direction dir, const char* how, int depth) {
        if (!type || depth >= kMaxDepth)
            return std::nullopt;
        graph::TypeId types[] = {*type};
        auto c = view_.edges(id, dir, types);
        graph::Edge e;
        while (c->next(&e)) {
            auto other = view_.node(e.other);
            if (!other.isOk())
                continue;
            if (auto f = locate(*other, depth + 1))
                return Found{f->place, how};
        }
        return std::nullopt;
    }

    // The city most of a zone's member parks are in.
    std::optional<Found> viaMembers(graph::NodeId id, int depth) {
        if (!partOf_ || depth >= kMaxDepth)
            return std::nullopt;
        graph::TypeId types[] = {*partOf_};
        auto c = view_.edges(id, graph::Direction::Incoming, types);
        graph::Edge e;
        std::map<std::string, std::pair<int, Place>> votes;
        while (c->next(&e)) {
            auto member = view_.node(e.other);
            if (!member.isOk())
                continue;
            if (auto f = locate(*member, depth + 1)) {
                auto& v = votes[f->place.city + "|" + f->place.province];
                v.first += 1;
                v.second = f->place;
            }
        }
        if (votes.empty())
            return std::nullopt;
        auto best = std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) {
            return a.second.first < b.second.first;
        });
        return Found{best->second.second, "members"};
    }

    std::optional<Found> resolve(const graph::Node& n, int depth) {
        const auto name = nameOf(n);
        const bool region = n.hasLabel("Region");
        if (region)
            if (auto p = gazette_.adcode(adcodeOf(n)))
                return Found{*p, "adcode"};
        if (region)
            if (auto p = gazette_.exact(name))
                return Found{*p, "name"};
        if (auto f = viaEdges(n.id, locatedIn_, graph::Direction::Outgoing, "located_in", depth))
            return f;
        if (region || n.hasLabel("Park") || n.hasLabel("Zone"))
            if (auto p = gazette_.prefix(name))
                return Found{*p, "name"};
        if (region || n.hasLabel("Park"))
            if (auto f = viaEdges(n.id, partOf_, graph::Direction::Outgoing, "part_of", depth))
                return f;
        if (n.hasLabel("Zone"))
            return viaMembers(n.id, depth);
        return std::nullopt;
    }

    const graph::ReadView& view_;
    const Gazette& gazette_;
    std::optional<graph::TypeId> locatedIn_;
    std::optional<graph::TypeId> partOf_;
    std::map<graph::NodeId, std::optional<Found>> memo_;
};

Response places(Service& svc, RequestContext& ctx) {
    auto cities = loadCities(svc.options().staticDir);
    Gazette gazette(cities);
    auto view = svc.store().snapshot();
    Locator locator(*view, gazette);
    nlohmann::json placed = nlohmann::json::array(), unplaced = nlohmann::json::array();
    std::size_t seen = 0;
    bool truncated = false;
    for (const char* label : {"Zone", "Park", "University", "Institute", "Region"}) {
        auto lid = view->labelId(label);
        if (!lid.isOk())
            continue;
        auto c = view->nodesWithLabel(*lid);
        graph::NodeId id;
        while (c->next(&id)) {
            if (++seen > kMaxNodes) {
                truncated = true;
                break;
            }
            auto n = view->node(id);
            if (!n.isOk())
                continue;
            nlohmann::json item{{"id", id}, {"label", label}, {"name", nameOf(*n)}};
            if (auto f = locator.locate(*n)) {
                item["city"] = f->place.city;
                item["province"] = f->place.province;
                item["level"] = f->place.city.empty() ? "province" : "city";
                item["lon"] = f->place.lon;
                item["lat"] = f->place.lat;
                item["how"] = f->how;
                placed.push_back(std::move(item));
            } else {
                unplaced.push_back(std::move(item));
            }
        }
    }
    return svc.json(ctx, http::status::ok,
                    {{"coordinates", !gazette.empty()},
                     {"cities", cities},
                     {"places", placed},
                     {"unplaced", unplaced},
                     {"truncated", truncated}});
}

} // namespace

void registerGeoRoutes(Router& router) {
    router.add(http::verb::get, "/v1/geo/places", places);
}

} // namespace innograph::server
