// The Store's database layer on every backend: SQLite in a file and in memory, and PostgreSQL when
// BO_TEST_POSTGRES_URL names a server (scripts/pg.sh start DIR prints one; scripts/test.sh sets it).
#include "store/db.hpp"

#include <gtest/gtest.h>
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <thread>

namespace backorder::detail {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const char* pg_url() {
  const char* url = std::getenv("BO_TEST_POSTGRES_URL");
  return url && *url ? url : nullptr;
}

constexpr const char* kNoServer =
    "BO_TEST_POSTGRES_URL is not set; `bash scripts/pg.sh start DIR` prints one";

// Unique across the test processes ctest runs side by side, and across runs that left debris behind.
std::string unique_name() {
  static std::atomic<int> counter{0};
  static const unsigned salt = std::random_device{}();
  return std::to_string(getpid()) + "_" + std::to_string(salt % 100000) + "_" + std::to_string(counter++);
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("bo_db_" + unique_name());
  TempDir() { fs::create_directories(path); }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

// A fresh schema per test on the shared PostgreSQL database; its connections find their tables through the
// URL's search_path, which libpq sends again when it reconnects.
class PgSchema {
 public:
  PgSchema() : name_("bo_test_" + unique_name()) {
    open_postgres(pg_url())->exec_script("CREATE SCHEMA " + name_);
  }
  ~PgSchema() {
    try {
      open_postgres(pg_url())->exec_script("DROP SCHEMA " + name_ + " CASCADE");
    } catch (...) {
    }
  }
  std::unique_ptr<Db> open() const {
    std::string url = pg_url();
    if (url.starts_with("postgres")) {
      url += (url.find('?') == std::string::npos ? "?" : "&") + std::string("options=-c%20search_path%3D") +
             name_;
    } else {
      url += " options='-c search_path=" + name_ + "'";
    }
    return open_postgres(url);
  }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

// Runs f on its own thread; join() rethrows what it threw.
class Worker {
 public:
  explicit Worker(std::function<void()> f)
      : thread_([this, f = std::move(f)] {
          try {
            f();
          } catch (...) {
            error_ = std::current_exception();
          }
        }) {}
  ~Worker() {
    if (thread_.joinable()) thread_.join();
  }
  void join() {
    thread_.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  std::exception_ptr error_;
  std::thread thread_;  // last: starts once error_ exists
};

class DbTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      if (!pg_url()) GTEST_SKIP() << kNoServer;
      schema_.emplace();
    } else if (GetParam() == "sqlite_file") {
      dir_.emplace();
    }
  }

  std::unique_ptr<Db> open(int busy_timeout_ms = 5000) {
    if (schema_) return schema_->open();
    if (dir_) return open_sqlite((dir_->path / "ledger.db").string(), busy_timeout_ms);
    return open_sqlite(":memory:", busy_timeout_ms);
  }
  // Two connections see one database (not so for two in-memory SQLite databases).
  bool shared() const { return GetParam() != "sqlite_memory"; }
  bool postgres() const { return GetParam() == "postgresql"; }
  // Advisory lock keys are database-wide: keep this test's apart from a parallel process's.
  std::string key(const std::string& name) const { return (schema_ ? schema_->name() : "") + "/" + name; }

  std::optional<TempDir> dir_;
  std::optional<PgSchema> schema_;
};

std::string table_ddl(Db& db, const std::string& rest) {
  return "CREATE TABLE " + rest.substr(0, rest.find('(')) + "(id " + std::string(db.serial_primary_key()) +
         ", " + rest.substr(rest.find('(') + 1);
}

TEST_P(DbTest, RoundTripsNullIntegersAndText) {
  auto db = open();
  db->exec_script(table_ddl(*db, "vals (n BIGINT, s TEXT)"));
  const std::string utf8 = "Grüße – 日本語 🧥";
  const std::string quotes = "O'Brien said \"it's\" ready; -- not a comment ? /* nor this */ ''";
  Param rows[][2] = {{nullptr, nullptr},
                     {std::int64_t{0}, std::string_view("")},
                     {INT64_MIN, std::string_view(utf8)},
                     {INT64_MAX, std::string_view(quotes)}};
  for (auto& row : rows) EXPECT_EQ(db->execute("INSERT INTO vals (n, s) VALUES (?, ?)", row), 1);

  Rows got = db->query("SELECT n, s FROM vals ORDER BY id");
  ASSERT_EQ(got.size(), 4u);
  EXPECT_TRUE(got.null(0, 0));
  EXPECT_TRUE(got.null(0, 1));
  EXPECT_EQ(got.integer(0, 0), 0);
  EXPECT_EQ(got.text(0, 1), "");
  EXPECT_FALSE(got.null(1, 0));
  EXPECT_FALSE(got.null(1, 1));  // an empty string is not NULL
  EXPECT_EQ(got.text(1, 1), "");
  EXPECT_EQ(got.integer(2, 0), INT64_MIN);
  EXPECT_EQ(got.text(2, 1), utf8);
  EXPECT_EQ(got.integer(3, 0), INT64_MAX);
  EXPECT_EQ(got.text(3, 1), quotes);
  EXPECT_THROW(got.integer(2, 1), Error);

  Param by_text[] = {std::string_view(quotes)};
  EXPECT_EQ(db->query("SELECT n FROM vals WHERE s = ?", by_text).integer(0, 0), INT64_MAX);

  // A `?` inside a literal or a comment is text, not a placeholder.
  Param seven[] = {std::int64_t{7}};
  Rows lit = db->query("SELECT 'what?', 'it''s ?', ? /* ? */ -- ?\n", seven);
  ASSERT_EQ(lit.size(), 1u);
  EXPECT_EQ(lit.text(0, 0), "what?");
  EXPECT_EQ(lit.text(0, 1), "it's ?");
  EXPECT_EQ(lit.integer(0, 2), 7);

  Param nul[] = {std::string_view("a\0b", 3)};
  EXPECT_THROW(db->query("SELECT ?", nul), Error);
}

TEST_P(DbTest, StatementsAreCachedAndSurviveFailures) {
  auto db = open();
  db->exec_script("CREATE TABLE stock (sku TEXT PRIMARY KEY, qty BIGINT NOT NULL)");
  const char* insert = "INSERT INTO stock (sku, qty) VALUES (?, ?)";
  for (int i = 0; i < 100; ++i) {
    std::string sku = "SKU-" + std::to_string(i);
    Param p[] = {std::string_view(sku), std::int64_t{i}};
    ASSERT_EQ(db->execute(insert, p), 1);
  }
  // A failed run (a duplicate key) and a wrong parameter count leave the cached statement usable.
  Param duplicate[] = {std::string_view("SKU-1"), std::int64_t{5}};
  EXPECT_THROW(db->execute(insert, duplicate), Error);
  Param too_few[] = {std::string_view("SKU-X")};
  EXPECT_THROW(db->execute(insert, too_few), Error);
  Param fresh[] = {std::string_view("SKU-X"), std::int64_t{5}};
  EXPECT_EQ(db->execute(insert, fresh), 1);

  for (int i = 0; i < 100; ++i) {
    std::string sku = "SKU-" + std::to_string(i);
    Param p[] = {std::string_view(sku)};
    ASSERT_EQ(db->query("SELECT qty FROM stock WHERE sku = ?", p).integer(0, 0), i);
  }
  Param hundred[] = {std::int64_t{100}};
  EXPECT_EQ(db->execute("UPDATE stock SET qty = qty + 1 WHERE qty < ?", hundred), 101);
  EXPECT_EQ(db->execute("CREATE TABLE other (x BIGINT)"), 0);  // not the last UPDATE's count

  if (postgres()) {
    // One server-side statement per SQL text, however often it ran.
    Rows n =
        db->query("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO stock%'");
    EXPECT_EQ(n.integer(0, 0), 1);
  }
  // Statements were reset after use: none still reads the table it is asked to drop.
  db->exec_script("DROP TABLE stock");
}

TEST_P(DbTest, CommitKeepsAndRollbackUndoes) {
  auto db = open();
  db->exec_script("CREATE TABLE notes (body TEXT NOT NULL)");
  db->rollback();  // harmless outside a transaction
  db->begin();
  db->execute("INSERT INTO notes VALUES ('kept')");
  db->commit();
  db->begin();
  db->execute("INSERT INTO notes VALUES ('undone')");
  db->rollback();
  db->rollback();

  // A failed statement inside a transaction: the caller rolls back, and nothing of it stays.
  db->begin();
  db->execute("INSERT INTO notes VALUES ('half')");
  EXPECT_THROW(db->execute("INSERT INTO notes VALUES (NULL)"), Error);
  db->rollback();

  Rows rows = db->query("SELECT body FROM notes");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows.text(0, 0), "kept");
  if (shared()) {
    EXPECT_EQ(open()->query("SELECT count(*) FROM notes").integer(0, 0), 1);
  }
}

// Deferred statements run in order before the next statement (on PostgreSQL in the same round trip, more
// than one pipeline chunk here), count what they changed, and fail with the failing statement quoted.
TEST_P(DbTest, DeferredStatementsRunInOrderAndCount) {
  auto db = open();
  db->exec_script("CREATE TABLE log (n BIGINT PRIMARY KEY, note TEXT NOT NULL)");
  db->begin();
  std::int64_t inserted = 0, updated = 0;
  for (int i = 0; i < 600; ++i) {
    Param p[] = {std::int64_t{i}, std::string_view("first")};
    db->defer("INSERT INTO log (n, note) VALUES (?, ?) ON CONFLICT (n) DO NOTHING", p, &inserted);
  }
  Param again[] = {std::int64_t{7}, std::string_view("again")};  // a duplicate: changes nothing
  db->defer("INSERT INTO log (n, note) VALUES (?, ?) ON CONFLICT (n) DO NOTHING", again, &inserted);
  Param later[] = {std::string_view("later"), std::int64_t{300}};
  db->defer("UPDATE log SET note = ? WHERE n >= ?", later, &updated);
  // The read sees every deferred write before it, in their order.
  EXPECT_EQ(db->query("SELECT count(*) FROM log WHERE note = 'later'").integer(0, 0), 300);
  EXPECT_EQ(inserted, 600);
  EXPECT_EQ(updated, 300);
  db->commit();
  EXPECT_EQ(db->query("SELECT count(*) FROM log").integer(0, 0), 600);

  // Reads sent together answer in their order, after what was deferred before them.
  db->defer("UPDATE log SET note = 'last' WHERE n = 599");
  Db::Query reads[] = {{"SELECT count(*) FROM log WHERE n < ?", {std::int64_t{10}}},
                       {"SELECT note FROM log WHERE n = ?", {std::int64_t{599}}},
                       {"SELECT note FROM log WHERE n = ?", {std::int64_t{5000}}}};
  std::vector<Rows> answers = db->query_all(reads);
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers[0].integer(0, 0), 10);
  EXPECT_EQ(answers[1].text(0, 0), "last");
  EXPECT_TRUE(answers[2].empty());

  // A deferred statement that fails: the error comes at the next statement, quoting the one that failed;
  // the caller rolls back and nothing of the transaction stays.
  db->begin();
  Param fresh[] = {std::int64_t{1000}, std::string_view("gone")};
  db->defer("INSERT INTO log (n, note) VALUES (?, ?) ON CONFLICT (n) DO NOTHING", fresh);
  Param duplicate[] = {std::int64_t{1}, std::string_view("clash")};
  try {
    db->defer("INSERT INTO log (n, note) VALUES (?, ?)", duplicate);  // SQLite fails here
    db->flush();                                                      // PostgreSQL here
    FAIL() << "a duplicate key was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::internal);
    EXPECT_NE(std::string(e.what()).find("INSERT INTO log (n, note) VALUES (?, ?)"), std::string::npos)
        << e.what();
  }
  db->rollback();
  EXPECT_EQ(db->query("SELECT count(*) FROM log").integer(0, 0), 600);

  // Rolled back before they were sent: never run.
  db->begin();
  db->defer("DELETE FROM log");
  db->rollback();
  EXPECT_EQ(db->query("SELECT count(*) FROM log").integer(0, 0), 600);
}

TEST_P(DbTest, ExecScriptRunsSeveralStatements) {
  auto db = open();
  db->exec_script(
      "CREATE TABLE a (x BIGINT);\n"
      "CREATE TABLE b (y TEXT);\n"
      "INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);");
  EXPECT_EQ(db->query("SELECT sum(x) FROM a").integer(0, 0), 3);
  EXPECT_TRUE(db->query("SELECT y FROM b").empty());
}

TEST_P(DbTest, ErrorsAreStoreErrorsThatQuoteTheStatement) {
  auto db = open();
  try {
    db->query("SELEC nothing");
    FAIL() << "a syntax error was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::internal);
    EXPECT_EQ(e.path(), "store");
    EXPECT_NE(std::string(e.what()).find("SELEC nothing"), std::string::npos) << e.what();
    EXPECT_EQ(dynamic_cast<const DbConflict*>(&e), nullptr) << "not a conflict: a retry will not help";
  }
}

TEST_P(DbTest, SerialPrimaryKeyNumbersRows) {
  auto db = open();
  db->exec_script("CREATE TABLE events (id " + std::string(db->serial_primary_key()) +
                  ", name TEXT NOT NULL)");
  for (std::int64_t expected = 1; expected <= 3; ++expected) {
    std::string name = "event " + std::to_string(expected);
    Param p[] = {std::string_view(name)};
    Rows id = db->query("INSERT INTO events (name) VALUES (?) RETURNING id", p);
    ASSERT_EQ(id.size(), 1u);
    EXPECT_EQ(id.integer(0, 0), expected);
  }
}

// Two connections to one database: not for SQLite in memory, where each connection has its own.
class DbSharedTest : public DbTest {};

TEST_P(DbSharedTest, SecondWriterWaitsForTheFirst) {
  auto a = open();
  auto b = open(5000);
  a->exec_script("CREATE TABLE counter (n BIGINT NOT NULL); INSERT INTO counter VALUES (0);");
  a->begin();
  a->lock(key("counter"));
  a->execute("UPDATE counter SET n = n + 1");

  // SQLite: b's BEGIN IMMEDIATE waits (busy timeout); PostgreSQL: its advisory lock waits.
  std::atomic<bool> inside{false};
  std::int64_t seen = -1;
  Worker w([&] {
    b->begin();
    b->lock(key("counter"));
    b->flush();  // PostgreSQL defers the lock to the next statement; here it must wait
    inside = true;
    seen = b->query("SELECT n FROM counter").integer(0, 0);
    b->execute("UPDATE counter SET n = n + 1");
    b->commit();
  });
  std::this_thread::sleep_for(300ms);
  EXPECT_FALSE(inside) << "the second writer did not wait";
  a->commit();
  w.join();
  EXPECT_EQ(seen, 1) << "the second writer read before the first committed";
  EXPECT_EQ(a->query("SELECT n FROM counter").integer(0, 0), 2);
}

TEST_P(DbSharedTest, WriterThatCannotWaitGetsDbConflict) {
  auto a = open();
  auto b = open(100);
  a->exec_script("CREATE TABLE t (x BIGINT)");
  if (postgres()) b->exec_script("SET lock_timeout = '100ms'");
  a->begin();
  a->lock(key("t"));
  a->flush();
  auto second = [&] {
    b->begin();
    b->lock(key("t"));
    b->flush();  // where a deferred lock is taken, and its conflict shows
  };
  EXPECT_THROW(second(), DbConflict);
  b->rollback();
  a->commit();
  second();  // a retry after the first writer is done goes through
  b->execute("INSERT INTO t VALUES (1)");
  b->commit();
}

TEST_P(DbSharedTest, LockedReadModifyWriteLosesNoUpdate) {
  open()->exec_script("CREATE TABLE counter (n BIGINT NOT NULL); INSERT INTO counter VALUES (0);");
  constexpr int kRounds = 40;
  // Read, compute in the client, write back: without the lock, READ COMMITTED would lose updates.
  auto writer = [&] {
    auto db = open(5000);
    for (int i = 0; i < kRounds; ++i) {
      for (;;) {
        try {
          db->begin();
          db->lock(key("counter"));
          Param next[] = {db->query("SELECT n FROM counter").integer(0, 0) + 1};
          db->execute("UPDATE counter SET n = ?", next);
          db->commit();
          break;
        } catch (const DbConflict&) {
          db->rollback();
        }
      }
    }
  };
  Worker one(writer), two(writer);
  one.join();
  two.join();
  EXPECT_EQ(open()->query("SELECT n FROM counter").integer(0, 0), 2 * kRounds);
}

INSTANTIATE_TEST_SUITE_P(Backends, DbTest, ::testing::Values("sqlite_file", "sqlite_memory", "postgresql"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, DbSharedTest, ::testing::Values("sqlite_file", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST(DbSqliteTest, OpenErrorsAreInvalidUrl) {
  TempDir dir;
  std::ofstream(dir.path / "notes.txt") << "this is not a database, it is a text file of some length\n";
  for (fs::path bad : {dir.path, dir.path / "missing" / "ledger.db", dir.path / "notes.txt"}) {
    try {
      open_sqlite(bad.string(), 100);
      ADD_FAILURE() << bad << " opened";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid) << e.what();
      EXPECT_EQ(e.path(), "url");
      EXPECT_NE(std::string(e.what()).find(bad.string()), std::string::npos) << e.what();
    }
  }
}

TEST(DbSqliteTest, ReadOnlyFileFailsClearlyAndKeepsData) {
  TempDir dir;
  std::string path = (dir.path / "ledger.db").string();
  open_sqlite(path, 100)->exec_script("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept');");
  // The folder stays writable (WAL needs its index beside the file); the file itself is read-only.
  fs::permissions(dir.path, fs::perms::all);
  fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  // Root writes through permission bits: the check runs in a child process as nobody.
  EXPECT_EXIT(
      {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) std::_Exit(2);
        try {
          auto db = open_sqlite(path, 100);
          if (db->query("SELECT x FROM t").text(0, 0) != "kept") std::_Exit(3);
          db->begin();
          db->execute("INSERT INTO t VALUES ('lost')");
          db->commit();
          std::_Exit(4);
        } catch (const Error& e) {
          std::fprintf(stderr, "%d %s: %s\n", static_cast<int>(e.code()), e.path().c_str(), e.what());
          std::_Exit(0);
        }
      },
      ::testing::ExitedWithCode(0), "-1 store: SQLite: attempt to write a readonly database.*read-only");
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  Rows rows = open_sqlite(path, 100)->query("SELECT x FROM t");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows.text(0, 0), "kept");
}

TEST(DbSqliteTest, FullDiskFailsClearlyAndKeepsData) {
  TempDir dir;
  std::string path = (dir.path / "ledger.db").string();
  {
    auto db = open_sqlite(path, 100);
    db->exec_script("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept');");
    // A page limit stands in for a full disk: SQLite answers both with SQLITE_FULL.
    std::int64_t pages = db->query("PRAGMA page_count").integer(0, 0);
    db->exec_script("PRAGMA max_page_count = " + std::to_string(pages + 1));
    std::string big(200000, 'x');
    Param p[] = {std::string_view(big)};
    db->begin();
    try {
      db->execute("INSERT INTO t VALUES (?)", p);
      FAIL() << "the insert fit";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::internal);
      EXPECT_EQ(e.path(), "store");
      EXPECT_NE(std::string(e.what()).find("full"), std::string::npos) << e.what();
    }
    db->rollback();
    EXPECT_EQ(db->query("SELECT count(*) FROM t").integer(0, 0), 1);
  }
  Rows rows = open_sqlite(path, 100)->query("SELECT x FROM t");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows.text(0, 0), "kept");
}

// Needs no server: every one of these fails before or at connecting.
TEST(DbPostgresTest, OpenErrorsAreInvalidUrlWithoutThePassword) {
  const char* urls[] = {
      "postgresql://bob:s3cr3t-Pw@/backorder?host=/nonexistent-bo-dir&port=5999",
      "postgresql://bob:s3cr3t-Pw@localhost:notaport/db",
      "postgresql://bob:s3cr3t%zzPw@/db?host=/nonexistent-bo-dir",
      "postgresql://bob:s3cr/3t-Pw@localhost/db",
      "postgresql:///db?host=/nonexistent-bo-dir&password=s3cr3t-Pw&sslmode=sometimes",
      "host=/nonexistent-bo-dir port=5999 user=bob password='s3cr3t Pw' bogus=1",
      "host=/nonexistent-bo-dir port=5999 user=bob password=s3cr3t-Pw",
  };
  for (const char* url : urls) {
    try {
      open_postgres(url);
      ADD_FAILURE() << url << " connected";
    } catch (const Error& e) {
      std::string message = e.what();
      EXPECT_EQ(e.code(), ErrorCode::invalid) << message;
      EXPECT_EQ(e.path(), "url");
      EXPECT_NE(message.find("cannot connect to PostgreSQL: "), std::string::npos) << message;
      EXPECT_EQ(message.find("s3cr"), std::string::npos) << message;
      EXPECT_EQ(message.find("Pw"), std::string::npos) << message;
    }
  }
}

class DbPostgresServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!pg_url()) GTEST_SKIP() << kNoServer;
    schema_.emplace();
  }
  std::optional<PgSchema> schema_;
};

TEST_F(DbPostgresServerTest, UnknownDatabaseIsInvalidUrlWithoutThePassword) {
  std::string url = pg_url();
  ASSERT_TRUE(url.starts_with("postgresql://postgres@/backorder?")) << "a URL from scripts/pg.sh";
  url.replace(url.find("@/backorder?"), 12, ":s3cr3t-Pw@/no_such_db_" + schema_->name() + "?");
  try {
    open_postgres(url);
    FAIL() << "connected to a database that does not exist";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid);
    EXPECT_EQ(e.path(), "url");
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("s3cr3t"), std::string::npos) << e.what();
  }
}

TEST_F(DbPostgresServerTest, NoticesStayQuiet) {
  auto db = schema_->open();
  ::testing::internal::CaptureStderr();
  db->execute("DROP TABLE IF EXISTS no_such_table");  // a NOTICE below client_min_messages
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST_F(DbPostgresServerTest, DeadlockIsDbConflict) {
  auto a = schema_->open(), b = schema_->open();
  std::string k1 = schema_->name() + "/1", k2 = schema_->name() + "/2";
  a->begin();
  a->lock(k1);
  a->flush();
  b->begin();
  b->lock(k2);
  b->flush();
  std::exception_ptr a_error, b_error;
  std::thread t([&] {
    try {
      a->lock(k2);
      a->flush();
    } catch (...) {
      a_error = std::current_exception();
    }
  });
  std::this_thread::sleep_for(100ms);
  try {
    b->lock(k1);  // the server finds the cycle after deadlock_timeout (1 s) and aborts one side
    b->flush();
  } catch (...) {
    b_error = std::current_exception();
  }
  // The survivor holds both keys until it ends: the victim rolls back first, then the survivor commits.
  if (b_error) b->rollback();
  t.join();
  if (a_error) a->rollback();
  ASSERT_TRUE(static_cast<bool>(a_error) != static_cast<bool>(b_error)) << "exactly one side is the victim";
  try {
    std::rethrow_exception(a_error ? a_error : b_error);
  } catch (const DbConflict& e) {
    EXPECT_NE(std::string(e.what()).find("40P01"), std::string::npos) << e.what();
  }
  if (!a_error) a->commit();
  if (!b_error) b->commit();
}

TEST_F(DbPostgresServerTest, LostConnectionMidTransactionIsAClearError) {
  auto a = schema_->open();
  auto killer = schema_->open();
  a->exec_script("CREATE TABLE t (x TEXT)");
  Param pid[] = {a->query("SELECT pg_backend_pid()").integer(0, 0)};
  a->begin();
  a->execute("INSERT INTO t VALUES ('lost')");
  EXPECT_EQ(killer->query("SELECT pg_terminate_backend(?)", pid).text(0, 0), "t");
  for (int attempt = 0; attempt < 2; ++attempt) {  // and again until the caller rolls back
    try {
      a->execute("INSERT INTO t VALUES ('more')");
      FAIL() << "wrote over a terminated connection";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::internal);
      EXPECT_EQ(dynamic_cast<const DbConflict*>(&e), nullptr);
      EXPECT_NE(
          std::string(e.what()).find("connection to the server was lost; the transaction was rolled back"),
          std::string::npos)
          << e.what();
    }
  }
  a->rollback();
  // The next transaction reconnects, search_path and all.
  a->begin();
  a->execute("INSERT INTO t VALUES ('after')");
  a->commit();
  Rows rows = killer->query("SELECT x FROM t");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows.text(0, 0), "after");
}

}  // namespace
}  // namespace backorder::detail
