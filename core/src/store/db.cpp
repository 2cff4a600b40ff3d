#include "store/db.hpp"

#include <charconv>

namespace backorder::detail {

std::string_view Rows::text(std::size_t row, int col) const {
  const auto& cell = cells_[row * columns_ + col];
  return cell ? std::string_view(*cell) : std::string_view();
}

std::int64_t Rows::integer(std::size_t row, int col) const {
  const auto& cell = cells_[row * columns_ + col];
  if (!cell) return 0;
  std::int64_t value = 0;
  const char* end = cell->data() + cell->size();
  auto [ptr, ec] = std::from_chars(cell->data(), end, value);
  if (ec != std::errc() || ptr != end || cell->empty()) {
    // Quote a little of the cell: enough to recognise it, never a whole document.
    std::string shown = cell->substr(0, 40);
    throw Error(ErrorCode::internal, "store",
                "row " + std::to_string(row) + ", column " + std::to_string(col) +
                    " is not a whole number: '" + shown + (cell->size() > 40 ? "...'" : "'"));
  }
  return value;
}

}  // namespace backorder::detail
