#include "storage/transaction.h"

#include "storage/sqlconnection.h"

namespace cp::storage {

Transaction::Transaction(SqlConnection &connection)
    : m_connection(connection)
{
    m_active = m_connection.beginWrite();
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    if (m_connection.exec(QStringLiteral("COMMIT"))) {
        m_active = false;
        return true;
    }
    rollback();
    return false;
}

void Transaction::rollback()
{
    m_active = false;
    // After some I/O errors SQLite has already rolled back by itself; a second ROLLBACK would
    // only replace the useful failure with "no transaction is active".
    if (!m_connection.inTransaction())
        return;
    const SqlFailure failure = m_connection.lastFailure();
    m_connection.exec(QStringLiteral("ROLLBACK"));
    m_connection.restoreFailure(failure);
}

} // namespace cp::storage
