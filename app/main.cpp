#include "command.h"

#include <algorithm>
#include <iostream>
#include <vector>

namespace innograph::app {
namespace {
struct Entry {
    int order;
    CommandSetup setup;
};
std::vector<Entry>& registry() {
    static std::vector<Entry> entries;
    return entries;
}
} // namespace

CommandRegistration::CommandRegistration(int order, CommandSetup setup) {
    registry().push_back({order, std::move(setup)});
}

} // namespace innograph::app

int main(int argc, char** argv) {
    using namespace innograph::app;
    CLI::App app{"innograph: a knowledge graph of China's innovation geography"};
    app.require_subcommand(1);
    auto entries = registry();
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.order < b.order; });
    for (auto& e : entries)
        e.setup(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const CommandFailed& f) {
        if (!f.message.empty())
            std::cerr << "innograph: " << f.message << "\n";
        return f.exitCode;
    }
    return 0;
}
