// Bolt without sockets: PackStream, chunking and the handshake byte for byte, and the
// connection's state machine against a real service over a small store.

#include "bolt/chunking.h"
#include "bolt/connection.h"
#include "bolt/handshake.h"
#include "bolt/messages.h"
#include "bolt/packstream.h"
#include "service.h"

#include "innograph/query/query_engine.h"

#include <gtest/gtest.h>

#include <climits>
#include <filesystem>
#include <random>

namespace innograph::server::bolt {
namespace {

std::string packed(const PackValue& v) {
    std::string out;
    Packer(out).value(v);
    return out;
}

PackValue unpacked(const std::string& bytes, UnpackLimits limits = {}) {
    Unpacker in(bytes, limits);
    PackValue v = in.read();
    EXPECT_TRUE(in.atEnd());
    return v;
}

TEST(PackStream, IntegersTakeTheSmallestEncodingAndRoundTrip) {
    struct Case {
        std::int64_t value;
        std::size_t bytes;
    };
    for (auto [value, bytes] : std::vector<Case>{{0, 1},
                                                 {-16, 1},
                                                 {127, 1},
                                                 {-17, 2},
                                                 {-128, 2},
                                                 {128, 3},
                                                 {-129, 3},
                                                 {32767, 3},
                                                 {32768, 5},
                                                 {INT32_MIN, 5},
                                                 {INT32_MAX + 1LL, 9},
                                                 {INT64_MIN, 9},
                                                 {INT64_MAX, 9}}) {
        auto b = packed(PackValue(value));
        EXPECT_EQ(b.size(), bytes) << value;
        EXPECT_EQ(unpacked(b).asInt(), value);
    }
}

TEST(PackStream, StringsListsMapsStructsAndFloatsRoundTrip) {
    for (std::size_t n : {0u, 15u, 16u, 255u, 256u, 65535u, 65536u}) {
        std::string s(n, 'x');
        auto b = packed(PackValue(s));
        EXPECT_EQ(unpacked(b).asString(), s);
        EXPECT_EQ(b.size() - n, n < 16 ? 1u : n < 256 ? 2u : n < 65536 ? 3u : 5u);
    }
    EXPECT_EQ(packed(PackValue("生物医药")), "\x8C生物医药");
    EXPECT_EQ(unpacked(packed(PackValue(-0.5))).asFloat(), -0.5);
    EXPECT_EQ(packed(PackValue(1.0)), std::string("\xC1\x3F\xF0\0\0\0\0\0\0", 9));
    PackList big;
    for (int i = 0; i < 300; ++i)
        big.emplace_back(i);
    auto list = unpacked(packed(PackValue(big)));
    ASSERT_EQ(list.asList().size(), 300u);
    EXPECT_EQ(list.asList()[299].asInt(), 299);
    PackMap m{{"a", PackValue(true)}, {"b", PackValue(PackBytes{"\x01\x02"})}, {"a", PackValue()}};
    auto map = unpacked(packed(PackValue(m)));
    EXPECT_TRUE(map.find("a")->isNull()) << "a repeated key: the last one wins";
    EXPECT_EQ(map.find("b")->asBytes().data, "\x01\x02");
    auto s = unpacked(packed(PackValue(PackStruct{0x4E, {PackValue(1), PackValue(PackList{})}})));
    EXPECT_EQ(s.asStruct().tag, 0x4E);
    EXPECT_EQ(s.asStruct().fields.size(), 2u);
}

TEST(PackStream, HostileInputIsRefusedWithoutAllocatingWhatItClaims) {
    auto refused = [](const std::string& bytes, UnpackLimits limits = {}) {
        Unpacker in(bytes, limits);
        EXPECT_THROW(in.read(), ProtocolError) << bytes.size();
    };
    refused("\xD2\xFF\xFF\xFF\xFF"); // a 4 GiB string
    refused("\xD6\x7F\xFF\xFF\xFF"); // 2^31 list entries
    refused("\xDA\x7F\xFF\xFF\xFF"); // 2^31 map entries
    refused("\xA1\x01\x02");         // a key that is not a string
    refused("\xC1\x00");             // a float cut short
    refused(std::string("\xC7", 1)); // no such marker
    refused("\x82\xE5\xA4");         // a string that is not UTF-8 (truncated)
    refused("\xD0\x02\xC0\xAF");     // an overlong '/' in an 8-bit-sized string
    refused("\xA1\x81\xFF\x01");     // a map key that is not UTF-8
    EXPECT_EQ(unpacked("\x86\xE5\xA4\xA7\xE8\xBF\x9E").asString(), "大连");
    refused(std::string(65, '\x91') + "\xC0");
    EXPECT_NO_THROW(unpacked(std::string(63, '\x91') + "\xC0"));
    std::string many = "\xD5\x01\x00" + std::string(256, '\x01');
    refused(many, {64, 100});
}

TEST(Chunking, MessagesSurviveAnySplitAndNoopsAreSkipped) {
    std::string big(70'000, 'q');
    std::string wire;
    writeChunked(wire, "hello");
    wire += std::string("\0\0", 2); // a NOOP between messages
    writeChunked(wire, big);
    for (std::size_t step : {1u, 2u, 3u, 7u, 4096u, 1u << 20}) {
        ChunkReader reader(1 << 20);
        std::deque<std::string> messages;
        for (std::size_t i = 0; i < wire.size(); i += step)
            reader.feed(std::string_view(wire).substr(i, step), messages);
        ASSERT_EQ(messages.size(), 2u) << step;
        EXPECT_EQ(messages[0], "hello");
        EXPECT_EQ(messages[1], big);
        EXPECT_FALSE(reader.inMessage());
    }
    ChunkReader small(100);
    std::deque<std::string> messages;
    EXPECT_THROW(small.feed(std::string("\x00\x65", 2) + std::string(101, 'x'), messages),
                 ProtocolError);
}

std::array<std::uint8_t, kHandshakeBytes> hello(std::vector<std::array<std::uint8_t, 3>> ps) {
    std::array<std::uint8_t, kHandshakeBytes> b{0x60, 0x60, 0xB0, 0x17};
    for (std::size_t i = 0; i < ps.size(); ++i) {
        b[4 + 4 * i + 1] = ps[i][0]; // range
        b[4 + 4 * i + 2] = ps[i][1]; // minor
        b[4 + 4 * i + 3] = ps[i][2]; // major
    }
    return b;
}

TEST(Handshake, PicksTheBestVersionOfTheFirstProposalInnographSpeaks) {
    auto v = negotiate(hello({{8, 8, 5}, {2, 4, 4}}));
    ASSERT_TRUE(v.magicOk && v.version);
    EXPECT_EQ(v.version->major, 5);
    EXPECT_EQ(v.version->minor, 4);
    v = negotiate(hello({{0, 0, 6}, {0, 2, 5}}));
    EXPECT_EQ(v.version->minor, 2);
    v = negotiate(hello({{3, 7, 5}, {0, 4, 4}})); // 5.7 down to 5.4
    EXPECT_EQ(v.version->minor, 4);
    v = negotiate(hello({{2, 8, 5}, {0, 4, 4}})); // 5.8 to 5.6: none; then 4.4
    EXPECT_EQ(v.version->major, 4);
    EXPECT_FALSE(negotiate(hello({{0, 0, 3}, {0, 3, 4}})).version);
    auto bad = hello({{0, 4, 5}});
    bad[0] = 'G';
    EXPECT_FALSE(negotiate(bad).magicOk);
    EXPECT_EQ(handshakeAnswer(BoltVersion{5, 4}), (std::array<std::uint8_t, 4>{0, 0, 4, 5}));
}

// ---- the state machine ---------------------------------------------------------------------

const std::string kToken = "bolt-unit-token-0123456789";

class ConnectionTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        dir_ = (std::filesystem::temp_directory_path() / ("innograph-bolt-" + std::to_string(rd())))
                   .string();
        auto s = graph::GraphStore::open({}, dir_);
        ASSERT_TRUE(s.isOk());
        store_ = std::move(*s);
        query::QueryEngine(*store_).execute("CREATE (:Park {name: '大连高新区'})");
        ServerOptions o;
        o.token = kToken;
        o.accessLog = false;
        service_ = std::make_unique<Service>(*store_, o);
    }
    void TearDown() override {
        service_.reset();
        store_.reset();
        std::filesystem::remove_all(dir_);
    }

    // Handles the requests; returns the responses' tags, and the structures in `got`.
    std::vector<int> send(Connection& c, std::vector<Request> requests) {
        std::string out;
        for (auto& r : requests)
            c.handle(r, out);
        ChunkReader reader(1 << 30);
        std::deque<std::string> messages;
        reader.feed(out, messages);
        std::vector<int> tags;
        got.clear();
        for (auto& m : messages) {
            got.push_back(unpacked(m));
            tags.push_back(got.back().asStruct().tag);
        }
        return tags;
    }
    static Request req(std::uint8_t s, std::vector<PackValue> f = {}) { return {s, std::move(f)}; }
    static Request run(const std::string& q) {
        return req(sig::kRun, {PackValue(q), PackValue(PackMap{}), PackValue(PackMap{})});
    }
    static Request pull() { return req(sig::kPull, {PackValue(PackMap{{"n", PackValue(-1)}})}); }
    static Request logon(const std::string& credentials) {
        return req(sig::kLogon, {PackValue(PackMap{{"scheme", PackValue("basic")},
                                                   {"principal", PackValue("u")},
                                                   {"credentials", PackValue(credentials)}})});
    }
    std::int64_t parks() {
        return query::QueryEngine(*store_)
            .execute("MATCH (p:Park) RETURN count(p)")
            .rows[0][0]
            .asInt();
    }
    std::string failureCode(std::size_t i) const {
        return got.at(i).asStruct().fields.at(0).find("code")->asString();
    }

    std::string dir_;
    std::unique_ptr<graph::GraphStore> store_;
    std::unique_ptr<Service> service_;
    std::vector<PackValue> got;
};

constexpr int S = sig::kSuccess, R = sig::kRecord, I = sig::kIgnored, F = sig::kFailure;

TEST_F(ConnectionTest, HelloFirstThenLogonOnBolt51AndUp) {
    Connection c(*service_, {5, 4}, "bolt-1", "127.0.0.1:7687");
    EXPECT_EQ(send(c, {run("RETURN 1")}), (std::vector<int>{F}));
    EXPECT_TRUE(c.closing());

    Connection d(*service_, {5, 4}, "bolt-2", "127.0.0.1:7687");
    EXPECT_EQ(send(d, {req(sig::kHello, {PackValue(PackMap{})})}), (std::vector<int>{S}));
    EXPECT_EQ(got[0].asStruct().fields[0].find("connection_id")->asString(), "bolt-2");
    EXPECT_EQ(d.state(), Connection::State::Authentication);
    EXPECT_EQ(send(d, {logon("wrong-token-wrong-token")}), (std::vector<int>{F}));
    EXPECT_EQ(failureCode(0), "Neo.ClientError.Security.Unauthorized");
    EXPECT_TRUE(d.closing());
}

TEST_F(ConnectionTest, FailureIgnoresUntilResetAndReadOnlyRefusesWrites) {
    Connection c(*service_, {5, 0}, "bolt-1", "127.0.0.1:7687");
    send(c, {req(sig::kHello, {PackValue(PackMap{{"scheme", PackValue("none")}})})});
    EXPECT_EQ(c.state(), Connection::State::Ready);
    EXPECT_EQ(send(c, {run("CREATE (:Park {name: 'x'})"), pull(), run("RETURN 1"), pull()}),
              (std::vector<int>{F, I, I, I}));
    EXPECT_EQ(failureCode(0), "Neo.ClientError.Security.Forbidden");
    EXPECT_EQ(send(c, {req(sig::kReset), run("RETURN 1 AS one"), pull()}),
              (std::vector<int>{S, S, R, S}));
    EXPECT_EQ(parks(), 1);
}

TEST_F(ConnectionTest, ATransactionIsAtomicAndADroppedOneLeavesNothing) {
    {
        Connection c(*service_, {5, 4}, "bolt-1", "127.0.0.1:7687");
        send(c, {req(sig::kHello, {PackValue(PackMap{})}), logon(kToken)});
        EXPECT_EQ(
            send(c, {req(sig::kBegin, {PackValue(PackMap{})}), run("CREATE (:Park {name: 'a'})"),
                     pull(), run("CREATE (:Park {name: 'b'})"), pull()}),
            (std::vector<int>{S, S, S, S, S}));
        EXPECT_EQ(parks(), 1) << "nothing is visible before COMMIT";
        EXPECT_EQ(send(c, {req(sig::kCommit)}), (std::vector<int>{S}));
        EXPECT_EQ(parks(), 3);
        send(c,
             {req(sig::kBegin, {PackValue(PackMap{})}), run("CREATE (:Park {name: 'c'})"), pull()});
        EXPECT_EQ(c.state(), Connection::State::TxReady);
    } // dropped mid-transaction
    EXPECT_EQ(parks(), 3);
    // The writer slot was released: a write goes through.
    query::QueryEngine(*store_).execute("CREATE (:Park {name: 'd'})");
    EXPECT_EQ(parks(), 4);
}

TEST_F(ConnectionTest, AnExpiredTransactionIsRolledBackAndSaysSo) {
    Connection c(*service_, {5, 4}, "bolt-1", "127.0.0.1:7687");
    send(c, {req(sig::kHello, {PackValue(PackMap{})}), logon(kToken),
             req(sig::kBegin, {PackValue(PackMap{})}), run("CREATE (:Park {name: 'a'})"), pull()});
    ASSERT_TRUE(c.transactionDeadline());
    c.expireTransaction();
    EXPECT_FALSE(c.transactionDeadline());
    query::QueryEngine(*store_).execute("CREATE (:Park {name: 'other writer'})");
    EXPECT_EQ(send(c, {run("RETURN 1"), req(sig::kReset)}), (std::vector<int>{F, S}));
    EXPECT_EQ(failureCode(0), "Neo.ClientError.Transaction.TransactionTimedOut");
    EXPECT_EQ(parks(), 2);
}

TEST_F(ConnectionTest, AnInterruptIgnoresWhatCameBeforeTheReset) {
    Connection c(*service_, {5, 4}, "bolt-1", "127.0.0.1:7687");
    send(c, {req(sig::kHello, {PackValue(PackMap{})}), logon(kToken)});
    c.interrupt();
    EXPECT_EQ(send(c, {run("RETURN 1"), pull(), req(sig::kReset), run("RETURN 2"), pull()}),
              (std::vector<int>{I, I, S, S, R, S}));
}

TEST_F(ConnectionTest, RouteNamesThisServerForEveryRole) {
    Connection c(*service_, {5, 4}, "bolt-1", "10.0.0.1:7687");
    send(c, {req(sig::kHello, {PackValue(PackMap{})}), logon(kToken)});
    ASSERT_EQ(send(c, {req(sig::kRoute,
                           {PackValue(PackMap{}), PackValue(PackList{}), PackValue(PackMap{})})}),
              (std::vector<int>{S}));
    const auto* rt = got[0].asStruct().fields[0].find("rt");
    ASSERT_TRUE(rt);
    const auto& servers = rt->find("servers")->asList();
    ASSERT_EQ(servers.size(), 3u);
    for (const auto& s : servers)
        EXPECT_EQ(s.find("addresses")->asList()[0].asString(), "10.0.0.1:7687");
}

} // namespace
} // namespace innograph::server::bolt
