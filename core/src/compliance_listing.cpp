// The listing checks: what a product page, a merchant feed or a marketplace listing claims, against the live
// facts (docs/compliance.md#listing-checks).
#include <algorithm>
#include <cctype>

#include "compliance_checks.hpp"

namespace backorder::detail {
namespace {

using Type = ParamSpec::Type;
using Words = std::vector<std::string>;

std::string num(std::int64_t n) { return std::to_string(n); }

const Words kShipLater = {"backorder", "preorder"};

// Broken at `path`, to be fixed today.
void found(const ListingContext& c, Outcomes& out, std::string path,
           std::vector<std::pair<std::string, std::string>> args) {
  out.push_back({false, c.today.day, std::move(path), std::move(args)});
}

std::string claim_path(std::size_t i, const char* field) {
  return "page.claims[" + std::to_string(i) + "]." + field;
}

// ---- truthful scarcity -------------------------------------------------------------------------------

// "Only N left" only while the live sellable quantity is at most N: the label's and the page's claims.
void only_left(const Rule&, const ListingContext& c, Outcomes& out) {
  const std::int64_t live = c.live.sellable;
  auto check = [&](std::int64_t claimed, std::string path) {
    if (live > claimed) found(c, out, std::move(path), {{"claimed", num(claimed)}, {"sellable", num(live)}});
  };
  if (c.label_given && c.shown.status == Status::low_stock) check(c.shown.sellable, "label.sellable");
  for (std::size_t i = 0; i < c.facts.claims.size(); ++i) {
    const Claim& claim = c.facts.claims[i];
    if (claim.kind == Claim::Kind::only_left && claim.quantity)
      check(*claim.quantity, claim_path(i, "quantity"));
  }
}

// "Almost sold out" without a number: only at or under the low-stock threshold.
void vague_scarcity(const Rule& rule, const ListingContext& c, Outcomes& out) {
  std::int64_t threshold = param_int(rule, "max_sellable");
  if (threshold < 0) {
    threshold = c.facts.item.low_stock_threshold.value_or(c.engine.policy().availability.low_stock_threshold);
  }
  for (std::size_t i = 0; i < c.facts.claims.size(); ++i) {
    if (c.facts.claims[i].kind == Claim::Kind::low_stock && c.live.sellable > threshold) {
      found(c, out, claim_path(i, "kind"),
            {{"sellable", num(c.live.sellable)}, {"threshold", num(threshold)}});
    }
  }
}

// A countdown or "for a limited time" needs a real end still ahead.
void urgency_end(const Rule&, const ListingContext& c, Outcomes& out) {
  for (std::size_t i = 0; i < c.facts.claims.size(); ++i) {
    const Claim& claim = c.facts.claims[i];
    if (claim.kind != Claim::Kind::countdown && claim.kind != Claim::Kind::limited_time) continue;
    if (!claim.ends_at || *claim.ends_at <= c.facts.now) {
      std::string ends = claim.ends_at ? c.engine.calendar().format_local(*claim.ends_at) : "no end time";
      found(c, out, claim_path(i, "ends_at"), {{"kind", claim_kind_name(claim.kind)}, {"ends_at", ends}});
    }
  }
}

// ---- Google Merchant -----------------------------------------------------------------------------------

void feed_value(const Rule& rule, const ListingContext& c, Outcomes& out) {
  if (c.facts.has_feed && !contains(param_words(rule, "values"), c.facts.feed_availability))
    found(c, out, "feed.availability", {{"value", c.facts.feed_availability}});
}

void feed_date_required(const Rule& rule, const ListingContext& c, Outcomes& out) {
  if (c.facts.has_feed && c.facts.feed_availability_date.empty() &&
      contains(param_words(rule, "statuses"), c.facts.feed_availability)) {
    found(c, out, "feed.availability_date", {{"availability", c.facts.feed_availability}});
  }
}

std::optional<Instant> instant_of(std::string_view text) {
  try {
    return parse_instant(text, "");
  } catch (const Error&) {
    return std::nullopt;
  }
}

// A date a page states: "2026-12-10" or an instant; its local day.
std::optional<Day> day_of(const ListingContext& c, std::string_view text) {
  if (auto t = instant_of(text)) return c.engine.calendar().local_day(*t);
  try {
    return parse_day(text, "");
  } catch (const Error&) {
    return std::nullopt;
  }
}

void feed_date_format(const Rule&, const ListingContext& c, Outcomes& out) {
  const std::string& d = c.facts.feed_availability_date;
  if (c.facts.has_feed && !d.empty() && !instant_of(d))
    found(c, out, "feed.availability_date", {{"value", d}});
}

void feed_date_horizon(const Rule& rule, const ListingContext& c, Outcomes& out) {
  auto t = c.facts.has_feed ? instant_of(c.facts.feed_availability_date) : std::nullopt;
  if (!t) return;
  const Day day = c.engine.calendar().local_day(*t);
  const std::int64_t max = param_int(rule, "max_days");
  if (day - c.today.day > max) {
    found(c, out, "feed.availability_date",
          {{"date", format_day(day)}, {"days", num(day - c.today.day)}, {"max_days", num(max)}});
  }
}

// The feed says what the page says: the availability, and the day it starts.
void feed_matches_page(const Rule&, const ListingContext& c, Outcomes& out) {
  if (!c.facts.has_feed) return;
  if (c.facts.feed_availability != c.shown.merchant_availability) {
    found(c, out, "feed.availability",
          {{"field", "availability"},
           {"feed", c.facts.feed_availability},
           {"page", c.shown.merchant_availability}});
  }
  auto feed_day = day_of(c, c.facts.feed_availability_date);
  if (!feed_day) return;  // missing or malformed: the rules for those say so
  std::optional<Day> page_day;
  std::string page_path;
  if (!c.facts.page_availability_date.empty()) {
    page_day = day_of(c, c.facts.page_availability_date);
    page_path = "page.availability_date";
  } else if (!c.shown.availability_date.empty()) {
    page_day = day_of(c, c.shown.availability_date);
  }
  if (page_day && *page_day != *feed_day) {
    found(c, out, page_path.empty() ? "feed.availability_date" : page_path,
          {{"field", "availability_date"}, {"feed", format_day(*feed_day)}, {"page", format_day(*page_day)}});
  }
}

// Pre-order only for a product not yet released.
void preorder_unreleased(const Rule&, const ListingContext& c, Outcomes& out) {
  const auto& release = c.facts.item.release_date;
  if (release && *release > c.today.day) return;
  std::string when = release ? format_day(*release) : "none";
  if (c.facts.has_feed && c.facts.feed_availability == "preorder") {
    found(c, out, "feed.availability", {{"release_date", when}, {"source", "feed"}});
  }
  if (c.label_given && c.shown.status == Status::preorder) {
    found(c, out, "label.status", {{"release_date", when}, {"source", "page"}});
  }
}

// ---- marketplaces --------------------------------------------------------------------------------------

bool ships_later(const Rule& rule, const ListingContext& c) {
  return contains(param_words(rule, "statuses"), status_name(c.shown.status));
}

// Backorders and pre-orders only when they ship within so many days.
void ship_window(const Rule& rule, const ListingContext& c, Outcomes& out) {
  if (!ships_later(rule, c) || !c.shown.later_to) return;
  const Day to = *c.shown.later_to;
  const bool business = param_word(rule, "day_unit") == "business";
  const std::int64_t days =
      business ? c.engine.calendar().business_days_between(c.today.day, to) : to - c.today.day;
  const std::int64_t max = param_int(rule, "max_days");
  if (days > max) {
    std::string path = c.label_given                        ? "label.later_window.to"
                       : c.shown.status == Status::preorder ? "item.release_date"
                                                            : "item.lead_time_days";
    found(c, out, path, {{"ship_by", format_day(to)}, {"days", num(days)}, {"max_days", num(max)}});
  }
}

const MarketplaceListing* listing_on(const ListingContext& c, const std::string& channel) {
  auto it = c.facts.marketplaces.find(channel);
  return it == c.facts.marketplaces.end() ? nullptr : &it->second;
}

void fulfillment(const Rule& rule, const ListingContext& c, Outcomes& out) {
  const std::string& channel = param_word(rule, "channel");
  const MarketplaceListing* m = listing_on(c, channel);
  if (!ships_later(rule, c) || !m || m->fulfillment.empty()) return;
  if (!contains(param_words(rule, "allowed"), m->fulfillment)) {
    found(c, out, "marketplaces." + channel + ".fulfillment",
          {{"fulfillment", m->fulfillment}, {"channel", channel}});
  }
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

// The listing's words must say what it is ("presale").
void wording(const Rule& rule, const ListingContext& c, Outcomes& out) {
  if (!ships_later(rule, c)) return;
  const std::string& channel = param_word(rule, "channel");
  const MarketplaceListing* m = channel.empty() ? nullptr : listing_on(c, channel);
  std::string text, path;
  if (m && !(m->title.empty() && m->description.empty())) {
    text = m->title + "\n" + m->description;
    path = "marketplaces." + channel + (m->title.empty() ? ".description" : ".title");
  } else if (!(c.facts.title.empty() && c.facts.description.empty())) {
    text = c.facts.title + "\n" + c.facts.description;
    path = c.facts.title.empty() ? "page.description" : "page.title";
  } else {
    return;  // no words given: nothing to check
  }
  text = lower(text);
  const Words& words = param_words(rule, "words");
  bool said = std::any_of(words.begin(), words.end(),
                          [&](const std::string& w) { return text.find(lower(w)) != std::string::npos; });
  if (!said) {
    std::string list;
    for (std::size_t i = 0; i < words.size(); ++i)
      list += (i == 0 ? "\"" : i + 1 == words.size() ? " or \"" : ", \"") + words[i] + "\"";
    found(c, out, path, {{"words", list}, {"channel", channel.empty() ? "the page" : channel}});
  }
}

ParamSpec statuses() {
  return {"statuses", Type::words,
          kShipLater, 0,
          0,          {"in_stock", "low_stock", "backorder", "preorder", "out_of_stock", "discontinued"}};
}

}  // namespace

std::vector<CheckKind> listing_check_kinds() {
  const std::vector<std::string_view> merchant_values = {"in_stock", "out_of_stock", "preorder", "backorder"};
  return {
      {"scarcity_only_left", {}, {"claimed", "sellable"}, only_left, nullptr},
      {"scarcity_vague",
       {{"max_sellable", Type::integer, std::int64_t{-1}, -1, 1'000'000'000, {}}},
       {"sellable", "threshold"},
       vague_scarcity,
       nullptr},
      {"urgency_end_time", {}, {"kind", "ends_at"}, urgency_end, nullptr},
      {"feed_availability_value",
       {{"values", Type::words, Words{"in_stock", "out_of_stock", "preorder", "backorder"}, 0, 0, {}}},
       {"value"},
       feed_value,
       nullptr},
      {"feed_date_required",
       {{"statuses", Type::words, kShipLater, 0, 0, merchant_values}},
       {"availability"},
       feed_date_required,
       nullptr},
      {"feed_date_format", {}, {"value"}, feed_date_format, nullptr},
      {"feed_date_horizon",
       {{"max_days", Type::integer, std::int64_t{365}, 0, 3650, {}}},
       {"date", "days", "max_days"},
       feed_date_horizon,
       nullptr},
      {"feed_matches_page", {}, {"field", "feed", "page"}, feed_matches_page, nullptr},
      {"preorder_unreleased", {}, {"release_date", "source"}, preorder_unreleased, nullptr},
      {"marketplace_ship_window",
       {statuses(),
        {"max_days", Type::integer, std::int64_t{30}, 0, 3650, {}},
        {"day_unit", Type::word, std::string("calendar"), 0, 0, {"calendar", "business"}}},
       {"ship_by", "days", "max_days"},
       ship_window,
       nullptr},
      {"marketplace_fulfillment",
       {statuses(),
        {"channel", Type::word, std::string("amazon"), 0, 0, {}},
        {"allowed", Type::words, Words{"merchant"}, 0, 0, {}}},
       {"fulfillment", "channel"},
       fulfillment,
       nullptr},
      {"listing_wording",
       {statuses(),
        {"channel", Type::word, std::string(), 0, 0, {}},
        {"words", Type::words, Words{"presale"}, 0, 0, {}}},
       {"words", "channel"},
       wording,
       nullptr},
  };
}

}  // namespace backorder::detail

namespace backorder {

const char* claim_kind_name(Claim::Kind k) {
  switch (k) {
    case Claim::Kind::only_left:
      return "only_left";
    case Claim::Kind::low_stock:
      return "low_stock";
    case Claim::Kind::countdown:
      return "countdown";
    case Claim::Kind::limited_time:
      return "limited_time";
  }
  return "only_left";
}

}  // namespace backorder
