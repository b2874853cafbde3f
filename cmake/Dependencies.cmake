# Every dependency comes from Debian 12's packages (see scripts/setup).
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(Boost 1.81.0 EXACT REQUIRED CONFIG COMPONENTS json url)
find_package(tl-expected REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(spdlog REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)

pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(CTEMPLATE REQUIRED IMPORTED_TARGET libctemplate)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)

# SOCI 4.0.3 in Debian ships neither CMake nor pkg-config files.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
add_library(soci INTERFACE)
target_include_directories(soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} /usr/include/postgresql)
target_link_libraries(soci INTERFACE ${SOCI_SQLITE3_LIBRARY} ${SOCI_POSTGRESQL_LIBRARY}
                                     ${SOCI_CORE_LIBRARY} PkgConfig::SQLITE3 PkgConfig::LIBPQ
                                     ${CMAKE_DL_LIBS})

# cracklib: the common-password check of the password policy.
find_path(CRACK_INCLUDE_DIR crack.h REQUIRED)
find_library(CRACK_LIBRARY crack REQUIRED)
add_library(cracklib INTERFACE)
target_include_directories(cracklib SYSTEM INTERFACE ${CRACK_INCLUDE_DIR})
target_link_libraries(cracklib INTERFACE ${CRACK_LIBRARY})
