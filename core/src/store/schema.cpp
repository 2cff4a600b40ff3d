// The ledger's tables. Every row carries its shop, and every key starts with it: two shops can share a
// database and a query can only ever reach its own shop's rows. Days are day numbers (calendar.hpp),
// instants milliseconds since the epoch.
#include <string>

#include "ledger.hpp"

namespace backorder {
namespace {

constexpr int kSchemaVersion = 6;

std::string version_1(std::string_view serial) {
  std::string s = R"(
CREATE TABLE bo_items (
  shop TEXT NOT NULL, sku TEXT NOT NULL, doc TEXT NOT NULL,
  on_hand BIGINT NOT NULL DEFAULT 0, reserved BIGINT NOT NULL DEFAULT 0, safety_stock BIGINT NOT NULL DEFAULT 0,
  category TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (shop, sku));
CREATE INDEX bo_items_category ON bo_items (shop, category);
CREATE TABLE bo_supply (
  shop TEXT NOT NULL, id TEXT NOT NULL, sku TEXT NOT NULL, quantity BIGINT NOT NULL,
  arrive_from INTEGER NOT NULL, arrive_to INTEGER NOT NULL, status TEXT NOT NULL, supplier TEXT NOT NULL,
  open INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (shop, id));
CREATE INDEX bo_supply_sku ON bo_supply (shop, sku);
CREATE TABLE bo_suppliers (
  shop TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (shop, id));
CREATE TABLE bo_orders (
  shop TEXT NOT NULL, id TEXT NOT NULL, placed_at BIGINT NOT NULL, priority INTEGER NOT NULL,
  email TEXT NOT NULL, name TEXT NOT NULL, locale TEXT NOT NULL, zone TEXT NOT NULL, tier TEXT NOT NULL,
  consent TEXT, strategy TEXT NOT NULL DEFAULT '', remedies TEXT NOT NULL DEFAULT '[]',
  last_update_at BIGINT,
  PRIMARY KEY (shop, id));
CREATE TABLE bo_lines (
  shop TEXT NOT NULL, order_id TEXT NOT NULL, line_id TEXT NOT NULL, sku TEXT NOT NULL,
  quantity BIGINT NOT NULL, shipped BIGINT NOT NULL DEFAULT 0, cancelled BIGINT NOT NULL DEFAULT 0,
  unit_price BIGINT, placed_at BIGINT NOT NULL, priority INTEGER NOT NULL, zone TEXT NOT NULL,
  promised_from INTEGER, promised_to INTEGER,
  ship_from INTEGER, ship_to INTEGER, source TEXT NOT NULL DEFAULT '',
  told_from INTEGER, told_to INTEGER, delay_told INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (shop, order_id, line_id));
CREATE INDEX bo_lines_sku ON bo_lines (shop, sku);
CREATE TABLE bo_shipments (
  shop TEXT NOT NULL, order_id TEXT NOT NULL, id TEXT NOT NULL, carrier TEXT NOT NULL, tracking TEXT NOT NULL,
  at BIGINT NOT NULL, lines TEXT NOT NULL,
  PRIMARY KEY (shop, order_id, id));
CREATE TABLE bo_subscriptions (
  shop TEXT NOT NULL, id TEXT NOT NULL, sku TEXT NOT NULL, contact TEXT NOT NULL, locale TEXT NOT NULL,
  quantity BIGINT NOT NULL, created_at BIGINT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
  times_told INTEGER NOT NULL DEFAULT 0, last_restock TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (shop, id));
CREATE INDEX bo_subscriptions_queue ON bo_subscriptions (shop, sku, active, times_told, created_at, id);
CREATE TABLE bo_events (
  shop TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, at BIGINT NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (shop, id));
CREATE TABLE bo_used_tokens (
  shop TEXT NOT NULL, nonce TEXT NOT NULL,
  PRIMARY KEY (shop, nonce));
CREATE TABLE bo_outbox (
  id SERIAL_PK, shop TEXT NOT NULL, key TEXT NOT NULL, kind TEXT NOT NULL, order_id TEXT NOT NULL,
  recipient TEXT NOT NULL, locale TEXT NOT NULL, subject TEXT NOT NULL, text TEXT NOT NULL, html TEXT NOT NULL,
  data TEXT NOT NULL, created_at BIGINT NOT NULL, available_at BIGINT NOT NULL,
  lease_until BIGINT, attempts INTEGER NOT NULL DEFAULT 0, sent INTEGER NOT NULL DEFAULT 0,
  UNIQUE (shop, key));
CREATE INDEX bo_outbox_due ON bo_outbox (shop, sent, id);
CREATE INDEX bo_outbox_order ON bo_outbox (shop, order_id, sent, id);
)";
  s.replace(s.find("SERIAL_PK"), 9, serial);
  return s;
}

// Easy cancellation: what an order says was paid, and the refund quotes of its cancellations.
constexpr const char* kVersion2 =
    "ALTER TABLE bo_orders ADD COLUMN paid TEXT;"
    "CREATE TABLE bo_refunds (shop TEXT NOT NULL, event_id TEXT NOT NULL, order_id TEXT NOT NULL,"
    " quote TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (shop, event_id));"
    "CREATE INDEX bo_refunds_order ON bo_refunds (shop, order_id)";

// Remedies granted with delay messages, one row each: the budget of a period sums their costs.
constexpr const char* kVersion3 =
    "CREATE TABLE bo_remedy_grants (shop TEXT NOT NULL, order_id TEXT NOT NULL, seq INTEGER NOT NULL,"
    " rule TEXT NOT NULL, kind TEXT NOT NULL, cost BIGINT NOT NULL, granted_at BIGINT NOT NULL,"
    " PRIMARY KEY (shop, order_id, seq));"
    "CREATE INDEX bo_remedy_grants_at ON bo_remedy_grants (shop, granted_at)";

// The waiting lines of a sku, without the shipped and cancelled ones that pile up behind them: every event
// on a sku reads its waiting lines, and through bo_lines_sku that read grew with the sku's whole history
// (bench/store: 43 % more time per event after 30,000 events than after 5,000; the same with this index).
// Both backends use a partial index when the query repeats its condition, as the Store's queries do.
constexpr const char* kVersion4 =
    "CREATE INDEX bo_lines_waiting ON bo_lines (shop, sku) WHERE quantity > shipped + cancelled";

// Compliance scheduling (compliance_ledger.cpp): per order, what the rule packs need that the other columns
// do not hold (the delay notices sent and their answers, a credit application, a date agreed later), as the
// "order" of a compliance check reads it; and the orders with waiting lines, which a tick visits.
constexpr const char* kVersion5 =
    "ALTER TABLE bo_orders ADD COLUMN compliance TEXT NOT NULL DEFAULT '{}';"
    "CREATE INDEX bo_lines_waiting_order ON bo_lines (shop, order_id) WHERE quantity > shipped + cancelled";

// A customer's orders by address: the lifetime value a delay's remedies weigh (remedy_ledger.cpp) read every
// order of the shop without it (bench/store on PostgreSQL: up to 98 ms a delay message when the planner
// guessed wrong, against well under a millisecond through this index).
constexpr const char* kVersion6 = "CREATE INDEX bo_orders_email ON bo_orders (shop, email)";

}  // namespace

void migrate_schema(detail::Db& db) {
  db.begin();
  try {
    db.lock("backorder schema");  // two processes opening a new database at once migrate it once
    db.exec_script("CREATE TABLE IF NOT EXISTS bo_schema (version INTEGER NOT NULL)");
    detail::Rows v = db.query("SELECT version FROM bo_schema");
    int version = v.empty() ? 0 : static_cast<int>(v.integer(0, 0));
    if (version > kSchemaVersion) {
      throw Error(ErrorCode::invalid, "url",
                  "the database has ledger schema version " + std::to_string(version) +
                      ", newer than this library's " + std::to_string(kSchemaVersion) +
                      ": upgrade the library");
    }
    if (version < 1) db.exec_script(version_1(db.serial_primary_key()));
    if (version < 2) db.exec_script(kVersion2);
    if (version < 3) db.exec_script(kVersion3);
    if (version < 4) db.exec_script(kVersion4);
    if (version < 5) db.exec_script(kVersion5);
    if (version < 6) db.exec_script(kVersion6);
    if (version == 0)
      db.execute("INSERT INTO bo_schema (version) VALUES (?)",
                 std::vector<detail::Param>{std::int64_t{kSchemaVersion}});
    else if (version < kSchemaVersion)
      db.execute("UPDATE bo_schema SET version = ?",
                 std::vector<detail::Param>{std::int64_t{kSchemaVersion}});
    db.commit();
  } catch (...) {
    db.rollback();
    throw;
  }
}

}  // namespace backorder
