// The engine's labels for a generated catalog, one JSON object per line (docs/json.md's label, plus "row"):
// the reference the plain implementations are checked against when no binding is at hand.
//
//   bench_labels_dump --catalog=CATALOG.json [--policy=POLICY.json] [--now=ISO8601] [--locale=en-US]
#include <cstdio>
#include <string>
#include <string_view>

#include "backorder/engine.hpp"
#include "backorder/labels.hpp"
#include "backorder/wire.hpp"
#include "catalog.hpp"

int main(int argc, char** argv) {
  std::string catalog, policy = BO_BENCH_DEFAULT_POLICY, now, locale;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](std::string_view name, std::string& out) {
      if (a.substr(0, name.size()) != name) return false;
      out = std::string(a.substr(name.size()));
      return true;
    };
    if (!value("--catalog=", catalog) && !value("--policy=", policy) && !value("--now=", now) &&
        !value("--locale=", locale)) {
      std::fprintf(stderr,
                   "usage: bench_labels_dump --catalog=FILE [--policy=FILE] [--now=ISO] [--locale=TAG]\n");
      return 2;
    }
  }
  if (catalog.empty()) {
    std::fprintf(stderr, "bench_labels_dump: --catalog=FILE is required\n");
    return 2;
  }
  try {
    bench::Catalog cat = bench::load_catalog(catalog);
    auto engine = backorder::Engine::from_json(bench::read_file(policy));
    if (now.empty()) now = cat.now;
    if (locale.empty()) locale = cat.locale;
    backorder::Labeler labeler(engine, locale, backorder::parse_instant(now, "now"));
    std::string out;
    for (const auto& r : cat.rows) {
      out += backorder::label_to_json(labeler.label(r.item, r.stock, r.quantity), r.item.sku);
      out += '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_labels_dump: %s\n", e.what());
    return 1;
  }
  return 0;
}
