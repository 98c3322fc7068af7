# Fails when docs/support_matrix.md is not the matrix this build's conformance runs produced.
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${BUILT} ${DOC} RESULT_VARIABLE differ)
if(differ)
  message(FATAL_ERROR "docs/support_matrix.md is out of date: the conformance runs produced "
                      "${BUILT}; review it and copy it over docs/support_matrix.md")
endif()
message(STATUS "docs/support_matrix.md matches ${BUILT}")
