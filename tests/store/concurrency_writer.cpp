#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <vector>

#include "concurrency.hpp"
#include "shop.hpp"

namespace backorder::reliability {

int run_concurrent_writer(const std::string& url, const std::string& shop, const WriterPlan& plan,
                          const std::string& out) {
  try {
    auto store = open_store(url, shop);
    std::ofstream log(out);
    std::mt19937 rng(static_cast<unsigned>(plan.writer) * 7 + 1);
    struct Waiting {
      std::string order_id, line_id;
    };
    std::vector<Waiting> mine;  // own order lines not shipped yet, oldest first
    const std::string w = std::to_string(plan.writer);
    for (int round = 0, i = 0; round < plan.rounds; ++round) {
      char go = 0;
      if (read(plan.go_fd, &go, 1) != 1) return 4;
      for (int k = 0; k < plan.events; ++k, ++i) {
        std::string id = "w" + w + "-" + std::to_string(i);
        Instant at = concurrency_start() + 60'000 + (std::int64_t{i} * plan.writers + plan.writer) * 1'000;
        json e = {{"id", id}, {"at", iso(at)}};
        int r = static_cast<int>(rng() % 100);
        if (r >= 75 && !mine.empty()) {
          e["type"] = "shipment_created";
          e["order_id"] = mine.front().order_id;
          e["shipment_id"] = "S" + id;
          e["carrier"] = "UPS";
          e["tracking"] = "1Z" + id;
          e["lines"] = {{{"line_id", mine.front().line_id}, {"quantity", 1}}};
        } else if (r >= 40) {
          std::string order = "O" + id;
          json lines = {{{"line_id", "1"}, {"sku", kJacket}, {"quantity", 1}}};
          if (rng() % 2) lines.push_back({{"line_id", "2"}, {"sku", kScarf}, {"quantity", 1}});
          e["type"] = "order_placed";
          e["order"] = {
              {"id", order},
              {"customer", {{"email", "o" + id + "@example.com"}, {"locale", "en-US"}, {"zone", "US"}}},
              {"lines", lines}};
          for (const json& l : lines) mine.push_back({order, l["line_id"]});
        } else {
          e["type"] = "stock_received";
          e["sku"] = rng() % 10 < 3 ? kJacket : kScarf;
          e["quantity"] = 1;
        }
        try {
          json result = json::parse(store->apply_json(e.dump()))["results"][0];
          if (result["status"] != "applied") {
            std::fprintf(stderr, "writer %d: %s was not applied: %s\n", plan.writer, id.c_str(),
                         result.dump().c_str());
            return 1;
          }
          log << e.dump() << "\n";
          if (e["type"] == "shipment_created") mine.erase(mine.begin());
        } catch (const Error& err) {
          // Only a shipment may be refused, and only because the shelf is short.
          if (e["type"] != "shipment_created" || err.path() != "lines") throw;
          log << "refused " << e.dump() << "\n";
          // The line waits for the next stock; ship another one first next time.
          std::rotate(mine.begin(), mine.begin() + 1, mine.end());
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
