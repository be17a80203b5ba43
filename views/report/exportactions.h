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
//     fileMenu->addAction(exports->exportComparisonAction()); // Export Comparison (PDF)...
//     exports->setComparison(scenarios); // whenever the compare view's set changes
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
    // Enabled while two to four solved scenarios are set.
    [[nodiscard]] QAction *exportComparisonAction() const { return m_comparisonAction; }

    void setSolved(std::shared_ptr<const SolvedScenario> solved);
    void setWorkspacePath(const QString &path);
    // The compared scenarios, the baseline first.
    void setComparison(std::vector<std::shared_ptr<const SolvedScenario>> scenarios);

    // Without a file dialog (tests, scripts): true when written; errors are shown to the user.
    bool exportReportTo(const QString &path, Paper paper);
    bool exportResultsTo(const QString &path);
    // A comparison of two to four solved scenarios (for the compare view's own export button).
    bool exportComparisonTo(const std::vector<std::shared_ptr<const SolvedScenario>> &scenarios, const QString &path,
                            Paper paper);

signals:
    // A file was written: `what` says which ("Report", "Results"); the window says where it went.
    void exported(const QString &what, const QString &path);

public slots:
    void exportReport();  // asks for the file
    void exportResults(); // asks for the file
    void exportComparison(); // asks for the file

private:
    [[nodiscard]] QString suggestedPath(const QString &name, const QString &suffix) const;
    // Asks where to save a PDF and on which paper; false when the user cancels.
    bool askPdfPath(const QString &title, const QString &name, QString *path, Paper *paper) const;
    void showError(const QString &what, const QString &message) const;

    QWidget *m_window;
    QAction *m_reportAction;
    QAction *m_resultsAction;
    QAction *m_comparisonAction;
    std::shared_ptr<const SolvedScenario> m_solved;
    std::vector<std::shared_ptr<const SolvedScenario>> m_comparison;
    QString m_workspacePath;
};

} // namespace cp::report
