// The stateful API from Python: ivy's layers (Linear, Conv1D, Conv2D, Dropout, LayerNorm) as
// classes sharing a base _Layer (build, v, the functional call layer(x, v), train/eval,
// weights on disk), the optimizers SGD and Adam, and the reducing losses. The original's
// Module base for Python models is python/ivycpp/_stateful.py, on top of these.
#include <nanobind/stl/optional.h>
#include <nanobind/stl/shared_ptr.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include <memory>
#include <string>

#include "ivy/stateful.hpp"

#include "common.hpp"

namespace ivypy {

ivy::Reduction to_reduction(nb::handle h, const char* fn) {
  const std::string r = to_str(h, fn, "reduction");
  if (r == "none") return ivy::Reduction::none;
  if (r == "mean") return ivy::Reduction::mean;
  if (r == "sum") return ivy::Reduction::sum;
  throw nb::value_error(
      ("ivycpp." + std::string(fn) + ": reduction must be 'none', 'mean' or 'sum', got '" + r + "'")
          .c_str());
}

namespace {

void bind_layer_base(nb::module_& m) {
  nb::class_<ivy::Module>(m, "_Layer",
                          "The base of ivy's layers: variables in a Container (v), built on "
                          "the first call or by build().")
      .def(
          "build",
          [](ivy::Module& l, nb::handle dtype, nb::handle backend, nb::handle device) {
            l.build(make_options(dtype, device, backend, "build"));
          },
          nb::arg("dtype").none() = nb::none(), nb::arg("backend").none() = nb::none(),
          nb::arg("device").none() = nb::none())
      .def_prop_ro("built", &ivy::Module::built)
      .def_prop_rw(
          "v", [](const ivy::Module& l) { return l.v(); },
          [](ivy::Module& l, nb::handle v) { l.set_v(to_container(v, "v")); })
      .def(
          "__call__",
          [](ivy::Module& l, const ivy::Array& x, nb::handle v) {
            if (v.is_none()) return l(x);
            return l(x, to_container(v, "__call__"));
          },
          nb::arg("x"), nb::arg("v").none() = nb::none(),
          "forward(x, v): with v the functional form (gradients flow to v's leaves), else with "
          "the layer's own variables, building them first if needed.")
      .def("train", &ivy::Module::train, nb::arg("on") = true)
      .def("eval", &ivy::Module::eval)
      .def_prop_ro("training", &ivy::Module::training)
      .def("save_weights", &ivy::Module::save_weights, nb::arg("path"))
      .def("load_weights", &ivy::Module::load_weights, nb::arg("path"))
      .def_prop_ro("kind", &ivy::Module::kind);
}

// (hidden_states, (h, c)) with h and c lists of one array per layer.
nb::tuple lstm_output(const ivy::LSTMOutput& out) {
  return nb::make_tuple(out.hidden_states, nb::make_tuple(out.state.h, out.state.c));
}

void bind_lstm(nb::module_& m) {
  nb::class_<ivy::LSTM, ivy::Module>(m, "LSTM",
                                     "A stack of LSTM layers; x is [..., T, input_channels].")
      .def(nb::init<std::int64_t, std::int64_t, std::int64_t, bool>(), nb::arg("input_channels"),
           nb::arg("hidden_channels"), nb::arg("num_layers") = 1, nb::arg("bias") = true)
      .def(
          "forward_with_state",
          [](ivy::LSTM& l, const ivy::Array& x, nb::handle v, nb::handle initial) {
            constexpr const char* fn = "LSTM.forward_with_state";
            std::optional<ivy::LSTMState> init;
            if (!initial.is_none()) {
              if (!nb::isinstance<nb::tuple>(initial) || nb::len(initial) != 2)
                type_error(fn, "initial", "a tuple (h, c) of lists of arrays", initial);
              init = ivy::LSTMState{to_arrays(initial[0], fn, "initial h"),
                                    to_arrays(initial[1], fn, "initial c")};
            }
            if (v.is_none()) return lstm_output(l.forward_with_state(x, init));
            return lstm_output(l.forward_with_state(x, to_container(v, fn), init));
          },
          nb::arg("x"), nb::arg("v").none() = nb::none(), nb::arg("initial").none() = nb::none(),
          "(hidden_states [..., T, H], (h, c)): the last layer's states and every layer's final "
          "state, from `initial` (zeros by default).");
}

void bind_layers(nb::module_& m) {
  nb::class_<ivy::Linear, ivy::Module>(m, "Linear", "y = x @ w.T + b, w of shape [out, in].")
      .def(nb::init<std::int64_t, std::int64_t, bool>(), nb::arg("in_channels"),
           nb::arg("out_channels"), nb::arg("bias") = true);
  nb::class_<ivy::Dropout, ivy::Module>(m, "Dropout").def(nb::init<double>(), nb::arg("prob"));
  nb::class_<ivy::LayerNorm, ivy::Module>(m, "LayerNorm")
      .def(
          "__init__",
          [](ivy::LayerNorm* self, nb::handle shape, double eps, bool affine) {
            new (self) ivy::LayerNorm(to_shape(shape, "LayerNorm"), eps, affine);
          },
          nb::arg("normalized_shape"), nb::arg("eps") = 1e-5, nb::arg("elementwise_affine") = true);
  nb::class_<ivy::Conv1D, ivy::Module>(m, "Conv1D")
      .def(
          "__init__",
          [](ivy::Conv1D* self, std::int64_t in, std::int64_t out, std::int64_t filter_size,
             nb::handle strides, const std::string& padding, nb::handle dilations, bool bias) {
            new (self) ivy::Conv1D(in, out, filter_size, to_spatial(strides, "Conv1D", "strides"),
                                   padding, to_spatial(dilations, "Conv1D", "dilations"), bias);
          },
          nb::arg("in_channels"), nb::arg("out_channels"), nb::arg("filter_size"),
          nb::arg("strides") = 1, nb::arg("padding") = "SAME", nb::arg("dilations") = 1,
          nb::arg("bias") = true);
  nb::class_<ivy::Conv2D, ivy::Module>(m, "Conv2D")
      .def(
          "__init__",
          [](ivy::Conv2D* self, std::int64_t in, std::int64_t out, nb::handle filter_shape,
             nb::handle strides, const std::string& padding, nb::handle dilations, bool bias) {
            new (self) ivy::Conv2D(in, out, to_shape(filter_shape, "Conv2D"),
                                   to_spatial(strides, "Conv2D", "strides"), padding,
                                   to_spatial(dilations, "Conv2D", "dilations"), bias);
          },
          nb::arg("in_channels"), nb::arg("out_channels"), nb::arg("filter_shape"),
          nb::arg("strides") = 1, nb::arg("padding") = "SAME", nb::arg("dilations") = 1,
          nb::arg("bias") = true);
  nb::class_<ivy::Conv2DTranspose, ivy::Module>(m, "Conv2DTranspose")
      .def(
          "__init__",
          [](ivy::Conv2DTranspose* self, std::int64_t in, std::int64_t out, nb::handle filter_shape,
             nb::handle strides, const std::string& padding, nb::handle output_shape,
             nb::handle dilations, bool bias) {
            constexpr const char* fn = "Conv2DTranspose";
            std::optional<ivy::Shape> out_shape;
            if (!output_shape.is_none()) out_shape = to_shape(output_shape, fn);
            new (self) ivy::Conv2DTranspose(in, out, to_shape(filter_shape, fn),
                                            to_spatial(strides, fn, "strides"), padding, out_shape,
                                            to_spatial(dilations, fn, "dilations"), bias);
          },
          nb::arg("in_channels"), nb::arg("out_channels"), nb::arg("filter_shape"),
          nb::arg("strides") = 1, nb::arg("padding") = "SAME",
          nb::arg("output_shape").none() = nb::none(), nb::arg("dilations") = 1,
          nb::arg("bias") = true);
  bind_lstm(m);
}

void bind_optimizers(nb::module_& m) {
  nb::class_<ivy::Optimizer>(m, "_Optimizer")
      .def(
          "step",
          [](ivy::Optimizer& o, nb::handle v, nb::handle grads) {
            return o.step(to_container(v, "step"), to_container(grads, "step"));
          },
          nb::arg("v"), nb::arg("grads"), "The updated variables (a Container like v).")
      .def_prop_ro("state", &ivy::Optimizer::state)
      .def(
          "set_state",
          [](ivy::Optimizer& o, nb::handle state) {
            o.set_state(to_container(state, "set_state"));
          },
          nb::arg("state"))
      .def_prop_ro("step_count", &ivy::Optimizer::step_count)
      .def_prop_rw("lr", &ivy::Optimizer::lr, &ivy::Optimizer::set_lr)
      .def_prop_ro("kind", &ivy::Optimizer::kind);
  nb::class_<ivy::SGD, ivy::Optimizer>(m, "SGD", "w - lr * g.")
      .def(nb::init<double>(), nb::arg("lr") = 1e-4);
  nb::class_<ivy::Adam, ivy::Optimizer>(m, "Adam", "The original ivy.Adam (docs/stateful.md).")
      .def(nb::init<double, double, double, double>(), nb::arg("lr") = 1e-4, nb::arg("beta1") = 0.9,
           nb::arg("beta2") = 0.999, nb::arg("epsilon") = 1e-7);
}

void bind_losses(nb::module_& m) {
  m.def(
      "mean_squared_error",
      [](const ivy::Array& pred, const ivy::Array& target, nb::handle reduction) {
        return ivy::mean_squared_error(pred, target, to_reduction(reduction, "mean_squared_error"));
      },
      nb::arg("pred"), nb::arg("target"), nb::arg("reduction") = "mean");
  m.def(
      "categorical_cross_entropy",
      [](const ivy::Array& probs, const ivy::Array& labels, double epsilon, nb::handle r) {
        return ivy::categorical_cross_entropy(probs, labels, epsilon,
                                              to_reduction(r, "categorical_cross_entropy"));
      },
      nb::arg("probs"), nb::arg("labels"), nb::arg("epsilon") = 1e-7,
      nb::arg("reduction") = "mean");
  m.def(
      "categorical_cross_entropy_from_logits",
      [](const ivy::Array& logits, const ivy::Array& labels, nb::handle r) {
        return ivy::categorical_cross_entropy_from_logits(
            logits, labels, to_reduction(r, "categorical_cross_entropy_from_logits"));
      },
      nb::arg("logits"), nb::arg("labels"), nb::arg("reduction") = "mean");
}

}  // namespace

void bind_stateful(nb::module_& m) {
  bind_layer_base(m);
  bind_layers(m);
  bind_optimizers(m);
  bind_losses(m);
}

}  // namespace ivypy
