// The typed structs' shared rules: caller arrays strided by struct_size, dates written into char[11], labels
// written into bo_label. Internal to the C ABI.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

#include "backorder.h"
#include "backorder/calendar.hpp"
#include "backorder/error.hpp"
#include "backorder/labels.hpp"
#include "guard.hpp"

namespace bo_capi {

// The first version (ABI 1) of bo_label: a caller may pass larger structs (a newer header), never smaller.
inline constexpr std::size_t kLabelV1Size = sizeof(bo_label);

// "name[i]" or "name[i].field".
std::string index_path(const char* array, std::size_t i, std::string_view field = {});

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

// Element i of a caller's array whose elements are `stride` bytes apart.
template <typename T>
T& element(T* array, std::size_t stride, std::size_t i) {
  return *reinterpret_cast<T*>(reinterpret_cast<unsigned char*>(array) + i * stride);
}

// "YYYY-MM-DD" and its NUL.
void put_day(char (&dst)[11], backorder::Day d);

// Empties the now (or later) window of a label.
void clear_window(bo_label& out, bool now);

// A label's fields (error BO_OK); its texts are the Labeler's and live as long as it.
void put_label(bo_label& out, const backorder::Label& label);

}  // namespace bo_capi
