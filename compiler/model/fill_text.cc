#include "compiler/model/fill_text.h"

#include <algorithm>

namespace rbc {

std::string flatten(const std::vector<Segment>& segments, std::vector<Segment>& uses) {
  std::string flat;
  for (const Segment& s : segments) {
    if (s.param.empty()) {
      flat += s.text;
    } else {
      flat += kPlaceholderMark;
      uses.push_back(s);
    }
  }
  return flat;
}

void FilledText::use(const std::string& name, bool needs_plain_value) {
  if (std::find(params.begin(), params.end(), name) == params.end()) params.push_back(name);
  if (needs_plain_value && std::find(spliced.begin(), spliced.end(), name) == spliced.end()) spliced.push_back(name);
}

}  // namespace rbc
