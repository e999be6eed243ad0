// GET /v1/geo/places over real sockets: where a small hand-made graph's parks, zones,
// universities and regions are placed, what is left unplaced, and that missing or malformed
// city centroids degrade to "everything unplaced" rather than an error.

#include "http_client.h"

#include "innograph/server/server.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

namespace innograph::server {
namespace {

using testing::Client;

class GeoPlacesTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        dir_ = std::filesystem::temp_directory_path() / ("innograph-geo-" + std::to_string(rd()));
        std::filesystem::create_directories(dir_ / "web" / "geo");
        auto store = graph::GraphStore::open({}, (dir_ / "db").string());
        ASSERT_TRUE(store.isOk()) << store.status().toString();
        store_ = std::move(*store);
        auto tx = store_->beginWrite();
        ASSERT_TRUE(tx.isOk());
        auto node = [&](const char* label, const char* name) {
            auto id = (*tx)->createNode({label}, {{"name", graph::Value(name)}});
            EXPECT_TRUE(id.isOk());
            return *id;
        };
        auto rel = [&](graph::NodeId a, const char* type, graph::NodeId b) {
            EXPECT_TRUE((*tx)->createRelationship(a, type, b, {}).isOk());
        };
        auto byName = node("Park", "大连高新区");
        auto located = node("Park", "测试智造园");
        auto sjz = node("Region", "石家庄市");
        rel(located, "LOCATED_IN", sjz);
        node("Region", "辽宁省");
        auto district = node("Region", "金州区");
        rel(district, "PART_OF", node("Region", "大连市"));
        auto zone = node("Zone", "沈大国家自主创新示范区");
        rel(byName, "PART_OF", zone);
        rel(node("Park", "大连金普新区"), "PART_OF", zone);
        rel(node("Park", "沈阳高新区"), "PART_OF", zone);
        node("University", "无处大学");
        // Placed by their administrative codes alone: a district's city, a province.
        EXPECT_TRUE(
            (*tx)
                ->createNode({"Region"}, {{"name", "某新区"}, {"adcode", graph::Value("210213")}})
                .isOk());
        EXPECT_TRUE(
            (*tx)
                ->createNode({"Region"}, {{"name", "某省"}, {"adcode", graph::Value(130000)}})
                .isOk());
        EXPECT_TRUE(
            (*tx)
                ->createNode({"Region"}, {{"name", "坏码区"}, {"adcode", graph::Value("21x")}})
                .isOk());
        // A cycle of PART_OF must end, not recurse for ever.
        auto a = node("Park", "甲园区"), b = node("Park", "乙园区");
        rel(a, "PART_OF", b);
        rel(b, "PART_OF", a);
        ASSERT_TRUE((*tx)->commit().isOk());
    }
    void TearDown() override {
        server_.reset();
        store_.reset();
        std::filesystem::remove_all(dir_);
    }
    void writeCentroids(const std::string& text) {
        std::ofstream(dir_ / "web" / "geo" / "places.json") << text;
    }
    nlohmann::json places(bool withStaticDir = true) {
        ServerOptions o;
        o.port = 0;
        o.accessLog = false;
        if (withStaticDir)
            o.staticDir = (dir_ / "web").string();
        server_ = std::make_unique<Server>(*store_, o);
        EXPECT_TRUE(server_->start().isOk());
        Client c(server_->port());
        auto r = c.get("/v1/geo/places");
        EXPECT_EQ(r.status, 200u) << r.body;
        return r.json();
    }
    static std::map<std::string, nlohmann::json> byName(const nlohmann::json& list) {
        std::map<std::string, nlohmann::json> m;
        for (const auto& p : list)
            m[p["name"].get<std::string>()] = p;
        return m;
    }

    std::filesystem::path dir_;
    std::unique_ptr<graph::GraphStore> store_;
    std::unique_ptr<Server> server_;
};

const char* kCentroids = R"({"cities": [
  {"city": "大连", "cityFull": "大连市", "province": "辽宁省", "provinceShort": "辽宁", "lon": 122.2, "lat": 39.6, "adcode": "2102", "provinceAdcode": "21"},
  {"city": "沈阳", "cityFull": "沈阳市", "province": "辽宁省", "provinceShort": "辽宁", "lon": 123.4, "lat": 41.8},
  {"city": "石家庄", "cityFull": "石家庄市", "province": "河北省", "provinceShort": "河北", "lon": 114.4, "lat": 38.1, "adcode": "1301", "provinceAdcode": "13"}
]})";

TEST_F(GeoPlacesTest, PlacesByLocatedInNamePartOfAndMembersAndListsTheRest) {
    writeCentroids(kCentroids);
    auto j = places();
    EXPECT_TRUE(j["coordinates"].get<bool>());
    EXPECT_EQ(j["cities"].size(), 3u);
    auto placed = byName(j["places"]);
    auto unplaced = byName(j["unplaced"]);

    EXPECT_EQ(placed["大连高新区"]["city"], "大连");
    EXPECT_EQ(placed["大连高新区"]["how"], "name");
    EXPECT_DOUBLE_EQ(placed["大连高新区"]["lon"].get<double>(), 122.2);
    EXPECT_EQ(placed["测试智造园"]["city"], "石家庄");
    EXPECT_EQ(placed["测试智造园"]["province"], "河北省");
    EXPECT_EQ(placed["测试智造园"]["how"], "located_in");
    EXPECT_EQ(placed["石家庄市"]["city"], "石家庄");
    EXPECT_EQ(placed["辽宁省"]["level"], "province");
    EXPECT_EQ(placed["辽宁省"]["city"], "");
    EXPECT_EQ(placed["金州区"]["city"], "大连");
    EXPECT_EQ(placed["金州区"]["how"], "part_of");
    // Two of its three member parks are in 大连.
    EXPECT_EQ(placed["沈大国家自主创新示范区"]["city"], "大连");
    EXPECT_EQ(placed["沈大国家自主创新示范区"]["how"], "members");

    EXPECT_EQ(placed["某新区"]["city"], "大连");
    EXPECT_EQ(placed["某新区"]["how"], "adcode");
    EXPECT_EQ(placed["某省"]["province"], "河北省");
    EXPECT_EQ(placed["某省"]["level"], "province");
    EXPECT_TRUE(unplaced.count("坏码区"));
    EXPECT_TRUE(unplaced.count("无处大学"));
    EXPECT_TRUE(unplaced.count("甲园区"));
    EXPECT_TRUE(unplaced.count("乙园区"));
    EXPECT_EQ(j["places"].size() + j["unplaced"].size(), 15u) << "nothing is dropped";
}

TEST_F(GeoPlacesTest, WithoutCentroidsEverythingIsUnplacedNotAnError) {
    auto j = places(false);
    EXPECT_FALSE(j["coordinates"].get<bool>());
    EXPECT_TRUE(j["places"].empty());
    EXPECT_EQ(j["unplaced"].size(), 15u);

    writeCentroids("{not json");
    j = places();
    EXPECT_FALSE(j["coordinates"].get<bool>());
    EXPECT_EQ(j["unplaced"].size(), 15u);
}

TEST_F(GeoPlacesTest, MalformedCityEntriesAreSkipped) {
    writeCentroids(R"({"cities": [
      {"city": "大连", "province": "辽宁省", "lon": "east", "lat": 39.6},
      {"city": 7, "province": "辽宁省", "lon": 1, "lat": 2},
      "nonsense",
      {"city": "石家庄", "cityFull": "石家庄市", "province": "河北省", "lon": 114.4, "lat": 38.1}
    ]})");
    auto j = places();
    auto placed = byName(j["places"]);
    EXPECT_FALSE(placed.count("大连高新区"));
    EXPECT_EQ(placed["测试智造园"]["city"], "石家庄");
}

} // namespace
} // namespace innograph::server
