#include "cliapp.h"
#include "render/viewsrenderbackend.h"

// clusterplan-cli-render: clusterplan-cli with the PDF reports (renderbackend.h). clusterplan-cli
// runs it in its own place for `report` and `compare --pdf`; it is not meant to be run by hand.
int main(int argc, char **argv)
{
    const cp::cli::ViewsRenderBackend backend;
    cp::cli::setRenderBackend(&backend);
    return cp::cli::runCli(argc, argv);
}
