// compound-atlas: parse the command line and hand over to a command or the viewer.
#include "viewer/cli/cli.hpp"

int main(int argc, char** argv) { return viewer::runCommandLine(argc, argv); }
