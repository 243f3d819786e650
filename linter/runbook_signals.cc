#include "linter/runbook_signals.h"

#include <utf8proc.h>

#include <cctype>

#include "compiler/base/ascii.h"
#include "compiler/syntax/source_file.h"

#include "linter/mojibake.h"

namespace rbc {

std::string heading_words(std::string_view text) {
  std::string out = " ";
  if (find_non_ascii(text) == std::string_view::npos) {  // the usual case: no decoding needed
    for (char c : text) {
      if (is_ascii_alpha(c)) out += ascii_lower(c);
      else if (out.back() != ' ') out += ' ';
    }
    if (out.back() != ' ') out += ' ';
    return out;
  }
  std::string repaired = repair_mojibake(text);
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(repaired.data());
  for (size_t i = 0; i < repaired.size();) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(repaired.size() - i), &cp);
    if (n <= 0) {
      ++i;
      continue;
    }
    i += static_cast<size_t>(n);
    auto category = utf8proc_category(cp);
    if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) {
      utf8proc_uint8_t buf[4];
      out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(utf8proc_encode_char(utf8proc_tolower(cp), buf)));
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

bool looks_like_incident_runbook(const Runbook& rb) {
  if (!rb.metadata.alerts.empty() || !rb.metadata.severity.empty()) return true;
  // A folder's README or index introduces the runbooks; it is not one.
  std::string name = heading_words(rb.path().substr(rb.path().rfind('/') + 1));
  if (name == " readme md " || name == " index md " || name == " index html md " || name == " index md ") return false;
  // The file's own name and title, not its folder: a helper page filed
  // under alerts/ is not an incident runbook.
  std::string where = heading_words(rb.path().substr(rb.path().rfind('/') + 1) + " " + rb.metadata.title);
  // ... though a folder named for runbooks says what its files are.
  for (const char* folder : {"/runbooks/", "/runbook/", "/playbooks/"})
    if (("/" + rb.path()).find(folder) != std::string::npos) return true;
  for (const char* word : {"runbook", "runbooks", "alert", "alerts", "incident", "incidents", "playbook", "outage", "panne"})
    if (where.find(std::string(" ") + word + " ") != std::string::npos) return true;
  return false;
}

}  // namespace rbc
