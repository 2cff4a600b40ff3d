// The support desk brief (docs/store.md#support-desk-and-report): what an agent can say and offer for one
// order right now, in the agent's language, as text and as data. Reads only.
#include <unicode/listformatter.h>

#include <algorithm>
#include <optional>

#include "../money_format.hpp"
#include "backorder/labels.hpp"
#include "backorder/remedies.hpp"
#include "ledger.hpp"
#include "remedy_ledger.hpp"

namespace backorder {

using detail::json;
using detail::Param;
using P = std::vector<Param>;

namespace {

json window_json(const Window& w) { return {{"from", format_day(w.from)}, {"to", format_day(w.to)}}; }

// "A, B and C" in the locale's words (ICU ListFormatter).
std::string list_text(const std::string& locale, const std::vector<std::string>& items) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(locale, status);
  std::unique_ptr<icu::ListFormatter> f(icu::ListFormatter::createInstance(loc, status));
  std::vector<icu::UnicodeString> parts;
  for (const auto& s : items) parts.push_back(icu::UnicodeString::fromUTF8(s));
  icu::UnicodeString out;
  if (U_SUCCESS(status)) f->format(parts.data(), static_cast<int32_t>(parts.size()), out, status);
  std::string text;
  if (U_FAILURE(status)) {
    for (const auto& s : items) text += (text.empty() ? "" : ", ") + s;
    return text;
  }
  out.toUTF8String(text);
  return text;
}

// The brief under construction: one Labeler for the words, the JSON as it grows, and the text beside it.
class Brief {
 public:
  Brief(Store::Impl& s, const std::string& order_id, const BriefRequest& req, const std::string& locale)
      : s_(s), id_(order_id), req_(req), locale_(locale), l_(s.engine, locale, req.now) {}

  std::string build() {
    detail::Rows o = s_.db->query("SELECT email, name, tier, locale FROM bo_orders WHERE shop = ? AND id = ?",
                                  P{s_.shop, id_});
    if (o.empty()) throw Error(ErrorCode::not_found, "order_id", "no order with this id");
    const std::string email(o.text(0, 0)), name(o.text(0, 1));
    customer_ = name.find_first_not_of(' ') != std::string::npos ? name : email;
    out_ = {
        {"order_id", id_},
        {"locale", locale_},
        {"now", s_.engine->calendar().format_local(req_.now)},
        {"customer", {{"name", name}, {"email", email}, {"tier", o.text(0, 2)}, {"locale", o.text(0, 3)}}}};
    const std::string title = l_.format("desk_title", {{"order_id", id_}, {"customer", customer_}});
    out_["title"] = title;
    text_ = title + "\n";

    lines();
    acknowledgement();
    options();
    remedies();
    policy();
    next_steps();
    out_["text"] = text_;
    return detail::to_text(out_);
  }

 private:
  struct Waiting {
    StoredLine line;
    std::string name;
    Window ship;
    std::int64_t late = 0;  // business days past the promise
    bool delayed = false;   // late, or told of a delay
  };

  // Between two sentences: a space, except in languages written without them.
  std::string gap() const {
    const std::string lang = locale_.substr(0, locale_.find('-'));
    return lang == "ja" || lang == "zh" || lang == "ko" ? "" : " ";
  }

  void section(const char* heading, const std::vector<std::string>& items) {
    text_ += "\n" + l_.format(heading, {}) + "\n";
    for (const auto& i : items) text_ += "- " + i + "\n";
  }

  void lines() {
    prices_ = detail::line_prices(s_, id_);
    std::set<std::string> skus;  // every line's item, for the names of shipped lines too
    std::vector<StoredLine> all = s_.load_lines("order_id = ?", P{id_});
    for (const StoredLine& l : all) skus.insert(l.sku);
    book_.emplace(s_.load_book(skus, req_.now, true));
    const Calendar& cal = s_.engine->calendar();
    const Day today = l_.today().day;
    json lines = json::array();
    std::vector<std::string> texts;
    for (const StoredLine& l : all) {
      const Item* item = book_->item(l.sku);
      std::string name = item && !item->name.empty() ? item->name : l.sku;
      json j = {{"line_id", l.line_id},   {"sku", l.sku},         {"name", name},
                {"quantity", l.quantity}, {"shipped", l.shipped}, {"cancelled", l.cancelled},
                {"waiting", l.waiting()}};
      if (l.has_promised) j["promised"] = window_json(l.promised);
      auto at = book_->find_line(id_, l.line_id);
      if (l.waiting() <= 0 || !at) {
        lines.push_back(std::move(j));
        continue;
      }
      const LinePromise& p = book_->promise(*at);
      Waiting w{l, name, p.ship};
      w.line.ship = p.ship;  // the current window, as the promise engine sees it now
      w.late = detail::late_business_days(cal, w.line);
      w.delayed = w.late > 0 || l.delay_told;
      j["ship"] = window_json(p.ship);
      j["source"] = source_name(p.source);
      j["late_business_days"] = w.late;
      j["supply"] = nullptr;
      std::string eta;
      const std::string dates = l_.format_dates(p.ship.from, p.ship.to);
      if (p.source == Source::stock) {
        eta = l_.format("desk_eta_stock", {{"name", name},
                                           {"quantity", l.waiting()},
                                           {"days", std::int64_t{p.ship.from - today}},
                                           {"dates", dates}});
      } else if (p.source == Source::inbound) {
        const Supply* supply = nullptr;
        for (const Part& part : book_->parts(*at))
          if (part.source == Source::inbound && part.supply >= 0) supply = &book_->supply(part.supply);
        if (supply) {
          const bool overdue = supply->arrive_to < today;
          j["supply"] = {{"id", supply->id},
                         {"arriving", window_json({supply->arrive_from, supply->arrive_to})},
                         {"overdue", overdue}};
          eta = l_.format(overdue ? "desk_eta_inbound_late" : "desk_eta_inbound",
                          {{"name", name},
                           {"quantity", l.waiting()},
                           {"dates", dates},
                           {"supply", supply->id},
                           {"arrival", l_.format_dates(supply->arrive_from, supply->arrive_to)}});
        }
      }
      if (eta.empty())
        eta = l_.format("desk_eta_lead_time", {{"name", name}, {"quantity", l.waiting()}, {"dates", dates}});
      if (l.has_promised) {
        const std::string promised = l_.format_dates(l.promised.from, l.promised.to);
        eta += gap() + (w.late > 0 ? l_.format("desk_eta_late", {{"promised", promised}, {"days", w.late}})
                                   : l_.format("desk_eta_on_time", {{"promised", promised}}));
      }
      j["text"] = eta;
      texts.push_back(eta);
      lines.push_back(std::move(j));
      waiting_.push_back(std::move(w));
    }
    out_["lines"] = std::move(lines);
    eta_texts_ = std::move(texts);
  }

  void acknowledgement() {
    const auto late =
        std::count_if(waiting_.begin(), waiting_.end(), [](const auto& w) { return w.delayed; });
    std::string ack;
    if (waiting_.empty()) {
      status_ = "done";
      ack = l_.format("desk_ack_done", {{"order_id", id_}});
    } else if (late > 0) {
      status_ = "late";
      ack = l_.format("desk_ack_late", {{"order_id", id_}, {"count", std::int64_t{late}}});
    } else {
      status_ = "on_time";
      ack = l_.format("desk_ack_on_time",
                      {{"order_id", id_}, {"count", static_cast<std::int64_t>(waiting_.size())}});
    }
    out_["status"] = status_;
    out_["acknowledgement"] = ack;
    text_ += ack + "\n";
    if (!eta_texts_.empty()) section("desk_heading_eta", eta_texts_);
  }

  void options() {
    json options = json::array();
    std::vector<std::string> texts;
    if (!waiting_.empty()) {
      std::string t = l_.format("desk_option_wait", {});
      options.push_back({{"type", "wait"}, {"text", t}});
      texts.push_back(t);
      std::int64_t refund = 0;
      for (const Waiting& w : waiting_)
        refund = detail::add_money(refund, w.line.waiting(), prices_[w.line.line_id]);
      t = l_.format("desk_option_cancel", {{"amount", money(refund)}});
      options.push_back({{"type", "cancel"}, {"refund", refund}, {"text", t}});
      texts.push_back(t);
      json alternatives = json::array();
      std::vector<std::string> names;
      std::set<std::string> seen;
      const auto max = static_cast<std::size_t>(s_.engine->policy().checkout.alternatives_max);
      for (const Waiting& w : waiting_) {
        const Item* item = book_->item(w.line.sku);
        if (!item || item->category.empty()) continue;
        for (std::uint32_t i : book_->items_in_category(item->category)) {
          const Item& alt = book_->item_at(i);
          if (alt.sku == w.line.sku || seen.count(alt.sku) || names.size() >= max) continue;
          Status st = book_->availability_at(i, w.line.waiting()).status;
          if (st != Status::in_stock && st != Status::low_stock) continue;
          seen.insert(alt.sku);
          names.push_back(alt.name.empty() ? alt.sku : alt.name);
          alternatives.push_back({{"sku", alt.sku}, {"name", names.back()}, {"instead_of", w.line.sku}});
        }
      }
      if (!names.empty()) {
        t = l_.format("desk_option_alternative", {{"names", list_text(locale_, names)},
                                                  {"count", static_cast<std::int64_t>(names.size())}});
        options.push_back({{"type", "alternative"}, {"alternatives", alternatives}, {"text", t}});
        texts.push_back(t);
      }
    }
    out_["options"] = std::move(options);
    if (!texts.empty()) section("desk_heading_options", texts);
  }

  std::string money(std::int64_t minor) {
    return detail::format_money(locale_, s_.engine->policy().currency, minor);
  }

  // A remedy in the agent's words: what it is and the rule that gives it.
  std::string remedy_text(const std::string& type, const json& r) {
    const std::string rule = r.value("rule", "delay_remedies");
    const std::int64_t max = r.contains("max") && r["max"].is_number() ? r["max"].get<std::int64_t>() : 0;
    if (type == "discount") {
      std::string t =
          max > 0
              ? l_.format(
                    "desk_remedy_discount_capped",
                    {{"percent", r.value("percent", std::int64_t{0})}, {"max", money(max)}, {"rule", rule}})
              : l_.format("desk_remedy_discount",
                          {{"percent", r.value("percent", std::int64_t{0})}, {"rule", rule}});
      if (r.contains("code")) t += gap() + l_.format("desk_remedy_code", {{"code", r.value("code", "")}});
      return t;
    }
    if (type == "loyalty_points")
      return l_.format("desk_remedy_loyalty_points",
                       {{"points", r.value("points", std::int64_t{0})}, {"rule", rule}});
    if (type == "partial_refund")
      return l_.format("desk_remedy_partial_refund",
                       {{"amount", money(r.value("amount", std::int64_t{0}))}, {"rule", rule}});
    if (type == "personal_outreach") return l_.format("desk_remedy_outreach", {{"rule", rule}});
    return l_.format("desk_remedy_free_expedited", {{"rule", rule}});
  }

  void remedies() {
    json granted = detail::granted_remedies(s_, id_);
    for (json& g : granted) {
      g["text"] = remedy_text(g.value("kind", ""), g);
      outreach_ = outreach_ || g.value("kind", "") == "personal_outreach";
    }
    json offer = json::array();
    json decision = nullptr;
    std::vector<std::string> texts, budget;
    const bool delayed =
        std::any_of(waiting_.begin(), waiting_.end(), [](const auto& w) { return w.delayed; });
    if (delayed) {
      std::set<std::string> ids;
      std::int64_t late = 0;
      for (const Waiting& w : waiting_) {
        if (!w.delayed) continue;
        ids.insert(w.line.line_id);
        late = std::max(late, w.late);
      }
      RemedyCase c = detail::remedy_case(s_, id_, ids, detail::current_delay_cause(s_, id_), req_.now);
      c.delay_business_days = std::max(c.delay_business_days, late);  // the dates as they stand now
      RemedyDecision d = decide_remedies(*s_.engine, c);
      decision = json::parse(remedy_decision_json(*s_.engine, d));
      for (json r : decision["remedies"]) {
        r["text"] = remedy_text(r.value("type", ""), r);
        texts.push_back(r["text"]);
        offer.push_back(std::move(r));
      }
      if (d.outreach) outreach_ = true;
      for (const RuleDecision& rd : d.rules)
        if (rd.status == "applied" || rd.status == "already_granted") rules_.push_back(rd.rule);
      if (d.order_budget_left)
        budget.push_back(l_.format("desk_budget_order", {{"amount", money(*d.order_budget_left)}}));
      if (d.period_budget_left)
        budget.push_back(l_.format("desk_budget_period", {{"amount", money(*d.period_budget_left)},
                                                          {"period", s_.engine->policy().remedies.period}}));
    }
    out_["remedies"] = {
        {"may_offer", offer}, {"granted", granted}, {"outreach", outreach_}, {"decision", decision}};
    if (!waiting_.empty()) {
      if (texts.empty()) texts.push_back(l_.format("desk_remedy_none", {}));
      texts.insert(texts.end(), budget.begin(), budget.end());
      section("desk_heading_remedies", texts);
    }
    if (!granted.empty()) {
      std::vector<std::string> g;
      for (const json& r : granted) g.push_back(r["text"]);
      section("desk_heading_granted", g);
    }
  }

  void policy() {
    const Policy& p = s_.engine->policy();
    json lines = json::array();
    std::vector<std::string> texts;
    auto add = [&](const std::string& topic, json path, json value, std::string text) {
      lines.push_back(
          {{"topic", topic}, {"path", std::move(path)}, {"value", std::move(value)}, {"text", text}});
      texts.push_back(std::move(text));
    };
    add("lead_time", "availability.lead_time_days",
        {{"min", p.availability.lead_min_days}, {"max", p.availability.lead_max_days}},
        l_.format("desk_policy_lead_time",
                  {{"min", std::int64_t{p.availability.lead_min_days}},
                   {"max", std::int64_t{p.availability.lead_max_days}},
                   {"unit", p.availability.day_unit == DayUnit::business ? "business" : "calendar"}}));
    add("updates", "notifications.eta_threshold_days",
        {{"eta_threshold_days", p.notifications.eta_threshold_days},
         {"min_hours_between_updates", p.notifications.min_hours_between_updates}},
        l_.format("desk_policy_updates",
                  {{"days", std::int64_t{p.notifications.eta_threshold_days}},
                   {"hours", std::int64_t{p.notifications.min_hours_between_updates}}}));
    add("cancellation", nullptr, nullptr, l_.format("desk_policy_cancel", {}));
    if (p.remedies.per_order)
      add("budget_per_order", "remedies.budget.per_order", *p.remedies.per_order,
          l_.format("desk_policy_budget_order", {{"amount", money(*p.remedies.per_order)}}));
    if (p.remedies.per_period)
      add("budget_per_period", "remedies.budget.per_period", *p.remedies.per_period,
          l_.format("desk_policy_budget_period",
                    {{"amount", money(*p.remedies.per_period)}, {"period", p.remedies.period}}));
    for (const std::string& rule : rules_) {
      std::string path = "notifications.delay_remedies";
      for (std::size_t i = 0; i < p.remedies.rules.size(); ++i)
        if (p.remedies.rules[i].id == rule) path = "remedies.rules[" + std::to_string(i) + "]";
      json value = nullptr;
      for (const json& r : out_["remedies"]["decision"]["rules"])
        if (r["rule"] == rule) value = r;
      add("rule", path, std::move(value), l_.format("desk_policy_rule", {{"rule", rule}}));
    }
    out_["policy"] = std::move(lines);
    section("desk_heading_policy", texts);
  }

  void next_steps() {
    json steps = json::array();
    std::vector<std::string> texts;
    auto add = [&](const char* type, std::string text) {
      steps.push_back({{"type", type}, {"text", text}});
      texts.push_back(std::move(text));
    };
    if (waiting_.empty()) {
      add("help_with_shipments", l_.format("desk_next_done", {}));
    } else {
      add("tell_date", l_.format("desk_next_tell_date", {}));
      if (status_ == "late") add("offer_options", l_.format("desk_next_offer", {}));
      if (outreach_) add("personal_outreach", l_.format("desk_next_outreach", {{"customer", customer_}}));
      add("automatic_updates", l_.format("desk_next_automatic", {}));
      // What the compliance rules require of the shop next, soonest first
      // (docs/store.md#compliance-scheduling): obligations due and rules broken; the standing facts (info)
      // are the report's.
      std::vector<Finding> findings;
      try {
        findings = s_.order_findings(id_, req_.now);
      } catch (const Error&) {
        // an order the checks cannot read has no steps from them
      }
      for (const Finding& f : findings) {
        if (!f.due || f.severity == Severity::info) continue;
        add("compliance",
            l_.format("desk_next_compliance",
                      {{"date", l_.format_date(*f.due)}, {"message", f.message}, {"rule", f.rule_id}}));
        steps.back()["rule"] = f.rule_id;
        steps.back()["action"] = f.action;
        steps.back()["due"] = format_day(*f.due);
        steps.back()["severity"] = severity_name(f.severity);
        steps.back()["citation"] = f.citation.source;
      }
    }
    out_["next_steps"] = std::move(steps);
    section("desk_heading_next", texts);
  }

  Store::Impl& s_;
  const std::string& id_;
  const BriefRequest& req_;
  std::string locale_;
  Labeler l_;
  std::optional<PromiseBook> book_;
  std::map<std::string, std::int64_t> prices_;
  std::vector<Waiting> waiting_;
  std::vector<std::string> eta_texts_, rules_;
  std::string customer_, status_, text_;
  bool outreach_ = false;
  json out_;
};

}  // namespace

std::string Store::brief_json(std::string_view order_id, const BriefRequest& request) {
  std::string locale =
      request.locale.empty() ? impl_->engine->policy().locale : canonical_locale(request.locale);
  if (locale.empty()) throw Error(ErrorCode::invalid, "locale", "unknown locale \"" + request.locale + "\"");
  std::string id(order_id);
  return Brief(*impl_, id, request, locale).build();
}

}  // namespace backorder
