#include "store/message_body.hpp"

#include "backorder/error.hpp"
#include "store/messages.hpp"

namespace backorder::detail {

std::string escape_html(std::string_view text) {
  // Ill-formed UTF-8 would let a mail client guess another encoding; it becomes U+FFFD first.
  std::string in = valid_utf8(text);
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  for (char c : in) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool is_web_url(std::string_view url) {
  auto starts_with_nocase = [&](std::string_view prefix) {
    if (url.size() <= prefix.size()) return false;  // a host must follow
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  if (!starts_with_nocase("https://") && !starts_with_nocase("http://")) return false;
  // Spaces and control characters end an href early or hide what it points to in some clients.
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

void MessageBody::start_block() {
  if (!text_.empty()) text_ += after_heading_ ? "\n" : "\n\n";
  after_heading_ = false;
}

void MessageBody::paragraph(std::string_view text) {
  start_block();
  text_ += text;
  html_ += "<p style=\"margin:0 0 16px;\">" + escape_html(text) + "</p>\n";
}

void MessageBody::heading(std::string_view text) {
  start_block();
  text_ += text;
  after_heading_ = true;
  html_ += "<h2 style=\"margin:24px 0 8px;font-size:18px;\">" + escape_html(text) + "</h2>\n";
}

void MessageBody::list(const std::vector<std::string>& items) {
  if (items.empty()) return;
  start_block();
  html_ += "<ul style=\"margin:0 0 16px;padding-left:24px;\">\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) text_ += '\n';
    text_ += "- " + items[i];
    html_ += "<li style=\"margin:0 0 4px;\">" + escape_html(items[i]) + "</li>\n";
  }
  html_ += "</ul>\n";
}

void MessageBody::lines(const std::vector<std::string>& items) {
  if (items.empty()) return;
  start_block();
  html_ += "<p style=\"margin:0 0 16px;\">";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) text_ += '\n', html_ += "<br>";
    text_ += items[i];
    html_ += escape_html(items[i]);
  }
  html_ += "</p>\n";
}

void MessageBody::link(std::string_view label, std::string_view url, std::string_view line) {
  if (!is_web_url(url)) return paragraph(line);
  start_block();
  text_ += line;
  html_ += "<p style=\"margin:0 0 16px;\"><a href=\"" + escape_html(url) + "\" style=\"color:#1a5fb4;\">" +
           escape_html(label) + "</a></p>\n";
}

std::string MessageBody::html(std::string_view title, std::string_view lang) const {
  // Nested tables with inline styles: what mail clients (Outlook among them) lay out alike.
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"" + escape_html(lang) +
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escape_html(title) +
      "</title>\n</head>\n<body style=\"margin:0;padding:0;background-color:#f4f4f4;\">\n"
      "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">"
      "<tr><td align=\"center\" style=\"padding:24px 12px;\">\n"
      "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
      "style=\"max-width:600px;background-color:#ffffff;\"><tr><td style=\"padding:24px;font-family:Arial,"
      "Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#222222;\">\n";
  out += html_;
  out += "</td></tr></table>\n</td></tr></table>\n</body>\n</html>\n";
  return out;
}

}  // namespace backorder::detail
