#include "wire_objects.hpp"

namespace backorder::detail {

json window_json(const Window& w) {
  return {{"from", format_day(w.from)},
          {"to", format_day(w.to)},
          {"min_days", w.min_days},
          {"max_days", w.max_days}};
}

void write_window(JsonWriter& w, const Window& window) {
  w.begin_object()
      .field("from", format_day(window.from))
      .field("max_days", window.max_days)
      .field("min_days", window.min_days)
      .field("to", format_day(window.to))
      .end_object();
}

void write_label(JsonWriter& w, const Label& l, std::string_view sku, std::optional<std::size_t> row) {
  const Availability& a = l.availability;
  w.begin_object().field("later", a.later).key("later_window");
  if (a.later > 0)
    write_window(w, a.later_window);
  else
    w.null();
  w.key("merchant").begin_object().field("availability", l.merchant());
  if (!l.text->availability_date.empty()) w.field("availability_date", l.text->availability_date);
  w.end_object().field("notify_me", a.notify_me).key("now_window");
  if (a.ship_now > 0)
    write_window(w, a.now_window);
  else
    w.null();
  w.field("quantity", a.quantity);
  if (row) w.field("row", static_cast<std::int64_t>(*row));
  w.field("schema_org", l.schema_org())
      .field("sellable", a.sellable)
      .field("ship_now", a.ship_now)
      .field("short_text", l.text->short_text)
      .field("sku", sku)
      .field("status", status_name(a.status))
      .field("status_code", static_cast<int>(a.status))
      .field("text", l.text->text)
      .field("unavailable", a.unavailable)
      .end_object();
}

}  // namespace backorder::detail
