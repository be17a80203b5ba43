#pragma once

#include "clicommand.h"
#include "domain/month.h"

#include <QCommandLineOption>

#include <memory>
#include <vector>

class QCommandLineParser;

namespace cp {
struct SolvedScenario;
}

namespace cp::cli {

// The --pdf part of `clusterplan-cli compare` (the comparison report), kept apart from the rest
// of the command: its options, whether it draws (needs a QApplication), and the writing.
class ComparePdfOutput
{
public:
    void addOptions(QCommandLineParser &parser) const; // --pdf OUT, --paper a4|letter
    [[nodiscard]] bool isSet(const QCommandLineParser &parser) const;
    // From the raw arguments, before any application object exists (CliCommand::needsGui).
    [[nodiscard]] static bool requested(const QStringList &arguments);
    // Checks --paper before anything is solved; prints a usage error and returns false when bad.
    [[nodiscard]] bool validate(const QCommandLineParser &parser, CliStreams &io) const;
    // Writes the report of `solved` (the baseline first); returns an ExitCode.
    [[nodiscard]] int write(const QCommandLineParser &parser, const std::vector<std::shared_ptr<const SolvedScenario>> &solved,
                            const QString &workspace, Month asOf, CliStreams &io) const;

private:
    QCommandLineOption m_pdf{QStringLiteral("pdf"), QStringLiteral("Write the comparison report as PDF to OUT; '-' is standard output."),
                             QStringLiteral("OUT")};
    QCommandLineOption m_paper{QStringLiteral("paper"), QStringLiteral("Paper size of the PDF: a4 (default) or letter."),
                               QStringLiteral("a4|letter")};
};

} // namespace cp::cli
