// Temporal values end to end: construction from text and maps, printing, components,
// arithmetic, comparison, ordering, and a round trip through the store.

#include "test_store.h"

#include "innograph/query/query_engine.h"

#include <gtest/gtest.h>

namespace innograph::query {
namespace {

using testing::TempStore;

class TemporalTest : public ::testing::Test {
protected:
    // The single value of a one-row, one-column query, as text.
    std::string one(const std::string& query) {
        auto r = engine.execute(query);
        EXPECT_EQ(r.rows.size(), 1u) << query;
        if (r.rows.size() != 1 || r.rows[0].size() != 1)
            return "<no single value>";
        const Value& v = r.rows[0][0];
        if (v.isTemporal())
            return graph::formatTemporal(v.asTemporal());
        if (v.isString())
            return "'" + v.asString() + "'";
        if (v.isInt())
            return std::to_string(v.asInt());
        if (v.isBool())
            return v.asBool() ? "true" : "false";
        if (v.isNull())
            return "null";
        return std::string("<") + v.typeName() + ">";
    }
    ErrorCode errorOf(const std::string& query) {
        try {
            engine.execute(query);
        } catch (const QueryError& e) {
            return e.code();
        }
        ADD_FAILURE() << "no error from " << query;
        return ErrorCode::SemanticError;
    }
    TempStore temp;
    QueryEngine engine{temp.store()};
};

TEST_F(TemporalTest, ConstructsFromTextAndPrintsIso) {
    EXPECT_EQ(one("RETURN date('2019-01-01')"), "2019-01-01");
    EXPECT_EQ(one("RETURN date('20190102')"), "2019-01-02");
    EXPECT_EQ(one("RETURN date('2015-W30-2')"), "2015-07-21");
    EXPECT_EQ(one("RETURN date('2015-202')"), "2015-07-21");
    EXPECT_EQ(one("RETURN localtime('12:31:14.645876123')"), "12:31:14.645876123");
    EXPECT_EQ(one("RETURN localtime('10:35')"), "10:35");
    EXPECT_EQ(one("RETURN time('12:31:14.5+01:00')"), "12:31:14.500+01:00");
    EXPECT_EQ(one("RETURN localdatetime('1984-10-11T12:31:14')"), "1984-10-11T12:31:14");
    EXPECT_EQ(one("RETURN datetime('1984-10-11T12:31Z')"), "1984-10-11T12:31Z");
    EXPECT_EQ(one("RETURN duration('P1Y2M10DT2H30M')"), "P1Y2M10DT2H30M");
    EXPECT_EQ(one("RETURN duration('PT0.75S')"), "PT0.75S");
    EXPECT_EQ(one("RETURN duration('-PT1.5S')"), "PT-1.5S");
}

TEST_F(TemporalTest, ConstructsFromMaps) {
    EXPECT_EQ(one("RETURN date({year: 1984, month: 10, day: 11})"), "1984-10-11");
    EXPECT_EQ(one("RETURN date({year: 1984, week: 10, dayOfWeek: 3})"), "1984-03-07");
    EXPECT_EQ(one("RETURN localtime({hour: 12, minute: 31, second: 14, nanosecond: 12})"),
              "12:31:14.000000012");
    EXPECT_EQ(one("RETURN datetime({year: 1984, month: 10, day: 11, hour: 12, timezone: "
                  "'+00:15'})"),
              "1984-10-11T12:00+00:15");
    EXPECT_EQ(one("RETURN duration({months: 1, days: 2})"), "P1M2D");
    EXPECT_EQ(one("RETURN duration({months: 0.75})"), "P22DT19H51M49.5S");
    EXPECT_EQ(one("RETURN date(datetime('2019-03-04T05:06Z'))"), "2019-03-04");
}

TEST_F(TemporalTest, BadInputIsAnArgumentErrorNamingTheText) {
    EXPECT_EQ(errorOf("RETURN date('2019-02-30')"), ErrorCode::ArgumentError);
    EXPECT_EQ(errorOf("RETURN date('yesterday')"), ErrorCode::ArgumentError);
    EXPECT_EQ(errorOf("RETURN date({year: 2019, month: 13})"), ErrorCode::ArgumentError);
    EXPECT_EQ(errorOf("RETURN datetime('2019-01-01T00:00[Europe/Berlin]')"),
              ErrorCode::ArgumentError);
    EXPECT_EQ(errorOf("RETURN date(42)"), ErrorCode::TypeError);
    EXPECT_EQ(one("RETURN date(null)"), "null");
}

TEST_F(TemporalTest, Components) {
    EXPECT_EQ(one("RETURN date('1984-10-11').year"), "1984");
    EXPECT_EQ(one("RETURN date('1984-10-11').quarter"), "4");
    EXPECT_EQ(one("RETURN date('1984-10-11').week"), "41");
    EXPECT_EQ(one("RETURN date('1984-10-11').dayOfWeek"), "4");
    EXPECT_EQ(one("RETURN date('1984-10-11').ordinalDay"), "285");
    EXPECT_EQ(one("RETURN time('12:31:14+01:00').offsetMinutes"), "60");
    EXPECT_EQ(one("RETURN time('12:31:14+01:00').timezone"), "'+01:00'");
    EXPECT_EQ(one("RETURN datetime('1970-01-01T01:00+01:00').epochSeconds"), "0");
    EXPECT_EQ(one("RETURN duration('P1Y14M').years"), "2");
    EXPECT_EQ(one("RETURN duration('PT90M').minutesOfHour"), "30");
    EXPECT_EQ(errorOf("RETURN date('1984-10-11').hour"), ErrorCode::ArgumentError);
}

TEST_F(TemporalTest, ArithmeticWithDurations) {
    EXPECT_EQ(one("RETURN date('2019-01-31') + duration({months: 1})"), "2019-02-28");
    EXPECT_EQ(one("RETURN date('2019-03-01') - duration('P1D')"), "2019-02-28");
    EXPECT_EQ(one("RETURN localtime('23:30') + duration({minutes: 45})"), "00:15");
    EXPECT_EQ(one("RETURN localdatetime('2019-12-31T23:30') + duration('PT45M')"),
              "2020-01-01T00:15");
    EXPECT_EQ(one("RETURN duration('P1D') + duration('PT1H')"), "P1DT1H");
    EXPECT_EQ(one("RETURN duration('PT1H') * 2"), "PT2H");
    EXPECT_EQ(one("RETURN duration('P1D') / 2"), "PT12H");
    EXPECT_EQ(errorOf("RETURN date('2019-01-01') + 1"), ErrorCode::TypeError);
}

TEST_F(TemporalTest, ComparisonAndOrdering) {
    EXPECT_EQ(one("RETURN date('2019-01-01') < date('2019-01-02')"), "true");
    EXPECT_EQ(one("RETURN date('2019-01-01') = date({year: 2019})"), "true");
    // The same instant at different offsets.
    EXPECT_EQ(one("RETURN time('12:00+01:00') = time('11:00Z')"), "true");
    EXPECT_EQ(one("RETURN time('12:00+05:00') < time('10:00Z')"), "true");
    // Different types, and durations, do not compare.
    EXPECT_EQ(one("RETURN date('2019-01-01') < localdatetime('2019-01-02T00:00')"), "null");
    EXPECT_EQ(one("RETURN duration('P1D') < duration('P2D')"), "null");
    EXPECT_EQ(one("RETURN date('2019-01-01') < '2019-01-02'"), "null");
    auto r = engine.execute("UNWIND [date('2020-01-01'), date('1910-05-06'), date('1985-05-06')] "
                            "AS d RETURN d ORDER BY d");
    ASSERT_EQ(r.rows.size(), 3u);
    EXPECT_EQ(graph::formatTemporal(r.rows[0][0].asTemporal()), "1910-05-06");
    EXPECT_EQ(graph::formatTemporal(r.rows[2][0].asTemporal()), "2020-01-01");
    EXPECT_EQ(one("UNWIND [date('2019-01-01'), date('2019-01-01')] AS d RETURN count(DISTINCT d)"),
              "1");
}

TEST_F(TemporalTest, StoredAsTypedPropertiesAndFoundByRange) {
    engine.execute("CREATE (:Document {title: 'old', date: date('2018-06-01')}), "
                   "(:Document {title: 'new', date: date('2019-03-01')}), "
                   "(:Document {title: 'text', date: '2019-05-01'})");
    auto r = engine.execute(
        "MATCH (d:Document) WHERE d.date >= date('2019-01-01') RETURN d.title, d.date");
    ASSERT_EQ(r.rows.size(), 1u); // the text date is a STRING and does not compare with a DATE
    EXPECT_EQ(r.rows[0][0].asString(), "new");
    ASSERT_TRUE(r.rows[0][1].isTemporal());
    EXPECT_EQ(r.rows[0][1].asTemporal().type, graph::TemporalType::Date);
    EXPECT_EQ(one("MATCH (d:Document {title: 'new'}) RETURN d.date.month"), "3");
}

} // namespace
} // namespace innograph::query
