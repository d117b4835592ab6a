/* asc-bare.c
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BARE (https://baremessages.org) as Rivet uses it: little-endian fixed-size
 * numbers, LEB128 varints, length-prefixed data and strings, one-byte
 * booleans and optional tags. Every declared length is checked against what
 * remains before anything is allocated, so a hostile frame cannot make the
 * reader allocate more than the frame's own size.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "asc-bare.h"
#include "asc-error.h"

/* A uint64 needs at most ten 7-bit groups. */
#define MAX_VARINT_BYTES 10

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError     **error,
      gsize        offset,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ASC_ERROR, ASC_ERROR_PROTOCOL,
               _("BARE: %s at byte %zu"), what, offset);
  return FALSE;
}

/**
 * asc_bare_reader_init:
 * @reader: the cursor to set up
 * @data: (array length=length) (nullable): the message
 * @length: its length in bytes
 *
 * Points @reader at the start of @data, which must outlive it.
 */
void
asc_bare_reader_init (AscBareReader *reader,
                      const guint8  *data,
                      gsize          length)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (data != NULL || length == 0);

  reader->data = data;
  reader->length = length;
  reader->offset = 0;
}

/**
 * asc_bare_reader_remaining:
 * @reader: a cursor
 *
 * Returns: how many bytes are left to read
 */
gsize
asc_bare_reader_remaining (AscBareReader *reader)
{
  return reader->length - reader->offset;
}

/**
 * asc_bare_reader_finish:
 * @reader: a cursor
 * @error: return location for an error
 *
 * Checks that the whole message was read: BARE messages are not
 * self-delimiting, so leftover bytes mean the schema did not match.
 *
 * Returns: %TRUE when nothing remains
 */
gboolean
asc_bare_reader_finish (AscBareReader  *reader,
                        GError        **error)
{
  if (asc_bare_reader_remaining (reader) == 0)
    return TRUE;

  return fail (error, reader->offset, _("%zu unexpected trailing bytes"),
               asc_bare_reader_remaining (reader));
}

static gboolean
read_varint (AscBareReader  *reader,
             const char     *what,
             guint64        *value,
             GError        **error)
{
  guint64 result = 0;

  for (guint i = 0; i < MAX_VARINT_BYTES; i++)
    {
      guint8 byte;

      if (reader->offset + i >= reader->length)
        return fail (error, reader->offset, _("truncated %s"), what);
      byte = reader->data[reader->offset + i];
      if (i == MAX_VARINT_BYTES - 1 && byte > 1)
        break;
      result |= (guint64) (byte & 0x7f) << (7 * i);
      if ((byte & 0x80) == 0)
        {
          reader->offset += i + 1;
          *value = result;
          return TRUE;
        }
    }

  return fail (error, reader->offset, _("%s overflows 64 bits"), what);
}

/* The fixed-size reads share one bounds check and one little-endian load. */
static gboolean
read_fixed (AscBareReader  *reader,
            const char     *what,
            guint           size,
            guint64        *value,
            GError        **error)
{
  guint64 result = 0;

  if (asc_bare_reader_remaining (reader) < size)
    return fail (error, reader->offset, _("truncated %s"), what);

  for (guint i = 0; i < size; i++)
    result |= (guint64) reader->data[reader->offset + i] << (8 * i);
  reader->offset += size;
  *value = result;

  return TRUE;
}

/**
 * asc_bare_read_uint:
 * @reader: a cursor
 * @value: (out): the value
 * @error: return location for an error
 *
 * Reads a `uint`: an unsigned LEB128 varint of at most ten bytes.
 * Non-minimal encodings are accepted; values past 64 bits are not.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_uint (AscBareReader  *reader,
                    guint64        *value,
                    GError        **error)
{
  return read_varint (reader, "uint", value, error);
}

/**
 * asc_bare_read_int:
 * @reader: a cursor
 * @value: (out): the value
 * @error: return location for an error
 *
 * Reads an `int`: a zig-zag encoded varint.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_int (AscBareReader  *reader,
                   gint64         *value,
                   GError        **error)
{
  guint64 raw = 0;

  if (!read_varint (reader, "int", &raw, error))
    return FALSE;
  *value = (gint64) (raw >> 1) ^ -(gint64) (raw & 1);

  return TRUE;
}

/**
 * asc_bare_read_u8:
 * @reader: a cursor
 * @value: (out): the value
 * @error: return location for an error
 *
 * Reads a `u8`.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_u8 (AscBareReader  *reader,
                  guint8         *value,
                  GError        **error)
{
  guint64 raw = 0;

  if (!read_fixed (reader, "u8", 1, &raw, error))
    return FALSE;
  *value = (guint8) raw;

  return TRUE;
}

/**
 * asc_bare_read_u16:
 * @reader: a cursor
 * @value: (out): the value
 * @error: return location for an error
 *
 * Reads a little-endian `u16`.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_u16 (AscBareReader  *reader,
                   guint16        *value,
                   GError        **error)
{
  guint64 raw = 0;

  if (!read_fixed (reader, "u16", 2, &raw, error))
    return FALSE;
  *value = (guint16) raw;

  return TRUE;
}

/**
 * asc_bare_read_u32:
 * @reader: a cursor
 * @value: (out): the value
 * @error: return location for an error
 *
 * Reads a little-endian `u32`.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_u32 (AscBareReader  *reader,
                   guint32        *value,
                   GError        **error)
{
  guint64 raw = 0;

  if (!read_fixed (reader, "u32", 4, &raw, error))
    return FALSE;
  *value = (guint32) raw;

  return TRUE;
}

/**
 * asc_bare_read_u64:
 * @reader: a cursor
 * @value: (out): the value
 * @error: return location for an error
 *
 * Reads a little-endian `u64`.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_u64 (AscBareReader  *reader,
                   guint64        *value,
                   GError        **error)
{
  return read_fixed (reader, "u64", 8, value, error);
}

/**
 * asc_bare_read_i64:
 * @reader: a cursor
 * @value: (out): the value
 * @error: return location for an error
 *
 * Reads a little-endian `i64`.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_i64 (AscBareReader  *reader,
                   gint64         *value,
                   GError        **error)
{
  guint64 raw = 0;

  if (!read_fixed (reader, "i64", 8, &raw, error))
    return FALSE;
  *value = (gint64) raw;

  return TRUE;
}

/**
 * asc_bare_read_f64:
 * @reader: a cursor
 * @value: (out): the value
 * @error: return location for an error
 *
 * Reads a little-endian IEEE 754 `f64`.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_f64 (AscBareReader  *reader,
                   double         *value,
                   GError        **error)
{
  guint64 raw = 0;

  if (!read_fixed (reader, "f64", 8, &raw, error))
    return FALSE;
  memcpy (value, &raw, sizeof *value);

  return TRUE;
}

/* bool and the optional tag are one byte that must be 0 or 1. */
static gboolean
read_flag (AscBareReader  *reader,
           const char     *what,
           gboolean       *value,
           GError        **error)
{
  guint64 raw = 0;

  if (!read_fixed (reader, what, 1, &raw, error))
    return FALSE;
  if (raw > 1)
    {
      reader->offset--;
      return fail (error, reader->offset, _("%s is %u, neither 0 nor 1"), what, (guint) raw);
    }
  *value = raw == 1;

  return TRUE;
}

/**
 * asc_bare_read_bool:
 * @reader: a cursor
 * @value: (out): the value
 * @error: return location for an error
 *
 * Reads a `bool`; a byte other than 0 or 1 is an error.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_bool (AscBareReader  *reader,
                    gboolean       *value,
                    GError        **error)
{
  return read_flag (reader, "bool", value, error);
}

/**
 * asc_bare_read_optional:
 * @reader: a cursor
 * @present: (out): whether a value follows
 * @error: return location for an error
 *
 * Reads the tag of an `optional<T>`; when @present, read the T next.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_optional (AscBareReader  *reader,
                        gboolean       *present,
                        GError        **error)
{
  return read_flag (reader, "optional tag", present, error);
}

static gboolean
read_bytes (AscBareReader  *reader,
            const char     *what,
            const guint8  **data,
            gsize          *length,
            GError        **error)
{
  gsize start = reader->offset;
  guint64 declared = 0;

  if (!read_varint (reader, what, &declared, error))
    return FALSE;
  if (declared > asc_bare_reader_remaining (reader))
    {
      reader->offset = start;
      return fail (error, start, _("truncated %s"), what);
    }

  *data = reader->data + reader->offset;
  *length = (gsize) declared;
  reader->offset += (gsize) declared;

  return TRUE;
}

/**
 * asc_bare_read_data:
 * @reader: a cursor
 * @data: (out) (transfer none): where the bytes start, inside the message
 * @length: (out): how many there are
 * @error: return location for an error
 *
 * Reads a `data`: a uvarint length and that many bytes, without copying.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_data (AscBareReader  *reader,
                    const guint8  **data,
                    gsize          *length,
                    GError        **error)
{
  return read_bytes (reader, "data", data, length, error);
}

/**
 * asc_bare_read_string:
 * @reader: a cursor
 * @value: (out) (transfer full): the string
 * @error: return location for an error
 *
 * Reads a `str`: a uvarint length and that many bytes of UTF-8. Invalid
 * UTF-8 and NUL bytes, which a C string cannot carry, are errors.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_string (AscBareReader  *reader,
                      char          **value,
                      GError        **error)
{
  gsize start = reader->offset;
  const guint8 *bytes = NULL;
  gsize length = 0;

  if (!read_bytes (reader, "string", &bytes, &length, error))
    return FALSE;
  if (!g_utf8_validate_len ((const char *) bytes, length, NULL))
    {
      reader->offset = start;
      return fail (error, start, _("string is not valid UTF-8"));
    }
  *value = g_strndup ((const char *) bytes, length);

  return TRUE;
}

/**
 * asc_bare_read_length:
 * @reader: a cursor
 * @min_item_size: the fewest bytes one item can take (at least 1)
 * @count: (out): the number of items
 * @error: return location for an error
 *
 * Reads the uvarint count of a `list<T>` or `map<K,V>`. A count that could
 * not fit in the remaining bytes, given @min_item_size, is an error, so
 * callers may size arrays from @count safely.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_length (AscBareReader  *reader,
                      gsize           min_item_size,
                      gsize          *count,
                      GError        **error)
{
  gsize start = reader->offset;
  guint64 declared = 0;

  if (!read_varint (reader, "length", &declared, error))
    return FALSE;
  if (declared > asc_bare_reader_remaining (reader) / MAX (min_item_size, 1))
    {
      reader->offset = start;
      return fail (error, start, _("length declares more items than remain"));
    }
  *count = (gsize) declared;

  return TRUE;
}

/**
 * asc_bare_read_union_tag:
 * @reader: a cursor
 * @tag: (out): the union member's index
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
asc_bare_read_union_tag (AscBareReader  *reader,
                         guint64        *tag,
                         GError        **error)
{
  return read_varint (reader, "union tag", tag, error);
}

/**
 * asc_vbare_read_version:
 * @reader: a cursor at the start of a vbare frame
 * @version: (out): the schema version
 * @error: return location for an error
 *
 * Reads the u16 little-endian version prefix of a vbare frame.
 *
 * Returns: %TRUE on success
 */
gboolean
asc_vbare_read_version (AscBareReader  *reader,
                        guint16        *version,
                        GError        **error)
{
  guint64 raw = 0;

  if (!read_fixed (reader, "version", 2, &raw, error))
    return FALSE;
  *version = (guint16) raw;

  return TRUE;
}
