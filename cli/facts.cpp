// Facts from JSON and CSV files, the progress line, and error locations. See facts.hpp.
#include "facts.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>
#include <utility>

namespace bo_cli {
namespace {

using nlohmann::json;

constexpr FactKind kKinds[] = {FactKind::items, FactKind::stock, FactKind::supply, FactKind::suppliers,
                               FactKind::orders};

// "orders[3].quantity" -> ("orders", 3, "quantity"); false for a path that is not NAME[INDEX]...
bool split_path(const std::string& path, std::string& array, std::size_t& index, std::string& rest) {
  const std::size_t open = path.find('[');
  if (open == std::string::npos || open == 0) return false;
  const std::size_t close = path.find(']', open);
  if (close == std::string::npos || close == open + 1) return false;
  std::size_t value = 0;
  for (std::size_t k = open + 1; k < close; ++k) {
    if (path[k] < '0' || path[k] > '9') return false;
    value = value * 10 + static_cast<std::size_t>(path[k] - '0');
  }
  array = path.substr(0, open);
  index = value;
  rest = path.substr(close + 1);
  if (!rest.empty() && rest[0] == '.') rest.erase(0, 1);
  return true;
}

}  // namespace

// ---- progress ----------------------------------------------------------------------------------------

Progress::Progress(bool forced) : forced_(forced), tty_(isatty(STDERR_FILENO) == 1) {}

bool Progress::show_large() const { return forced_ || (tty_ && total_ >= kEvery); }

void Progress::rows(const std::string& file, std::size_t n) {
  if (forced_ || tty_) std::cerr << "reading " << file << ": " << n << " rows" << std::endl;
}

void Progress::file_done(const std::string& file, std::size_t n) {
  total_ += n;
  if (forced_ || (tty_ && n >= kEvery)) {
    std::cerr << "read " << file << ": " << n << (n == 1 ? " row" : " rows") << std::endl;
  }
}

void Progress::begin(const std::string& what) {
  what_ = what;
  start_ = std::chrono::steady_clock::now();
  if (show_large()) std::cerr << what << "..." << std::endl;
}

void Progress::done(const std::string& detail) {
  if (!show_large()) return;
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", s);
  std::cerr << what_ << ": " << (detail.empty() ? "" : detail + " in ") << buf << std::endl;
}

// ---- files -------------------------------------------------------------------------------------------

bool is_csv_path(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == ".csv";
}

std::string read_text_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw FactsError("cannot read " + path + ": it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FactsError("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw FactsError("cannot read " + path);
  return s.str();
}

namespace {

json parse_json_file(const std::string& path) {
  const std::string text = read_text_file(path);
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw FactsError(path + ": not valid JSON: " + e.what());
  }
}

}  // namespace

void Facts::load(FactKind kind, const std::string& path, Progress& progress) {
  const std::string name = fact_kind_name(kind);
  Source src{path, is_csv_path(path), {}};
  json rows;
  if (src.csv) {
    const std::string text = read_text_file(path);
    try {
      rows = csv_to_rows(kind, text, path, &src.lines, [&](std::size_t n) { progress.rows(path, n); });
    } catch (const CsvError& e) {
      throw FactsError(e.what());
    }
  } else {
    json doc = parse_json_file(path);
    if (doc.is_array()) {
      rows = std::move(doc);
    } else if (doc.is_object() && doc.contains(name) && doc[name].is_array()) {
      rows = std::move(doc[name]);
    } else {
      throw FactsError(path + ": expected an object with an array \"" + name + "\" (or the array itself)");
    }
  }
  progress.file_done(path, rows.size());
  doc[name] = std::move(rows);
  sources[name] = std::move(src);
}

void Facts::load_scenario(const std::string& path, Progress& progress) {
  if (is_csv_path(path)) {
    throw FactsError(path +
                     ": a scenario file is JSON; give CSV files with --items, --stock, --supply, "
                     "--suppliers and --orders, or a directory that holds them");
  }
  json scenario = parse_json_file(path);
  if (!scenario.is_object())
    throw FactsError(path + ": expected a scenario object {\"now\", \"items\", ...}");
  std::size_t n = 0;
  for (auto& [key, value] : scenario.items()) {
    if (value.is_array()) {
      n += value.size();
      sources[key] = Source{path, false, {}};
    }
    doc[key] = std::move(value);
  }
  progress.file_done(path, n);
}

void Facts::load_directory(const std::string& dir, Progress& progress) {
  bool any = false;
  for (FactKind kind : kKinds) {
    const std::string base = dir + "/" + fact_kind_name(kind);
    std::error_code ec;
    const bool csv = std::filesystem::is_regular_file(base + ".csv", ec);
    const bool js = std::filesystem::is_regular_file(base + ".json", ec);
    if (csv && js) {
      throw FactsError(dir + ": both " + fact_kind_name(kind) + ".csv and " + fact_kind_name(kind) +
                       ".json: keep one");
    }
    if (csv || js) {
      load(kind, base + (csv ? ".csv" : ".json"), progress);
      any = true;
    }
  }
  if (!any) {
    throw FactsError(dir +
                     ": no items, stock, supply, suppliers or orders file (.csv or .json) in this directory");
  }
}

std::string Facts::locate(const std::string& path) const {
  std::string array, rest;
  std::size_t index = 0;
  if (!split_path(path, array, index, rest)) return path;
  const auto it = sources.find(array);
  if (it == sources.end()) return path;
  const Source& src = it->second;
  if (src.csv && index < src.lines.size()) {
    // Name the CSV column where it differs from the JSON field.
    for (const auto& [field, column] :
         {std::pair<std::string_view, std::string_view>{"lead_time_days.min", "lead_time_min"},
          {"lead_time_days.max", "lead_time_max"},
          {"expected.from", "expected_from"},
          {"expected.to", "expected_to"}}) {
      if (rest == field) rest = column;
    }
    return src.file + ":" + std::to_string(src.lines[index]) + (rest.empty() ? "" : ": " + rest);
  }
  return src.file + ": " + path;
}

bool Facts::from_csv(const std::string& path) const {
  std::string array, rest;
  std::size_t index = 0;
  if (!split_path(path, array, index, rest)) return false;
  const auto it = sources.find(array);
  return it != sources.end() && it->second.csv;
}

}  // namespace bo_cli
