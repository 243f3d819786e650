#include <algorithm>
#include <set>

#include "compiler/base/ascii.h"
#include "compiler/base/pattern.h"
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

void check(const Runbook& rb, Emitter& emit) {
  std::set<std::string> known;
  bool computed = false;
  for (const Link& link : rb.links) {
    if (link.url.size() < 2 || link.url[0] != '#') continue;
    if (!computed) known = anchors(rb), computed = true;
    std::string anchor = ascii_lower(percent_decode(link.url.substr(1)));
    if (known.count(anchor)) continue;
    emit.report(link.span, "no heading in this runbook has the anchor `" + link.url + "`; the link goes nowhere",
                "link to an existing heading (anchors are GitHub slugs: lower case, spaces as '-', punctuation "
                "dropped) or add the missing section");
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
    .bad = {"# DB down\n\nSee [the checklist](#post-incident).\n\n## Post-incident review\n", 3, 21},
    .good = {"# DB down\n\nSee [the checklist](#post-incident-review).\n\n## Post-incident review\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
