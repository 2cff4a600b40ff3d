// Message rendering with hostile values in every field: it answers or refuses, and the HTML never carries a
// value unescaped.
#include "store/messages.hpp"

#include "fuzz_support.hpp"

namespace {

// Cuts the input into fields at NUL bytes; missing ones are empty.
std::vector<std::string> fields(std::string_view in, std::size_t n) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (out.size() < n) {
    std::size_t end = std::min(in.find('\0', at), in.size());
    out.emplace_back(at < in.size() ? in.substr(at, end - at) : std::string_view());
    at = end + 1;
  }
  return out;
}

backorder::detail::MessageData message(const std::vector<std::string>& f, std::size_t size) {
  using namespace backorder::detail;
  MessageData d;
  d.kind = static_cast<MessageKind>(size % 8);  // every kind, delay_notice and cancelled included
  d.locale = (size / 8) % 2 ? "de-DE" : "en-US";
  d.shop = f[0];
  d.order_id = f[1];
  d.customer_name = f[2];
  MessageLine line;
  line.line_id = "1";
  line.sku = f[3];
  line.name = f[4];
  line.quantity = 1 + static_cast<std::int64_t>(size % 3);
  line.waiting = true;
  line.ship = {20800, 20804, 10, 14};
  line.before = backorder::Window{20790, 20794, 0, 4};
  d.lines.push_back(line);
  d.carrier = f[5];
  d.tracking = f[6];
  d.tracking_url = f[7];
  d.manage_url = f[7];
  d.remedies.push_back({"discount", 10, f[6]});
  d.available = 3;
  // delay_notice: a date or a reason from the input; cancelled: with or without a refund quoted.
  d.deadline = 20790;
  if (size % 2) d.revised = 20804;
  d.reason = f[5];
  d.consent_by = 20795;
  if (size % 3) d.refund_total = 14527, d.refund_by = 20800;
  return d;
}

// The HTML with every escaped occurrence of v cut out. The escaped value may sit against the template's own
// markup and spell v across the seam ("p&lt;/p" then "</p>" holds "p</p"); a raw v can never lie inside an
// escaped one (it has a < or a ", the escaped form has neither), so cutting hides no real leak.
std::string cut_escaped(std::string html, const std::string& v) {
  const std::string e = backorder::detail::escape_html(v);
  for (auto at = html.find(e); at != std::string::npos; at = html.find(e, at + 1))
    html.replace(at, e.size(), "\x01");
  return html;
}

// Whether `v` stands in the page as itself: an occurrence that ends in the "&" of an entity the escaping
// wrote (markup `">` then `&quot;`) is the template's markup next to an escaped value, not the value.
bool appears(const std::string& html, const std::string& v) {
  for (auto at = html.find(v); at != std::string::npos; at = html.find(v, at + 1)) {
    if (v.back() != '&') return true;
    std::string_view rest = std::string_view(html).substr(at + v.size());
    bool entity = false;
    for (std::string_view e : {"amp;", "lt;", "gt;", "quot;", "#39;"}) entity = entity || rest.starts_with(e);
    if (!entity) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace backorder::detail;
  auto f = fields(fuzz::as_text(data, size), 8);
  RenderedMessage m;
  if (!fuzz::answers([&] { m = render_message(fuzz::apparel_engine(), message(f, size), 1796047200000); }))
    return 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const std::string& v = f[i];
    if (v.size() < 3 || (v.find('<') == std::string::npos && v.find('"') == std::string::npos)) continue;
    if (!appears(cut_escaped(m.html, v), v)) continue;
    // Found: fine only when the page says it with a plain value in its place too (the template's own markup).
    auto without = f;
    without[i] = "x";  // a plain value keeps the text around it (an empty one may drop the whole line)
    RenderedMessage plain;
    if (fuzz::answers(
            [&] { plain = render_message(fuzz::apparel_engine(), message(without, size), 1796047200000); }) &&
        appears(cut_escaped(plain.html, v), v))
      continue;
    fuzz::fail("a value reached the HTML unescaped", v);
  }
  if (m.html.find("href=\"javascript:") != std::string::npos) fuzz::fail("a javascript: link", m.html);
  return 0;
}
