#include "cliapp.h"

int main(int argc, char **argv)
{
    return cp::cli::runCli(argc, argv);
}
