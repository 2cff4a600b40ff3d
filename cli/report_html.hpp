// The merchant report as one self-contained HTML page: inline CSS, inline SVG charts (waiting units per
// item with the units at risk, a timeline of deadlines), no scripts and no external resources. Every value
// from the ledger is escaped.
#pragma once

#include <string>
#include <string_view>

#include "common.hpp"

namespace bo_cli {

// The page for a report as bo_store_report_json answers it.
std::string report_html(const json& report);

// Escapes text for HTML element content and attribute values (& < > " ').
std::string html_escape(std::string_view text);

}  // namespace bo_cli
