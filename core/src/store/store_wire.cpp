// The Store's outbox calls as JSON, for the C ABI and the CLI (docs/store.md#outbox).
#include "../fact_reader.hpp"
#include "../json_writer.hpp"
#include "backorder/store.hpp"

namespace backorder {

using detail::Reader;

namespace {

std::string messages_json(const std::vector<OutboxMessage>& messages, const Calendar& cal) {
  detail::JsonWriter w;
  w.begin_object().key("messages").begin_array();
  for (const OutboxMessage& m : messages) {
    w.begin_object();
    w.key("attempts").value(std::int64_t{m.attempts});
    w.key("available_at").value(cal.format_local(m.available_at));
    w.key("created_at").value(cal.format_local(m.created_at));
    w.key("html").value(m.html);
    w.key("id").value(m.id);
    w.key("key").value(m.key);
    w.key("kind").value(m.kind);
    w.key("locale").value(m.locale);
    w.key("order_id").value(m.order_id);
    w.key("recipient").value(m.recipient);
    w.key("state").value(m.state);
    w.key("subject").value(m.subject);
    w.key("text").value(m.text);
    w.end_object();
  }
  w.end_array().end_object();
  return std::move(w.text());
}

}  // namespace

std::string store_claim_json(Store& store, std::string_view request_json) {
  detail::json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  r.object(j, "", {"max", "lease_seconds", "now"});
  Instant now = detail::read_instant(j, "now", "", r);
  int max = static_cast<int>(r.integer(j, "max", "", 1, 10'000).value_or(10));
  int lease = static_cast<int>(r.integer(j, "lease_seconds", "", 1, 86'400).value_or(60));
  r.throw_if_failed();
  return messages_json(store.claim(max, lease, now), store.engine().calendar());
}

std::string store_outbox_json(Store& store, std::string_view request_json) {
  detail::json j = detail::parse_json_or_throw(request_json, "request", "");
  Reader r;
  r.object(j, "", {"state", "limit", "now"});
  Instant now = detail::read_instant(j, "now", "", r);
  std::string state = r.string(j, "state", "").value_or("");
  if (state != "" && state != "pending" && state != "leased" && state != "sent")
    r.fail("state", "expected \"pending\", \"leased\" or \"sent\"");
  int limit = static_cast<int>(r.integer(j, "limit", "", 1, 100'000).value_or(100));
  r.throw_if_failed();
  return messages_json(store.outbox(state, limit, now), store.engine().calendar());
}

StoreOptions store_options_from_json(std::string_view options_json) {
  StoreOptions o;
  if (options_json.empty()) return o;
  detail::json j = detail::parse_json_or_throw(options_json, "options", "options");
  Reader r;
  if (r.object(j, "options", {"secret", "busy_timeout_ms"})) {
    o.secret = r.string(j, "secret", "options").value_or("");
    o.busy_timeout_ms =
        static_cast<int>(r.integer(j, "busy_timeout_ms", "options", 0, 600'000).value_or(10'000));
  }
  r.throw_if_failed();
  return o;
}

}  // namespace backorder
