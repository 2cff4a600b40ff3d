// The shared backend: one libpq connection; statements prepared once per connection and kept by their text;
// deferred statements sent with the next one in pipeline mode (one round trip for all).
#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <set>
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
    // A link lost while idle is mended here, where no work is lost yet.
    connect_if_lost();
    // The Store serializes writers with lock(), so READ COMMITTED is enough. BEGIN goes with the first
    // statement of the transaction.
    pending_.push_back(Call{"BEGIN", nullptr, {}, nullptr});
    in_transaction_ = true;
  }
  void commit() override {
    // What is deferred goes with the COMMIT, in one round trip.
    Result r = send(Call{"COMMIT", nullptr, {}, nullptr});
    in_transaction_ = false;
    held_.clear();
    // COMMIT of a transaction that had failed answers ROLLBACK, not an error.
    if (std::strcmp(PQcmdStatus(r.get()), "ROLLBACK") == 0) {
      throw Error(ErrorCode::internal, "store",
                  "PostgreSQL: the transaction had failed and was rolled back at COMMIT");
    }
  }
  void rollback() noexcept override {
    in_transaction_ = false;
    pending_.clear();  // never sent: nothing to undo
    held_.clear();
    if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_IDLE) {
      PQclear(PQexec(conn_, "ROLLBACK"));
    }
  }

  void lock(std::string_view key) override {
    if (!held_.emplace(key).second) return;  // advisory locks nest: once is enough
    Param p[] = {key};
    defer("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", p, nullptr);
  }

  void exec_script(std::string_view sql) override {
    flush();
    simple(std::string(sql));
  }

  Rows query(std::string_view sql, std::span<const Param> params) override {
    return rows(send(call(sql, params, nullptr)).get());
  }

  std::vector<Rows> query_all(std::span<const Query> queries) override {
    if (queries.empty()) return {};
    const std::size_t first = pending_.size();  // the answers before it are the deferred statements'
    for (const Query& q : queries) pending_.push_back(call(q.sql, q.params, nullptr));
    std::vector<Call> calls = std::move(pending_);
    pending_.clear();
    std::vector<Result> results;
    pipeline(calls, &results);
    std::vector<Rows> out;
    for (std::size_t i = first; i < results.size(); ++i) out.push_back(rows(results[i].get()));
    return out;
  }

  static Rows rows(const PGresult* r) {
    int rows = PQntuples(r), columns = PQnfields(r);
    Rows out(columns);
    for (int i = 0; i < rows; ++i) {
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(r, i, c)) {
          out.push(std::nullopt);
        } else {
          out.push(std::string(PQgetvalue(r, i, c), static_cast<std::size_t>(PQgetlength(r, i, c))));
        }
      }
    }
    return out;
  }

  std::int64_t execute(std::string_view sql, std::span<const Param> params) override {
    return changed(send(call(sql, params, nullptr)).get());
  }

  void defer(std::string_view sql, std::span<const Param> params, std::int64_t* changed) override {
    pending_.push_back(call(sql, params, changed));
  }

  void flush() override {
    if (pending_.empty()) return;
    std::vector<Call> calls = std::move(pending_);
    pending_.clear();
    pipeline(calls);
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
  // One statement to send: a prepared one with its parameters in text (nullopt: NULL), or, without
  // `prepared`, `sql` as it stands (BEGIN, COMMIT).
  struct Call {
    std::string_view sql;  // the cache's key or a literal: outlives the call
    const Prepared* prepared = nullptr;
    std::vector<std::optional<std::string>> params;
    std::int64_t* changed = nullptr;  // deferred calls: where their count goes
  };

  // At most this many statements per round trip: what either side buffers stays bounded.
  static constexpr std::size_t kChunk = 256;

  static std::int64_t changed(const PGresult* r) {
    std::string_view count = PQcmdTuples(const_cast<PGresult*>(r));  // "" for statements that change none
    std::int64_t n = 0;
    std::from_chars(count.data(), count.data() + count.size(), n);
    return n;
  }

  // Outside a transaction a lost connection is mended (a restarted server, a dropped idle link); inside one
  // the work is gone and the caller must roll back and retry.
  void connect_if_lost() {
    if (PQstatus(conn_) == CONNECTION_OK) return;
    if (in_transaction_ || !pending_.empty()) {
      pending_.clear();  // they named the old session's statements
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

  Call call(std::string_view sql, std::span<const Param> params, std::int64_t* changed) {
    connect_if_lost();
    const Prepared& p = prepared(sql);
    if (p.params != static_cast<int>(params.size())) {
      throw Error(ErrorCode::internal, "store",
                  "PostgreSQL: the statement takes " + std::to_string(p.params) + " parameters, " +
                      std::to_string(params.size()) + " given (in: " + excerpt(sql) + ")");
    }
    Call c{cache_.find(sql)->first, &p, {}, changed};
    // Text format throughout: libpq wants NUL-terminated values, so each one is copied.
    c.params.resize(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (auto* n = std::get_if<std::int64_t>(&params[i])) {
        c.params[i] = std::to_string(*n);
      } else if (auto* t = std::get_if<std::string_view>(&params[i])) {
        if (std::memchr(t->data(), 0, t->size())) {
          throw Error(ErrorCode::internal, "store", "a text parameter contains a NUL byte");
        }
        c.params[i] = std::string(*t);
      }
    }
    return c;
  }

  // Runs `last` after what was deferred: alone as before, or all of them in one round trip.
  Result send(Call last) {
    connect_if_lost();
    if (pending_.empty()) {
      std::vector<const char*> values = texts(last);
      Result r(last.prepared ? PQexecPrepared(conn_, last.prepared->name.c_str(), last.prepared->params,
                                              values.data(), nullptr, nullptr, 0)
                             : PQexec(conn_, std::string(last.sql).c_str()),
               &PQclear);
      check(r.get(), last.sql);
      return r;
    }
    std::vector<Call> calls = std::move(pending_);
    pending_.clear();
    calls.push_back(std::move(last));
    return pipeline(calls);
  }

  static std::vector<const char*> texts(const Call& c) {
    std::vector<const char*> values(c.params.size(), nullptr);
    for (std::size_t i = 0; i < c.params.size(); ++i)
      if (c.params[i]) values[i] = c.params[i]->c_str();
    return values;
  }

  // Sends `calls` in pipeline mode, a round trip per kChunk of them, and returns the last one's result (with
  // `all`, every result goes there instead). The
  // server runs them in order and skips the rest of a chunk after an error; the first error is thrown once
  // every answer is read and the connection is out of pipeline mode again.
  Result pipeline(const std::vector<Call>& calls, std::vector<Result>* all = nullptr) {
    if (PQenterPipelineMode(conn_) != 1) check(nullptr, calls.front().sql);
    Result last(nullptr, &PQclear);
    std::exception_ptr error;
    for (std::size_t done = 0; done < calls.size() && !error;) {
      const std::size_t end = std::min(calls.size(), done + kChunk);
      std::size_t sent = done;
      for (; sent < end; ++sent) {
        const Call& c = calls[sent];
        std::vector<const char*> values = texts(c);
        int ok = c.prepared ? PQsendQueryPrepared(conn_, c.prepared->name.c_str(), c.prepared->params,
                                                  values.data(), nullptr, nullptr, 0)
                            : PQsendQueryParams(conn_, std::string(c.sql).c_str(), 0, nullptr, nullptr,
                                                nullptr, nullptr, 0);
        if (!ok) break;
      }
      const bool synced = PQpipelineSync(conn_) == 1;
      for (std::size_t i = done; i <= sent && i < end; ++i) {
        Result r(i < sent ? PQgetResult(conn_) : nullptr, &PQclear);  // i == sent: it failed to go out
        if (r) {
          while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);  // up to the NULL that ends each one
        }
        if (!error) {
          try {
            check(r.get(), calls[i].sql);
            if (calls[i].changed) *calls[i].changed += changed(r.get());
          } catch (...) {
            error = std::current_exception();
          }
        }
        if (all) {
          all->push_back(std::move(r));
        } else if (i + 1 == calls.size()) {
          last = std::move(r);
        }
      }
      if (synced) {
        while (PGresult* r = PQgetResult(conn_)) {  // up to the sync
          bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
          PQclear(r);
          if (sync) break;
        }
      }
      done = end;
    }
    PQexitPipelineMode(conn_);
    if (error) std::rethrow_exception(error);
    return last;
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
  std::vector<Call> pending_;                // deferred: sent with the next statement
  std::set<std::string, std::less<>> held_;  // lock keys taken in this transaction
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
