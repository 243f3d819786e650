# The files the HTML back end embeds in the binary, as "name=path" pairs:
# page templates, static assets, the search library and the highlight queries.
# Included by CMakeLists.txt (for dependencies) and by embed.cmake (to embed).
set(_cd CONFIGURE_DEPENDS)
if(CMAKE_SCRIPT_MODE_FILE)
  set(_cd "")
endif()
file(GLOB _site_templates RELATIVE ${RUNBOOKC_ROOT} ${_cd} ${RUNBOOKC_ROOT}/templates/*.xhtml)
file(GLOB _site_assets RELATIVE ${RUNBOOKC_ROOT} ${_cd} ${RUNBOOKC_ROOT}/site/*)
file(GLOB _site_schemas RELATIVE ${RUNBOOKC_ROOT} ${_cd} ${RUNBOOKC_ROOT}/schemas/*.schema.json)
set(SITE_EMBED_FILES "")
foreach(f ${_site_templates} ${_site_assets} ${_site_schemas})
  list(APPEND SITE_EMBED_FILES "${f}=${RUNBOOKC_ROOT}/${f}")
endforeach()
list(APPEND SITE_EMBED_FILES
  "site/vendor/minisearch.js=${RUNBOOKC_ROOT}/node_modules/minisearch/dist/umd/index.js"
  "queries/bash.scm=${RUNBOOKC_ROOT}/node_modules/tree-sitter-bash/queries/highlights.scm"
  "queries/sql.scm=${RUNBOOKC_ROOT}/node_modules/@derekstride/tree-sitter-sql/queries/highlights.scm")
list(SORT SITE_EMBED_FILES)
set(SITE_EMBED_PATHS "")
foreach(pair ${SITE_EMBED_FILES})
  string(REGEX REPLACE "^[^=]*=" "" p "${pair}")
  list(APPEND SITE_EMBED_PATHS "${p}")
endforeach()
