// The command-line contract (see README "Command line"): subcommands and the viewer.
#pragma once
#include <CLI/CLI.hpp>

#include <functional>

namespace viewer {

// What the parsed command line asks for; each subcommand's callback fills in `action`.
struct Dispatch {
    std::function<int()> action;
};

// Exit codes shared by every command.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

int runCommandLine(int argc, char** argv);

// Each command lives in its own file and registers itself here.
void addInfoCommand(CLI::App& root, Dispatch& d);
void addWhereCommand(CLI::App& root, Dispatch& d);
void addCasesCommand(CLI::App& root, Dispatch& d);
void addExportCommand(CLI::App& root, Dispatch& d);
void addViewerOptions(CLI::App& root, Dispatch& d);

// Prints "compound-atlas: <message>" on stderr: the one line every failure gets.
void printError(const std::string& message);

} // namespace viewer
