#include <algorithm>
#include <set>
#include <functional>
#include <vector>

#include "compiler/base/ascii.h"
#include "compiler/base/pattern.h"
#include "linter/mojibake.h"
#include "linter/rule.h"
#include "linter/rule_helpers.h"
#include "linter/secret_values.h"

namespace rbc {
namespace {


/// %XX escapes decoded, as browsers do before matching a fragment.
std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// The other common slug style (Redcarpet, Middleman, many static site
/// generators): every run of non-alphanumeric ASCII becomes one '-'
/// ("GOV.UK teams" → "gov-uk-teams", "`.dockerignore`" → "-dockerignore").
std::string dashed_slug(const std::string& title) {
  std::string out;
  for (char c : title) {
    if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) out += ascii_lower(c);
    else if (out.empty() || out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

/// Every anchor the rendered page has: heading slugs (GitHub's, and the
/// dashed style other renderers use), and `id`/`name` attributes of raw HTML.
std::set<std::string> anchors(const Runbook& rb) {
  std::set<std::string> out;
  for (const Section& s : rb.sections) {
    out.insert(ascii_lower(s.anchor));
    out.insert(dashed_slug(s.title));
  }
  static const Pattern html_id(R"re(\b(?:id|name)\s*=\s*["']([^"']+)["'])re");
  for (uint32_t line = 1; line <= rb.source->line_count(); ++line) {
    std::string_view text = rb.source->line_text(line);
    if (text.find('=') == std::string::npos || text.find('<') == std::string::npos ||
        (text.find("id") == std::string::npos && text.find("name") == std::string::npos))
      continue;  // raw HTML with an attribute, or nothing to look at
    html_id.for_each(text, [&](const PatternMatch& m) { out.insert(ascii_lower(m.group(1))); });
  }
  return out;
}

/// Letters and digits only: "post_incident" and "post-incident" agree.
std::string squashed(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) out += ascii_lower(c);
  return out;
}

/// Edit distance in bytes, stopping early above `limit`.
size_t edit_distance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

/// The one heading anchor a broken `anchor` most likely meant, "" when none
/// or several fit as well. Closest first: the same letters and digits
/// (punctuation or case differ); a slug cut short or run on at a word break
/// (`post-incident` for `post-incident-review`); a typo (two edits, in an
/// anchor of five characters or more). A heading that is itself mojibake is
/// no candidate: RB407's fix changes its anchor.
std::string likely_anchor(const Runbook& rb, const std::string& anchor) {
  std::set<std::string> headings;
  for (const Section& s : rb.sections)
    if (find_mojibake(s.title).empty()) headings.insert(ascii_lower(s.anchor));
  auto starts_at_word = [](const std::string& longer, const std::string& prefix) {
    return longer.size() > prefix.size() + 1 && longer.compare(0, prefix.size(), prefix) == 0 &&
           longer[prefix.size()] == '-';
  };
  const std::vector<std::function<bool(const std::string&)>> tiers = {
      [&](const std::string& h) { return !squashed(anchor).empty() && squashed(h) == squashed(anchor); },
      [&](const std::string& h) { return !anchor.empty() && (starts_at_word(h, anchor) || starts_at_word(anchor, h)); },
      [&](const std::string& h) { return anchor.size() >= 5 && edit_distance(anchor, h, 2) <= 2; },
  };
  for (const auto& fits : tiers) {
    std::vector<std::string> found;
    for (const std::string& h : headings)
      if (fits(h)) found.push_back(h);
    if (found.size() == 1) return found.front();
    if (found.size() > 1) return {};
  }
  return {};
}

void check(const Runbook& rb, Emitter& emit) {
  std::set<std::string> known;
  bool computed = false;
  for (const Link& link : rb.links) {
    if (link.url.size() < 2 || link.url[0] != '#') continue;
    if (!computed) known = anchors(rb), computed = true;
    std::string anchor = ascii_lower(percent_decode(link.url.substr(1)));
    if (known.count(anchor)) continue;
    Diagnostic& d =
        emit.report(link.span, "no heading in this runbook has the anchor `" + link.url + "`; the link goes nowhere",
                    "link to an existing heading (anchors are GitHub slugs: lower case, spaces as '-', punctuation "
                    "dropped) or add the missing section");
    // The fix: the fragment where the link's destination is written (the
    // span is the destination when the front end found it), to the one
    // heading it most likely meant.
    std::string meant = likely_anchor(rb, anchor);
    if (meant.empty()) continue;
    std::string_view text = rb.source->text();
    Span at = link.span;
    if (at.end > text.size() || text.substr(at.begin, at.end - at.begin) != link.url) continue;
    // The destination alone, not the start of a longer one the span was matched in.
    if (at.begin == 0 || std::string_view("(< \t").find(text[at.begin - 1]) == std::string_view::npos) continue;
    if (at.end < text.size() && std::string_view(") >\"'\t\r\n").find(text[at.end]) == std::string_view::npos) continue;
    d.fix = Fix{{emit.edit({at.begin + 1, at.end}, meant)}, true,
                "link to `#" + meant + "`"};
  }
}

const bool registered = register_rule({
    .code = "RB403",
    .name = "broken-anchor-link",
    .category = Category::structure,
    .severity = Severity::warning,
    .summary = "A link points to an #anchor that no heading in the runbook has",
    .what = "Checks every `[text](#anchor)` link against the anchors the page will have: GitHub slugs of its "
            "headings (repeats numbered -1, -2...), the dashed slugs other renderers make (`GOV.UK x` → `gov-uk-x`) and `id`/`name` attributes of raw HTML. Case and %-escapes are "
            "ignored, as browsers on GitHub do.",
    .why = "Tables of contents and \"see Rollback\" links are how a stressed reader navigates; a dead one "
           "costs time exactly when there is none.",
    .instead = "Fix the fragment to the heading's slug, or add the section the link promises.",
    .fix = "when exactly one heading fits, points the link at it: the same letters and digits, a slug cut short or "
           "run on at a word break, or a typo of at most two characters. Several that fit equally, or none: no fix.",
    .bad = {"# DB down\n\nSee [the checklist](#post-incident).\n\n## Post-incident review\n", 3, 21},
    .good = {"# DB down\n\nSee [the checklist](#post-incident-review).\n\n## Post-incident review\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
