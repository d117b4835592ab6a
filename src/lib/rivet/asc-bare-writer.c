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

void
asc_bare_write_u8 (GByteArray *out,
                   guint8      value)
{
  write_fixed (out, value, 1);
}

void
asc_bare_write_u16 (GByteArray *out,
                    guint16     value)
{
  write_fixed (out, value, 2);
}

void
asc_bare_write_u32 (GByteArray *out,
                    guint32     value)
{
  write_fixed (out, value, 4);
}

void
asc_bare_write_u64 (GByteArray *out,
                    guint64     value)
{
  write_fixed (out, value, 8);
}

void
asc_bare_write_i64 (GByteArray *out,
                    gint64      value)
{
  write_fixed (out, (guint64) value, 8);
}

void
asc_bare_write_f64 (GByteArray *out,
                    double      value)
{
  guint64 raw = 0;

  memcpy (&raw, &value, sizeof raw);
  write_fixed (out, raw, 8);
}

void
asc_bare_write_bool (GByteArray *out,
                     gboolean    value)
{
  write_fixed (out, value ? 1 : 0, 1);
}

void
asc_bare_write_data (GByteArray   *out,
                     const guint8 *data,
                     gsize         length)
{
  asc_bare_write_uint (out, length);
  if (length > 0)
    g_byte_array_append (out, data, length);
}

void
asc_bare_write_string (GByteArray *out,
                       const char *value)
{
  asc_bare_write_data (out, (const guint8 *) value, strlen (value));
}

void
asc_bare_write_optional (GByteArray *out,
                         gboolean    present)
{
  asc_bare_write_bool (out, present);
}

void
asc_bare_write_length (GByteArray *out,
                       gsize       count)
{
  asc_bare_write_uint (out, count);
}

void
asc_bare_write_union_tag (GByteArray *out,
                          guint64     tag)
{
  asc_bare_write_uint (out, tag);
}

void
asc_vbare_write_version (GByteArray *out,
                         guint16     version)
{
  write_fixed (out, version, 2);
}
