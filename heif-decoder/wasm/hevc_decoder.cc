// The decoder's interface for Java: one coded picture in, its planes out, nothing kept in between.
// build.sh compiles it with libde265 to a wasm32-wasi reactor module; Chicory runs it
// (family.gallery.heif.hevc.HevcDecoder), which reads the result block described below, so keep
// the two in step.
//
// Exports (all pointers are offsets into the exported memory):
//   int32_t hevc_alloc(int32_t size)   a block of memory for the input, 0 if there is none
//   void    hevc_free(int32_t pointer) frees what hevc_alloc or hevc_decode returned
//   int32_t hevc_decode(int32_t data, int32_t length)
//     data: NAL units, each preceded by its length as 4 big-endian bytes: the parameter sets
//     (VPS, SPS, PPS), then the slices of one coded picture. Returns a result block, or 0 only if
//     not even the block for an error could be allocated.
//
// Result block: little-endian int32 fields, then the planes and the message in the same
// allocation, so hevc_free(result) frees all of it.
//   [0] status: 0 when a picture was decoded; otherwise a libde265 de265_error code (below 1000
//       an error, from 1000 a warning that means the picture is damaged) or one of HEVC_* below
//   [1] width, [2] height of the luma plane, after the conformance window crop
//   [3] chroma format: 0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
//   [4] bits per luma sample, [5] bits per chroma sample (0 for monochrome)
//   [6] plane 0 (Y), [7] its stride in bytes, [8] plane 1 (Cb), [9] its stride, [10] plane 2 (Cr),
//       [11] its stride (planes 1 and 2 are 0 for monochrome). One byte per sample up to 8 bits,
//       otherwise two, little-endian. Rows are packed: a stride is the width times the sample size.
//   [12] a NUL-terminated message when status is not 0, else 0
//   [13] video_full_range_flag, [14] matrix_coefficients, [15] colour_primaries,
//       [16] transfer_characteristics, from the SPS's VUI. -1 when the stream does not say: [13]
//       without video_signal_type_present_flag, [14] to [16] without colour_description_present_flag.
//       (For such a stream in a HEIF without an nclx box, libheif takes libde265's defaults:
//       limited range, and 2, unspecified, for the other three.)
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libde265/de265.h"
// libde265's own classes, for what its C API does not tell: the sizes in a parameter set before a
// picture is allocated for it, whether the VUI signals colour at all, and the picture's integrity.
#include "libde265/decctx.h"

#define EXPORT(name) extern "C" __attribute__((export_name(#name)))

namespace {

// Our own status codes, apart from libde265's.
enum {
  HEVC_BAD_INPUT = 2001,         // not a sequence of length-prefixed NAL units
  HEVC_TOO_LARGE = 2002,         // a parameter set declares a picture over MAX_SIDE on a side
  HEVC_NO_PICTURE = 2003,        // the NAL units decoded to no picture
  HEVC_DAMAGED_PICTURE = 2004,   // libde265 marked the picture as decoded with errors or parts missing
};

// Refused before any picture buffer is allocated: far above any camera's (or a HEIF tile's) size,
// and about the most that a 32-bit WebAssembly memory has room to decode.
const int MAX_SIDE = 16384;

enum Field {
  STATUS, WIDTH, HEIGHT, CHROMA, LUMA_BITS, CHROMA_BITS,
  PLANE0, STRIDE0, PLANE1, STRIDE1, PLANE2, STRIDE2,
  MESSAGE, FULL_RANGE, MATRIX, PRIMARIES, TRANSFER, FIELD_COUNT
};
const size_t HEADER_BYTES = FIELD_COUNT * 4;

int32_t address(const void* pointer) { return (int32_t) (uintptr_t) pointer; }

int32_t* failure(int status, const char* message) {
  size_t length = strlen(message) + 1;
  int32_t* result = (int32_t*) calloc(1, HEADER_BYTES + length);
  if (!result) return 0;
  char* text = (char*) result + HEADER_BYTES;
  memcpy(text, message, length);
  result[STATUS] = status;
  result[MESSAGE] = address(text);
  for (int field = FULL_RANGE; field <= TRANSFER; field++) result[field] = -1;
  return result;
}

int32_t* libde265_failure(de265_error error) { return failure(error, de265_get_error_text(error)); }

uint32_t read_length(const uint8_t* p) {
  return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

// Warnings after which the picture is incomplete or wrong, not merely unusual. libde265 also queues
// some errors (codes below 1000) as warnings; those count too.
bool damaging(de265_error warning) {
  if ((int) warning < 1000) return true;
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
    case DE265_WARNING_PCM_BITDEPTH_TOO_LARGE:
    case DE265_WARNING_CHROMA_OF_CURRENT_IMAGE_DOES_NOT_MATCH_SPS:
    case DE265_WARNING_BIT_DEPTH_OF_CURRENT_IMAGE_DOES_NOT_MATCH_SPS:
    case DE265_WARNING_INVALID_SLICE_HEADER_INDEX_ACCESS:
      return true;
    default:
      return false;
  }
}

bool too_large(const decoder_context* context) {
  for (int id = 0; id < DE265_MAX_SPS_SETS; id++) {
    const seq_parameter_set* sps = context->get_sps(id);
    if (sps && (sps->pic_width_in_luma_samples > MAX_SIDE || sps->pic_height_in_luma_samples > MAX_SIDE)) {
      return true;
    }
  }
  return false;
}

// libde265 found no error in the picture, and every coding tree block of it was decoded: a missing
// slice leaves some untouched, which libde265 itself does not count as an error. A decoded block
// has its size recorded at its top-left corner; the record is cleared for each new picture.
bool complete(const de265_image* image) {
  if (image->integrity != INTEGRITY_CORRECT) return false;
  const seq_parameter_set& sps = image->get_sps();
  for (int y = 0; y < sps.PicHeightInCtbsY; y++) {
    for (int x = 0; x < sps.PicWidthInCtbsY; x++) {
      if (image->get_log2CbSize(x << sps.Log2CtbSizeY, y << sps.Log2CtbSizeY) == 0) return false;
    }
  }
  return true;
}

int32_t* copy_picture(const de265_image* image) {
  int chroma = de265_get_chroma_format(image);
  int planes = chroma == de265_chroma_mono ? 1 : 3;
  int rows[3], row_bytes[3], strides[3];
  const uint8_t* sources[3];
  size_t total = HEADER_BYTES;
  for (int c = 0; c < planes; c++) {
    int sample_bytes = (de265_get_bits_per_pixel(image, c) + 7) / 8;
    row_bytes[c] = de265_get_image_width(image, c) * sample_bytes;
    rows[c] = de265_get_image_height(image, c);
    sources[c] = de265_get_image_plane(image, c, &strides[c]);
    if (!sources[c] || row_bytes[c] <= 0 || rows[c] <= 0) {
      return failure(HEVC_NO_PICTURE, "the decoded picture has an empty plane");
    }
    total += (size_t) row_bytes[c] * (size_t) rows[c];
  }
  int32_t* result = (int32_t*) malloc(total);
  if (!result) return failure(DE265_ERROR_OUT_OF_MEMORY, "out of memory for the decoded picture");
  memset(result, 0, HEADER_BYTES);
  uint8_t* out = (uint8_t*) result + HEADER_BYTES;
  for (int c = 0; c < planes; c++) {
    result[PLANE0 + 2 * c] = address(out);
    result[STRIDE0 + 2 * c] = row_bytes[c];
    for (int y = 0; y < rows[c]; y++) {
      memcpy(out, sources[c] + (size_t) y * strides[c], row_bytes[c]);
      out += row_bytes[c];
    }
  }
  result[WIDTH] = de265_get_image_width(image, 0);
  result[HEIGHT] = de265_get_image_height(image, 0);
  result[CHROMA] = chroma;
  result[LUMA_BITS] = de265_get_bits_per_pixel(image, 0);
  result[CHROMA_BITS] = planes == 3 ? de265_get_bits_per_pixel(image, 1) : 0;

  // libde265 reports its defaults (limited range, 2 = unspecified) when the VUI is absent; the
  // caller should then fall back to the HEIF's own colour information, so say "not signalled".
  const seq_parameter_set& sps = image->get_sps();
  bool signal_type = sps.vui_parameters_present_flag && sps.vui.video_signal_type_present_flag;
  bool colour = signal_type && sps.vui.colour_description_present_flag;
  result[FULL_RANGE] = signal_type ? de265_get_image_full_range_flag(image) : -1;
  result[MATRIX] = colour ? de265_get_image_matrix_coefficients(image) : -1;
  result[PRIMARIES] = colour ? de265_get_image_colour_primaries(image) : -1;
  result[TRANSFER] = colour ? de265_get_image_transfer_characteristics(image) : -1;
  return result;
}

int32_t* decode(de265_decoder_context* context, const uint8_t* data, uint32_t length, int nal_count) {
  decoder_context* internals = (decoder_context*) context;
  // Worker threads are never started: everything is decoded in this call, on this thread.
  de265_set_parameter_bool(context, DE265_DECODER_PARAM_SUPPRESS_FAULTY_PICTURES, 0);
  for (uint32_t at = 0; at < length;) {
    uint32_t size = read_length(data + at);
    de265_error pushed = de265_push_NAL(context, data + at + 4, (int) size, 0, 0);
    if (pushed != DE265_OK) return libde265_failure(pushed);
    at += 4 + size;
  }
  de265_flush_data(context);

  // Each de265_decode call decodes one NAL unit; a picture reaches the output queue whole, once
  // the NAL units after it (or the end of the data) show that it is complete. The bound on the
  // rounds is there in case the loop would not end.
  for (int round = 0, more = 1; more; round++) {
    if (round > 2 * nal_count + 16) return failure(HEVC_NO_PICTURE, "the decoder did not finish");
    more = 0;
    de265_error status = de265_decode(context, &more);
    for (de265_error warning; (warning = de265_get_warning(context)) != DE265_OK;) {
      if (damaging(warning)) return libde265_failure(warning);
    }
    // The next round may allocate a picture for a parameter set read in this one.
    if (too_large(internals)) {
      return failure(HEVC_TOO_LARGE, "the picture is larger than 16384 pixels on a side");
    }
    if (status == DE265_ERROR_IMAGE_BUFFER_FULL) break;  // more pictures than one: take the first
    if (status != DE265_OK) {
      if (damaging(status)) return libde265_failure(status);
      more = 1;  // libde265 stops at any status, even a harmless warning (an SEI it cannot read)
    }
    if (de265_peek_next_picture(context)) break;
  }

  const de265_image* image = de265_peek_next_picture(context);
  if (!image) return failure(HEVC_NO_PICTURE, "no picture decoded");
  if (!complete(image)) {
    return failure(HEVC_DAMAGED_PICTURE, "the picture decoded with errors or with parts missing");
  }
  return copy_picture(image);
}

}  // namespace

EXPORT(hevc_alloc) int32_t hevc_alloc(int32_t size) {
  return size <= 0 ? 0 : address(malloc((size_t) size));
}

EXPORT(hevc_free) void hevc_free(int32_t pointer) {
  free((void*) (uintptr_t) pointer);
}

EXPORT(hevc_decode) int32_t hevc_decode(int32_t data_pointer, int32_t data_length) {
  const uint8_t* data = (const uint8_t*) (uintptr_t) data_pointer;
  if (!data || data_length <= 0) return address(failure(HEVC_BAD_INPUT, "no HEVC data"));

  // The framing is checked whole before anything is decoded.
  uint32_t length = (uint32_t) data_length;
  int nal_count = 0;
  for (uint32_t at = 0; at < length; nal_count++) {
    if (length - at < 4) {
      return address(failure(HEVC_BAD_INPUT, "the HEVC data ends inside a NAL unit length"));
    }
    uint32_t size = read_length(data + at);
    at += 4;
    if (size > length - at) {
      return address(failure(HEVC_BAD_INPUT, "the HEVC data is truncated: a NAL unit runs past its end"));
    }
    if (size < 2) return address(failure(HEVC_BAD_INPUT, "a NAL unit is shorter than its header"));
    at += size;
  }

  // Held for the life of the instance, so that libde265's tables are built once, not per picture.
  static const bool initialised = de265_init() == DE265_OK;
  if (!initialised) return address(failure(DE265_ERROR_LIBRARY_INITIALIZATION_FAILED, "libde265 did not initialise"));

  de265_decoder_context* context = de265_new_decoder();
  if (!context) return address(failure(DE265_ERROR_OUT_OF_MEMORY, "out of memory for the decoder"));
  int32_t* result = decode(context, data, length, nal_count);
  de265_free_decoder(context);
  return address(result);
}
