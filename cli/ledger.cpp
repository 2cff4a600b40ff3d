// The ledger's commands over bo_store_*: play the demo story, apply events, list and drain the outbox.
#include "ledger.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "common.hpp"
#include "store_access.hpp"

namespace bo_cli {
namespace {

std::string money(std::int64_t minor, const std::string& currency) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %lld.%02lld", currency.c_str(), static_cast<long long>(minor / 100),
                static_cast<long long>(std::llabs(minor % 100)));
  return buf;
}

void print_message(const json& m) {
  std::cout << "  ┌ " << m.at("kind").get<std::string>() << " to " << m.at("recipient").get<std::string>()
            << " (" << m.at("locale").get<std::string>() << ", key " << m.at("key").get<std::string>()
            << ")\n";
  std::cout << "  │ Subject: " << m.at("subject").get<std::string>() << "\n  │\n";
  std::string text = m.at("text");
  while (!text.empty() && text.back() == '\n') text.pop_back();
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string::npos) nl = text.size();
    std::cout << "  │ " << text.substr(at, nl - at) << "\n";
    at = nl + 1;
  }
  std::cout << "  └\n";
}

// Claims every message due at `now`, prints each, acknowledges it. Returns how many.
int drain(bo_store* store, const std::string& now, bool print) {
  int count = 0;
  for (;;) {
    json batch =
        call(bo_store_claim_json, store, json{{"max", 100}, {"lease_seconds", 60}, {"now", now}}, "claim");
    const json& messages = batch.at("messages");
    if (messages.empty()) return count;
    std::vector<std::int64_t> ids;
    for (const json& m : messages) {
      if (print) print_message(m);
      ids.push_back(m.at("id"));
    }
    if (bo_store_ack(store, ids.data(), ids.size()) != BO_OK) throw Fatal{"ack: " + last_error()};
    count += static_cast<int>(messages.size());
  }
}

// ---- demo ------------------------------------------------------------------------------------------

int play(const std::string& story_file, const std::string& db_path) {
  const std::filesystem::path dir = std::filesystem::path(story_file).parent_path();
  json story = read_json(story_file);
  auto engine = make_engine((dir / story.at("policy").get<std::string>()).string());
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix, ec);
  StorePtr store = open_store(engine.get(), "sqlite:" + db_path, story.value("secret", std::string()));
  std::cout << "Backorder demo: " << story.value("title", std::string()) << "\nledger: " << db_path << "\n";

  json catalog = {{"id", "demo-catalog"}, {"type", "catalog"}, {"at", story.at("steps").at(0).at("at")}};
  for (const char* part : {"catalog", "stock"}) {
    json facts = read_json((dir / story.at(part).get<std::string>()).string());
    for (auto& [k, v] : facts.items()) catalog[k] = v;
  }
  call(bo_store_apply_json, store.get(), catalog, "loading the catalog");

  int n = 0;
  for (const json& step : story.at("steps")) {
    ++n;
    const std::string at = step.at("at");
    std::cout << "\n== " << at << " — " << step.value("say", std::string()) << "\n";
    if (step.contains("labels")) {
      json labels = call(
          bo_store_labels_json, store.get(),
          json{{"now", at}, {"skus", step["labels"]}, {"locale", step.value("locale", "en-US")}}, "labels");
      for (const json& l : labels.at("labels"))
        std::cout << "  " << l.at("sku").get<std::string>() << ": " << l.at("text").get<std::string>()
                  << "\n";
    }
    if (step.contains("checkout")) {
      json request = step["checkout"];
      request["now"] = at;
      json plan = call(bo_store_checkout_json, store.get(), request, "checkout");
      const std::string currency = plan.at("currency");
      for (const json& l : plan.at("lines"))
        std::cout << "  cart: " << l.at("name").get<std::string>() << " × "
                  << l.at("quantity").get<std::int64_t>() << " — "
                  << l.at("label").at("text").get<std::string>() << "\n";
      for (const json& s : plan.at("strategies")) {
        std::cout << "  option " << s.at("id").get<std::string>() << ": "
                  << s.value("disclosure", std::string()) << " Shipping "
                  << money(s.at("customer_pays"), currency) << ".\n";
      }
      json choice = step.at("choose");
      json consent = call([](char** o, size_t* l, bo_store*, const char* in,
                             size_t len) { return bo_consent_json(o, l, in, len); },
                          store.get(), json{{"plan", plan}, {"choice", choice}, {"now", at}}, "consent");
      std::cout << "  the shopper chooses " << consent.at("strategy").get<std::string>()
                << "; the consent record is kept with the order\n";
      json order = step.at("order");
      order["lines"] = json::array();
      for (const json& l : request.at("cart").at("lines"))
        order["lines"].push_back(
            {{"line_id", l.at("line_id")}, {"sku", l.at("sku")}, {"quantity", l.at("quantity")}});
      json event = {{"id", "demo-" + std::to_string(n)},
                    {"type", "order_placed"},
                    {"at", at},
                    {"order", order},
                    {"consent", consent}};
      if (step.contains("paid"))
        event["paid"] = step["paid"];  // what was paid: exact refunds, the jurisdiction
      call(bo_store_apply_json, store.get(), event, "placing the order");
    }
    if (step.contains("events")) {
      json events = json::array();
      int k = 0;
      for (json e : step["events"]) {
        e["id"] = "demo-" + std::to_string(n) + "-" + std::to_string(++k);
        e["at"] = at;
        events.push_back(e);
      }
      call(bo_store_apply_json, store.get(), events, "applying events");
    }
    if (drain(store.get(), at, true) == 0) std::cout << "  (no message is due)\n";
  }
  return kOk;
}

}  // namespace

int cmd_demo(const std::vector<std::string>& args) {
  std::string story = data_dir() + "/demo.json", db = "backorder-demo.db";
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (take_option(args, i, "--story", story) || take_option(args, i, "--db", db)) continue;
    throw Usage{"demo does not know " + args[i]};
  }
  return play(story, db);
}

// ---- apply and outbox ------------------------------------------------------------------------------

namespace {

struct LedgerOptions {
  std::string db, policy, secret_file, now, state, format = "text";
  bool drain = false;
  std::vector<std::string> files;
};

LedgerOptions read_options(const std::vector<std::string>& args) {
  LedgerOptions o;
  o.policy = data_dir() + "/policy.json";
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (take_option(args, i, "--db", o.db) || take_option(args, i, "--policy", o.policy) ||
        take_option(args, i, "--secret-file", o.secret_file) || take_option(args, i, "--now", o.now) ||
        take_option(args, i, "--state", o.state) || take_option(args, i, "--format", o.format))
      continue;
    if (args[i] == "--drain") {
      o.drain = true;
    } else if (args[i].starts_with("--")) {
      throw Usage{args[0] + " does not know " + args[i]};
    } else {
      o.files.push_back(args[i]);
    }
  }
  if (o.db.empty()) throw Usage{args[0] + " needs --db URL (sqlite:PATH or postgresql://...)"};
  if (o.format != "text" && o.format != "json") throw Usage{"--format is text or json"};
  if (o.now.empty()) o.now = now_utc_iso();
  return o;
}

}  // namespace

namespace {

void print_results(const json& answer, const std::string& format) {
  if (format == "json") {
    std::cout << answer.dump(2) << "\n";
    return;
  }
  for (const json& r : answer.at("results"))
    std::cout << r.at("id").get<std::string>() << " " << r.at("type").get<std::string>() << ": "
              << r.at("status").get<std::string>() << ", " << r.at("moved").get<std::int64_t>()
              << " lines moved, " << r.at("messages").get<std::int64_t>() << " messages"
              << (r.contains("refund")
                      ? ", refund " + money(r["refund"].at("total"), r["refund"].at("currency")) +
                            " due by " + r["refund"].at("deadline").at("due").get<std::string>()
                      : std::string())
              << "\n";
}

}  // namespace

int cmd_apply(const std::vector<std::string>& args) {
  LedgerOptions o = read_options(args);
  if (o.files.empty()) throw Usage{"apply needs an events file (a JSON object or array; - for stdin)"};
  auto engine = make_engine(o.policy);
  StorePtr store = open_store(engine.get(), o.db, secret_from(o.secret_file));
  for (const std::string& f : o.files) {
    std::string text = f == "-" ? std::string(std::istreambuf_iterator<char>(std::cin), {}) : read_file(f);
    print_results(call(bo_store_apply_json, store.get(), json(text), f), o.format);
  }
  return kOk;
}

int cmd_tick(const std::vector<std::string>& args) {
  LedgerOptions o = read_options(args);
  if (!o.files.empty()) throw Usage{"tick takes no files"};
  auto engine = make_engine(o.policy);
  StorePtr store = open_store(engine.get(), o.db, secret_from(o.secret_file));
  // Time passing, as an event: its id makes a repeated tick at the same moment a no-op.
  json tick = {{"id", "tick:" + o.now}, {"type", "tick"}, {"at", o.now}};
  print_results(call(bo_store_apply_json, store.get(), tick, "tick"), o.format);
  return kOk;
}

int cmd_outbox(const std::vector<std::string>& args) {
  LedgerOptions o = read_options(args);
  if (!o.files.empty()) throw Usage{"outbox takes no files"};
  auto engine = make_engine(o.policy);
  StorePtr store = open_store(engine.get(), o.db, secret_from(o.secret_file));
  if (o.drain) {
    int n = drain(store.get(), o.now, o.format == "text");
    std::cerr << "drained " << n << (n == 1 ? " message" : " messages") << "\n";
    return kOk;
  }
  json list = call(bo_store_outbox_json, store.get(),
                   json{{"state", o.state}, {"limit", 100000}, {"now", o.now}}, "outbox");
  if (o.format == "json") {
    std::cout << list.dump(2) << "\n";
    return kOk;
  }
  for (const json& m : list.at("messages"))
    std::cout << m.at("id").get<std::int64_t>() << "  " << m.at("state").get<std::string>() << "  "
              << m.at("available_at").get<std::string>() << "  " << m.at("kind").get<std::string>() << "  "
              << m.at("recipient").get<std::string>() << "  " << m.at("subject").get<std::string>() << "\n";
  return kOk;
}

}  // namespace bo_cli
