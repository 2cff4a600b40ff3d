#include "typed.hpp"

#include <cstring>

namespace bo_capi {

namespace {

constexpr const char kEmpty[] = "";

void put_window(bo_label& out, bool now, const backorder::Window& w) {
  if (now) {
    out.now_min_days = w.min_days;
    out.now_max_days = w.max_days;
    put_day(out.now_from, w.from);
    put_day(out.now_to, w.to);
  } else {
    out.later_min_days = w.min_days;
    out.later_max_days = w.max_days;
    put_day(out.later_from, w.from);
    put_day(out.later_to, w.to);
  }
}

}  // namespace

void clear_window(bo_label& out, bool now) {
  if (now) {
    out.now_min_days = out.now_max_days = 0;
    out.now_from[0] = out.now_to[0] = '\0';
  } else {
    out.later_min_days = out.later_max_days = 0;
    out.later_from[0] = out.later_to[0] = '\0';
  }
}

std::string index_path(const char* array, std::size_t i, std::string_view field) {
  std::string p = std::string(array) + "[" + std::to_string(i) + "]";
  if (!field.empty()) {
    p += '.';
    p += field;
  }
  return p;
}

void put_day(char (&dst)[11], backorder::Day d) {
  std::string s = backorder::format_day(d);
  if (s.size() >= sizeof dst) {
    throw backorder::Error(backorder::ErrorCode::internal, "", "date " + s + " does not fit YYYY-MM-DD");
  }
  std::memcpy(dst, s.c_str(), s.size() + 1);
}

void put_label(bo_label& out, const backorder::Label& label) {
  const backorder::Availability& a = label.availability;
  out.error = BO_OK;
  out.status = static_cast<bo_availability>(a.status);
  out.sellable = a.sellable;
  out.ship_now = a.ship_now;
  out.later = a.later;
  out.unavailable = a.unavailable;
  out.notify_me = a.notify_me ? 1 : 0;
  if (a.ship_now > 0) {
    put_window(out, true, a.now_window);
  } else {
    clear_window(out, true);
  }
  if (a.later > 0) {
    put_window(out, false, a.later_window);
  } else {
    clear_window(out, false);
  }
  out.text = label.text != nullptr ? label.text->text.c_str() : kEmpty;
  out.short_text = label.text != nullptr ? label.text->short_text.c_str() : kEmpty;
  out.availability_date = label.text != nullptr ? label.text->availability_date.c_str() : kEmpty;
  out.schema_org = label.schema_org();
  out.merchant = label.merchant();
  out.error_message = kEmpty;
  out.error_path = kEmpty;
}

}  // namespace bo_capi
