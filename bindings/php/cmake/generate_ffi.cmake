# Generates the preprocessor-free FFI header and the PHP constants class from the public C header.
#
#   cmake -DCC=<C compiler> -DHEADER=<capi/include/backorder.h> -DOUT_DIR=<dir> -P generate_ffi.cmake
#
# Writes OUT_DIR/backorder_ffi.h (what FFI::cdef reads: no #directives, no system headers expanded; FFI
# knows int32_t, int64_t, uint32_t, size_t natively), OUT_DIR/backorder_ffi_preload.h (the same for
# ffi.preload, with FFI_SCOPE "BACKORDER" and FFI_LIB the soname) and OUT_DIR/Constants.php (class Backorder\Constants
# with every non-empty object-like BO_* macro of the header, its value computed by the preprocessor).
# Files are only rewritten when their content changes.
cmake_minimum_required(VERSION 3.25)

foreach(var CC HEADER OUT_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "generate_ffi.cmake: -D${var}=... is required")
  endif()
endforeach()

set(work "${OUT_DIR}/.ffi-gen")
file(MAKE_DIRECTORY "${work}/stub")
# Stand-ins for the system headers: FFI has the fixed-width types and size_t built in, so they must not be
# expanded into typedefs. The limit macros are only needed to evaluate constants such as BO_UNSET.
file(WRITE "${work}/stub/stddef.h" "/* stub: FFI knows size_t */\n#define NULL ((void *)0)\n")
file(WRITE "${work}/stub/stdint.h" "/* stub: FFI knows the <stdint.h> types */
#define INT32_MIN (-2147483647 - 1)
#define INT32_MAX 2147483647
#define UINT32_MAX 4294967295u
#define INT64_MIN (-9223372036854775807LL - 1)
#define INT64_MAX 9223372036854775807LL
")
set(cpp_flags -E -undef -nostdinc -I "${work}/stub" -x c)

function(run_cpp out_var)
  execute_process(COMMAND "${CC}" ${cpp_flags} ${ARGN}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "generate_ffi.cmake: preprocessing failed (${rc}):\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

function(write_if_changed path content)
  set(old "")
  if(EXISTS "${path}")
    file(READ "${path}" old)
  endif()
  if(NOT old STREQUAL content)
    file(WRITE "${path}" "${content}")
  endif()
endfunction()

get_filename_component(header_name "${HEADER}" NAME)

# ---- 1. the declarations ------------------------------------------------------------------------------
run_cpp(decls -P "${HEADER}")
# Refuse anything FFI::cdef cannot parse, rather than fail at run time in a shop.
foreach(bad "#" "__attribute__" "extern \"C\"" "__declspec" "__cplusplus")
  string(FIND "${decls}" "${bad}" pos)
  if(NOT pos EQUAL -1)
    message(FATAL_ERROR "generate_ffi.cmake: the preprocessed ${header_name} still contains '${bad}'")
  endif()
endforeach()
string(REGEX REPLACE "\n[ \t]*(\n[ \t]*)+" "\n\n" decls "${decls}")
string(STRIP "${decls}" decls)
# the empty BO_API leaves one space before each declaration
string(REGEX REPLACE "\n ([^ ])" "\n\\1" decls "${decls}")
# One declarator per member: PHP FFI before php-src#17794 (PHP 8.2 included) gives the second declarator of
# `char a[11], b[11];` the type char[11][11] (and of `T *a, *b;` the type T**), which breaks the struct
# layout. Split `  TYPE d1, d2, ...;` struct members into `  TYPE d1;` `  TYPE d2;` until none is left.
set(split_re "\n([ \t]+)([A-Za-z_][A-Za-z0-9_ ]*[A-Za-z0-9_])[ \t]+(\\**[A-Za-z_][A-Za-z0-9_]*(\\[[0-9]+\\])?)[ \t]*,[ \t]*([^;(){}\n]*);")
while(TRUE)
  string(REGEX REPLACE "${split_re}" "\n\\1\\2 \\3;\n\\1\\2 \\5;" split "${decls}")
  if(split STREQUAL decls)
    break()
  endif()
  set(decls "${split}")
endwhile()
# Whatever the split did not handle (a one-line struct, say) must fail here, not mislay fields at run time.
string(REPLACE ";" "<semicolon>" no_semicolons "${decls}")  # a CMake list splits at ';'
string(REGEX MATCHALL "(enum[^{}]*)?{[^{}]*}" bodies "${no_semicolons}")
foreach(body IN LISTS bodies)
  string(REPLACE "<semicolon>" ";" body "${body}")
  if(NOT body MATCHES "^enum" AND body MATCHES ",")
    message(FATAL_ERROR "generate_ffi.cmake: a struct member declares several names, which PHP FFI mislays; "
                        "declare one per line:\n${body}")
  endif()
endforeach()
write_if_changed("${OUT_DIR}/backorder_ffi.h"
  "/* Generated from ${header_name} for PHP FFI::cdef by bindings/php/cmake/generate_ffi.cmake. Do not edit. */\n${decls}\n")
# For ffi.preload=... (web SAPIs with ffi.enable=preload): the same declarations in the scope "BACKORDER",
# loading the library by its soname. FFI::load understands exactly these two #defines.
if(NOT DEFINED SONAME)
  set(SONAME "libbackorder.so.1")
endif()
write_if_changed("${OUT_DIR}/backorder_ffi_preload.h"
  "#define FFI_SCOPE \"BACKORDER\"\n#define FFI_LIB \"${SONAME}\"\n/* Generated from ${header_name} for PHP ffi.preload by bindings/php/cmake/generate_ffi.cmake. Do not edit. */\n${decls}\n")

# ---- 2. the constants ---------------------------------------------------------------------------------
run_cpp(macros -dM "${HEADER}")
string(REPLACE "\n" ";" macro_lines "${macros}")
set(names "")
foreach(line IN LISTS macro_lines)
  # object-like BO_ macros with a value (skips BO_API, which is empty, and any function-like macro)
  if(line MATCHES "^#define (BO_[A-Za-z0-9_]*)[ \t]+[^ \t]")
    list(APPEND names "${CMAKE_MATCH_1}")
  endif()
endforeach()
list(SORT names)
if(NOT names)
  message(FATAL_ERROR "generate_ffi.cmake: no BO_ constants found in ${header_name}")
endif()

set(probe "#include \"${HEADER}\"\n")
foreach(name IN LISTS names)
  string(APPEND probe "\"@${name}@\" ${name}\n")
endforeach()
file(WRITE "${work}/probe.c" "${probe}")
# The "@NAME@" markers are string literals, which the preprocessor leaves alone; only the value after them expands.
run_cpp(expanded -P "${work}/probe.c")
string(REPLACE "\n" ";" expanded_lines "${expanded}")

set(consts "")
foreach(line IN LISTS expanded_lines)
  if(NOT line MATCHES "^\"@(BO_[A-Za-z0-9_]*)@\" (.*)$")
    continue()
  endif()
  set(name "${CMAKE_MATCH_1}")
  set(value "${CMAKE_MATCH_2}")
  string(STRIP "${value}" value)
  if(value MATCHES "^\"[^\"\\\\$]*\"$")
    set(php "${value}")   # a plain string literal means the same in PHP
  else()
    # integer suffixes (1u, 123LL) mean nothing to PHP
    string(REGEX REPLACE "([0-9])([uU]?[lL]?[lL]?[uU]?)" "\\1" php "${value}")
    # only integer arithmetic that means the same in C and PHP (no '/', which is integer division in C)
    if(NOT php MATCHES "^[-0-9 ()+*|&~<>]+$" OR php MATCHES "<[^<]|>[^>]")
      message(FATAL_ERROR "generate_ffi.cmake: cannot translate ${name} = ${value} to PHP; extend the generator")
    endif()
  endif()
  string(APPEND consts "    public const ${name} = ${php};\n")
  list(APPEND done "${name}")
endforeach()
list(LENGTH names n_names)
list(LENGTH done n_done)
if(NOT n_names EQUAL n_done)
  message(FATAL_ERROR "generate_ffi.cmake: expanded ${n_done} of ${n_names} constants")
endif()

write_if_changed("${OUT_DIR}/Constants.php" "<?php

// Generated from ${header_name} by bindings/php/cmake/generate_ffi.cmake. Do not edit.

declare(strict_types=1);

namespace Backorder;

/** The #define constants of the C header, which FFI::cdef cannot see. */
final class Constants
{
${consts}
    private function __construct()
    {
    }
}
")
