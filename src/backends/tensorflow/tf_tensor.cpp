#include "backends/tensorflow/tf_tensor.hpp"

#include <cstring>
#include <map>
#include <tuple>

namespace ivy::backends::tensorflow_impl {

TF_DataType to_tf(DType d) {
  switch (d) {
    case DType::bool_:
      return TF_BOOL;
    case DType::int8:
      return TF_INT8;
    case DType::int16:
      return TF_INT16;
    case DType::int32:
      return TF_INT32;
    case DType::int64:
      return TF_INT64;
    case DType::uint8:
      return TF_UINT8;
    case DType::float16:
      return TF_HALF;
    case DType::bfloat16:
      return TF_BFLOAT16;
    case DType::float32:
      return TF_FLOAT;
    case DType::float64:
      return TF_DOUBLE;
  }
  return TF_FLOAT;
}

DType from_tf(TF_DataType d) {
  switch (d) {
    case TF_BOOL:
      return DType::bool_;
    case TF_INT8:
      return DType::int8;
    case TF_INT16:
      return DType::int16;
    case TF_INT32:
      return DType::int32;
    case TF_INT64:
      return DType::int64;
    case TF_UINT8:
      return DType::uint8;
    case TF_HALF:
      return DType::float16;
    case TF_BFLOAT16:
      return DType::bfloat16;
    case TF_FLOAT:
      return DType::float32;
    case TF_DOUBLE:
      return DType::float64;
    default:
      detail::raise<UnsupportedError>(
          "from_native", "tensorflow",
          "a TensorFlow tensor of dtype code " + std::to_string(static_cast<int>(d)) +
              " (unsigned wider than 8 bits, complex, string, quantized) has no ivy dtype");
  }
}

namespace {

struct ThreadStatus {
  TF_Status* s = api().TF_NewStatus();
  ~ThreadStatus() { api().TF_DeleteStatus(s); }
};

// The per-thread op TFE_OpReset recycles; in_use while an Op of the thread is being built.
struct ThreadOp {
  TFE_Op* op = nullptr;
  bool in_use = false;
  ~ThreadOp() {
    if (op) api().TFE_DeleteOp(op);
  }
};
thread_local ThreadOp thread_op;

}  // namespace

TF_Status* status() {
  thread_local ThreadStatus s;
  return s.s;
}

void check(std::string_view fn) {
  const Api& a = api();
  const TF_Code code = a.TF_GetCode(status());
  if (code == TF_OK) return;
  const std::string message = a.TF_Message(status());
  a.TF_SetStatus(status(), TF_OK, "");
  if (code == TF_RESOURCE_EXHAUSTED) detail::raise<MemoryError>(fn, "tensorflow", message);
  detail::raise<UnsupportedError>(fn, "tensorflow", message);
}

void allocation_failed(const Shape& shape, DType d, std::size_t bytes) {
  detail::raise<MemoryError>("allocate", "tensorflow",
                             "TensorFlow could not allocate " + std::to_string(bytes) +
                                 " bytes for a " + std::string(dtype_name(d)) +
                                 " tensor of shape " + shape_str(shape));
}
Shape shape_of(const Tensor& t) {
  const Api& a = api();
  if (!symbolic(t)) {
    TFE_TensorHandle* h = t.handle();
    const int n = a.TFE_TensorHandleNumDims(h, status());
    Shape s(static_cast<std::size_t>(n > 0 ? n : 0));
    for (int i = 0; i < n; ++i) s[i] = a.TFE_TensorHandleDim(h, i, status());
    check("shape");
    return s;
  }
  const ivy::tensorflow::TensorNode& node = *t.node();
  const int n = a.TF_GraphGetTensorNumDims(node.graph.get(), node.symbol, status());
  check("shape");
  if (n < 0) throw TraceError("a rank known only when the function runs");
  Shape s(static_cast<std::size_t>(n));
  a.TF_GraphGetTensorShape(node.graph.get(), node.symbol, s.data(), n, status());
  check("shape");
  for (std::int64_t d : s)
    if (d < 0) throw TraceError("a shape known only when the function runs");
  return s;
}

DType dtype_of(const Tensor& t) {
  if (symbolic(t)) return from_tf(api().TF_OperationOutputType(t.node()->symbol));
  return from_tf(api().TFE_TensorHandleDataType(t.handle()));
}

Resolved::Resolved(const Tensor& t, std::string_view fn) {
  if (symbolic(t))
    throw TraceError(std::string(fn) + " reads the elements of an array on the host");
  t_ = api().TFE_TensorHandleResolve(t.handle(), status());
  check(fn);
}
Resolved::~Resolved() { api().TF_DeleteTensor(t_); }
const void* Resolved::data() const { return api().TF_TensorData(t_); }
std::size_t Resolved::bytes() const { return api().TF_TensorByteSize(t_); }

namespace {

Tensor make_int_vector(const std::vector<std::int64_t>& values, DType d, bool vector) {
  const Shape shape = vector ? Shape{static_cast<std::int64_t>(values.size())} : Shape{};
  return host_tensor(shape, d, [&](void* dst, std::size_t) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (d == DType::int64)
        static_cast<std::int64_t*>(dst)[i] = values[i];
      else
        static_cast<std::int32_t*>(dst)[i] = static_cast<std::int32_t>(values[i]);
    }
  });
}

// Axis, permutation and shape operands repeat from call to call: this thread keeps the short
// ones (eager tensors are immutable, so one can serve every op that needs the same values).
Tensor cached_int_operand(const std::vector<std::int64_t>& values, DType d, bool vector) {
  constexpr std::size_t kLongest = 8, kEntries = 512;
  if (values.size() > kLongest) return make_int_vector(values, d, vector);
  using Key = std::tuple<DType, bool, std::vector<std::int64_t>>;
  thread_local std::map<Key, Tensor> cache;
  Key key{d, vector, values};
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  if (cache.size() >= kEntries) cache.clear();
  Tensor t = make_int_vector(values, d, vector);
  cache.emplace(std::move(key), t);
  return t;
}

}  // namespace

Tensor int64_vector(const std::vector<std::int64_t>& values) {
  return cached_int_operand(values, DType::int64, true);
}

Tensor int32_vector(const std::vector<std::int64_t>& values) {
  return cached_int_operand(values, DType::int32, true);
}

Tensor int32_scalar(std::int64_t v) { return cached_int_operand({v}, DType::int32, false); }

Tensor scalar(const Scalar& value, DType d) {
  if (d == DType::float16 || d == DType::bfloat16)  // rounded by TensorFlow's own Cast
    return cast_to(scalar(value, DType::float64), d, "scalar");
  return host_tensor({}, d,
                     [&](void* dst, std::size_t) { write_value(value, d, dst, "tensorflow"); });
}

Op::Op(const char* name, std::string_view fn) : name_(name), fn_(fn), graph_(tracing_graph()) {
  if (!graph_) start_eager();
}

void Op::start_eager() {
  const Api& a = api();
  cached_ = !thread_op.in_use;
  if (cached_ && thread_op.op) {
    a.TFE_OpReset(thread_op.op, name_, nullptr, status());
    op_ = thread_op.op;
  } else {
    op_ = a.TFE_NewOp(a.context, name_, status());
    if (cached_) thread_op.op = op_;
  }
  if (cached_) thread_op.in_use = true;
  check(fn_);
}

Op::~Op() {
  if (!op_) return;
  if (cached_)
    thread_op.in_use = false;
  else
    api().TFE_DeleteOp(op_);
}

namespace {
TFE_TensorHandle* eager_handle(const Tensor& t, std::string_view fn) {
  if (!t.handle())
    detail::raise<ValueError>(fn, "tensorflow",
                              t ? "a tensor of a traced function (compile_fn) was used outside it"
                                : "an empty ivy::tensorflow::Tensor");
  return t.handle();
}
}  // namespace

Op& Op::input(const Tensor& t) {
  if (graph_) {
    inputs_.push_back({t});
    input_is_list_.push_back(false);
    return *this;
  }
  api().TFE_OpAddInput(op_, eager_handle(t, fn_), status());
  check(fn_);
  return *this;
}

Op& Op::inputs(const std::vector<Tensor>& ts) {
  if (graph_) {
    inputs_.push_back(ts);
    input_is_list_.push_back(true);
    return *this;
  }
  std::vector<TFE_TensorHandle*> hs;
  hs.reserve(ts.size());
  for (const Tensor& t : ts) hs.push_back(eager_handle(t, fn_));
  api().TFE_OpAddInputList(op_, hs.data(), static_cast<int>(hs.size()), status());
  check(fn_);
  return *this;
}

Op& Op::type(const char* attr, DType d) { return type(attr, to_tf(d)); }
Op& Op::type(const char* attr, TF_DataType d) {
  if (graph_)
    attrs_.push_back({Attr::Kind::type, attr, static_cast<std::int64_t>(d)});
  else
    api().TFE_OpSetAttrType(op_, attr, d);
  return *this;
}
Op& Op::integer(const char* attr, std::int64_t v) {
  if (graph_)
    attrs_.push_back({Attr::Kind::integer, attr, v});
  else
    api().TFE_OpSetAttrInt(op_, attr, v);
  return *this;
}
Op& Op::boolean(const char* attr, bool v) {
  if (graph_)
    attrs_.push_back({Attr::Kind::boolean, attr, v ? 1 : 0});
  else
    api().TFE_OpSetAttrBool(op_, attr, v ? 1 : 0);
  return *this;
}
Op& Op::real(const char* attr, float v) {
  if (graph_)
    attrs_.push_back({Attr::Kind::real, attr, 0, v});
  else
    api().TFE_OpSetAttrFloat(op_, attr, v);
  return *this;
}
Op& Op::ints(const char* attr, const std::vector<std::int64_t>& v) {
  if (graph_)
    attrs_.push_back({Attr::Kind::ints, attr, 0, 0, v});
  else
    api().TFE_OpSetAttrIntList(op_, attr, v.data(), static_cast<int>(v.size()));
  return *this;
}
Op& Op::string(const char* attr, std::string_view v) {
  if (graph_)
    attrs_.push_back({Attr::Kind::string, attr, 0, 0, {}, std::string(v)});
  else
    api().TFE_OpSetAttrString(op_, attr, v.data(), v.size());
  return *this;
}

// A recorded op whose inputs are all eager runs now, as it would outside the trace (its result
// is a constant of the graph).
void Op::replay_eagerly() {
  std::vector<std::vector<Tensor>> inputs = std::move(inputs_);
  std::vector<bool> is_list = std::move(input_is_list_);
  std::vector<Attr> attrs = std::move(attrs_);
  graph_ = nullptr;
  start_eager();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (is_list[i])
      this->inputs(inputs[i]);
    else
      input(inputs[i][0]);
  }
  for (const Attr& at : attrs) {
    switch (at.kind) {
      case Attr::Kind::type:
        type(at.name, static_cast<TF_DataType>(at.i));
        break;
      case Attr::Kind::integer:
        integer(at.name, at.i);
        break;
      case Attr::Kind::boolean:
        boolean(at.name, at.i != 0);
        break;
      case Attr::Kind::real:
        real(at.name, at.f);
        break;
      case Attr::Kind::ints:
        ints(at.name, at.list);
        break;
      case Attr::Kind::string:
        string(at.name, at.text);
        break;
    }
  }
}

std::vector<Tensor> Op::build_in_graph() {
  const Api& a = api();
  const std::string op_name = next_op_name();
  TF_OperationDescription* d = a.TF_NewOperation(graph_->get(), name_, op_name.c_str());
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    if (input_is_list_[i]) {
      std::vector<TF_Output> outs;
      for (const Tensor& t : inputs_[i]) outs.push_back(graph_output(*graph_, t));
      a.TF_AddInputList(d, outs.data(), static_cast<int>(outs.size()));
    } else {
      a.TF_AddInput(d, graph_output(*graph_, inputs_[i][0]));
    }
  }
  for (const Attr& at : attrs_) {
    switch (at.kind) {
      case Attr::Kind::type:
        a.TF_SetAttrType(d, at.name, static_cast<TF_DataType>(at.i));
        break;
      case Attr::Kind::integer:
        a.TF_SetAttrInt(d, at.name, at.i);
        break;
      case Attr::Kind::boolean:
        a.TF_SetAttrBool(d, at.name, static_cast<unsigned char>(at.i));
        break;
      case Attr::Kind::real:
        a.TF_SetAttrFloat(d, at.name, at.f);
        break;
      case Attr::Kind::ints:
        a.TF_SetAttrIntList(d, at.name, at.list.data(), static_cast<int>(at.list.size()));
        break;
      case Attr::Kind::string:
        a.TF_SetAttrString(d, at.name, at.text.data(), at.text.size());
        break;
    }
  }
  TF_Operation* op = a.TF_FinishOperation(d, status());
  check(fn_);
  std::vector<Tensor> out;
  const int n = a.TF_OperationNumOutputs(op);
  for (int i = 0; i < n; ++i) {
    auto node = std::make_shared<ivy::tensorflow::TensorNode>();
    node->graph = *graph_;
    node->symbol = TF_Output{op, i};
    out.emplace_back(std::move(node));
  }
  return out;
}

std::vector<Tensor> Op::execute(int n, bool value_errors, std::string_view what) {
  if (graph_) {
    bool any_symbolic = false;
    for (const auto& list : inputs_)
      for (const Tensor& t : list) any_symbolic = any_symbolic || symbolic(t);
    if (any_symbolic) return build_in_graph();
    replay_eagerly();
  }
  const Api& a = api();
  std::vector<TFE_TensorHandle*> out(static_cast<std::size_t>(n), nullptr);
  int got = n;
  a.TFE_Execute(op_, out.data(), &got, status());
  if (value_errors && a.TF_GetCode(status()) == TF_INVALID_ARGUMENT) {
    const std::string message = std::string(what) + " (" + a.TF_Message(status()) + ")";
    a.TF_SetStatus(status(), TF_OK, "");
    detail::raise<ValueError>(fn_, "tensorflow", message);
  }
  check(fn_);
  std::vector<Tensor> result;
  result.reserve(static_cast<std::size_t>(got));
  for (int i = 0; i < got; ++i) result.push_back(Tensor::adopt(out[i]));
  return result;
}

std::vector<Tensor> Op::run(int n) { return execute(n, false, {}); }

std::vector<Tensor> Op::run_or_value_error(int n, std::string_view what) {
  return execute(n, true, what);
}

Tensor Op::run1() {
  if (graph_) return execute(1, false, {})[0];
  TFE_TensorHandle* out = nullptr;
  int got = 1;
  api().TFE_Execute(op_, &out, &got, status());
  check(fn_);
  return Tensor::adopt(out);
}

Tensor run(const char* name, std::string_view fn, std::initializer_list<Tensor> inputs) {
  Op op(name, fn);
  for (const Tensor& t : inputs) op.input(t);
  return op.run1();
}

Tensor cast_to(const Tensor& x, DType d, std::string_view fn) {
  if (dtype_of(x) == d) return x;
  return Op("Cast", fn).input(x).type("DstT", d).run1();
}

Tensor transpose_by(const Tensor& x, const std::vector<int>& perm, std::string_view fn) {
  const Tensor p = int32_vector(std::vector<std::int64_t>(perm.begin(), perm.end()));
  return Op("Transpose", fn).input(x).input(p).run1();
}

Tensor reshape_to(const Tensor& x, const Shape& shape, std::string_view fn) {
  const Tensor s = int64_vector(shape);
  return Op("Reshape", fn).input(x).input(s).run1();
}

void require_cpu(const Device& d, std::string_view fn) {
  if (!d.is_cpu())
    detail::raise<UnsupportedError>(
        fn, "tensorflow",
        "the tensorflow-cpu wheel's TensorFlow runs on the cpu only, not " + d.str());
}

}  // namespace ivy::backends::tensorflow_impl

namespace ivy::tensorflow {

TensorNode::~TensorNode() {
  if (eager) backends::tensorflow_impl::api().TFE_DeleteTensorHandle(eager);
}

Tensor Tensor::adopt(TFE_TensorHandle* h) {
  auto node = std::make_shared<TensorNode>();
  node->eager = h;
  return Tensor(std::move(node));
}

TFE_TensorHandle* Tensor::handle() const noexcept { return node_ ? node_->eager : nullptr; }

TFE_Context* context() { return backends::tensorflow_impl::api().context; }

}  // namespace ivy::tensorflow
