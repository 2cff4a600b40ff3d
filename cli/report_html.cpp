#include "report_html.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace bo_cli {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

std::string esc(const json& v) { return html_escape(v.is_string() ? v.get<std::string>() : v.dump()); }
std::string num(std::int64_t n) { return std::to_string(n); }
std::int64_t integer(const json& v) { return v.get<std::int64_t>(); }

// At most `n` code points, with an ellipsis: chart labels have a fixed room.
std::string shorten(const std::string& s, std::size_t n) {
  std::size_t at = 0, seen = 0;
  while (at < s.size() && seen < n) {
    ++at;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
    ++seen;
  }
  return at < s.size() ? s.substr(0, at) + "…" : s;
}

const char kStyle[] = R"(
body{margin:0;background:#f4f5f7;color:#1d2330;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1120px;margin:0 auto;padding:28px 20px}
h1{font-size:26px;margin:0 0 2px}h2{font-size:17px;margin:0 0 12px}
.sub{color:#5b6475;margin:0 0 22px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin-bottom:22px}
.card,section{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(20,30,50,.08)}
.card{padding:14px 16px}.card b{display:block;font-size:30px;line-height:1.1}.card span{color:#5b6475}
.card.alert b{color:#c0392b}.card.warn b{color:#b7791f}
section{padding:18px 20px;margin-bottom:22px;overflow-x:auto}
svg{display:block;max-width:100%;height:auto}svg text{font:12px system-ui,sans-serif;fill:#333}
.legend{color:#5b6475;font-size:13px;margin:8px 0 0}.legend i{display:inline-block;width:11px;height:11px;
border-radius:2px;margin:0 5px 0 14px;vertical-align:-1px}
table{border-collapse:collapse;width:100%}th,td{padding:8px 10px;text-align:left;border-bottom:1px solid #e7e9ee}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#5b6475}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.risk td{background:#fdeeec}tr.risk td:first-child{box-shadow:inset 4px 0 #d64545}
.late{color:#c0392b;font-weight:600}.soon{color:#b7791f;font-weight:600}.note{color:#5b6475;font-size:13px}
)";

constexpr const char* kRisk = "#d64545";
constexpr const char* kWaiting = "#3b6fd8";
constexpr const char* kSoon = "#e0a21b";
constexpr const char* kLater = "#4f9d69";

std::string cards(const json& t) {
  std::ostringstream o;
  auto card = [&](const char* cls, std::int64_t n, const char* what) {
    o << "<div class=\"card" << cls << "\"><b>" << n << "</b><span>" << what << "</span></div>";
  };
  o << "<div class=\"cards\">";
  card("", integer(t.at("waiting_units")), "units waiting");
  card("", integer(t.at("waiting_orders")), "orders waiting");
  card(integer(t.at("at_risk_orders")) ? " alert" : "", integer(t.at("at_risk_orders")), "orders at risk");
  card(integer(t.at("deadlines_overdue")) ? " alert" : "", integer(t.at("deadlines_overdue")),
       "deadlines overdue");
  card(integer(t.at("deadlines_due_soon")) ? " warn" : "", integer(t.at("deadlines_due_soon")),
       "deadlines due within a week");
  o << "</div>";
  return o.str();
}

// Horizontal bars: the units waiting per item, the part at risk first.
std::string bar_chart(const json& items) {
  constexpr int label = 250, width = 560, row = 30, top = 8;
  std::int64_t most = 1;
  for (const json& i : items) most = std::max(most, integer(i.at("waiting_units")));
  const int height = top * 2 + row * static_cast<int>(items.size());
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Units waiting per item\" "
       "viewBox=\"0 0 "
    << label + width + 60 << " " << height << "\" width=\"" << label + width + 60 << "\" height=\"" << height
    << "\">";
  int y = top;
  for (const json& i : items) {
    const std::int64_t units = integer(i.at("waiting_units")), risk = integer(i.at("at_risk").at("units"));
    const int w_all = static_cast<int>(units * width / most), w_risk = static_cast<int>(risk * width / most);
    const std::string name = i.at("name").get<std::string>();
    o << "<g><title>" << html_escape(name) << " (" << esc(i.at("sku")) << "): " << units << " waiting, "
      << risk << " at risk</title>";
    o << "<text x=\"" << label - 8 << "\" y=\"" << y + 19 << "\" text-anchor=\"end\">"
      << html_escape(shorten(name, 34)) << "</text>";
    o << "<rect x=\"" << label << "\" y=\"" << y + 5 << "\" width=\"" << std::max(w_all, 2) << "\" height=\""
      << row - 10 << "\" rx=\"3\" fill=\"" << kWaiting << "\"/>";
    if (risk > 0)
      o << "<rect x=\"" << label << "\" y=\"" << y + 5 << "\" width=\"" << std::max(w_risk, 2)
        << "\" height=\"" << row - 10 << "\" rx=\"3\" fill=\"" << kRisk << "\"/>";
    o << "<text x=\"" << label + std::max(w_all, 2) + 6 << "\" y=\"" << y + 19 << "\">" << units
      << "</text></g>";
    y += row;
  }
  o << "</svg><p class=\"legend\"><i style=\"background:" << kRisk
    << "\"></i>at risk (later than promised, or late "
    << "supply)<i style=\"background:" << kWaiting << "\"></i>waiting on schedule</p>";
  return o.str();
}

// Deadlines on a line of days around today: overdue to the left in red, due within a week in amber.
std::string timeline(const json& deadlines) {
  constexpr int left = 30, width = 860;
  std::int64_t lo = 0, hi = 30;
  std::map<std::int64_t, int> per_day;  // deadlines on the same day stack upwards
  int tallest = 1;
  for (const json& d : deadlines) {
    const std::int64_t day = integer(d.at("days_left"));
    lo = std::min(lo, day);
    hi = std::max(hi, day);
    tallest = std::max(tallest, ++per_day[day]);
  }
  lo -= 1;
  hi += 1;
  auto x = [&](std::int64_t day) { return left + static_cast<int>((day - lo) * width / (hi - lo)); };
  const int axis = 16 + 14 * tallest, height = axis + 30;
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Deadlines by days from today\" "
    << "viewBox=\"0 0 " << width + 2 * left << " " << height << "\" width=\"" << width + 2 * left
    << "\" height=\"" << height << "\">";
  o << "<line x1=\"" << left << "\" y1=\"" << axis << "\" x2=\"" << left + width << "\" y2=\"" << axis
    << "\" stroke=\"#9aa3b2\"/>";
  o << "<line x1=\"" << x(0) << "\" y1=\"4\" x2=\"" << x(0) << "\" y2=\"" << axis + 6
    << "\" stroke=\"#1d2330\" stroke-dasharray=\"3 3\"/>";
  o << "<text x=\"" << x(0) << "\" y=\"" << axis + 22 << "\" text-anchor=\"middle\">today</text>";
  const std::int64_t step = (hi - lo) > 60 ? 14 : 7;
  for (std::int64_t d = step; d < hi; d += step)
    o << "<text x=\"" << x(d) << "\" y=\"" << axis + 22 << "\" text-anchor=\"middle\">+" << d << " d</text>";
  for (std::int64_t d = -step; d > lo; d -= step)
    o << "<text x=\"" << x(d) << "\" y=\"" << axis + 22 << "\" text-anchor=\"middle\">" << d << " d</text>";
  std::map<std::int64_t, int> placed;
  const bool labels = deadlines.size() <= 24;
  for (const json& d : deadlines) {
    const std::int64_t day = integer(d.at("days_left"));
    const int cy = axis - 14 * placed[day]++;
    const char* fill = day < 0 ? kRisk : day <= 7 ? kSoon : kLater;
    o << "<g><title>Order " << esc(d.at("order_id")) << ": " << esc(d.at("rule")) << " due "
      << esc(d.at("due")) << (day < 0 ? " (overdue)" : "") << "</title><circle cx=\"" << x(day) << "\" cy=\""
      << cy << "\" r=\"6\" fill=\"" << fill << "\" stroke=\"#fff\" stroke-width=\"1.5\"/>";
    if (labels)
      o << "<text x=\"" << x(day) + 9 << "\" y=\"" << cy + 4 << "\">"
        << html_escape(shorten(d.at("order_id"), 16)) << "</text>";
    o << "</g>";
  }
  o << "</svg><p class=\"legend\"><i style=\"background:" << kRisk
    << "\"></i>overdue<i style=\"background:" << kSoon
    << "\"></i>due within a week<i style=\"background:" << kLater << "\"></i>later</p>";
  return o.str();
}

std::string table(const json& items) {
  std::ostringstream o;
  o << "<table><thead><tr><th>SKU</th><th>Item</th><th>Waiting</th><th>Orders</th><th>Oldest wait</th>"
    << "<th>At risk</th><th>Next inbound</th><th>Next deadline</th></tr></thead><tbody>";
  for (const json& i : items) {
    const std::int64_t risk = integer(i.at("at_risk").at("lines"));
    o << "<tr" << (risk ? " class=\"risk\"" : "") << "><td>" << esc(i.at("sku")) << "</td><td>"
      << esc(i.at("name")) << "</td><td class=\"n\">" << integer(i.at("waiting_units"))
      << "</td><td class=\"n\">" << integer(i.at("waiting_orders")) << "</td><td class=\"n\">"
      << integer(i.at("oldest_wait_days")) << " d</td><td class=\"n\">";
    if (risk) {
      o << "<span class=\"late\">" << risk << (risk == 1 ? " line" : " lines") << "</span>";
      std::string orders;
      for (const json& id : i.at("at_risk").at("orders"))
        orders += (orders.empty() ? "" : ", ") + id.get<std::string>();
      o << "<br><span class=\"note\">" << html_escape(shorten(orders, 60)) << "</span>";
    } else {
      o << "0";
    }
    o << "</td><td>";
    if (const json& n = i.at("next_inbound"); !n.is_null()) {
      o << esc(n.at("id")) << " × " << integer(n.at("quantity")) << ", "
        << (n.at("overdue").get<bool>() ? "<span class=\"late\">" : "<span>") << "due "
        << esc(n.at("arriving").at("from")) << (n.at("overdue").get<bool>() ? " (late)" : "") << "</span>";
    } else {
      o << "<span class=\"note\">none ordered</span>";
    }
    o << "</td><td>";
    if (!i.at("deadlines").empty()) {
      const json& d = i.at("deadlines").at(0);
      const std::int64_t left = integer(d.at("days_left"));
      o << "<span class=\""
        << (left < 0    ? "late"
            : left <= 7 ? "soon"
                        : "")
        << "\">" << esc(d.at("due")) << " ("
        << (left < 0 ? num(-left) + " d overdue" : "in " + num(left) + " d") << ")</span>";
    } else {
      o << "<span class=\"note\">none</span>";
    }
    o << "</td></tr>";
  }
  o << "</tbody></table>";
  return o.str();
}

}  // namespace

std::string report_html(const json& r) {
  const json& items = r.at("items");
  const json& deadlines = r.at("deadlines");
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    << "<title>Backorders at " << esc(r.at("shop_name")) << ", " << esc(r.at("today")) << "</title><style>"
    << kStyle << "</style></head><body><main>";
  o << "<h1>Backorders at " << esc(r.at("shop_name")) << "</h1><p class=\"sub\">As of " << esc(r.at("now"))
    << "</p>";
  o << cards(r.at("totals"));
  if (items.empty()) {
    o << "<section><h2>Nothing is waiting</h2><p>Every order has shipped or was cancelled.</p></section>";
  } else {
    o << "<section><h2>Units waiting per item</h2>" << bar_chart(items) << "</section>";
    o << "<section><h2>Deadlines coming due</h2>" << timeline(deadlines);
    if (!deadlines.empty()) {
      o << "<p class=\"note\">" << esc(deadlines.at(0).at("label")) << " ("
        << esc(deadlines.at(0).at("citation")) << ").</p>";
    }
    o << "</section><section><h2>Items</h2>" << table(items) << "</section>";
  }
  o << "</main></body></html>\n";
  return o.str();
}

}  // namespace bo_cli
