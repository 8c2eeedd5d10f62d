#include "helpers.h"

#include <malloc.h>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "activations/registry.h"

namespace activations::js {
namespace {

using emscripten::typed_memory_view;
using emscripten::val;

// Scratch buffers reused across calls: the JS side sends bounded chunks, so the heap stops
// growing after the first calls.
std::vector<double> g_in;
std::vector<double> g_out;
std::vector<double> g_out2;

void copy_from_js(const val& source, std::vector<double>& target) {
  target.resize(source["length"].as<std::size_t>());
  // The view is made after resize(): a heap view must never outlive a possible growth.
  val(typed_memory_view(target.size(), target.data())).call<void>("set", source);
}

void copy_to_js(const std::vector<double>& source, const val& target) {
  target.call<void>("set", val(typed_memory_view(source.size(), source.data())));
}

// Holds the strings that the NamedValue views point into.
struct Params {
  std::vector<std::string> names;
  std::vector<NamedValue> values;

  Params(const val& js_names, const val& js_values) {
    const auto n = js_names["length"].as<std::size_t>();
    names.reserve(n);
    for (std::size_t i = 0; i < n; ++i) names.push_back(js_names[i].as<std::string>());
    for (std::size_t i = 0; i < n; ++i) values.push_back({names[i], js_values[i].as<double>()});
  }
};

// The prepared float32 call. Its id and parameter names point into the registry, so it holds
// no heap memory: preparing a call leaves the allocator as it found it, and memoryUsage() reads
// the same after every call.
struct Float32Call {
  const ActivationSpec* spec = nullptr;  // nullptr: nothing prepared
  std::array<NamedValue, kMaxParams> params{};
};
Float32Call g_call32;
std::vector<float> g_scratch32;

}  // namespace

val prepare32(const std::string& id, const val& names, const val& values) {
  g_call32.spec = nullptr;
  const Params given(names, values);
  Status status = activations::evaluate(id, given.values, std::span<const float>(), {}, {});
  Resolved resolved;
  if (status.ok()) status = resolve(id, given.values, resolved);
  if (status.ok()) {
    const auto& specs = resolved.spec->params;
    for (std::size_t i = 0; i < specs.size(); ++i) {
      g_call32.params[i] = {specs[i].name, resolved.params[i]};
    }
    g_call32.spec = resolved.spec;
  }
  return status_object(status);
}

std::size_t scratch32(std::size_t n) {
  if (g_scratch32.size() < 3 * n) g_scratch32.resize(3 * n);
  return reinterpret_cast<std::uintptr_t>(g_scratch32.data());
}

bool run32(std::size_t n, bool with_df) {
  const ActivationSpec* spec = g_call32.spec;
  if (spec == nullptr || g_scratch32.size() < 3 * n) return false;
  float* z = g_scratch32.data();
  const std::span<float> f(z + n, n);
  const std::span<float> df(z + 2 * n, n);
  const std::span<const float> in(z, n);
  const std::span<const NamedValue> params(g_call32.params.data(), spec->params.size());
  const Status status = with_df ? activations::evaluate(spec->id, params, in, f, df)
                                : activations::evaluate_f(spec->id, params, in, f);
  return status.ok();
}

val registry_to_js() {
  val list = val::array();
  for (const auto& spec : registry()) {
    val params = val::array();
    for (const auto& p : spec.params) {
      val param = val::object();
      param.set("name", std::string(p.name));
      param.set("default", p.default_value);
      param.set("min", p.valid.min);
      param.set("max", p.valid.max);
      param.set("minInclusive", p.valid.min_inclusive);
      param.set("maxInclusive", p.valid.max_inclusive);
      param.set("range", to_string(p.valid));
      val ui = val::object();
      ui.set("min", p.ui_min);
      ui.set("max", p.ui_max);
      ui.set("step", p.ui_step);
      param.set("ui", ui);
      param.set("type", std::string(param_type_name(p.type)));
      params.call<void>("push", param);
    }
    val constants = val::array();
    for (const auto& c : spec.constants) {
      val constant = val::object();
      constant.set("name", std::string(c.name));
      constant.set("value", c.value);
      constants.call<void>("push", constant);
    }
    val kinks = val::array();
    for (const Kink& k : spec.kinks) {
      val kink = val::object();
      kink.set("offset", k.offset);
      kink.set("param", k.param < 0 ? val::null() : val(std::string(spec.params[k.param].name)));
      kink.set("factor", k.factor);
      kinks.call<void>("push", kink);
    }
    val aliases = val::array();
    for (std::string_view a : spec.aliases) aliases.call<void>("push", std::string(a));
    val entry = val::object();
    entry.set("id", std::string(spec.id));
    entry.set("kind", std::string(kind_name(spec.kind)));
    entry.set("params", params);
    entry.set("constants", constants);
    entry.set("kinks", kinks);
    entry.set("aliases", aliases);
    entry.set("monotonic", spec.monotonic);
    entry.set("init", std::string(spec.init));
    if (spec.kind == Kind::kVector) {
      entry.set("maxLength", kMaxVectorLength);
      entry.set("maxJacobianLength", kMaxJacobianLength);
    }
    list.call<void>("push", entry);
  }
  return list;
}

val evaluate(const std::string& id, const val& names, const val& values, const val& z, const val& f,
             const val& df) {
  const Params params(names, values);
  copy_from_js(z, g_in);
  g_out.resize(g_in.size());
  g_out2.resize(g_in.size());
  const Status status = activations::evaluate(id, params.values, g_in, g_out, g_out2);
  if (status.ok()) {
    copy_to_js(g_out, f);
    copy_to_js(g_out2, df);
  }
  return status_object(status);
}

val apply(const std::string& id, const val& names, const val& values, const val& x,
          const val& out) {
  const Params params(names, values);
  copy_from_js(x, g_in);
  g_out.resize(g_in.size());
  const Status status = activations::apply(id, params.values, g_in, g_out);
  if (status.ok()) copy_to_js(g_out, out);
  return status_object(status);
}

val jacobian(const std::string& id, const val& names, const val& values, const val& x,
             const val& out) {
  const Params params(names, values);
  copy_from_js(x, g_in);
  // Checked by the core, but the buffer must not be sized from an unchecked length.
  const std::size_t n = g_in.size() <= kMaxJacobianLength ? g_in.size() : 0;
  g_out.resize(n * n);
  const Status status = activations::jacobian(id, params.values, g_in, g_out);
  if (status.ok()) copy_to_js(g_out, out);
  return status_object(status);
}

}  // namespace activations::js

namespace activations::js {

val to_array(const std::vector<double>& v) {
  return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

val status_object(const Status& status) {
  val out = val::object();
  out.set("code", std::string(error_code_name(status.code())));
  out.set("culprit", status.culprit());
  out.set("message", status.message());
  return out;
}

std::vector<std::pair<std::string, double>> params_from_js(const val& names, const val& values) {
  std::vector<std::pair<std::string, double>> params;
  for (unsigned i = 0; i < names["length"].as<unsigned>(); ++i) {
    params.emplace_back(names[i].as<std::string>(), values[i].as<double>());
  }
  return params;
}

std::size_t heap_in_use() { return static_cast<std::size_t>(mallinfo().uordblks); }

}  // namespace activations::js
