// Regression tests for issue 12 (hardening) on the kernels: each input once crashed, trapped or
// gave a silently wrong value on some backend; expected values are closed forms.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <limits>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "ivy/ivy.hpp"
#include "support/needs_arrays.hpp"
#include "support/support_record.hpp"

namespace {

using ivy::testing::under_test;

// The most negative integer over -1 overflows; semantics.md promises wrap-around (x // -1 is
// the wrapping negation, x % -1 is 0), where LibTorch and MLX used to trap with SIGFPE.
template <class T>
void check_min_over_minus_one() {
  constexpr T lo = std::numeric_limits<T>::min();
  const ivy::Array x = ivy::array(std::vector<T>{lo, 7, -7, lo}, {4}, under_test());
  const ivy::Array d = ivy::array(std::vector<T>{-1, -1, 2, 3}, {4}, under_test());
  // floor(-7 / 2) = -4 and -7 - 2 * -4 = 1. lo is a power of two, no multiple of 3, so C++'s
  // truncating lo / 3 is one above the floor, and its remainder lo % 3 is 3 below the floored one.
  const T q3 = static_cast<T>(lo / 3 - 1), r3 = static_cast<T>(lo % 3 + 3);
  EXPECT_EQ(ivy::floor_divide(x, d).to_vector<T>(), (std::vector<T>{lo, -7, -4, q3}));
  EXPECT_EQ(ivy::remainder(x, d).to_vector<T>(), (std::vector<T>{0, 0, 1, r3}));
  EXPECT_EQ(ivy::floor_divide(x, -1).to_vector<T>(), (std::vector<T>{lo, -7, 7, lo}));
  EXPECT_EQ(ivy::remainder(x, -1).to_vector<T>(), (std::vector<T>{0, 0, 0, 0}));
  EXPECT_EQ(ivy::floormod(x, -1).to_vector<T>(), (std::vector<T>{0, 0, 0, 0}));
}

TEST(HardeningKernels, MostNegativeIntegerOverMinusOneWraps) {
  IVY_NEEDS_ARRAYS();
  check_min_over_minus_one<std::int64_t>();
  check_min_over_minus_one<std::int32_t>();
}

}  // namespace

namespace {

// Bounds near the float limits: high - low overflows, which made every draw low.
TEST(HardeningKernels, UniformWithAnOverflowingSpanStaysInBounds) {
  IVY_NEEDS_ARRAYS();
  ivy::seed(3);
  const std::vector<float> v =
      ivy::random_uniform(-3e38, 3e38, ivy::Shape{64}, under_test()).to_vector<float>();
  int at_low = 0;
  for (float x : v) {
    EXPECT_GE(x, -3e38f);
    EXPECT_LT(x, 3e38f);
    at_low += x == -3e38f;
  }
  EXPECT_LT(at_low, 2);  // a draw of exactly low has probability about 2^-24 each
}

TEST(HardeningKernels, UniformNeedsFiniteBounds) {
  IVY_NEEDS_ARRAYS();
  const double inf = std::numeric_limits<double>::infinity();
  const ivy::Options o(under_test());
  EXPECT_THROW(ivy::random_uniform(0.0, inf, ivy::Shape{2}, o), ivy::ValueError);
  EXPECT_THROW(ivy::random_uniform(-inf, 0.0, ivy::Shape{2}, o), ivy::ValueError);
  EXPECT_THROW(ivy::random_uniform(0.0, std::nan(""), ivy::Shape{2}, o), ivy::ValueError);
}

// Seeds 2^32 apart gave one stream on torch (its generator keeps 32 bits of the seed).
TEST(HardeningKernels, SeedUsesAllSixtyFourBits) {
  IVY_NEEDS_ARRAYS();
  const ivy::Options o(under_test());
  ivy::seed(5);
  const std::vector<float> a = ivy::random_uniform(0.0, 1.0, ivy::Shape{8}, o).to_vector<float>();
  ivy::seed(5 + (std::uint64_t{1} << 32));
  const std::vector<float> b = ivy::random_uniform(0.0, 1.0, ivy::Shape{8}, o).to_vector<float>();
  ivy::seed(5);
  const std::vector<float> c = ivy::random_uniform(0.0, 1.0, ivy::Shape{8}, o).to_vector<float>();
  EXPECT_NE(a, b);
  EXPECT_EQ(a, c);
}

}  // namespace

namespace {

// Sizes beyond 2^32 used to wrap silently to 32 bits on MLX (a pad of 2^32 + 1 gave shape [4]).
// Every backend must give either the right size or a typed error, never a wrapped shape; the
// sizes are too large to allocate, so the checks use a zero-row array or expect an error.
TEST(HardeningKernels, SizesBeyondThirtyTwoBitsNeverWrap) {
  IVY_NEEDS_ARRAYS();
  const std::int64_t big = (std::int64_t{1} << 32) + 1;
  const ivy::Array x = ivy::ones({0, 3}, under_test());
  try {
    const ivy::Array y = ivy::constant_pad(x, {{0, 0}, {big, 0}});
    EXPECT_EQ(y.shape(), (ivy::Shape{0, big + 3}));
  } catch (const ivy::UnsupportedError&) {  // MLX's and MXNet's dimensions are 32-bit
    EXPECT_TRUE(ivy::testing::backend_under_test() == "mlx" ||
                ivy::testing::backend_under_test() == "mxnet");
  }
}

}  // namespace

namespace {

// minimum/maximum return the first argument on ties (semantics.md); MLX returned +0.
TEST(HardeningKernels, MinimumMaximumKeepTheFirstSignedZero) {
  IVY_NEEDS_ARRAYS();
  const ivy::Array a = ivy::array({-0.0f, 0.0f}, under_test());
  const ivy::Array b = ivy::array({0.0f, -0.0f}, under_test());
  EXPECT_EQ(ivy::signbit(ivy::maximum(a, b)).to_vector<bool>(), (std::vector<bool>{true, false}));
  EXPECT_EQ(ivy::signbit(ivy::minimum(a, b)).to_vector<bool>(), (std::vector<bool>{true, false}));
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const ivy::Array n = ivy::array({nan, 1.0f}, under_test());
  const ivy::Array m = ivy::array({1.0f, nan}, under_test());
  EXPECT_EQ(ivy::isnan(ivy::maximum(n, m)).to_vector<bool>(), (std::vector<bool>{true, true}));
  EXPECT_EQ(ivy::isnan(ivy::minimum(n, m)).to_vector<bool>(), (std::vector<bool>{true, true}));
}

}  // namespace

namespace {

// clip with a missing bound used to be a bare maximum/minimum, so its shape and dtype depended
// on which bounds were given. Every combination now broadcasts x with the bounds given (as
// NumPy's clip and the Array API) and keeps x's dtype.
TEST(HardeningKernels, ClipWithAMissingBoundBroadcastsAndKeepsDtype) {
  IVY_NEEDS_ARRAYS();
  const ivy::Array x = ivy::array(std::vector<std::int32_t>{-2, 0, 5}, {3}, under_test());
  const ivy::Array wide = ivy::zeros({2, 3}, under_test());
  const ivy::Shape broadcast{2, 3};
  EXPECT_EQ(ivy::clip(x, wide, std::nullopt).shape(), broadcast);
  EXPECT_EQ(ivy::clip(x, std::nullopt, wide).shape(), broadcast);
  EXPECT_EQ(ivy::clip(x, wide, ivy::Operand(wide)).to_vector<std::int32_t>(),
            std::vector<std::int32_t>(6, 0));
  EXPECT_EQ(ivy::clip(x, std::nullopt, wide).dtype(), ivy::DType::int32);
  EXPECT_THROW(ivy::clip(x, ivy::zeros({2}, under_test()), std::nullopt), ivy::ShapeError);
  EXPECT_THROW(ivy::clip(x, wide, ivy::Operand(ivy::zeros({4, 1}, under_test()))), ivy::ShapeError);
  const ivy::Array lo = ivy::array({-1.5f, 0.5f, 0.5f}, under_test());
  const ivy::Array a = ivy::clip(x, lo, std::nullopt);
  EXPECT_EQ(a.dtype(), ivy::DType::int32);
  EXPECT_EQ(a.to_vector<std::int32_t>(), (std::vector<std::int32_t>{-1, 0, 5}));  // trunc(-1.5)
  const ivy::Array c = ivy::clip(x, std::nullopt, 2.5);
  EXPECT_EQ(c.dtype(), ivy::DType::int32);
  EXPECT_EQ(c.to_vector<std::int32_t>(), (std::vector<std::int32_t>{-2, 0, 2}));
  EXPECT_EQ(ivy::clip(x, std::nullopt, std::nullopt).to_vector<std::int32_t>(),
            (std::vector<std::int32_t>{-2, 0, 5}));
}

}  // namespace

namespace {

// Each call must throw ivy::MemoryError naming its function, the backend and the bytes.
void expect_memory_errors(const std::vector<std::pair<std::string, std::function<void()>>>& calls) {
  const std::string name = ivy::testing::backend_under_test();
  for (const auto& [fn, call] : calls) {
    try {
      call();
      ADD_FAILURE() << fn << ": no MemoryError";
    } catch (const ivy::MemoryError& e) {
      const std::string msg = e.what();
      EXPECT_NE(msg.find("ivy::" + fn + " [" + name + "]"), std::string::npos) << msg;
      EXPECT_NE(msg.find("bytes"), std::string::npos) << msg;
    }
  }
}

// Issue 12, item 19: an array larger than the machine's memory is one typed error naming the
// function called and the bytes, on every backend (was UnsupportedError naming an internal
// kernel on torch, a bare std::bad_alloc on xtensor).
TEST(HardeningKernels, AllocationBeyondMemoryIsAMemoryError) {
  IVY_NEEDS_ARRAYS();
  const ivy::Options o = ivy::Options(ivy::float32).on(under_test());
  const std::int64_t huge = std::int64_t{1} << 40;  // 4 TiB of float32
  expect_memory_errors({{"zeros", [&] { ivy::zeros({huge}, o); }},
                        {"ones",
                         [&] {
                           ivy::ones({std::int64_t{1} << 31, std::int64_t{1} << 31}, o);
                         }},
                        {"full", [&] { ivy::full({huge}, 1.0, o); }},
                        {"einops_repeat", [&] {
                           ivy::einops_repeat(ivy::ones({4}, o), "h -> h c", {{"c", huge}});
                         }}});
}

// Lowers this process's data limit (ulimit -d) to what it uses now plus headroom, for one
// scope: the limit a container or a parent process may set.
class DataLimitScope {
 public:
  explicit DataLimitScope(std::uint64_t headroom) {
    getrlimit(RLIMIT_DATA, &saved_);
    std::ifstream statm("/proc/self/statm");
    std::uint64_t size = 0, resident = 0, shared = 0, text = 0, lib = 0, data = 0;
    statm >> size >> resident >> shared >> text >> lib >> data;
    rlimit lowered = saved_;
    lowered.rlim_cur = data * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE)) + headroom;
    if (saved_.rlim_max != RLIM_INFINITY)
      lowered.rlim_cur = std::min(lowered.rlim_cur, saved_.rlim_max);
    setrlimit(RLIMIT_DATA, &lowered);
  }
  ~DataLimitScope() { setrlimit(RLIMIT_DATA, &saved_); }
  DataLimitScope(const DataLimitScope&) = delete;
  DataLimitScope& operator=(const DataLimitScope&) = delete;

 private:
  rlimit saved_{};
};

// Below the machine's memory but above what the process may still map, the engines threw a
// bare std::bad_alloc (found by the fuzzer's 4 GiB children): every function that allocates
// an array of a size given by its arguments now refuses it first, naming itself.
TEST(HardeningKernels, AllocationBeyondTheProcessLimitIsAMemoryError) {
  IVY_NEEDS_ARRAYS();
  const ivy::Options o = ivy::Options(ivy::float32).on(under_test());
  const std::int64_t big = std::int64_t{1} << 30;  // 4 GiB of float32, 1 GiB of uint8
  const ivy::Array three = ivy::ones({3}, o);
  const ivy::Array labels = ivy::zeros({4}, ivy::Options(ivy::int64).on(under_test()));
  const DataLimitScope limit(std::uint64_t{512} << 20);
  expect_memory_errors(
      {{"zeros", [&] { ivy::zeros({big}, o); }},
       {"arange", [&] { ivy::arange(0, big, 1, o); }},
       {"eye", [&] { ivy::eye(big >> 14, big >> 14, 0, o); }},
       {"identity", [&] { ivy::identity(big >> 14, {}, o); }},
       {"one_hot", [&] { ivy::one_hot(labels, big, o); }},
       {"linspace", [&] { ivy::linspace(0.0, 1.0, big, -1, true, o); }},
       {"random_uniform", [&] { ivy::random_uniform(0.0, 1.0, ivy::Shape{big}, o); }},
       {"repeat", [&] { ivy::repeat(three, big); }},
       {"tile", [&] { ivy::tile(three, {big}); }},
       {"einops_repeat", [&] {
          ivy::einops_repeat(three, "h -> (c h)", {{"c", big}});
        }}});
}

}  // namespace

namespace {

// Issue 12, item 14: argmax/argmin along a non-empty axis of an array with no elements give
// the empty result on every backend (MLX refused); an empty reduced axis stays a ValueError.
TEST(HardeningKernels, ArgExtremesOfAnEmptyArrayAlongANonEmptyAxis) {
  IVY_NEEDS_ARRAYS();
  const ivy::Array x = ivy::zeros({0, 3}, ivy::Options(ivy::float32).on(under_test()));
  for (const bool keepdims : {false, true}) {
    const ivy::Array a = ivy::argmax(x, 1, keepdims), b = ivy::argmin(x, 1, keepdims);
    const ivy::Shape want = keepdims ? ivy::Shape{0, 1} : ivy::Shape{0};
    EXPECT_EQ(a.shape(), want);
    EXPECT_EQ(b.shape(), want);
    EXPECT_EQ(a.dtype(), ivy::int64);
  }
  EXPECT_THROW(ivy::argmax(x, 0), ivy::ValueError);
}

}  // namespace

namespace {

// Issue 12, item 15: LibTorch's CPU kernels lack half types for cumsum, prod, matmul and
// einsum, and no engine's LAPACK takes them: those compute in float32 and round back. Closed
// forms on small integers, which float16 and bfloat16 hold exactly.
TEST(HardeningKernels, HalfTypesComputeInFloat32AndRoundBack) {
  IVY_NEEDS_ARRAYS();
  const ivy::Backend& b = under_test();
  for (const ivy::DType d : {ivy::float16, ivy::bfloat16}) {
    if (!ivy::supports_dtype(b, d)) continue;  // xtensor: declared in semantics.md's dtype table
    SCOPED_TRACE(ivy::dtype_name(d));
    const ivy::Array x = ivy::cast(ivy::array(std::vector<float>{1, 2, 3, 4}, {2, 2}, b), d);
    const auto expect = [&](const ivy::Array& r, std::vector<double> want, const char* what) {
      EXPECT_EQ(r.dtype(), d) << what;
      const ivy::Array r64 = ivy::cast(r, ivy::float64);
      const std::vector<double> got = r64.to_vector<double>();
      ASSERT_EQ(got.size(), want.size()) << what;
      // float32 LAPACK leaves rounding residue (6e-8 for an exact 0): two units of d's epsilon.
      const double tol = 2 * (d == ivy::float16 ? 0x1p-10 : 0x1p-7);
      for (std::size_t i = 0; i < got.size(); ++i)
        EXPECT_NEAR(got[i], want[i], tol * std::max(1.0, std::abs(want[i]))) << what << " " << i;
    };
    expect(ivy::cumsum(x, 0), {1, 2, 4, 6}, "cumsum");
    expect(ivy::cumprod(x, 1), {1, 2, 3, 12}, "cumprod");
    expect(ivy::prod(x), {24}, "prod");
    expect(ivy::matmul(x, x), {7, 10, 15, 22}, "matmul");
    expect(ivy::einsum("ij,jk->ik", {x, x}), {7, 10, 15, 22}, "einsum");
    expect(ivy::det(x), {-2}, "det");
    expect(ivy::inv(x), {-2, 1, 1.5, -0.5}, "inv");
    expect(ivy::solve(x, x), {1, 0, 0, 1}, "solve");
    // [[4, 2], [2, 2]] = L L^T with L = [[2, 0], [1, 1]].
    const ivy::Array spd = ivy::cast(ivy::array(std::vector<float>{4, 2, 2, 2}, {2, 2}, b), d);
    expect(ivy::cholesky(spd), {2, 0, 1, 1}, "cholesky");
    // diag(3, 1): eigenvalues ascending, singular values descending.
    const ivy::Array diag = ivy::cast(ivy::array(std::vector<float>{3, 0, 0, 1}, {2, 2}, b), d);
    expect(ivy::eigvalsh(diag), {1, 3}, "eigvalsh");
    expect(ivy::svd(diag).s, {3, 1}, "svd");
    expect(ivy::qr(diag).r, {3, 0, 0, 1}, "qr");
  }
}

}  // namespace

namespace {

// Issue 12, item 20: an array built in one thread and read in another (MLX is lazy: the read
// evaluates it) gave "There is no Stream(cpu, 0) in current thread" on mlx. Every backend
// must hand arrays between threads, also while several threads build and read at once.
TEST(HardeningKernels, ArraysBuiltInOneThreadAreReadInAnother) {
  IVY_NEEDS_ARRAYS();
  const ivy::Backend& b = under_test();
  const ivy::Options o = ivy::Options(ivy::float64).on(b);
  // Built here, read there: 1 + 2 * i for i in 0..4.
  const ivy::Array built = ivy::add(ivy::multiply(ivy::arange(0, 5, 1, o), 2.0), 1.0);
  std::vector<double> read;
  std::thread([&] { read = built.to_vector<double>(); }).join();
  EXPECT_EQ(read, (std::vector<double>{1, 3, 5, 7, 9}));
  // Built there, read here, and four threads at once each reading the others' arrays.
  constexpr int kThreads = 4, kRounds = 50;
  std::vector<ivy::Array> made(kThreads);
  std::vector<std::thread> workers;
  for (int t = 0; t < kThreads; ++t)
    workers.emplace_back([&, t] { made[t] = ivy::add(ivy::arange(0, 3, 1, o), double(t)); });
  for (auto& w : workers) w.join();
  workers.clear();
  std::vector<int> wrong(kThreads, 0);
  for (int t = 0; t < kThreads; ++t)
    workers.emplace_back([&, t] {
      for (int r = 0; r < kRounds; ++r) {
        const int other = (t + r) % kThreads;  // sum of other + {0, 1, 2}
        const ivy::Array s = ivy::sum(ivy::multiply(made[other], 1.0));
        if (s.item<double>() != 3.0 * other + 3.0) ++wrong[t];
      }
    });
  for (auto& w : workers) w.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
}

}  // namespace

namespace {

// A float scalar beyond a narrower float dtype's range rounds to inf in that dtype on every
// backend (LibTorch refused it with a ValueError naming ivy::full; found by the issue 13 work).
TEST(HardeningKernels, FloatScalarsBeyondTheDtypesRangeRoundToInfinity) {
  IVY_NEEDS_ARRAYS();
  const ivy::Backend& b = under_test();
  const ivy::Array x = ivy::ones({2}, ivy::Options(ivy::float32).on(b));
  const std::vector<double> up = ivy::add(x, 1e308).to_vector<double>();
  const std::vector<double> down = ivy::add(x, -1e308).to_vector<double>();
  for (double v : up) EXPECT_EQ(v, std::numeric_limits<double>::infinity());
  for (double v : down) EXPECT_EQ(v, -std::numeric_limits<double>::infinity());
  // Just above float32's largest value, below the rounding midpoint: rounds to the largest.
  const double just_above = 0x1.fffffe8p127;
  EXPECT_EQ(ivy::full({1}, just_above, ivy::Options(ivy::float32).on(b)).item<double>(),
            0x1.fffffep127);
  if (ivy::supports("add", ivy::float16, b)) {
    const ivy::Array h = ivy::ones({1}, ivy::Options(ivy::float16).on(b));
    EXPECT_EQ(ivy::add(h, 70000.0).item<double>(), std::numeric_limits<double>::infinity());
  }
}

}  // namespace

namespace {

// Issue 12, item 13: eye(3, -2) was a silent 3 x 3 in C++ (-1 alone means "m = n").
TEST(HardeningKernels, EyeRefusesANegativeColumnCount) {
  IVY_NEEDS_ARRAYS();
  const ivy::Options o = ivy::Options(ivy::float32).on(under_test());
  EXPECT_EQ(ivy::eye(3, -1, 0, o).shape(), (ivy::Shape{3, 3}));
  EXPECT_EQ(ivy::eye(3, 0, 0, o).shape(), (ivy::Shape{3, 0}));
  try {
    (void)ivy::eye(3, -2, 0, o);
    ADD_FAILURE() << "no error";
  } catch (const ivy::ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("ivy::eye"), std::string::npos) << e.what();
  }
}

}  // namespace

namespace {

// Float sums and means of infinities and NaN, lane by lane (MXNet's Kahan summation turns
// inf + inf and inf + 1 into NaN, so its kernel accounts for them separately): any NaN gives NaN,
// +inf with -inf NaN, only +inf +inf, only -inf -inf, in every dtype, over any axes, with
// keepdims on ranks above MXNet's 5-dimensional where.
std::vector<float> as_floats(const ivy::Array& x) {
  return ivy::cast(x, ivy::DType::float32).to_vector<float>();
}

// Expected values compared exactly, NaN equal to NaN.
void expect_same(const std::vector<float>& got, const std::vector<float>& want,
                 const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (std::isnan(want[i]))
      EXPECT_TRUE(std::isnan(got[i])) << what << " [" << i << "] = " << got[i];
    else
      EXPECT_EQ(got[i], want[i]) << what << " [" << i << "]";
  }
}

TEST(HardeningKernels, FloatSumAndMeanOfInfinitiesAndNanPerLane) {
  IVY_NEEDS_ARRAYS();
  const float inf = std::numeric_limits<float>::infinity();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // Rows: only +inf, only -inf, +inf and -inf, NaN with +inf, finite, +inf twice.
  const std::vector<float> rows{inf, 1.0f, 2.0f, -inf, 1.0f, 2.0f, inf, -inf, 1.0f,
                                nan, inf,  1.0f, 1.0f, 2.0f, 6.0f, inf, inf,  4.0f};
  const std::vector<float> sums{inf, -inf, nan, nan, 9.0f, inf};
  const std::vector<float> means{inf, -inf, nan, nan, 3.0f, inf};  // exact in every dtype
  // The same lanes as columns.
  std::vector<float> cols(rows.size());
  for (std::size_t r = 0; r < 6; ++r)
    for (std::size_t c = 0; c < 3; ++c) cols[c * 6 + r] = rows[r * 3 + c];
  const ivy::Backend& b = ivy::backend(ivy::testing::backend_under_test());
  for (ivy::DType d :
       {ivy::DType::float32, ivy::DType::float64, ivy::DType::float16, ivy::DType::bfloat16}) {
    if (!ivy::supports_dtype(b, d)) continue;
    const std::string name(ivy::dtype_name(d));
    const ivy::Array x = ivy::cast(ivy::array(rows, {6, 3}, under_test()), d);
    const ivy::Array xt = ivy::cast(ivy::array(cols, {3, 6}, under_test()), d);
    expect_same(as_floats(ivy::sum(x, 1)), sums, name + " sum axis 1");
    expect_same(as_floats(ivy::sum(xt, 0)), sums, name + " sum axis 0");
    expect_same(as_floats(ivy::sum(xt, -2, true)), sums, name + " sum axis -2 keepdims");
    expect_same(as_floats(ivy::mean(x, 1)), means, name + " mean axis 1");
    expect_same(as_floats(ivy::mean(xt, 0)), means, name + " mean axis 0");
    // Rank 7, reduced to rank 7 (keepdims) and rank 6, one lane per row.
    const ivy::Array x7 = ivy::reshape(x, {6, 1, 1, 1, 1, 1, 3});
    const ivy::Array s7 = ivy::sum(x7, 6, true);
    EXPECT_EQ(s7.shape(), (ivy::Shape{6, 1, 1, 1, 1, 1, 1})) << name;
    expect_same(as_floats(s7), sums, name + " rank-7 sum keepdims");
    expect_same(as_floats(ivy::mean(x7, -1)), means, name + " rank-7 mean");
    // All axes at once: every special value together is NaN; lanes of one sign keep it.
    EXPECT_TRUE(std::isnan(as_floats(ivy::sum(x))[0])) << name;
    const ivy::Array pos = ivy::cast(ivy::array({inf, 1.0f, inf, 3.0f}, under_test()), d);
    const ivy::Array neg = ivy::cast(ivy::array({-1.0f, -inf, -inf, 3.0f}, under_test()), d);
    expect_same(as_floats(ivy::sum(pos)), {inf}, name + " sum of +inf");
    expect_same(as_floats(ivy::mean(ivy::reshape(neg, {2, 2}))), {-inf}, name + " mean of -inf");
  }
}

// A sum of finite values beyond the dtype's range is +-inf, as NumPy's (MXNet's Kahan sum gave
// NaN); in rank 7 too. A float64 mean of such values overflows as NumPy's does.
TEST(HardeningKernels, FloatSumOfFiniteValuesOverflowsToInfinity) {
  IVY_NEEDS_ARRAYS();
  const float inf = std::numeric_limits<float>::infinity();
  const ivy::Backend& b = ivy::backend(ivy::testing::backend_under_test());
  // Values near each dtype's largest: 60000 (float16), 3e38 (bfloat16, float32), 1.5e308.
  const std::vector<std::pair<ivy::DType, double>> bigs{{ivy::DType::float16, 6e4},
                                                        {ivy::DType::bfloat16, 3e38},
                                                        {ivy::DType::float32, 3e38},
                                                        {ivy::DType::float64, 1.5e308}};
  for (const auto& [d, big] : bigs) {
    if (!ivy::supports_dtype(b, d)) continue;
    const std::string name(ivy::dtype_name(d));
    const ivy::Array x = ivy::cast(
        ivy::array(std::vector<double>{big, big, 1.0, -big, -big, -1.0}, {2, 3}, under_test()), d);
    expect_same(as_floats(ivy::sum(x, 1)), {inf, -inf}, name + " sum");
    expect_same(as_floats(ivy::sum(ivy::reshape(x, {2, 1, 1, 1, 1, 1, 3}), -1, true)), {inf, -inf},
                name + " rank-7 sum");
    // (A float32 mean may accumulate wider, as xtensor's does: its overflow is not asserted.)
    if (d == ivy::DType::float64)
      expect_same(as_floats(ivy::mean(x, 1)), {inf, -inf}, name + " mean");
  }
}

// minimum/maximum in every dtype: NaN in either operand propagates, ties give the first operand
// (its sign of zero), and broadcasting does not change either rule.
TEST(HardeningKernels, MinimumMaximumNanAndTiesInEveryFloatDtype) {
  IVY_NEEDS_ARRAYS();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const ivy::Backend& b = ivy::backend(ivy::testing::backend_under_test());
  for (ivy::DType d :
       {ivy::DType::float32, ivy::DType::float64, ivy::DType::float16, ivy::DType::bfloat16}) {
    if (!ivy::supports_dtype(b, d)) continue;
    const std::string name(ivy::dtype_name(d));
    const ivy::Array x =
        ivy::cast(ivy::array({nan, 1.0f, nan, -0.0f, 0.0f, 2.0f, 1.0f}, under_test()), d);
    const ivy::Array y =
        ivy::cast(ivy::array({1.0f, nan, nan, 0.0f, -0.0f, 1.0f, 2.0f}, under_test()), d);
    const std::vector<float> hi = as_floats(ivy::maximum(x, y));
    const std::vector<float> lo = as_floats(ivy::minimum(x, y));
    expect_same(hi, {nan, nan, nan, 0.0f, 0.0f, 2.0f, 2.0f}, name + " maximum");
    expect_same(lo, {nan, nan, nan, 0.0f, 0.0f, 1.0f, 1.0f}, name + " minimum");
    EXPECT_TRUE(std::signbit(hi[3]) && !std::signbit(hi[4])) << name;
    EXPECT_TRUE(std::signbit(lo[3]) && !std::signbit(lo[4])) << name;
    // A NaN or -0.0 broadcast against a column.
    const ivy::Array col = ivy::cast(ivy::array({{nan}, {-0.0f}}, under_test()), d);
    const ivy::Array row = ivy::cast(ivy::array({0.0f, nan}, under_test()), d);
    const std::vector<float> bh = as_floats(ivy::maximum(col, row));
    expect_same(bh, {nan, nan, 0.0f, nan}, name + " broadcast maximum");
    EXPECT_TRUE(std::signbit(bh[2])) << name;
    const std::vector<float> bl = as_floats(ivy::minimum(row, col));
    expect_same(bl, {nan, nan, 0.0f, nan}, name + " broadcast minimum");
    EXPECT_FALSE(std::signbit(bl[2])) << name;
  }
}

}  // namespace
