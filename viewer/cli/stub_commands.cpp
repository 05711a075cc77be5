// Temporary registration of commands not yet built; replaced file by file.
#include "viewer/cli/cli.hpp"

namespace viewer {
void addCasesCommand(CLI::App&, Dispatch&) {}
void addExportCommand(CLI::App&, Dispatch&) {}
void addViewerOptions(CLI::App&, Dispatch&) {}
} // namespace viewer
