// The tables of a bo_checkout: every label, alternative, shipment and item in one flat array each, the
// windows and wordings the plan repeats listed once, and every string in one block, for the typed reads of
// checkout.cpp.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "handles.hpp"

namespace {

// Windows and wordings are listed once per plan; these find a repeated one.
struct WindowKey {
  backorder::Day from, to;
  int min_days, max_days;
  bool operator==(const WindowKey&) const = default;
};
struct WindowHash {
  std::size_t operator()(const WindowKey& k) const {
    auto pair = [](std::int32_t a, std::int32_t b) {
      return static_cast<std::uint32_t>(a) | std::uint64_t{static_cast<std::uint32_t>(b)} << 32;
    };
    return std::hash<std::uint64_t>()(pair(k.from, k.to) * 0x9e3779b97f4a7c15ull ^
                                      pair(k.min_days, k.max_days));
  }
};
struct WordingHash {
  std::size_t operator()(const std::pair<int, const backorder::LabelText*>& k) const {
    return std::hash<const void*>()(k.second) ^ static_cast<std::size_t>(k.first);
  }
};

}  // namespace

bo_checkout::bo_checkout(backorder::KeptCheckout k) : kept(std::move(k)) {
  const backorder::CheckoutPlan& p = kept.plan;
  std::size_t label_count = p.lines.size();
  for (const backorder::PlanLine& l : p.lines) label_count += l.alternatives.size();
  labels.reserve(label_count);
  label_wording.reserve(label_count);
  now_window.reserve(label_count);
  later_window.reserve(label_count);
  std::unordered_map<WindowKey, std::int32_t, WindowHash> window_at;
  window_at.reserve(64);
  auto window = [&](const backorder::Window& w) {
    auto [it, fresh] = window_at.try_emplace({w.from, w.to, w.min_days, w.max_days},
                                             static_cast<std::int32_t>(windows.size()));
    if (fresh) windows.push_back(w);
    return it->second;
  };
  std::unordered_map<std::pair<int, const backorder::LabelText*>, std::int32_t, WordingHash> wording_at;
  wording_at.reserve(64);
  auto label = [&](const backorder::Label& l) {
    const backorder::Availability& a = l.availability;
    labels.push_back(&l);
    auto [it, fresh] = wording_at.try_emplace({static_cast<int>(a.status), l.text},
                                              static_cast<std::int32_t>(wordings.size()));
    if (fresh) wordings.push_back(&l);
    label_wording.push_back(it->second);
    now_window.push_back(a.ship_now > 0 ? window(a.now_window) : -1);
    later_window.push_back(a.later > 0 ? window(a.later_window) : -1);
  };

  for (const backorder::PlanLine& l : p.lines) label(l.label);
  for (const backorder::PlanLine& l : p.lines) {
    first_alternative.push_back(alternatives.size());
    for (const backorder::Alternative& a : l.alternatives) {
      alternatives.push_back(&a);
      label(a.label);
    }
  }
  for (const backorder::StrategyPlan& s : p.strategies) {
    complete_window.push_back(window(s.complete));
    first_shipment.push_back(shipments.size());
    for (const backorder::Shipment& sh : s.shipments) {
      shipments.push_back(&sh);
      ship_window.push_back(window(sh.ship));
      delivery_window.push_back(window(sh.delivery));
      first_item.push_back(items.size());
      for (const backorder::ShipmentItem& i : sh.items) items.push_back(&i);
    }
  }
  place_texts();
}

void bo_checkout::place_texts() {
  const backorder::CheckoutPlan& p = kept.plan;
  const backorder::Calendar& cal = kept.labeler->engine().calendar();
  const std::string now = cal.format_local(p.now);
  std::vector<std::string> expires;
  for (const backorder::StrategyPlan& s : p.strategies)
    expires.push_back(cal.format_local(s.payment.authorization_expires));
  line_text.resize(p.lines.size());
  alternative_text.resize(alternatives.size());
  wording_text.resize(wordings.size());
  strategy_text.resize(p.strategies.size());
  item_line_id.resize(items.size());
  disclosure_text.resize(p.disclosures.size());

  // Two passes over the same strings: the first counts their bytes, the second copies them into the block,
  // reserved by then, so the views stay put. A shipment item names its line by the line's own string.
  std::size_t size = 0;
  auto count = [&](std::string_view s, std::string_view&) { size += s.size() + 1; };
  auto copy = [&](std::string_view s, std::string_view& at) {
    at = std::string_view(texts.data() + texts.size(), s.size());
    texts.append(s).push_back('\0');
  };
  auto walk = [&](auto&& put) {
    const char* strategies[] = {backorder::strategy_name(p.default_strategy),
                                backorder::strategy_name(p.recommended_strategy)};
    std::string_view fields[] = {now,           p.locale,      p.currency,      p.policy_hash,
                                 strategies[0], strategies[1], p.recommendation};
    for (std::size_t k = 0; k < summary_text.size(); ++k) put(fields[k], summary_text[k]);
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      put(p.lines[i].line_id, line_text[i][0]);
      put(p.lines[i].sku, line_text[i][1]);
      put(p.lines[i].name, line_text[i][2]);
    }
    for (std::size_t j = 0; j < alternatives.size(); ++j) {
      put(alternatives[j]->sku, alternative_text[j][0]);
      put(alternatives[j]->name, alternative_text[j][1]);
    }
    for (std::size_t w = 0; w < wordings.size(); ++w) {
      const backorder::Label& l = *wordings[w];
      static const backorder::LabelText kNone;
      const backorder::LabelText& t = l.text != nullptr ? *l.text : kNone;
      put(t.text, wording_text[w][0]);
      put(t.short_text, wording_text[w][1]);
      put(l.schema_org(), wording_text[w][2]);
      put(l.merchant(), wording_text[w][3]);
      put(t.availability_date, wording_text[w][4]);
    }
    for (std::size_t s = 0; s < p.strategies.size(); ++s) {
      const backorder::StrategyPlan& st = p.strategies[s];
      put(backorder::strategy_name(st.id), strategy_text[s][0]);
      put(st.disclosure, strategy_text[s][1]);
      put(backorder::payment_name(st.payment.kind), strategy_text[s][2]);
      put(expires[s], strategy_text[s][3]);
    }
    for (std::size_t d = 0; d < p.disclosures.size(); ++d) {
      put(p.disclosures[d].kind, disclosure_text[d][0]);
      put(p.disclosures[d].line_id, disclosure_text[d][1]);
      put(p.disclosures[d].text, disclosure_text[d][2]);
    }
  };
  walk(count);
  texts.reserve(size);
  walk(copy);
  for (std::size_t i = 0; i < items.size(); ++i) item_line_id[i] = line_text[items[i]->line][0];
}
