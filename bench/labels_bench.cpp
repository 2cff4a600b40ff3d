// Labels per second on one core over the generated mixed catalog (bench/gen_catalog.py).
//
//   bench_labels --catalog=<build>/bench/catalog.json [--policy=bench/policy.json] [benchmark flags]
//
// (or BO_BENCH_CATALOG / BO_BENCH_POLICY in the environment). Benchmarks, each reporting items_per_second
// (one item = one label):
//   core/labeler           backorder::Labeler over the whole catalog; a fresh Labeler per pass (what one
//                          batch call does: its text cache starts empty)
//   core/labeler_warm      the same Labeler kept across passes (a long-lived worker's steady state)
//   capi/labeler_run       the C ABI typed batch: bo_labeler_new + bo_labeler_run + bo_labeler_free per pass
//   core/label_json        the JSON single-label call (backorder::label_json), one request per label,
//                          cycling over the catalog's first rows; for reference
//   capi/label_json        the same through bo_engine_label_json + bo_free
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "backorder/calendar.hpp"
#include "backorder/engine.hpp"
#include "backorder/labels.hpp"
#include "backorder/wire.hpp"
#include "catalog.hpp"

#if BO_BENCH_HAVE_CAPI
#include "backorder.h"
#endif

namespace {

using bench::Catalog;

constexpr std::size_t kJsonRequests = 4096;

std::string take_flag(int& argc, char** argv, std::string_view name) {
  std::string value;
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a.size() > name.size() + 3 && a.substr(0, 2) == "--" && a.substr(2, name.size()) == name &&
        a[2 + name.size()] == '=') {
      value = std::string(a.substr(3 + name.size()));
    } else {
      argv[out++] = argv[i];
    }
  }
  argc = out;
  return value;
}

std::string env_or(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

void register_core(const std::shared_ptr<const backorder::Engine>& engine, const Catalog& cat,
                   backorder::Instant now) {
  benchmark::RegisterBenchmark("core/labeler", [engine, &cat, now](benchmark::State& state) {
    std::uint64_t sum = 0;
    for (auto _ : state) {
      backorder::Labeler labeler(engine, cat.locale, now);
      for (const auto& r : cat.rows) {
        backorder::Label l = labeler.label(r.item, r.stock, r.quantity);
        sum += static_cast<std::uint64_t>(l.availability.status) + l.text->text.size();
      }
    }
    benchmark::DoNotOptimize(sum);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * cat.rows.size()));
  })->Unit(benchmark::kMillisecond);

  benchmark::RegisterBenchmark("core/labeler_warm", [engine, &cat, now](benchmark::State& state) {
    backorder::Labeler labeler(engine, cat.locale, now);
    std::uint64_t sum = 0;
    for (auto _ : state) {
      for (const auto& r : cat.rows) {
        backorder::Label l = labeler.label(r.item, r.stock, r.quantity);
        sum += static_cast<std::uint64_t>(l.availability.status) + l.text->text.size();
      }
    }
    benchmark::DoNotOptimize(sum);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * cat.rows.size()));
  })->Unit(benchmark::kMillisecond);

  auto requests = std::make_shared<std::vector<std::string>>();
  for (std::size_t i = 0; i < cat.rows.size() && i < kJsonRequests; ++i) {
    requests->push_back(bench::label_request(cat, i));
  }
  benchmark::RegisterBenchmark("core/label_json", [engine, requests](benchmark::State& state) {
    std::size_t i = 0, bytes = 0;
    for (auto _ : state) {
      std::string out = backorder::label_json(engine, (*requests)[i]);
      bytes += out.size();
      if (++i == requests->size()) i = 0;
    }
    benchmark::DoNotOptimize(bytes);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  });
}

#if BO_BENCH_HAVE_CAPI
struct CatalogItems {
  std::vector<bo_item> items;
  std::vector<bo_label> labels;
};

std::shared_ptr<CatalogItems> to_bo_items(const Catalog& cat) {
  auto out = std::make_shared<CatalogItems>();
  out->items.reserve(cat.rows.size());
  for (const auto& r : cat.rows) {
    bo_item it;
    std::memset(&it, 0, sizeof it);
    it.struct_size = sizeof(bo_item);
    it.sku = r.item.sku.data();
    it.sku_len = r.item.sku.size();
    it.quantity = r.quantity;
    it.on_hand = r.stock.on_hand;
    it.reserved = r.stock.reserved;
    it.safety_stock = r.stock.safety_stock;
    it.promised = r.stock.promised;
    it.backordered = r.stock.backordered;
    it.lead_min_days = r.item.lead_min_days ? *r.item.lead_min_days : BO_UNSET;
    it.lead_max_days = r.item.lead_max_days ? *r.item.lead_max_days : BO_UNSET;
    it.max_backorder = r.item.max_backorder ? *r.item.max_backorder : BO_UNSET;
    it.low_stock_threshold = r.item.low_stock_threshold ? *r.item.low_stock_threshold : BO_UNSET;
    if (r.item.release_date) {
      std::string d = backorder::format_day(*r.item.release_date);
      std::memcpy(it.release_date, d.c_str(), d.size() + 1);
    }
    it.flags = (r.item.discontinued ? BO_ITEM_DISCONTINUED : 0u) |
               (r.item.backorders ? BO_ITEM_BACKORDERS_SET : 0u) |
               (r.item.backorders.value_or(false) ? BO_ITEM_BACKORDERS_ALLOWED : 0u);
    out->items.push_back(it);
  }
  bo_label blank;
  std::memset(&blank, 0, sizeof blank);
  blank.struct_size = sizeof(bo_label);
  out->labels.assign(cat.rows.size(), blank);
  return out;
}

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "bench_labels: %s: %s (%s)\n", what, bo_last_error_message(), bo_last_error_path());
  std::exit(2);
}

void register_capi(const std::string& policy_json, const Catalog& cat, backorder::Instant now) {
  bo_engine* raw = nullptr;
  if (bo_engine_new(&raw, policy_json.data(), policy_json.size()) != BO_OK) die("bo_engine_new");
  std::shared_ptr<bo_engine> engine(raw, bo_engine_free);
  auto data = to_bo_items(cat);

  // Checked once before timing: the C ABI must label every row the way core does.
  {
    bo_labeler* lab = nullptr;
    if (bo_labeler_new(&lab, engine.get(), cat.locale.data(), cat.locale.size(), now) != BO_OK) {
      die("bo_labeler_new");
    }
    if (bo_labeler_run(data->labels.data(), lab, data->items.data(), data->items.size()) != BO_OK) {
      die("bo_labeler_run");
    }
    for (std::size_t i = 0; i < data->labels.size(); ++i) {
      if (data->labels[i].error != BO_OK) {
        std::fprintf(stderr, "bench_labels: capi row %zu: %s (%s)\n", i, data->labels[i].error_message,
                     data->labels[i].error_path);
        std::exit(2);
      }
    }
    bo_labeler_free(lab);
  }

  benchmark::RegisterBenchmark("capi/labeler_run", [engine, data, &cat, now](benchmark::State& state) {
    std::uint64_t sum = 0;
    for (auto _ : state) {
      bo_labeler* lab = nullptr;
      if (bo_labeler_new(&lab, engine.get(), cat.locale.data(), cat.locale.size(), now) != BO_OK) {
        state.SkipWithError("bo_labeler_new failed");
        break;
      }
      if (bo_labeler_run(data->labels.data(), lab, data->items.data(), data->items.size()) != BO_OK) {
        state.SkipWithError("bo_labeler_run failed");
      }
      for (const bo_label& l : data->labels) sum += static_cast<std::uint64_t>(l.status);
      bo_labeler_free(lab);
    }
    benchmark::DoNotOptimize(sum);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * data->items.size()));
  })->Unit(benchmark::kMillisecond);

  auto requests = std::make_shared<std::vector<std::string>>();
  for (std::size_t i = 0; i < cat.rows.size() && i < kJsonRequests; ++i) {
    requests->push_back(bench::label_request(cat, i));
  }
  benchmark::RegisterBenchmark("capi/label_json", [engine, requests](benchmark::State& state) {
    std::size_t i = 0, bytes = 0;
    for (auto _ : state) {
      char* out = nullptr;
      std::size_t len = 0;
      const std::string& req = (*requests)[i];
      if (bo_engine_label_json(&out, &len, engine.get(), req.data(), req.size()) != BO_OK) {
        state.SkipWithError(bo_last_error_message());
        break;
      }
      bytes += len;
      bo_free(out);
      if (++i == requests->size()) i = 0;
    }
    benchmark::DoNotOptimize(bytes);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  });
}
#endif

}  // namespace

int main(int argc, char** argv) {
  std::string catalog_path = take_flag(argc, argv, "catalog");
  std::string policy_path = take_flag(argc, argv, "policy");
  if (catalog_path.empty()) catalog_path = env_or("BO_BENCH_CATALOG", "");
  if (policy_path.empty()) policy_path = env_or("BO_BENCH_POLICY", BO_BENCH_DEFAULT_POLICY);
  if (catalog_path.empty()) {
    std::fprintf(stderr,
                 "usage: bench_labels --catalog=CATALOG.json [--policy=POLICY.json] [benchmark flags]\n"
                 "  (write the catalog with bench/gen_catalog.py; or set BO_BENCH_CATALOG)\n");
    return 2;
  }
  static Catalog cat;  // outlives the registered benchmarks
  std::string policy_json;
  std::shared_ptr<const backorder::Engine> engine;
  backorder::Instant now = 0;
  try {
    cat = bench::load_catalog(catalog_path);
    policy_json = bench::read_file(policy_path);
    engine = backorder::Engine::from_json(policy_json);
    now = backorder::parse_instant(cat.now, "now");
    // Every row must label without error, or the numbers would measure error paths.
    backorder::Labeler check(engine, cat.locale, now);
    for (const auto& r : cat.rows) check.label(r.item, r.stock, r.quantity);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_labels: %s\n", e.what());
    return 2;
  }
  benchmark::AddCustomContext("catalog", catalog_path);
  benchmark::AddCustomContext("catalog_rows", std::to_string(cat.rows.size()));
  benchmark::AddCustomContext("policy", policy_path);
  benchmark::AddCustomContext("now", cat.now);
  benchmark::AddCustomContext("locale", cat.locale);

  register_core(engine, cat, now);
#if BO_BENCH_HAVE_CAPI
  register_capi(policy_json, cat, now);
#endif
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
