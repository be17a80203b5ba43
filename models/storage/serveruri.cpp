#include "storage/serveruri.h"

#include <QStringList>

#include <libpq-fe.h>

#include <memory>

namespace cp::storage {

bool isServerUri(const QString &path)
{
    return path.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || path.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

namespace {

// libpq's quoting for a conninfo value: single quotes, with ' and \ escaped by a backslash.
QString quotedValue(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

ServerAddress parseServerUri(const QString &uri)
{
    ServerAddress address;
    char *error = nullptr;
    const QByteArray utf8 = uri.toUtf8();
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfoParse(utf8.constData(), &error),
                                                                         &PQconninfoFree);
    if (!options) {
        address.problem = error ? QString::fromUtf8(error).trimmed()
                                : QStringLiteral("the computer ran out of memory while reading it");
        PQfreemem(error);
        return address;
    }
    bool namesApplication = false;
    QStringList pairs;
    for (const PQconninfoOption *option = options.get(); option->keyword; ++option) {
        if (!option->val)
            continue;
        const QString keyword = QString::fromLatin1(option->keyword);
        const QString value = QString::fromUtf8(option->val);
        if (keyword == QLatin1String("password")) {
            address.problem = QStringLiteral("it holds a password. ClusterPlan shows and remembers workspace names, so "
                                             "leave the password out: put it in ~/.pgpass or the PGPASSWORD variable, "
                                             "or let the server ask for another kind of login.");
            return address;
        }
        // Qt's PostgreSQL driver turns ';' into spaces before libpq reads the options.
        if (value.contains(QLatin1Char(';'))) {
            address.problem = QStringLiteral("its parameter '%1' holds a ';', which the connection cannot pass on.")
                                  .arg(keyword);
            return address;
        }
        namesApplication = namesApplication || keyword == QLatin1String("application_name");
        pairs << keyword + QLatin1Char('=') + quotedValue(value);
    }
    // The server's activity view then shows who is connected with what.
    if (!namesApplication)
        pairs << QStringLiteral("application_name='clusterplan'");
    address.conninfo = pairs.join(QLatin1Char(' '));
    return address;
}

} // namespace cp::storage
