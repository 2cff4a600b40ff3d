#include "backorder/policy.hpp"

#include <openssl/evp.h>
#include <unicode/locid.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "backorder/labels.hpp"
#include "json_reader.hpp"
#include "refund_policy_reader.hpp"

namespace backorder {

using detail::json;
using detail::Reader;

namespace {

const std::set<std::string>& known_languages() {
  static const std::set<std::string> langs = [] {
    std::set<std::string> out;
    int32_t n = 0;
    const icu::Locale* all = icu::Locale::getAvailableLocales(n);
    for (int32_t i = 0; i < n; ++i) out.insert(all[i].getLanguage());
    return out;
  }();
  return langs;
}

constexpr std::int64_t kMaxAmount = 1'000'000'000'000;

std::string sha256_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!EVP_Digest(text.data(), text.size(), digest, &len, EVP_sha256(), nullptr)) {
    throw Error(ErrorCode::internal, "", "SHA-256 failed");
  }
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

constexpr std::string_view kWeekdays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

// "14:00" -> 840; 24:00 means "no cut-off".
std::optional<int> parse_clock(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  auto d = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -100; };
  int h = d(0) * 10 + d(1), m = d(3) * 10 + d(4);
  if (h < 0 || m < 0 || m > 59 || h * 60 + m > 24 * 60) return std::nullopt;
  return h * 60 + m;
}

void read_calendar(const json& j, const std::string& path, Reader& r, CalendarSpec& c) {
  if (!r.object(j, path, {"time_zone", "working_days", "holidays", "cutoff", "handling_days"})) return;
  if (auto tz = r.string(j, "time_zone", path)) {
    c.time_zone = *tz;
    try {
      CalendarSpec probe;
      probe.time_zone = *tz;
      Calendar{probe};
    } catch (const Error& e) {
      r.fail(Reader::at(path, "time_zone"), e.what());
    }
  } else if (!Reader::member(j, "time_zone")) {
    r.fail(Reader::at(path, "time_zone"), "required (an IANA time zone such as \"Europe/Berlin\")");
  }
  if (const json* days = Reader::member(j, "working_days")) {
    std::string p = Reader::at(path, "working_days");
    if (!days->is_array()) {
      r.fail(p, "expected an array of weekdays such as [\"mon\", \"tue\"]");
    } else {
      unsigned mask = 0;
      for (std::size_t i = 0; i < days->size(); ++i) {
        const json& d = (*days)[i];
        auto it = d.is_string() ? std::find(std::begin(kWeekdays), std::end(kWeekdays), d.get<std::string>())
                                : std::end(kWeekdays);
        if (it == std::end(kWeekdays)) {
          r.fail(Reader::at(p, i), "expected one of sun, mon, tue, wed, thu, fri, sat");
          continue;
        }
        unsigned bit = 1u << (it - std::begin(kWeekdays));
        if (mask & bit) r.fail(Reader::at(p, i), "listed twice");
        mask |= bit;
      }
      if (mask == 0 && days->empty()) r.fail(p, "at least one working day is needed");
      if (mask) c.working_days = mask;
    }
  }
  if (const json* hol = Reader::member(j, "holidays")) {
    std::string p = Reader::at(path, "holidays");
    if (!hol->is_array()) {
      r.fail(p, "expected an array of dates (YYYY-MM-DD)");
    } else {
      for (std::size_t i = 0; i < hol->size(); ++i) {
        std::string ip = Reader::at(p, i);
        if (!(*hol)[i].is_string()) {
          r.fail(ip, "expected a date as YYYY-MM-DD");
          continue;
        }
        try {
          c.holidays.push_back(parse_day((*hol)[i].get<std::string>(), ip));
        } catch (const Error& e) {
          r.fail(ip, e.what());
        }
      }
      std::sort(c.holidays.begin(), c.holidays.end());
    }
  }
  if (auto cut = r.string(j, "cutoff", path)) {
    if (auto m = parse_clock(*cut)) {
      c.cutoff_minutes = *m;
    } else {
      r.fail(Reader::at(path, "cutoff"), "expected a local time as HH:MM, 00:00 to 24:00");
    }
  }
  if (auto h = r.integer(j, "handling_days", path, 0, 365)) c.handling_days = static_cast<int>(*h);
}

void read_availability(const json& j, const std::string& path, Reader& r, AvailabilityPolicy& a) {
  if (!r.object(j, path,
                {"low_stock_threshold", "backorders", "max_backorder", "lead_time_days", "day_unit"})) {
    return;
  }
  if (auto t = r.integer(j, "low_stock_threshold", path, 0, 1'000'000'000)) a.low_stock_threshold = *t;
  if (auto b = r.boolean(j, "backorders", path)) a.backorders = *b;
  if (auto m = r.integer(j, "max_backorder", path, 0, 1'000'000'000)) a.max_backorder = *m;
  if (const json* lead = Reader::member(j, "lead_time_days")) {
    if (auto range = r.range(*lead, Reader::at(path, "lead_time_days"), 3650)) {
      a.lead_min_days = range->first;
      a.lead_max_days = range->second;
    }
  }

  if (auto u = r.string(j, "day_unit", path)) {
    if (*u == "calendar")
      a.day_unit = DayUnit::calendar;
    else if (*u == "business")
      a.day_unit = DayUnit::business;
    else
      r.fail(Reader::at(path, "day_unit"), "expected \"calendar\" or \"business\"");
  }
}

void read_promise(const json& j, const std::string& path, Reader& r, PromisePolicy& p) {
  if (!r.object(j, path,
                {"receiving_days", "lateness_percentile", "default_lateness_days", "lead_time_counts"})) {
    return;
  }
  if (auto v = r.string(j, "lead_time_counts", path)) {
    if (*v == "until_arrival")
      p.lead_time_to_arrival = true;
    else if (*v != "until_ship")
      r.fail(Reader::at(path, "lead_time_counts"), "expected \"until_ship\" or \"until_arrival\"");
  }
  if (auto v = r.integer(j, "receiving_days", path, 0, 365)) p.receiving_days = static_cast<int>(*v);
  if (auto v = r.integer(j, "lateness_percentile", path, 50, 100))
    p.lateness_percentile = static_cast<int>(*v);
  if (const json* d = Reader::member(j, "default_lateness_days")) {
    std::string dp = Reader::at(path, "default_lateness_days");
    if (r.object(*d, dp, {"confirmed", "unconfirmed"})) {
      if (auto v = r.integer(*d, "confirmed", dp, 0, 365))
        p.default_lateness_confirmed = static_cast<int>(*v);
      if (auto v = r.integer(*d, "unconfirmed", dp, 0, 365))
        p.default_lateness_unconfirmed = static_cast<int>(*v);
    }
  }
}

void read_shipping(const json& j, const std::string& path, Reader& r, ShippingPolicy& shipping) {
  if (!r.object(j, path, {"methods", "extra_shipments_paid_by"})) return;
  if (auto who = r.string(j, "extra_shipments_paid_by", path)) {
    if (*who == "shop")
      shipping.shop_pays_extra_shipments = true;
    else if (*who != "customer")
      r.fail(Reader::at(path, "extra_shipments_paid_by"), "expected \"shop\" or \"customer\"");
  }
  auto& out = shipping.methods;
  const json* methods = Reader::member(j, "methods");
  std::string mp = Reader::at(path, "methods");
  if (!methods || !methods->is_array()) {
    r.fail(mp, "expected an array of shipping methods");
    return;
  }
  for (std::size_t i = 0; i < methods->size(); ++i) {
    std::string p = Reader::at(mp, i);
    const json& m = (*methods)[i];
    if (!r.object(m, p, {"id", "name", "transit_days", "price", "free_over"})) continue;
    ShippingMethod method;
    if (auto id = r.string(m, "id", p); id && !id->empty()) {
      method.id = *id;
      for (const auto& other : out) {
        if (other.id == *id) r.fail(Reader::at(p, "id"), "listed twice");
      }
    } else {
      r.fail(Reader::at(p, "id"), "required");
    }
    method.name = r.string(m, "name", p).value_or(method.id);
    if (const json* price = Reader::member(m, "price")) {
      std::string pp = Reader::at(p, "price");
      if (r.object(*price, pp, {"per_shipment", "per_item"})) {
        method.per_shipment = r.integer(*price, "per_shipment", pp, 0, kMaxAmount).value_or(0);
        method.per_item = r.integer(*price, "per_item", pp, 0, kMaxAmount).value_or(0);
      }
    }
    method.free_over = r.integer(m, "free_over", p, 0, kMaxAmount);
    if (const json* t = Reader::member(m, "transit_days"); t && t->is_object()) {
      for (auto z = t->begin(); z != t->end(); ++z) {
        std::string zp = Reader::at(Reader::at(p, "transit_days"), z.key());
        if (!r.text_fits(z.key(), zp)) continue;
        if (auto range = r.range(*z, zp, 365)) {
          method.transit_days[z.key()] = {range->first, range->second};
        }
      }
    } else {
      r.fail(Reader::at(p, "transit_days"),
             "required: zones to {\"min\", \"max\"} working days, \"*\" for any other");
    }
    out.push_back(std::move(method));
  }
}

void read_checkout(const json& j, const std::string& path, Reader& r, CheckoutPolicy& c) {
  if (!r.object(j, path,
                {"default_strategy", "split_after_days", "authorization_days", "beyond_authorization",
                 "prices_must_match", "alternatives"})) {
    return;
  }
  if (auto s = r.string(j, "default_strategy", path)) {
    if (*s == "ship_available")
      c.default_strategy = Strategy::ship_available;
    else if (*s == "ship_together")
      c.default_strategy = Strategy::ship_together;
    else
      r.fail(Reader::at(path, "default_strategy"), "expected \"ship_available\" or \"ship_together\"");
  }
  if (auto v = r.integer(j, "split_after_days", path, 0, 365)) c.split_after_days = static_cast<int>(*v);
  if (auto v = r.integer(j, "authorization_days", path, 1, 30)) c.authorization_days = static_cast<int>(*v);
  if (auto s = r.string(j, "beyond_authorization", path)) {
    if (*s == "charge_now")
      c.charge_now_beyond_authorization = true;
    else if (*s != "charge_at_shipment") {
      r.fail(Reader::at(path, "beyond_authorization"), "expected \"charge_now\" or \"charge_at_shipment\"");
    }
  }
  if (auto b = r.boolean(j, "prices_must_match", path)) c.prices_must_match = *b;
  if (const json* a = Reader::member(j, "alternatives")) {
    std::string ap = Reader::at(path, "alternatives");
    if (r.object(*a, ap, {"max", "match", "price_band_percent"})) {
      if (auto v = r.integer(*a, "max", ap, 0, 20)) c.alternatives_max = static_cast<int>(*v);
      if (auto v = r.integer(*a, "price_band_percent", ap, 0, 1000))
        c.price_band_percent = static_cast<int>(*v);
      if (const json* m = Reader::member(*a, "match")) {
        c.alternatives_match.clear();
        if (!m->is_array()) r.fail(Reader::at(ap, "match"), "expected an array of attribute names");
        for (std::size_t i = 0; m->is_array() && i < m->size(); ++i) {
          std::string ip = Reader::at(Reader::at(ap, "match"), i);
          if (!(*m)[i].is_string())
            r.fail(ip, "expected an attribute name");
          else if (r.text_fits((*m)[i].get_ref<const std::string&>(), ip))
            c.alternatives_match.push_back((*m)[i].get<std::string>());
        }
      }
    }
  }
}

bool is_web_url(std::string_view u) { return u.starts_with("https://") || u.starts_with("http://"); }

void read_notifications(const json& j, const std::string& path, Reader& r, NotificationPolicy& n) {
  if (!r.object(j, path,
                {"shop_name", "eta_threshold_days", "min_hours_between_updates", "waitlist_factor",
                 "tracking_url", "manage_url", "link_days", "delay_remedies"})) {
    return;
  }
  n.shop_name = r.string(j, "shop_name", path).value_or("");
  if (auto v = r.integer(j, "eta_threshold_days", path, 0, 365)) n.eta_threshold_days = static_cast<int>(*v);
  if (auto v = r.integer(j, "min_hours_between_updates", path, 0, 24 * 365))
    n.min_hours_between_updates = static_cast<int>(*v);
  if (const json* f = Reader::member(j, "waitlist_factor")) {
    // The one fractional setting: a ratio of people to units, never money.
    if (!f->is_number() || f->get<double>() < 1.0 || f->get<double>() > 100.0)
      r.fail(Reader::at(path, "waitlist_factor"), "expected a number from 1 to 100");
    else
      n.waitlist_factor_permille = static_cast<int>(f->get<double>() * 1000.0 + 0.5);
  }
  for (auto [key, out, hole] : {std::tuple{"tracking_url", &n.tracking_url, "{tracking}"},
                                std::tuple{"manage_url", &n.manage_url, "{token}"}}) {
    if (auto u = r.string(j, key, path)) {
      if (!is_web_url(*u) || u->find(hole) == std::string::npos)
        r.fail(Reader::at(path, key), std::string("expected an http(s) URL containing ") + hole);
      else
        *out = *u;
    }
  }
  if (auto v = r.integer(j, "link_days", path, 1, 3650)) n.link_days = static_cast<int>(*v);
  if (const json* a = Reader::member(j, "delay_remedies")) {
    std::string ap = Reader::at(path, "delay_remedies");
    if (!a->is_array()) r.fail(ap, "expected an array of remedies");
    for (std::size_t i = 0; a->is_array() && i < a->size(); ++i) {
      std::string p = Reader::at(ap, i);
      if (!r.object((*a)[i], p, {"type", "percent", "code_prefix"})) continue;
      RemedyRule rule;
      rule.kind = r.string((*a)[i], "type", p).value_or("");
      if (rule.kind == "discount") {
        rule.percent = static_cast<int>(r.integer((*a)[i], "percent", p, 1, 100).value_or(0));
        rule.code_prefix = r.string((*a)[i], "code_prefix", p).value_or("SORRY");
        if (rule.percent == 0) r.fail(Reader::at(p, "percent"), "required: 1 to 100");
      } else if (rule.kind != "free_expedited_shipping") {
        r.fail(Reader::at(p, "type"), "expected \"free_expedited_shipping\" or \"discount\"");
      }
      n.delay_remedies.push_back(std::move(rule));
    }
  }
}

void read_messages(const json& j, const std::string& path, Reader& r, Policy& p) {
  if (!j.is_object()) {
    r.fail(path, "expected an object of locales, each an object of message patterns");
    return;
  }
  for (auto loc = j.begin(); loc != j.end(); ++loc) {
    std::string lp = Reader::at(path, loc.key());
    std::string canon = canonical_locale(loc.key());
    if (canon.empty()) {
      r.fail(lp, "unknown locale \"" + loc.key() + "\"");
      continue;
    }
    if (!loc->is_object()) {
      r.fail(lp, "expected an object of message patterns");
      continue;
    }
    for (auto msg = loc->begin(); msg != loc->end(); ++msg) {
      std::string mp = Reader::at(lp, msg.key());
      bool known = std::any_of(std::begin(kMessageKeys), std::end(kMessageKeys),
                               [&](const char* k) { return msg.key() == k; });
      if (!known) {
        r.fail(mp, "unknown message key (see docs/messages.md)");
        continue;
      }
      if (!msg->is_string()) {
        r.fail(mp, "expected an ICU MessageFormat pattern");
        continue;
      }
      if (msg->get_ref<const std::string&>().size() > limits::kPatternBytes) {
        r.fail(mp, "longer than " + std::to_string(limits::kPatternBytes) + " bytes");
        continue;
      }
      std::string why = check_message_pattern(canon, msg->get<std::string>());
      if (!why.empty()) {
        r.fail(mp, why);
        continue;
      }
      p.messages[canon][msg.key()] = msg->get<std::string>();
    }
  }
}

Policy read_policy(std::string_view text, Reader& r) {
  Policy p;
  const std::string root = "policy";
  json j = detail::parse_json(text, root, r.issues, root);
  if (j.is_discarded()) return p;
  if (!r.object(j, root,
                {"version", "shop", "currency", "locale", "calendar", "availability", "promise", "shipping",
                 "checkout", "notifications", "messages", "refunds"})) {
    return p;
  }
  if (auto v = r.integer(j, "version", root, 0, 1'000'000)) {
    if (*v != kPolicyVersion) {
      r.fail("policy.version", "unsupported policy version " + std::to_string(*v) +
                                   "; this library reads version " + std::to_string(kPolicyVersion));
    }
  } else if (!Reader::member(j, "version")) {
    r.fail("policy.version", "required (1)");
  }
  if (auto s = r.string(j, "shop", root)) p.shop = *s;
  if (auto c = r.string(j, "currency", root)) {
    try {
      p.currency = currency_from_code(*c);
    } catch (const Error& e) {
      r.fail("policy.currency", e.what());
    }
  } else if (!Reader::member(j, "currency")) {
    r.fail("policy.currency", "required (an ISO 4217 code such as \"EUR\")");
  }
  if (auto l = r.string(j, "locale", root)) {
    p.locale = canonical_locale(*l);
    if (p.locale.empty()) r.fail("policy.locale", "unknown locale \"" + *l + "\"");
  }
  if (const json* c = Reader::member(j, "calendar")) {
    read_calendar(*c, "policy.calendar", r, p.calendar);
  } else {
    r.fail("policy.calendar", "required (at least {\"time_zone\": ...})");
  }
  if (const json* a = Reader::member(j, "availability"))
    read_availability(*a, "policy.availability", r, p.availability);
  if (const json* x = Reader::member(j, "promise")) read_promise(*x, "policy.promise", r, p.promise);
  if (const json* x = Reader::member(j, "shipping")) read_shipping(*x, "policy.shipping", r, p.shipping);
  if (const json* x = Reader::member(j, "checkout")) read_checkout(*x, "policy.checkout", r, p.checkout);
  if (const json* x = Reader::member(j, "notifications"))
    read_notifications(*x, "policy.notifications", r, p.notifications);
  if (const json* x = Reader::member(j, "refunds")) detail::read_refunds(*x, "policy.refunds", r, p.refunds);
  p.hash = sha256_hex(j.dump());  // nlohmann keeps keys sorted: the same document gives the same hash
  if (const json* m = Reader::member(j, "messages")) read_messages(*m, "policy.messages", r, p);
  return p;
}

}  // namespace

std::string canonical_locale(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return "";
  std::string t(tag);
  std::replace(t.begin(), t.end(), '_', '-');
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(t, status);
  if (U_FAILURE(status) || loc.isBogus() || !known_languages().count(loc.getLanguage())) return "";
  std::string out = loc.toLanguageTag<std::string>(status);
  return U_FAILURE(status) ? "" : out;
}

bool is_known_locale(std::string_view tag) { return !canonical_locale(tag).empty(); }

std::vector<Issue> validate_policy(std::string_view json_text) {
  Reader r;
  read_policy(json_text, r);
  return r.issues;
}

Policy parse_policy(std::string_view json_text) {
  Reader r;
  Policy p = read_policy(json_text, r);
  r.throw_if_failed();
  return p;
}

}  // namespace backorder
