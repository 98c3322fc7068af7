// Every backend of the build fills every kernel core calls without a check: a null entry would
// be a crash (a call through a null pointer), never an error. Only the entries the contract
// calls optional (include/ivy/backend/*.hpp) may stay null.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ivy/backend/contract.hpp"
#include "ivy/ivy.hpp"

namespace {

// The names of b's required entries that are null. A whole family may be missing (core then
// raises UnsupportedError, as for the stub, which holds no arrays); a family that is there must
// be complete, and a backend that makes arrays must have the handle, property and transfer
// functions.
std::vector<std::string> missing(const ivy::Backend& b) {
  std::vector<std::string> out;
  auto need = [&](bool present, const char* name) {
    if (!present) out.emplace_back(name);
  };
  if (b.creation) {
    need(b.copy_handle && b.move_handle && b.destroy_handle, "handle functions");
    need(b.dtype && b.shape && b.device && b.dtype_unsupported, "properties");
    need(b.from_host && b.to_host && b.to_dlpack && b.from_dlpack && b.to_device, "transfer");
    need(b.creation->full && b.creation->arange, "creation");
  }
  if (const ivy::ElementwiseKernels* e = b.elementwise)
    need(e->cast && e->unary && e->binary && e->where, "elementwise");
  if (const ivy::ReductionKernels* r = b.reduction)
    need(r->reduce && r->arg_reduce && r->scan, "reduction");
  if (const ivy::ManipulationKernels* m = b.manipulation)
    need(m->reshape && m->broadcast_to && m->transpose && m->concat && m->flip && m->slice &&
             m->pad && m->sort && m->argsort,
         "manipulation");
  if (const ivy::IndexingKernels* i = b.indexing)
    need(i->take_along_axis && i->take && i->scatter_rows && i->nonzero, "indexing");
  if (const ivy::LinalgKernels* l = b.linalg)  // einsum is optional
    need(l->matmul && l->inv && l->svd && l->cholesky && l->eigh && l->qr && l->det && l->solve,
         "linalg");
  if (const ivy::RandomKernels* r = b.random)
    need(r->seed && r->uniform && r->normal && r->randperm, "random");
  return out;  // NNKernels' entries are all optional
}

TEST(BackendTables, EveryRequiredKernelIsFilled) {
  for (const std::string& name : ivy::available_backends()) {
    const std::vector<std::string> gaps = missing(ivy::backend(name));
    std::string list;
    for (const std::string& g : gaps) list += " " + g;
    EXPECT_TRUE(gaps.empty()) << name << " leaves null:" << list;
  }
}

}  // namespace
