#include "backorder/promise.hpp"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "backorder/labels.hpp"
#include "backorder/wire.hpp"
#include "test_support.hpp"

using namespace backorder;
using nlohmann::json;

namespace {
Day d(const char* iso) { return parse_day(iso, ""); }

std::string scenario_text() {
  return test::read_file(std::string(BO_EXAMPLES_DIR) + "/apparel/scenario.json");
}

Item item(const std::string& sku, int lo = 10, int hi = 14) {
  Item i;
  i.sku = sku;
  i.lead_min_days = lo;
  i.lead_max_days = hi;
  return i;
}

OrderLine line(const std::string& order, const std::string& sku, std::int64_t qty, Instant placed,
               int priority = 0) {
  return {order, "1", sku, qty, placed, priority, ""};
}

Supply po(const std::string& id, const std::string& sku, std::int64_t qty, const char* from,
          const char* to = nullptr, SupplyStatus status = SupplyStatus::confirmed) {
  return {id, sku, qty, d(from), d(to ? to : from), status, ""};
}

Instant t(int hour) { return test::monday_morning() - 86'400'000LL * 10 + hour * 3'600'000LL; }
}  // namespace

TEST(Promise, TheApparelStory) {
  PromiseBook book = promise_book_from_json(test::apparel_engine(), scenario_text());
  std::vector<std::size_t> queue;
  for (std::size_t i = 0; i < book.line_count(); ++i) queue.push_back(i);
  std::sort(queue.begin(), queue.end(),
            [&](auto a, auto b) { return book.promise(a).lines_ahead < book.promise(b).lines_ahead; });
  ASSERT_EQ(queue.size(), 40u);
  // PO-1001 (30 units) is due Thursday 10 December; Northwind's 95th percentile of lateness is 4 days;
  // receiving and handling take a working day each.
  for (std::size_t n = 0; n < 30; ++n) {
    const LinePromise& p = book.promise(queue[n]);
    EXPECT_EQ(p.ship.from, d("2026-12-14")) << n;
    EXPECT_EQ(p.ship.to, d("2026-12-16")) << n;
    EXPECT_EQ(p.source, Source::inbound);
    EXPECT_EQ(p.lines_ahead, static_cast<std::int64_t>(n));
  }
  for (std::size_t n = 30; n < 40; ++n) {
    const LinePromise& p = book.promise(queue[n]);
    EXPECT_EQ(p.ship.from, d("2026-12-31")) << n;
    EXPECT_EQ(p.ship.to, d("2027-01-06")) << n;
  }
  // The queue is first come, first served: A-1001 was placed first.
  EXPECT_EQ(book.line(queue[0]).order_id, "A-1001");
  Quote q = book.quote("JKT-NAVY-M", 1);
  EXPECT_EQ(q.ship.from, d("2026-12-31"));
  EXPECT_EQ(q.ship.to, d("2027-01-06"));
  EXPECT_EQ(q.lines_ahead, 40);
  EXPECT_EQ(book.supply(static_cast<std::size_t>(q.supply)).id, "PO-1002");

  json deltas = json::parse(
      apply_json(book, R"({"type": "supply_changed", "id": "PO-1001", "expected": "2026-12-15"})"));
  ASSERT_EQ(deltas["deltas"].size(), 30u);
  std::set<std::string> moved;
  for (auto& delta : deltas["deltas"]) {
    moved.insert(delta["order_id"]);
    EXPECT_EQ(delta["before"]["ship"]["from"], "2026-12-14");
    EXPECT_EQ(delta["after"]["ship"]["from"], "2026-12-17");
    EXPECT_EQ(delta["after"]["ship"]["to"], "2026-12-23");
  }
  for (std::size_t n = 0; n < 30; ++n) EXPECT_TRUE(moved.count(std::string(book.line(queue[n]).order_id)));
}

TEST(Promise, LinesSplitAcrossSources) {
  auto engine = test::apparel_engine();
  Facts f;
  f.items = {item("A")};
  f.stock = {{"A", {.on_hand = 5}}};
  f.supply = {po("PO-1", "A", 10, "2026-12-10")};
  f.lines = {line("O1", "A", 8, t(1)), line("O2", "A", 4, t(2)), line("O3", "A", 6, t(3))};
  PromiseBook book(engine, f, test::monday_morning());
  auto parts = book.parts(0);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].source, Source::stock);
  EXPECT_EQ(parts[0].quantity, 5);
  EXPECT_EQ(parts[1].source, Source::inbound);
  EXPECT_EQ(parts[1].quantity, 3);
  EXPECT_EQ(book.promise(0).source, Source::inbound);
  EXPECT_EQ(book.promise(0).confidence, Confidence::medium);
  // O3 needs 6: 3 left on PO-1, then 3 beyond any known supply, from the supplier's lead time.
  auto last = book.parts(2);
  ASSERT_EQ(last.size(), 2u);
  EXPECT_EQ(last[1].source, Source::lead_time);
  EXPECT_EQ(last[1].quantity, 3);
  EXPECT_EQ(book.promise(2).source, Source::lead_time);
  EXPECT_EQ(book.promise(2).confidence, Confidence::low);
  EXPECT_EQ(book.promise(2).units_ahead, 12);
}

TEST(Promise, StockShipsFirstAndPriorityJumpsTheQueue) {
  auto engine = test::apparel_engine();
  Facts f;
  f.items = {item("A")};
  f.stock = {{"A", {.on_hand = 1}}};
  f.supply = {po("PO-1", "A", 5, "2026-12-10")};
  f.lines = {line("O1", "A", 1, t(1)), line("VIP", "A", 1, t(5), 10)};
  PromiseBook book(engine, f, test::monday_morning());
  EXPECT_EQ(book.promise(1).source, Source::stock);  // the priority line takes the unit on hand
  EXPECT_EQ(book.promise(1).ship.from, d("2026-12-01"));
  EXPECT_EQ(book.promise(1).confidence, Confidence::high);
  EXPECT_EQ(book.promise(0).source, Source::inbound);
  EXPECT_EQ(book.promise(0).lines_ahead, 1);
}

TEST(Promise, LateSupplyIsFlaggedAndStartsAtTheNextReceivingDay) {
  auto engine = test::apparel_engine();
  Facts f;
  f.items = {item("A")};
  f.supply = {po("PO-OLD", "A", 5, "2026-11-20")};
  f.lines = {line("O1", "A", 1, t(1))};
  PromiseBook book(engine, f, test::monday_morning());
  EXPECT_TRUE(book.promise(0).late_supply);
  EXPECT_EQ(book.promise(0).confidence, Confidence::low);
  // Next receiving day Tuesday 1 December, then receiving and handling: Thursday 3 December at the earliest.
  EXPECT_EQ(book.promise(0).ship.from, d("2026-12-03"));
}

TEST(Promise, UnconfirmedSupplyIsWidenedMoreAndTrustedLess) {
  auto engine = test::apparel_engine();
  Facts f;
  f.items = {item("A"), item("B")};
  f.supply = {po("PO-A", "A", 5, "2026-12-10"),
              po("PO-B", "B", 5, "2026-12-10", nullptr, SupplyStatus::unconfirmed)};
  PromiseBook book(engine, f, test::monday_morning());
  EXPECT_EQ(book.supply_window(0).to, d("2026-12-16"));  // +2 days: Sat 12 -> Mon 14, +2 working days
  EXPECT_EQ(book.supply_window(1).to, d("2026-12-21"));  // +7 days: Thu 17, +2 working days
  EXPECT_EQ(book.quote("B", 1).confidence, Confidence::low);
  EXPECT_EQ(book.quote("A", 1).confidence, Confidence::medium);
}

TEST(Promise, DeliveryAddsTransitForTheZone) {
  PromiseBook book = promise_book_from_json(test::apparel_engine(), scenario_text());
  Quote us = book.quote("JKT-NAVY-M", 1, "US");
  Quote far = book.quote("JKT-NAVY-M", 1, "EU");
  EXPECT_EQ(us.delivery.from, d("2027-01-05"));  // Dec 31 + 2 working days (New Year's Day is a holiday)
  EXPECT_EQ(far.delivery.from, d("2027-01-08"));
  EXPECT_GT(far.delivery.to, us.delivery.to);
}

TEST(Promise, LabelsUseTheComputedWindows) {
  auto engine = test::apparel_engine();
  json req = json::parse(scenario_text());
  req["locale"] = "en-US";
  json out = json::parse(labels_json(engine, req.dump()));
  json jacket;
  for (auto& l : out["labels"]) {
    if (l["sku"] == "JKT-NAVY-M") jacket = l;
  }
  // A new shopper waits for PO-1002: 31 December to 6 January, not the 10–14 day lead time.
  EXPECT_EQ(jacket["later_window"]["from"], "2026-12-31");
  EXPECT_EQ(jacket["text"], "Backorder – ships in 31–37 days");
  EXPECT_EQ(jacket["merchant"]["availability_date"], "2026-12-31T00:00:00-05:00");
}

TEST(Promise, StockPromisedToWaitingLinesIsNotOfferedAgain) {
  auto engine = test::apparel_engine();
  Facts f;
  f.items = {item("A")};
  f.stock = {{"A", {.on_hand = 3}}};
  f.lines = {line("O1", "A", 2, t(1))};
  PromiseBook book(engine, f, test::monday_morning());
  Availability a = book.availability("A", 1);
  EXPECT_EQ(a.status, Status::low_stock);
  EXPECT_EQ(a.sellable, 1);
  Availability two = book.availability("A", 2);
  EXPECT_EQ(two.ship_now, 1);
  EXPECT_EQ(two.later, 1);
}

TEST(Promise, BadFactsAreRejectedWithPaths) {
  auto engine = test::apparel_engine();
  auto paths = [&](const json& scenario) {
    try {
      promise_book_from_json(engine, scenario.dump());
    } catch (const ValidationError& e) {
      std::set<std::string> out;
      for (const auto& i : e.issues()) out.insert(i.path);
      return out;
    }
    return std::set<std::string>{};
  };
  json s = json::parse(scenario_text());
  s["supply"][0]["quantity"] = -3;
  s["supply"][1]["id"] = "PO-1001";
  s["supply"].push_back({{"id", "PO-9"},
                         {"sku", "NOPE"},
                         {"quantity", 1},
                         {"expected", {{"from", "2026-12-20"}, {"to", "2026-12-10"}}}});
  s["orders"][3]["order_id"] = "A-1001";
  s["orders"][5]["quantity"] = 0;
  EXPECT_EQ(paths(s),
            (std::set<std::string>{"supply[0].quantity", "supply[1].id", "supply[2].sku",
                                   "supply[2].expected", "orders[3].line_id", "orders[5].quantity"}));
}

TEST(Promise, ABadChangeChangesNothing) {
  PromiseBook book = promise_book_from_json(test::apparel_engine(), scenario_text());
  std::string before = promises_json(book);
  for (
      const char* bad :
      {R"({"type": "supply_changed", "id": "PO-404", "quantity": 3})",
       R"({"type": "supply_changed", "id": "PO-1001", "quantity": -3})",
       R"({"type": "supply_changed", "id": "PO-1001", "expected": {"from": "2026-12-20", "to": "2026-12-01"}})",
       R"({"type": "order_placed", "order_id": "A-1001", "line_id": "1", "sku": "JKT-NAVY-M", "quantity": 1, "placed_at": "2026-11-30T10:00:00Z"})",
       R"({"type": "order_placed", "order_id": "B-1", "sku": "NOPE", "quantity": 1, "placed_at": "2026-11-30T10:00:00Z"})",
       R"({"type": "stock_received", "sku": "JKT-NAVY-M", "quantity": 0})",
       R"({"type": "order_cancelled", "order_id": "Z-9"})", R"({"type": "teleport"})", "[1,2"}) {
    EXPECT_THROW(apply_json(book, bad), Error) << bad;
    EXPECT_EQ(promises_json(book), before) << bad;
  }
}

TEST(Promise, ReceivingStockServesTheQueueAndShrinksThePurchaseOrder) {
  PromiseBook book = promise_book_from_json(test::apparel_engine(), scenario_text());
  json deltas = json::parse(apply_json(
      book, R"({"type": "stock_received", "sku": "JKT-NAVY-M", "quantity": 30, "supply_id": "PO-1001"})"));
  EXPECT_EQ(deltas["deltas"].size(), 30u);
  for (auto& dl : deltas["deltas"]) EXPECT_EQ(dl["after"]["source"], "stock");
  json open = json::parse(promises_json(book))["supply"];
  ASSERT_EQ(open.size(), 1u);  // PO-1001 arrived whole
  EXPECT_EQ(open[0]["id"], "PO-1002");
  json cancel = json::parse(apply_json(book, R"({"type": "order_cancelled", "order_id": "A-1001"})"));
  // A-1001 leaves; A-1031 moves up from PO-1002 to the stock it freed.
  ASSERT_EQ(cancel["deltas"].size(), 2u);
  EXPECT_EQ(cancel["deltas"][0]["removed"], true);
  EXPECT_EQ(cancel["deltas"][1]["after"]["source"], "stock");
}

// Random scenarios: the invariants of fair allocation, and incremental changes equal a fresh computation.
TEST(PromiseProperties, RandomScenarios) {
  auto engine = test::apparel_engine();
  std::mt19937 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    Facts f;
    int items = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < items; ++k) {
      std::string sku = "I" + std::to_string(k);
      f.items.push_back(item(sku, static_cast<int>(rng() % 5), 5 + static_cast<int>(rng() % 10)));
      f.stock.push_back({sku,
                         {.on_hand = static_cast<std::int64_t>(rng() % 6),
                          .reserved = static_cast<std::int64_t>(rng() % 2)}});
      int pos = static_cast<int>(rng() % 4);
      for (int s = 0; s < pos; ++s) {
        Day from = d("2026-11-25") + static_cast<Day>(rng() % 40);
        Supply sp{"PO-" + sku + "-" + std::to_string(s),
                  sku,
                  static_cast<std::int64_t>(rng() % 8),
                  from,
                  from + static_cast<Day>(rng() % 6),
                  rng() % 3 ? SupplyStatus::confirmed : SupplyStatus::unconfirmed,
                  ""};
        f.supply.push_back(sp);
      }
    }
    int lines = static_cast<int>(rng() % 25);
    for (int n = 0; n < lines; ++n) {
      f.lines.push_back(line("O" + std::to_string(n), "I" + std::to_string(rng() % items), 1 + rng() % 4,
                             t(static_cast<int>(rng() % 200)), rng() % 5 == 0 ? 1 : 0));
    }
    PromiseBook book(engine, f, test::monday_morning());

    std::map<std::int32_t, std::int64_t> used;
    std::map<std::string, std::int64_t> stock_used;
    std::map<std::string, std::vector<std::size_t>> by_item;
    for (std::size_t i = 0; i < book.line_count(); ++i) {
      std::int64_t sum = 0;
      for (const Part& p : book.parts(i)) {
        sum += p.quantity;
        if (p.source == Source::stock) stock_used[std::string(book.line(i).sku)] += p.quantity;
        if (p.source == Source::inbound) used[p.supply] += p.quantity;
        ASSERT_GT(p.quantity, 0);
      }
      ASSERT_EQ(sum, book.line(i).quantity) << "allocated plus unallocated equals demand";
      by_item[std::string(book.line(i).sku)].push_back(i);
    }
    for (const auto& [s, q] : used) {
      ASSERT_LE(q, book.supply(static_cast<std::size_t>(s)).quantity) << "a unit allocated twice";
    }
    for (const auto& row : f.stock) {
      std::int64_t sellable = std::max<std::int64_t>(0, row.position.on_hand - row.position.reserved);
      ASSERT_LE(stock_used[row.sku], sellable) << "a unit on hand allocated twice";
    }
    for (auto& [sku, idx] : by_item) {
      std::sort(idx.begin(), idx.end(),
                [&](auto a, auto b) { return book.promise(a).lines_ahead < book.promise(b).lines_ahead; });
      for (std::size_t n = 1; n < idx.size(); ++n) {
        const LinePromise &prev = book.promise(idx[n - 1]), &cur = book.promise(idx[n]);
        LineView a = book.line(idx[n - 1]), b = book.line(idx[n]);
        ASSERT_TRUE(a.priority > b.priority || (a.priority == b.priority && a.placed_at <= b.placed_at))
            << "FCFS";
        ASSERT_GE(cur.ship.from, prev.ship.from) << "never earlier further back";
        ASSERT_GE(cur.ship.to, prev.ship.to) << "never earlier further back";
        ASSERT_EQ(cur.units_ahead, prev.units_ahead + a.quantity);
      }
    }

    // A random change applied incrementally must give what a fresh book over the changed facts gives.
    if (f.supply.empty() || f.lines.empty()) continue;
    Facts g = f;
    Change c;
    switch (rng() % 3) {
      case 0: {
        std::size_t s = rng() % f.supply.size();
        c.kind = Change::Kind::supply_changed;
        c.supply.id = f.supply[s].id;
        c.has_arrival = true;
        c.supply.arrive_from = f.supply[s].arrive_from + 5;
        c.supply.arrive_to = f.supply[s].arrive_to + 9;
        g.supply[s].arrive_from = c.supply.arrive_from;
        g.supply[s].arrive_to = c.supply.arrive_to;
        break;
      }
      case 1: {
        c.kind = Change::Kind::order_placed;
        c.line = line("NEW", f.lines[0].sku, 3, t(50));
        g.lines.push_back(c.line);
        break;
      }
      default: {
        std::size_t n = rng() % f.lines.size();
        c.kind = Change::Kind::order_cancelled;
        c.line.order_id = f.lines[n].order_id;
        g.lines.erase(g.lines.begin() + static_cast<long>(n));
        break;
      }
    }
    auto deltas = book.apply(c);
    PromiseBook fresh(engine, g, test::monday_morning());
    std::size_t changed = 0;
    for (std::size_t i = 0; i < fresh.line_count(); ++i) {
      LineView l = fresh.line(i);
      auto j = book.find_line(l.order_id, l.line_id);
      ASSERT_TRUE(j.has_value());
      ASSERT_EQ(book.promise(*j).ship.from, fresh.promise(i).ship.from);
      ASSERT_EQ(book.promise(*j).ship.to, fresh.promise(i).ship.to);
      ASSERT_EQ(book.promise(*j).lines_ahead, fresh.promise(i).lines_ahead);
    }
    for (const Delta& dl : deltas) changed += !dl.removed;
    for (const Delta& dl : deltas) {
      if (!dl.removed) {
        ASSERT_TRUE(dl.before.ship.from != dl.after.ship.from || dl.before.ship.to != dl.after.ship.to);
      }
    }
    (void)changed;
  }
}

TEST(Promise, BeyondKnownSupplyTheNextOrderIsWidenedLikeAnyOther) {
  auto engine = test::apparel_engine();
  Facts f;
  Item a = item("A", 10, 14);
  a.supplier = "northwind";
  a.reorder_on = d("2026-12-03");  // the shop orders this item on Thursdays
  f.items = {a, item("B", 10, 14)};
  f.suppliers = {{"northwind", {0, 1, 2, 3, 4, 5, 6, 0, 0, 0}}};  // 95th percentile: 6 days late
  f.lines = {line("O1", "A", 1, t(1)), line("O2", "B", 1, t(1))};
  PromiseBook book(engine, f, test::monday_morning());
  const LinePromise& pa = book.promise(*book.find_line("O1", "1"));
  EXPECT_EQ(pa.source, Source::lead_time);
  EXPECT_EQ(pa.ship.from, d("2026-12-14"));  // Thursday 3 + 10 = Sunday 13 -> Monday 14
  EXPECT_EQ(pa.ship.to, d("2026-12-23"));    // Thursday 3 + 14 + 6 = Wednesday 23
  const LinePromise& pb = book.promise(*book.find_line("O2", "1"));
  EXPECT_EQ(pb.ship.from, d("2026-12-10"));  // no supplier, no schedule: the plain lead time from today
  EXPECT_EQ(pb.ship.to, d("2026-12-14"));
}

TEST(Promise, LeadTimeCanCountUntilArrival) {
  auto doc = json::parse(test::apparel_policy());
  doc["promise"]["lead_time_counts"] = "until_arrival";
  auto engine = Engine::from_json(doc.dump());
  Labeler l(engine, "en-US", test::monday_morning());
  Label label = l.label(item("J", 10, 14), {});
  // Arrives 10–14 December; receiving and handling take a working day each.
  EXPECT_EQ(label.availability.later_window.from, d("2026-12-14"));
  EXPECT_EQ(label.availability.later_window.to, d("2026-12-16"));
  EXPECT_EQ(label.text->text, "Backorder – ships in 14–16 days");
  doc["promise"]["lead_time_counts"] = "whenever";
  EXPECT_EQ(validate_policy(doc.dump()).at(0).path, "policy.promise.lead_time_counts");
}
