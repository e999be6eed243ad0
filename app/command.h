#pragma once

// Subcommands of the innograph program. Each lives in its own `*_command.cpp`, which registers
// itself with a static CommandRegistration; main.cpp builds the CLI from the registry, so adding
// a subcommand touches no other file.

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace innograph::app {

// Adds the subcommand to `app` and sets its callback. The callback reports failure by throwing
// CommandFailed (its message is printed, the exit code returned) so that every subcommand exits
// the same way.
using CommandSetup = std::function<void(CLI::App& app)>;

struct CommandRegistration {
    // `order` places the subcommand in --help; lower first.
    CommandRegistration(int order, CommandSetup setup);
};

struct CommandFailed {
    int exitCode = 1;
    std::string message; // printed to standard error unless empty
};

// Default store location, shared by every subcommand that takes --db.
inline constexpr const char* kDefaultDb = "data/store";

} // namespace innograph::app
