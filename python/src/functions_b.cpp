// Functions of the original Ivy's core added for issue 13 (part B): the neural-network
// functional API (gelu, layer_norm, scaled_dot_product_attention, multi_head_attention,
// cross_entropy, sparse_cross_entropy, dropout, lstm_update; binary_cross_entropy, prediction
// first as the original's v1.1.4) and the functional optimizer
// steps on lists of arrays or Containers. Each
// calls the C++ unified function of the same name; arguments are converted with the helpers of
// common.hpp, so bad Python types are TypeErrors naming the function.
#include "common.hpp"
#include "ivy/grad.hpp"
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
        return ivy::scaled_dot_product_attention(
            to_array(q, fn, "q"), to_array(k, fn, "k"), to_array(v, fn, "v"),
            to_double(scale, fn, "scale"), to_opt_array(mask, fn, "mask"));
      },
      nb::arg("q"), nb::arg("k"), nb::arg("v"), nb::arg("scale"),
      nb::arg("mask").none() = nb::none());
  m.def(
      "multi_head_attention",
      [](nb::handle x, nb::handle scale, nb::handle num_heads, nb::handle context, nb::handle mask,
         nb::handle to_q_fn, nb::handle to_kv_fn, nb::handle to_out_fn) {
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
      "binary_cross_entropy",
      [](nb::handle pred, nb::handle target, nb::handle epsilon, nb::handle reduction) {
        constexpr const char* fn = "binary_cross_entropy";
        const ivy::Array& p = to_array(pred, fn, "pred");
        const ivy::Array& t = to_array(target, fn, "target");
        const double eps = to_double(epsilon, fn, "epsilon");
        if (reduction.is_none()) return ivy::binary_cross_entropy(p, t, eps);
        return ivy::binary_cross_entropy(p, t, eps, to_reduction(reduction, fn));
      },
      nb::arg("pred"), nb::arg("target"), nb::arg("epsilon") = 1e-7,
      nb::arg("reduction").none() = nb::none(),
      "Per item (the original's functional loss), or reduced by 'mean', 'sum' or 'none'.");
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

nb::list as_list(const std::vector<ivy::Array>& xs) {
  nb::list out;
  for (const ivy::Array& x : xs) out.append(nb::cast(x));
  return out;
}

nb::tuple adam_tuple(const ivy::AdamResult& r) {
  return nb::make_tuple(as_list(r.ws), as_list(r.mw), as_list(r.vw));
}

nb::tuple adam_tuple(const ivy::ContainerAdamResult& r) {
  return nb::make_tuple(nb::cast(r.ws), nb::cast(r.mw), nb::cast(r.vw));
}

// Each step takes lists of arrays (the list form) or Containers (the Container form, when the
// first argument is one; then the others must be Containers of the same key chains too).
void bind_optimizer_steps(nb::module_& m) {
  m.def(
      "gradient_descent_update",
      [](nb::handle ws, nb::handle dcdws, nb::handle lr) -> nb::object {
        constexpr const char* fn = "gradient_descent_update";
        if (is_container(ws))
          return nb::cast(ivy::gradient_descent_update(
              to_container(ws, fn), to_container(dcdws, fn), to_double(lr, fn, "lr")));
        return as_list(ivy::gradient_descent_update(
            to_arrays(ws, fn, "ws"), to_arrays(dcdws, fn, "dcdws"), to_double(lr, fn, "lr")));
      },
      nb::arg("ws"), nb::arg("dcdws"), nb::arg("lr"));
  m.def(
      "optimizer_update",
      [](nb::handle ws, nb::handle grads, nb::handle lr) -> nb::object {
        constexpr const char* fn = "optimizer_update";
        if (is_container(ws))
          return nb::cast(ivy::optimizer_update(to_container(ws, fn), to_container(grads, fn),
                                                to_double(lr, fn, "lr")));
        return as_list(ivy::optimizer_update(to_arrays(ws, fn, "ws"),
                                             to_arrays(grads, fn, "effective_grads"),
                                             to_double(lr, fn, "lr")));
      },
      nb::arg("ws"), nb::arg("effective_grads"), nb::arg("lr"));
  m.def(
      "lars_update",
      [](nb::handle ws, nb::handle dcdws, nb::handle lr, nb::handle decay_lambda) -> nb::object {
        constexpr const char* fn = "lars_update";
        if (is_container(ws))
          return nb::cast(ivy::lars_update(to_container(ws, fn), to_container(dcdws, fn),
                                           to_double(lr, fn, "lr"),
                                           to_double(decay_lambda, fn, "decay_lambda")));
        return as_list(ivy::lars_update(to_arrays(ws, fn, "ws"), to_arrays(dcdws, fn, "dcdws"),
                                        to_double(lr, fn, "lr"),
                                        to_double(decay_lambda, fn, "decay_lambda")));
      },
      nb::arg("ws"), nb::arg("dcdws"), nb::arg("lr"), nb::arg("decay_lambda") = 0.0);
  m.def(
      "adam_step",
      [](nb::handle dcdws, nb::handle mw, nb::handle vw, nb::handle step, nb::handle beta1,
         nb::handle beta2, nb::handle epsilon) {
        constexpr const char* fn = "adam_step";
        const std::int64_t s = to_int(step, fn, "step");
        const double b1 = to_double(beta1, fn, "beta1"), b2 = to_double(beta2, fn, "beta2"),
                     eps = to_double(epsilon, fn, "epsilon");
        if (is_container(dcdws))
          return adam_tuple(ivy::adam_step(to_container(dcdws, fn), to_container(mw, fn),
                                           to_container(vw, fn), s, b1, b2, eps));
        return adam_tuple(ivy::adam_step(to_arrays(dcdws, fn, "dcdws"), to_arrays(mw, fn, "mw"),
                                         to_arrays(vw, fn, "vw"), s, b1, b2, eps));
      },
      nb::arg("dcdws"), nb::arg("mw"), nb::arg("vw"), nb::arg("step"), nb::arg("beta1") = 0.9,
      nb::arg("beta2") = 0.999, nb::arg("epsilon") = 1e-7);
  m.def(
      "adam_update",
      [](nb::handle ws, nb::handle dcdws, nb::handle lr, nb::handle mw, nb::handle vw,
         nb::handle step, nb::handle beta1, nb::handle beta2, nb::handle epsilon) {
        constexpr const char* fn = "adam_update";
        const double l = to_double(lr, fn, "lr"), b1 = to_double(beta1, fn, "beta1"),
                     b2 = to_double(beta2, fn, "beta2"), eps = to_double(epsilon, fn, "epsilon");
        const std::int64_t s = to_int(step, fn, "step");
        if (is_container(ws))
          return adam_tuple(ivy::adam_update(to_container(ws, fn), to_container(dcdws, fn), l,
                                             to_container(mw, fn), to_container(vw, fn), s, b1, b2,
                                             eps));
        return adam_tuple(ivy::adam_update(to_arrays(ws, fn, "ws"), to_arrays(dcdws, fn, "dcdws"),
                                           l, to_arrays(mw, fn, "mw"), to_arrays(vw, fn, "vw"), s,
                                           b1, b2, eps));
      },
      nb::arg("ws"), nb::arg("dcdws"), nb::arg("lr"), nb::arg("mw"), nb::arg("vw"), nb::arg("step"),
      nb::arg("beta1") = 0.9, nb::arg("beta2") = 0.999, nb::arg("epsilon") = 1e-7);
  m.def(
      "lamb_update",
      [](nb::handle ws, nb::handle dcdws, nb::handle lr, nb::handle mw, nb::handle vw,
         nb::handle step, nb::handle beta1, nb::handle beta2, nb::handle epsilon,
         nb::handle max_trust_ratio, nb::handle decay_lambda) {
        constexpr const char* fn = "lamb_update";
        const double l = to_double(lr, fn, "lr"), b1 = to_double(beta1, fn, "beta1"),
                     b2 = to_double(beta2, fn, "beta2"), eps = to_double(epsilon, fn, "epsilon"),
                     trust = to_double(max_trust_ratio, fn, "max_trust_ratio"),
                     decay = to_double(decay_lambda, fn, "decay_lambda");
        const std::int64_t s = to_int(step, fn, "step");
        if (is_container(ws))
          return adam_tuple(ivy::lamb_update(to_container(ws, fn), to_container(dcdws, fn), l,
                                             to_container(mw, fn), to_container(vw, fn), s, b1, b2,
                                             eps, trust, decay));
        return adam_tuple(ivy::lamb_update(to_arrays(ws, fn, "ws"), to_arrays(dcdws, fn, "dcdws"),
                                           l, to_arrays(mw, fn, "mw"), to_arrays(vw, fn, "vw"), s,
                                           b1, b2, eps, trust, decay));
      },
      nb::arg("ws"), nb::arg("dcdws"), nb::arg("lr"), nb::arg("mw"), nb::arg("vw"), nb::arg("step"),
      nb::arg("beta1") = 0.9, nb::arg("beta2") = 0.999, nb::arg("epsilon") = 1e-7,
      nb::arg("max_trust_ratio") = 10.0, nb::arg("decay_lambda") = 0.0);
}

}  // namespace

void bind_functions_b(nb::module_& m) {
  bind_nn_b(m);
  bind_optimizer_steps(m);
}

}  // namespace ivypy
