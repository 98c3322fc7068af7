# The library: core and unified functions (backend-free), plus one folder per enabled backend.
file(GLOB IVY_CORE_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/core/*.cpp
     ${PROJECT_SOURCE_DIR}/src/ops/*.cpp ${PROJECT_SOURCE_DIR}/src/mech/*.cpp
     ${PROJECT_SOURCE_DIR}/src/vision/*.cpp ${PROJECT_SOURCE_DIR}/src/robot/*.cpp
     ${PROJECT_SOURCE_DIR}/src/gym/*.cpp
     ${PROJECT_SOURCE_DIR}/src/container/*.cpp ${PROJECT_SOURCE_DIR}/src/grad/*.cpp
     ${PROJECT_SOURCE_DIR}/src/stateful/*.cpp
     ${PROJECT_SOURCE_DIR}/src/backends/stub/*.cpp ${PROJECT_SOURCE_DIR}/src/backends/host_value.cpp)
add_library(ivy SHARED ${IVY_CORE_SOURCES})
add_library(Ivy::ivy ALIAS ivy)
target_include_directories(ivy PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
                                      $<INSTALL_INTERFACE:include>)
target_include_directories(ivy PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(ivy PRIVATE dlpack::dlpack)
# Container save/load; the public headers do not include HDF5, so consumers do not need it.
# (FindHDF5 probes its C compiler wrapper: the project enables C for it.)
find_package(HDF5 REQUIRED COMPONENTS C)
target_link_libraries(ivy PRIVATE HDF5::HDF5)
# -Werror=switch: a switch over an ivy enum names every value (no `default:`), so adding an op,
# dtype or reduction fails the build wherever it is not handled yet.
target_compile_options(ivy PRIVATE -Wall -Wextra -Werror=switch)

set(IVY_ENABLED_BACKENDS stub)
if(IVY_BACKEND_TORCH)
  file(GLOB IVY_TORCH_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/backends/torch/*.cpp)
  target_sources(ivy PRIVATE ${IVY_TORCH_SOURCES})
  # Only the ATen headers and libraries: <torch/torch.h> would cost 22 s per translation unit.
  target_include_directories(ivy SYSTEM PRIVATE ${TORCH_INCLUDE_DIRS})
  target_link_libraries(ivy PRIVATE ${TORCH_LIBRARIES})
  target_compile_definitions(ivy PRIVATE IVY_WITH_TORCH=1)
  list(APPEND IVY_ENABLED_BACKENDS torch)
endif()
if(IVY_BACKEND_XTENSOR)
  file(GLOB IVY_XTENSOR_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/backends/xtensor/*.cpp)
  target_sources(ivy PRIVATE ${IVY_XTENSOR_SOURCES})
  find_package(BLAS REQUIRED)
  find_package(LAPACK REQUIRED)
  target_link_libraries(ivy PRIVATE xtensor xtensor-blas ${BLAS_LIBRARIES} ${LAPACK_LIBRARIES})
  target_compile_definitions(ivy PRIVATE IVY_WITH_XTENSOR=1)
  list(APPEND IVY_ENABLED_BACKENDS xtensor)
endif()
if(IVY_BACKEND_MLX)
  file(GLOB IVY_MLX_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/backends/mlx/*.cpp)
  target_sources(ivy PRIVATE ${IVY_MLX_SOURCES})
  target_link_libraries(ivy PRIVATE mlx)
  target_compile_definitions(ivy PRIVATE IVY_WITH_MLX=1)
  # libmlx.so lives in the virtual environment, not on the loader's path: the installed
  # libivy.so remembers where (RUNPATH), for the loader and for linkers of consumers.
  set_target_properties(ivy PROPERTIES INSTALL_RPATH "${MLX_LIBRARY_DIRS}")
  list(APPEND IVY_ENABLED_BACKENDS mlx)
endif()
if(IVY_BACKEND_TENSORFLOW)
  file(GLOB IVY_TENSORFLOW_SOURCES CONFIGURE_DEPENDS
       ${PROJECT_SOURCE_DIR}/src/backends/tensorflow/*.cpp)
  target_sources(ivy PRIVATE ${IVY_TENSORFLOW_SOURCES})
  # Headers only: libtensorflow_cc.so.2 is dlopen'ed with local binding (src/backends/tensorflow/
  # tf_api.hpp), never linked, since its protobuf copy clashes with the system one LibTorch uses.
  # Its include folder also holds abseil, Eigen and protobuf: only these sources see it.
  set_source_files_properties(${IVY_TENSORFLOW_SOURCES} PROPERTIES COMPILE_OPTIONS
                              "-isystem;${TENSORFLOW_ROOT}/include")
  target_compile_definitions(ivy PRIVATE IVY_WITH_TENSORFLOW=1
    IVY_TENSORFLOW_LIBRARY="${TENSORFLOW_ROOT}/libtensorflow_cc.so.2")
  target_link_libraries(ivy PRIVATE ${CMAKE_DL_LIBS})
  list(APPEND IVY_ENABLED_BACKENDS tensorflow)
endif()
if(IVY_BACKEND_MXNET)
  file(GLOB IVY_MXNET_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/backends/mxnet/*.cpp)
  target_sources(ivy PRIVATE ${IVY_MXNET_SOURCES})
  # No MXNet header is used: its C API is declared in src/backends/mxnet/mx_api.hpp.
  target_compile_definitions(ivy PRIVATE IVY_WITH_MXNET=1
    IVY_MXNET_LIBRARY="${MXNET_ROOT}/libmxnet.so")
  target_link_libraries(ivy PRIVATE ${CMAKE_DL_LIBS})
  list(APPEND IVY_ENABLED_BACKENDS mxnet)
endif()
if(IVY_BACKEND_XLA)
  file(GLOB IVY_XLA_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/backends/xla/*.cpp)
  target_sources(ivy PRIVATE ${IVY_XLA_SOURCES})
  # Only the plugin's C header is compiled, and only by these sources; the plugin is dlopen'ed.
  set_source_files_properties(${IVY_XLA_SOURCES} PROPERTIES COMPILE_OPTIONS
                              "-isystem;${XLA_PJRT_ROOT}/include")
  target_compile_definitions(ivy PRIVATE IVY_WITH_XLA=1
    IVY_XLA_PLUGIN="${XLA_PJRT_ROOT}/xla_cpu_pjrt.so")
  target_link_libraries(ivy PRIVATE ${CMAKE_DL_LIBS})
  list(APPEND IVY_ENABLED_BACKENDS xla)
endif()
message(STATUS "Ivy backends: ${IVY_ENABLED_BACKENDS}")
