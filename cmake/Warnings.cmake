# One INTERFACE target carries the warning flags (and the optional sanitizers) for every
# target of the project; warnings become errors only when KITH_WERROR is on.
add_library(kith_warnings INTERFACE)
target_compile_options(kith_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference -Wformat=2
  -Wno-missing-field-initializers)
if(KITH_WERROR)
  target_compile_options(kith_warnings INTERFACE -Werror)
endif()
if(KITH_FUZZ)
  # Coverage for the library too, so the fuzzers reach deep into the parsers. The tests build
  # and run in the same tree (.ci/run): they link gtest_main, not libFuzzer, whose coverage
  # hooks the sanitizer runtime provides. A UBSan report aborts, in a test as in a fuzzer.
  target_compile_options(kith_warnings INTERFACE -fsanitize=fuzzer-no-link,address,undefined
    -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(kith_warnings INTERFACE -fsanitize=address,undefined)
endif()
if(KITH_SANITIZE)
  target_compile_options(kith_warnings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(kith_warnings INTERFACE -fsanitize=address,undefined)
endif()
