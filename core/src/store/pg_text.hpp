// The text work of the PostgreSQL backend, kept apart so it is tested without a server: `?` placeholders
// rewritten as $1..$n, and passwords kept out of error messages. Private to core.
#pragma once

#include <string>
#include <string_view>

namespace backorder::detail {

// `?` -> $1, $2, ... outside single-quoted literals, double-quoted identifiers and comments. The Store's SQL
// is portable: no dollar-quoted strings, no E'' escapes, no `?` operators (jsonb). `count` gets n.
std::string pg_placeholders(std::string_view sql, int& count);

// `message` with every form of the password found in `conninfo` (a URL or key=value string, whether libpq
// could parse it or not) replaced by "***", raw and percent-decoded.
std::string redact_password(std::string_view message, std::string_view conninfo);

}  // namespace backorder::detail
