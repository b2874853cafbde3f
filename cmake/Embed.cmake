# ombud_embed(<target> BASE <dir> FILES <file>...)
# Compiles the given files into <target> as a table of (path relative to BASE, bytes), so the
# binary carries its own migrations, templates, static assets and message catalogues.
function(ombud_embed target)
  cmake_parse_arguments(ARG "" "BASE" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp)
  set(list_file ${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.list)
  string(REPLACE ";" "\n" lines "${ARG_FILES}")
  file(CONFIGURE OUTPUT ${list_file} CONTENT "${lines}\n")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DBASE=${ARG_BASE} -DLIST=${list_file} -DOUT=${out}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedGenerate.cmake
    DEPENDS ${ARG_FILES} ${list_file} ${PROJECT_SOURCE_DIR}/cmake/EmbedGenerate.cmake
    COMMENT "Embedding ${target} resources"
    VERBATIM)
  add_library(${target} STATIC ${out})
  target_link_libraries(${target} PUBLIC ombud_core)
endfunction()
