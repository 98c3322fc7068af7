#pragma once
// TensorFlow's C API, reached through dlopen. TensorFlow's library exports its own protobuf,
// abseil and BoringSSL; linked into a process that also has the system protobuf (LibTorch's),
// TensorFlow's static initialisers bind to the wrong copy and crash before main
// (scripts/tensorflow_probe/FINDINGS.md, section 3). Loading it with local, deep binding keeps
// its symbols to itself, so libivy never links it: every call goes through this table.
#include <tensorflow/c/c_api.h>
#include <tensorflow/c/eager/c_api.h>
#include <tensorflow/c/eager/c_api_experimental.h>
#include <tensorflow/c/eager/dlpack.h>

namespace ivy::backends::tensorflow_impl {

// clang-format off
// The C functions the backend calls, loaded by name.
#define IVY_TF_C_FUNCTIONS(X)                                                                 \
  X(TF_NewStatus) X(TF_DeleteStatus) X(TF_GetCode) X(TF_Message) X(TF_SetStatus)             \
  X(TF_AllocateTensor) X(TF_DeleteTensor) X(TF_TensorData) X(TF_TensorByteSize)              \
  X(TFE_NewContextOptions) X(TFE_DeleteContextOptions) X(TFE_NewContext)                     \
  X(TFE_NewOp) X(TFE_DeleteOp) X(TFE_OpReset) X(TFE_OpAddInput) X(TFE_OpAddInputList)        \
  X(TFE_OpSetAttrType) X(TFE_OpSetAttrInt) X(TFE_OpSetAttrBool) X(TFE_OpSetAttrFloat)        \
  X(TFE_OpSetAttrIntList) X(TFE_OpSetAttrString) X(TFE_OpSetAttrTypeList) X(TFE_Execute)     \
  X(TFE_DeleteTensorHandle) X(TFE_TensorHandleDataType)                \
  X(TFE_TensorHandleNumDims) X(TFE_TensorHandleDim) X(TFE_TensorHandleResolve)               \
  X(TFE_TensorHandleDevicePointer)                                                            \
  X(TF_NewGraph) X(TF_DeleteGraph) X(TF_NewOperation) X(TF_AddInput) X(TF_AddInputList)      \
  X(TF_SetAttrType) X(TF_SetAttrInt) X(TF_SetAttrBool) X(TF_SetAttrFloat) X(TF_SetAttrIntList) \
  X(TF_SetAttrString) X(TF_SetAttrShape) X(TF_SetAttrTensor) X(TF_FinishOperation)           \
  X(TF_OperationNumOutputs) X(TF_OperationOutputType) X(TF_GraphGetTensorNumDims)            \
  X(TF_GraphGetTensorShape) X(TF_GraphToFunction) X(TF_DeleteFunction)                        \
  X(TF_FunctionName) X(TFE_ContextAddFunction) X(TFE_ContextRemoveFunction)                  \
  X(TF_NewTensor)
// clang-format on

struct Api {
#define IVY_TF_MEMBER(name) decltype(&::name) name = nullptr;
  IVY_TF_C_FUNCTIONS(IVY_TF_MEMBER)
#undef IVY_TF_MEMBER
  // Overloaded in C++ by TensorFlow's headers, so named by its C signature.
  TFE_TensorHandle* (*TFE_NewTensorHandle)(const TF_Tensor*, TF_Status*) = nullptr;
  // C++ functions (eager/dlpack.h), loaded by their mangled names.
  decltype(&::tensorflow::TFE_HandleToDLPack) HandleToDLPack = nullptr;
  decltype(&::tensorflow::TFE_HandleFromDLPack) HandleFromDLPack = nullptr;
  /** The process's one eager context (never destroyed: TensorFlow's threads outlive main). */
  TFE_Context* context = nullptr;
};

/**
 * The loaded API. The first call loads TensorFlow (about 0.2 s and 300 MB) and creates the
 * context; BackendError naming what failed when the library or a symbol is missing. The library
 * is IVY_TENSORFLOW_LIBRARY when that environment variable is set, else the one found at build.
 */
const Api& api();

}  // namespace ivy::backends::tensorflow_impl
