// Harness for the JSON importer, cp::io::parseScenarioJson, and what a valid import feeds:
// canonical writing, export, the solver and the result writers.
//
// Promises checked on every input (a broken one aborts):
// - a scenario comes back exactly when no problem does; every problem names the file and says
//   something;
// - a valid scenario written out reads back valid and writes the same bytes again (write and
//   export are canonical), and it solves without validation problems.
// Crashes, hangs, leaks and undefined behaviour are found by the sanitizers around it.

#include "fuzzsupport.h"

#include "analysis/solvedscenario.h"
#include "catalog/catalog.h"
#include "io/resultcsv.h"
#include "io/resultjson.h"
#include "io/scenariojson.h"
#include "resolve/scenarioexport.h"

#include <QByteArray>

namespace cpfuzz {

namespace {

const QString kFile = QStringLiteral("fuzz.json");

void checkProblems(const cp::io::ParseResult &result, const char *what)
{
    if (result.scenario.has_value() == !result.problems.empty())
        fail(what, "a scenario must come back exactly when there is no problem");
    for (const cp::Problem &problem : result.problems) {
        if (problem.file != kFile)
            fail(what, "a problem does not name the file");
        if (problem.message.isEmpty())
            fail(what, "a problem says nothing");
    }
}

// Reads `bytes`, which ClusterPlan itself wrote from a valid scenario: it must be valid and
// write back to the same bytes.
void rereadCanonical(const QByteArray &bytes, QByteArray (*write)(const cp::Scenario &), const char *what)
{
    const cp::io::ParseResult again = cp::io::parseScenarioJson(bytes, cp::Catalog::builtIn(), kFile);
    checkProblems(again, what);
    if (!again.ok()) {
        const QByteArray detail = again.problems.front().toString().toUtf8() + "\n" + bytes;
        fail(what, detail.constData());
    }
    if (write(*again.scenario) != bytes) {
        const QByteArray detail = "first:\n" + bytes + "second:\n" + write(*again.scenario);
        fail(what, detail.constData());
    }
}

QByteArray exportWithBuiltIn(const cp::Scenario &scenario)
{
    return cp::io::exportScenarioJson(scenario, cp::Catalog::builtIn());
}

} // namespace

int scenarioJsonOneInput(const std::uint8_t *data, std::size_t size)
{
    ensureApplication();
    const cp::Catalog &catalog = cp::Catalog::builtIn();
    // No copy: the parser must not read past `size` (ASan watches the fuzzer's exact buffer).
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const cp::io::ParseResult result = cp::io::parseScenarioJson(bytes, catalog, kFile);
    checkProblems(result, "parse");
    if (!result.ok())
        return 0;

    rereadCanonical(cp::io::writeScenarioJson(*result.scenario), &cp::io::writeScenarioJson, "write, read, write");
    rereadCanonical(exportWithBuiltIn(*result.scenario), &exportWithBuiltIn, "export, read, export");

    // A fixed "today", so a run is repeatable whatever the date.
    const auto solved = cp::solveScenario(*result.scenario, catalog, cp::Month::fromYearMonth(2025, 6));
    if (!solved || !solved->ok())
        fail("solve", "a scenario the importer accepted has validation problems");
    const QByteArray json = cp::io::writeResultJson(solved->result);
    const QByteArray csv = cp::io::writeResultCsv(solved->result);
    if (json.isEmpty() || csv.isEmpty())
        fail("result writers", "empty output");
    return 0;
}

} // namespace cpfuzz
