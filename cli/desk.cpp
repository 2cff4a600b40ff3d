// `backorder brief ORDER` prints what a support agent can say and offer for an order; `backorder report`
// prints, per item, who waits, what is at risk and which deadlines come due, and with --html writes the same
// as one page with charts. Both over bo_store_*.
#include "desk.hpp"

#include <fstream>
#include <iostream>

#include "report_html.hpp"
#include "store_access.hpp"

namespace bo_cli {
namespace {

struct DeskOptions {
  std::string db, policy, secret_file, now, locale, html, format = "text";
  std::vector<std::string> rest;
};

DeskOptions read_options(const std::vector<std::string>& args) {
  DeskOptions o;
  o.policy = data_dir() + "/policy.json";
  const bool brief = args[0] == "brief";
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (take_option(args, i, "--db", o.db) || take_option(args, i, "--policy", o.policy) ||
        take_option(args, i, "--secret-file", o.secret_file) || take_option(args, i, "--now", o.now) ||
        take_option(args, i, "--format", o.format))
      continue;
    if ((brief && take_option(args, i, "--locale", o.locale)) ||
        (!brief && take_option(args, i, "--html", o.html)))
      continue;
    if (args[i].starts_with("--")) throw Usage{args[0] + " does not know " + args[i]};
    o.rest.push_back(args[i]);
  }
  if (o.db.empty()) throw Usage{args[0] + " needs --db URL (sqlite:PATH or postgresql://...)"};
  if (o.format != "text" && o.format != "json") throw Usage{"--format is text or json"};
  if (o.now.empty()) o.now = now_utc_iso();
  return o;
}

// Terminal columns of UTF-8 text: one per code point (names are mostly Latin; close enough for a table).
std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string cell(std::string s, std::size_t width, bool right = false) {
  // Long names are cut on a code point boundary, with an ellipsis.
  if (columns(s) > width) {
    std::size_t keep = 0, seen = 0;
    while (keep < s.size() && seen < width - 1) {
      ++keep;
      while (keep < s.size() && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) ++keep;
      ++seen;
    }
    s = s.substr(0, keep) + "…";
  }
  std::string pad(width - columns(s), ' ');
  return right ? pad + s : s + pad;
}

// Control characters in a name would move the terminal's cursor: shown as spaces.
std::string printable(std::string s) {
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return s;
}

void print_report(const json& r) {
  const json& t = r.at("totals");
  std::cout << "Backorder report for " << printable(r.at("shop_name")) << ", "
            << r.at("today").get<std::string>() << "\n"
            << t.at("waiting_units").get<std::int64_t>() << " units waiting in "
            << t.at("waiting_orders").get<std::int64_t>() << " orders across "
            << t.at("items").get<std::int64_t>() << " items; " << t.at("at_risk_lines").get<std::int64_t>()
            << " lines at risk (" << t.at("at_risk_orders").get<std::int64_t>()
            << " orders); deadlines: " << t.at("deadlines_overdue").get<std::int64_t>() << " overdue, "
            << t.at("deadlines_due_soon").get<std::int64_t>() << " due within "
            << t.at("due_soon_days").get<std::int64_t>() << " days\n\n";
  if (r.at("items").empty()) {
    std::cout << "Nothing is waiting.\n";
    return;
  }
  std::cout << cell("SKU", 16) << " " << cell("ITEM", 26) << " " << cell("WAITING", 7, true) << " "
            << cell("ORDERS", 6, true) << " " << cell("OLDEST", 6, true) << " " << cell("AT RISK", 7, true)
            << "  " << cell("NEXT INBOUND", 26) << " NEXT DEADLINE\n";
  for (const json& i : r.at("items")) {
    std::string inbound = "-";
    if (!i.at("next_inbound").is_null()) {
      const json& n = i.at("next_inbound");
      inbound = printable(n.at("id")) + " ×" + std::to_string(n.at("quantity").get<std::int64_t>()) + " " +
                n.at("arriving").at("from").get<std::string>() + (n.at("overdue").get<bool>() ? " late" : "");
    }
    std::string deadline = "-";
    if (!i.at("deadlines").empty()) {
      const json& d = i.at("deadlines").at(0);
      const auto left = d.at("days_left").get<std::int64_t>();
      deadline = d.at("due").get<std::string>() + (left < 0 ? " (" + std::to_string(-left) + " d overdue)"
                                                            : " (in " + std::to_string(left) + " d)");
    }
    const auto risk = i.at("at_risk").at("lines").get<std::int64_t>();
    std::cout << cell(printable(i.at("sku")), 16) << " " << cell(printable(i.at("name")), 26) << " "
              << cell(std::to_string(i.at("waiting_units").get<std::int64_t>()), 7, true) << " "
              << cell(std::to_string(i.at("waiting_orders").get<std::int64_t>()), 6, true) << " "
              << cell(std::to_string(i.at("oldest_wait_days").get<std::int64_t>()) + " d", 6, true) << " "
              << cell(risk ? std::to_string(risk) + " !" : "0", 7, true) << "  " << cell(inbound, 26) << " "
              << deadline << "\n";
  }
  // The deadlines coming due first, each with the rule that sets it.
  const json& deadlines = r.at("deadlines");
  if (!deadlines.empty()) std::cout << "\nDeadlines coming due:\n";
  for (std::size_t k = 0; k < deadlines.size() && k < 10; ++k) {
    const json& d = deadlines.at(k);
    std::cout << "  " << d.at("due").get<std::string>() << "  " << cell(printable(d.at("order_id")), 10)
              << " " << cell(d.at("rule").get<std::string>(), 26) << " " << printable(d.at("label")) << " ("
              << d.at("citation").get<std::string>() << ")\n";
  }
  if (deadlines.size() > 10) std::cout << "  ... and " << deadlines.size() - 10 << " more\n";
}

}  // namespace

int cmd_brief(const std::vector<std::string>& args) {
  DeskOptions o = read_options(args);
  if (o.rest.size() != 1) throw Usage{"brief takes one order id"};
  auto engine = make_engine(o.policy);
  StorePtr store = open_store(engine.get(), o.db, secret_from(o.secret_file));
  json request = {{"order_id", o.rest[0]}, {"now", o.now}};
  if (!o.locale.empty()) request["locale"] = o.locale;
  json brief = call(bo_store_brief_json, store.get(), request, "brief");
  if (o.format == "json")
    std::cout << brief.dump(2) << "\n";
  else
    std::cout << brief.at("text").get<std::string>();
  return kOk;
}

int cmd_report(const std::vector<std::string>& args) {
  DeskOptions o = read_options(args);
  if (!o.rest.empty()) throw Usage{"report takes no files (--html FILE writes the page)"};
  auto engine = make_engine(o.policy);
  StorePtr store = open_store(engine.get(), o.db, secret_from(o.secret_file));
  json report = call(bo_store_report_json, store.get(), json{{"now", o.now}}, "report");
  if (!o.html.empty()) {
    std::ofstream out(o.html, std::ios::binary | std::ios::trunc);
    out << report_html(report);
    out.close();
    if (!out) throw Fatal{"cannot write " + o.html};
  }
  if (o.format == "json")
    std::cout << report.dump(2) << "\n";
  else
    print_report(report);
  return kOk;
}

}  // namespace bo_cli
