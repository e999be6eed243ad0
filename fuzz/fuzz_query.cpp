// Fuzz target: any bytes as a query, parsed, bound, planned and executed on a small fixture store
// under a short time limit. A QueryError is a fine answer; any other exception, a crash, a
// sanitizer report or a run past libFuzzer's timeout is a bug.

#include "fuzz_support.h"

#include "innograph/query/query_engine.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

using innograph::query::QueryEngine;
using innograph::query::QueryError;
using innograph::query::Value;

void fixture(innograph::graph::GraphStore& store) {
    QueryEngine engine(store);
    engine.execute("CREATE (a:Park {name: '大连高新区', level: 'national', founded: 1991}), "
                   "(b:Park {name: '沈阳高新区', aliases: ['沈阳国家高新区']}), "
                   "(i:Industry {name: '精细化工'}), (j:Industry {name: '机器人'}), "
                   "(u:University {name: '大连理工大学'}), (d:Document {docId: 'd1', title: 't'}), "
                   "(a)-[:HOSTS {sources: ['d1'], weight: 0.5}]->(i), (b)-[:HOSTS]->(j), "
                   "(a)-[:HOSTS]->(j), (u)-[:COOPERATES]->(a), (d)-[:MENTIONS]->(a), "
                   "(d)-[:MENTIONS]->(b), (a)-[:NEAR]->(b), (b)-[:NEAR]->(a)");
    engine.execute("UNWIND range(1, 30) AS k CREATE (:Item {k: k, s: toString(k)})");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Writes are allowed (they exercise CREATE, MERGE, SET, DELETE), so the store starts over
    // every few hundred inputs.
    static innograph::fuzz::ScratchStore store("query", fixture, 500);
    static const innograph::query::Parameters params{
        {"p", Value(1)},
        {"s", Value("大连")},
        {"l", Value(innograph::query::List{Value(1), Value("x"), Value()})},
        {"m", Value(innograph::query::Map{{"name", Value("精细化工")}, {"k", Value(2)}})},
    };
    QueryEngine engine(store.get());
    innograph::query::QueryOptions options;
    options.timeout = std::chrono::milliseconds(200);
    options.maxRows = 1000;
    options.maxPathLength = 4;
    // The plan cache would keep every distinct input alive; it is tested elsewhere.
    options.usePlanCache = false;
    try {
        engine.execute(std::string_view(reinterpret_cast<const char*>(data), size), params,
                       options);
    } catch (const QueryError& e) {
        // Every error must describe itself without failing.
        (void)e.describe();
    }
    return 0;
}
