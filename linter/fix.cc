#include "linter/fix.h"

#include <algorithm>

#include "linter/diagnostic.h"

namespace rbc {
namespace {

/// Two edits touch: their byte ranges overlap, or both insert at one place
/// (their order would be a guess).
bool conflict(const TextEdit& a, const TextEdit& b) {
  if (a.span.begin == b.span.begin) return true;
  return a.span.begin < b.span.end && b.span.begin < a.span.end;
}

}  // namespace

AppliedFixes apply_fixes(std::string_view text, const std::vector<Diagnostic>& findings, bool unsafe) {
  AppliedFixes out;
  std::vector<const TextEdit*> taken;
  for (const Diagnostic& d : findings) {
    if (!d.fix || d.fix->edits.empty() || (!d.fix->safe && !unsafe)) continue;
    bool ok = true;
    for (const TextEdit& e : d.fix->edits) {
      if (e.span.begin > e.span.end || e.span.end > text.size()) ok = false;
      for (const TextEdit* t : taken)
        if (conflict(e, *t)) ok = false;
      if (!ok) break;
    }
    for (size_t i = 0; ok && i < d.fix->edits.size(); ++i)
      for (size_t j = i + 1; ok && j < d.fix->edits.size(); ++j)
        if (conflict(d.fix->edits[i], d.fix->edits[j])) ok = false;
    if (!ok) continue;
    for (const TextEdit& e : d.fix->edits) taken.push_back(&e);
    ++out.applied;
  }
  std::sort(taken.begin(), taken.end(), [](const TextEdit* a, const TextEdit* b) { return a->span.begin > b->span.begin; });
  out.text = std::string(text);
  for (const TextEdit* e : taken) out.text.replace(e->span.begin, e->span.end - e->span.begin, e->replacement);
  return out;
}

}  // namespace rbc
