// The embedded backend: one SQLite connection in WAL mode, statements prepared once and kept.
#include <sqlite3.h>

#include <cstring>
#include <string>
#include <unordered_map>

#include "store/db.hpp"

namespace backorder::detail {
namespace {

// Heterogeneous lookup: the cache is searched with the caller's string_view, no copy per call.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

std::string excerpt(std::string_view sql) {
  return std::string(sql.substr(0, 80)) + (sql.size() > 80 ? "..." : "");
}

class SqliteDb final : public Db {
 public:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  ~SqliteDb() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);  // rolls back an open transaction
  }

  std::string_view backend() const override { return "sqlite"; }
  void begin() override { execute("BEGIN IMMEDIATE", {}); }
  void commit() override { execute("COMMIT", {}); }
  void rollback() noexcept override {
    // Some errors (a full disk, an I/O error) already rolled the transaction back.
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void lock(std::string_view) override {}

  void exec_script(std::string_view sql) override {
    std::string text(sql);
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql);
  }

  Rows query(std::string_view sql, std::span<const Param> params) override {
    Statement s(*this, sql, params);
    int columns = sqlite3_column_count(s.stmt);
    Rows rows(columns);
    for (int rc = s.step(); rc != SQLITE_DONE; rc = s.step()) {
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(s.stmt, c) == SQLITE_NULL) {
          rows.push(std::nullopt);
        } else {
          auto text = reinterpret_cast<const char*>(sqlite3_column_text(s.stmt, c));
          rows.push(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(s.stmt, c))));
        }
      }
    }
    return rows;
  }

  std::int64_t execute(std::string_view sql, std::span<const Param> params) override {
    Statement s(*this, sql, params);
    // sqlite3_changes() keeps the count of the last INSERT, UPDATE or DELETE, so a CREATE TABLE would report
    // it again: trust it only when the total moved.
    sqlite3_int64 before = sqlite3_total_changes64(db_);
    while (s.step() != SQLITE_DONE) {
    }
    return sqlite3_total_changes64(db_) == before ? 0 : sqlite3_changes64(db_);
  }

  // Nothing to save by waiting: no round trip to the file.
  void defer(std::string_view sql, std::span<const Param> params, std::int64_t* changed) override {
    std::int64_t n = execute(sql, params);
    if (changed) *changed += n;
  }
  void flush() override {}
  std::vector<Rows> query_all(std::span<const Query> queries) override {
    std::vector<Rows> out;
    for (const Query& q : queries) out.push_back(query(q.sql, q.params));
    return out;
  }

  std::string_view serial_primary_key() const override { return "INTEGER PRIMARY KEY AUTOINCREMENT"; }

  [[noreturn]] void fail(int rc, std::string_view sql) const {
    std::string message = std::string("SQLite: ") + sqlite3_errmsg(db_) + " (in: " + excerpt(sql) + ")";
    switch (rc & 0xff) {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        throw DbConflict(message + "; another connection holds the lock, retry the transaction");
      case SQLITE_READONLY:
        throw Error(ErrorCode::internal, "store",
                    message + "; the database file or its folder is read-only for this process");
      case SQLITE_FULL:
        throw Error(ErrorCode::internal, "store", message + "; free some disk space, nothing was written");
      default:
        throw Error(ErrorCode::internal, "store", message);
    }
  }

 private:
  // A cached statement bound for one call; reset and unbound on the way out, whatever happens.
  struct Statement {
    Statement(SqliteDb& db, std::string_view sql, std::span<const Param> params) : db(db), sql(sql) {
      stmt = db.prepared(sql);
      int expected = sqlite3_bind_parameter_count(stmt);
      if (expected != static_cast<int>(params.size())) {
        throw Error(ErrorCode::internal, "store",
                    "SQLite: the statement takes " + std::to_string(expected) + " parameters, " +
                        std::to_string(params.size()) + " given (in: " + excerpt(sql) + ")");
      }
      for (int i = 0; i < expected; ++i) bind(i + 1, params[static_cast<std::size_t>(i)]);
    }
    ~Statement() {
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
    }
    void bind(int index, const Param& p) {
      int rc = SQLITE_OK;
      if (auto* n = std::get_if<std::int64_t>(&p)) {
        rc = sqlite3_bind_int64(stmt, index, *n);
      } else if (auto* t = std::get_if<std::string_view>(&p)) {
        // PostgreSQL text cannot hold NUL; refusing it here keeps the two backends alike.
        if (std::memchr(t->data(), 0, t->size())) {
          throw Error(ErrorCode::internal, "store", "a text parameter contains a NUL byte");
        }
        rc = sqlite3_bind_text64(stmt, index, t->data(), t->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(stmt, index);
      }
      if (rc != SQLITE_OK) db.fail(rc, sql);
    }
    int step() {
      int rc = sqlite3_step(stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) db.fail(rc, sql);
      return rc;
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    SqliteDb& db;
    std::string_view sql;
    sqlite3_stmt* stmt = nullptr;
  };

  sqlite3_stmt* prepared(std::string_view sql) {
    if (auto it = cache_.find(sql); it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                &stmt, &tail);
    if (rc != SQLITE_OK) fail(rc, sql);
    if (!stmt) throw Error(ErrorCode::internal, "store", "SQLite: an empty statement");
    std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
    if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
      sqlite3_finalize(stmt);
      throw Error(ErrorCode::internal, "store", "SQLite: one statement at a time (in: " + excerpt(sql) + ")");
    }
    cache_.emplace(std::string(sql), stmt);
    return stmt;
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> cache_;
};

[[noreturn]] void open_failed(sqlite3* db, std::string_view path, int rc) {
  std::string reason = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (int err = db ? sqlite3_system_errno(db) : 0) reason += std::string(" (") + std::strerror(err) + ")";
  bool busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
  sqlite3_close_v2(db);
  std::string message = "cannot open the SQLite database '" + std::string(path) + "': " + reason;
  if (busy) throw DbConflict(message);
  throw Error(ErrorCode::invalid, "url", message);
}

}  // namespace

std::unique_ptr<Db> open_sqlite(std::string_view path, int busy_timeout_ms) {
  std::string file(path);
  sqlite3* db = nullptr;
  // NOMUTEX: a connection belongs to one thread at a time (db.hpp), so SQLite's own locking is wasted.
  int rc = sqlite3_open_v2(file.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) open_failed(db, path, rc);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  // A read-only file opens read-only: it keeps its journal mode, and writes fail with a clear message.
  // synchronous=FULL syncs the WAL at every commit, so a committed transaction survives power loss.
  const char* setup = sqlite3_db_readonly(db, "main") == 1
                          ? "PRAGMA foreign_keys=ON; SELECT count(*) FROM sqlite_schema;"
                          : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
  // The first read also tells a directory or a file that is not a database from a good one.
  rc = sqlite3_exec(db, setup, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) open_failed(db, path, rc);
  return std::make_unique<SqliteDb>(db);
}

}  // namespace backorder::detail
