#include <algorithm>

#include "compiler/syntax/source_file.h"
#include "linter/mojibake.h"
#include "compiler/base/pattern.h"
#include "linter/rule.h"
#include "linter/rule_helpers.h"
#include "linter/secret_values.h"

namespace rbc {
namespace {


/// Whether `section` or one of its parents is a contact section; `cache` holds
/// -1 (unknown), 0 or 1 per section (index + 1, so -1 = before any heading).
bool in_contact_section(const Runbook& rb, int section, std::vector<int>& cache);

/// A section title naming escalation or contacts, where an unfilled value means nobody to call.
bool contact_title(const std::string& title) {
  // Whole words, some as prefixes (escalat*, pager*, responsib*); hand-matched,
  // the regex it replaces dominated this rule's cost.
  struct Word {
    std::string_view text;
    bool prefix;
  };
  static const Word words[] = {{"escalat", true}, {"contact", false}, {"contacts", false}, {"on-call", false},
                               {"oncall", false}, {"owner", false}, {"owners", false}, {"who to", false},
                               {"support", false}, {"pager", true}, {"responsib", true}, {"astreinte", false},
                               {"people", false}, {"team", false}, {"teams", false}, {"stakeholder", false},
                               {"stakeholders", false}, {"escalade", false}};
  std::string path = ascii_lower(find_non_ascii(title) == std::string::npos ? title : repair_mojibake(title));
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); };
  for (const Word& w : words)
    for (size_t at = path.find(w.text); at != std::string::npos; at = path.find(w.text, at + 1)) {
      size_t end = at + w.text.size();
      if (at > 0 && word_char(path[at - 1])) continue;
      if (!w.prefix && end < path.size() && word_char(path[end])) continue;
      return true;
    }
  return false;
}

/// "- **DevOps Lead:** [...]": a line labelled with a role or a way to reach one.
bool contact_label(const std::string& line) {
  size_t colon = line.find(':');
  if (colon == std::string::npos || colon > 60) return false;  // the label regex needs a colon early on
  static const Pattern label(R"(^[\s>*_+-]*(?:\d+\.\s*)?(?:\*\*|__)?([^:\[\]]{1,40}?)(?:\*\*|__)?\s*:)");
  static const Pattern role(
      R"(\b(lead|engineer|on-?call|contact|owner|team|manager|cto|ceo|vp|pager|phone|email|e-mail|slack|channel|escalat\w*|support|security|dba|sre|rotation|responsable|équipe)\b)");
  PatternMatch m;
  return label.find(line, m) && role.search(ascii_lower(std::string(m.group(1))));
}

/// Inline code spans blanked, so `[x]` in `grep '[x]'` is not read as prose.
std::string without_code_spans(std::string line) {
  for (size_t at = line.find('`'); at != std::string::npos; at = line.find('`', at + 1)) {
    size_t close = line.find('`', at + 1);
    if (close == std::string::npos) break;
    std::fill(line.begin() + static_cast<long>(at), line.begin() + static_cast<long>(close) + 1, ' ');
    at = close;
  }
  return line;
}

bool html_tag(const std::string& name) {
  static const char* tags[] = {"details", "summary", "br", "b", "i", "a", "kbd", "code", "sup", "sub", "img", "p",
                               "div", "span", "hr", "em", "strong", "table", "tr", "td", "th", "ul", "li", "ol",
                               "pre", "dl", "dt", "dd", "u", "s", "small", "center", "font", "h1", "h2", "h3"};
  std::string l = ascii_lower(name.substr(0, name.find(' ')));
  return std::any_of(std::begin(tags), std::end(tags), [&](const char* t) { return l == t; });
}

bool at_escaped(const std::string& line, size_t at) { return at > 0 && line[at - 1] == '\\'; }

struct Hit {
  size_t at, length;
  std::string written;
};

/// The stand-in names a way to reach someone ("[email]", "<team-slack-channel>").
bool names_contact(const std::string& inner) {
  static const Pattern words(
      R"(contact|e-?mail|phone|pager|name|team|slack|channel|handle|owner|person|lead|number|engineer|manager|mobile|rota|schedule)");
  return words.search(ascii_lower(inner));
}

struct Match {
  size_t at, length;
};

bool in_contact_section(const Runbook& rb, int section, std::vector<int>& cache) {
  if (section < 0) return false;
  int& known = cache[static_cast<size_t>(section + 1)];
  if (known < 0)
    known = contact_title(rb.sections[static_cast<size_t>(section)].title) ||
            in_contact_section(rb, rb.sections[static_cast<size_t>(section)].parent, cache);
  return known == 1;
}

/// `[inner]` with 1 to 50 characters inside and no nested bracket (hand-scanned: runs on every prose line).
std::vector<Match> bracket_matches(const std::string& line) {
  std::vector<Match> out;
  for (size_t i = line.find('['); i != std::string::npos; i = line.find('[', i + 1)) {
    size_t j = i + 1;
    while (j < line.size() && j - i - 1 <= 50 && line[j] != '[' && line[j] != ']') ++j;
    if (j < line.size() && line[j] == ']' && j - i - 1 >= 1 && j - i - 1 <= 50) {
      out.push_back({i, j - i + 1});
      i = j;
    }
  }
  return out;
}

/// `<inner>`: a letter, then 1 to 40 of letters, digits, space and `_./-`.
std::vector<Match> angle_matches(const std::string& line) {
  std::vector<Match> out;
  auto allowed = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '_' || c == '.' || c == '/' || c == '-';
  };
  for (size_t i = line.find('<'); i != std::string::npos; i = line.find('<', i + 1)) {
    if (i + 1 >= line.size() || !std::isalpha(static_cast<unsigned char>(line[i + 1]))) continue;
    size_t j = i + 2;
    while (j < line.size() && j - i - 2 < 40 && allowed(line[j])) ++j;
    if (j < line.size() && line[j] == '>' && j - i - 2 >= 1) {
      out.push_back({i, j - i + 1});
      i = j;
    }
  }
  return out;
}

/// Whether a line is labelled with a role, decided on first use: most lines
/// holding a bracket hold a link, and the label test is the costly part.
class LabelTest {
 public:
  explicit LabelTest(const std::string& line) : line_(line) {}
  bool operator()() {
    if (!known_) labelled_ = line_.find(':') != std::string::npos && contact_label(line_), known_ = true;
    return labelled_;
  }

 private:
  const std::string& line_;
  bool known_ = false, labelled_ = false;
};

/// `labelled`: the line names a role ("**CTO:** ..."), so any stand-in on it is its missing value;
/// `contact`: the line is in an escalation/contact section.
std::vector<Hit> placeholders(const Runbook& rb, const std::string& line, LabelTest& labelled, bool contact) {
  static const Pattern marker(R"(\b(TODO|TBD|TBA|FIXME)\b|\?\?\?)");
  std::vector<Hit> out;
  auto yours = [](const std::string& inner) { return ascii_lower(inner).rfind("your", 0) == 0; };
  for (const Match& m : bracket_matches(line)) {
    size_t at = m.at, after = m.at + m.length;
    std::string inner = line.substr(at + 1, m.length - 2);
    if (after < line.size() && (line[after] == '(' || line[after] == '[' || line[after] == ':')) continue;  // a link
    if (at > 0 && (line[at - 1] == ']' || line[at - 1] == '!')) continue;
    if (inner == " " || inner == "x" || inner == "X" || inner[0] == '^' ||
        std::all_of(inner.begin(), inner.end(), [](unsigned char c) { return std::isdigit(c); }))
      continue;  // task-list box, footnote
    // Autolinks (a bare URL as its own text) are not counted, so the finding
    // does not depend on whether the front end linked bare URLs.
    bool link_text = std::any_of(rb.links.begin(), rb.links.end(), [&](const Link& l) {
      return l.text == inner && l.url != l.text && l.url != "http://" + l.text && l.url != "mailto:" + l.text;
    });
    if (link_text) continue;  // a shortcut reference link: [name] with a [name]: url definition
    if (labelled() || (contact && names_contact(inner)) || yours(inner)) out.push_back({at, after - at, line.substr(at, m.length)});
  }
  for (const Match& m : angle_matches(line)) {
    std::string inner = line.substr(m.at + 1, m.length - 2);
    if (html_tag(inner) || inner.find('@') != std::string::npos || inner.find("://") != std::string::npos) continue;
    if (at_escaped(line, m.at)) continue;
    if (yours(inner) || ((contact || labelled()) && names_contact(inner))) out.push_back({m.at, m.length, line.substr(m.at, m.length)});
  }
  bool marked = line.find("TODO") != std::string::npos || line.find("TB") != std::string::npos ||
                line.find("FIXME") != std::string::npos || line.find("???") != std::string::npos;
  if (marked && (contact || labelled()))
    marker.for_each(line, [&](const PatternMatch& m) { out.push_back({m.position, m.length(), std::string(m.whole)}); });
  return out;
}

/// Blocks with no language (or `text`) in a contact section hold a contact list, not code.
bool text_block(const Step& step) {
  return !step.runnable() && (step.language.empty() || step.language == "text" || step.language == "txt" ||
                              step.language == "plaintext");
}

/// Lines from `first` on holding `[`, `<`, TODO, TB, FIXME or ???, ascending:
/// each searched for over the whole text (memchr-fast), since most lines hold
/// none and a per-line test dominated this rule's cost.
std::vector<uint32_t> candidate_lines(const SourceFile& src, uint32_t first) {
  std::vector<uint32_t> lines;
  std::string_view text = src.text();
  for (std::string_view needle : {"[", "<", "TODO", "TB", "FIXME", "???"}) {
    uint32_t last = 0;
    for (size_t at = text.find(needle, src.line_start(first)); at != std::string_view::npos; at = text.find(needle, at + 1)) {
      uint32_t line = src.line_at(static_cast<uint32_t>(at));
      if (line != last) lines.push_back(line), last = line;
      at = std::max<size_t>(at, src.line_start(line + 1) - 1);  // on to the next line
    }
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  return lines;
}

void check(const Runbook& rb, Emitter& emit) {
  const SourceFile& src = *rb.source;
  uint32_t first = rb.front_matter.present ? src.position(rb.front_matter.span.end).line + 1 : 1;
  std::vector<int> contacts(rb.sections.size() + 1, -1);  // per section: -1 unknown, 0/1 cached
  for (uint32_t line_no : candidate_lines(src, first)) {
    uint32_t begin = src.line_start(line_no);
    bool in_contacts = in_contact_section(rb, rb.section_at(begin), contacts);
    if (line_no < rb.code_line.size() && rb.code_line[line_no]) {
      if (!in_contacts) continue;
      // Steps are in document order and do not overlap: the last one starting at or before the line.
      auto step = std::partition_point(rb.steps.begin(), rb.steps.end(),
                                       [&](const Step& s) { return s.span.begin <= begin; });
      if (step == rb.steps.begin() || begin >= (--step)->span.end) step = rb.steps.end();
      if (step == rb.steps.end() || !text_block(*step) || step->line == line_no) continue;
      if (src.line_start(line_no) + src.line_text(line_no).size() == step->span.end) continue;  // closing fence
    }
    std::string line = without_code_spans(std::string(src.line_text(line_no)));
    LabelTest labelled(line);
    for (const Hit& hit : placeholders(rb, line, labelled, in_contacts)) {
      bool contact = in_contacts || labelled();
      emit.report({begin + static_cast<uint32_t>(hit.at), begin + static_cast<uint32_t>(hit.at + hit.length)},
                  "`" + hit.written + "` was never filled in" +
                      (contact ? std::string("; during an incident nobody will know whom to reach") : ""),
                  "write the real value (a name, a pager or Slack handle), or remove the line");
    }
  }
}

const bool registered = register_rule({
    .code = "RB405",
    .name = "unfilled-placeholder",
    .category = Category::structure,
    .severity = Severity::warning,
    .summary = "A template placeholder ([email], <your-team>, TBD) was never filled in",
    .what = "In escalation and contact sections, and on lines labelled with a role (\"**DevOps Lead:** ...\"), "
            "reports `[bracketed]` and `<angle-bracketed>` stand-ins and TODO/TBD/???; elsewhere only stand-ins "
            "addressed to the author (`[Your contact]`, `<your-team>`). Links, task-list boxes, footnotes, "
            "inline code and text-block contact lists are handled; code blocks are not prose.",
    .why = "A runbook's escalation path is read when something is on fire: `[email]` next to \"CTO\" means "
           "the person who needs help cannot get it.",
    .instead = "Fill in real, reachable contacts (pager service, Slack channel, phone), or remove the line.",
    .bad = {"# DB down\n\n## Escalation\n\n- **On-call DBA**: [Pager/Phone]\n", 5, 20},
    .good = {"# DB down\n\n## Escalation\n\n- **On-call DBA**: PagerDuty service `billing-db` ([schedule](https://example.pagerduty.com/s/1))\n"},
    .check = check,
});

}  // namespace
}  // namespace rbc
