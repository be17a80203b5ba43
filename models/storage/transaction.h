#pragma once

namespace cp::storage {

class SqlConnection;

// One write transaction (RAII): SqlConnection::beginWrite on construction, so a busy workspace fails before
// any change; ROLLBACK on destruction unless commit() succeeded. Every workspace edit is one.
class Transaction
{
public:
    explicit Transaction(SqlConnection &connection);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // False when BEGIN failed (the reason is in the connection's lastFailure()).
    [[nodiscard]] bool isActive() const { return m_active; }
    // On failure the transaction is rolled back and the file keeps its previous state.
    bool commit();

private:
    void rollback();

    SqlConnection &m_connection;
    bool m_active = false;
};

} // namespace cp::storage
