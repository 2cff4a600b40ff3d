// The support desk brief and the merchant report as JSON requests, for the C ABI, the CLI and the bindings
// (docs/store.md#support-desk-and-report).
#include "../fact_reader.hpp"
#include "backorder/store.hpp"

namespace backorder {

using detail::Reader;

std::string store_brief_json(Store& store, std::string_view request_json) {
  detail::json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  std::string order_id;
  BriefRequest req;
  if (r.object(j, "", {"order_id", "now", "locale"})) {
    order_id = r.string(j, "order_id", "").value_or("");
    if (order_id.empty()) r.fail("order_id", "required: the order's id");
    req.now = detail::read_instant(j, "now", "", r);
    req.locale = r.string(j, "locale", "").value_or("");
    if (!req.locale.empty() && !is_known_locale(req.locale))
      r.fail("locale", "unknown locale \"" + req.locale + "\"");
  }
  r.throw_if_failed();
  return store.brief_json(order_id, req);
}

std::string store_report_json(Store& store, std::string_view request_json) {
  detail::json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  ReportRequest req;
  if (r.object(j, "", {"now"})) req.now = detail::read_instant(j, "now", "", r);
  r.throw_if_failed();
  return store.report_json(req);
}

}  // namespace backorder
