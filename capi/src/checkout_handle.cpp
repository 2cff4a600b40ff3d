// The tables of a bo_checkout: every label, alternative, shipment and item in one flat array each, and the
// windows and wordings the plan repeats listed once, for the typed reads of checkout.cpp.
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
  const backorder::Calendar& cal = kept.labeler->engine().calendar();
  const backorder::CheckoutPlan& p = kept.plan;
  now = cal.format_local(p.now);

  std::unordered_map<WindowKey, std::int32_t, WindowHash> window_at;
  auto window = [&](const backorder::Window& w) {
    auto [it, fresh] = window_at.try_emplace({w.from, w.to, w.min_days, w.max_days},
                                             static_cast<std::int32_t>(windows.size()));
    if (fresh) windows.push_back(w);
    return it->second;
  };
  std::unordered_map<std::pair<int, const backorder::LabelText*>, std::int32_t, WordingHash> wording_at;
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

  std::unordered_map<std::string_view, const std::string*> line_ids;
  for (const backorder::PlanLine& l : p.lines) {
    line_ids.emplace(l.line_id, &l.line_id);
    label(l.label);
  }
  for (const backorder::PlanLine& l : p.lines) {
    first_alternative.push_back(alternatives.size());
    for (const backorder::Alternative& a : l.alternatives) {
      alternatives.push_back(&a);
      label(a.label);
    }
  }
  for (const backorder::StrategyPlan& s : p.strategies) {
    authorization_expires.push_back(cal.format_local(s.payment.authorization_expires));
    complete_window.push_back(window(s.complete));
    first_shipment.push_back(shipments.size());
    for (const backorder::Shipment& sh : s.shipments) {
      shipments.push_back(&sh);
      ship_window.push_back(window(sh.ship));
      delivery_window.push_back(window(sh.delivery));
      first_item.push_back(items.size());
      for (const backorder::ShipmentItem& i : sh.items) {
        items.push_back(&i);
        auto line = line_ids.find(i.line_id);
        item_line_id.push_back(line != line_ids.end() ? line->second : &i.line_id);
      }
    }
  }
}
