#include "renderbackend.h"

namespace cp::cli {

namespace {
const RenderBackend *g_backend = nullptr;
} // namespace

QString reportPaperName(ReportPaper paper)
{
    return paper == ReportPaper::Letter ? QStringLiteral("Letter") : QStringLiteral("A4");
}

const RenderBackend *renderBackend()
{
    return g_backend;
}

void setRenderBackend(const RenderBackend *backend)
{
    g_backend = backend;
}

} // namespace cp::cli
