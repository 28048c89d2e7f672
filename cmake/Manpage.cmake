# The man page kith(1): docs/kith.1.scd, with the version filled in, turned into roff by
# scdoc at build time (target `manpage`, part of `all`) and installed gzipped, as Debian
# wants. Without scdoc the page is skipped with a warning; scripts/setup.sh installs scdoc,
# so CI always builds it.
find_program(SCDOC scdoc)
if(NOT SCDOC)
  message(WARNING "scdoc not found: the man page kith(1) will not be built or installed "
                  "(apt-get install scdoc)")
  return()
endif()

configure_file(${PROJECT_SOURCE_DIR}/docs/kith.1.scd ${CMAKE_BINARY_DIR}/kith.1.scd @ONLY)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/kith.1 ${CMAKE_BINARY_DIR}/kith.1.gz
  COMMAND ${SCDOC} < ${CMAKE_BINARY_DIR}/kith.1.scd > ${CMAKE_BINARY_DIR}/kith.1
  COMMAND gzip -9 -n -c ${CMAKE_BINARY_DIR}/kith.1 > ${CMAKE_BINARY_DIR}/kith.1.gz
  DEPENDS ${CMAKE_BINARY_DIR}/kith.1.scd
  COMMENT "Generating the man page kith(1)")
add_custom_target(manpage ALL DEPENDS ${CMAKE_BINARY_DIR}/kith.1 ${CMAKE_BINARY_DIR}/kith.1.gz)
install(FILES ${CMAKE_BINARY_DIR}/kith.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
