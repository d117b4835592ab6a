/* asc-rivet-bare-fields.c: BARE fields of Rivet frames, read into JSON
 *
 * Copyright 2026 The Actorscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The field shapes the inspector and client protocols share: CBOR inside
 * `data`, optional values and lists of strings.
 */

#define G_LOG_DOMAIN "asc-rivet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "asc-cbor.h"
#include "asc-rivet-bare-fields.h"
#include "asc-rivet-values.h"

/* A count past int64 takes the JSON-compat form, as the CBOR decoder's do. */
JsonNode *
_asc_rivet_json_uint (guint64 value)
{
  g_autofree char *text = NULL;

  if (value <= G_MAXINT64)
    return json_node_init_int (json_node_alloc (), (gint64) value);

  text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  return asc_rivet_value_new_bigint (text);
}

/* A `data` field holding one CBOR item, decoded against the last item of
 * @cache when there is one. */
gboolean
_asc_rivet_bare_read_cbor_cached (AscBareReader  *reader,
                                  AscCborCache   *cache,
                                  JsonNode      **value,
                                  GError        **error)
{
  gsize start = reader->offset;
  const guint8 *bytes = NULL;
  gsize length = 0;

  if (!asc_bare_read_data (reader, &bytes, &length, error))
    return FALSE;

  if (cache != NULL)
    {
      g_autoptr(GBytes) item = g_bytes_new (bytes, length);

      *value = asc_cbor_cache_decode (cache, item, error);
    }
  else
    {
      *value = asc_cbor_decode (bytes, length, error);
    }
  if (*value == NULL)
    g_prefix_error (error, _("data at byte %zu: "), start);

  return *value != NULL;
}

gboolean
_asc_rivet_bare_read_cbor (AscBareReader  *reader,
                           JsonNode      **value,
                           GError        **error)
{
  return _asc_rivet_bare_read_cbor_cached (reader, NULL, value, error);
}

/* Leaves *@value alone when the field is absent. */
gboolean
_asc_rivet_bare_read_optional_cbor (AscBareReader  *reader,
                                    JsonNode      **value,
                                    GError        **error)
{
  gboolean present = FALSE;

  if (!asc_bare_read_optional (reader, &present, error))
    return FALSE;

  return !present || _asc_rivet_bare_read_cbor (reader, value, error);
}

gboolean
_asc_rivet_bare_read_optional_cbor_cached (AscBareReader  *reader,
                                           AscCborCache   *cache,
                                           JsonNode      **value,
                                           GError        **error)
{
  gboolean present = FALSE;

  if (!asc_bare_read_optional (reader, &present, error))
    return FALSE;

  return !present || _asc_rivet_bare_read_cbor_cached (reader, cache, value, error);
}

gboolean
_asc_rivet_bare_read_optional_bytes (AscBareReader  *reader,
                                     GBytes        **value,
                                     GError        **error)
{
  const guint8 *bytes = NULL;
  gsize length = 0;
  gboolean present = FALSE;

  if (!asc_bare_read_optional (reader, &present, error))
    return FALSE;
  if (!present)
    return TRUE;
  if (!asc_bare_read_data (reader, &bytes, &length, error))
    return FALSE;

  *value = g_bytes_new (bytes, length);
  return TRUE;
}

gboolean
_asc_rivet_bare_read_optional_string (AscBareReader  *reader,
                                      char          **value,
                                      GError        **error)
{
  gboolean present = FALSE;

  if (!asc_bare_read_optional (reader, &present, error))
    return FALSE;

  return !present || asc_bare_read_string (reader, value, error);
}

gboolean
_asc_rivet_bare_read_string_list (AscBareReader  *reader,
                                  GStrv          *value,
                                  GError        **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize count = 0;

  if (!asc_bare_read_length (reader, 1, &count, error))
    return FALSE;

  for (gsize i = 0; i < count; i++)
    {
      g_autofree char *item = NULL;

      if (!asc_bare_read_string (reader, &item, error))
        return FALSE;
      g_strv_builder_add (builder, item);
    }

  *value = g_strv_builder_end (builder);
  return TRUE;
}
