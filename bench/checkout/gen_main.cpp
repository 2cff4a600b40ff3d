// Writes the generated shop and cart for the Python and PHP comparisons (the same data bench_checkout plans):
//
//   bench_checkout_gen --out=DIR [--items=2000] [--categories=100] [--cart-lines=50] [--seed=42]
//
// DIR (created if missing):
// DIR/scenario.json  the facts and "now" (docs/json.md#promises): engine.promises(), $engine->promises()
// DIR/cart.json      {"currency", "lines": [{"line_id", "sku", "quantity", "unit_price"}, ...]}
// DIR/customer.json  {"locale", "zone"}
// DIR/request.json   {"cart", "customer"}: book_checkout_json's request
// DIR/plan.json      the plan core answers for it over a book built from scenario.json (the reference the
//                    comparisons check their plans against)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "backorder/wire.hpp"
#include "gen.hpp"

using namespace backorder;
using namespace backorder::bench;

namespace {

bool take(const char* arg, const char* name, std::string& out) {
  const std::size_t n = std::strlen(name);
  if (std::strncmp(arg, name, n) != 0 || arg[n] != '=') return false;
  out = arg + n + 1;
  return true;
}

void write(const std::string& dir, const char* name, const std::string& text) {
  const std::string path = dir + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out << text << '\n';
  if (!out) {
    std::fprintf(stderr, "bench_checkout_gen: cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string out, items = "2000", categories = "100", lines = "50", seed = "42";
  for (int i = 1; i < argc; ++i) {
    if (!take(argv[i], "--out", out) && !take(argv[i], "--items", items) &&
        !take(argv[i], "--categories", categories) && !take(argv[i], "--cart-lines", lines) &&
        !take(argv[i], "--seed", seed)) {
      std::fprintf(stderr,
                   "usage: bench_checkout_gen --out=DIR [--items=2000] [--categories=100] [--cart-lines=50] "
                   "[--seed=42]\n");
      return 2;
    }
  }
  if (out.empty()) {
    std::fprintf(stderr, "bench_checkout_gen: --out=DIR is required\n");
    return 2;
  }
  try {
    CheckoutSize size;
    size.items = std::strtoull(items.c_str(), nullptr, 10);
    size.categories = std::strtoull(categories.c_str(), nullptr, 10);
    size.cart_lines = std::strtoull(lines.c_str(), nullptr, 10);
    size.seed = std::strtoull(seed.c_str(), nullptr, 10);
    std::filesystem::create_directories(out);
    const CheckoutShop shop = make_checkout_shop(size);
    const std::string scenario = scenario_json(shop);
    const std::string request = request_json(shop);
    const PromiseBook book = promise_book_from_json(checkout_engine(), scenario);
    const std::string plan = book_checkout_json(book, request);
    write(out, "scenario.json", scenario);
    write(out, "cart.json", cart_json(shop));
    write(out, "customer.json", customer_json(shop));
    write(out, "request.json", request);
    write(out, "plan.json", plan);
    std::printf(
        "wrote %s: %zu items in %zu categories, %zu purchase orders, %zu waiting lines, a %zu-line cart, "
        "plan %zu bytes\n",
        out.c_str(), shop.facts.items.size(), shop.categories, shop.facts.supply.size(),
        shop.facts.lines.size(), shop.cart.lines.size(), plan.size());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_checkout_gen: %s\n", e.what());
    return 1;
  }
  return 0;
}
