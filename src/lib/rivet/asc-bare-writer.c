/* asc-bare-writer.c: the BARE writer
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Appends BARE values to a GByteArray, in the encodings asc-bare.c reads:
 * minimal LEB128 varints, little-endian fixed-size numbers, length-prefixed
 * data and strings.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <string.h>

#include "asc-bare.h"

/* A uint64 needs at most ten 7-bit groups. */
#define MAX_VARINT_BYTES 10

/**
 * asc_bare_write_uint:
 * @out: the buffer to append to
 * @value: the value
 *
 * Appends a `uint`: an unsigned LEB128 varint, in its shortest form.
 */
void
asc_bare_write_uint (GByteArray *out,
                     guint64     value)
{
  guint8 buffer[MAX_VARINT_BYTES];
  guint n = 0;

  do
    {
      buffer[n] = value & 0x7f;
      value >>= 7;
      if (value != 0)
        buffer[n] |= 0x80;
      n++;
    }
  while (value != 0);

  g_byte_array_append (out, buffer, n);
}

/**
 * asc_bare_write_int:
 * @out: the buffer to append to
 * @value: the value
 *
 * Appends an `int`: the zig-zag varint of @value.
 */
void
asc_bare_write_int (GByteArray *out,
                    gint64      value)
{
  asc_bare_write_uint (out, ((guint64) value << 1) ^ (guint64) (value >> 63));
}

static void
write_fixed (GByteArray *out,
             guint64     value,
             guint       size)
{
  guint8 buffer[8];

  for (guint i = 0; i < size; i++)
    buffer[i] = (value >> (8 * i)) & 0xff;
  g_byte_array_append (out, buffer, size);
}

/**
 * asc_bare_write_u8:
 * @out: the buffer to append to
 * @value: the value
 *
 * Appends a `u8`.
 */
void
asc_bare_write_u8 (GByteArray *out,
                   guint8      value)
{
  write_fixed (out, value, 1);
}

/**
 * asc_bare_write_u16:
 * @out: the buffer to append to
 * @value: the value
 *
 * Appends a little-endian `u16`.
 */
void
asc_bare_write_u16 (GByteArray *out,
                    guint16     value)
{
  write_fixed (out, value, 2);
}

/**
 * asc_bare_write_u32:
 * @out: the buffer to append to
 * @value: the value
 *
 * Appends a little-endian `u32`.
 */
void
asc_bare_write_u32 (GByteArray *out,
                    guint32     value)
{
  write_fixed (out, value, 4);
}

/**
 * asc_bare_write_u64:
 * @out: the buffer to append to
 * @value: the value
 *
 * Appends a little-endian `u64`.
 */
void
asc_bare_write_u64 (GByteArray *out,
                    guint64     value)
{
  write_fixed (out, value, 8);
}

/**
 * asc_bare_write_i64:
 * @out: the buffer to append to
 * @value: the value
 *
 * Appends a little-endian two's complement `i64`.
 */
void
asc_bare_write_i64 (GByteArray *out,
                    gint64      value)
{
  write_fixed (out, (guint64) value, 8);
}

/**
 * asc_bare_write_f64:
 * @out: the buffer to append to
 * @value: the value
 *
 * Appends a little-endian IEEE 754 `f64`.
 */
void
asc_bare_write_f64 (GByteArray *out,
                    double      value)
{
  guint64 raw = 0;

  memcpy (&raw, &value, sizeof raw);
  write_fixed (out, raw, 8);
}

/**
 * asc_bare_write_bool:
 * @out: the buffer to append to
 * @value: the value
 *
 * Appends a `bool`: one byte, 0 or 1.
 */
void
asc_bare_write_bool (GByteArray *out,
                     gboolean    value)
{
  write_fixed (out, value ? 1 : 0, 1);
}

/**
 * asc_bare_write_data:
 * @out: the buffer to append to
 * @data: (array length=length) (nullable): the bytes
 * @length: how many
 *
 * Appends a `data`: the uvarint @length and the bytes.
 */
void
asc_bare_write_data (GByteArray   *out,
                     const guint8 *data,
                     gsize         length)
{
  asc_bare_write_uint (out, length);
  if (length > 0)
    g_byte_array_append (out, data, length);
}

/**
 * asc_bare_write_string:
 * @out: the buffer to append to
 * @value: UTF-8 text
 *
 * Appends a `str`: the uvarint byte length and the bytes, without NUL.
 */
void
asc_bare_write_string (GByteArray *out,
                       const char *value)
{
  asc_bare_write_data (out, (const guint8 *) value, strlen (value));
}

/**
 * asc_bare_write_optional:
 * @out: the buffer to append to
 * @present: whether a value follows
 *
 * Appends the tag of an `optional<T>`; when @present, append the T next.
 */
void
asc_bare_write_optional (GByteArray *out,
                         gboolean    present)
{
  asc_bare_write_bool (out, present);
}

/**
 * asc_bare_write_length:
 * @out: the buffer to append to
 * @count: the number of items
 *
 * Appends the uvarint count of a `list<T>` or `map<K,V>`; append the items next.
 */
void
asc_bare_write_length (GByteArray *out,
                       gsize       count)
{
  asc_bare_write_uint (out, count);
}

/**
 * asc_bare_write_union_tag:
 * @out: the buffer to append to
 * @tag: the member's index
 *
 * Appends the uvarint tag of a union; append the member next.
 */
void
asc_bare_write_union_tag (GByteArray *out,
                          guint64     tag)
{
  asc_bare_write_uint (out, tag);
}

/**
 * asc_vbare_write_version:
 * @out: the buffer to append to
 * @version: the schema version
 *
 * Appends the u16 little-endian version prefix of a vbare frame.
 */
void
asc_vbare_write_version (GByteArray *out,
                         guint16     version)
{
  write_fixed (out, version, 2);
}
