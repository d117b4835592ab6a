/* asc-bare.h: a bounded BARE reader and writer, with vbare framing; no I/O
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AscBareReader:
 * @data: the message, borrowed
 * @length: its length in bytes
 * @offset: where the next read starts
 *
 * A cursor over one BARE message. Reads never go past @length: a value that
 * does not fit in what remains fails with %ASC_ERROR_PROTOCOL and leaves
 * @offset at the start of that value. Initialise it with
 * asc_bare_reader_init(); it owns nothing.
 */
typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} AscBareReader;

void      asc_bare_reader_init       (AscBareReader  *reader,
                                      const guint8   *data,
                                      gsize           length);
gsize     asc_bare_reader_remaining  (AscBareReader  *reader);
gboolean  asc_bare_reader_finish     (AscBareReader  *reader,
                                      GError        **error);

gboolean  asc_bare_read_uint         (AscBareReader  *reader,
                                      guint64        *value,
                                      GError        **error);
gboolean  asc_bare_read_int          (AscBareReader  *reader,
                                      gint64         *value,
                                      GError        **error);
gboolean  asc_bare_read_u8           (AscBareReader  *reader,
                                      guint8         *value,
                                      GError        **error);
gboolean  asc_bare_read_u16          (AscBareReader  *reader,
                                      guint16        *value,
                                      GError        **error);
gboolean  asc_bare_read_u32          (AscBareReader  *reader,
                                      guint32        *value,
                                      GError        **error);
gboolean  asc_bare_read_u64          (AscBareReader  *reader,
                                      guint64        *value,
                                      GError        **error);
gboolean  asc_bare_read_i64          (AscBareReader  *reader,
                                      gint64         *value,
                                      GError        **error);
gboolean  asc_bare_read_f64          (AscBareReader  *reader,
                                      double         *value,
                                      GError        **error);
gboolean  asc_bare_read_bool         (AscBareReader  *reader,
                                      gboolean       *value,
                                      GError        **error);
gboolean  asc_bare_read_data         (AscBareReader  *reader,
                                      const guint8  **data,
                                      gsize          *length,
                                      GError        **error);
gboolean  asc_bare_read_string       (AscBareReader  *reader,
                                      char          **value,
                                      GError        **error);
gboolean  asc_bare_read_optional     (AscBareReader  *reader,
                                      gboolean       *present,
                                      GError        **error);
gboolean  asc_bare_read_length       (AscBareReader  *reader,
                                      gsize           min_item_size,
                                      gsize          *count,
                                      GError        **error);
gboolean  asc_bare_read_union_tag    (AscBareReader  *reader,
                                      guint64        *tag,
                                      GError        **error);
gboolean  asc_vbare_read_version     (AscBareReader  *reader,
                                      guint16        *version,
                                      GError        **error);

void      asc_bare_write_uint        (GByteArray     *out,
                                      guint64         value);
void      asc_bare_write_int         (GByteArray     *out,
                                      gint64          value);
void      asc_bare_write_u8          (GByteArray     *out,
                                      guint8          value);
void      asc_bare_write_u16         (GByteArray     *out,
                                      guint16         value);
void      asc_bare_write_u32         (GByteArray     *out,
                                      guint32         value);
void      asc_bare_write_u64         (GByteArray     *out,
                                      guint64         value);
void      asc_bare_write_i64         (GByteArray     *out,
                                      gint64          value);
void      asc_bare_write_f64         (GByteArray     *out,
                                      double          value);
void      asc_bare_write_bool        (GByteArray     *out,
                                      gboolean        value);
void      asc_bare_write_data        (GByteArray     *out,
                                      const guint8   *data,
                                      gsize           length);
void      asc_bare_write_string      (GByteArray     *out,
                                      const char     *value);
void      asc_bare_write_optional    (GByteArray     *out,
                                      gboolean        present);
void      asc_bare_write_length      (GByteArray     *out,
                                      gsize           count);
void      asc_bare_write_union_tag   (GByteArray     *out,
                                      guint64         tag);
void      asc_vbare_write_version    (GByteArray     *out,
                                      guint16         version);

G_END_DECLS
