// CSV facts for the `backorder` command: an RFC 4180 reader, and the conversion of items, stock, supply,
// suppliers and orders exported as CSV by warehouse and ERP systems into the JSON rows the C ABI takes
// (docs/json.md). See docs/cli.md#csv.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bo_cli {

// A malformed file: what() is "FILE:LINE: message" (LINE counts from 1; the header is line 1).
class CsvError : public std::runtime_error {
 public:
  CsvError(const std::string& file, std::size_t line, const std::string& message)
      : std::runtime_error(file + ":" + std::to_string(line) + ": " + message) {}
};

// Reads RFC 4180 text: fields separated by commas, records by LF or CRLF; a field in double quotes may hold
// commas, line breaks and doubled quotes (""). A UTF-8 byte order mark is skipped; empty lines are skipped.
// Calls `record(line, fields)` for every record, header included, with the line the record starts on.
// Throws CsvError for a stray quote inside an unquoted field, text after a closing quote, or an unterminated
// quoted field.
void read_csv(std::string_view text, const std::string& file,
              const std::function<void(std::size_t line, const std::vector<std::string>& fields)>& record);

// The kinds of facts a CSV file can hold, named like the scenario's arrays.
enum class FactKind { items, stock, supply, suppliers, orders };

// "items", "stock", ... Throws std::invalid_argument for another name.
FactKind fact_kind(std::string_view name);
const char* fact_kind_name(FactKind kind);

// The columns a CSV file of `kind` may have (in the order docs/cli.md lists them).
std::vector<std::string> fact_columns(FactKind kind);

// Converts a CSV file of `kind` into a JSON array of rows. The header names the columns (any order, each
// at most once, unknown names rejected); an empty cell leaves the field out. Integers are strict (an optional
// minus sign and digits, nothing else), booleans are true/false/1/0/yes/no (any case). Columns
// lead_time_min/lead_time_max become lead_time_days {min, max}; expected_from/expected_to become expected
// {from, to}; lateness_days holds integers separated by spaces or semicolons. `lines`, when given, receives
// the line each row starts on (row i of the answer starts on lines[i]). `progress` is called every
// `progress_every` rows with the number of rows read so far.
nlohmann::json csv_to_rows(FactKind kind, std::string_view text, const std::string& file,
                           std::vector<std::size_t>* lines = nullptr,
                           const std::function<void(std::size_t rows)>& progress = {},
                           std::size_t progress_every = 100000);

}  // namespace bo_cli
