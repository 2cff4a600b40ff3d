// Versions: what the header was (BO_VERSION_*, BO_ABI_VERSION) is what this library is.
#include "backorder.h"

#define BO_STR2(x) #x
#define BO_STR(x) BO_STR2(x)

extern "C" {

BO_API const char* bo_version_string(void) {
  return BO_STR(BO_VERSION_MAJOR) "." BO_STR(BO_VERSION_MINOR) "." BO_STR(BO_VERSION_PATCH);
}

BO_API uint32_t bo_version_number(void) { return BO_VERSION_NUMBER; }

BO_API uint32_t bo_abi_version(void) { return BO_ABI_VERSION; }

}  // extern "C"

// The header's version must be the project's (CMakeLists.txt project(VERSION ...)).
#if defined(BO_PROJECT_VERSION_MAJOR)
static_assert(BO_VERSION_MAJOR == BO_PROJECT_VERSION_MAJOR && BO_VERSION_MINOR == BO_PROJECT_VERSION_MINOR &&
                  BO_VERSION_PATCH == BO_PROJECT_VERSION_PATCH,
              "backorder.h BO_VERSION_* differs from the CMake project version");
#endif
