#pragma once
/// A step's text with its placeholders replaced by references to the
/// script's parameters, in the form the place of each allows (step_text.h
/// states the forms). Back ends read the result through RenderedStep.
#include <string>
#include <vector>

#include "compiler/syntax/ir.h"

namespace rbc {

/// A piece of a step's text: literal text, or the value of parameter `param`.
struct Segment {
  std::string text;   ///< literal text, or the placeholder as written
  std::string param;  ///< empty for literal text
};

/// Stands for a placeholder in text flattened for a scanner. Unambiguous
/// because steps whose text holds this byte (or NUL) are never rendered.
inline constexpr char kPlaceholderMark = '\x01';

/// The segments as one string, kPlaceholderMark where each parameter stands;
/// the parameter segments are appended to `uses` in order.
std::string flatten(const std::vector<Segment>& segments, std::vector<Segment>& uses);

struct FilledText {
  std::string code;
  std::vector<std::string> params;   ///< parameter names, in order of first use
  std::vector<std::string> spliced;  ///< of those, the ones that need plain values
  std::string refused;               ///< why a placeholder has no safe form; empty when filled

  void use(const std::string& name, bool needs_plain_value);
};

/// Shell: each placeholder in the form its quoting (one per parameter
/// segment, in order) allows; here-documents left open are closed.
/// `reparsed`: the step hands text to another shell (ssh, bash -c), so even
/// values standing as words of their own reach a parser.
FilledText fill_shell(const std::vector<Segment>& segments, const std::vector<ShellQuoting>& quoting,
                      const std::vector<std::string>& open_heredocs, bool reparsed);

/// SQL for psql: `flat` as flatten() made it, `uses` its parameter segments.
/// Where each placeholder stands is read from PostgreSQL's scanner tokens.
FilledText fill_psql(const std::string& flat, const std::vector<Segment>& uses);

}  // namespace rbc
