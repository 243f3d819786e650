# Fuzz targets: each fuzz/<name>.cc defines LLVMFuzzerTestOneInput.
# With RUNBOOKC_FUZZ (clang) they are libFuzzer binaries; otherwise they are
# linked with replay_main.cc, which runs the inputs given once each. Either
# way, ctest replays tests/fuzz/<name>/* (crashes found, minimized) as a
# plain regression test.
set(FUZZ_TARGETS fuzz_lint fuzz_script fuzz_config)
foreach(t ${FUZZ_TARGETS})
  if(RUNBOOKC_FUZZ)
    add_executable(${t} ${CMAKE_SOURCE_DIR}/fuzz/${t}.cc)
    target_compile_options(${t} PRIVATE ${WARNINGS} ${SANITIZE_FLAGS} -fsanitize=fuzzer)
    target_link_options(${t} PRIVATE -fsanitize=fuzzer)
  else()
    add_executable(${t} ${CMAKE_SOURCE_DIR}/fuzz/${t}.cc ${CMAKE_SOURCE_DIR}/fuzz/replay_main.cc)
    target_compile_options(${t} PRIVATE ${WARNINGS} ${SANITIZE_FLAGS})
  endif()
  target_link_libraries(${t} PRIVATE runbookc_core)
  set_target_properties(${t} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
  file(GLOB inputs CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/${t}/*)
  if(inputs)
    add_test(NAME fuzz_regression_${t} COMMAND ${t} ${inputs})
  endif()
endforeach()
