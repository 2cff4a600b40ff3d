#include "backorder/labels.hpp"

#include <unicode/datefmt.h>
#include <unicode/dtintrv.h>
#include <unicode/dtitvfmt.h>
#include <unicode/msgfmt.h>
#include <unicode/timezone.h>

#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "backorder/error.hpp"
#include "message_template.hpp"

namespace backorder {
namespace {

constexpr double kMsPerDay = 86'400'000.0;

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  return s.toUTF8String(out);
}

// Civil dates are formatted in UTC at noon, so no zone or DST shift can move them to another day.
UDate noon(Day d) { return d * kMsPerDay + kMsPerDay / 2; }

// What decides a label's wording. Labels with equal keys share one LabelText.
struct Key {
  Day today;  // wording depends on it (days counted, years shown)
  int kind;
  std::int64_t a, b;
  Day from, to;
  int min_days, max_days;
  bool operator==(const Key&) const = default;
};

struct KeyHash {
  std::size_t operator()(const Key& k) const {
    std::size_t h = static_cast<std::size_t>(k.kind) ^ (static_cast<std::size_t>(k.today) << 8);
    for (std::int64_t v : {k.a, k.b, std::int64_t{k.from}, std::int64_t{k.to}, std::int64_t{k.min_days},
                           std::int64_t{k.max_days}}) {
      h = (h ^ static_cast<std::size_t>(v)) * 0x100000001b3ull;
    }
    return h;
  }
};

enum Kind : int { kInStock, kLowStock, kBackorder, kSplit, kPreorder, kOutOfStock, kDiscontinued };

// What a message template stands for: the message, its arguments' names (the callers' literals, compared as
// pointers: the same name at another address only makes a second template) and numbers.
constexpr std::int64_t kTextArgument = INT64_MIN;  // in numbers: a text argument
struct TemplateKey {
  std::size_t message = 0, count = 0;
  std::array<const char*, detail::kMaxTemplateTexts> names{};
  std::array<std::int64_t, detail::kMaxTemplateTexts> numbers{};
  bool operator==(const TemplateKey&) const = default;
};
struct TemplateKeyHash {
  std::size_t operator()(const TemplateKey& k) const {
    std::size_t h = k.message;
    for (std::size_t i = 0; i < k.count; ++i)
      h = (h ^ reinterpret_cast<std::uintptr_t>(k.names[i]) ^ static_cast<std::size_t>(k.numbers[i])) *
          0x100000001b3ull;
    return h;
  }
};

}  // namespace

std::string check_message_pattern(std::string_view locale, std::string_view pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe;
  icu::Locale loc = icu::Locale::forLanguageTag(std::string(locale), status);
  status = U_ZERO_ERROR;
  icu::MessageFormat mf(
      icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))),
      loc, pe, status);
  if (status == U_DEFAULT_KEYWORD_MISSING) return "every plural or select needs an `other` case";
  if (U_FAILURE(status)) {
    return std::string("not a valid ICU MessageFormat pattern (") + u_errorName(status) + " at offset " +
           std::to_string(pe.offset) + ")";
  }
  return "";
}

namespace {

// ICU formatters for one engine's patterns in one locale. Costly to build (tens of microseconds), so a
// finished Labeler leaves them in a small pool of its thread for the next Labeler to take. A Formatters is
// owned by one Labeler or one pool at a time, never shared, since ICU formatters are not thread-safe.
struct Formatters {
  std::uint64_t engine_id = 0;
  std::string locale;  // canonical
  icu::Locale icu_locale;
  std::array<std::unique_ptr<icu::MessageFormat>, std::size(kMessageKeys)> formats;
  std::unique_ptr<icu::DateIntervalFormat> range_this_year, range_other_year;
  std::map<std::string, std::unique_ptr<icu::DateFormat>> dates;  // by skeleton
  std::unordered_map<Key, LabelText, KeyHash> texts;  // node-based: LabelText addresses never move
  std::map<std::tuple<Day, Day, bool>, icu::UnicodeString> ranges;  // formatted date ranges
  std::map<std::tuple<Day, Day, bool>, std::string> ranges_utf8;    // the same as UTF-8
  std::map<std::string, std::string, std::less<>> fixed;            // messages without arguments
  // Per message, the arguments a template may not stand in for (detail::complex_arguments), once asked.
  std::array<std::optional<std::optional<std::vector<std::string>>>, std::size(kMessageKeys)> complex;
  std::unordered_map<TemplateKey, detail::MessageTemplate, TemplateKeyHash> templates;
  std::map<std::pair<Day, bool>, std::string> dates_utf8;  // format_date's answers

  const icu::MessageFormat& format(const Engine& engine, std::size_t index) {
    if (!formats[index]) {
      const std::string* pattern = engine.message(locale, kMessageKeys[index]);
      UErrorCode status = U_ZERO_ERROR;
      UParseError pe;
      formats[index] = std::make_unique<icu::MessageFormat>(icu::UnicodeString::fromUTF8(*pattern),
                                                            icu_locale, pe, status);
      if (U_FAILURE(status)) {
        // Policies are checked when loaded, so this is a bug: say which message.
        throw Error(ErrorCode::internal, "",
                    std::string("message \"") + kMessageKeys[index] + "\" does not compile");
      }
    }
    return *formats[index];
  }

  std::string message(const Engine& engine, std::string_view key, std::initializer_list<const char*> names,
                      std::initializer_list<icu::Formattable> values) {
    std::size_t index = 0;
    while (key != kMessageKeys[index]) ++index;
    icu::UnicodeString argn[8];
    std::size_t n = 0;
    for (const char* name : names) argn[n++] = icu::UnicodeString(name, -1, US_INV);
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    format(engine, index).format(argn, values.begin(), static_cast<int32_t>(n), out, status);
    if (U_FAILURE(status))
      throw Error(ErrorCode::internal, "", std::string("formatting \"") + std::string(key) + "\" failed");
    return utf8(out);
  }

  // The template of message `index` for these arguments, or null when one of its text arguments is more
  // than inserted (then the message must be formatted whole).
  const detail::MessageTemplate* message_template(const Engine& engine, std::size_t index,
                                                  std::initializer_list<Labeler::Arg> args) {
    auto& complex_args = complex[index];
    if (!complex_args) {
      complex_args = detail::complex_arguments(
          icu::UnicodeString::fromUTF8(*engine.message(locale, kMessageKeys[index])));
    }
    if (!*complex_args || args.size() > detail::kMaxTemplateTexts) return nullptr;
    TemplateKey key;
    key.message = index;
    for (const Labeler::Arg& a : args) {
      if (a.is_text) {
        for (const std::string& name : **complex_args)
          if (name == a.name) return nullptr;
      }
      key.names[key.count] = a.name;
      key.numbers[key.count++] = a.is_text ? kTextArgument : a.number;
    }
    auto [it, fresh] = templates.try_emplace(key, std::string_view());
    if (fresh) {
      try {
        icu::UnicodeString names[detail::kMaxTemplateTexts];
        icu::Formattable values[detail::kMaxTemplateTexts];
        std::size_t n = 0, texts = 0;
        for (const Labeler::Arg& a : args) {
          names[n] = icu::UnicodeString(a.name, -1, US_INV);
          values[n++] = a.is_text ? icu::Formattable(detail::MessageTemplate::marker(texts++))
                                  : icu::Formattable(static_cast<int64_t>(a.number));
        }
        icu::UnicodeString out;
        UErrorCode status = U_ZERO_ERROR;
        format(engine, index).format(names, values, static_cast<int32_t>(n), out, status);
        if (U_FAILURE(status)) {
          throw Error(ErrorCode::internal, "",
                      std::string("formatting \"") + kMessageKeys[index] + "\" failed");
        }
        it->second = detail::MessageTemplate(utf8(out));
      } catch (...) {
        templates.erase(it);
        throw;
      }
    }
    return &it->second;
  }

  bool same_year(Day today, Day d) const {
    using namespace std::chrono;
    return year_month_day{sys_days{days{today}}}.year() == year_month_day{sys_days{days{d}}}.year();
  }

  std::unique_ptr<icu::DateIntervalFormat> make_range(const char* skeleton) const {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateIntervalFormat> f(icu::DateIntervalFormat::createInstance(
        icu::UnicodeString(skeleton, -1, US_INV), icu_locale, status));
    if (U_FAILURE(status)) throw Error(ErrorCode::internal, "", "no date range format for the locale");
    f->adoptTimeZone(icu::TimeZone::createTimeZone("Etc/UTC"));
    return f;
  }

  std::unique_ptr<icu::DateFormat> make_date(const char* skeleton) const {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateFormat> f(icu::DateFormat::createInstanceForSkeleton(
        icu::UnicodeString(skeleton, -1, US_INV), icu_locale, status));
    if (U_FAILURE(status)) throw Error(ErrorCode::internal, "", "no date format for the locale");
    f->adoptTimeZone(icu::TimeZone::createTimeZone("Etc/UTC"));
    return f;
  }

  // "Dec 10 – 14"; the year is shown only when the range leaves this year. A checkout names the same few
  // windows many times, and ICU takes microseconds for each: they are kept.
  icu::UnicodeString range(Day today, Day from, Day to) {
    bool this_year = same_year(today, from) && same_year(today, to);
    auto [cached, fresh] = ranges.try_emplace({from, to, this_year});
    if (!fresh) return cached->second;
    if (from == to) return cached->second = date(today, from, false);
    auto& f = this_year ? range_this_year : range_other_year;
    if (!f) f = make_range(this_year ? "MMMd" : "yMMMd");
    icu::UnicodeString out;
    icu::FieldPosition pos;
    UErrorCode status = U_ZERO_ERROR;
    icu::DateInterval interval(noon(from), noon(to));
    f->format(&interval, out, pos, status);
    if (U_FAILURE(status)) {
      ranges.erase(cached);
      throw Error(ErrorCode::internal, "", "date range formatting failed");
    }
    return cached->second = out;
  }

  // "March 12" (a long month reads better in a sentence); "Mar 12" where it stands for a range.
  icu::UnicodeString date(Day today, Day d, bool long_month = true) {
    const char* skeleton =
        same_year(today, d) ? (long_month ? "MMMMd" : "MMMd") : (long_month ? "yMMMMd" : "yMMMd");
    auto& f = dates[skeleton];
    if (!f) f = make_date(skeleton);
    icu::UnicodeString out;
    return f->format(noon(d), out);
  }
};

constexpr std::size_t kPoolSize = 8;
thread_local std::vector<std::unique_ptr<Formatters>> t_pool;

std::unique_ptr<Formatters> take_formatters(std::uint64_t engine_id, const std::string& locale) {
  for (auto it = t_pool.begin(); it != t_pool.end(); ++it) {
    if ((*it)->engine_id == engine_id && (*it)->locale == locale) {
      auto f = std::move(*it);
      t_pool.erase(it);
      return f;
    }
  }
  auto f = std::make_unique<Formatters>();
  f->engine_id = engine_id;
  f->locale = locale;
  UErrorCode status = U_ZERO_ERROR;
  f->icu_locale = icu::Locale::forLanguageTag(locale, status);
  return f;
}

// Texts kept with pooled formatters; a labeler that saw more distinct wordings gives them up.
constexpr std::size_t kPooledTexts = 4096;

void return_formatters(std::unique_ptr<Formatters> f) {
  if (!f) return;
  if (f->texts.size() > kPooledTexts) f->texts.clear();
  if (f->ranges.size() > kPooledTexts) f->ranges.clear(), f->ranges_utf8.clear();
  if (f->templates.size() > kPooledTexts) f->templates.clear();
  if (f->dates_utf8.size() > kPooledTexts) f->dates_utf8.clear();
  if (t_pool.size() >= kPoolSize) t_pool.erase(t_pool.begin());
  t_pool.push_back(std::move(f));
}

}  // namespace

struct Labeler::Impl {
  std::unique_ptr<Formatters> fmt;

  LabelText render(const Engine& e, const Today& today, int kind, const Availability& a);
};

Labeler::Labeler(std::shared_ptr<const Engine> engine, std::string_view locale, Instant now)
    : engine_(std::move(engine)),
      today_(Today::at(engine_->calendar(), now)),
      impl_(std::make_unique<Impl>()) {
  std::string canon = canonical_locale(locale.empty() ? std::string_view(engine_->policy().locale) : locale);
  if (canon.empty())
    throw Error(ErrorCode::invalid, "locale", "unknown locale \"" + std::string(locale) + "\"");
  impl_->fmt = take_formatters(engine_->id(), canon);
}

Labeler::~Labeler() { return_formatters(std::move(impl_->fmt)); }

const std::string& Labeler::locale() const { return impl_->fmt->locale; }

Label Labeler::label(const Item& item, const StockPosition& stock, std::int64_t quantity) {
  return label(classify(engine_->policy(), engine_->calendar(), today_, item, stock, quantity));
}

Label Labeler::label(const Availability& availability) {
  const Engine& e = *engine_;
  Label out;
  out.availability = availability;
  const Availability& a = out.availability;

  Key key{};
  switch (a.status) {
    case Status::in_stock:
      key.kind = kInStock;
      break;
    case Status::low_stock:
      key = {0, kLowStock, a.sellable, 0, 0, 0, 0, 0};
      break;
    case Status::backorder:
      key = {0,
             a.ship_now > 0 ? kSplit : kBackorder,
             a.ship_now > 0 ? a.ship_now : 0,
             a.ship_now > 0 ? a.later : 0,
             a.later_window.from,
             a.later_window.to,
             a.later_window.min_days,
             a.later_window.max_days};
      break;
    case Status::preorder:
      key = {0, kPreorder, 0, 0, a.later_window.from, a.later_window.from, 0, 0};
      break;
    case Status::out_of_stock:
      key.kind = kOutOfStock;
      break;
    case Status::discontinued:
      key.kind = kDiscontinued;
      break;
  }
  key.today = today_.day;
  auto& texts = impl_->fmt->texts;
  auto [it, fresh] = texts.try_emplace(key);
  if (fresh) {
    try {
      it->second = impl_->render(e, today_, key.kind, a);
    } catch (...) {
      texts.erase(it);
      throw;
    }
  }
  out.text = &it->second;
  return out;
}

LabelText Labeler::Impl::render(const Engine& e, const Today& today, int kind, const Availability& a) {
  const Calendar& cal = e.calendar();
  Formatters& f = *fmt;
  auto msg = [&](std::string_view k, std::initializer_list<const char*> names,
                 std::initializer_list<icu::Formattable> values) { return f.message(e, k, names, values); };
  LabelText t;
  switch (kind) {
    case kInStock:
      t.text = msg("in_stock", {}, {});
      t.short_text = msg("in_stock_short", {}, {});
      break;
    case kLowStock:
      t.text = msg("low_stock", {"count"}, {icu::Formattable(static_cast<int64_t>(a.sellable))});
      t.short_text = msg("low_stock_short", {"count"}, {icu::Formattable(static_cast<int64_t>(a.sellable))});
      break;
    case kBackorder:
    case kSplit: {
      const Window& w = a.later_window;
      icu::UnicodeString dates = f.range(today.day, w.from, w.to);
      bool business = e.policy().availability.day_unit == DayUnit::business;
      bool exact = w.min_days == w.max_days;
      const char* k = business ? (exact ? "backorder_business_exact" : "backorder_business")
                               : (exact ? "backorder_exact" : "backorder");
      if (kind == kSplit) k = "split";
      t.text = msg(k, {"min_days", "max_days", "dates", "now_count", "later_count"},
                   {icu::Formattable(w.min_days), icu::Formattable(w.max_days), icu::Formattable(dates),
                    icu::Formattable(static_cast<int64_t>(a.ship_now)),
                    icu::Formattable(static_cast<int64_t>(a.later))});
      t.short_text =
          msg("backorder_short", {"dates", "min_days", "max_days"},
              {icu::Formattable(dates), icu::Formattable(w.min_days), icu::Formattable(w.max_days)});
      t.availability_date = cal.format_local_midnight(w.from);
      break;
    }
    case kPreorder: {
      icu::UnicodeString date = f.date(today.day, a.later_window.from);
      t.text = msg("preorder", {"date", "days"},
                   {icu::Formattable(date), icu::Formattable(a.later_window.min_days)});
      t.short_text = msg("preorder_short", {"date", "days"},
                         {icu::Formattable(date), icu::Formattable(a.later_window.min_days)});
      t.availability_date = cal.format_local_midnight(a.later_window.from);
      break;
    }
    case kOutOfStock:
      t.text = msg("out_of_stock", {}, {});
      t.short_text = msg("out_of_stock_short", {}, {});
      break;
    case kDiscontinued:
      t.text = msg("discontinued", {}, {});
      t.short_text = msg("discontinued_short", {}, {});
      break;
  }
  return t;
}

std::string Labeler::format(std::string_view key, std::initializer_list<Arg> args) {
  // A message without arguments reads the same every time: kept with the formatters.
  if (args.size() == 0) {
    auto& fixed = impl_->fmt->fixed;
    auto it = fixed.find(key);
    if (it != fixed.end()) return it->second;
    std::string text = format(key, {{"_", std::int64_t{0}}});
    fixed.emplace(std::string(key), text);
    return text;
  }
  std::size_t index = 0;
  while (index < std::size(kMessageKeys) && key != kMessageKeys[index]) ++index;
  if (index == std::size(kMessageKeys))
    throw Error(ErrorCode::internal, "", "no message \"" + std::string(key) + "\"");
  if (const detail::MessageTemplate* t = impl_->fmt->message_template(*engine_, index, args)) {
    std::array<std::string_view, detail::kMaxTemplateTexts> texts;
    std::size_t n = 0;
    for (const Arg& a : args)
      if (a.is_text) texts[n++] = a.text;
    return t->fill(texts);
  }
  constexpr std::size_t kMaxArgs = 16;
  icu::UnicodeString names[kMaxArgs];
  icu::Formattable values[kMaxArgs];
  std::size_t n = 0;
  for (const Arg& a : args) {
    if (n == kMaxArgs) break;
    names[n] = icu::UnicodeString(a.name, -1, US_INV);
    values[n] = a.is_text ? icu::Formattable(icu::UnicodeString::fromUTF8(
                                icu::StringPiece(a.text.data(), static_cast<int32_t>(a.text.size()))))
                          : icu::Formattable(static_cast<int64_t>(a.number));
    ++n;
  }
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  impl_->fmt->format(*engine_, index).format(names, values, static_cast<int32_t>(n), out, status);
  if (U_FAILURE(status))
    throw Error(ErrorCode::internal, "", "formatting \"" + std::string(key) + "\" failed");
  return utf8(out);
}

std::string Labeler::format_dates(Day from, Day to) {
  Formatters& f = *impl_->fmt;
  bool this_year = f.same_year(today_.day, from) && f.same_year(today_.day, to);
  auto [it, fresh] = f.ranges_utf8.try_emplace({from, to, this_year});
  if (fresh) it->second = utf8(f.range(today_.day, from, to));
  return it->second;
}

std::string Labeler::format_date(Day d) {
  Formatters& f = *impl_->fmt;
  auto [it, fresh] = f.dates_utf8.try_emplace({d, f.same_year(today_.day, d)});
  if (fresh) it->second = utf8(f.date(today_.day, d));
  return it->second;
}

}  // namespace backorder
