# One INTERFACE target carries the language standard, the warnings and the strict Qt defines.
# Every target of the project links it; nothing sets flags on its own.

option(CLUSTERPLAN_BUILD_TESTS "Build the test suite and benchmarks" ON)
# CI sets CI=true; warnings are errors there and wherever a developer asks for it.
if(DEFINED ENV{CI} AND "$ENV{CI}" STREQUAL "true")
    set(_cp_werror_default ON)
else()
    set(_cp_werror_default OFF)
endif()
option(CLUSTERPLAN_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" ${_cp_werror_default})
set(CLUSTERPLAN_SANITIZERS "" CACHE STRING "Comma-separated sanitizers to build with, e.g. address,undefined")
# libFuzzer targets (tests/fuzz); clang only. The `fuzz` preset also instruments the libraries
# (CLUSTERPLAN_SANITIZERS=address,undefined,fuzzer-no-link) so the fuzzer sees their coverage.
option(CLUSTERPLAN_BUILD_FUZZERS "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)
if(CLUSTERPLAN_BUILD_FUZZERS AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CLUSTERPLAN_BUILD_FUZZERS needs clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}: "
                        "use the fuzz preset (cmake --preset fuzz), which selects clang++")
endif()
if(CLUSTERPLAN_BUILD_FUZZERS AND NOT CLUSTERPLAN_BUILD_TESTS)
    message(FATAL_ERROR "CLUSTERPLAN_BUILD_FUZZERS needs CLUSTERPLAN_BUILD_TESTS (the fuzzers live in tests/fuzz)")
endif()

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

find_program(CLUSTERPLAN_CCACHE ccache)
if(CLUSTERPLAN_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CLUSTERPLAN_CCACHE})
endif()

set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(clusterplan_options INTERFACE)
add_library(ClusterPlan::options ALIAS clusterplan_options)
target_compile_features(clusterplan_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(clusterplan_options INTERFACE
    -Wall -Wextra -Wpedantic
    -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
    -Wformat=2 -Wimplicit-fallthrough -Wmissing-declarations -Wundef
    $<$<CXX_COMPILER_ID:GNU>:-Wlogical-op -Wduplicated-cond -Wduplicated-branches>)
if(CLUSTERPLAN_WARNINGS_AS_ERRORS)
    target_compile_options(clusterplan_options INTERFACE -Werror)
endif()

target_compile_definitions(clusterplan_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_FOREACH
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    $<$<CONFIG:Debug>:CLUSTERPLAN_DEBUG>)

if(CLUSTERPLAN_SANITIZERS)
    target_compile_options(clusterplan_options INTERFACE
        -fsanitize=${CLUSTERPLAN_SANITIZERS} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(clusterplan_options INTERFACE -fsanitize=${CLUSTERPLAN_SANITIZERS})
endif()

# The version every executable prints comes from project(VERSION) alone.
configure_file(${CMAKE_CURRENT_LIST_DIR}/version.h.in
    ${PROJECT_BINARY_DIR}/generated/clusterplan/version.h @ONLY)
target_include_directories(clusterplan_options INTERFACE ${PROJECT_BINARY_DIR}/generated)
