// Typed labels for catalog pages: bo_labeler and bo_labeler_run.
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "backorder.h"
#include "backorder/availability.hpp"
#include "backorder/calendar.hpp"
#include "backorder/error.hpp"
#include "backorder/labels.hpp"
#include "backorder/limits.hpp"
#include "guard.hpp"
#include "handles.hpp"

using bo_capi::guard;
using bo_capi::invalid_argument;
using bo_capi::require;

namespace {

// The sizes of the first version (ABI 1) of the typed structs: a caller may pass larger structs (a newer
// header), never smaller ones. When a field is appended, these stay and the new field is read or written
// only when struct_size covers it.
constexpr std::size_t kItemV1Size = sizeof(bo_item);
constexpr std::size_t kLabelV1Size = sizeof(bo_label);

static_assert(static_cast<int>(backorder::Status::in_stock) == BO_AVAILABILITY_IN_STOCK);
static_assert(static_cast<int>(backorder::Status::low_stock) == BO_AVAILABILITY_LOW_STOCK);
static_assert(static_cast<int>(backorder::Status::backorder) == BO_AVAILABILITY_BACKORDER);
static_assert(static_cast<int>(backorder::Status::preorder) == BO_AVAILABILITY_PREORDER);
static_assert(static_cast<int>(backorder::Status::out_of_stock) == BO_AVAILABILITY_OUT_OF_STOCK);
static_assert(static_cast<int>(backorder::Status::discontinued) == BO_AVAILABILITY_DISCONTINUED);

constexpr std::uint32_t kKnownFlags =
    BO_ITEM_DISCONTINUED | BO_ITEM_BACKORDERS_ALLOWED | BO_ITEM_BACKORDERS_SET;

constexpr const char kEmpty[] = "";

std::string index_path(const char* array, std::size_t i, std::string_view field = {}) {
  std::string p = std::string(array) + "[" + std::to_string(i) + "]";
  if (!field.empty()) {
    p += '.';
    p += field;
  }
  return p;
}

// The stride of a caller's array of typed structs: the first element's struct_size, which every element
// must repeat. Checked before anything is written, so a rejected call changes nothing.
template <typename T>
std::size_t checked_stride(const T* array, std::size_t count, std::size_t v1_size, const char* name,
                           const char* type) {
  const std::size_t stride = array->struct_size;
  if (stride < v1_size) {
    throw backorder::Error(backorder::ErrorCode::buffer_too_small, index_path(name, 0, "struct_size"),
                           std::string(type) + ".struct_size is " + std::to_string(stride) +
                               ", smaller than the first version's " + std::to_string(v1_size) +
                               ": set it to sizeof(" + type + ")");
  }
  if (stride % alignof(T) != 0) {
    throw invalid_argument(index_path(name, 0, "struct_size"),
                           std::string(type) + ".struct_size " + std::to_string(stride) +
                               " is not a multiple of the struct's alignment " + std::to_string(alignof(T)));
  }
  if (count > std::numeric_limits<std::size_t>::max() / stride) {
    throw invalid_argument("count", "count " + std::to_string(count) + " is too large");
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(array);
  for (std::size_t i = 1; i < count; ++i) {
    const auto* element = reinterpret_cast<const T*>(bytes + i * stride);
    if (element->struct_size != stride) {
      throw invalid_argument(index_path(name, i, "struct_size"),
                             std::string(type) + ".struct_size is " + std::to_string(element->struct_size) +
                                 " but the first element's is " + std::to_string(stride) +
                                 ": every element must have the same struct_size");
    }
  }
  return stride;
}

// A row problem found by the adapter itself, reported like core's.
[[noreturn]] void row_error(std::size_t row, std::string_view field, const std::string& message) {
  throw backorder::Error(backorder::ErrorCode::invalid, index_path("items", row, field), message);
}

std::optional<std::int64_t> optional_count(std::int64_t v) {
  if (v == BO_UNSET) return std::nullopt;
  return v;
}

// Lead days beyond int are refused with core's words for any lead time out of range.
std::optional<int> optional_days(std::int64_t v, std::size_t row) {
  if (v == BO_UNSET) return std::nullopt;
  if (v < INT_MIN || v > INT_MAX) row_error(row, "lead_time_days", "must be within 0 to 3650 days");
  return static_cast<int>(v);
}

// Fills `item`, `stock` and `quantity` from a bo_item (reusing item's storage). Only fields within
// struct_size are read; in ABI 1 that is all of them, since smaller structs were rejected.
void convert(const bo_item& in, std::size_t row, backorder::Item& item, backorder::StockPosition& stock,
             std::int64_t& quantity) {
  if (in.sku == nullptr && in.sku_len != 0) {
    row_error(row, "sku", "is NULL but sku_len is " + std::to_string(in.sku_len));
  }
  if (in.sku_len == 0) row_error(row, "sku", "must not be empty");
  // The rules of a sku in JSON: a text field's size, UTF-8, no NUL (a C host would read a shorter sku).
  const std::string_view sku(in.sku, in.sku_len);
  if (sku.size() > backorder::limits::kTextBytes) {
    row_error(row, "sku", "longer than " + std::to_string(backorder::limits::kTextBytes) + " bytes");
  }
  if (sku.find('\0') != std::string_view::npos) row_error(row, "sku", "contains a NUL byte");
  if (!backorder::is_valid_utf8(sku)) row_error(row, "sku", "is not valid UTF-8");
  item.sku.assign(sku);

  if ((in.flags & ~kKnownFlags) != 0) {
    row_error(row, "flags", "unknown flag bits " + std::to_string(in.flags & ~kKnownFlags));
  }
  item.discontinued = (in.flags & BO_ITEM_DISCONTINUED) != 0;
  if ((in.flags & BO_ITEM_BACKORDERS_SET) != 0) {
    item.backorders = (in.flags & BO_ITEM_BACKORDERS_ALLOWED) != 0;
  } else {
    item.backorders.reset();
  }

  item.lead_min_days = optional_days(in.lead_min_days, row);
  item.lead_max_days = optional_days(in.lead_max_days, row);
  item.max_backorder = optional_count(in.max_backorder);
  item.low_stock_threshold = optional_count(in.low_stock_threshold);

  const std::size_t date_len = strnlen(in.release_date, sizeof in.release_date);
  if (date_len == sizeof in.release_date) {
    row_error(row, "release_date", "is not NUL-terminated");
  }
  if (date_len == 0) {
    item.release_date.reset();
  } else {
    item.release_date = backorder::parse_day(std::string_view(in.release_date, date_len),
                                             index_path("items", row, "release_date"));
  }

  stock.on_hand = in.on_hand;
  stock.reserved = in.reserved;
  stock.safety_stock = in.safety_stock;
  stock.promised = in.promised;
  stock.backordered = in.backordered;
  quantity = in.quantity;
}

// Core reports a row's problem with the path of the JSON label request ("item.lead_time_days",
// "stock.reserved", "quantity"); a typed row has them all in one bo_item, so they become
// "items[i].lead_time_days", "items[i].reserved", "items[i].quantity" (field names as in docs/json.md).
std::string row_path(std::size_t row, const std::string& core_path) {
  std::string_view p = core_path;
  for (std::string_view prefix : {"item.", "stock.", "items[", "item"}) {
    if (p.substr(0, prefix.size()) == prefix) {
      if (prefix == "items[") return core_path;  // already a row path (the adapter's own)
      p.remove_prefix(prefix.size());
      break;
    }
  }
  return index_path("items", row, p);
}

void put_day(char (&dst)[11], backorder::Day d) {
  std::string s = backorder::format_day(d);
  if (s.size() >= sizeof dst) {
    throw backorder::Error(backorder::ErrorCode::internal, "", "date " + s + " does not fit YYYY-MM-DD");
  }
  std::memcpy(dst, s.c_str(), s.size() + 1);
}

void clear_window(bo_label& out, bool now) {
  if (now) {
    out.now_min_days = out.now_max_days = 0;
    out.now_from[0] = out.now_to[0] = '\0';
  } else {
    out.later_min_days = out.later_max_days = 0;
    out.later_from[0] = out.later_to[0] = '\0';
  }
}

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

// A row without a label: every ABI-1 field zero or "", and the reason.
void put_error(bo_label& out, bo_status code, const char* message, const char* path) {
  out.error = code;
  out.status = 0;
  out.sellable = out.ship_now = out.later = out.unavailable = 0;
  out.notify_me = 0;
  clear_window(out, true);
  clear_window(out, false);
  out.text = out.short_text = out.schema_org = out.merchant = out.availability_date = kEmpty;
  out.error_message = message;
  out.error_path = path;
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

}  // namespace

extern "C" {

BO_API bo_status bo_labeler_new(bo_labeler** out, const bo_engine* engine, const char* locale,
                                size_t locale_len, int64_t now_unix_ms) {
  return guard([&] {
    require(out, "out");
    require(engine, "engine");
    if (locale == nullptr && locale_len != 0) {
      throw invalid_argument("locale", "locale is NULL but locale_len is " + std::to_string(locale_len));
    }
    if (!backorder::instant_in_range(now_unix_ms)) {
      throw invalid_argument("now_unix_ms", "now_unix_ms " + std::to_string(now_unix_ms) +
                                                " is out of range: years " +
                                                std::to_string(backorder::limits::kMinYear) + " to " +
                                                std::to_string(backorder::limits::kMaxYear));
    }
    // No locale (NULL or empty): the policy's default, as in the JSON calls.
    std::string_view tag = locale_len == 0 ? std::string_view(engine->engine->policy().locale)
                                           : std::string_view(locale, locale_len);
    *out = new bo_labeler(engine->engine, tag, now_unix_ms);
  });
}

BO_API void bo_labeler_free(bo_labeler* labeler) { delete labeler; }

BO_API bo_status bo_labeler_run(bo_label* out_labels, bo_labeler* labeler, const bo_item* items,
                                size_t count) {
  return guard([&] {
    require(labeler, "labeler");
    if (count == 0) return;
    require(items, "items");
    require(out_labels, "out_labels");
    const std::size_t item_stride = checked_stride(items, count, kItemV1Size, "items", "bo_item");
    const std::size_t label_stride =
        checked_stride(out_labels, count, kLabelV1Size, "out_labels", "bo_label");

    const auto* item_bytes = reinterpret_cast<const unsigned char*>(items);
    auto* label_bytes = reinterpret_cast<unsigned char*>(out_labels);
    backorder::Item item;
    backorder::StockPosition stock;
    for (std::size_t i = 0; i < count; ++i) {
      const auto& in = *reinterpret_cast<const bo_item*>(item_bytes + i * item_stride);
      auto& out = *reinterpret_cast<bo_label*>(label_bytes + i * label_stride);
      try {
        std::int64_t quantity = 1;
        convert(in, i, item, stock, quantity);
        put_label(out, labeler->labeler.label(item, stock, quantity));
      } catch (const backorder::Error& e) {
        // A bad row: reported in its label; the batch goes on. Other failures (out of memory, bugs)
        // fail the call through the guard.
        const char* message = labeler->intern(e.what());
        const char* path = labeler->intern(row_path(i, e.path()));
        put_error(out, static_cast<bo_status>(e.code()), message, path);
      }
    }
  });
}

}  // extern "C"
