// The RFC 4180 reader and the CSV-to-JSON conversion of facts. See csv.hpp.
#include "csv.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <system_error>
#include <utility>

namespace bo_cli {
namespace {

using nlohmann::json;

enum class Type { text, integer, boolean, integers };

struct Column {
  const char* name;
  Type type;
  const char* field;          // the JSON field
  const char* sub = nullptr;  // and its member, for lead_time_days.min and expected.from
};

const std::vector<Column>& columns_of(FactKind kind) {
  static const std::vector<Column> items = {
      {"sku", Type::text, "sku"},
      {"name", Type::text, "name"},
      {"category", Type::text, "category"},
      {"price", Type::integer, "price"},
      {"backorders", Type::boolean, "backorders"},
      {"lead_time_min", Type::integer, "lead_time_days", "min"},
      {"lead_time_max", Type::integer, "lead_time_days", "max"},
      {"release_date", Type::text, "release_date"},
      {"discontinued", Type::boolean, "discontinued"},
      {"max_backorder", Type::integer, "max_backorder"},
      {"low_stock_threshold", Type::integer, "low_stock_threshold"},
  };
  static const std::vector<Column> stock = {
      {"sku", Type::text, "sku"},
      {"on_hand", Type::integer, "on_hand"},
      {"reserved", Type::integer, "reserved"},
      {"safety_stock", Type::integer, "safety_stock"},
      {"promised", Type::integer, "promised"},
      {"backordered", Type::integer, "backordered"},
  };
  static const std::vector<Column> supply = {
      {"id", Type::text, "id"},
      {"sku", Type::text, "sku"},
      {"quantity", Type::integer, "quantity"},
      {"expected", Type::text, "expected"},
      {"expected_from", Type::text, "expected", "from"},
      {"expected_to", Type::text, "expected", "to"},
      {"status", Type::text, "status"},
      {"supplier", Type::text, "supplier"},
  };
  static const std::vector<Column> suppliers = {
      {"id", Type::text, "id"},
      {"name", Type::text, "name"},
      {"lateness_days", Type::integers, "lateness_days"},
  };
  static const std::vector<Column> orders = {
      {"order_id", Type::text, "order_id"},
      {"line_id", Type::text, "line_id"},
      {"sku", Type::text, "sku"},
      {"quantity", Type::integer, "quantity"},
      {"placed_at", Type::text, "placed_at"},
      {"priority", Type::integer, "priority"},
      {"zone", Type::text, "zone"},
  };
  switch (kind) {
    case FactKind::items:
      return items;
    case FactKind::stock:
      return stock;
    case FactKind::supply:
      return supply;
    case FactKind::suppliers:
      return suppliers;
    case FactKind::orders:
      return orders;
  }
  return items;
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool parse_integer(std::string_view s, std::int64_t& out) {
  if (s.empty()) return false;
  const char* first = s.data();
  const char* last = s.data() + s.size();
  if (*first == '-' && s.size() == 1) return false;
  const auto [end, ec] = std::from_chars(first, last, out);
  return ec == std::errc() && end == last;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return out;
}

json convert(const Column& c, const std::string& cell, const std::string& file, std::size_t line) {
  switch (c.type) {
    case Type::text:
      return cell;
    case Type::integer: {
      std::int64_t v = 0;
      if (!parse_integer(cell, v)) {
        throw CsvError(file, line,
                       std::string("column ") + c.name + ": " + in_quotes(cell) + " is not an integer");
      }
      return v;
    }
    case Type::boolean: {
      const std::string b = lower(cell);
      if (b == "true" || b == "1" || b == "yes") return true;
      if (b == "false" || b == "0" || b == "no") return false;
      throw CsvError(
          file, line,
          std::string("column ") + c.name + ": " + in_quotes(cell) + " is not true/false/1/0/yes/no");
    }
    case Type::integers: {
      json list = json::array();
      std::size_t i = 0;
      while (i < cell.size()) {
        while (i < cell.size() && (cell[i] == ' ' || cell[i] == ';')) ++i;
        std::size_t j = i;
        while (j < cell.size() && cell[j] != ' ' && cell[j] != ';') ++j;
        if (j == i) break;
        const std::string_view part(cell.data() + i, j - i);
        std::int64_t v = 0;
        if (!parse_integer(part, v)) {
          throw CsvError(file, line,
                         std::string("column ") + c.name + ": " + in_quotes(part) +
                             " is not an integer (separate the days with spaces or semicolons)");
        }
        list.push_back(v);
        i = j;
      }
      return list;
    }
  }
  return cell;
}

}  // namespace

void read_csv(std::string_view text, const std::string& file,
              const std::function<void(std::size_t line, const std::vector<std::string>& fields)>& record) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  std::size_t line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  // CR ends a record only before LF or at the end of the text.
  auto at_record_end = [&](std::size_t k) {
    return text[k] == '\n' || (text[k] == '\r' && (k + 1 == n || text[k + 1] == '\n'));
  };
  std::vector<std::string> fields;
  while (i < n) {
    if (at_record_end(i)) {  // an empty line
      i += text[i] == '\r' ? 2 : 1;
      ++line;
      continue;
    }
    const std::size_t start_line = line;
    std::size_t count = 0;
    for (;;) {
      if (fields.size() <= count) fields.emplace_back();
      std::string& f = fields[count++];
      f.clear();
      if (i < n && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= n) throw CsvError(file, start_line, "a quoted field is never closed");
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              f += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\n') ++line;
          f += c;
          ++i;
        }
        if (i < n && text[i] != ',' && !at_record_end(i)) {
          throw CsvError(
              file, line,
              "text after the closing quote of a field (a quote inside a quoted field is written \"\")");
        }
      } else {
        const std::size_t start = i;
        while (i < n && text[i] != ',' && !at_record_end(i)) {
          if (text[i] == '"') {
            throw CsvError(file, line,
                           "a quote inside an unquoted field (quote the whole field and double the quote)");
          }
          ++i;
        }
        f.assign(text.substr(start, i - start));
      }
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < n && text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') {
        ++i;
        ++line;
      }
      break;
    }
    fields.resize(count);
    record(start_line, fields);
  }
}

FactKind fact_kind(std::string_view name) {
  for (FactKind k :
       {FactKind::items, FactKind::stock, FactKind::supply, FactKind::suppliers, FactKind::orders}) {
    if (name == fact_kind_name(k)) return k;
  }
  throw std::invalid_argument("unknown kind of facts: " + std::string(name));
}

const char* fact_kind_name(FactKind kind) {
  switch (kind) {
    case FactKind::items:
      return "items";
    case FactKind::stock:
      return "stock";
    case FactKind::supply:
      return "supply";
    case FactKind::suppliers:
      return "suppliers";
    case FactKind::orders:
      return "orders";
  }
  return "items";
}

std::vector<std::string> fact_columns(FactKind kind) {
  std::vector<std::string> names;
  for (const Column& c : columns_of(kind)) names.emplace_back(c.name);
  return names;
}

json csv_to_rows(FactKind kind, std::string_view text, const std::string& file,
                 std::vector<std::size_t>* lines, const std::function<void(std::size_t rows)>& progress,
                 std::size_t progress_every) {
  const std::vector<Column>& columns = columns_of(kind);
  std::vector<const Column*> header;  // the column of each field of a record
  bool have_header = false;
  json rows = json::array();
  read_csv(text, file, [&](std::size_t line, const std::vector<std::string>& fields) {
    if (!have_header) {
      have_header = true;
      for (const std::string& raw : fields) {
        const std::string_view name = raw;
        const auto it =
            std::find_if(columns.begin(), columns.end(), [&](const Column& c) { return name == c.name; });
        if (it == columns.end()) {
          std::string known;
          for (const Column& c : columns) known += std::string(known.empty() ? "" : ", ") + c.name;
          throw CsvError(
              file, line,
              "unknown column " + in_quotes(name) + " (" + fact_kind_name(kind) + " columns: " + known + ")");
        }
        if (std::find(header.begin(), header.end(), &*it) != header.end()) {
          throw CsvError(file, line, "column " + in_quotes(name) + " appears twice");
        }
        header.push_back(&*it);
      }
      return;
    }
    if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); })) return;
    if (fields.size() != header.size()) {
      throw CsvError(
          file, line,
          std::to_string(fields.size()) + " fields, but the header has " + std::to_string(header.size()));
    }
    json row = json::object();
    for (std::size_t k = 0; k < fields.size(); ++k) {
      if (fields[k].empty()) continue;
      const Column& c = *header[k];
      json value = convert(c, fields[k], file, line);
      if (c.sub == nullptr) {
        if (row.contains(c.field)) {
          throw CsvError(file, line,
                         std::string("give either ") + c.field + " or " + c.field + "_from/" + c.field +
                             "_to, not both");
        }
        row[c.field] = std::move(value);
      } else {
        json& parent = row[c.field];
        if (!parent.is_null() && !parent.is_object()) {
          throw CsvError(file, line,
                         std::string("give either ") + c.field + " or " + c.field + "_from/" + c.field +
                             "_to, not both");
        }
        parent[c.sub] = std::move(value);
      }
    }
    rows.push_back(std::move(row));
    if (lines != nullptr) lines->push_back(line);
    if (progress && progress_every > 0 && rows.size() % progress_every == 0) progress(rows.size());
  });
  if (!have_header) throw CsvError(file, 1, "empty file: the first line must name the columns");
  return rows;
}

}  // namespace bo_cli
