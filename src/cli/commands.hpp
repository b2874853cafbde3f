// src/cli/commands.hpp
#pragma once

namespace ombud::cli {

/// Parses the command line and runs the subcommand; returns the process exit status.
int run(int argc, char** argv);

}  // namespace ombud::cli
