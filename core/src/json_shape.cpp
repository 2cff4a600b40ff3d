#include "json_shape.hpp"

#include "backorder/limits.hpp"

namespace backorder::detail {
namespace {

// One open array or object. Nothing is copied: keys are views into the text.
struct Frame {
  bool object = false;
  bool want_key = false;   // object: the next string is a member name
  std::size_t commas = 0;  // the index of the element being read
  std::string_view key;    // object: the name of the member being read
};

// The path of the value being read in frames[depth - 1] (of the container frames[depth] when it is open),
// written as Reader writes paths. Built only for a breach.
std::string path_to(const std::string& root, const std::vector<Frame>& frames, std::size_t depth) {
  std::string p = root;
  for (std::size_t i = 0; i < depth; ++i) {
    if (frames[i].object) {
      if (!p.empty()) p += '.';
      p.append(frames[i].key);
    } else {
      p += '[' + std::to_string(frames[i].commas) + ']';
    }
  }
  return valid_utf8(p);
}

}  // namespace

bool check_shape(std::string_view text, const std::string& doc_path, const std::string& root,
                 std::vector<Issue>& issues) {
  if (text.size() > limits::kDocumentBytes) {
    issues.push_back({doc_path, "larger than " + std::to_string(limits::kDocumentBytes) + " bytes"});
    return false;
  }
  std::vector<Frame> frames;
  frames.reserve(limits::kDepth);
  auto fail = [&](std::size_t depth, std::string message) {
    issues.push_back({path_to(root, frames, depth), std::move(message)});
    return false;
  };
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (c == '"') {
      const bool is_key = !frames.empty() && frames.back().want_key;
      std::size_t j = i + 1;
      bool nul = false;
      while (j < n && text[j] != '"') {
        if (text[j] == '\\') {
          nul = nul || text.substr(j + 1, 5) == "u0000";
          j += 2;
        } else {
          ++j;
        }
      }
      if (j >= n) return true;  // unterminated: the parser says where
      const std::string_view s = text.substr(i + 1, j - i - 1);
      if (is_key) frames.back().key = s;
      // A bad key is reported at its object; a bad value at its own path.
      const std::size_t depth = is_key ? frames.size() - 1 : frames.size();
      if (s.size() > limits::kStringBytes) {
        return fail(depth, std::string(is_key ? "a member name" : "a string") + " longer than " +
                               std::to_string(limits::kStringBytes) + " bytes");
      }
      if (nul)
        return fail(depth, std::string(is_key ? "a member name" : "a string") + " with a NUL (\\u0000)");
      i = j;
    } else if (c == '{' || c == '[') {
      if (frames.size() >= static_cast<std::size_t>(limits::kDepth)) {
        return fail(frames.size(), "nested deeper than " + std::to_string(limits::kDepth) + " levels");
      }
      frames.push_back({c == '{', c == '{', 0, {}});
    } else if (c == '}' || c == ']') {
      if (!frames.empty()) frames.pop_back();
    } else if (c == ',' && !frames.empty()) {
      Frame& f = frames.back();
      if (++f.commas >= limits::kElements) {
        return fail(frames.size() - 1,
                    "more than " + std::to_string(limits::kElements) + (f.object ? " members" : " elements"));
      }
      f.want_key = f.object;
    } else if (c == ':' && !frames.empty()) {
      frames.back().want_key = false;
    }
  }
  return true;
}

}  // namespace backorder::detail
