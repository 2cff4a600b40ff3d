// The body of a customer message, built once for two readers: plain text that reads as an email, and a
// small email-safe HTML document (tables and inline styles, no scripts, no external resources) in which
// every piece of text is escaped. Private to core.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace backorder::detail {

// True for an absolute http or https URL without spaces or control characters: the only URLs a message
// turns into links (never javascript:, data: or a relative path).
bool is_web_url(std::string_view url);

class MessageBody {
 public:
  void paragraph(std::string_view text);
  // A short heading; the list or paragraph that follows belongs to it.
  void heading(std::string_view text);
  void list(const std::vector<std::string>& items);
  // Short facts on lines of their own, without bullets ("Carrier: UPS", "Tracking number: …").
  void lines(const std::vector<std::string>& items);
  // `line` ("Track your package: https://…") stands in the text, and in the HTML when `url` is not a web
  // URL; otherwise the HTML links `label` to `url`.
  void link(std::string_view label, std::string_view url, std::string_view line);

  const std::string& text() const { return text_; }
  // The whole document; `lang` is the message's BCP 47 locale, `title` its subject.
  std::string html(std::string_view title, std::string_view lang) const;

 private:
  void start_block();
  std::string text_, html_;
  bool after_heading_ = false;
};

}  // namespace backorder::detail
