// Writes the seed corpora into tests/fuzz/corpus/<target>/ from examples/apparel (run by build.sh --seeds).
// Seeds that need the engine to exist (a checkout plan inside a consent request, consent records) are made
// with the engine itself, so they stay in step with the wire formats.
#include <filesystem>
#include <iostream>

#include "backorder/refund_wire.hpp"
#include "fuzz_support.hpp"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {
fs::path out_dir;

// Writes one seed and says whether the call it feeds accepts it (a refused seed is kept on purpose: error
// paths need coverage too).
void seed(const std::string& target, const std::string& name, const std::string& text) {
  fs::path dir = out_dir / target;
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << text;
  const auto& engine = fuzz::apparel_engine();
  std::string verdict = "accepted";
  try {
    if (target == "policy") backorder::Engine::from_json(text);
    if (target == "label_request") backorder::label_json(engine, text);
    if (target == "catalog_request") backorder::labels_json(engine, text);
    if (target == "scenario") backorder::promise_book_from_json(engine, text);
    if (target == "checkout_request") backorder::checkout_json(engine, text);
    if (target == "consent") backorder::consent_check_json(text);
    if (target == "refund_request") backorder::refund_json(*engine, text);
  } catch (const backorder::Error& e) {
    verdict = "refused at " + e.path() + ": " + e.what();
  }
  std::cout << target << "/" << name << ": " << verdict << "\n";
}

json example(const char* name) {
  return json::parse(fuzz::read_file(std::string(BO_REPO_DIR) + "/examples/apparel/" + name));
}
}  // namespace

int main(int argc, char** argv) {
  out_dir = argc > 1 ? argv[1] : std::string(BO_REPO_DIR) + "/tests/fuzz/corpus";
  const auto& engine = fuzz::apparel_engine();
  const std::string now = "2026-11-30T09:00:00-05:00";
  json catalog = example("catalog.json"), stock = example("stock.json");

  // policy
  json policy = example("policy.json");
  seed("policy", "apparel.json", policy.dump(2));
  seed("policy", "minimal.json",
       R"({"version": 1, "currency": "USD", "locale": "en-US", "calendar": {"time_zone": "UTC"}})");
  json bad = policy;
  bad["calendar"]["time_zone"] = "Mars/Base";
  bad["calendar"]["cutoff"] = "25:61";
  seed("policy", "bad_zone_cutoff.json", bad.dump());

  // label_request
  json label = {{"item", {{"sku", "JKT-NAVY-M"}, {"lead_time_days", {{"min", 10}, {"max", 14}}}}},
                {"stock", {{"on_hand", 0}}},
                {"quantity", 1},
                {"locale", "en-US"},
                {"now", now}};
  seed("label_request", "backorder.json", label.dump());
  json low = label;
  low["stock"] = {{"on_hand", 4}, {"reserved", 1}, {"safety_stock", 1}};
  low["quantity"] = 2;
  low["locale"] = "de-DE";
  seed("label_request", "low_stock_de.json", low.dump());
  json pre = {{"item", catalog["items"][9]}, {"stock", {{"on_hand", 0}}}, {"locale", "fr"}, {"now", now}};
  seed("label_request", "preorder_fr.json", pre.dump());
  json gone = {{"item", catalog["items"][10]}, {"stock", {{"on_hand", 0}}}, {"now", now}};
  seed("label_request", "discontinued.json", gone.dump());

  // catalog_request
  json cat = {{"now", now}, {"locale", "en-US"}, {"items", catalog["items"]}, {"stock", stock["stock"]}};
  seed("catalog_request", "apparel.json", cat.dump());
  json small = {{"now", now},
                {"items", json::array({catalog["items"][0], catalog["items"][8]})},
                {"stock", json::array({stock["stock"][0], {{"sku", "TEE-BASIC-S"}, {"on_hand", -1}}})}};
  seed("catalog_request", "small_with_bad_row.json", small.dump());

  // scenario
  json scenario = example("scenario.json");
  seed("scenario", "apparel.json", scenario.dump());
  json tiny = scenario;
  tiny["orders"] = json::array({scenario["orders"][0], scenario["orders"][1]});
  seed("scenario", "two_orders.json", tiny.dump());

  // checkout_request
  json cart = json::parse(fuzz::read_file(std::string(BO_REPO_DIR) + "/cli/testdata/carts/apparel.json"));
  json checkout = {{"now", now},
                   {"items", catalog["items"]},
                   {"stock", stock["stock"]},
                   {"cart", {{"currency", cart["currency"]}, {"lines", cart["lines"]}}},
                   {"customer", cart["customer"]}};
  seed("checkout_request", "apparel.json", checkout.dump());
  json one = checkout;
  one["cart"]["lines"] = json::array({{{"line_id", "1"}, {"sku", "GLV-LEATHER-M"}, {"quantity", 25}}});
  one["customer"] = {{"locale", "de-DE"}, {"zone", "DE"}, {"tier", "gold"}};
  seed("checkout_request", "gloves_over_cap.json", one.dump());

  // consent: records made by consent_json from real plans
  json plan = json::parse(backorder::checkout_json(engine, checkout.dump()));
  json choices[] = {
      {{"strategy", "ship_available"}, {"lines", {{"1", "wait"}}}},
      {{"lines", {{"1", {{"alternative", "JKT-OLIVE-M"}}}}}},
      {{"strategy", "ship_together"}, {"lines", {{"1", "notify_me"}}}},
  };
  int n = 0;
  for (const json& choice : choices) {
    json req = {{"plan", plan}, {"choice", choice}, {"now", "2026-11-30T14:05:00Z"}};
    try {
      seed("consent", "record" + std::to_string(++n) + ".json", backorder::consent_json(req.dump()));
    } catch (const backorder::Error& e) {
      std::cerr << "make_seeds: consent choice " << n << " refused: " << e.path() << ": " << e.what() << "\n";
    }
  }
  // refund_request: the apparel example, and an EU order with prices including VAT and a pre-order deposit
  json refund = example("refund.json");
  seed("refund_request", "apparel.json", refund.dump());
  json eu = refund;
  eu["order"]["jurisdiction"] = "EU";
  eu["order"]["payment"] = "paypal";
  eu["order"]["tax_included"] = true;
  eu["order"]["lines"][0]["tax"] = {{"rate_bp", 2000}};
  eu["order"]["lines"][0]["deposit"] = 2000;
  eu["cancel"] = json::array({{{"line_id", "1"}}, {{"line_id", "3"}, {"quantity", 1}}});
  seed("refund_request", "eu_vat_deposit.json", eu.dump());
  std::cout << "seeds written to " << out_dir << "\n";
  return 0;
}
