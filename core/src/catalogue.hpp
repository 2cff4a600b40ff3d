// The built-in message catalogues: ICU MessageFormat patterns per language (docs/messages.md).
#pragma once

#include <string>
#include <string_view>

namespace backorder::detail {

// The built-in pattern for `key` in `language` ("en", "de", ...), or null when that language has none.
const std::string* builtin_message(std::string_view language, std::string_view key);
// The same for the customer messages' keys ("msg_..."), kept in message_catalogue.cpp.
const std::string* builtin_customer_message(std::string_view language, std::string_view key);
// The same for the support desk brief's keys ("desk_..."), kept in desk_catalogue.cpp.
const std::string* builtin_desk_message(std::string_view language, std::string_view key);

}  // namespace backorder::detail
