#pragma once

namespace cp::storage {

class SqliteConnection;

// One write transaction (RAII): BEGIN IMMEDIATE on construction, so a busy file fails before
// any change; ROLLBACK on destruction unless commit() succeeded. Every workspace edit is one.
class Transaction
{
public:
    explicit Transaction(SqliteConnection &connection);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // False when BEGIN failed (the reason is in the connection's lastFailure()).
    [[nodiscard]] bool isActive() const { return m_active; }
    // On failure the transaction is rolled back and the file keeps its previous state.
    bool commit();

private:
    void rollback();

    SqliteConnection &m_connection;
    bool m_active = false;
};

} // namespace cp::storage
