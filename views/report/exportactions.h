#pragma once

#include "report/reportstyle.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QAction;
class QWidget;

namespace cp {
struct SolvedScenario;
}

namespace cp::report {

// The window's export commands, ready to put in the File menu:
//
//     auto *exports = new cp::report::ExportActions(this);
//     fileMenu->addAction(exports->exportReportAction());   // Export Report (PDF)...
//     fileMenu->addAction(exports->exportResultsAction());  // Export Results (CSV)...
//     // after every solve of the selected scenario, and when the workspace changes:
//     exports->setSolved(solved);
//     exports->setWorkspacePath(path);
//
// Both actions are disabled while there is no solved scenario. The report asks for a file (the
// file type chooses A4 or US Letter), then runs in a ReportExportDialog with progress and Cancel.
// The CSV is written at once (RFC 4180, formula-safe). The last folder and paper are remembered.
class ExportActions final : public QObject
{
    Q_OBJECT

public:
    explicit ExportActions(QWidget *window);

    [[nodiscard]] QAction *exportReportAction() const { return m_reportAction; }
    [[nodiscard]] QAction *exportResultsAction() const { return m_resultsAction; }

    void setSolved(std::shared_ptr<const SolvedScenario> solved);
    void setWorkspacePath(const QString &path);

    // Without a file dialog (tests, scripts): true when written; errors are shown to the user.
    bool exportReportTo(const QString &path, Paper paper);
    bool exportResultsTo(const QString &path);
    // A comparison of two to four solved scenarios (for the compare view's own export button).
    bool exportComparisonTo(const std::vector<std::shared_ptr<const SolvedScenario>> &scenarios, const QString &path,
                            Paper paper);

public slots:
    void exportReport();  // asks for the file
    void exportResults(); // asks for the file

private:
    [[nodiscard]] QString suggestedPath(const QString &suffix) const;
    void showError(const QString &what, const QString &message) const;

    QWidget *m_window;
    QAction *m_reportAction;
    QAction *m_resultsAction;
    std::shared_ptr<const SolvedScenario> m_solved;
    QString m_workspacePath;
};

} // namespace cp::report
