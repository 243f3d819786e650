# Writes OUT (build_commit.h) with the source tree's commit; rewrites it only
# when the commit changes, so only version.cc recompiles. Run on every build.
#   cmake -DSOURCE_DIR=... -DOUT=... [-DCOMMIT=...] -P write_build_commit.cmake
cmake_minimum_required(VERSION 3.25)
if(NOT COMMIT)
  execute_process(COMMAND git -C "${SOURCE_DIR}" describe --always --dirty --abbrev=12
                  OUTPUT_VARIABLE COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT COMMIT)
    set(COMMIT "unknown")
  endif()
endif()
file(CONFIGURE OUTPUT "${OUT}" CONTENT "#pragma once\n#define RUNBOOKC_COMMIT \"@COMMIT@\"\n" @ONLY)
