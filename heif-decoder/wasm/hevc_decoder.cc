// The decoder's interface to Java: one coded picture in, its planes out, nothing kept in between.
// Built to wasm32-wasi by build.sh and called through Chicory (family.gallery.heif.hevc.HevcDecoder),
// which reads the result block below; keep the two in step.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libde265/de265.h"

#define EXPORT(name) extern "C" __attribute__((export_name(#name)))

namespace {

// Larger pictures are refused before decoding: HEIF tiles are small and whole photos stay far below.
const int MAX_SIDE = 16384;

// Result block, little-endian int32 fields; see HevcDecoder.java.
enum Field {
  STATUS, WIDTH, HEIGHT, CHROMA, LUMA_BITS, CHROMA_BITS,
  PLANE0, STRIDE0, PLANE1, STRIDE1, PLANE2, STRIDE2,
  MESSAGE, FULL_RANGE, MATRIX, PRIMARIES, TRANSFER, FIELD_COUNT
};

// The block and what it points to are one allocation, so hevc_free(result) frees everything.
int32_t* failure(int status, const char* message) {
  size_t length = strlen(message) + 1;
  int32_t* result = (int32_t*) calloc(1, FIELD_COUNT * 4 + length);
  if (!result) return 0;
  char* text = (char*) (result + FIELD_COUNT);
  memcpy(text, message, length);
  result[STATUS] = status;
  result[MESSAGE] = (int32_t) (intptr_t) text;
  return result;
}

uint32_t read_length(const uint8_t* p) {
  return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

int32_t* copy_picture(const de265_image* image) {
  int chroma = de265_get_chroma_format(image);
  int planes = chroma == de265_chroma_mono ? 1 : 3;
  int widths[3], heights[3], bytes[3], strides[3];
  const uint8_t* sources[3];
  size_t total = FIELD_COUNT * 4;
  for (int c = 0; c < planes; c++) {
    widths[c] = de265_get_image_width(image, c);
    heights[c] = de265_get_image_height(image, c);
    bytes[c] = (de265_get_bits_per_pixel(image, c) + 7) / 8;
    sources[c] = de265_get_image_plane(image, c, &strides[c]);
    total += (size_t) widths[c] * bytes[c] * heights[c];
  }
  int32_t* result = (int32_t*) malloc(total);
  if (!result) return failure(DE265_ERROR_OUT_OF_MEMORY, "out of memory for the decoded picture");
  memset(result, 0, FIELD_COUNT * 4);
  uint8_t* out = (uint8_t*) (result + FIELD_COUNT);
  for (int c = 0; c < planes; c++) {
    int row = widths[c] * bytes[c];
    result[PLANE0 + 2 * c] = (int32_t) (intptr_t) out;
    result[STRIDE0 + 2 * c] = row;
    for (int y = 0; y < heights[c]; y++) {
      memcpy(out, sources[c] + (size_t) y * strides[c], row);
      out += row;
    }
  }
  result[WIDTH] = widths[0];
  result[HEIGHT] = heights[0];
  result[CHROMA] = chroma;
  result[LUMA_BITS] = de265_get_bits_per_pixel(image, 0);
  result[CHROMA_BITS] = planes == 3 ? de265_get_bits_per_pixel(image, 1) : 0;
  result[FULL_RANGE] = de265_get_image_full_range_flag(image);
  result[MATRIX] = de265_get_image_matrix_coefficients(image);
  result[PRIMARIES] = de265_get_image_colour_primaries(image);
  result[TRANSFER] = de265_get_image_transfer_characteristics(image);
  return result;
}

// Warnings that mean the picture is incomplete or wrong, not merely unusual.
bool damaging(de265_error warning) {
  switch (warning) {
    case DE265_WARNING_PREMATURE_END_OF_SLICE_SEGMENT:
    case DE265_WARNING_CTB_OUTSIDE_IMAGE_AREA:
    case DE265_WARNING_SPS_HEADER_INVALID:
    case DE265_WARNING_PPS_HEADER_INVALID:
    case DE265_WARNING_SLICEHEADER_INVALID:
    case DE265_WARNING_NONEXISTING_PPS_REFERENCED:
    case DE265_WARNING_NONEXISTING_SPS_REFERENCED:
    case DE265_WARNING_INVALID_CHROMA_FORMAT:
    case DE265_WARNING_SLICE_SEGMENT_ADDRESS_INVALID:
    case DE265_WARNING_CANNOT_APPLY_SAO_OUT_OF_MEMORY:
    case DE265_WARNING_INVALID_SLICE_HEADER_INDEX_ACCESS:
      return true;
    default:
      return false;
  }
}

int32_t* decode(de265_decoder_context* context, const uint8_t* data, uint32_t length) {
  uint32_t at = 0;
  while (at < length) {
    if (length - at < 4) return failure(DE265_ERROR_PREMATURE_END_OF_SLICE, "the HEVC data ends inside a NAL unit length");
    uint32_t size = read_length(data + at);
    at += 4;
    if (size > length - at) return failure(DE265_ERROR_PREMATURE_END_OF_SLICE, "the HEVC data is truncated: a NAL unit runs past its end");
    de265_error pushed = de265_push_NAL(context, data + at, (int) size, 0, 0);
    if (!de265_isOK(pushed)) return failure(pushed, de265_get_error_text(pushed));
    at += size;
  }
  de265_flush_data(context);
  int more = 1;
  while (more) {
    de265_error status = de265_decode(context, &more);
    if (!de265_isOK(status) && status != DE265_ERROR_WAITING_FOR_INPUT_DATA) {
      return failure(status, de265_get_error_text(status));
    }
    for (de265_error warning; (warning = de265_get_warning(context)) != DE265_OK;) {
      if (damaging(warning)) return failure(warning, de265_get_error_text(warning));
    }
    const de265_image* image = de265_peek_next_picture(context);
    if (image) {
      if (de265_get_image_width(image, 0) > MAX_SIDE || de265_get_image_height(image, 0) > MAX_SIDE) {
        return failure(DE265_ERROR_CODED_PARAMETER_OUT_OF_RANGE, "the picture is larger than 16384 pixels on a side");
      }
      return copy_picture(image);
    }
  }
  return failure(DE265_ERROR_UNSPECIFIED_DECODING_ERROR, "no picture was decoded from the HEVC data");
}

}  // namespace

EXPORT(hevc_alloc) int32_t hevc_alloc(int32_t size) {
  return size <= 0 ? 0 : (int32_t) (intptr_t) malloc((size_t) size);
}

EXPORT(hevc_free) void hevc_free(int32_t pointer) {
  free((void*) (intptr_t) pointer);
}

// NAL units, each after its length as 4 big-endian bytes: parameter sets, then one picture's slices.
// The context lives on between calls (reset each time), so its tables and picture buffers are
// allocated once per instance rather than once per tile.
EXPORT(hevc_decode) int32_t hevc_decode(int32_t data, int32_t length) {
  static de265_decoder_context* context = 0;
  if (!context && !(context = de265_new_decoder())) {
    return (int32_t) (intptr_t) failure(DE265_ERROR_OUT_OF_MEMORY, "out of memory for the decoder");
  }
  de265_reset(context);
  int32_t* result = decode(context, (const uint8_t*) (intptr_t) data, (uint32_t) length);
  return (int32_t) (intptr_t) result;
}
