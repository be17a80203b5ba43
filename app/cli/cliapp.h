#pragma once

namespace cp::cli {

// The whole command line: parses argv, creates the application object the command needs,
// runs it and returns the process exit code (see ExitCode).
int runCli(int argc, char **argv);

} // namespace cp::cli
