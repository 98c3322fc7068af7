# Installs the library, headers and a CMake package so that consumers can find_package(Ivy).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
install(TARGETS ivy EXPORT IvyTargets LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ivy DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT IvyTargets NAMESPACE Ivy:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Ivy)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/IvyConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/IvyConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Ivy)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/IvyConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/IvyConfig.cmake ${PROJECT_BINARY_DIR}/IvyConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/Ivy)
