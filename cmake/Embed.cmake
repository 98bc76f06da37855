# tdkt_embed(FILE SYMBOL): compile FILE's bytes into the library as
# `const char SYMBOL[]` (NUL-terminated) and `const size_t SYMBOL_len`.
set(TDKT_EMBEDDED_SOURCES "")
function(tdkt_embed file symbol)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embed/${symbol}.c)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DSYM=${symbol}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedFile.cmake
    DEPENDS ${file} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedFile.cmake
    VERBATIM)
  set(TDKT_EMBEDDED_SOURCES ${TDKT_EMBEDDED_SOURCES} ${out} PARENT_SCOPE)
endfunction()

# tdkt_build_id(OUT): generate OUT, the C file of the build's identity
# (cmake/BuildId.cmake), again whenever a file of the library changes.
# The files it hashes, as patterns under the source tree: the glob here
# (for the dependencies) and the script's (for the hash) read the same.
set(TDKT_BUILD_GLOBS src/lib/*.c src/lib/*.h src/lib/*.lua src/lib/*.sql
    include/*.h)
list(TRANSFORM TDKT_BUILD_GLOBS PREPEND ${PROJECT_SOURCE_DIR}/
     OUTPUT_VARIABLE globs)
file(GLOB_RECURSE TDKT_BUILD_INPUTS CONFIGURE_DEPENDS ${globs})
function(tdkt_build_id out)
  string(REPLACE ";" "|" globs "${TDKT_BUILD_GLOBS}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DROOT=${PROJECT_SOURCE_DIR}
            -DVERSION=${PROJECT_VERSION} -DGLOBS=${globs} -DOUT=${out}
            -P ${PROJECT_SOURCE_DIR}/cmake/BuildId.cmake
    DEPENDS ${TDKT_BUILD_INPUTS} ${PROJECT_SOURCE_DIR}/cmake/BuildId.cmake
    VERBATIM)
endfunction()
