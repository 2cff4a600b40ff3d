#include "wire_objects.hpp"

namespace backorder::detail {

json window_json(const Window& w) {
  return {{"from", format_day(w.from)},
          {"to", format_day(w.to)},
          {"min_days", w.min_days},
          {"max_days", w.max_days}};
}

json label_object(const Label& l, std::string_view sku) {
  const Availability& a = l.availability;
  json merchant = {{"availability", l.merchant()}};
  if (!l.text->availability_date.empty()) merchant["availability_date"] = l.text->availability_date;
  return {{"sku", sku},
          {"status", status_name(a.status)},
          {"status_code", static_cast<int>(a.status)},
          {"text", l.text->text},
          {"short_text", l.text->short_text},
          {"quantity", a.quantity},
          {"sellable", a.sellable},
          {"ship_now", a.ship_now},
          {"later", a.later},
          {"unavailable", a.unavailable},
          {"notify_me", a.notify_me},
          {"now_window", window_json(a.now_window, a.ship_now > 0)},
          {"later_window", window_json(a.later_window, a.later > 0)},
          {"schema_org", l.schema_org()},
          {"merchant", merchant}};
}

}  // namespace backorder::detail
