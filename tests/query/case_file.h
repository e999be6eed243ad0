#pragma once

// End-to-end test cases as text. A .case file holds an optional fixture and any number of cases:
//
//   # comment
//   fixture:
//   CREATE (a:Park {name: "大连高新区"})          <- statements end with ';' or a blank line
//
//   case: parks by name
//   params: {"name": "大连高新区"}                <- optional, a JSON object
//   query:
//   MATCH (p:Park {name: $name}) RETURN p.name
//   rows:                                        <- or "ordered:" when order matters
//   ["大连高新区"]
//
//   case: misspelled keyword
//   query:
//   MACTH (p) RETURN p
//   error: SyntaxError at 1:1 contains "MATCH"
//
// Each case runs against a fresh store holding only the fixture. Rows compare as JSON with
// integers and floats distinct; "stats:" lines (key=value ...) compare result statistics.

#include <string>
#include <vector>

namespace innograph::query::testing {

struct QueryCase {
    std::string file;
    int line = 0;
    std::string name;
    std::string paramsJson = "{}";
    std::string query;
    bool expectError = false;
    std::string errorCode;
    int errorLine = 0;
    int errorColumn = 0;
    std::vector<std::string> errorContains;
    bool ordered = false;
    bool checkRows = false;
    std::vector<std::string> rows; // one JSON array per row
    std::string columnsJson;       // optional
    std::vector<std::pair<std::string, std::string>> stats;
    std::vector<std::string> fixture;
};

std::vector<QueryCase> loadCaseFile(const std::string& path);
std::vector<QueryCase> loadCaseDirectory(const std::string& dir);

} // namespace innograph::query::testing
