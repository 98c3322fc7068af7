// ivycpp.vision padding: pad_omni_image.
#include "common.hpp"
#include "ivy/vision/padding.hpp"
#include "vision_args.hpp"

namespace ivypy {

void bind_vision_padding(nb::module_& m) {
  using namespace vision_args;
  m.def(
      "pad_omni_image",
      [](nb::handle image, nb::handle pad_size) {
        const char* fn = "vision.pad_omni_image";
        return ivy::vision::pad_omni_image(as_array(image, fn), to_int(pad_size, fn, "pad_size"));
      },
      nb::arg("image"), nb::arg("pad_size"));
}

}  // namespace ivypy
