// Facts for the `backorder` command: arrays of items, stock, supply, suppliers and orders read from JSON
// or CSV files (by extension), a scenario assembled from a file, a directory or separate files, the
// progress line on stderr, and error paths turned back into FILE:LINE. See docs/cli.md.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "csv.hpp"

namespace bo_cli {

// Progress lines on stderr ("reading orders.csv: 300000 rows", "computing promises..."): always with
// --progress; on a terminal only for large inputs (100,000 rows or more); never otherwise.
class Progress {
 public:
  static constexpr std::size_t kEvery = 100000;

  explicit Progress(bool forced);
  // Called every kEvery rows of a file, and once when the file is read.
  void rows(const std::string& file, std::size_t n);
  void file_done(const std::string& file, std::size_t n);
  // "computing promises..." now, and "computing promises: 0.42 s" from done().
  void begin(const std::string& what);
  void done(const std::string& detail = {});

 private:
  bool show_large() const;
  bool forced_;
  bool tty_;
  std::size_t total_ = 0;
  std::string what_;
  std::chrono::steady_clock::time_point start_;
};

// Where one array of facts came from: its file, and for CSV the line of each row.
struct Source {
  std::string file;
  bool csv = false;
  std::vector<std::size_t> lines;
};

// A scenario or catalog request being assembled: the JSON document and where each array came from.
struct Facts {
  nlohmann::json doc = nlohmann::json::object();
  std::map<std::string, Source> sources;  // by array name ("orders")

  // Reads one array from `path` into doc[kind] (replacing any earlier one): a CSV file (.csv), or JSON
  // holding the array itself or an object with that array as a member (so a whole scenario file also
  // serves). Throws FactsError naming the file (and line, for CSV).
  void load(FactKind kind, const std::string& path, Progress& progress);
  // Reads a whole JSON scenario file: every array it has, and "now".
  void load_scenario(const std::string& path, Progress& progress);
  // Reads DIR/items.csv or DIR/items.json, and so on for each kind, those present.
  void load_directory(const std::string& dir, Progress& progress);

  // "orders.csv:5: quantity" for the path "orders[3].quantity" of a CSV row; "scenario.json:
  // orders[3].quantity" for JSON; the path alone when it names no array read from a file.
  std::string locate(const std::string& path) const;
  // Whether `path` points into an array read from CSV.
  bool from_csv(const std::string& path) const;
};

// Thrown for a file that cannot be used: printed as "backorder: MESSAGE", exit status 2.
struct FactsError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool is_csv_path(const std::string& path);
std::string read_text_file(const std::string& path);

}  // namespace bo_cli
