#pragma once
/// Calling the unified functions on an engine's own array type (the paper's framework-agnostic
/// mode with type inference, and its framework-specific mode). Include the engine's header,
/// `ivy/torch.hpp` or `ivy/xtensor.hpp`, which specialises native_traits; then
///
///   at::Tensor y = ivy::clip(t, 0.2, 0.8);          // backend chosen at compile time from the
///   type at::Tensor z = ivy::torch::clip(t, 0.2, 0.8);   // framework-specific namespace
///   at::Tensor o = ivy::zeros<ivy::Torch>({3});     // creation with a static backend tag
///
/// Every overload converts its native arguments to ivy::Array (for LibTorch without a copy: the
/// tensor handle is stored inline), calls the one implementation of the function, and converts
/// the result back, so results and errors are those of the type-erased API by construction.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "ivy/ivy.hpp"

namespace ivy {

/**
 * Specialised for each native array type N:
 *   static constexpr std::string_view backend;      // the backend's name
 *   static Array to_array(const N&);
 *   static N from_array(const Array&);
 */
template <class N>
struct native_traits;

template <class T>
concept NativeArray = requires {
  native_traits<std::remove_cvref_t<T>>::backend;
};

/**
 * A braced list of integers passed to a native overload (`ivy::sum(t, {0, 1})`,
 * `ivy::reshape(t, {3, 2})`): converts to whichever of Shape, Axes or std::vector<int> the
 * function takes, or to a fixed-size std::array such as ivy::vision's image sizes {H, W} (a
 * ShapeError when the count differs).
 */
class IntList {
 public:
  IntList(std::initializer_list<std::int64_t> values) : values_(values) {}
  operator Shape() const { return values_; }            // NOLINT(google-explicit-constructor)
  operator Axes() const { return Axes(ints()); }        // NOLINT(google-explicit-constructor)
  operator std::vector<int>() const { return ints(); }  // NOLINT(google-explicit-constructor)
  template <std::size_t K>
  operator std::array<std::int64_t, K>() const {  // NOLINT(google-explicit-constructor)
    if (values_.size() != K)
      detail::raise<ShapeError>(
          "IntList", "none",
          "expected " + std::to_string(K) + " integers, got " + shape_str(values_));
    std::array<std::int64_t, K> out{};
    for (std::size_t i = 0; i < K; ++i) out[i] = values_[i];
    return out;
  }

 private:
  std::vector<int> ints() const { return std::vector<int>(values_.begin(), values_.end()); }
  std::vector<std::int64_t> values_;
};

/** A static backend tag: `struct Torch { using native = at::Tensor; static constexpr ... name; }`.
 */
template <class B>
concept StaticBackend = requires {
  typename B::native;
  B::name;
};

namespace detail {

template <class T>
struct native_of_arg {
  using type = void;
};
template <NativeArray T>
struct native_of_arg<T> {
  using type = std::remove_cvref_t<T>;
};
template <NativeArray T, class A>
struct native_of_arg<std::vector<T, A>> {
  using type = std::remove_cvref_t<T>;
};

template <class T>
using native_of_arg_t = typename native_of_arg<std::remove_cvref_t<T>>::type;

/** The first native array type among Args (void if none). */
template <class... Args>
struct first_native {
  using type = void;
};
template <class A, class... Rest>
struct first_native<A, Rest...> {
  using type = std::conditional_t<std::is_void_v<native_of_arg_t<A>>,
                                  typename first_native<Rest...>::type, native_of_arg_t<A>>;
};
template <class... Args>
using first_native_t = typename first_native<Args...>::type;

template <class... Args>
concept AnyNative = !std::is_void_v<first_native_t<Args...>>;

template <class N, class... Args>
concept FirstNativeIs = std::is_same_v<first_native_t<Args...>, N>;

/** Native arrays (and vectors of them) become ivy::Array; anything else passes through. */
template <class A>
decltype(auto) lift(A&& a) {
  using T = std::remove_cvref_t<A>;
  if constexpr (NativeArray<T>) {
    return native_traits<T>::to_array(a);
  } else if constexpr (!std::is_void_v<native_of_arg_t<T>>) {
    std::vector<Array> out;
    out.reserve(a.size());
    for (const auto& x : a) out.push_back(native_traits<native_of_arg_t<T>>::to_array(x));
    return out;
  } else {
    return std::forward<A>(a);
  }
}

}  // namespace detail

/** What a function returning ivy::Array returns for native arguments of type N. */
template <class N>
using native_result_t = decltype(native_traits<N>::from_array(std::declval<const Array&>()));

/** svd's result for native arguments. */
template <class R>
struct NativeSvd {
  R u, s, vh;
};

/** eigh's result for native arguments. */
template <class R>
struct NativeEigh {
  R eigenvalues, eigenvectors;
};

/** qr's result for native arguments. */
template <class R>
struct NativeQr {
  R q, r;
};

namespace detail {

/**
 * ivy::Array results (alone, in a vector, a pair, an SvdResult, EighResult or QrResult) become
 * native_result_t<N>;
 * anything else passes through.
 */
template <class N, class R>
auto lower(R&& r) {
  using T = std::remove_cvref_t<R>;
  using Out = native_result_t<N>;
  if constexpr (std::is_same_v<T, Array>) {
    return native_traits<N>::from_array(std::forward<R>(r));
  } else if constexpr (std::is_same_v<T, std::vector<Array>>) {
    std::vector<Out> out;
    out.reserve(r.size());
    for (const Array& x : r) out.push_back(native_traits<N>::from_array(x));
    return out;
  } else if constexpr (std::is_same_v<T, std::pair<Array, Array>>) {
    return std::pair<Out, Out>(native_traits<N>::from_array(r.first),
                               native_traits<N>::from_array(r.second));
  } else if constexpr (std::is_same_v<T, SvdResult>) {
    return NativeSvd<Out>{native_traits<N>::from_array(r.u), native_traits<N>::from_array(r.s),
                          native_traits<N>::from_array(r.vh)};
  } else if constexpr (std::is_same_v<T, EighResult>) {
    return NativeEigh<Out>{native_traits<N>::from_array(r.eigenvalues),
                           native_traits<N>::from_array(r.eigenvectors)};
  } else if constexpr (std::is_same_v<T, QrResult>) {
    return NativeQr<Out>{native_traits<N>::from_array(r.q), native_traits<N>::from_array(r.r)};
  } else {
    return T(std::forward<R>(r));
  }
}

/** Runs f with backend B as the innermost scope (static tags for creation functions). */
template <StaticBackend B, class F>
auto with_backend(F&& f) {
  use scope{B::name};
  return lower<typename B::native>(f());
}

}  // namespace detail
}  // namespace ivy

// One overload per registry function, in namespace ivy: chosen when an argument is native.
// The inner call is unqualified on purpose: argument-dependent lookup on ivy::Array finds the
// type-erased function wherever it is declared.
// Defined here as macros so that each engine header can also stamp them into its own namespace
// (ivy::torch, ivy::xtensor), restricted to its array type.
#define IVY_NATIVE_OVERLOAD(name, differentiable)                                           \
  template <class... Args>                                                                  \
  requires ::ivy::detail::AnyNative<Args...>                                                \
  auto name(Args&&... args) {                                                               \
    using N = ::ivy::detail::first_native_t<Args...>;                                       \
    return ::ivy::detail::lower<N>(name(::ivy::detail::lift(std::forward<Args>(args))...)); \
  }                                                                                         \
  IVY_NATIVE_LIST_OVERLOADS(::ivy::NativeArray<T>, name)

// Braced lists cannot be deduced through Args&&...: two more overloads take a native array and
// a list of integers (`ivy::sum(t, {0, 1})`), or a list of native arrays
// (`ivy::concat({t, u}, 0)`). REQ constrains the native type T.
#define IVY_NATIVE_LIST_OVERLOADS(REQ, name)                                         \
  template <class T, class... Rest>                                                  \
  requires(REQ) auto name(const T& x, ::ivy::IntList list, Rest&&... rest) {         \
    return ::ivy::detail::lower<T>(                                                  \
        name(::ivy::detail::lift(x), list, std::forward<Rest>(rest)...));            \
  }                                                                                  \
  template <class T, class... Rest>                                                  \
  requires(REQ) auto name(std::initializer_list<T> xs, Rest&&... rest) {             \
    return ::ivy::detail::lower<T>(                                                  \
        name(::ivy::detail::lift(std::vector<T>(xs)), std::forward<Rest>(rest)...)); \
  }

#define IVY_NATIVE_OVERLOAD_FOR(N, name)                                                    \
  template <class... Args>                                                                  \
  requires ::ivy::detail::FirstNativeIs<N, Args...>                                         \
  auto name(Args&&... args) {                                                               \
    return ::ivy::detail::lower<N>(name(::ivy::detail::lift(std::forward<Args>(args))...)); \
  }                                                                                         \
  IVY_NATIVE_LIST_OVERLOADS((std::is_same_v<T, N>), name)

// The native overload of `name` for the arguments a concept admits (an engine's namespace).
#define IVY_NATIVE_OVERLOAD_IF(Concept, name)                                               \
  template <class... Args>                                                                  \
  requires Concept<Args...>                                                                 \
  auto name(Args&&... args) {                                                               \
    using N = ::ivy::detail::first_native_t<Args...>;                                       \
    return ::ivy::detail::lower<N>(name(::ivy::detail::lift(std::forward<Args>(args))...)); \
  }                                                                                         \
  IVY_NATIVE_LIST_OVERLOADS(Concept<T>, name)

// Creation functions bound to one backend: `ivy::zeros<ivy::Torch>({3})` (B a static tag), and
// with B fixed, the same functions in an engine's namespace (`ivy::torch::zeros({3})`).
#define IVY_TAGGED_CREATION(TEMPLATE_HEAD, B, RET)                                                 \
  TEMPLATE_HEAD RET zeros(const Shape& shape, const Options& opts = {}) {                          \
    return ::ivy::detail::with_backend<B>([&] { return ::ivy::zeros(shape, opts); });              \
  }                                                                                                \
  TEMPLATE_HEAD RET ones(const Shape& shape, const Options& opts = {}) {                           \
    return ::ivy::detail::with_backend<B>([&] { return ::ivy::ones(shape, opts); });               \
  }                                                                                                \
  TEMPLATE_HEAD RET full(const Shape& shape, Scalar value, const Options& opts = {}) {             \
    return ::ivy::detail::with_backend<B>([&] { return ::ivy::full(shape, value, opts); });        \
  }                                                                                                \
  TEMPLATE_HEAD RET arange(Scalar stop, const Options& opts = {}) {                                \
    return ::ivy::detail::with_backend<B>([&] { return ::ivy::arange(stop, opts); });              \
  }                                                                                                \
  TEMPLATE_HEAD RET arange(Scalar start, Scalar stop, Scalar step = 1, const Options& opts = {}) { \
    return ::ivy::detail::with_backend<B>([&] { return ::ivy::arange(start, stop, step, opts); }); \
  }                                                                                                \
  TEMPLATE_HEAD RET eye(std::int64_t n, std::int64_t m = -1, std::int64_t k = 0,                   \
                        const Options& opts = {}) {                                                \
    return ::ivy::detail::with_backend<B>([&] { return ::ivy::eye(n, m, k, opts); });              \
  }                                                                                                \
  TEMPLATE_HEAD RET identity(std::int64_t n, const Shape& batch_shape = {},                        \
                             const Options& opts = {}) {                                           \
    return ::ivy::detail::with_backend<B>([&] { return ::ivy::identity(n, batch_shape, opts); });  \
  }                                                                                                \
  TEMPLATE_HEAD RET linspace(Scalar start, Scalar stop, std::int64_t num, int axis = -1,           \
                             bool endpoint = true, const Options& opts = {}) {                     \
    return ::ivy::detail::with_backend<B>(                                                         \
        [&] { return ::ivy::linspace(start, stop, num, axis, endpoint, opts); });                  \
  }                                                                                                \
  TEMPLATE_HEAD RET logspace(Scalar start, Scalar stop, std::int64_t num, double base = 10.0,      \
                             int axis = -1, const Options& opts = {}) {                            \
    return ::ivy::detail::with_backend<B>(                                                         \
        [&] { return ::ivy::logspace(start, stop, num, base, axis, opts); });                      \
  }                                                                                                \
  TEMPLATE_HEAD RET from_buffer(const void* data, const Shape& shape, DType d,                     \
                                const Options& opts = {}) {                                        \
    return ::ivy::detail::with_backend<B>(                                                         \
        [&] { return ::ivy::from_buffer(data, shape, d, opts); });                                 \
  }

namespace ivy {
// Functions with an array argument: the native overloads.
#define IVY_STAMP(name, differentiable) IVY_NATIVE_OVERLOAD(name, differentiable)
IVY_FUNCTIONS(IVY_STAMP)
#undef IVY_STAMP
IVY_TAGGED_CREATION(template <::ivy::StaticBackend B>, B, typename B::native)
}  // namespace ivy
