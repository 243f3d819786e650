#pragma once
/// Versions of the libraries behind the syntax adapters, for `--version`.
/// Each is defined in the one file that includes the library.
#include <string>

namespace rbc {

std::string markdown_library_version();  // cmark-gfm (compiler/syntax/markdown.cc)
std::string yaml_library_version();      // libfyaml (compiler/syntax/yaml_document.cc)

}  // namespace rbc
