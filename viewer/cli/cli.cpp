// Top-level parsing; usage errors exit with 2, failures with 1, both with one line on stderr.
#include "viewer/cli/cli.hpp"
#include "geo/app_version.hpp"
#include "geo/data_dir.hpp"
#include "geo/error.hpp"

#include <iostream>

namespace viewer {

void printError(const std::string& message) { std::cerr << "compound-atlas: " << message << "\n"; }

int runCommandLine(int argc, char** argv)
{
    CLI::App root{"Compound Atlas: a map viewer for investigating scam compounds in Southeast Asia.\n"
                  "With no command, opens the viewer on the default data plus FILES as layers.",
                  "compound-atlas"};
    root.require_subcommand(0, 1);
    // The second line says which data folder this binary reads (installed copy or source tree).
    root.set_version_flag("--version", [] {
        const geo::DataDir dir = geo::findDataDir();
        return std::string("compound-atlas ") + geo::appVersion() + "\ndata: " + dir.path + " (" + dir.how + ")";
    });
    Dispatch d;
    addViewerOptions(root, d);
    addInfoCommand(root, d);
    addWhereCommand(root, d);
    addCasesCommand(root, d);
    addExportCommand(root, d);
    try {
        root.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return root.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return root.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return root.exit(e);
    } catch (const CLI::ParseError& e) {
        printError(std::string(e.what()) + " (see --help)");
        return kExitUsage;
    }
    try {
        return d.action ? d.action() : kExitOk;
    } catch (const geo::Error& e) {
        printError(e.what());
        return kExitFailure;
    } catch (const std::exception& e) {
        printError(std::string("unexpected error: ") + e.what());
        return kExitFailure;
    }
}

} // namespace viewer
