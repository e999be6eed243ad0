#include "feature_file.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace innograph::tck {

namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return "";
    auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

// Gherkin cells escape `|` as `\|`, a backslash as `\\` and a newline as `\n`.
std::vector<std::string> splitRow(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool open = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\\' && i + 1 < line.size()) {
            char n = line[i + 1];
            if (n == '|') {
                cell += '|';
                ++i;
                continue;
            }
            if (n == '\\') {
                cell += '\\';
                ++i;
                continue;
            }
            if (n == 'n') {
                // A newline escape only matters outside string literals; TCK cells keep `\n`
                // inside quotes for the value parser, so pass it through unchanged.
                cell += "\\n";
                ++i;
                continue;
            }
            cell += c;
            continue;
        }
        if (c == '|') {
            if (open)
                cells.push_back(trim(cell));
            cell.clear();
            open = true;
            continue;
        }
        cell += c;
    }
    return cells;
}

std::string substitute(std::string text, const std::vector<std::string>& header,
                       const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) {
        std::string key = "<" + header[i] + ">";
        std::size_t pos = 0;
        while ((pos = text.find(key, pos)) != std::string::npos) {
            text.replace(pos, key.size(), row[i]);
            pos += row[i].size();
        }
    }
    return text;
}

} // namespace

std::string Scenario::id() const {
    std::string s = file + ":" + name;
    if (example >= 0)
        s += "#" + std::to_string(example);
    return s;
}

std::vector<Scenario> readFeatureFile(const std::string& path, const std::string& relativeName) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error(path + ": cannot open");
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);)
        lines.push_back(l);

    std::vector<Scenario> out;
    std::vector<Step> background;
    Scenario current;
    bool inScenario = false, inBackground = false, isOutline = false, pendingIgnore = false;
    bool inExamples = false;
    Table examples;

    auto finish = [&]() {
        if (!inScenario)
            return;
        if (!isOutline) {
            out.push_back(current);
        } else {
            for (std::size_t r = 1; r < examples.size(); ++r) {
                Scenario s = current;
                s.example = static_cast<int>(r);
                s.name = substitute(s.name, examples[0], examples[r]);
                for (auto& step : s.steps) {
                    step.text = substitute(step.text, examples[0], examples[r]);
                    step.docString = substitute(step.docString, examples[0], examples[r]);
                    for (auto& row : step.table)
                        for (auto& cell : row)
                            cell = substitute(cell, examples[0], examples[r]);
                }
                out.push_back(std::move(s));
            }
        }
        inScenario = false;
        inExamples = false;
        examples.clear();
    };

    auto currentSteps = [&]() -> std::vector<Step>& {
        return inBackground ? background : current.steps;
    };

    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string t = trim(lines[i]);
        int lineNo = static_cast<int>(i) + 1;
        if (t.empty() || t[0] == '#')
            continue;
        if (t[0] == '@') {
            if (t.find("@ignore") != std::string::npos)
                pendingIgnore = true;
            continue;
        }
        if (startsWith(t, "Feature:"))
            continue;
        if (startsWith(t, "Background:")) {
            finish();
            inBackground = true;
            continue;
        }
        if (startsWith(t, "Scenario Outline:") || startsWith(t, "Scenario:")) {
            finish();
            inBackground = false;
            isOutline = startsWith(t, "Scenario Outline:");
            current = Scenario{};
            current.file = relativeName;
            current.name = trim(t.substr(t.find(':') + 1));
            current.line = lineNo;
            current.ignored = pendingIgnore;
            current.steps = background;
            pendingIgnore = false;
            inScenario = true;
            continue;
        }
        if (startsWith(t, "Examples:")) {
            inExamples = true;
            continue;
        }
        if (t[0] == '|') {
            if (inExamples) {
                examples.push_back(splitRow(t));
            } else {
                auto& steps = currentSteps();
                if (steps.empty())
                    throw std::runtime_error(path + ":" + std::to_string(lineNo) +
                                             ": a table outside a step");
                steps.back().table.push_back(splitRow(t));
            }
            continue;
        }
        if (startsWith(t, "\"\"\"")) {
            auto& steps = currentSteps();
            if (steps.empty())
                throw std::runtime_error(path + ":" + std::to_string(lineNo) +
                                         ": a doc string outside a step");
            // The doc string's indentation is that of its opening quotes.
            std::size_t indent = lines[i].find("\"\"\"");
            std::string doc;
            std::size_t j = i + 1;
            for (; j < lines.size() && trim(lines[j]) != "\"\"\""; ++j) {
                std::string l = lines[j];
                std::size_t cut = 0;
                while (cut < indent && cut < l.size() && (l[cut] == ' ' || l[cut] == '\t'))
                    ++cut;
                if (!doc.empty())
                    doc += '\n';
                doc += l.substr(cut);
            }
            if (j == lines.size())
                throw std::runtime_error(path + ":" + std::to_string(lineNo) +
                                         ": an unterminated doc string");
            steps.back().docString = doc;
            i = j;
            continue;
        }
        for (const char* kw : {"Given ", "When ", "Then ", "And ", "But "}) {
            if (startsWith(t, kw)) {
                Step step;
                step.text = trim(t.substr(std::string(kw).size()));
                step.line = lineNo;
                currentSteps().push_back(std::move(step));
                break;
            }
        }
    }
    finish();
    return out;
}

} // namespace innograph::tck
