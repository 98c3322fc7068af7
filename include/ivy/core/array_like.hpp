#pragma once
/// ArrayLike: what a function written once as a template accepts, the type-erased ivy::Array or
/// an engine's own array type (at::Tensor, xt::xarray<T>, ...) whose native overloads
/// ivy/native.hpp declares. Such a template calls only unified functions, so it runs on every
/// backend through ivy::Array and, with the backend fixed at compile time, on native arrays.
#include <concepts>
#include <string_view>
#include <type_traits>

#include "ivy/native.hpp"

namespace ivy {

template <class T>
concept ArrayLike = std::same_as<std::remove_cvref_t<T>, Array> || NativeArray<T>;

namespace detail {

template <class A>
struct array_like_result {
  using type = native_result_t<std::remove_cvref_t<A>>;
};
template <>
struct array_like_result<Array> {
  using type = Array;
};

}  // namespace detail

/**
 * What the unified functions return for arguments of type A: ivy::Array for ivy::Array, the
 * engine's result type for a native array (at::Tensor for at::Tensor, ivy::XtensorResult for
 * xt::xarray<T>).
 */
template <ArrayLike A>
using result_of_t = typename detail::array_like_result<std::remove_cvref_t<A>>::type;

/** x as result_of_t<A>, so a template can hold its input and its intermediates in one type. */
template <ArrayLike A>
result_of_t<A> as_result(const A& x) {
  using R = result_of_t<A>;
  using T = std::remove_cvref_t<A>;
  if constexpr (std::is_same_v<T, R>) {
    return x;
  } else {
    return native_traits<T>::from_array(native_traits<T>::to_array(x));
  }
}

/** The name of x's backend ("torch", "xtensor", ...), for error messages. */
template <ArrayLike A>
std::string_view backend_name_of(const A& x) {
  if constexpr (std::is_same_v<std::remove_cvref_t<A>, Array>) {
    return x.backend_name();
  } else {
    return native_traits<std::remove_cvref_t<A>>::backend;
  }
}

}  // namespace ivy
