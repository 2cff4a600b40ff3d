// The shared backend: one libpq connection; statements prepared once per connection and kept by their text.
#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/db.hpp"
#include "store/pg_text.hpp"

namespace backorder::detail {
namespace {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string excerpt(std::string_view sql) {
  return std::string(sql.substr(0, 80)) + (sql.size() > 80 ? "..." : "");
}

// libpq's messages end in a newline and may span lines, indented with tabs; one line reads better in ours.
std::string one_line(const char* text) {
  std::string out;
  for (const char* c = text ? text : ""; *c; ++c) {
    bool space = *c == ' ' || *c == '\n' || *c == '\t' || *c == '\r';
    if (!space) {
      out += *c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? "no reason given" : out;
}

bool conflict(std::string_view sqlstate) {
  // deadlock_detected, serialization_failure, lock_not_available (a lock_timeout ran out)
  return sqlstate == "40P01" || sqlstate == "40001" || sqlstate == "55P03";
}

class PostgresDb final : public Db {
 public:
  PostgresDb(PGconn* conn, std::string conninfo) : conn_(conn), conninfo_(std::move(conninfo)) {}
  ~PostgresDb() override { PQfinish(conn_); }

  std::string_view backend() const override { return "postgresql"; }

  void begin() override {
    // The Store serializes writers with lock(), so READ COMMITTED is enough.
    simple("BEGIN");
    in_transaction_ = true;
  }
  void commit() override {
    Result r(PQexec(conn_, "COMMIT"), &PQclear);
    check(r.get(), "COMMIT");
    in_transaction_ = false;
    // COMMIT of a transaction that had failed answers ROLLBACK, not an error.
    if (std::strcmp(PQcmdStatus(r.get()), "ROLLBACK") == 0) {
      throw Error(ErrorCode::internal, "store",
                  "PostgreSQL: the transaction had failed and was rolled back at COMMIT");
    }
  }
  void rollback() noexcept override {
    in_transaction_ = false;
    if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_IDLE) {
      PQclear(PQexec(conn_, "ROLLBACK"));
    }
  }

  void lock(std::string_view key) override {
    Param p[] = {key};
    execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", p);
  }

  void exec_script(std::string_view sql) override { simple(std::string(sql)); }

  Rows query(std::string_view sql, std::span<const Param> params) override {
    Result r = run(sql, params);
    int rows = PQntuples(r.get()), columns = PQnfields(r.get());
    Rows out(columns);
    for (int i = 0; i < rows; ++i) {
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(r.get(), i, c)) {
          out.push(std::nullopt);
        } else {
          out.push(
              std::string(PQgetvalue(r.get(), i, c), static_cast<std::size_t>(PQgetlength(r.get(), i, c))));
        }
      }
    }
    return out;
  }

  std::int64_t execute(std::string_view sql, std::span<const Param> params) override {
    Result r = run(sql, params);
    std::string_view count = PQcmdTuples(r.get());  // "" for statements that change no rows
    std::int64_t n = 0;
    std::from_chars(count.data(), count.data() + count.size(), n);
    return n;
  }

  std::string_view serial_primary_key() const override {
    return "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  }

  // Per session: lost when libpq reconnects, so run again then.
  void setup() { simple("SET client_min_messages = warning"); }

 private:
  struct Prepared {
    std::string name;
    int params = 0;
  };

  // Outside a transaction a lost connection is mended (a restarted server, a dropped idle link); inside one
  // the work is gone and the caller must roll back and retry.
  void connect_if_lost() {
    if (PQstatus(conn_) == CONNECTION_OK) return;
    if (in_transaction_) {
      throw Error(ErrorCode::internal, "store",
                  "PostgreSQL: the connection to the server was lost; the transaction was rolled back");
    }
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
      throw Error(
          ErrorCode::internal, "store",
          "PostgreSQL: cannot reconnect: " + redact_password(one_line(PQerrorMessage(conn_)), conninfo_));
    }
    cache_.clear();  // prepared statements belong to the old session
    setup();
  }

  void simple(const std::string& sql) {
    connect_if_lost();
    Result r(PQexec(conn_, sql.c_str()), &PQclear);
    check(r.get(), sql);
  }

  Result run(std::string_view sql, std::span<const Param> params) {
    connect_if_lost();
    const Prepared& p = prepared(sql);
    if (p.params != static_cast<int>(params.size())) {
      throw Error(ErrorCode::internal, "store",
                  "PostgreSQL: the statement takes " + std::to_string(p.params) + " parameters, " +
                      std::to_string(params.size()) + " given (in: " + excerpt(sql) + ")");
    }
    // Text format throughout: libpq wants NUL-terminated values, so each one is copied.
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (auto* n = std::get_if<std::int64_t>(&params[i])) {
        texts[i] = std::to_string(*n);
      } else if (auto* t = std::get_if<std::string_view>(&params[i])) {
        if (std::memchr(t->data(), 0, t->size())) {
          throw Error(ErrorCode::internal, "store", "a text parameter contains a NUL byte");
        }
        texts[i] = std::string(*t);
      } else {
        continue;  // NULL
      }
      values[i] = texts[i].c_str();
    }
    Result r(PQexecPrepared(conn_, p.name.c_str(), p.params, values.data(), nullptr, nullptr, 0), &PQclear);
    check(r.get(), sql);
    return r;
  }

  const Prepared& prepared(std::string_view sql) {
    if (auto it = cache_.find(sql); it != cache_.end()) return it->second;
    Prepared p{"s" + std::to_string(next_name_++), 0};
    std::string text = pg_placeholders(sql, p.params);
    Result r(PQprepare(conn_, p.name.c_str(), text.c_str(), p.params, nullptr), &PQclear);
    check(r.get(), sql);
    return cache_.emplace(std::string(sql), std::move(p)).first->second;
  }

  void check(const PGresult* r, std::string_view sql) {
    ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string what = sql == "COMMIT"   ? "; whether the transaction committed is unknown"
                         : in_transaction_ ? "; the transaction was rolled back"
                                           : "";
      throw Error(ErrorCode::internal, "store",
                  "PostgreSQL: the connection to the server was lost" + what + " (" +
                      redact_password(one_line(PQerrorMessage(conn_)), conninfo_) + ")");
    }
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const char* detail = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) : nullptr;
    std::string message = "PostgreSQL: " + (primary ? std::string(primary) : one_line(PQerrorMessage(conn_)));
    if (detail) message += std::string(" (") + detail + ")";
    if (state) message += std::string(" [SQLSTATE ") + state + "]";
    message += " (in: " + excerpt(sql) + ")";
    if (state && conflict(state)) throw DbConflict(message + "; retry the transaction");
    throw Error(ErrorCode::internal, "store", message);
  }

  PGconn* conn_;
  std::string conninfo_;  // kept to redact the password from libpq's messages
  std::unordered_map<std::string, Prepared, TextHash, std::equal_to<>> cache_;
  int next_name_ = 0;
  bool in_transaction_ = false;
};

}  // namespace

std::unique_ptr<Db> open_postgres(std::string_view url) {
  std::string info(url);
  PGconn* conn = PQconnectdb(info.c_str());
  if (!conn) throw Error(ErrorCode::invalid, "url", "cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string reason = redact_password(one_line(PQerrorMessage(conn)), info);
    PQfinish(conn);
    throw Error(ErrorCode::invalid, "url", "cannot connect to PostgreSQL: " + reason);
  }
  auto db = std::make_unique<PostgresDb>(conn, std::move(info));
  db->setup();
  return db;
}

}  // namespace backorder::detail
