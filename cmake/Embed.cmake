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
