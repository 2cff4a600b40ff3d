// The little the ledger needs from a SQL database, so the same Store code runs on SQLite (embedded default)
// and PostgreSQL (libpq, for shops whose workers run on several processes or machines). Private to core.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "backorder/error.hpp"

namespace backorder::detail {

// A bound parameter: NULL, a whole number or text (copied by the backend before the call returns).
using Param = std::variant<std::nullptr_t, std::int64_t, std::string_view>;

// One result set. Every cell arrives as text (both backends can give that); NULL is nullopt. Booleans read
// back as "t"/"f" on PostgreSQL and 1/0 on SQLite: keep flags in integer columns.
class Rows {
 public:
  Rows() = default;
  explicit Rows(int columns) : columns_(columns) {}
  std::size_t size() const { return columns_ == 0 ? 0 : cells_.size() / columns_; }
  bool empty() const { return size() == 0; }
  bool null(std::size_t row, int col) const { return !cells_[row * columns_ + col].has_value(); }
  // "" for NULL.
  std::string_view text(std::size_t row, int col) const;
  // 0 for NULL; throws Error(internal) for text that is not a whole number.
  std::int64_t integer(std::size_t row, int col) const;
  void push(std::optional<std::string> cell) { cells_.push_back(std::move(cell)); }

 private:
  int columns_ = 0;
  std::vector<std::optional<std::string>> cells_;
};

// A conflict with another writer that a retry of the whole transaction resolves (SQLite busy past the
// timeout, a PostgreSQL deadlock, serialization failure or lock_timeout). Other failures are
// Error(internal, "store"), among them a lost PostgreSQL connection: the transaction is gone, the caller
// rolls back, and the next call outside a transaction reconnects.
class DbConflict : public Error {
 public:
  explicit DbConflict(const std::string& message) : Error(ErrorCode::internal, "store", message) {}
};

// One connection. Not thread-safe: one thread at a time, like the Store that owns it.
class Db {
 public:
  virtual ~Db() = default;
  virtual std::string_view backend() const = 0;  // "sqlite" or "postgresql"

  // A write transaction. begin() takes the write lock at once on SQLite (BEGIN IMMEDIATE), so two writers
  // never both read and then fail to upgrade. rollback() never throws and is harmless outside a transaction.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;

  // Serializes writers that touch `key` until the transaction ends: pg_advisory_xact_lock on PostgreSQL, a
  // no-op on SQLite (its write lock already covers the whole file). Take keys in a fixed order. On PostgreSQL
  // the lock is deferred (below): it is held before the next statement runs, and a conflict surfaces there;
  // a key already held in this transaction costs nothing.
  virtual void lock(std::string_view key) = 0;

  // Statements without parameters, separated by semicolons (schema migrations).
  virtual void exec_script(std::string_view sql) = 0;
  // One statement with `?` placeholders, prepared once per connection and cached by its text. PostgreSQL
  // infers each parameter's type from where it stands; where it cannot, cast: `CAST(? AS TEXT) IS NULL`.
  // Text may not contain NUL (PostgreSQL cannot store it; both backends refuse it).
  virtual Rows query(std::string_view sql, std::span<const Param> params = {}) = 0;
  // The same for statements without results; returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, std::span<const Param> params = {}) = 0;
  // A statement without results whose effect nothing needs before the next statement: PostgreSQL keeps it
  // and sends it with the next one (pipeline mode: one round trip for all, bench/store), SQLite runs it at
  // once. Its error, if any, surfaces when it runs. With `changed`, the rows it changed are added there
  // once it ran (after flush() at the latest). Parameters are copied.
  virtual void defer(std::string_view sql, std::span<const Param> params = {},
                     std::int64_t* changed = nullptr) = 0;
  // Runs what was deferred.
  virtual void flush() = 0;
  // Several queries at once, answered in their order: one round trip on PostgreSQL (after what was
  // deferred), one after the other on SQLite. For reads that do not depend on each other.
  struct Query {
    std::string_view sql;
    std::vector<Param> params;
  };
  virtual std::vector<Rows> query_all(std::span<const Query> queries) = 0;

  // DDL for an auto-incrementing 64-bit primary key column: "INTEGER PRIMARY KEY AUTOINCREMENT" on SQLite,
  // "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" on PostgreSQL.
  virtual std::string_view serial_primary_key() const = 0;
};

// "PATH" or ":memory:". WAL mode, synchronous=FULL (a committed transaction survives power loss), foreign
// keys on, busy timeout. Throws Error(invalid, "url") when the file cannot be opened (a directory, no
// permission), with the reason; a read-only file opens, and writes fail with a clear Error.
std::unique_ptr<Db> open_sqlite(std::string_view path, int busy_timeout_ms);
// A libpq connection string or URL ("postgresql://user@host/db"). Throws Error(invalid, "url") with libpq's
// reason when it cannot connect; the password never appears in the message.
std::unique_ptr<Db> open_postgres(std::string_view url);

}  // namespace backorder::detail
