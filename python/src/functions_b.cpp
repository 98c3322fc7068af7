// Functions of the original Ivy's core added for issue 13 (part B): the neural-network
// functional API (gelu, layer_norm, scaled_dot_product_attention, multi_head_attention,
// cross_entropy, sparse_cross_entropy, dropout, lstm_update). Each calls the C++ unified function of the same name;
// arguments are converted with the helpers of common.hpp, so bad Python types are TypeErrors
// naming the function.
#include "common.hpp"
#include "ivy/stateful/lstm.hpp"

namespace ivypy {
namespace {

double to_double(nb::handle h, const char* fn, const char* what) {
  if (nb::isinstance<nb::bool_>(h)) type_error(fn, what, "a number", h);
  return to_scalar(h, fn).as_double();
}

std::optional<ivy::Array> to_opt_array(nb::handle h, const char* fn, const char* what) {
  if (h.is_none()) return std::nullopt;
  return to_array(h, fn, what);
}

// A projection of multi_head_attention: None (none) or a callable from an array to an array.
ivy::AttentionProjection to_projection(nb::handle h, const char* fn, const char* what) {
  if (h.is_none()) return {};
  if (!PyCallable_Check(h.ptr())) type_error(fn, what, "a callable or None", h);
  return [f = nb::borrow<nb::object>(h), fn, what](const ivy::Array& t) {
    nb::object r = f(t);
    return ivy::Array(to_array(r, fn, what));
  };
}

void bind_nn_b(nb::module_& m) {
  m.def(
      "gelu",
      [](nb::handle x, nb::handle approximate) {
        return ivy::gelu(to_array(x, "gelu", "x"), to_bool(approximate, "gelu", "approximate"));
      },
      nb::arg("x"), nb::arg("approximate") = false);
  m.def(
      "layer_norm",
      [](nb::handle x, nb::handle normalized_idxs, nb::handle epsilon, nb::handle scale,
         nb::handle offset) {
        constexpr const char* fn = "layer_norm";
        return ivy::layer_norm(to_array(x, fn, "x"), to_axes(normalized_idxs, fn),
                               to_double(epsilon, fn, "epsilon"), to_opt_array(scale, fn, "scale"),
                               to_opt_array(offset, fn, "offset"));
      },
      nb::arg("x"), nb::arg("normalized_idxs"), nb::arg("epsilon") = 1e-5,
      nb::arg("scale").none() = nb::none(), nb::arg("offset").none() = nb::none());
  m.def(
      "scaled_dot_product_attention",
      [](nb::handle q, nb::handle k, nb::handle v, nb::handle scale, nb::handle mask) {
        constexpr const char* fn = "scaled_dot_product_attention";
        return ivy::scaled_dot_product_attention(to_array(q, fn, "q"), to_array(k, fn, "k"),
                                                 to_array(v, fn, "v"),
                                                 to_double(scale, fn, "scale"),
                                                 to_opt_array(mask, fn, "mask"));
      },
      nb::arg("q"), nb::arg("k"), nb::arg("v"), nb::arg("scale"),
      nb::arg("mask").none() = nb::none());
  m.def(
      "multi_head_attention",
      [](nb::handle x, nb::handle scale, nb::handle num_heads, nb::handle context,
         nb::handle mask, nb::handle to_q_fn, nb::handle to_kv_fn, nb::handle to_out_fn) {
        constexpr const char* fn = "multi_head_attention";
        return ivy::multi_head_attention(
            to_array(x, fn, "x"), to_double(scale, fn, "scale"), to_int(num_heads, fn, "num_heads"),
            to_opt_array(context, fn, "context"), to_opt_array(mask, fn, "mask"),
            to_projection(to_q_fn, fn, "to_q_fn"), to_projection(to_kv_fn, fn, "to_kv_fn"),
            to_projection(to_out_fn, fn, "to_out_fn"));
      },
      nb::arg("x"), nb::arg("scale"), nb::arg("num_heads"), nb::arg("context").none() = nb::none(),
      nb::arg("mask").none() = nb::none(), nb::arg("to_q_fn").none() = nb::none(),
      nb::arg("to_kv_fn").none() = nb::none(), nb::arg("to_out_fn").none() = nb::none());
  m.def(
      "cross_entropy",
      [](nb::handle t, nb::handle pred, nb::handle axis, nb::handle epsilon) {
        constexpr const char* fn = "cross_entropy";
        return ivy::cross_entropy(to_array(t, fn, "true"), to_array(pred, fn, "pred"),
                                  to_axis(axis, fn), to_double(epsilon, fn, "epsilon"));
      },
      nb::arg("true"), nb::arg("pred"), nb::arg("axis") = -1, nb::arg("epsilon") = 1e-7);
  m.def(
      "sparse_cross_entropy",
      [](nb::handle t, nb::handle pred, nb::handle axis, nb::handle epsilon) {
        constexpr const char* fn = "sparse_cross_entropy";
        return ivy::sparse_cross_entropy(to_array(t, fn, "true"), to_array(pred, fn, "pred"),
                                         to_axis(axis, fn), to_double(epsilon, fn, "epsilon"));
      },
      nb::arg("true"), nb::arg("pred"), nb::arg("axis") = -1, nb::arg("epsilon") = 1e-7);
  m.def(
      "dropout",
      [](nb::handle x, nb::handle prob, nb::handle scale) {
        constexpr const char* fn = "dropout";
        return ivy::dropout(to_array(x, fn, "x"), to_double(prob, fn, "prob"),
                            to_bool(scale, fn, "scale"));
      },
      nb::arg("x"), nb::arg("prob"), nb::arg("scale") = true);
  m.def(
      "lstm_update",
      [](nb::handle x, nb::handle init_h, nb::handle init_c, nb::handle kernel,
         nb::handle recurrent_kernel, nb::handle bias, nb::handle recurrent_bias) {
        constexpr const char* fn = "lstm_update";
        auto [hs, c] = ivy::lstm_update(
            to_array(x, fn, "x"), to_array(init_h, fn, "init_h"), to_array(init_c, fn, "init_c"),
            to_array(kernel, fn, "kernel"), to_array(recurrent_kernel, fn, "recurrent_kernel"),
            to_opt_array(bias, fn, "bias"), to_opt_array(recurrent_bias, fn, "recurrent_bias"));
        return nb::make_tuple(std::move(hs), std::move(c));
      },
      nb::arg("x"), nb::arg("init_h"), nb::arg("init_c"), nb::arg("kernel"),
      nb::arg("recurrent_kernel"), nb::arg("bias").none() = nb::none(),
      nb::arg("recurrent_bias").none() = nb::none());
}

}  // namespace

void bind_functions_b(nb::module_& m) { bind_nn_b(m); }

}  // namespace ivypy
