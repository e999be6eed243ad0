#pragma once

// A reader of the Gherkin subset the openCypher TCK uses: Feature, Background, Scenario,
// Scenario Outline with Examples, steps with doc strings ("""…""") and tables (| a | b |).
// Outlines are expanded into one scenario per example row with <placeholders> substituted.

#include <string>
#include <vector>

namespace innograph::tck {

using Table = std::vector<std::vector<std::string>>;

struct Step {
    std::string text; // without its keyword: "executing query:", "an empty graph", ...
    std::string docString;
    Table table;
    int line = 0;
};

struct Scenario {
    std::string file; // relative to the features folder
    std::string name; // "[1] Match non-existent nodes returns empty"
    int example = -1; // the example row of an outline, from 1; -1 for a plain scenario
    int line = 0;
    bool ignored = false; // tagged @ignore
    std::vector<Step> steps;

    // A stable identifier: "clauses/match/Match1.feature:[1] …" plus "#row" for outlines.
    std::string id() const;
};

// Reads one .feature file. Throws std::runtime_error ("file:line: what") on a malformed file.
std::vector<Scenario> readFeatureFile(const std::string& path, const std::string& relativeName);

} // namespace innograph::tck
