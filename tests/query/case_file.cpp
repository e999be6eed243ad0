#include "case_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace innograph::query::testing {

namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return "";
    auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

bool startsWith(const std::string& s, const std::string& p) {
    return s.rfind(p, 0) == 0;
}

void parseError(QueryCase& c, const std::string& spec) {
    c.expectError = true;
    std::smatch m;
    std::string rest = spec;
    static const std::regex code(R"(^\s*(\w+))");
    if (std::regex_search(rest, m, code)) {
        c.errorCode = m[1];
        rest = m.suffix();
    }
    static const std::regex at(R"(at\s+(\d+):(\d+))");
    if (std::regex_search(rest, m, at)) {
        c.errorLine = std::stoi(m[1]);
        c.errorColumn = std::stoi(m[2]);
    }
    static const std::regex contains(R"re(contains\s+"([^"]*)")re");
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), contains);
         it != std::sregex_iterator(); ++it)
        c.errorContains.push_back((*it)[1]);
}

} // namespace

std::vector<QueryCase> loadCaseFile(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);)
        lines.push_back(l);

    std::vector<QueryCase> cases;
    std::vector<std::string> fixture;
    enum class Section { None, Fixture, Query, Rows };
    Section section = Section::None;
    QueryCase* current = nullptr;
    std::string pending; // a fixture statement being accumulated

    auto flushFixture = [&]() {
        if (!trim(pending).empty())
            fixture.push_back(pending);
        pending.clear();
    };
    const std::string name = std::filesystem::path(path).stem().string();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string raw = lines[i];
        std::string t = trim(raw);
        if (startsWith(t, "#") && section != Section::Query)
            continue;
        if (startsWith(t, "fixture:")) {
            section = Section::Fixture;
            continue;
        }
        if (startsWith(t, "case:")) {
            flushFixture();
            cases.emplace_back();
            current = &cases.back();
            current->file = name;
            current->line = static_cast<int>(i + 1);
            current->name = trim(t.substr(5));
            section = Section::None;
            continue;
        }
        if (section == Section::Fixture) {
            if (t.empty()) {
                flushFixture();
                continue;
            }
            pending += (pending.empty() ? "" : "\n") + raw;
            if (!t.empty() && t.back() == ';') {
                pending = trim(pending);
                pending.pop_back();
                flushFixture();
            }
            continue;
        }
        if (!current)
            continue;
        if (startsWith(t, "params:")) {
            current->paramsJson = trim(t.substr(7));
            section = Section::None;
        } else if (startsWith(t, "query:")) {
            section = Section::Query;
        } else if (startsWith(t, "rows:") || startsWith(t, "ordered:")) {
            current->checkRows = true;
            current->ordered = startsWith(t, "ordered:");
            section = Section::Rows;
        } else if (startsWith(t, "error:")) {
            parseError(*current, t.substr(6));
            section = Section::None;
        } else if (startsWith(t, "columns:")) {
            current->columnsJson = trim(t.substr(8));
            section = Section::None;
        } else if (startsWith(t, "stats:")) {
            std::istringstream ss(t.substr(6));
            for (std::string kv; ss >> kv;) {
                auto eq = kv.find('=');
                if (eq != std::string::npos)
                    current->stats.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
            }
            section = Section::None;
        } else if (section == Section::Query) {
            current->query += (current->query.empty() ? "" : "\n") + raw;
        } else if (section == Section::Rows && !t.empty()) {
            current->rows.push_back(t);
        }
    }
    flushFixture();
    for (auto& c : cases) {
        c.fixture = fixture;
        // Trailing blank lines are not part of the query.
        while (!c.query.empty() && (c.query.back() == '\n' || c.query.back() == ' '))
            c.query.pop_back();
    }
    return cases;
}

std::vector<QueryCase> loadCaseDirectory(const std::string& dir) {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".case")
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<QueryCase> all;
    for (const auto& f : files) {
        auto cs = loadCaseFile(f);
        all.insert(all.end(), cs.begin(), cs.end());
    }
    return all;
}

} // namespace innograph::query::testing
