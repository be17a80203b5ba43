#include "guiapp.h"

int main(int argc, char **argv)
{
    return cp::gui::runGui(argc, argv);
}
