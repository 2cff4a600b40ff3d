# .deb packages (CPack's DEB generator) of the install components; scripts/package.sh runs
#   cpack --config <build>/CPackConfig.cmake -G DEB
#
# Three packages, as Debian splits a shared library:
#   libbackorder1     the runtime: only the versioned .so and its soname link. Named after the soname, so
#                     a future libbackorder2 installs beside it and old programs keep running.
#   libbackorder-dev  backorder.h, the libbackorder.so link, backorder.pc, the CMake package config.
#   backorder         the command. Not in libbackorder1: a program in a library package would clash
#                     between libbackorder1 and libbackorder2 and drag a CLI into every host that only
#                     wants the library.
# Depends come from dpkg-shlibdeps (ICU, OpenSSL, SQLite, libpq, libstdc++, ...) plus the exact sibling
# versions. PHP and Python go out as a composer package and a wheel, not as .debs.
set(CPACK_PACKAGE_NAME backorder)
set(CPACK_PACKAGE_VENDOR "Backorder")
set(CPACK_PACKAGE_CONTACT "Backorder maintainers <maintainers@backorder.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "truthful backorder labels, promises and checkout choices")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev cli)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps of the CLI must find libbackorder.so.1 in the staged runtime component, not on the system.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_BINARY_DIR}/capi)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")

set(bo_deb_version "${PROJECT_VERSION}")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libbackorder${BO_SOVERSION})
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "Backorder engine - shared library (C ABI ${BO_SOVERSION})")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libbackorder-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libbackorder${BO_SOVERSION} (= ${bo_deb_version})")
set(CPACK_DEBIAN_DEV_DESCRIPTION "Backorder engine - C header, pkg-config and CMake package files")
set(CPACK_DEBIAN_CLI_PACKAGE_NAME backorder)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "libbackorder${BO_SOVERSION} (= ${bo_deb_version})")
set(CPACK_DEBIAN_CLI_DESCRIPTION "Backorder engine - the backorder command")
include(CPack)
