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

/// The words of a slug: runs of letters and digits (any non-ASCII byte
/// counts as a letter), lower-cased; "-post-incident" → {post, incident}.
std::vector<std::string> words(std::string_view slug) {
  std::vector<std::string> out(1);
  for (char c : slug) {
    if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) out.back() += ascii_lower(c);
    else if (!out.back().empty()) out.emplace_back();
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

/// Edit distance in bytes.
size_t edit_distance(std::string_view a, std::string_view b) {
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

std::string joined(const std::vector<std::string>& w) {
  std::string out;
  for (const std::string& x : w) out += (out.empty() ? "" : "-") + x;
  return out;
}

/// How well a heading's words fit a broken anchor's, lower is closer; nullopt: not at all.
/// 0 the same words (punctuation, case, a leading emoji differ); 1 one list
/// runs on from the other (`post-incident` for `post-incident-checklist`),
/// the more words shared the closer; 2 word by word, each the same or one
/// the start of the other (`deploy` for `deployment`); 3 a typo, at most two
/// edits or one in five characters, the fewer the closer.
std::optional<std::pair<int, size_t>> fit(const std::vector<std::string>& link, const std::vector<std::string>& heading) {
  if (link.empty() || heading.empty()) return std::nullopt;
  if (link == heading) return std::pair{0, size_t{0}};
  size_t shared = std::min(link.size(), heading.size());
  if (std::equal(link.begin(), link.begin() + shared, heading.begin()))
    return std::pair{1, std::max(link.size(), heading.size()) - shared};
  if (link.size() == heading.size()) {
    bool prefixes = true;
    for (size_t i = 0; i < link.size() && prefixes; ++i) {
      const std::string& a = link[i].size() <= heading[i].size() ? link[i] : heading[i];
      const std::string& b = link[i].size() <= heading[i].size() ? heading[i] : link[i];
      prefixes = b.compare(0, a.size(), a) == 0;
    }
    if (prefixes) return std::pair{2, size_t{0}};
  }
  std::string a = joined(link), b = joined(heading);
  if (a.size() < 5) return std::nullopt;
  size_t limit = std::max<size_t>(2, a.size() / 5);
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return std::nullopt;
  size_t d = edit_distance(a, b);
  if (d <= limit) return std::pair{3, d};
  return std::nullopt;
}

/// The one heading anchor a broken `anchor` most likely meant: the closest
/// fit (fit() above), "" when none fits or several fit as closely. A heading
/// that is itself mojibake is no candidate: RB407's fix changes its anchor.
std::string likely_anchor(const Runbook& rb, const std::string& anchor) {
  std::vector<std::string> link = words(anchor);
  std::optional<std::pair<int, size_t>> best;
  std::set<std::string> found;
  for (const Section& s : rb.sections) {
    if (!find_mojibake(s.title).empty()) continue;
    std::optional<std::pair<int, size_t>> f = fit(link, words(s.anchor));
    if (!f) continue;
    if (!best || *f < *best) best = f, found.clear();
    if (*f == *best) found.insert(ascii_lower(s.anchor));
  }
  return found.size() == 1 ? *found.begin() : std::string();
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
    .fix = "points the link at the one heading that fits it best: the same words, words cut short or run on "
           "(`#post-incident` → `#post-incident-checklist`, `deploy` for `deployment`), or a typo (two edits, or one "
           "in five characters). Several that fit as well, or none: no fix.",
    .bad = {"# DB down\n\nSee [the checklist](#post-incident).\n\n## Post-incident review\n", 3, 21},
    .good = {"# DB down\n\nSee [the checklist](#post-incident-review).\n\n## Post-incident review\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
