#include "store/pg_text.hpp"

#include <algorithm>
#include <vector>

namespace backorder::detail {

std::string pg_placeholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  std::size_t i = 0;
  // Copies sql[i..] through the first `close` (inclusive), or to the end when it is missing.
  auto copy_through = [&](std::string_view close) {
    std::size_t end = sql.find(close, i);
    end = end == std::string_view::npos ? sql.size() : end + close.size();
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      // A doubled quote inside a literal closes and reopens it, which leaves the scan in the right state.
      out += c;
      ++i;
      copy_through(std::string_view(&c, 1));
    } else if (sql.substr(i, 2) == "--") {
      copy_through("\n");
    } else if (sql.substr(i, 2) == "/*") {
      copy_through("*/");
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++count);
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

namespace {

std::string percent_decoded(std::string_view s) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

void add(std::vector<std::string>& secrets, std::string_view raw) {
  if (raw.empty()) return;
  secrets.emplace_back(raw);
  secrets.push_back(percent_decoded(raw));
}

// postgresql://user:password@host/db?password=...: libpq takes the password up to the first '@' before any
// '/'; a malformed URL may be read differently, so the text up to the last '@' counts too, and its pieces.
void url_secrets(std::string_view url, std::vector<std::string>& secrets) {
  std::string_view rest = url.substr(url.find("://") + 3);
  std::string_view authority = rest.substr(0, rest.find('?'));
  std::size_t colon = authority.find(':');
  std::size_t first_at = authority.find('@');
  std::size_t slash = authority.find('/');
  if (colon != std::string_view::npos && first_at != std::string_view::npos && colon < first_at &&
      (slash == std::string_view::npos || first_at < slash)) {
    add(secrets, authority.substr(colon + 1, first_at - colon - 1));
  }
  std::size_t last_at = authority.rfind('@');
  if (colon != std::string_view::npos && last_at != std::string_view::npos && colon < last_at) {
    std::string_view loose = authority.substr(colon + 1, last_at - colon - 1);
    add(secrets, loose);
    std::size_t start = 0;
    for (std::size_t i = 0; i <= loose.size(); ++i) {
      if (i == loose.size() || std::string_view("/:@").find(loose[i]) != std::string_view::npos) {
        add(secrets, loose.substr(start, i - start));
        start = i + 1;
      }
    }
  }
  std::size_t query = rest.find('?');
  if (query == std::string_view::npos) return;
  std::string_view params = rest.substr(query + 1);
  while (!params.empty()) {
    std::size_t amp = params.find('&');
    std::string_view param = params.substr(0, amp);
    if (param.starts_with("password=")) add(secrets, param.substr(9));
    params = amp == std::string_view::npos ? std::string_view() : params.substr(amp + 1);
  }
}

// host=... password='it''s' ...: values are bare words or single-quoted with backslash escapes.
void keyword_secrets(std::string_view info, std::vector<std::string>& secrets) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  std::size_t i = 0;
  while (i < info.size()) {
    while (i < info.size() && space(info[i])) ++i;
    std::size_t key_start = i;
    while (i < info.size() && info[i] != '=' && !space(info[i])) ++i;
    std::string_view key = info.substr(key_start, i - key_start);
    while (i < info.size() && space(info[i])) ++i;
    if (i >= info.size() || info[i] != '=') {
      ++i;
      continue;
    }
    ++i;
    while (i < info.size() && space(info[i])) ++i;
    std::string value;
    std::size_t value_start = i;
    if (i < info.size() && info[i] == '\'') {
      ++i;
      value_start = i;
      while (i < info.size() && info[i] != '\'') {
        if (info[i] == '\\' && i + 1 < info.size()) ++i;
        value += info[i++];
      }
      if (key == "password") add(secrets, info.substr(value_start, i - value_start));
      ++i;
    } else {
      while (i < info.size() && !space(info[i])) value += info[i++];
    }
    if (key == "password") add(secrets, value);
  }
}

}  // namespace

std::string redact_password(std::string_view message, std::string_view conninfo) {
  std::vector<std::string> secrets;
  if (conninfo.starts_with("postgresql://") || conninfo.starts_with("postgres://")) {
    url_secrets(conninfo, secrets);
  } else {
    keyword_secrets(conninfo, secrets);
  }
  // Longest first, so a password is never half-replaced through one of its own pieces.
  std::sort(secrets.begin(), secrets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string out(message);
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    for (std::size_t at = out.find(secret); at != std::string::npos; at = out.find(secret, at + 3)) {
      out.replace(at, secret.size(), "***");
    }
  }
  return out;
}

}  // namespace backorder::detail
