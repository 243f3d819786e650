// Under ASan: cmark-gfm's extension registry (kept for the process's
// lifetime; no call frees it) is registered before any test with
// LeakSanitizer looking away, as the fuzz targets do. Leak checking then
// needs no suppression, and keeps the fast unwinder: the slow one made a
// 10,000-line parse overrun tree-sitter's 2 s bound.
#include "fuzz/fuzz_support.h"

namespace {
const bool kExtensionsRegistered = (rbc::fuzz::register_markdown_extensions(), true);
}  // namespace
