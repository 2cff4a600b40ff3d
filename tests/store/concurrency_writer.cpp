#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <vector>

#include "concurrency.hpp"
#include "shop.hpp"

namespace backorder::reliability {
namespace {

struct Waiting {
  std::string order_id, line_id;
};

class Writer {
 public:
  Writer(const WriterPlan& plan) : plan_(plan), rng_(static_cast<unsigned>(plan.writer) * 7 + 1) {}

  // The writer's i-th event. Shipments only one at a time: a batch with a refused shipment is refused whole.
  json next(int i) {
    std::string id = "w" + std::to_string(plan_.writer) + "-" + std::to_string(i);
    Instant at = concurrency_start() + 60'000 + (std::int64_t{i} * plan_.writers + plan_.writer) * 1'000;
    json e = {{"id", id}, {"at", iso(at)}};
    int r = static_cast<int>(rng_() % 100);
    if (r >= 75 && !mine_.empty() && plan_.batch == 1) {
      e["type"] = "shipment_created";
      e["order_id"] = mine_.front().order_id;
      e["shipment_id"] = "S" + id;
      e["carrier"] = "UPS";
      e["tracking"] = "1Z" + id;
      e["lines"] = {{{"line_id", mine_.front().line_id}, {"quantity", 1}}};
    } else if (r >= 40) {
      std::string order = "O" + id;
      json lines = {{{"line_id", "1"}, {"sku", kJacket}, {"quantity", 1}}};
      // The scarf line first now and then: a batch's events name the two skus in either order.
      if (rng_() % 2) {
        json scarf = {{"line_id", "2"}, {"sku", kScarf}, {"quantity", 1}};
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(rng_() % 2), scarf);
      }
      e["type"] = "order_placed";
      e["order"] = {{"id", order},
                    {"customer", {{"email", "o" + id + "@example.com"}, {"locale", "en-US"}, {"zone", "US"}}},
                    {"lines", lines}};
      for (const json& l : lines) mine_.push_back({order, l["line_id"]});
    } else {
      e["type"] = "stock_received";
      e["sku"] = rng_() % 10 < 3 ? kJacket : kScarf;
      e["quantity"] = 1;
    }
    return e;
  }

  // After a shipment was applied (true) or refused for want of stock (false).
  void shipped(bool applied) {
    if (applied) {
      mine_.erase(mine_.begin());
    } else {
      std::rotate(mine_.begin(), mine_.begin() + 1, mine_.end());  // wait for stock; ship another first
    }
  }

 private:
  const WriterPlan& plan_;
  std::mt19937 rng_;
  std::vector<Waiting> mine_;  // own order lines not shipped yet, oldest first
};

}  // namespace

int run_concurrent_writer(const std::string& url, const std::string& shop, const WriterPlan& plan,
                          const std::string& out) {
  try {
    auto store = open_store(url, shop);
    std::ofstream log(out);
    Writer writer(plan);
    for (int round = 0, i = 0; round < plan.rounds; ++round) {
      char go = 0;
      if (read(plan.go_fd, &go, 1) != 1) return 4;
      for (int k = 0; k < plan.events; ++k) {
        json events = json::array();
        for (int b = 0; b < plan.batch; ++b) events.push_back(writer.next(i++));
        const bool shipment = events.size() == 1 && events[0]["type"] == "shipment_created";
        try {
          json results = json::parse(store->apply_json(plan.batch == 1 ? events[0].dump() : events.dump()));
          for (const json& r : results["results"]) {
            if (r["status"] != "applied") {
              std::fprintf(stderr, "writer %d: an event was not applied: %s\n", plan.writer,
                           r.dump().c_str());
              return 1;
            }
          }
          for (const json& e : events) log << e.dump() << "\n";
          if (shipment) writer.shipped(true);
        } catch (const Error& err) {
          // Only a shipment may be refused, and only because the shelf is short.
          if (!shipment || err.path() != "lines") throw;
          log << "refused " << events[0].dump() << "\n";
          writer.shipped(false);
        }
      }
      log.flush();
      if (write(plan.done_fd, "d", 1) != 1) return 4;
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "writer %d: %s\n", plan.writer, e.what());
    return 3;
  }
}

}  // namespace backorder::reliability
