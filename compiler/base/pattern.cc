#include "compiler/base/pattern.h"

#include <re2/re2.h>

#include <algorithm>
#include <stdexcept>

namespace rbc {

Pattern::Pattern(std::string_view expression, int flags) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_case_sensitive(!(flags & ignore_case));
  options.set_log_errors(false);
  std::string source = (flags & multiline) ? "(?m)" + std::string(expression) : std::string(expression);
  re_ = std::make_unique<re2::RE2>(source, options);
  if (!re_->ok()) throw std::logic_error("bad pattern `" + std::string(expression) + "`: " + re_->error());
  groups_ = std::min(re_->NumberOfCapturingGroups(), PatternMatch::kMaxGroups);
}

Pattern::~Pattern() = default;
Pattern::Pattern(Pattern&&) noexcept = default;

bool Pattern::search(std::string_view text) const {
  return re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED, nullptr, 0);
}

bool Pattern::find(std::string_view text, PatternMatch& match, size_t from) const {
  std::array<re2::StringPiece, PatternMatch::kMaxGroups + 1> pieces;
  re2::StringPiece whole(text.data(), text.size());
  if (!re_->Match(whole, from, text.size(), RE2::UNANCHORED, pieces.data(), groups_ + 1)) return false;
  for (int i = 0; i <= PatternMatch::kMaxGroups; ++i)
    match.groups[static_cast<size_t>(i)] =
        i <= groups_ && pieces[static_cast<size_t>(i)].data()
            ? std::string_view(pieces[static_cast<size_t>(i)].data(), pieces[static_cast<size_t>(i)].size())
            : std::string_view();
  match.whole = match.groups[0];
  match.position = static_cast<size_t>(pieces[0].data() - text.data());
  return true;
}

std::string Pattern::replace_all(std::string text, std::string_view rewrite) const {
  RE2::GlobalReplace(&text, *re_, re2::StringPiece(rewrite.data(), rewrite.size()));
  return text;
}

}  // namespace rbc
