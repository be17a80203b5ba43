#pragma once

namespace cp::gui {

// Parses the command line (--version and --help work without a display), creates the
// QApplication, opens the main window on the given or default workspace and runs the loop.
int runGui(int argc, char **argv);

} // namespace cp::gui
