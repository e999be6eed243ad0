// Runs every case of tests/query/cases/*.case as its own test.

#include "case_file.h"
#include "test_store.h"

#include "innograph/query/query_engine.h"
#include "innograph/query/result_json.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace innograph::query::testing {
namespace {

class QueryCaseTest : public ::testing::TestWithParam<QueryCase> {};

std::string rowJson(const std::vector<Value>& row) {
    auto j = nlohmann::json::array();
    for (const auto& v : row)
        j.push_back(valueToJson(v));
    return j.dump();
}

TEST_P(QueryCaseTest, Runs) {
    const QueryCase& c = GetParam();
    SCOPED_TRACE(c.file + ".case:" + std::to_string(c.line) + " " + c.name + "\n" + c.query);
    TempStore temp;
    QueryEngine engine(temp.store());
    for (const auto& statement : c.fixture) {
        try {
            engine.execute(statement);
        } catch (const QueryError& e) {
            FAIL() << "fixture failed: " << e.describe() << "\n" << statement;
        }
    }
    Parameters params = parametersFromJson(nlohmann::json::parse(c.paramsJson));
    if (c.expectError) {
        try {
            auto r = engine.execute(c.query, params);
            FAIL() << "expected " << c.errorCode << " but the query returned " << r.rows.size()
                   << " rows";
        } catch (const QueryError& e) {
            EXPECT_EQ(errorCodeName(e.code()), c.errorCode) << e.describe();
            if (c.errorLine) {
                EXPECT_EQ(e.pos().line, c.errorLine) << e.describe();
                EXPECT_EQ(e.pos().column, c.errorColumn) << e.describe();
            }
            for (const auto& s : c.errorContains)
                EXPECT_NE(e.message().find(s), std::string::npos)
                    << "message lacks '" << s << "': " << e.describe();
        }
        return;
    }
    QueryResult r;
    try {
        r = engine.execute(c.query, params);
    } catch (const QueryError& e) {
        FAIL() << e.describe();
    }
    if (!c.columnsJson.empty()) {
        EXPECT_EQ(nlohmann::json(r.columns).dump(), nlohmann::json::parse(c.columnsJson).dump());
    }
    if (c.checkRows) {
        std::vector<std::string> actual, expected;
        for (const auto& row : r.rows)
            actual.push_back(rowJson(row));
        for (const auto& e : c.rows)
            expected.push_back(nlohmann::json::parse(e).dump());
        if (!c.ordered) {
            std::sort(actual.begin(), actual.end());
            std::sort(expected.begin(), expected.end());
        }
        EXPECT_EQ(actual, expected);
    }
    auto stats = statsToJson(r.stats);
    for (const auto& [k, v] : c.stats) {
        ASSERT_TRUE(stats.contains(k)) << "unknown statistic " << k;
        EXPECT_EQ(stats[k].dump(), v) << "statistic " << k;
    }
}

std::string caseName(const ::testing::TestParamInfo<QueryCase>& info) {
    std::string n = info.param.file + "_" + std::to_string(info.param.line) + "_" + info.param.name;
    for (auto& ch : n)
        if (!std::isalnum(static_cast<unsigned char>(ch)))
            ch = '_';
    return n;
}

INSTANTIATE_TEST_SUITE_P(Cases, QueryCaseTest,
                         ::testing::ValuesIn(loadCaseDirectory(INNOGRAPH_QUERY_CASES_DIR)),
                         caseName);

} // namespace
} // namespace innograph::query::testing
