#include "compiler/base/embedded_files.h"

#include <stdexcept>
#include <string>

namespace rbc {

std::string_view embedded_file(std::string_view name) {
  for (const EmbeddedFile& f : embedded_files())
    if (f.name == name) return f.bytes;
  throw std::out_of_range("no embedded file " + std::string(name));
}

}  // namespace rbc
