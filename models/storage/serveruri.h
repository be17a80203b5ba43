#pragma once

#include <QString>

namespace cp::storage {

// A workspace on a PostgreSQL server is named by a libpq connection URI
// ("postgresql://alice@plans.example:5432/capex?sslmode=require", a Unix socket folder with
// "?host=/run/postgresql"); anything else names a .clusterplan file.
[[nodiscard]] bool isServerUri(const QString &path);

struct ServerAddress {
    QString conninfo; // libpq's key='value' form of every parameter the URI gives
    QString problem;  // why the URI is refused; empty when conninfo is usable
};

// Parses with libpq itself (PQconninfoParse), so every parameter libpq knows (sslmode, host
// lists, options...) is passed through as libpq reads it. A password in the URI is refused: the
// URI is shown and remembered by the app, and passwords belong in ~/.pgpass or PGPASSWORD.
[[nodiscard]] ServerAddress parseServerUri(const QString &uri);

} // namespace cp::storage
